import { describe, expect, test } from "vitest";
import type { Pod } from "../types/kubernetes.js";
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../types/storage.js";
import { podVolumeRequirements } from "./topology.js";
import { indexVolumeObjects } from "./volume-index.js";

const ZONE = "topology.kubernetes.io/zone";
const pod = (claims: readonly string[]): Pod => ({
  metadata: { name: "p", namespace: "ns" },
  spec: { containers: [{}], volumes: claims.map((claimName, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName } })) },
});
const unbound = (name: string, storageClassName: string): PersistentVolumeClaim => ({ metadata: { name, namespace: "ns" }, spec: { storageClassName } });
const wffc = (name: string, terms: readonly (readonly [string, readonly string[]][])[], provisioner = "p"): StorageClass => ({
  metadata: { name },
  provisioner,
  volumeBindingMode: "WaitForFirstConsumer",
  allowedTopologies: terms.map((t) => ({ matchLabelExpressions: t.map(([key, values]) => ({ key, values })) })),
});

describe("podVolumeRequirements", () => {
  test("a pod without claim-backed volumes has no alternatives", () => {
    const p: Pod = { metadata: { name: "p" }, spec: { containers: [{}], volumes: [{ name: "scratch" }] } };
    expect(podVolumeRequirements(p, indexVolumeObjects({}))).toEqual({ ok: true, alternatives: [] });
  });

  test("a StorageClass's topology terms are alternatives; expressions become In", () => {
    const index = indexVolumeObjects({ persistentVolumeClaims: [unbound("c", "sc")], storageClasses: [wffc("sc", [[[ZONE, ["a"]]], [[ZONE, ["b"]]]])] });
    const r = podVolumeRequirements(pod(["c"]), index);
    expect(r.ok && r.alternatives.map((a) => a.requirements.toString())).toEqual([`${ZONE} In [a]`, `${ZONE} In [b]`]);
  });

  test("two volumes combine by cross product, keeping only branches that intersect", () => {
    const index = indexVolumeObjects({
      persistentVolumeClaims: [unbound("c1", "one"), unbound("c2", "two")],
      storageClasses: [wffc("one", [[[ZONE, ["a"]]], [[ZONE, ["b"]]]]), wffc("two", [[[ZONE, ["b", "c"]]], [[ZONE, ["a", "d"]]]])],
    });
    const r = podVolumeRequirements(pod(["c1", "c2"]), index);
    expect(r.ok && r.alternatives.map((a) => a.requirements.toString())).toEqual([`${ZONE} In [a]`, `${ZONE} In [b]`]);
  });

  test("when no branch intersects, every branch is kept (upstream fails the pod at placement)", () => {
    const index = indexVolumeObjects({
      persistentVolumeClaims: [unbound("c1", "one"), unbound("c2", "two")],
      storageClasses: [wffc("one", [[[ZONE, ["a"]]]]), wffc("two", [[[ZONE, ["b"]]]])],
    });
    const r = podVolumeRequirements(pod(["c1", "c2"]), index);
    expect(r.ok && r.alternatives.map((a) => a.expressions.length)).toEqual([2]);
  });

  test("a bound local volume drops hostname expressions but keeps the rest of its term", () => {
    const pv: PersistentVolume = {
      metadata: { name: "pv" },
      spec: {
        local: { path: "/mnt" },
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  { key: "kubernetes.io/hostname", operator: "In", values: ["n1"] },
                  { key: ZONE, operator: "In", values: ["a"] },
                ],
              },
            ],
          },
        },
      },
    };
    const claim: PersistentVolumeClaim = {
      metadata: { name: "c", namespace: "ns", annotations: { "pv.kubernetes.io/bind-completed": "yes" } },
      spec: { volumeName: "pv" },
    };
    const r = podVolumeRequirements(pod(["c"]), indexVolumeObjects({ persistentVolumeClaims: [claim], persistentVolumes: [pv] }));
    expect(r.ok && r.alternatives.map((a) => a.requirements.toString())).toEqual([`${ZONE} In [a]`]);
  });

  test("a bound claim without the bind-completed annotation is not yet bound (upstream, after kube-scheduler)", () => {
    const claim: PersistentVolumeClaim = { metadata: { name: "c", namespace: "ns" }, spec: { volumeName: "pv" } };
    const r = podVolumeRequirements(pod(["c"]), indexVolumeObjects({ persistentVolumeClaims: [claim], persistentVolumes: [{ metadata: { name: "pv" } }] }));
    expect(r).toMatchObject({ ok: false, code: "volume-invalid" });
  });

  test("an unsupported provisioner or topology key refuses the pod when the caller lists it (empty upstream)", () => {
    const index = indexVolumeObjects({
      persistentVolumeClaims: [unbound("c", "sc")],
      storageClasses: [wffc("sc", [[["rack", ["r1"]]]], "kubernetes.io/aws-ebs")],
    });
    expect(podVolumeRequirements(pod(["c"]), index).ok).toBe(true);
    expect(podVolumeRequirements(pod(["c"]), index, { unsupportedProvisioners: new Set(["ebs.csi.aws.com"]) })).toMatchObject({
      ok: false,
      message: "claim ns/c: provisioner ebs.csi.aws.com is not supported",
    });
    expect(podVolumeRequirements(pod(["c"]), index, { unsupportedTopologyKeys: new Set(["rack"]) })).toMatchObject({ ok: false, code: "volume-invalid" });
  });
});

import { describe, expect, test } from "vitest";
import type { DaemonSet, Pod } from "../types/kubernetes.js";
import { volumePrePass, withVolumeFailures } from "./pre-pass.js";

const pod = (name: string, o: { claim?: string; nodeName?: string; dra?: boolean } = {}): Pod => ({
  metadata: { name, namespace: "ns" },
  spec: {
    containers: [{}],
    ...(o.nodeName === undefined ? {} : { nodeName: o.nodeName }),
    ...(o.claim === undefined ? {} : { volumes: [{ name: "v", persistentVolumeClaim: { claimName: o.claim } }] }),
    ...(o.dra === true ? { resourceClaims: [{ name: "gpu" }] } : {}),
  },
});

describe("volumePrePass", () => {
  test("without storage objects or DRA the input comes back as is", () => {
    const input = { pods: [pod("a", { claim: "c" })], daemonSets: [] };
    expect(volumePrePass(input)).toEqual({ input, failures: [] });
    expect(volumePrePass(input).input).toBe(input);
  });

  test("pending pods: DRA and missing claims are taken out; bound pods stay even when their claim is missing", () => {
    const bound = pod("bound", { claim: "gone", nodeName: "n" });
    const { input, failures } = volumePrePass({ pods: [pod("dra", { dra: true }), pod("lost", { claim: "gone" }), bound, pod("plain")], volumes: {} });
    expect(input.pods.map((p) => p.metadata.name)).toEqual(["bound", "plain"]);
    expect(input.pods[0]).toBe(bound);
    expect(failures.map((f) => [f.pod, f.code])).toEqual([
      ["ns/dra", "dynamic-resources-unsupported"],
      ["ns/lost", "volume-not-found"],
    ]);
  });

  test("DaemonSets whose pods use DRA are left out", () => {
    const ds = (name: string, dra: boolean): DaemonSet => ({ metadata: { name }, spec: { template: { spec: pod(name, { dra }).spec } } });
    const { input } = volumePrePass({ pods: [], daemonSets: [ds("plain", false), ds("gpu", true)] });
    expect(input.daemonSets?.map((d) => d.metadata.name)).toEqual(["plain"]);
  });
});

describe("withVolumeFailures", () => {
  test("failures join the unschedulable pods in name order and count in summary.pods", () => {
    const result = { unschedulable: [{ pod: "ns/b" }], summary: { pods: 2, scheduled: 1 } };
    const out = withVolumeFailures(result, [{ pod: "ns/a", code: "volume-not-found", message: "m", nodePools: [] }]);
    expect(out.unschedulable.map((u) => u.pod)).toEqual(["ns/a", "ns/b"]);
    expect(out.summary).toEqual({ pods: 3, scheduled: 1 });
    expect(withVolumeFailures(result, [])).toBe(result);
  });
});

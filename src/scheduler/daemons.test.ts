import { describe, expect, test } from "vitest";
import { daemonSet, pod } from "../testing/builders.js";
import type { Pod } from "../types/kubernetes.js";
import { compileDaemonPods } from "./daemons.js";

const ZONE = "topology.kubernetes.io/zone";
const owned = (name: string, cpu: string, o: { created?: string; owner?: string; uid?: string; namespace?: string; controller?: boolean } = {}): Pod =>
  pod(name, {
    namespace: o.namespace ?? "kube-system",
    requests: { cpu },
    ...(o.created === undefined ? {} : { created: o.created }),
    ownerReferences: [{ kind: "DaemonSet", name: o.owner ?? "ds", controller: o.controller ?? true, ...(o.uid === undefined ? {} : { uid: o.uid }) }],
  });
const cpuOf = (pods: readonly Pod[], ds = daemonSet("ds", { namespace: "kube-system", requests: { cpu: "4" } })) =>
  compileDaemonPods([ds], pods)[0]?.requests.get("cpu");

describe("compileDaemonPods: the pod that stands for a DaemonSet", () => {
  test("without a pod of its own, the template", () => {
    expect(cpuOf([])).toBe(4000);
    // Not its pods: another DaemonSet's, another namespace's, a non-controller owner reference.
    expect(cpuOf([owned("a", "1", { owner: "other" }), owned("b", "1", { namespace: "default" }), owned("c", "1", { controller: false })])).toBe(4000);
  });
  test("the newest pod it controls; on equal times the first", () => {
    expect(cpuOf([owned("old", "1", { created: "2025-01-01T00:00:00Z" }), owned("new", "2", { created: "2025-01-02T00:00:00Z" })])).toBe(2000);
    expect(cpuOf([owned("a", "1"), owned("b", "2")])).toBe(1000);
  });
  test("a uid on both sides must match", () => {
    const ds = daemonSet("ds", { namespace: "kube-system", requests: { cpu: "4" } });
    const withUid = { ...ds, metadata: { ...ds.metadata, uid: "ds-uid" } };
    expect(cpuOf([owned("a", "1", { uid: "stale-uid" })], withUid)).toBe(4000);
    expect(cpuOf([owned("a", "1", { uid: "ds-uid" })], withUid)).toBe(1000);
  });
  test("the template's required node affinity replaces the pod's node pin", () => {
    const required = { nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE, operator: "In", values: ["z1"] }] }] };
    const ds = daemonSet("ds", { namespace: "kube-system", affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: required } } });
    const pinned = pod("p", {
      namespace: "kube-system",
      ownerReferences: [{ kind: "DaemonSet", name: "ds", controller: true }],
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: "metadata.name", operator: "In", values: ["n"] }] }],
          },
        },
      },
    });
    const [compiled] = compileDaemonPods([ds], [pinned]);
    expect(compiled?.requirements.has("metadata.name")).toBe(false);
    expect([...(compiled?.requirements.get(ZONE).values ?? [])]).toEqual(["z1"]);
  });
});

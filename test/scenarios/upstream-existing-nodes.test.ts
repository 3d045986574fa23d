/**
 * Upstream's scheduling suite, `Describe("Existing Nodes")` (pkg/controllers/provisioning/scheduling/suite_test.go):
 * nodes that already exist are filled before anything is launched. The suite's default NodePool allows every
 * capacity type.
 */
import { describe, expect, it } from "vitest";
import { daemonSet, managedNode, node, pod, placement, replicas, req, requiredTerms, run } from "./helpers.js";
import { upstream } from "./upstream/files.js";

const tiny = { requests: { cpu: "10m" }, limits: { cpu: "10m" } };

describe("Existing Nodes", () => {
  it(upstream("scheduling/suite", "Existing Nodes › should schedule a pod to an existing node unowned by Karpenter"), () => {
    const n = node("unowned", { allocatable: { cpu: "10", memory: "10Gi", pods: "110" } });
    expect(placement(run({ pods: [pod("p", tiny)], nodes: [n] })).get("default/p")).toBe("unowned");
  });
  it(upstream("scheduling/suite", "Existing Nodes › should schedule multiple pods to an existing node unowned by Karpenter"), () => {
    const n = node("unowned", { allocatable: { cpu: "10", memory: "100Gi", pods: "110" } });
    const result = run({ pods: replicas("p", 100, tiny), nodes: [n] });
    expect(result.nodeClaims).toEqual([]);
    expect(result.existingNodes.map((e) => [e.name, e.pods.length])).toEqual([["unowned", 100]]);
  });
  it(upstream("scheduling/suite", "Existing Nodes › should order initialized nodes for scheduling uninitialized nodes"), () => {
    // 100 launched nodes of the NodePool, one of them initialized (upstream picks it at random; here the 42nd).
    const nodes = Array.from({ length: 100 }, (_, i) => managedNode(`node-${String(i).padStart(3, "0")}`, "default", { initialized: i === 42 }));
    expect(placement(run({ pods: [pod("p")], nodes })).get("default/p")).toBe("node-042");
  });
  it(upstream("scheduling/suite", "Existing Nodes › should consider a pod incompatible with an existing node but compatible with NodePool"), () => {
    const n = managedNode("existing", "default", { allocatable: { cpu: "10", memory: "10Gi", pods: "110" } });
    const p = pod("p", { affinity: requiredTerms([req("topology.kubernetes.io/zone", "In", "test-zone-1")]) });
    // Without a NodePool the pod has nowhere to go: the node has no zone label.
    expect(run({ pods: [p], nodes: [n], nodePools: [] }).unschedulable.map((u) => u.pod)).toEqual(["default/p"]);
    const result = run({ pods: [p], nodes: [n] });
    expect(result.unschedulable).toEqual([]);
    expect(result.nodeClaims[0]?.pods).toEqual(["default/p"]);
  });
  it(upstream("scheduling/suite", "Existing Nodes › Daemonsets › should not subtract daemonset overhead that is not strictly compatible with an existing node"), () => {
    const n = managedNode("existing", "default", { allocatable: { cpu: "1", memory: "1Gi", pods: "110" } });
    const ds = daemonSet("ds", { requests: { cpu: "100", memory: "100Gi" }, affinity: requiredTerms([req("topology.kubernetes.io/zone", "In", "test-zone-1")]) });
    const first = run({ pods: [pod("p1", { requests: { cpu: "1", memory: "1Gi" } })], nodes: [n], daemonSets: [ds] });
    expect(placement(first).get("default/p1")).toBe("existing");
    // The node is now full; every new node would carry the DaemonSet's 100 CPU.
    const second = run({ pods: [pod("p2", { requests: { cpu: "1", memory: "1Gi" } })], nodes: [n], boundPods: [pod("p1", { requests: { cpu: "1", memory: "1Gi" }, nodeName: "existing" })], daemonSets: [ds] });
    expect(second.unschedulable.map((u) => u.pod)).toEqual(["default/p2"]);
  });
});

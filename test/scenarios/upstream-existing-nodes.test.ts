/**
 * Upstream's scheduling suite (pkg/controllers/provisioning/scheduling/suite_test.go), `Describe("Existing Nodes")`:
 * nodes that already exist are filled before anything is launched; and `Describe("NodePool requirements instance
 * filtering")`: the message a pod gets when its NodePool's requirements leave no instance type. The suite's default
 * NodePool allows every capacity type.
 */
import { describe, expect, it } from "vitest";
import { daemonSet, managedNode, node, nodePool, pod, placement, Provisioner, replicas, req, requiredTerms, run } from "./helpers.js";
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
  it(
    upstream("scheduling/suite", "Existing Nodes › Daemonsets › should not subtract daemonset overhead that is not strictly compatible with an existing node"),
    () => {
      const n = managedNode("existing", "default", { allocatable: { cpu: "1", memory: "1Gi", pods: "110" } });
      const ds = daemonSet("ds", {
        requests: { cpu: "100", memory: "100Gi" },
        affinity: requiredTerms([req("topology.kubernetes.io/zone", "In", "test-zone-1")]),
      });
      const first = run({ pods: [pod("p1", { requests: { cpu: "1", memory: "1Gi" } })], nodes: [n], daemonSets: [ds] });
      expect(placement(first).get("default/p1")).toBe("existing");
      // The node is now full; every new node would carry the DaemonSet's 100 CPU.
      const second = run({
        pods: [pod("p2", { requests: { cpu: "1", memory: "1Gi" } })],
        nodes: [n],
        boundPods: [pod("p1", { requests: { cpu: "1", memory: "1Gi" }, nodeName: "existing" })],
        daemonSets: [ds],
      });
      expect(second.unschedulable.map((u) => u.pod)).toEqual(["default/p2"]);
    },
  );
});

describe("NodePool requirements instance filtering", () => {
  const FILTERED = "nodepool requirements filtered out all available instance types";
  /** The suite's NodePool (every capacity type) with `extra` requirements replacing those on the same keys. */
  const replaced = (...extra: { key: string; operator: string; values: string[] }[]) =>
    nodePool("default", { requirements: [{ key: "karpenter.sh/capacity-type", operator: "In", values: ["spot", "on-demand", "reserved"] }, ...extra] });
  const messages = (result: ReturnType<typeof run>) => result.unschedulable.map((u) => u.message);
  it(
    upstream("scheduling/suite", "NodePool requirements instance filtering › should return appropriate pod error when no available instance types exist"),
    () => {
      const c = new Provisioner();
      c.provision([pod("normal")], [nodePool("default")]);
      expect(c.bound).toHaveLength(1);
      const big = pod("test-pod-filtered", { requests: { cpu: "32", memory: "256Gi" }, limits: { cpu: "32", memory: "256Gi" } });
      const result = c.provision([big], [replaced({ key: "node.kubernetes.io/instance-type", operator: "In", values: ["non-existent-instance-type"] })]);
      expect(result.unschedulable).toHaveLength(1);
      expect(messages(result)[0]).toContain(FILTERED);
    },
  );
  it(
    upstream("scheduling/suite", "NodePool requirements instance filtering › should handle multiple pods when requirements filter out all instance types"),
    () => {
      const result = run({
        pods: [pod("pod-1"), pod("pod-2"), pod("pod-3")],
        nodePools: [replaced({ key: "kubernetes.io/arch", operator: "In", values: ["non-existent-arch"] })],
      });
      expect(result.unschedulable).toHaveLength(3);
      for (const m of messages(result)) expect(m).toContain(FILTERED);
    },
  );
  it(
    upstream("scheduling/suite", "NodePool requirements instance filtering › should handle conflicting requirements that eliminate all instance types"),
    () => {
      const np = replaced({ key: "kubernetes.io/arch", operator: "In", values: ["amd64"] }, { key: "kubernetes.io/arch", operator: "In", values: ["arm64"] });
      const result = run({ pods: [pod("conflicting-requirements-pod")], nodePools: [np] });
      expect(result.unschedulable).toHaveLength(1);
      expect(messages(result)[0]).toContain(FILTERED);
    },
  );
  it(upstream("scheduling/suite", "NodePool requirements instance filtering › should handle zone requirements that filter out all instance types"), () => {
    const result = run({
      pods: [pod("zone-filtered-pod")],
      nodePools: [replaced({ key: "topology.kubernetes.io/zone", operator: "In", values: ["non-existent-zone-1", "non-existent-zone-2"] })],
    });
    expect(result.unschedulable).toHaveLength(1);
    expect(messages(result)[0]).toContain(FILTERED);
  });
});

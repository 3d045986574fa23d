/**
 * Existing and in-flight capacity (reference §2.5–2.6, §2.11; §4.3 category 7): nodes are filled first,
 * initialized before uninitialized then by name, deleting nodes are skipped, uninitialized managed nodes ignore
 * ephemeral and startup taints, launched NodeClaims without a Node are targets too.
 */
import { describe, expect, test } from "vitest";
import type { Pod } from "../../src/types/kubernetes.js";
import { daemonSet, managedNode, node, nodeClaim, nodePool, pod, replicas, run } from "./helpers.js";

const ZONE = "topology.kubernetes.io/zone";
const NOT_READY = { key: "node.kubernetes.io/not-ready", effect: "NoSchedule" };
const STARTUP = { key: "example.com/startup", value: "true", effect: "NoSchedule" };

describe("existing nodes", () => {
  test("a pod that does not fit an existing node gets a new claim", () => {
    const r = run({ pods: [pod("p", { requests: { cpu: "2" } })], nodes: [node("n", { allocatable: { cpu: "1", memory: "4Gi", pods: "10" } })] });
    expect(r.existingNodes).toEqual([]);
    expect(r.nodeClaims.map((c) => c.instanceType)).toEqual(["default-instance-type"]);
  });

  test("an existing node takes pods until full, the rest go to a new claim", () => {
    const r = run({ pods: replicas("p", 3, { requests: { cpu: "1" } }), nodes: [node("n", { allocatable: { cpu: "2", memory: "4Gi", pods: "10" } })] });
    expect(r.existingNodes).toEqual([{ name: "n", pods: ["default/p-0", "default/p-1"] }]);
    expect(r.nodeClaims.map((c) => c.pods)).toEqual([["default/p-2"]]);
  });

  test("bound pods use the node's capacity", () => {
    const n = node("n", { allocatable: { cpu: "2", memory: "4Gi", pods: "10" } });
    const r = run({ pods: [pod("p", { requests: { cpu: "1500m" } })], nodes: [n], boundPods: [pod("old", { requests: { cpu: "1" }, nodeName: "n" })] });
    expect(r.existingNodes).toEqual([]);
    expect(r.nodeClaims).toHaveLength(1);
  });

  test("terminal bound pods free their capacity", () => {
    const n = node("n", { allocatable: { cpu: "2", memory: "4Gi", pods: "10" } });
    const done = pod("done", { requests: { cpu: "2" }, nodeName: "n", phase: "Succeeded" });
    const r = run({ pods: [pod("p", { requests: { cpu: "1500m" } })], nodes: [n], boundPods: [done] });
    expect(r.existingNodes).toEqual([{ name: "n", pods: ["default/p"] }]);
  });

  test("the node's pod count is a resource", () => {
    const n = node("n", { allocatable: { cpu: "4", memory: "4Gi", pods: "1" } });
    const r = run({ pods: [pod("p")], nodes: [n], boundPods: [pod("old", { nodeName: "n" })] });
    expect(r.existingNodes).toEqual([]);
    expect(r.nodeClaims).toHaveLength(1);
  });

  test("a deleting node is not a target", () => {
    const r = run({ pods: [pod("p")], nodes: [node("n", { deleting: true })] });
    expect(r.existingNodes).toEqual([]);
    expect(r.nodeClaims).toHaveLength(1);
  });

  test("a cordoned node is not a target (deviation S8)", () => {
    const r = run({ pods: [pod("p")], nodes: [node("n", { unschedulable: true })] });
    expect(r.existingNodes).toEqual([]);
    expect(r.nodeClaims).toHaveLength(1);
  });

  test("among initialized nodes the first by name wins", () => {
    const r = run({ pods: [pod("p")], nodes: [managedNode("b", "default"), managedNode("a", "default")] });
    expect(r.existingNodes).toEqual([{ name: "a", pods: ["default/p"] }]);
  });

  test("an unmanaged node counts as initialized", () => {
    const r = run({ pods: [pod("p")], nodes: [managedNode("a", "default", { initialized: false }), node("z")] });
    expect(r.existingNodes).toEqual([{ name: "z", pods: ["default/p"] }]);
  });

  test("an uninitialized node is used when no initialized node fits", () => {
    const r = run({ pods: [pod("p")], nodes: [managedNode("a", "default", { initialized: false })] });
    expect(r.existingNodes).toEqual([{ name: "a", pods: ["default/p"] }]);
  });

  test("existing nodes need the pod's labels (strict): a custom label the node has is enough", () => {
    const r = run({ pods: [pod("p", { nodeSelector: { team: "a" } })], nodes: [node("n", { labels: { team: "a" } })] });
    expect(r.existingNodes).toEqual([{ name: "n", pods: ["default/p"] }]);
    expect(r.unschedulable).toEqual([]);
  });

  test("NotIn and DoesNotExist on labels a node lacks are satisfied by it", () => {
    const pods = [
      pod("a", {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "team", operator: "NotIn", values: ["x"] }] }] },
          },
        },
      }),
      pod("b", {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "team", operator: "DoesNotExist" }] }] },
          },
        },
      }),
    ];
    expect(run({ pods, nodes: [node("n")] }).existingNodes).toEqual([{ name: "n", pods: ["default/a", "default/b"] }]);
  });

  test("a pod Exists on a label the node lacks does not use it", () => {
    const p = pod("p", {
      affinity: {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE, operator: "Exists" }] }] } },
      },
    });
    const r = run({ pods: [p], nodes: [node("n")] });
    expect(r.existingNodes).toEqual([]);
    expect(r.nodeClaims).toHaveLength(1);
  });

  test("NodePool limits do not stop pods going to existing nodes", () => {
    const r = run({ pods: [pod("p")], nodes: [managedNode("n", "default")], nodePools: [nodePool("default", { limits: { cpu: "0" } })] });
    expect(r.existingNodes).toEqual([{ name: "n", pods: ["default/p"] }]);
  });

  test("a bound pod's host port blocks the node", () => {
    const n = node("n");
    const r = run({ pods: [pod("p", { ports: [{ hostPort: 80 }] })], nodes: [n], boundPods: [pod("old", { nodeName: "n", ports: [{ hostPort: 80 }] })] });
    expect(r.existingNodes).toEqual([]);
    expect(r.nodeClaims).toHaveLength(1);
  });

  test("a DaemonSet pod already running on the node is not reserved twice", () => {
    const n = node("n", { allocatable: { cpu: "2", memory: "4Gi", pods: "10" } });
    const ds = daemonSet("agent", { requests: { cpu: "1" } });
    const running: Pod = {
      ...pod("agent-n", { requests: { cpu: "1" }, nodeName: "n" }),
      metadata: { name: "agent-n", namespace: "kube-system", uid: "uid-agent-n", ownerReferences: [{ kind: "DaemonSet", name: "agent" }] },
    };
    const r = run({ pods: [pod("p", { requests: { cpu: "1" } })], nodes: [n], boundPods: [running], daemonSets: [ds] });
    expect(r.existingNodes).toEqual([{ name: "n", pods: ["default/p"] }]);
  });
});

describe("uninitialized nodes and their taints", () => {
  test("an uninitialized managed node ignores known ephemeral taints", () => {
    const n = managedNode("n", "default", { initialized: false, taints: [NOT_READY] });
    expect(run({ pods: [pod("p")], nodes: [n] }).existingNodes).toEqual([{ name: "n", pods: ["default/p"] }]);
  });

  test("an initialized node's not-ready taint is respected", () => {
    const n = managedNode("n", "default", { taints: [NOT_READY] });
    const r = run({ pods: [pod("p")], nodes: [n] });
    expect(r.existingNodes).toEqual([]);
    expect(r.nodeClaims).toHaveLength(1);
  });

  test("an uninitialized node ignores its NodeClaim's startup taints", () => {
    const n = managedNode("n", "default", { initialized: false, taints: [STARTUP] });
    const claim = nodeClaim("n-claim", "default", { nodeName: "n", startupTaints: [STARTUP] });
    expect(run({ pods: [pod("p")], nodes: [n], nodeClaims: [claim] }).existingNodes).toEqual([{ name: "n", pods: ["default/p"] }]);
  });

  test("a startup taint still present after initialization is respected", () => {
    const n = managedNode("n", "default", { taints: [STARTUP] });
    const claim = nodeClaim("n-claim", "default", { nodeName: "n", startupTaints: [STARTUP], initialized: true });
    const r = run({ pods: [pod("p")], nodes: [n], nodeClaims: [claim] });
    expect(r.existingNodes).toEqual([]);
    expect(r.nodeClaims).toHaveLength(1);
  });

  test("an uninitialized node keeps taints that are neither ephemeral nor startup", () => {
    const n = managedNode("n", "default", { initialized: false, taints: [{ key: "dedicated", effect: "NoSchedule" }] });
    const r = run({ pods: [pod("p")], nodes: [n] });
    expect(r.existingNodes).toEqual([]);
  });

  test("readiness.k8s.io/ taints are ephemeral", () => {
    const n = managedNode("n", "default", { initialized: false, taints: [{ key: "readiness.k8s.io/network", effect: "NoSchedule" }] });
    expect(run({ pods: [pod("p")], nodes: [n] }).existingNodes).toEqual([{ name: "n", pods: ["default/p"] }]);
  });

  test("an uninitialized node reporting zero allocatable uses its NodeClaim's", () => {
    const n = managedNode("n", "default", { initialized: false, allocatable: { cpu: "0", memory: "0", pods: "0" } });
    const claim = nodeClaim("n-claim", "default", { nodeName: "n", allocatable: { cpu: "4", memory: "4Gi", pods: "10" } });
    expect(run({ pods: [pod("p", { requests: { cpu: "1" } })], nodes: [n], nodeClaims: [claim] }).existingNodes).toEqual([{ name: "n", pods: ["default/p"] }]);
  });
});

describe("in-flight NodeClaims (launched, no Node yet)", () => {
  const inflight = nodeClaim("inflight-1", "default", {
    requirements: [{ key: ZONE, operator: "In", values: ["test-zone-2"] }],
    allocatable: { cpu: "2", memory: "2Gi", pods: "5" },
  });

  test("a pod that fits the in-flight claim goes there instead of a new claim", () => {
    const r = run({ pods: [pod("p", { requests: { cpu: "10m" } })], nodeClaims: [inflight] });
    expect(r.existingNodes).toEqual([{ name: "inflight-1", pods: ["default/p"] }]);
    expect(r.nodeClaims).toEqual([]);
  });

  test("a pod whose zones include the claim's zone goes there", () => {
    const r = run({
      pods: [
        pod("p", {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE, operator: "In", values: ["test-zone-1", "test-zone-2"] }] }],
              },
            },
          },
        }),
      ],
      nodeClaims: [inflight],
    });
    expect(r.existingNodes).toEqual([{ name: "inflight-1", pods: ["default/p"] }]);
  });

  test("a pod excluding the claim's zone needs a new claim", () => {
    const r = run({
      pods: [
        pod("p", {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE, operator: "In", values: ["test-zone-1", "test-zone-3"] }] }],
              },
            },
          },
        }),
      ],
      nodeClaims: [inflight],
    });
    expect(r.existingNodes).toEqual([]);
    expect(r.nodeClaims).toHaveLength(1);
  });

  test("a pod bigger than the in-flight claim's room needs a new claim", () => {
    const r = run({ pods: [pod("p", { requests: { cpu: "3" } })], nodeClaims: [inflight] });
    expect(r.existingNodes).toEqual([]);
    expect(r.nodeClaims.map((c) => c.instanceType)).toEqual(["default-instance-type"]);
  });

  test("the in-flight claim's startup taints are ignored, its other taints are not", () => {
    const started = nodeClaim("c", "default", { taints: [STARTUP], startupTaints: [STARTUP], allocatable: { cpu: "2", memory: "2Gi", pods: "5" } });
    expect(run({ pods: [pod("p")], nodeClaims: [started] }).existingNodes).toEqual([{ name: "c", pods: ["default/p"] }]);
    const tainted = nodeClaim("c", "default", { taints: [{ key: "dedicated", effect: "NoSchedule" }], allocatable: { cpu: "2", memory: "2Gi", pods: "5" } });
    expect(run({ pods: [pod("p")], nodeClaims: [tainted] }).existingNodes).toEqual([]);
  });

  test("existing nodes of a NodePool count against its limits, in-flight claims included", () => {
    const claim = nodeClaim("c", "default", { allocatable: { cpu: "4", memory: "4Gi", pods: "1" } });
    const r = run({ pods: replicas("p", 2), nodeClaims: [claim], nodePools: [nodePool("default", { limits: { cpu: "4" } })] });
    expect(r.existingNodes).toEqual([{ name: "c", pods: ["default/p-0"] }]);
    expect(r.unschedulable.map((u) => [u.pod, u.code])).toEqual([["default/p-1", "limits-exceeded"]]);
  });
});

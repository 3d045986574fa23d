/**
 * Upstream's disruption suite (pkg/controllers/disruption/suite_test.go), candidate filtering: whether a node becomes a
 * disruption candidate at all. Upstream asks `NewCandidate` for one node of the most expensive on-demand type; here the
 * planner's `blocked` entry for that node says why it is not one (a code from the candidate filter), and a node that
 * passes the filter either gets a command or is kept for a later reason (price, fit).
 */
import { describe, expect, it } from "vitest";
import type { Node, Pod, PodDisruptionBudget } from "../../src/types/kubernetes.js";
import { catalogue, disruptionPool, MOST_EXPENSIVE, owned, suiteNode } from "./disruption-fixtures.js";
import { evictionCost } from "../../src/consolidation/index.js";
import { consolidate, nodeClaim, pod } from "./helpers.js";
import { upstream } from "./upstream/files.js";

/** The blocker codes of the candidate filter (before any simulation). */
const FILTER = new Set(["not-managed", "unknown-nodepool", "not-initialized", "deleting", "do-not-disrupt", "pdb", "multiple-pdbs"]);
const LABELS = { test: "value" };

/** The candidate filter's verdict on `node-0`: its filter code, or "candidate". */
function verdict(
  nodes: readonly Node[],
  pods: readonly Pod[] = [],
  pdbs: readonly PodDisruptionBudget[] = [],
  pools = [disruptionPool("default", "WhenEmptyOrUnderutilized")],
): string {
  const plan = consolidate({ nodePools: pools, nodes, pods, podDisruptionBudgets: pdbs, instanceTypes: catalogue }, { maxCommands: 1 });
  const code = plan.blocked.find((b) => b.node === "node-0")?.code;
  return code !== undefined && FILTER.has(code) ? code : "candidate";
}
const base = (annotations: Record<string, string> = {}) => suiteNode("node-0", "default", MOST_EXPENSIVE, annotations);
const blockingPdb = (name = "pdb"): PodDisruptionBudget => ({
  metadata: { name, namespace: "default" },
  spec: { selector: { matchLabels: LABELS }, maxUnavailable: 0 },
  status: { disruptionsAllowed: 0 },
});
const withAnnotations = (p: Pod, annotations: Record<string, string>): Pod => ({
  ...p,
  metadata: { ...p.metadata, annotations: { ...p.metadata.annotations, ...annotations } },
});
const mirror = (p: Pod): Pod => ({ ...p, metadata: { ...p.metadata, ownerReferences: [{ kind: "Node", name: "node-0", uid: "node-uid", controller: true }] } });
const terminal = (p: Pod): Pod => ({ ...p, status: { phase: "Succeeded" } });
const terminating = (p: Pod): Pod => ({ ...p, metadata: { ...p.metadata, deletionTimestamp: "2025-01-01T11:59:00Z" } });
const DND = { "karpenter.sh/do-not-disrupt": "true" };
const rsPod = () => owned("pod", "node-0", "ReplicaSet", false, LABELS);

describe("candidate filtering", () => {
  it(upstream("disruption/suite", "should not consider candidates that have do-not-disrupt on nodes"), () => {
    expect(verdict([base(DND)])).toBe("do-not-disrupt");
  });
  it(upstream("disruption/suite", "should not consider candidates that have do-not-disrupt mirror pods scheduled"), () => {
    expect(verdict([base()], [withAnnotations(mirror(pod("mirror", { nodeName: "node-0", phase: "Running" })), DND)])).toBe("do-not-disrupt");
  });
  it(upstream("disruption/suite", "should not consider candidates that have do-not-disrupt daemonset pods scheduled"), () => {
    expect(verdict([base()], [withAnnotations(owned("ds-pod", "node-0", "DaemonSet"), DND)])).toBe("do-not-disrupt");
  });
  it(upstream("disruption/suite", "should consider candidates that have do-not-disrupt terminating pods"), () => {
    expect(verdict([base()], [terminating(withAnnotations(rsPod(), DND))])).toBe("candidate");
  });
  it(upstream("disruption/suite", "should consider candidates that have do-not-disrupt terminal pods"), () => {
    expect(verdict([base()], [terminal(withAnnotations(rsPod(), DND))])).toBe("candidate");
  });
  it(upstream("disruption/suite", "should not consider candidates that have multiple PDBs on the same pod"), () => {
    const open = (name: string): PodDisruptionBudget => ({
      metadata: { name, namespace: "default" },
      spec: { selector: { matchLabels: LABELS }, maxUnavailable: 1 },
      status: { disruptionsAllowed: 1 },
    });
    expect(verdict([base()], [rsPod()], [open("pdb-1"), open("pdb-2")])).toBe("multiple-pdbs");
  });
  it(upstream("disruption/suite", "should not consider candidates that have fully blocking PDBs"), () => {
    expect(verdict([base()], [rsPod()], [blockingPdb()])).toBe("pdb");
  });
  it(upstream("disruption/suite", "should not consider candidates that have fully blocking PDBs on daemonset pods"), () => {
    expect(verdict([base()], [owned("ds-pod", "node-0", "DaemonSet", false, LABELS)], [blockingPdb()])).toBe("pdb");
  });
  it(upstream("disruption/suite", "should consider candidates that have fully blocking PDBs on mirror pods"), () => {
    expect(verdict([base()], [mirror(pod("mirror", { nodeName: "node-0", phase: "Running", labels: LABELS }))], [blockingPdb()])).toBe("candidate");
  });
  it(upstream("disruption/suite", "should consider candidates that have fully blocking PDBs on terminal pods"), () => {
    expect(verdict([base()], [terminal(rsPod())], [blockingPdb()])).toBe("candidate");
  });
  it(upstream("disruption/suite", "should consider candidates that have fully blocking PDBs on terminating pods"), () => {
    expect(verdict([base()], [terminating(rsPod())], [blockingPdb()])).toBe("candidate");
  });
  it(upstream("disruption/suite", "should not consider candidates that are deleting"), () => {
    const n = base();
    expect(verdict([{ ...n, metadata: { ...n.metadata, deletionTimestamp: "2025-01-01T11:00:00Z" } }])).toBe("deleting");
  });
  it(upstream("disruption/suite", "should not consider candidates that aren't yet initialized"), () => {
    const n = base();
    const labels = { ...n.metadata.labels };
    delete labels["karpenter.sh/initialized"];
    expect(verdict([{ ...n, metadata: { ...n.metadata, labels } }])).toBe("not-initialized");
  });
  it(upstream("disruption/suite", "should not consider candidates that are not owned by a NodePool (no karpenter.sh/nodepool label)"), () => {
    const n = base();
    const labels = { ...n.metadata.labels };
    delete labels["karpenter.sh/nodepool"];
    expect(verdict([{ ...n, metadata: { ...n.metadata, labels } }])).toBe("not-managed");
  });
  it(upstream("disruption/suite", "should not consider candidates that are have a non-existent NodePool"), () => {
    expect(verdict([base()], [], [], [disruptionPool("other", "WhenEmptyOrUnderutilized")])).toBe("unknown-nodepool");
  });
});

describe("Pod Eviction Cost", () => {
  const costOf = (o: { deletionCost?: string; priority?: number }): number => {
    const p = pod("p");
    return evictionCost({
      ...p,
      metadata: { ...p.metadata, ...(o.deletionCost === undefined ? {} : { annotations: { "controller.kubernetes.io/pod-deletion-cost": o.deletionCost } }) },
      spec: { ...p.spec, ...(o.priority === undefined ? {} : { priority: o.priority }) },
    });
  };
  it(upstream("disruption/suite", "should have a standard disruptionCost for a pod with no priority or disruptionCost specified"), () => {
    expect(costOf({})).toBe(1);
  });
  it(upstream("disruption/suite", "should have a higher disruptionCost for a pod with a positive deletion disruptionCost"), () => {
    expect(costOf({ deletionCost: "100" })).toBeGreaterThan(1);
  });
  it(upstream("disruption/suite", "should have a lower disruptionCost for a pod with a positive deletion disruptionCost"), () => {
    expect(costOf({ deletionCost: "-100" })).toBeLessThan(1);
  });
  it(upstream("disruption/suite", "should have higher costs for higher deletion costs"), () => {
    expect(costOf({ deletionCost: "101" })).toBeGreaterThan(costOf({ deletionCost: "100" }));
    expect(costOf({ deletionCost: "100" })).toBeGreaterThan(costOf({ deletionCost: "99" }));
  });
  it(upstream("disruption/suite", "should have a higher disruptionCost for a pod with a higher priority"), () => {
    expect(costOf({ priority: 1 })).toBeGreaterThan(1);
  });
  it(upstream("disruption/suite", "should have a lower disruptionCost for a pod with a lower priority"), () => {
    expect(costOf({ priority: -1 })).toBeLessThan(1);
  });
});

describe("candidates with missing labels", () => {
  /** The base node without `key` among its labels. */
  const without = (key: string): Node => {
    const n = base();
    const labels = Object.fromEntries(Object.entries(n.metadata.labels ?? {}).filter(([k]) => k !== key));
    return { ...n, metadata: { ...n.metadata, labels } };
  };
  it(upstream("disruption/suite", "should consider candidates that do not have the karpenter.sh/capacity-type label"), () => {
    expect(verdict([without("karpenter.sh/capacity-type")])).toBe("candidate");
  });
  it(upstream("disruption/suite", "should consider candidates that do not have the topology.kubernetes.io/zone label"), () => {
    expect(verdict([without("topology.kubernetes.io/zone")])).toBe("candidate");
  });
  it(upstream("disruption/suite", "should consider candidates that do not have the node.kubernetes.io/instance-type label"), () => {
    expect(verdict([without("node.kubernetes.io/instance-type")])).toBe("candidate");
  });
  it(upstream("disruption/suite", "should consider candidates that have an instance type that cannot be resolved"), () => {
    // Upstream removes the type from the NodePool's instance types; here the catalogue does not know the name.
    const n = base();
    const unknown = { ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, "node.kubernetes.io/instance-type": "no-such-type" } } };
    expect(verdict([unknown])).toBe("candidate");
  });
});

describe("Simulate Scheduling", () => {
  it(upstream("disruption/suite", "should allow pods on deleting nodes to reschedule to uninitialized nodes"), () => {
    // Ten initialized nodes of the most expensive type with 3 CPU allocatable; every NodeClaim but node-0's is marked
    // for deletion (here: deleting). node-0 runs a 2-CPU pod; simulating its removal must place that pod.
    const nodes = Array.from({ length: 10 }, (_, i) => {
      const n = suiteNode(`node-${i}`, "default", MOST_EXPENSIVE);
      return { ...n, status: { ...n.status, allocatable: { cpu: "3", pods: "100" }, capacity: { cpu: "3", pods: "100" } } };
    });
    const nodeClaims = nodes.map((n, i) => {
      const c = nodeClaim(`${n.metadata.name ?? ""}-claim`, "default", { nodeName: n.metadata.name ?? "", initialized: true });
      return i === 0 ? c : { ...c, metadata: { ...c.metadata, deletionTimestamp: "2025-01-01T11:00:00Z" } };
    });
    const p = pod("pod", { nodeName: "node-0", phase: "Running", requests: { cpu: "2", memory: "100Mi" } });
    const plan = consolidate(
      { nodePools: [disruptionPool("default", "WhenEmptyOrUnderutilized")], nodes, nodeClaims, pods: [p], instanceTypes: catalogue },
      { maxCommands: 1 },
    );
    expect(plan.commands[0]?.candidates).toEqual(["node-0"]);
    // The other nodes are deleting, so the pod goes to the replacement, which is not initialized yet.
    expect(plan.commands[0]?.decision).toBe("replace");
    expect(plan.commands[0]?.reschedules).toEqual([{ pod: "default/pod", to: plan.commands[0]?.replacements[0]?.name }]);
    expect(plan.blocked.find((b) => b.node === "node-0")).toBeUndefined();
  });
});

/**
 * Upstream's drift suite (pkg/controllers/disruption/drift_test.go), translated one `It` at a time through the
 * consolidation planner on the disruption suite's assorted catalogue. The suite's NodePool consolidates after 1h, so
 * its freshly created nodes are not yet consolidatable (their NodeClaims lack the Consolidatable condition): only drift
 * acts. Drift is a `Drifted=True` condition on the node's NodeClaim (deviation C5). One reconcile is `maxCommands: 1`.
 */
import { describe, expect, it } from "vitest";
import type { Node, NodeClaim, NodePool, Pod } from "../../src/types/kubernetes.js";
import { fakeInstanceType } from "../../src/testing/fake-catalog.js";
import { catalogue, disruptionPool, MOST_EXPENSIVE, owned, suiteNode, withRequests } from "./disruption-fixtures.js";
import { consolidate, pod } from "./helpers.js";
import { upstream } from "./upstream/files.js";

const NOW = "2025-01-01T12:00:00Z";
const pool = (consolidateAfter = "1h"): NodePool => disruptionPool("default", "WhenEmptyOrUnderutilized", [{ nodes: "100%" }], consolidateAfter);
/** A node of the most expensive on-demand type created a minute ago (inside consolidateAfter). */
function freshNode(name: string, annotations: Record<string, string> = {}): Node {
  const n = suiteNode(name, "default", MOST_EXPENSIVE, annotations);
  return { ...n, metadata: { ...n.metadata, creationTimestamp: "2025-01-01T11:59:00Z" } };
}
/** The node's NodeClaim, with `Drifted` set to `drifted` (or absent when undefined). */
function claimOf(node: string, drifted: "True" | "False" | undefined): NodeClaim {
  return {
    metadata: { name: `claim-${node}`, labels: { "karpenter.sh/nodepool": "default" }, creationTimestamp: "2025-01-01T11:59:00Z" },
    spec: { requirements: [] },
    status: {
      nodeName: node,
      lastPodEventTime: "2025-01-01T11:59:00Z",
      conditions: [{ type: "Initialized", status: "True" }, ...(drifted ? [{ type: "Drifted", status: drifted }] : [])],
    },
  };
}
const plan1 = (nodes: Node[], nodeClaims: NodeClaim[], pods = [owned("pod", "node-0", "ReplicaSet", false, { app: "test" })], np = pool()) =>
  consolidate({ nodePools: [np], nodes, nodeClaims, pods, instanceTypes: catalogue }, { maxCommands: 1, now: NOW });

describe("Drift", () => {
  it(upstream("disruption/drift", "Drift › should ignore nodes without the drifted status condition"), () => {
    expect(plan1([freshNode("node-0")], [claimOf("node-0", undefined)]).commands).toEqual([]);
  });
  it(upstream("disruption/drift", "Drift › should ignore nodes with the drifted status condition set to false"), () => {
    expect(plan1([freshNode("node-0")], [claimOf("node-0", "False")]).commands).toEqual([]);
  });
  it(upstream("disruption/drift", "Drift › should ignore nodes with the karpenter.sh/do-not-disrupt annotation set to true"), () => {
    expect(plan1([freshNode("node-0", { "karpenter.sh/do-not-disrupt": "true" })], [claimOf("node-0", "True")]).commands).toEqual([]);
  });
  it(upstream("disruption/drift", "Drift › should delete drifted nodes with the karpenter.sh/do-not-disrupt annotation set to false"), () => {
    const plan = plan1(
      [freshNode("node-0", { "karpenter.sh/do-not-disrupt": "false" }), freshNode("node-1")],
      [claimOf("node-0", "True"), claimOf("node-1", undefined)],
    );
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ method: "drift", decision: "delete", candidates: ["node-0"], replacements: [] });
  });
  it(upstream("disruption/drift", "Drift › should replace drifted nodes"), () => {
    const plan = plan1([freshNode("node-0")], [claimOf("node-0", "True")]);
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ method: "drift", decision: "replace", candidates: ["node-0"] });
    expect(plan.commands[0]?.replacements).toHaveLength(1);
  });
  it(upstream("disruption/drift", "Drift › should delete drifted nodes"), () => {
    const plan = plan1([freshNode("node-0"), freshNode("node-1")], [claimOf("node-0", "True"), claimOf("node-1", undefined)]);
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ method: "drift", decision: "delete", candidates: ["node-0"], replacements: [] });
  });
  it(upstream("disruption/drift", "Drift › should delete drifted nodes when they are empty and consolidation is disabled"), () => {
    const plan = plan1([freshNode("node-0")], [claimOf("node-0", "True")], [], pool("Never"));
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "delete", candidates: ["node-0"], replacements: [] });
  });
});

describe("Drift › order", () => {
  it(upstream("disruption/drift", "Drift › should drift one non-empty node at a time, starting with the earliest drift"), () => {
    // node-1 drifted an hour before node-0 (which drifts now); names and creation times would pick node-0 first.
    const drifted = (node: string, at: string): NodeClaim => {
      const c = claimOf(node, undefined);
      const conditions = [...(c.status?.conditions ?? []), { type: "Drifted", status: "True", lastTransitionTime: at }];
      return { ...c, status: { ...c.status, conditions } };
    };
    // Each pod fits only on a node of its own (30 of 32 CPUs), so one drift command moves one pod.
    const pods = ["node-0", "node-1"].map((n, i) => withRequests(owned(`pod-${i}`, n, "ReplicaSet", false, { app: "test" }), { cpu: "30" }));
    const plan = plan1([freshNode("node-0"), freshNode("node-1")], [drifted("node-0", NOW), drifted("node-1", "2025-01-01T11:00:00Z")], pods);
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ method: "drift", decision: "replace", candidates: ["node-1"] });
  });
});

describe("Drift › do-not-disrupt pods", () => {
  /** A pod on `node` (no owner, as upstream's) with the do-not-disrupt annotation `value`, started at NOW. */
  const annotated = (name: string, value: string, node = "node-0"): Pod => {
    const p = pod(name, { nodeName: node, phase: "Running" });
    return { ...p, metadata: { ...p.metadata, annotations: { "karpenter.sh/do-not-disrupt": value } }, status: { ...p.status, startTime: NOW } };
  };
  const at = (pods: Pod[], now: string) =>
    consolidate(
      { nodePools: [pool()], nodes: [freshNode("node-0")], nodeClaims: [claimOf("node-0", "True")], pods, instanceTypes: catalogue },
      { maxCommands: 1, now },
    ).commands;

  it(
    upstream(
      "disruption/drift",
      "Drift › should not create replacements for drifted nodes that have pods with the karpenter.sh/do-not-disrupt annotation set to true",
    ),
    () => {
      expect(at([annotated("pod", "true")], NOW)).toEqual([]);
    },
  );
  it(upstream("disruption/drift", "Drift › should not drift nodes with pods that have a duration-based do-not-disrupt annotation that is still active"), () => {
    const pods = [annotated("pod", "2m")];
    expect(at(pods, NOW)).toEqual([]);
    // Three minutes later the grace period is over and the node is replaced.
    expect(at(pods, "2025-01-01T12:03:00Z")).toMatchObject([{ method: "drift", decision: "replace", candidates: ["node-0"] }]);
  });
  it(
    upstream("disruption/drift", "Drift › should not drift nodes until the longest duration-based do-not-disrupt grace period expires across multiple pods"),
    () => {
      const pods = [annotated("pod-1", "1m"), annotated("pod-2", "3m")];
      expect(at(pods, NOW)).toEqual([]);
      expect(at(pods, "2025-01-01T12:02:00Z")).toEqual([]);
      expect(at(pods, "2025-01-01T12:04:00Z")).toMatchObject([{ method: "drift", candidates: ["node-0"] }]);
    },
  );
  it(upstream("disruption/drift", "Drift › should drift nodes with pods that have an invalid do-not-disrupt annotation format"), () => {
    // node-1 (not drifted, 32 CPU) takes the pod, so the drifted node goes without a replacement.
    const plan = plan1(
      [freshNode("node-0"), freshNode("node-1")],
      [claimOf("node-0", "True"), claimOf("node-1", undefined)],
      [owned("pod", "node-0", "ReplicaSet", false, { app: "test" }, { "karpenter.sh/do-not-disrupt": "invalid-format" })],
    );
    expect(plan.commands).toMatchObject([{ method: "drift", decision: "delete", candidates: ["node-0"], replacements: [] }]);
  });
});

describe("Static NodePool", () => {
  it(upstream("disruption/drift", "Static NodePool › should not consider static nodepool for drift"), () => {
    const base = pool();
    const staticPool = { ...base, spec: { ...base.spec, replicas: 2 } };
    const plan = plan1([freshNode("node-0"), freshNode("node-1")], [claimOf("node-0", "True"), claimOf("node-1", "True")], [], staticPool);
    expect(plan.commands).toEqual([]);
    expect(plan.blocked.map((b) => b.code)).toEqual(["static-nodepool", "static-nodepool"]);
  });
});

describe("Drift › order and replacements", () => {
  /** A ReplicaSet pod on `node` requesting `cpu`. */
  const requesting = (name: string, node: string, cpu: string): Pod => withRequests(owned(name, node, "ReplicaSet", false, { app: "test" }), { cpu });
  const withAllocatable = (n: Node, allocatable: Record<string, string>): Node => ({ ...n, status: { ...n.status, allocatable } });

  it(upstream("disruption/drift", "Drift › should continue to the next drifted node if the first cannot reschedule all pods"), () => {
    // node-0's 150 CPU pod fits no instance type; node-1 (1 CPU allocatable) is replaced instead.
    const nodes = [freshNode("node-0"), withAllocatable(freshNode("node-1"), { cpu: "1", pods: "100" })];
    const plan = plan1(
      nodes,
      [claimOf("node-0", "True"), claimOf("node-1", "True")],
      [requesting("pod", "node-0", "150"), requesting("pod-to-expire", "node-1", "1")],
    );
    expect(plan.commands).toMatchObject([{ method: "drift", decision: "replace", candidates: ["node-1"] }]);
  });
  it(upstream("disruption/drift", "Drift › should drift empty nodes before non-empty nodes"), () => {
    const plan = plan1([freshNode("node-0"), freshNode("node-1")], [claimOf("node-0", "True"), claimOf("node-1", "True")], undefined, pool("Never"));
    expect(plan.commands).toMatchObject([{ decision: "delete", candidates: ["node-1"], replacements: [] }]);
  });
  it(upstream("disruption/drift", "Drift › should delete drifted nodes when they are empty and consolidatable"), () => {
    // Consolidatable: the NodePool's consolidateAfter has passed for the node.
    const plan = plan1([freshNode("node-0")], [claimOf("node-0", "True")], [], pool("0s"));
    expect(plan.commands).toMatchObject([{ decision: "delete", candidates: ["node-0"], replacements: [] }]);
  });
  it(upstream("disruption/drift", "Drift › can replace drifted nodes with multiple nodes"), () => {
    const current = fakeInstanceType({
      name: "current-on-demand",
      offerings: [{ zone: "test-zone-1a", capacityType: "on-demand", price: 0.5, available: false }],
    });
    const replacement = fakeInstanceType({
      name: "replacement-on-demand",
      cpu: 3,
      offerings: [{ zone: "test-zone-1a", capacityType: "on-demand", price: 0.3 }],
    });
    const n = suiteNode("node-0", "default", current);
    const node0 = withAllocatable({ ...n, metadata: { ...n.metadata, creationTimestamp: "2025-01-01T11:59:00Z" } }, { cpu: "8" });
    const pods = [0, 1, 2].map((i) => requesting(`pod-${i}`, "node-0", "2"));
    const plan = consolidate(
      { nodePools: [pool()], nodes: [node0], nodeClaims: [claimOf("node-0", "True")], pods, instanceTypes: [current, replacement] },
      { maxCommands: 1, now: NOW },
    );
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ method: "drift", decision: "replace", candidates: ["node-0"] });
    // One replacement per pod: a 3 CPU type holds one 2 CPU pod.
    expect(plan.commands[0]?.replacements.map((c) => c.instanceType)).toEqual(["replacement-on-demand", "replacement-on-demand", "replacement-on-demand"]);
  });
});

/**
 * Upstream's drift suite (pkg/controllers/disruption/drift_test.go), translated one `It` at a time through the
 * consolidation planner on the disruption suite's assorted catalogue. The suite's NodePool consolidates after 1h, so
 * its freshly created nodes are not yet consolidatable (their NodeClaims lack the Consolidatable condition): only drift
 * acts. Drift is a `Drifted=True` condition on the node's NodeClaim (deviation C5). One reconcile is `maxCommands: 1`.
 */
import { describe, expect, it } from "vitest";
import type { Node, NodeClaim, NodePool } from "../../src/types/kubernetes.js";
import { catalogue, disruptionPool, MOST_EXPENSIVE, owned, suiteNode } from "./disruption-fixtures.js";
import { consolidate } from "./helpers.js";
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
    status: { nodeName: node, lastPodEventTime: "2025-01-01T11:59:00Z", conditions: [{ type: "Initialized", status: "True" }, ...(drifted ? [{ type: "Drifted", status: drifted }] : [])] },
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
    const plan = plan1([freshNode("node-0", { "karpenter.sh/do-not-disrupt": "false" }), freshNode("node-1")], [claimOf("node-0", "True"), claimOf("node-1", undefined)]);
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

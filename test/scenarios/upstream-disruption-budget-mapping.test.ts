/**
 * Upstream's disruption suite (pkg/controllers/disruption/suite_test.go), `Describe("BuildDisruptionBudgetMapping")`:
 * which nodes a NodePool's budget counts (its managed, initialized nodes, less those whose NodeClaim is terminating)
 * and which of them already use it up (NotReady or deleting). Ten initialized nodes of the most expensive on-demand
 * type, each with its NodeClaim, in NodePool `default`. Upstream reads the mapping for each disruption reason; here
 * `budgetMapping` gives the same number from the planner's cluster view, and a plan shows it where the count decides
 * how many empty nodes one command deletes.
 */
import { describe, expect, it } from "vitest";
import { budgetMapping } from "../../src/consolidation/budget-mapping.js";
import type { DisruptionReason } from "../../src/consolidation/budgets.js";
import { buildClusterState } from "../../src/consolidation/cluster.js";
import { buildPlanContext } from "../../src/consolidation/plan.js";
import type { ConsolidationInput } from "../../src/consolidation/types.js";
import * as builders from "../../src/testing/builders.js";
import type { Budget, Node, NodeClaim } from "../../src/types/kubernetes.js";
import { catalogue, disruptionPool, MOST_EXPENSIVE, suiteNode } from "./disruption-fixtures.js";
import { consolidate, node, nodeClaim } from "./helpers.js";
import { upstream } from "./upstream/files.js";

const NOW = "2025-01-01T12:00:00Z";
const DELETED = "2025-01-01T11:00:00Z";
const REASONS: readonly DisruptionReason[] = ["Empty", "Underutilized", "Drifted"];

interface Cluster {
  nodes: Node[];
  nodeClaims: NodeClaim[];
}

/** The BeforeEach: ten initialized nodes with their NodeClaims. */
function tenNodes(): Cluster {
  const nodes = Array.from({ length: 10 }, (_, i) => suiteNode(`node-${i}`, "default", MOST_EXPENSIVE));
  const nodeClaims = nodes.map((n) => nodeClaim(`${n.metadata.name ?? ""}-claim`, "default", { nodeName: n.metadata.name ?? "", initialized: true }));
  return { nodes, nodeClaims };
}

/** The NodePool's allowance for each reason, as `BuildDisruptionBudgetMapping` returns it. */
function allowances(cluster: Cluster, budgets: readonly Budget[]): number[] {
  const input: ConsolidationInput = {
    nodePools: [disruptionPool("default", "WhenEmptyOrUnderutilized", budgets)],
    nodes: cluster.nodes,
    nodeClaims: cluster.nodeClaims,
    pods: [],
    instanceTypes: catalogue,
  };
  const ctx = buildPlanContext(input, { now: NOW }, true);
  const state = buildClusterState(cluster.nodes, cluster.nodeClaims, [], ctx.pools, ctx.catalog);
  return REASONS.map((reason) => budgetMapping(state, ctx, reason).get("default")?.allowed ?? Number.NaN);
}

/** How many of the empty nodes one emptiness command deletes under `budgets`. */
function deletedInOneCommand(cluster: Cluster, budgets: readonly Budget[]): number {
  const plan = consolidate(
    {
      nodePools: [disruptionPool("default", "WhenEmptyOrUnderutilized", budgets)],
      nodes: cluster.nodes,
      nodeClaims: cluster.nodeClaims,
      instanceTypes: catalogue,
    },
    { maxCommands: 1 },
  );
  return plan.commands[0]?.candidates.length ?? 0;
}

const deleting = <T extends Node | NodeClaim>(o: T): T => ({ ...o, metadata: { ...o.metadata, deletionTimestamp: DELETED } });

describe("BuildDisruptionBudgetMapping", () => {
  const all = [{ nodes: "100%" }];

  it(upstream("disruption/suite", "should not consider nodes that are not managed as part of disruption count"), () => {
    const c = tenNodes();
    c.nodes.push(node("unmanaged", { allocatable: { cpu: "32", pods: "100" } }));
    expect(allowances(c, all)).toEqual([10, 10, 10]);
    // With 11 counted, 50% would allow 6.
    expect(allowances(c, [{ nodes: "50%" }])).toEqual([5, 5, 5]);
  });

  it(upstream("disruption/suite", "should not consider nodes that are not initialized as part of disruption count"), () => {
    const c = tenNodes();
    const n = suiteNode("uninitialized", "default", MOST_EXPENSIVE);
    const labels = { ...n.metadata.labels };
    delete labels["karpenter.sh/initialized"];
    c.nodes.push({ ...n, metadata: { ...n.metadata, labels } });
    c.nodeClaims.push(nodeClaim("uninitialized-claim", "default", { nodeName: "uninitialized" }));
    expect(allowances(c, all)).toEqual([10, 10, 10]);
    expect(allowances(c, [{ nodes: "50%" }])).toEqual([5, 5, 5]);
  });

  it(upstream("disruption/suite", "should not consider nodes that have the terminating status condition as part of disruption count"), () => {
    const c = tenNodes();
    c.nodes.push(suiteNode("terminating", "default", MOST_EXPENSIVE));
    c.nodeClaims.push(
      builders.nodeClaim("terminating-claim", {
        nodePool: "default",
        nodeName: "terminating",
        initialized: true,
        conditions: [{ type: "InstanceTerminating", status: "True" }],
      }),
    );
    expect(allowances(c, all)).toEqual([10, 10, 10]);
    expect(allowances(c, [{ nodes: "50%" }])).toEqual([5, 5, 5]);
  });

  it(upstream("disruption/suite", "should not return a negative disruption value"), () => {
    // Every node and NodeClaim is deleting: 10% of 10 allows 1, and ten use it up.
    const c = tenNodes();
    const cluster = { nodes: c.nodes.map(deleting), nodeClaims: c.nodeClaims.map(deleting) };
    expect(allowances(cluster, [{ nodes: "10%" }])).toEqual([0, 0, 0]);
  });

  it(upstream("disruption/suite", "should consider nodes with a deletion timestamp set and MarkedForDeletion to the disruption count"), () => {
    // node-0 and its NodeClaim are deleted; node-1 is marked for deletion, which nodefit's input carries as its
    // NodeClaim's deletion timestamp (upstream's StateNode counts a deleting NodeClaim as marked for deletion).
    const c = tenNodes();
    c.nodes[0] = deleting(c.nodes[0] as Node);
    c.nodeClaims[0] = deleting(c.nodeClaims[0] as NodeClaim);
    c.nodeClaims[1] = deleting(c.nodeClaims[1] as NodeClaim);
    expect(allowances(c, all)).toEqual([8, 8, 8]);
  });

  it(upstream("disruption/suite", "should consider not ready nodes to the disruption count"), () => {
    const c = tenNodes();
    for (const i of [0, 1]) {
      const n = c.nodes[i] as Node;
      c.nodes[i] = { ...n, status: { ...n.status, conditions: [{ type: "Ready", status: "False" }] } };
    }
    expect(allowances(c, all)).toEqual([8, 8, 8]);
    // Ten empty candidates, but the budget lets one command delete only eight of them.
    expect(deletedInOneCommand(c, all)).toBe(8);
  });
});

/**
 * Upstream's consolidation suite (pkg/controllers/disruption/consolidation_test.go), translated one `It` at a time
 * through the consolidation planner on the disruption suite's assorted catalogue. Its NodePool consolidates
 * WhenEmptyOrUnderutilized after 0s with a 100% budget; `Delete` starts from two nodes of the cheapest on-demand type.
 * One reconcile of upstream's controller is `consolidate(..., { maxCommands: 1 })`; "deleted" is what that one command
 * removes.
 */
import { describe, expect, it } from "vitest";
import type { Pod } from "../../src/types/kubernetes.js";
import { catalogue, disruptionPool, LEAST_EXPENSIVE, owned, suiteNode } from "./disruption-fixtures.js";
import { consolidate, node, type ConsolidationScenario } from "./helpers.js";
import { upstream } from "./upstream/files.js";

const LABELS = { app: "test" };
const pool = () => disruptionPool("default", "WhenEmptyOrUnderutilized");
/** The Delete context's two nodes. */
const twoNodes = (annotations1: Record<string, string> = {}) => [suiteNode("node-0", "default", LEAST_EXPENSIVE), suiteNode("node-1", "default", LEAST_EXPENSIVE, annotations1)];
/** ReplicaSet pods: two on node-0, one on node-1 (upstream's usual binding). */
const threePods = (annotate: (i: number) => Record<string, string> = () => ({}), labelled: (i: number) => boolean = () => true): Pod[] =>
  [0, 1, 2].map((i) => owned(`pod-${i}`, i < 2 ? "node-0" : "node-1", "ReplicaSet", false, labelled(i) ? LABELS : {}, annotate(i)));
/** The nodes the one planned command deletes without a replacement, sorted; [] when nothing is planned. */
function disrupted(scenario: ConsolidationScenario, now?: string): string[] {
  const plan = consolidate(scenario, { maxCommands: 1, ...(now === undefined ? {} : { now }) });
  expect(plan.commands.length).toBeLessThanOrEqual(1);
  // Upstream's Delete tests end with one NodeClaim fewer and none created.
  expect(plan.commands[0]?.replacements ?? []).toEqual([]);
  return [...(plan.commands[0]?.candidates ?? [])].sort();
}

describe("Delete", () => {
  it(upstream("disruption/consolidation", "Delete › can delete nodes, when non-Karpenter capacity can fit pods"), () => {
    const unmanaged = node("unmanaged", { allocatable: { cpu: "32", pods: "100" } });
    const pods = [0, 1, 2].map((i) => owned(`pod-${i}`, "node-0", "ReplicaSet", false, LABELS));
    const plan = consolidate({ nodePools: [pool()], nodes: [suiteNode("node-0", "default", LEAST_EXPENSIVE), unmanaged], pods, instanceTypes: catalogue }, { maxCommands: 1 });
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "delete", candidates: ["node-0"], replacements: [] });
  });
  it(upstream("disruption/consolidation", "Delete › can delete nodes, considers PDB"), () => {
    // Only pod-2 (on node-1) is covered by the PDB, which allows no disruption: node-0 goes although it has more pods.
    const pdb = { metadata: { name: "pdb", namespace: "default" }, spec: { selector: { matchLabels: LABELS }, maxUnavailable: 0 }, status: { disruptionsAllowed: 0 } };
    const pods = threePods(() => ({}), (i) => i === 2);
    expect(disrupted({ nodePools: [pool()], nodes: twoNodes(), pods, podDisruptionBudgets: [pdb], instanceTypes: catalogue })).toEqual(["node-0"]);
  });
  it(upstream("disruption/consolidation", "Delete › can delete nodes, considers karpenter.sh/do-not-disrupt set to true on nodes"), () => {
    const nodes = twoNodes({ "karpenter.sh/do-not-disrupt": "true" });
    expect(disrupted({ nodePools: [pool()], nodes, pods: threePods(), instanceTypes: catalogue })).toEqual(["node-0"]);
  });
  it(upstream("disruption/consolidation", "Delete › can delete nodes, considers karpenter.sh/do-not-disrupt set to true on pods"), () => {
    const pods = threePods((i) => (i === 2 ? { "karpenter.sh/do-not-disrupt": "true" } : {}));
    expect(disrupted({ nodePools: [pool()], nodes: twoNodes(), pods, instanceTypes: catalogue })).toEqual(["node-0"]);
  });
  it(upstream("disruption/consolidation", "Delete › does not consolidate nodes with pods that have a duration-based do-not-disrupt annotation that is still active"), () => {
    const now = "2025-01-01T12:00:00Z";
    const pods = threePods((i) => (i === 2 ? { "karpenter.sh/do-not-disrupt": "2m" } : {})).map((p, i) => (i === 2 ? { ...p, status: { ...p.status, startTime: now } } : p));
    expect(disrupted({ nodePools: [pool()], nodes: twoNodes(), pods, instanceTypes: catalogue }, now)).toEqual(["node-0"]);
  });
  it(upstream("disruption/consolidation", "Delete › can consolidate nodes after duration-based do-not-disrupt annotation expires"), () => {
    const start = "2025-01-01T12:00:00Z";
    const pods = threePods(() => ({ "karpenter.sh/do-not-disrupt": "2m" })).map((p) => ({ ...p, status: { ...p.status, startTime: start } }));
    const scenario = { nodePools: [pool()], nodes: twoNodes(), pods, instanceTypes: catalogue };
    expect(disrupted(scenario, start)).toEqual([]);
    // Three minutes later every grace period has run out and one command is planned.
    expect(consolidate(scenario, { maxCommands: 1, now: "2025-01-01T12:03:00Z" }).commands).toHaveLength(1);
  });
});

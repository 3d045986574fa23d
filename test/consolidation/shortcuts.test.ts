/**
 * The planner's simulation shortcuts never change a plan: the fast path and the plain path (every evaluation
 * simulated) give byte-identical JSON, and the capacity bound only ever rules out moves a simulation refuses.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { toConsolidationJson } from "../../src/consolidation/index.js";
import { cannotConsolidate } from "../../src/consolidation/capacity-bound.js";
import { buildClusterState } from "../../src/consolidation/cluster.js";
import { evaluateConsolidation } from "../../src/consolidation/evaluate.js";
import { sortCandidates } from "../../src/consolidation/ordering.js";
import { startPass } from "../../src/consolidation/pass.js";
import { buildPlanContext, planConsolidationWith } from "../../src/consolidation/plan.js";
import { randomCluster, tightCluster, type RandomCluster } from "./arbitraries.js";
import { createInstanceType } from "../../src/instance-types/index.js";
import { node, NOW, pod, pool } from "./fixtures.js";

/** On-demand only, so the cheapest types are the small ones. */
const onDemandCatalog = (): ReturnType<typeof createInstanceType>[] =>
  (
    [
      ["c-1x", 1, 0.05],
      ["c-2x", 2, 0.1],
      ["c-4x", 4, 0.2],
      ["c-8x", 8, 0.4],
    ] as const
  ).map(([name, cpu, price]) =>
    createInstanceType({
      name,
      labels: { "kubernetes.io/arch": "amd64", "kubernetes.io/os": "linux" },
      capacity: { cpu: String(cpu), memory: `${cpu * 2}Gi`, pods: "110" },
      offerings: [{ zone: "test-zone-1", capacityType: "on-demand", price }],
    }),
  );

const RUNS = { numRuns: 80 };
const anyCluster: fc.Arbitrary<RandomCluster> = fc.oneof(randomCluster, tightCluster);

describe("simulation shortcuts", () => {
  test.prop([anyCluster, fc.boolean(), fc.constantFrom("Strict", "BestEffort" as const)], RUNS)(
    "the fast and the plain path plan byte-identically",
    ({ input }, spotToSpot, minValuesPolicy) => {
      const options = { now: NOW, spotToSpotConsolidation: spotToSpot, minValuesPolicy };
      expect(toConsolidationJson(planConsolidationWith(input, options, true))).toBe(toConsolidationJson(planConsolidationWith(input, options, false)));
    },
  );

  test.prop([tightCluster, fc.array(fc.nat(), { minLength: 1, maxLength: 6 })], RUNS)(
    "a move the capacity bound rules out never simulates to a delete or replace",
    ({ input }, picks) => {
      const ctx = buildPlanContext(input, { now: NOW }, true);
      const cluster = buildClusterState(input.nodes, input.nodeClaims ?? [], input.pods, ctx.pools, ctx.catalog);
      const candidates = sortCandidates(startPass(cluster, ctx).candidates);
      fc.pre(candidates.length > 0);
      const chosen = [...new Set(picks.map((i) => candidates[i % candidates.length]!))];
      for (const set of [chosen, candidates, ...candidates.map((c) => [c])]) {
        if (cannotConsolidate(cluster, set, ctx)) expect(evaluateConsolidation(cluster, set, ctx, "multi-node").ok).toBe(false);
      }
    },
  );

  test("the bound rules out a full node whose pods fit nowhere cheaper, and lets an emptyable node through", () => {
    const input = {
      nodes: [node("full", { type: "c-4x" }), node("half", { type: "c-4x" }), node("small", { type: "c-2x" })],
      nodePools: [pool("default")],
      pods: [
        ...[0, 1, 2, 3].map((i) => pod(`big-${i}`, { node: "full", cpu: "950m", memory: "1Gi" })),
        pod("mid-0", { node: "half", cpu: "2500m", memory: "1Gi" }),
        pod("tiny-0", { node: "small", cpu: "250m", memory: "256Mi" }),
      ],
      instanceTypes: onDemandCatalog(),
    };
    const ctx = buildPlanContext(input, { now: NOW }, true);
    const cluster = buildClusterState(input.nodes, [], input.pods, ctx.pools, ctx.catalog);
    const byName = new Map(startPass(cluster, ctx).candidates.map((c) => [c.name, c]));
    // "full" and "half" move 6.3 CPU; "small" has 1.75 free and a node cheaper than the pair (0.4/h) holds at
    // most 4 CPU (c-4x), so no simulation can place them with one cheaper node.
    expect(cannotConsolidate(cluster, [byName.get("full")!, byName.get("half")!], ctx)).toBe(true);
    expect(cannotConsolidate(cluster, [byName.get("small")!], ctx)).toBe(false);
    expect(evaluateConsolidation(cluster, [byName.get("small")!], ctx, "single-node").ok).toBe(true);
  });
});

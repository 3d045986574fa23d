import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { podName } from "../../src/_internal/pod-key.js";
import { isReschedulable, planConsolidation, toConsolidationJson, type ConsolidationInput } from "../../src/consolidation/index.js";
import { randomCluster } from "./arbitraries.js";
import { NOW } from "./fixtures.js";

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

const RUNS = { numRuns: 60 };

describe("consolidation invariants over random clusters", () => {
  test.prop([randomCluster, fc.boolean()], RUNS)("no consolidation command raises cost, and the summary adds up", ({ input }, spotToSpot) => {
    const plan = planConsolidation(input, { now: NOW, spotToSpotConsolidation: spotToSpot });
    let total = plan.summary.hourlyCostBefore;
    for (const c of plan.commands) {
      if (c.method !== "drift") expect(c.savings).toBeGreaterThan(0);
      if (c.method !== "drift") expect(c.replacements.length).toBeLessThanOrEqual(1);
      expect(c.decision).toBe(c.replacements.length === 0 ? "delete" : "replace");
      total -= c.savings;
    }
    expect(plan.summary.hourlyCostAfter).toBeCloseTo(total, 9);
    if (plan.commands.every((c) => c.method !== "drift")) expect(plan.summary.hourlyCostAfter).toBeLessThanOrEqual(plan.summary.hourlyCostBefore + 1e-9);
  });

  test.prop([randomCluster], RUNS)("every reschedulable pod on a removed node has a target that exists", ({ input }) => {
    const plan = planConsolidation(input, { now: NOW });
    const location = new Map<string, string>();
    const movable = new Set<string>();
    for (const p of input.pods) {
      if (p.spec.nodeName === undefined) continue;
      location.set(podName(p), p.spec.nodeName);
      if (isReschedulable(p)) movable.add(podName(p));
    }
    const live = new Set(input.nodes.map((n) => n.metadata.name ?? ""));
    for (const c of plan.commands) {
      const removed = new Set(c.candidates);
      for (const name of removed) expect(live.has(name)).toBe(true);
      const targets = new Map(c.reschedules.map((r) => [r.pod, r.to]));
      const replacementNames = new Set(c.replacements.map((r) => r.name));
      for (const [pod, at] of location) {
        if (!removed.has(at) || !movable.has(pod)) continue;
        const to = targets.get(pod);
        expect(to, `pod ${pod} on ${at}`).toBeDefined();
        expect((live.has(to as string) && !removed.has(to as string)) || replacementNames.has(to as string)).toBe(true);
        location.set(pod, to as string);
      }
      for (const name of removed) live.delete(name);
      for (const name of replacementNames) live.add(name);
    }
  });

  test.prop([randomCluster], RUNS)("no command disrupts more of a pool than its budget allows", ({ input, budgets }) => {
    const plan = planConsolidation(input, { now: NOW });
    const poolOf = new Map(input.nodes.map((n) => [n.metadata.name ?? "", n.metadata.labels?.["karpenter.sh/nodepool"] ?? ""]));
    for (const c of plan.commands) {
      for (const r of c.replacements) poolOf.set(r.name, r.nodePool);
      const perPool = new Map<string, number>();
      for (const name of c.candidates) perPool.set(poolOf.get(name) ?? "", (perPool.get(poolOf.get(name) ?? "") ?? 0) + 1);
      for (const [p, n] of perPool) expect(n).toBeLessThanOrEqual(budgets.get(p) ?? 0);
    }
  });

  test.prop([randomCluster], RUNS)("same input gives byte-identical JSON, and inputs are never mutated", ({ input }) => {
    const snapshot = JSON.stringify([input.nodes, input.nodeClaims, input.nodePools, input.pods]);
    const frozen: ConsolidationInput = {
      ...input,
      nodes: deepFreeze(structuredClone(input.nodes)),
      nodeClaims: deepFreeze(structuredClone(input.nodeClaims ?? [])),
      nodePools: deepFreeze(structuredClone(input.nodePools)),
      pods: deepFreeze(structuredClone(input.pods)),
    };
    const first = toConsolidationJson(planConsolidation(input, { now: NOW }));
    expect(toConsolidationJson(planConsolidation(frozen, { now: new Date(NOW) }))).toBe(first);
    expect(JSON.stringify([input.nodes, input.nodeClaims, input.nodePools, input.pods])).toBe(snapshot);
  });

  test.prop([randomCluster], RUNS)("every input node is either disrupted or explained", ({ input }) => {
    const plan = planConsolidation(input, { now: NOW });
    const disrupted = new Set(plan.commands.flatMap((c) => c.candidates));
    const explained = new Set(plan.blocked.map((b) => b.node));
    for (const n of input.nodes) {
      const name = n.metadata.name ?? "";
      expect(disrupted.has(name) !== explained.has(name)).toBe(true);
    }
    for (const b of plan.blocked) expect(b.code).not.toBe("not-evaluated");
  });
});

/**
 * Issue 14.3: spot narrowing happens after the same-type price cap. Translated from upstream
 * `pkg/controllers/disruption/consolidation_test.go`, "won't merge 2 nodes into 1 of the same type" and
 * "can delete nodes": two on-demand nodes of the cheapest type whose pods fit on one of them, a NodePool that
 * allows spot and on-demand, and a same-size spot type at the same price. Upstream narrows the merge's claim
 * with `capacity-type In [spot]` but keeps its options until `filterOutSameInstanceType` has capped the price
 * at the candidates' own type (multinodeconsolidation.go); no option is then cheaper, so the merge is refused
 * and single-node consolidation deletes the node with fewer pods.
 */
import { describe, expect, it } from "vitest";
import { planConsolidation } from "../../src/consolidation/index.js";
import { createInstanceType } from "../../src/instance-types/index.js";
import { node, NOW, NOW_MS, pod, pool } from "./fixtures.js";
import { planViolations } from "./plan-validity.js";

const spec = (name: string, cpu: number, offerings: readonly { capacityType: string; price: number }[]) =>
  createInstanceType({
    name,
    labels: { "kubernetes.io/arch": "amd64", "kubernetes.io/os": "linux" },
    capacity: { cpu: String(cpu), memory: `${cpu * 2}Gi`, pods: "110" },
    offerings: offerings.map((o) => ({ zone: "test-zone-1", ...o })),
  });

const catalogue = [
  spec("cheap", 2, [{ capacityType: "on-demand", price: 0.1 }]),
  spec("cheap-spot", 2, [{ capacityType: "spot", price: 0.1 }]),
  spec("big", 8, [
    { capacityType: "on-demand", price: 0.4 },
    { capacityType: "spot", price: 0.3 },
  ]),
];

describe("spot narrowing after the same-type price cap (upstream consolidation_test.go)", () => {
  it("won't merge 2 nodes into 1 of the same type / can delete nodes: deletes the node with fewer pods", () => {
    const input = {
      nodes: [node("node-0", { type: "cheap" }), node("node-1", { type: "cheap" })],
      nodePools: [pool("default", { capacityTypes: ["spot", "on-demand"] })],
      pods: [pod("app-0", { node: "node-0", cpu: "300m" }), pod("app-1", { node: "node-1", cpu: "300m" }), pod("app-2", { node: "node-1", cpu: "300m" })],
      instanceTypes: catalogue,
    };
    const plan = planConsolidation(input, { now: NOW });
    expect(plan.commands.map((c) => [c.method, c.decision, c.candidates])).toEqual([["single-node", "delete", ["node-0"]]]);
    expect(plan.commands[0]?.reschedules).toEqual([{ pod: "default/app-0", to: "node-1" }]);
    expect(planViolations(input, plan, NOW_MS)).toEqual([]);
  });
});

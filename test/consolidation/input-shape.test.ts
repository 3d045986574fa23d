/**
 * Issue 12 "One input shape": what `fromKubernetes` returns, plus a catalogue, goes straight into both
 * `schedule` and `planConsolidation`, running pods honoured. Before, `planConsolidation` read running pods only
 * from `pods`, ignored `boundPods`, and deleted every node as empty.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { planConsolidation, type ConsolidationInput } from "../../src/consolidation/index.js";
import { schedule, type ScheduleInput } from "../../src/scheduler/index.js";
import { fromKubernetes, type KubernetesInput } from "../../src/kubernetes/index.js";
import type { InstanceType } from "../../src/instance-types/index.js";
import { catalog, node, NOW, pod, pool } from "./fixtures.js";

const objects = [
  pool("default"),
  node("node-a", { type: "c-4x" }),
  node("node-b", { type: "c-4x" }),
  pod("big-0", { node: "node-a", cpu: "3" }),
  pod("big-1", { node: "node-b", cpu: "3" }),
  pod("new-0", { cpu: "3" }),
].map((object, i) => ({
  object: { ...object, apiVersion: i === 0 ? "karpenter.sh/v1" : "v1", kind: i === 0 ? "NodePool" : i < 3 ? "Node" : "Pod" },
}));

describe("fromKubernetes output goes into both verbs (issue 12)", () => {
  const k = fromKubernetes(objects);
  const instanceTypes = catalog();

  it("the types accept it as it is", () => {
    expectTypeOf<KubernetesInput & { instanceTypes: InstanceType[] }>().toExtend<ConsolidationInput>();
    expectTypeOf<KubernetesInput & { instanceTypes: InstanceType[] }>().toExtend<ScheduleInput>();
  });

  it("planConsolidation honours the running pods in boundPods", () => {
    expect(k.boundPods).toHaveLength(2);
    const plan = planConsolidation({ ...k, instanceTypes }, { now: NOW });
    expect(plan.commands).toEqual([]);
    expect(plan.summary.hourlyCostAfter).toBe(plan.summary.hourlyCostBefore);
  });

  it("gives the same plan as the older shape with every pod in pods", () => {
    const older = planConsolidation({ ...k, pods: [...k.boundPods, ...k.pods], boundPods: undefined, instanceTypes }, { now: NOW });
    expect(planConsolidation({ ...k, instanceTypes }, { now: NOW })).toEqual(older);
  });

  it("schedule places the pending pod and counts the running ones", () => {
    const result = schedule({ ...k, instanceTypes });
    expect(result.existingNodes).toEqual([]);
    expect(result.nodeClaims.map((c) => c.pods)).toEqual([["default/new-0"]]);
  });

  it("a pod listed in both pods and boundPods counts once", () => {
    const both = { ...k, pods: [...k.pods, ...k.boundPods], instanceTypes };
    expect(planConsolidation(both, { now: NOW })).toEqual(planConsolidation({ ...k, instanceTypes }, { now: NOW }));
    expect(schedule(both)).toEqual(schedule({ ...k, instanceTypes }));
  });

  it("a boundPods entry without spec.nodeName is refused, never dropped", () => {
    const wrong = { ...k, boundPods: [...k.boundPods, pod("lost-0")], instanceTypes };
    expect(() => planConsolidation(wrong, { now: NOW })).toThrow(
      expect.objectContaining({ code: "invalid-input", path: ["boundPods", 2, "spec", "nodeName"] }),
    );
    expect(() => schedule(wrong)).toThrow(expect.objectContaining({ code: "invalid-input" }));
  });
});

/**
 * Issue 13: the simulation path (many runs sharing one plan-scoped ClusterModel: per-node room, compiled
 * NodePools, topology universe and label texts reused, nodes copied on write) agrees with a from-scratch
 * `schedule()` of the same situation, byte for byte, run after run in any order.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { isReschedulable } from "../../src/consolidation/index.js";
import { InstanceTypeIndex } from "../../src/instance-types/index.js";
import { schedule, toScheduleJson, type ScheduleInput } from "../../src/scheduler/index.js";
import { ClusterModel } from "../../src/scheduler/cluster-model.js";
import { scheduleSimulation } from "../../src/scheduler/schedule.js";
import type { Pod } from "../../src/types/kubernetes.js";
import { busyCluster } from "./arbitraries.js";

const NONE: ReadonlySet<string> = new Set();

/** Unbinds a pod from its node, the same copy for the same pod every time (as the planner's movers are). */
function unbinder(): (pod: Pod) => Pod {
  const unbound = new Map<Pod, Pod>();
  return (p) => {
    let u = unbound.get(p);
    if (u === undefined) {
      const { nodeName: _n, ...spec } = p.spec;
      unbound.set(p, (u = { ...p, spec }));
    }
    return u;
  };
}

describe("simulation on the cluster model agrees with a from-scratch schedule()", () => {
  test.prop([busyCluster, fc.array(fc.array(fc.integer({ min: 0, max: 29 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 })], {
    numRuns: 15,
  })("for a series of removals sharing one model", ({ input }, removals) => {
    const model = new ClusterModel();
    const index = InstanceTypeIndex.build(input.instanceTypes);
    const unbind = unbinder();
    for (const removal of removals) {
      const removed = new Set(removal.map((i) => `node-${i}`));
      const pods: Pod[] = [];
      for (const p of input.pods) {
        const on = p.spec.nodeName;
        if (on === undefined || !removed.has(on)) pods.push(p);
        else if (isReschedulable(p)) pods.push(unbind(p));
      }
      const situation: ScheduleInput = {
        pods,
        nodePools: input.nodePools,
        instanceTypes: index,
        nodes: input.nodes.filter((n) => !removed.has(n.metadata.name ?? "")),
        nodeClaims: input.nodeClaims,
        daemonSets: input.daemonSets,
      };
      const simulated = scheduleSimulation(situation, {}, { movers: NONE, pendingOnly: NONE, model });
      expect(toScheduleJson(simulated)).toBe(toScheduleJson(schedule({ ...situation, instanceTypes: input.instanceTypes })));
    }
  });

  test.prop([busyCluster, fc.array(fc.array(fc.integer({ min: 0, max: 29 }), { minLength: 0, maxLength: 4 }), { minLength: 1, maxLength: 5 })], {
    numRuns: 15,
  })("with the removed nodes taken out as state, over the same lists every run", ({ input }, removals) => {
    const model = new ClusterModel();
    const index = InstanceTypeIndex.build(input.instanceTypes);
    const bound = input.pods.filter((p) => p.spec.nodeName !== undefined);
    const pending = input.pods.filter((p) => p.spec.nodeName === undefined);
    const unbind = unbinder();
    for (const removal of removals) {
      const removed = new Set(removal.map((i) => `node-${i}`));
      const movers = bound.filter((p) => removed.has(p.spec.nodeName ?? "") && isReschedulable(p)).map(unbind);
      const pods = [...movers, ...pending];
      const simulated = scheduleSimulation(
        {
          pods,
          nodePools: input.nodePools,
          instanceTypes: index,
          nodes: input.nodes,
          nodeClaims: input.nodeClaims ?? [],
          boundPods: bound,
          daemonSets: input.daemonSets,
        },
        {},
        { movers: NONE, pendingOnly: NONE, removed, model },
      );
      const fresh = schedule({
        pods: [...pods, ...bound.filter((p) => !removed.has(p.spec.nodeName ?? ""))],
        nodePools: input.nodePools,
        instanceTypes: input.instanceTypes,
        nodes: input.nodes.filter((n) => !removed.has(n.metadata.name ?? "")),
        nodeClaims: (input.nodeClaims ?? []).filter((c) => !removed.has(c.metadata.name ?? "")),
        daemonSets: input.daemonSets,
      });
      expect(toScheduleJson(simulated)).toBe(toScheduleJson(fresh));
    }
  });
});

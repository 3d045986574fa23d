/**
 * Issue 13 "incremental API": a long-lived Cluster fed watch events answers exactly as a cluster built fresh
 * from the final objects, and as `schedule` / `planConsolidation` over them, for random event sequences.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Cluster, planConsolidation, toConsolidationJson, type ClusterEvent } from "../../src/consolidation/index.js";
import { schedule, toScheduleJson } from "../../src/scheduler/index.js";
import type { Node, Pod } from "../../src/types/kubernetes.js";
import { busyCluster } from "./arbitraries.js";
import { catalog, node, NOW, pod, pool } from "./fixtures.js";

const step = fc.record({ op: fc.integer({ min: 0, max: 8 }), i: fc.nat(), j: fc.nat() });

/** Turns a random step into an event over the current objects (or undefined when it does not apply). */
function eventOf(s: { op: number; i: number; j: number }, objects: ReturnType<Cluster["snapshot"]>, n: number): ClusterEvent | undefined {
  const at = <T>(list: readonly T[], k: number): T | undefined => (list.length === 0 ? undefined : list[k % list.length]);
  switch (s.op) {
    case 0:
      return { type: "ADDED", kind: "Pod", object: pod(`new-${n}`, { cpu: ["100m", "500m", "2"][s.j % 3] as string }) };
    case 1: {
      const p = at(objects.pods, s.i);
      return p === undefined ? undefined : { type: "DELETED", kind: "Pod", object: p };
    }
    case 2: {
      const p = at(
        objects.pods.filter((x) => x.spec.nodeName === undefined),
        s.i,
      );
      const target = at(objects.nodes, s.j);
      // A scheduler binding a pending pod: MODIFIED with spec.nodeName.
      return p === undefined || target === undefined
        ? undefined
        : { type: "MODIFIED", kind: "Pod", object: { ...p, spec: { ...p.spec, nodeName: target.metadata.name } } };
    }
    case 3: {
      const x = at(objects.nodes, s.i);
      return x === undefined ? undefined : { type: "DELETED", kind: "Node", object: x };
    }
    case 4:
      return {
        type: "ADDED",
        kind: "Node",
        object: node(`added-${n}`, { type: ["c-1x", "c-4x", "c-8x"][s.j % 3] as string, zone: s.j % 2 === 0 ? "test-zone-1" : "test-zone-2" }),
      };
    case 5: {
      const x = at(objects.nodes, s.i);
      if (x === undefined) return undefined;
      const marked: Node = { ...x, metadata: { ...x.metadata, deletionTimestamp: NOW } };
      return { type: "MODIFIED", kind: "Node", object: marked };
    }
    case 6: {
      const c = at(objects.nodeClaims, s.i);
      return c === undefined ? undefined : { type: "DELETED", kind: "NodeClaim", object: c };
    }
    case 7: {
      const b = at(objects.podDisruptionBudgets, s.i);
      return b === undefined ? undefined : { type: "DELETED", kind: "PodDisruptionBudget", object: b };
    }
    default:
      return {
        type: "MODIFIED",
        kind: "NodePool",
        object: pool("default", { consolidateAfter: s.j % 2 === 0 ? "0s" : "10m", capacityTypes: ["spot", "on-demand"] }),
      };
  }
}

describe("Cluster: watch events give the answers of a cluster built fresh from the final state", () => {
  test.prop([busyCluster, fc.array(step, { minLength: 1, maxLength: 12 })], { numRuns: 12 })("schedule and planConsolidation", ({ input }, steps) => {
    const live = Cluster.fromSnapshot(input, input.instanceTypes);
    // Answers in between exercise the caches the events must keep right.
    live.schedule();
    steps.forEach((s, n) => {
      const event = eventOf(s, live.snapshot(), n);
      if (event !== undefined) live.apply(event);
      // After a pod event too: a base built then reuses the last one's node-only parts and unchanged targets.
      if (n % 4 === 3 || event?.kind === "Pod") live.schedule();
    });
    const fresh = Cluster.fromSnapshot(live.snapshot(), input.instanceTypes);
    const final = { ...live.snapshot(), instanceTypes: input.instanceTypes };
    expect(toScheduleJson(live.schedule())).toBe(toScheduleJson(fresh.schedule()));
    expect(toScheduleJson(live.schedule())).toBe(toScheduleJson(schedule(final)));
    const plan = toConsolidationJson(live.planConsolidation({ now: NOW }));
    expect(plan).toBe(toConsolidationJson(fresh.planConsolidation({ now: NOW })));
    expect(plan).toBe(toConsolidationJson(planConsolidation(final, { now: NOW })));
  });

  it("a running pod added, removed or rebound between answers changes the room of its node only, as a fresh cluster sees it", () => {
    const nodes = [node("a", { type: "c-2x" }), node("b", { type: "c-2x" })];
    const live = Cluster.fromSnapshot({ nodePools: [pool("default")], nodes, pods: [pod("run-a", { node: "a", cpu: "500m" })] }, catalog());
    live.schedule();
    const answer = (): string => {
      const fresh = Cluster.fromSnapshot(live.snapshot(), catalog());
      const json = toScheduleJson(live.schedule());
      expect(json).toBe(toScheduleJson(fresh.schedule()));
      return json;
    };
    // Node a fills up, then b: a pending pod that fitted on a no longer does.
    live.apply({ type: "ADDED", kind: "Pod", object: pod("fill-a", { node: "a", cpu: "1200m" }) });
    live.apply({ type: "ADDED", kind: "Pod", object: pod("pending", { cpu: "600m" }) });
    answer();
    live.apply({ type: "ADDED", kind: "Pod", object: pod("fill-b", { node: "b", cpu: "1500m" }) });
    answer();
    // Rebound and removed again: the room comes back.
    live.apply({ type: "MODIFIED", kind: "Pod", object: pod("fill-b", { node: "a", cpu: "100m" }) });
    answer();
    live.apply({ type: "DELETED", kind: "Pod", object: pod("fill-a", { node: "a" }) });
    expect(answer()).toContain('"a"');
  });

  it("owns copies: changing an object after passing it changes nothing", () => {
    const p: Pod = pod("p", { cpu: "1" });
    const live = Cluster.fromSnapshot({ nodePools: [pool("default")], pods: [p] }, catalog());
    const before = toScheduleJson(live.schedule());
    (p.spec.containers[0]!.resources!.requests as Record<string, string>)["cpu"] = "15";
    expect(toScheduleJson(live.schedule())).toBe(before);
  });
});

/**
 * Issue 13 "incremental API": a long-lived Cluster fed watch events answers exactly as a cluster built fresh
 * from the final objects, and as `schedule` / `planConsolidation` over them, for random event sequences; with
 * storage (issue 15) among the events, the storage objects go to those answers as `volumes`.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Cluster, planConsolidation, toConsolidationJson } from "../../src/consolidation/index.js";
import { schedule, toScheduleJson } from "../../src/scheduler/index.js";
import type { Pod } from "../../src/types/kubernetes.js";
import { busyCluster } from "./arbitraries.js";
import { catalog, node, NOW, pod, pool } from "./fixtures.js";
import { eventOf, Reference, seeded, step, storageSeeds } from "./live-events.js";

describe("Cluster: watch events give the answers of a cluster built fresh from the final state", () => {
  test.prop([busyCluster, fc.array(step, { minLength: 1, maxLength: 16 }), fc.option(storageSeeds, { freq: 3 })], {
    numRuns: 20,
  })("schedule and planConsolidation", ({ input }, steps, seeds) => {
    // Most clusters follow storage from their snapshot, seeded by storage events; the others start following at
    // their first storage event (or never).
    const snapshot = seeds === null ? input : seeded(input, seeds);
    const live = Cluster.fromSnapshot(snapshot, input.instanceTypes);
    const reference = new Reference(snapshot);
    // Answers in between exercise the caches the events must keep right.
    live.schedule();
    steps.forEach((s, n) => {
      const event = eventOf(s, reference.objects(), n);
      if (event !== undefined) {
        live.apply(event);
        reference.apply(event);
      }
      // After a pod event too: a base built then reuses the last one's node-only parts and unchanged targets.
      if (n % 4 === 3 || event?.kind === "Pod") live.schedule();
      if (n % 8 === 7) live.planConsolidation({ now: NOW });
    });
    const objects = reference.objects();
    expect(live.snapshot()).toEqual(objects);
    const fresh = Cluster.fromSnapshot(objects, input.instanceTypes);
    const final = { ...objects, instanceTypes: input.instanceTypes };
    expect(toScheduleJson(live.schedule())).toBe(toScheduleJson(fresh.schedule()));
    expect(toScheduleJson(live.schedule())).toBe(toScheduleJson(schedule(final)));
    const plan = toConsolidationJson(live.planConsolidation({ now: NOW }));
    expect(plan).toBe(toConsolidationJson(fresh.planConsolidation({ now: NOW })));
    expect(plan).toBe(toConsolidationJson(planConsolidation(final, { now: NOW })));
  });

  it("a DaemonSet added after an answer takes its room on the existing nodes", () => {
    const live = Cluster.fromSnapshot({ nodePools: [pool("default")], nodes: [node("node-a", { type: "c-8x" })], pods: [pod("web", { cpu: "2" })] }, catalog());
    expect(live.schedule().existingNodes.map((n) => n.name)).toEqual(["node-a"]);
    const daemon = {
      metadata: { name: "agent", namespace: "default" },
      spec: { template: { metadata: {}, spec: { containers: [{ name: "a", resources: { requests: { cpu: "7" } } }] } } },
    };
    live.apply({ type: "ADDED", kind: "DaemonSet", object: daemon });
    const result = live.schedule();
    expect(toScheduleJson(result)).toBe(toScheduleJson(schedule({ ...live.snapshot(), instanceTypes: catalog() })));
    expect(result.existingNodes).toEqual([]);
  });

  it("a DaemonSet pod added after an answer sizes its DaemonSet from then on (its newest pod stands in for it)", () => {
    const daemon = {
      metadata: { name: "agent", namespace: "default", uid: "ds-uid" },
      spec: { template: { metadata: {}, spec: { containers: [{ name: "a", resources: { requests: { cpu: "1" } } }] } } },
    };
    const nodes = [node("node-a", { type: "c-8x" }), node("node-b", { type: "c-8x" })];
    const live = Cluster.fromSnapshot({ nodePools: [pool("default")], nodes, daemonSets: [daemon], pods: [pod("web", { cpu: "4" })] }, catalog());
    const before = live.schedule();
    expect(before.existingNodes.length).toBe(1);
    // The DaemonSet's running pod on node-a asks for more than its template (a VPA raised it): node-b must keep room for it.
    const running: Pod = {
      metadata: {
        name: "agent-a",
        namespace: "default",
        creationTimestamp: "2024-05-02T00:00:00Z",
        ownerReferences: [{ kind: "DaemonSet", name: "agent", uid: "ds-uid", controller: true }],
      },
      spec: { nodeName: "node-a", containers: [{ name: "a", resources: { requests: { cpu: "6" } } }] },
      status: { phase: "Running" },
    };
    live.apply({ type: "ADDED", kind: "Pod", object: running });
    const result = live.schedule();
    expect(toScheduleJson(result)).toBe(toScheduleJson(schedule({ ...live.snapshot(), instanceTypes: catalog() })));
    expect(toScheduleJson(result)).toBe(toScheduleJson(Cluster.fromSnapshot(live.snapshot(), catalog()).schedule()));
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

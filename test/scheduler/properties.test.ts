import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { fitsResources, podRequests, resourceList, addResources, type ResourceList } from "../../src/resources/index.js";
import { schedule, toScheduleJson, type ScheduleResult } from "../../src/scheduler/index.js";
import { toleratesAll } from "../../src/taints/index.js";
import { FAKE_WELL_KNOWN_LABELS } from "../../src/testing/fake-catalog.js";
import type { Pod } from "../../src/types/kubernetes.js";
import { arbScenario, deepFreeze, HOSTNAME, ZONE, type Scenario } from "./arbitraries.js";

const OPTIONS = { wellKnownLabels: FAKE_WELL_KNOWN_LABELS };

function run(s: Scenario): ScheduleResult {
  return schedule(s, OPTIONS);
}

function podsByName(s: Scenario): Map<string, Pod> {
  return new Map(s.pods.map((p) => [`default/${p.metadata.name}`, p]));
}

function antiAffine(a: Pod, b: Pod): boolean {
  const terms = a.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  return terms.some((t) => t.topologyKey === HOSTNAME && b.metadata.labels?.["app"] === t.labelSelector?.matchLabels?.["app"]);
}

describe("schedule properties", () => {
  test.prop([arbScenario], { numRuns: 150 })("every pending pod is placed exactly once or has a reason", (s) => {
    const r = run(s);
    const seen = new Map<string, number>();
    const bump = (p: string) => seen.set(p, (seen.get(p) ?? 0) + 1);
    for (const c of r.nodeClaims) c.pods.forEach(bump);
    for (const n of r.existingNodes) n.pods.forEach(bump);
    for (const u of r.unschedulable) {
      bump(u.pod);
      expect(u.message.length).toBeGreaterThan(0);
    }
    expect([...seen.keys()].sort()).toEqual([...podsByName(s).keys()].sort());
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(r.summary.scheduled + r.unschedulable.length).toBe(s.pods.length);
    expect(r.summary.newNodeClaims).toBe(r.nodeClaims.length);
    expect(r.summary.newHourlyCost).toBeCloseTo(
      r.nodeClaims.reduce((a, c) => a + c.price, 0),
      6,
    );
  });

  test.prop([arbScenario], { numRuns: 150 })("no claim exceeds any of its options' allocatable; the launch offering exists", (s) => {
    const r = run(s);
    const types = new Map(s.instanceTypes.map((t) => [t.name, t]));
    for (const c of r.nodeClaims) {
      expect(c.instanceTypeOptions.length).toBeGreaterThan(0);
      for (const name of c.instanceTypeOptions) expect(fitsResources(c.requests, types.get(name)!.allocatable)).toBe(true);
      const chosen = types.get(c.instanceType)!;
      expect(chosen.offerings.some((o) => o.available && o.zone === c.zone && o.capacityType === c.capacityType && o.price === c.price)).toBe(true);
    }
  });

  test.prop([arbScenario], { numRuns: 150 })("no hard requirement, taint or anti-affinity is broken", (s) => {
    const r = run(s);
    const pods = podsByName(s);
    for (const c of r.nodeClaims) {
      const zoneReq = c.requirements.find((q) => q.key === ZONE);
      for (const name of c.pods) {
        const p = pods.get(name)!;
        const zone = p.spec.nodeSelector?.[ZONE];
        if (zone !== undefined) {
          expect(c.zone).toBe(zone);
          expect(zoneReq?.operator === "In" ? zoneReq.values : [zone]).toContain(zone);
        }
        expect(toleratesAll(p.spec.tolerations, c.taints)).toBe(true);
        for (const other of c.pods) if (other !== name) expect(antiAffine(p, pods.get(other)!)).toBe(false);
      }
    }
    for (const placed of r.existingNodes) {
      const n = s.nodes.find((x) => x.metadata.name === placed.name)!;
      let bound: ResourceList = new Map();
      for (const b of s.boundPods) if (b.spec.nodeName === placed.name) bound = addResources(bound, podRequests(b.spec));
      let used: ResourceList = new Map();
      for (const name of placed.pods) {
        const p = pods.get(name)!;
        used = addResources(used, podRequests(p.spec));
        expect(toleratesAll(p.spec.tolerations, n.spec?.taints)).toBe(true);
        const zone = p.spec.nodeSelector?.[ZONE];
        if (zone !== undefined) expect(n.metadata.labels?.[ZONE]).toBe(zone);
      }
      // A node that received pods was not already over-committed (upstream's Fits refuses any negative remaining
      // amount, deviation S6), and the bound and placed pods together fit its allocatable.
      const allocatable = resourceList(n.status?.allocatable);
      for (const [k, v] of allocatable) expect(v - (bound.get(k) ?? 0)).toBeGreaterThanOrEqual(0);
      expect(fitsResources(addResources(bound, used), allocatable)).toBe(true);
    }
  });

  test.prop([arbScenario], { numRuns: 100 })("NodePool cpu limits bound the capacity of new claims", (s) => {
    const r = run(s);
    const types = new Map(s.instanceTypes.map((t) => [t.name, t]));
    for (const np of s.nodePools) {
      const limit = np.spec.limits?.["cpu"];
      if (limit === undefined) continue;
      const used = r.nodeClaims.filter((c) => c.nodePool === np.metadata.name).reduce((a, c) => a + (types.get(c.instanceType)!.capacity.get("cpu") ?? 0), 0);
      expect(used).toBeLessThanOrEqual(Number(limit) * 1000);
    }
  });

  test.prop([arbScenario], { numRuns: 100 })("same input gives byte-identical JSON, and the input is never mutated", (s) => {
    // Instance types are compared through their public values: Requirements may memoise derived data in place.
    const view = (x: Scenario) =>
      JSON.stringify(
        {
          ...x,
          instanceTypes: x.instanceTypes.map((t) => ({
            ...t,
            requirements: t.requirements.toString(),
            offerings: t.offerings.map((o) => ({ ...o, requirements: o.requirements.toString() })),
          })),
        },
        (_k, v: unknown) => (v instanceof Map ? [...v] : v),
      );
    const before = view(s);
    const frozen = deepFreeze({ ...s, pods: s.pods.map((p) => structuredClone(p)) });
    const first = toScheduleJson(schedule(frozen, OPTIONS));
    const second = toScheduleJson(schedule(frozen, OPTIONS));
    expect(second).toBe(first);
    expect(view(s)).toBe(before);
    const doc = JSON.parse(first) as { nodeClaims: unknown[]; summary: { pods: number } };
    expect(Object.keys(doc)).toEqual(["nodeClaims", "existingNodes", "unschedulable", "summary"]);
    expect(doc.summary.pods).toBe(s.pods.length);
  });

  test.prop([arbScenario, fc.integer({ min: 0, max: 1000 })], { numRuns: 60 })("the order pods are given in does not change placements", (s, seed) => {
    const shuffled = [...s.pods].sort(
      (a, b) => ((a.metadata.uid!.length * 7919 + seed) % 13) - ((b.metadata.uid!.length * 7919 + seed) % 13) || (a.metadata.uid! < b.metadata.uid! ? 1 : -1),
    );
    const a = run(s);
    const b = run({ ...s, pods: shuffled });
    expect(b.nodeClaims).toEqual(a.nodeClaims);
    expect(b.existingNodes).toEqual(a.existingNodes);
  });
});

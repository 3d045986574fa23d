/**
 * Invariants of the final placement over random clusters: host ports, required (anti-)affinity, DoNotSchedule
 * spread skew, DaemonSet-inclusive fit on every remaining option, and order independence of the JSON result.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { addResources, fitsResources, hostPortsConflict, podHostPorts, podRequests, type ResourceList } from "../../src/resources/index.js";
import { schedule, toScheduleJson, type ScheduleResult } from "../../src/scheduler/index.js";
import { FAKE_WELL_KNOWN_LABELS } from "../../src/testing/fake-catalog.js";
import type { Pod, PodAffinityTerm } from "../../src/types/kubernetes.js";
import { arbScenario, arbSpreadScenario, HOSTNAME, ZONE, type Scenario } from "./arbitraries.js";

const OPTIONS = { wellKnownLabels: FAKE_WELL_KNOWN_LABELS };

/** Where a pod ended up: the target's hostname and zone domains. */
interface Target {
  readonly hostname: string;
  readonly zone: string | undefined;
}

interface Placed {
  readonly pod: Pod;
  readonly target: Target;
  /** True for pods of this run, false for pods that were already running. */
  readonly pending: boolean;
}

/** Every pod with a target: pending pods as placed by the result, plus running pods on existing nodes. */
function placements(s: Scenario, r: ScheduleResult): Placed[] {
  const byName = new Map(s.pods.map((p) => [`default/${p.metadata.name}`, p]));
  const nodeTarget = new Map(
    s.nodes.map((n) => [n.metadata.name ?? "", { hostname: n.metadata.labels?.[HOSTNAME] ?? n.metadata.name ?? "", zone: n.metadata.labels?.[ZONE] }]),
  );
  const out: Placed[] = [];
  for (const c of r.nodeClaims) for (const p of c.pods) out.push({ pod: byName.get(p)!, target: { hostname: `claim/${c.name}`, zone: c.zone }, pending: true });
  for (const n of r.existingNodes) for (const p of n.pods) out.push({ pod: byName.get(p)!, target: nodeTarget.get(n.name)!, pending: true });
  for (const b of s.boundPods) {
    const target = nodeTarget.get(b.spec.nodeName ?? "");
    if (target !== undefined) out.push({ pod: b, target, pending: false });
  }
  return out;
}

function domain(t: Target, key: string): string | undefined {
  return key === HOSTNAME ? t.hostname : key === ZONE ? t.zone : undefined;
}

function selects(term: PodAffinityTerm, candidate: Pod): boolean {
  const want = term.labelSelector?.matchLabels ?? {};
  return Object.entries(want).every(([k, v]) => candidate.metadata.labels?.[k] === v);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}

const antiTerms = (p: Pod) => p.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
const affinityTerms = (p: Pod) => p.spec.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];

describe("placement invariants", () => {
  test.prop([arbScenario], { numRuns: 80 })("no two pods on one node use conflicting host ports", (s) => {
    const all = placements(s, schedule(s, OPTIONS));
    const byHost = groupBy(all, (p) => p.target.hostname);
    for (const pods of byHost.values()) {
      for (const [i, a] of pods.entries()) {
        for (const b of pods.slice(i + 1)) {
          if (!a.pending && !b.pending) continue;
          for (const pa of podHostPorts(a.pod.spec)) for (const pb of podHostPorts(b.pod.spec)) expect(hostPortsConflict(pa, pb)).toBe(false);
        }
      }
    }
  });

  test.prop([arbScenario], { numRuns: 80 })("required anti-affinity holds both ways (forward and inverse)", (s) => {
    const all = placements(s, schedule(s, OPTIONS));
    for (const a of all) {
      for (const term of antiTerms(a.pod)) {
        const mine = domain(a.target, term.topologyKey);
        for (const b of all) {
          if (b === a || (!a.pending && !b.pending) || !selects(term, b.pod)) continue;
          expect(domain(b.target, term.topologyKey), `${a.pod.metadata.name} anti ${b.pod.metadata.name} on ${term.topologyKey}`).not.toBe(mine);
        }
      }
    }
  });

  test.prop([arbScenario], { numRuns: 80 })("required pod affinity holds: a selected pod shares the domain, or the pod bootstrapped itself", (s) => {
    const all = placements(s, schedule(s, OPTIONS));
    for (const a of all.filter((p) => p.pending)) {
      for (const term of affinityTerms(a.pod)) {
        const mine = domain(a.target, term.topologyKey);
        const partner = all.some((b) => b !== a && selects(term, b.pod) && domain(b.target, term.topologyKey) === mine);
        expect(partner || selects(term, a.pod), `${a.pod.metadata.name} affinity on ${term.topologyKey}`).toBe(true);
      }
    }
  });

  test.prop([arbScenario], { numRuns: 80 })("every remaining option holds the claim's pods plus the DaemonSets it would run", (s) => {
    const r = schedule(s, OPTIONS);
    const types = new Map(s.instanceTypes.map((t) => [t.name, t]));
    const byName = new Map(s.pods.map((p) => [`default/${p.metadata.name}`, p]));
    for (const c of r.nodeClaims) {
      let total: ResourceList = new Map();
      for (const name of c.pods) total = addResources(total, podRequests(byName.get(name)!.spec));
      // The arbitrary's DaemonSets tolerate nothing and select nothing: they run wherever the claim has no taint.
      if (c.taints.length === 0) for (const ds of s.daemonSets) total = addResources(total, podRequests(ds.spec.template.spec));
      for (const option of c.instanceTypeOptions) expect(fitsResources(total, types.get(option)!.allocatable), `${c.name} on ${option}`).toBe(true);
    }
  });

  test.prop([arbSpreadScenario], { numRuns: 80 })("DoNotSchedule spreads hold: skew within maxSkew over the claims' and nodes' domains", (s) => {
    const r = schedule(s, OPTIONS);
    const all = placements(s, r).filter((p) => p.pod.metadata.labels?.["app"] === "web");
    const zones = new Set<string>([...r.nodeClaims.map((c) => c.zone), ...s.nodes.map((n) => n.metadata.labels?.[ZONE] ?? "")]);
    const count = new Map([...zones].map((z) => [z, 0]));
    for (const p of all) count.set(p.target.zone!, (count.get(p.target.zone!) ?? 0) + 1);
    const min = Math.min(...count.values());
    for (const p of all.filter((x) => x.pending)) expect(count.get(p.target.zone!)! - min, `zone ${p.target.zone}`).toBeLessThanOrEqual(s.zoneSkew);
    if (s.hostnameSkew !== undefined) {
      const perHost = groupBy(all, (p) => p.target.hostname);
      for (const [host, pods] of perHost) if (pods.some((p) => p.pending)) expect(pods.length, host).toBeLessThanOrEqual(s.hostnameSkew);
    }
  });

  test.prop([arbScenario, fc.integer({ min: 0, max: 1 << 30 })], { numRuns: 60 })(
    "shuffled pods give the same JSON (unschedulable pods compared by name)",
    (s, seed) => {
      const order = fc.sample(fc.shuffledSubarray([...s.pods], { minLength: s.pods.length }), { seed, numRuns: 1 })[0]!;
      // The unschedulable list follows the input order (test/scenarios/PENDING.md, "unschedulable order"); the
      // rest of the document must be byte-identical.
      const canonical = (r: ScheduleResult) => toScheduleJson(r);
      expect(canonical(schedule({ ...s, pods: order }, OPTIONS))).toBe(canonical(schedule(s, OPTIONS)));
    },
  );
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { LABEL_HOSTNAME, LABEL_ZONE } from "../../src/requirements/index.js";
import { Topology, type TopologyResult } from "../../src/topology/index.js";
import type { Pod } from "../../src/types/kubernetes.js";
import { ask, claimRequirements, node, place, pod, spread, template } from "./fixtures.js";

const ZONE_NAMES = ["za", "zb", "zc", "zd", "ze"];

/** Running pods per zone, one existing node per zone. */
const zoneCounts = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 5 });

function clusterWith(countsPerZone: readonly number[], labels: Record<string, string>) {
  const zones = ZONE_NAMES.slice(0, countsPerZone.length);
  const nodes = zones.map((z) => node(`n-${z}`, z));
  const boundPods = countsPerZone.flatMap((n, i) =>
    Array.from({ length: n }, (_, j) => ({ pod: pod(`old-${i}-${j}`, { labels }), nodeName: `n-${zones[i]}` })),
  );
  return { zones, nodes, boundPods, pool: template("default", { zones }) };
}

function pinned(result: TopologyResult): string | undefined {
  if (!result.ok) return undefined;
  const r = result.requirements.get(LABEL_ZONE);
  return !r.complement && r.values.size === 1 ? [...r.values][0] : undefined;
}

describe("spread laws", () => {
  test.prop([zoneCounts, fc.integer({ min: 1, max: 3 }), fc.boolean()])(
    "the chosen zone is a lowest-count zone within maxSkew (lexical among ties); a conflict means none was",
    (countsPerZone, maxSkew, selfSelecting) => {
      const { zones, nodes, boundPods, pool } = clusterWith(countsPerZone, { app: "web" });
      const p = pod("new", { labels: { app: selfSelecting ? "web" : "other" }, spread: [spread(LABEL_ZONE, maxSkew, { matchLabels: { app: "web" } })] });
      const topology = Topology.build({ templates: [pool], nodes, boundPods, pendingPods: [p], preferencePolicy: "Respect" });
      const self = selfSelecting ? 1 : 0;
      const min = Math.min(...countsPerZone);
      const valid = zones.filter((_, i) => countsPerZone[i]! + self - min <= maxSkew);
      const result = ask(topology, p, claimRequirements(pool, "h"));
      if (valid.length === 0) {
        expect(result.ok).toBe(false);
        return;
      }
      const lowest = Math.min(...valid.map((z) => countsPerZone[zones.indexOf(z)]!));
      const expected = valid.filter((z) => countsPerZone[zones.indexOf(z)] === lowest).sort()[0];
      expect(pinned(result)).toBe(expected);
    },
  );

  test.prop([fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 30 })])(
    "placing self-selecting pods one by one never lets max − min exceed maxSkew",
    (zoneCount, maxSkew, podCount) => {
      const zones = ZONE_NAMES.slice(0, zoneCount);
      const pool = template("default", { zones });
      const pods = Array.from({ length: podCount }, (_, i) =>
        pod(`w${i}`, { labels: { app: "web" }, spread: [spread(LABEL_ZONE, maxSkew, { matchLabels: { app: "web" } })] }),
      );
      const topology = Topology.build({ templates: [pool], nodes: [], boundPods: [], pendingPods: pods, preferencePolicy: "Respect" });
      const placed = new Map(zones.map((z) => [z, 0]));
      pods.forEach((p, i) => {
        const zone = pinned(place(topology, p, claimRequirements(pool, `h${i}`)));
        expect(zone).toBeDefined();
        placed.set(zone!, placed.get(zone!)! + 1);
        const values = [...placed.values()];
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(maxSkew);
      });
    },
  );
});

/** A small random batch: each pod draws one kind of constraint. */
const kinds = ["none", "zone-spread", "host-spread", "zone-affinity", "host-anti", "zone-anti", "inverse-target"] as const;
function batchPod(i: number, kind: (typeof kinds)[number]): Pod {
  const labels = { app: kind === "inverse-target" ? "target" : "web" };
  const web = { matchLabels: { app: "web" } };
  switch (kind) {
    case "none":
    case "inverse-target":
      return pod(`p${i}`, { labels });
    case "zone-spread":
      return pod(`p${i}`, { labels, spread: [spread(LABEL_ZONE, 1, web)] });
    case "host-spread":
      return pod(`p${i}`, { labels, spread: [spread(LABEL_HOSTNAME, 1, web)] });
    case "zone-affinity":
      return pod(`p${i}`, {
        labels,
        affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: LABEL_ZONE, labelSelector: web }] } },
      });
    case "host-anti":
      return pod(`p${i}`, {
        labels,
        affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: LABEL_HOSTNAME, labelSelector: web }] } },
      });
    case "zone-anti":
      return pod(`p${i}`, {
        labels,
        affinity: {
          podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: LABEL_ZONE, labelSelector: { matchLabels: { app: "target" } } }] },
        },
      });
  }
}

const batch = fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 12 });

describe("addRequirements laws", () => {
  test.prop([batch, fc.nat()])("is pure: asking twice gives the same answer and changes no count", (drawn, seed) => {
    const pool = template();
    const pods = drawn.map((k, i) => batchPod(i, k));
    const topology = Topology.build({ templates: [pool], nodes: [], boundPods: [], pendingPods: pods, preferencePolicy: "Respect" });
    pods.forEach((p, i) => place(topology, p, claimRequirements(pool, `h${i % 3}`)));
    const target = pods[seed % pods.length]!;
    const claim = claimRequirements(pool, `h${seed % 4}`);
    const before = JSON.stringify(topology.groupViews().map((v) => [...v.counts]));
    const first = ask(topology, target, claim);
    const second = ask(topology, target, claim);
    expect(JSON.stringify(topology.groupViews().map((v) => [...v.counts]))).toBe(before);
    expect(second.ok).toBe(first.ok);
    if (first.ok && second.ok) expect(second.requirements.equals(first.requirements)).toBe(true);
    if (!first.ok && !second.ok) expect(second.conflict.message).toBe(first.conflict.message);
  });

  test.prop([batch])("returns the node's requirements unchanged for a pod with no constraints", (drawn) => {
    const pool = template();
    const pods = drawn.map((k, i) => batchPod(i, k));
    const free = pod("free", { labels: { app: "unrelated" } });
    const topology = Topology.build({ templates: [pool], nodes: [], boundPods: [], pendingPods: [...pods, free], preferencePolicy: "Respect" });
    pods.forEach((p, i) => place(topology, p, claimRequirements(pool, `h${i}`)));
    const claim = claimRequirements(pool, "h0");
    expect(topology.hasConstraints(free)).toBe(false);
    const result = topology.addRequirements(free, claim, claim, []);
    expect(result.ok && result.requirements).toBe(claim);
  });

  test.prop([batch, fc.boolean()])("gives the same placements whatever the order of the build input", (drawn, reverse) => {
    const a = template("a", { zones: ["z1", "z2"] });
    const b = template("b", { zones: ["z3", "z2"] });
    const pods = drawn.map((k, i) => batchPod(i, k));
    const run = (order: readonly Pod[], templates: ReturnType<typeof template>[]) => {
      const topology = Topology.build({ templates, nodes: [], boundPods: [], pendingPods: order, preferencePolicy: "Respect" });
      return pods.map((p, i) => {
        const r = place(topology, p, claimRequirements(a, `h${i % 2}`));
        return r.ok ? r.requirements.toString() : r.conflict.message;
      });
    };
    const forward = run(pods, [a, b]);
    const backward = run(reverse ? [...pods].reverse() : pods, reverse ? [b, a] : [a, b]);
    expect(backward).toEqual(forward);
  });
});

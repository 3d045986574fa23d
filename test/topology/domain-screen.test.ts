import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { LABEL_HOSTNAME, LABEL_ZONE, podRequirements, Requirement } from "../../src/requirements/index.js";
import { DomainScreen } from "../../src/topology/domain-screen.js";
import { Topology } from "../../src/topology/index.js";
import type { Pod } from "../../src/types/kubernetes.js";
import { ask, claimRequirements, place, pod, spread, template, ZONES } from "./fixtures.js";

const kinds = ["none", "zone-spread", "host-spread", "zone-affinity", "zone-anti", "host-anti"] as const;
const web = { matchLabels: { app: "web" } };

function batchPod(i: number, kind: (typeof kinds)[number], zones: readonly string[] | undefined): Pod {
  const nodeSelector = zones === undefined ? {} : { nodeSelector: { [LABEL_ZONE]: zones[0] as string } };
  const labels = { app: i % 3 === 0 ? "other" : "web" };
  switch (kind) {
    case "none":
      return pod(`p${i}`, { labels, ...nodeSelector });
    case "zone-spread":
      return pod(`p${i}`, { labels, ...nodeSelector, spread: [spread(LABEL_ZONE, 1, web)] });
    case "host-spread":
      return pod(`p${i}`, { labels, ...nodeSelector, spread: [spread(LABEL_HOSTNAME, 1, web)] });
    case "zone-affinity":
      return pod(`p${i}`, {
        labels,
        ...nodeSelector,
        affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: LABEL_ZONE, labelSelector: web }] } },
      });
    case "zone-anti":
      return pod(`p${i}`, {
        labels,
        ...nodeSelector,
        affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: LABEL_ZONE, labelSelector: web }] } },
      });
    case "host-anti":
      return pod(`p${i}`, {
        labels,
        ...nodeSelector,
        affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: LABEL_HOSTNAME, labelSelector: web }] } },
      });
  }
}

const drawnPod = fc.record({ kind: fc.constantFrom(...kinds), zone: fc.option(fc.subarray([...ZONES], { minLength: 1, maxLength: 1 }), { nil: undefined }) });
/** A claim: unconstrained on the zone, or narrowed to some zones. */
const drawnClaim = fc.option(fc.subarray([...ZONES], { minLength: 1 }), { nil: undefined });

describe("domain screen", () => {
  test.prop([fc.array(drawnPod, { minLength: 1, maxLength: 12 }), fc.array(drawnClaim, { minLength: 1, maxLength: 8 }), fc.nat()])(
    "refuses a claim only when the topology check refuses it, memo or not",
    (drawn, claims, seed) => {
      const pool = template();
      const pods = drawn.map((d, i) => batchPod(i, d.kind, d.zone));
      const topology = Topology.build({ templates: [pool], nodes: [], boundPods: [], pendingPods: pods, preferencePolicy: "Respect" });
      pods.forEach((p, i) => place(topology, p, claimRequirements(pool, `h${i % 3}`)));
      const target = pods[seed % pods.length] as Pod;
      const screen = new DomainScreen(topology.domainRules(target, podRequirements(target.spec, { strict: true })), podRequirements(target.spec));
      // Claims that share a zone requirement object, as planned claims do, and claims that do not.
      const shared = new Map<string, Requirement>();
      claims.forEach((zones, c) => {
        const extra = zones === undefined ? [] : [shared.get(zones.join()) ?? Requirement.create(LABEL_ZONE, "In", zones)];
        if (zones !== undefined) shared.set(zones.join(), extra[0] as Requirement);
        const claim = claimRequirements(pool, `h${c}`, extra);
        if (screen.refuses(claim)) expect(ask(topology, target, claim).ok).toBe(false);
      });
    },
  );

  test("refuses the zones a zonal affinity group has left behind", () => {
    const pool = template();
    const a = pod("a", {
      labels: { app: "web" },
      affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: LABEL_ZONE, labelSelector: web }] } },
    });
    const b = pod("b", { labels: { app: "web" }, affinity: a.spec.affinity as NonNullable<Pod["spec"]["affinity"]> });
    const topology = Topology.build({ templates: [pool], nodes: [], boundPods: [], pendingPods: [a, b], preferencePolicy: "Respect" });
    place(topology, a, claimRequirements(pool, "h0", [Requirement.create(LABEL_ZONE, "In", ["test-zone-2"])]));
    const screen = new DomainScreen(topology.domainRules(b, podRequirements(b.spec, { strict: true })), podRequirements(b.spec));
    expect(screen.refuses(claimRequirements(pool, "h1", [Requirement.create(LABEL_ZONE, "In", ["test-zone-1"])]))).toBe(true);
    expect(screen.refuses(claimRequirements(pool, "h2", [Requirement.create(LABEL_ZONE, "In", ["test-zone-2"])]))).toBe(false);
    expect(screen.refuses(claimRequirements(pool, "h3"))).toBe(false);
  });
});

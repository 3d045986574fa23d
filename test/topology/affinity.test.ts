import { describe, expect, it } from "vitest";
import { LABEL_HOSTNAME, LABEL_ZONE, Requirement } from "../../src/requirements/index.js";
import { Topology } from "../../src/topology/index.js";
import type { PodAffinityTerm } from "../../src/types/kubernetes.js";
import { ask, claimRequirements, counts, node, nodeRequirements, place, pod, template, zoneOf } from "./fixtures.js";

const term = (app: string, topologyKey = LABEL_ZONE, extra: Partial<PodAffinityTerm> = {}): PodAffinityTerm => ({
  topologyKey,
  labelSelector: { matchLabels: { app } },
  ...extra,
});
const affine = (name: string, labels: Record<string, string>, t: PodAffinityTerm) =>
  pod(name, { labels, affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [t] } } });

describe("pod affinity", () => {
  it("a self-selecting pod bootstraps into the smallest zone, and the next follows it", () => {
    const pods = [0, 1].map((i) => affine(`w${i}`, { app: "web" }, term("web")));
    const pool = template();
    const topology = Topology.build({ templates: [pool], nodes: [], boundPods: [], pendingPods: pods, preferencePolicy: "Respect" });
    expect(zoneOf(place(topology, pods[0]!, claimRequirements(pool, "h0")))).toBe("test-zone-1");
    expect(zoneOf(place(topology, pods[1]!, claimRequirements(pool, "h1")))).toBe("test-zone-1");
  });

  it("bootstraps into the node's own zone when the node has one (an in-flight claim)", () => {
    const p = affine("w", { app: "web" }, term("web"));
    const pool = template();
    const topology = Topology.build({ templates: [pool], nodes: [], boundPods: [], pendingPods: [p], preferencePolicy: "Respect" });
    const claim = claimRequirements(pool, "h", [Requirement.create(LABEL_ZONE, "In", ["test-zone-2", "test-zone-3"])]);
    expect(zoneOf(ask(topology, p, claim))).toBe("test-zone-2");
  });

  it("is unsatisfiable toward pods that do not exist yet, until they are recorded (a chain)", () => {
    const a = pod("a", { labels: { app: "db" } });
    const b = affine("b", { app: "web" }, term("db"));
    const pool = template();
    const topology = Topology.build({ templates: [pool], nodes: [], boundPods: [], pendingPods: [a, b], preferencePolicy: "Respect" });
    const before = ask(topology, b, claimRequirements(pool, "h"));
    expect(before.ok ? "ok" : before.conflict.code).toBe("pod-affinity");
    topology.record(a, claimRequirements(pool, "ha", [Requirement.create(LABEL_ZONE, "In", ["test-zone-3"])]), []);
    expect(zoneOf(ask(topology, b, claimRequirements(pool, "h")))).toBe("test-zone-3");
  });

  it("follows running pods, and does not bootstrap elsewhere when the pod excludes their zone", () => {
    const n2 = node("n2", "test-zone-2");
    const bound = [{ pod: pod("old", { labels: { app: "web" } }), nodeName: "n2" }];
    const free = affine("w", { app: "web" }, term("web"));
    const elsewhere = pod("x", {
      labels: { app: "web" },
      nodeSelector: { [LABEL_ZONE]: "test-zone-1" },
      affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("web")] } },
    });
    const topology = Topology.build({ templates: [template()], nodes: [n2], boundPods: bound, pendingPods: [free, elsewhere], preferencePolicy: "Respect" });
    expect(zoneOf(ask(topology, free, claimRequirements(template(), "h")))).toBe("test-zone-2");
    // No occupied zone is one the pod allows, so it bootstraps in its own zone.
    expect(zoneOf(ask(topology, elsewhere, claimRequirements(template(), "h")))).toBe("test-zone-1");
  });

  it("hostname affinity: only a host that already has a matching pod, or a bootstrap", () => {
    const n1 = node("n1", "test-zone-1");
    const n2 = node("n2", "test-zone-1");
    const bound = [{ pod: pod("db", { labels: { app: "db" } }), nodeName: "n1" }];
    const p = affine("w", { app: "web" }, term("db", LABEL_HOSTNAME));
    const self = affine("s", { app: "solo" }, term("solo", LABEL_HOSTNAME));
    const topology = Topology.build({ templates: [template()], nodes: [n1, n2], boundPods: bound, pendingPods: [p, self], preferencePolicy: "Respect" });
    expect(ask(topology, p, nodeRequirements(n1)).ok).toBe(true);
    expect(ask(topology, p, nodeRequirements(n2)).ok).toBe(false);
    expect(ask(topology, p, claimRequirements(template(), "new")).ok).toBe(false);
    expect(place(topology, self, claimRequirements(template(), "new")).ok).toBe(true);
    const next = affine("s2", { app: "solo" }, term("solo", LABEL_HOSTNAME));
    expect(ask(topology, next, claimRequirements(template(), "new")).ok).toBe(true);
    expect(ask(topology, next, claimRequirements(template(), "other")).ok).toBe(false);
  });

  it("records spread and affinity counts only once the node's zone is a single value", () => {
    const a = pod("a", { labels: { app: "db" } });
    const b = affine("b", { app: "web" }, term("db"));
    const topology = Topology.build({ templates: [template()], nodes: [], boundPods: [], pendingPods: [a, b], preferencePolicy: "Respect" });
    topology.record(a, claimRequirements(template(), "h", [Requirement.create(LABEL_ZONE, "In", ["test-zone-1", "test-zone-2"])]), []);
    expect(counts(topology)).toEqual({ "test-zone-1": 0, "test-zone-2": 0, "test-zone-3": 0 });
  });
});

describe("namespaces", () => {
  const n1 = node("n1", "test-zone-1");
  const namespaces = new Map([
    ["team-a", new Map([["team", "a"]])],
    ["team-b", new Map([["team", "b"]])],
  ]);
  const bound = [
    { pod: pod("a", { namespace: "team-a", labels: { app: "db" } }), nodeName: "n1" },
    { pod: pod("b", { namespace: "team-b", labels: { app: "db" } }), nodeName: "n1" },
    { pod: pod("c", { namespace: "default", labels: { app: "db" } }), nodeName: "n1" },
  ];
  const total = (t: PodAffinityTerm) => {
    const p = affine("w", { app: "web" }, t);
    const topology = Topology.build({ templates: [template()], nodes: [n1], boundPods: bound, pendingPods: [p], namespaces, preferencePolicy: "Respect" });
    return counts(topology)["test-zone-1"];
  };

  it("defaults to the pod's own namespace", () => expect(total(term("db"))).toBe(1));
  it("uses listed namespaces", () => expect(total(term("db", LABEL_ZONE, { namespaces: ["team-a", "team-b"] }))).toBe(2));
  it("adds namespaces matching the namespaceSelector", () =>
    expect(total(term("db", LABEL_ZONE, { namespaces: ["default"], namespaceSelector: { matchLabels: { team: "b" } } }))).toBe(2));
  it("an empty namespaceSelector selects every known namespace", () => expect(total(term("db", LABEL_ZONE, { namespaceSelector: {} }))).toBe(3));
});

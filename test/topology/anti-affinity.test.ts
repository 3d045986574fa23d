import { describe, expect, it } from "vitest";
import { LABEL_HOSTNAME, LABEL_ZONE, Requirement } from "../../src/requirements/index.js";
import { Topology } from "../../src/topology/index.js";
import type { Pod, PodAffinityTerm } from "../../src/types/kubernetes.js";
import { ask, claimRequirements, counts, node, nodeRequirements, place, pod, template, zoneOf } from "./fixtures.js";

const term = (app: string, topologyKey = LABEL_ZONE): PodAffinityTerm => ({ topologyKey, labelSelector: { matchLabels: { app } } });
const anti = (name: string, app: string, t: PodAffinityTerm, preferred = false): Pod =>
  pod(name, {
    labels: { app },
    affinity: {
      podAntiAffinity: preferred
        ? { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: t }] }
        : { requiredDuringSchedulingIgnoredDuringExecution: [t] },
    },
  });
const zone = (...zones: string[]) => Requirement.create(LABEL_ZONE, "In", zones);

describe("pod anti-affinity", () => {
  it("hostname self anti-affinity: one pod per host", () => {
    const pods = [0, 1].map((i) => anti(`w${i}`, "web", term("web", LABEL_HOSTNAME)));
    const pool = template();
    const topology = Topology.build({ templates: [pool], nodes: [], boundPods: [], pendingPods: pods, preferencePolicy: "Respect" });
    topology.register(LABEL_HOSTNAME, "h1");
    expect(place(topology, pods[0]!, claimRequirements(pool, "h1")).ok).toBe(true);
    const same = ask(topology, pods[1]!, claimRequirements(pool, "h1"));
    expect(same.ok ? "ok" : same.conflict.code).toBe("pod-anti-affinity");
    expect(ask(topology, pods[1]!, claimRequirements(pool, "h2")).ok).toBe(true);
  });

  it("zonal anti-affinity allows only empty zones", () => {
    const n1 = node("n1", "test-zone-1");
    const bound = [{ pod: pod("old", { labels: { app: "web" } }), nodeName: "n1" }];
    const p = anti("w", "web", term("web"));
    const topology = Topology.build({ templates: [template()], nodes: [n1], boundPods: bound, pendingPods: [p], preferencePolicy: "Respect" });
    expect(zoneOf(ask(topology, p, claimRequirements(template(), "h")))).toBe("test-zone-2,test-zone-3");
    expect(ask(topology, p, nodeRequirements(n1)).ok).toBe(false);
  });

  it("records pessimistically on every zone the node could still land in", () => {
    const pods = [0, 1].map((i) => anti(`w${i}`, "web", term("web")));
    const pool = template();
    const topology = Topology.build({ templates: [pool], nodes: [], boundPods: [], pendingPods: pods, preferencePolicy: "Respect" });
    topology.record(pods[0]!, claimRequirements(pool, "h0", [zone("test-zone-1", "test-zone-2")]), []);
    expect(counts(topology)).toEqual({ "test-zone-1": 1, "test-zone-2": 1, "test-zone-3": 0 });
    expect(zoneOf(ask(topology, pods[1]!, claimRequirements(pool, "h1")))).toBe("test-zone-3");
  });

  it("unpinned zonal anti-affinity blocks every zone after one placement (upstream's multi-loop quirk)", () => {
    const pods = [0, 1].map((i) => anti(`w${i}`, "web", term("web")));
    const pool = template();
    const topology = Topology.build({ templates: [pool], nodes: [], boundPods: [], pendingPods: pods, preferencePolicy: "Respect" });
    expect(zoneOf(place(topology, pods[0]!, claimRequirements(pool, "h0")))).toBe("test-zone-1,test-zone-2,test-zone-3");
    expect(ask(topology, pods[1]!, claimRequirements(pool, "h1")).ok).toBe(false);
  });
});

describe("inverse anti-affinity", () => {
  it("a running pod's required anti-affinity keeps the pods it selects out of its domain", () => {
    const n1 = node("n1", "test-zone-1");
    const n2 = node("n2", "test-zone-1");
    const bound = [{ pod: anti("db", "db", term("web", LABEL_HOSTNAME)), nodeName: "n1" }];
    const web = pod("w", { labels: { app: "web" } });
    const other = pod("o", { labels: { app: "other" } });
    const topology = Topology.build({ templates: [template()], nodes: [n1, n2], boundPods: bound, pendingPods: [web, other], preferencePolicy: "Respect" });
    expect(topology.hasConstraints(web)).toBe(true);
    expect(topology.hasConstraints(other)).toBe(false);
    const blocked = ask(topology, web, nodeRequirements(n1));
    expect(blocked.ok ? "ok" : blocked.conflict.code).toBe("pod-anti-affinity");
    expect(ask(topology, web, nodeRequirements(n2)).ok).toBe(true);
  });

  it("a batch pod's required anti-affinity counts where it lands (all its possible domains)", () => {
    const pool = template();
    const a = anti("a", "db", term("web"));
    const web = pod("w", { labels: { app: "web" } });
    const topology = Topology.build({ templates: [pool], nodes: [], boundPods: [], pendingPods: [a, web], preferencePolicy: "Respect" });
    // Selected by the inverse group, the pod is narrowed to its empty (known) zones.
    expect(zoneOf(ask(topology, web, claimRequirements(pool, "h")))).toBe("test-zone-1,test-zone-2,test-zone-3");
    topology.record(a, claimRequirements(pool, "ha", [zone("test-zone-1")]), []);
    expect(zoneOf(ask(topology, web, claimRequirements(pool, "h")))).toBe("test-zone-2,test-zone-3");
    expect(ask(topology, web, claimRequirements(pool, "h", [zone("test-zone-1")])).ok).toBe(false);
  });

  it("preferred anti-affinity is not tracked inversely", () => {
    const n1 = node("n1", "test-zone-1");
    const bound = [{ pod: anti("db", "db", term("web", LABEL_HOSTNAME), true), nodeName: "n1" }];
    const web = pod("w", { labels: { app: "web" } });
    const topology = Topology.build({ templates: [template()], nodes: [n1], boundPods: bound, pendingPods: [web], preferencePolicy: "Respect" });
    expect(topology.hasConstraints(web)).toBe(false);
  });

  it("does not block pods of other namespaces", () => {
    const n1 = node("n1", "test-zone-1");
    const bound = [{ pod: anti("db", "db", term("web", LABEL_HOSTNAME)), nodeName: "n1" }];
    const web = pod("w", { namespace: "elsewhere", labels: { app: "web" } });
    const topology = Topology.build({ templates: [template()], nodes: [n1], boundPods: bound, pendingPods: [web], preferencePolicy: "Respect" });
    expect(ask(topology, web, nodeRequirements(n1)).ok).toBe(true);
  });
});

describe("preferred terms and relaxation", () => {
  const preferred = anti("w", "web", term("web", LABEL_HOSTNAME), true);

  it("enforces preferred terms under Respect and ignores them under Ignore", () => {
    const respect = Topology.build({ templates: [template()], nodes: [], boundPods: [], pendingPods: [preferred], preferencePolicy: "Respect" });
    const ignore = Topology.build({ templates: [template()], nodes: [], boundPods: [], pendingPods: [preferred], preferencePolicy: "Ignore" });
    expect(respect.hasConstraints(preferred)).toBe(true);
    expect(ignore.hasConstraints(preferred)).toBe(false);
  });

  it("update with a relaxed copy drops the term; update with the original restores it", () => {
    const topology = Topology.build({ templates: [template()], nodes: [], boundPods: [], pendingPods: [preferred], preferencePolicy: "Respect" });
    topology.record(preferred, claimRequirements(template(), "h1"), []);
    const relaxed: Pod = { ...preferred, spec: { ...preferred.spec, affinity: { podAntiAffinity: {} } } };
    topology.update(relaxed);
    expect(topology.hasConstraints(relaxed)).toBe(false);
    expect(ask(topology, relaxed, claimRequirements(template(), "h1")).ok).toBe(true);
    topology.update(preferred);
    expect(ask(topology, preferred, claimRequirements(template(), "h1")).ok).toBe(false);
  });
});

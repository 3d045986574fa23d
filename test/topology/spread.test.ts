import { describe, expect, it } from "vitest";
import { LABEL_HOSTNAME, LABEL_ZONE, Requirement } from "../../src/requirements/index.js";
import { Topology } from "../../src/topology/index.js";
import { ask, claimRequirements, counts, node, nodeRequirements, place, pod, spread, template, zoneOf } from "./fixtures.js";

const web = { matchLabels: { app: "web" } };
const tsc = spread(LABEL_ZONE, 1, web);
const webPod = (name: string, extra: Partial<Parameters<typeof spread>[3]> = {}) => pod(name, { labels: { app: "web" }, spread: [{ ...tsc, ...extra }] });

describe("topology spread on zones", () => {
  it("pins each new claim to the least-loaded zone, ties broken lexically", () => {
    const pods = Array.from({ length: 6 }, (_, i) => webPod(`w${i}`));
    const pool = template();
    const topology = Topology.build({ templates: [pool], nodes: [], boundPods: [], pendingPods: pods, preferencePolicy: "Respect" });
    const zones = pods.map((p, i) => zoneOf(place(topology, p, claimRequirements(pool, `h${i}`))));
    expect(zones).toEqual(["test-zone-1", "test-zone-2", "test-zone-3", "test-zone-1", "test-zone-2", "test-zone-3"]);
    expect(counts(topology)).toEqual({ "test-zone-1": 2, "test-zone-2": 2, "test-zone-3": 2 });
  });

  it("counts running pods and existing nodes' zones", () => {
    const n1 = node("n1", "test-zone-1");
    const bound = [0, 1].map((i) => ({ pod: pod(`old${i}`, { labels: { app: "web" } }), nodeName: "n1" }));
    const p = webPod("new");
    const topology = Topology.build({ templates: [template()], nodes: [n1], boundPods: bound, pendingPods: [p], preferencePolicy: "Respect" });
    expect(counts(topology)).toEqual({ "test-zone-1": 2, "test-zone-2": 0, "test-zone-3": 0 });
    expect(zoneOf(ask(topology, p, claimRequirements(template(), "h")))).toBe("test-zone-2");
    // The existing node's zone is already at the skew limit.
    const onN1 = ask(topology, p, nodeRequirements(n1));
    expect(onN1.ok).toBe(false);
    if (!onN1.ok) {
      expect(onN1.conflict.code).toBe("topology-spread");
      expect(onN1.conflict.key).toBe(LABEL_ZONE);
      expect(onN1.conflict.message).toContain("test-zone-1: 2");
    }
  });

  it("skips terminal pods and pods of the batch when counting", () => {
    const n1 = node("n1", "test-zone-1");
    const p = webPod("new");
    const bound = [
      { pod: pod("done", { labels: { app: "web" }, phase: "Succeeded" }), nodeName: "n1" },
      { pod: p, nodeName: "n1" },
      { pod: pod("ghost", { labels: { app: "web" } }), nodeName: "missing-node" },
    ];
    const topology = Topology.build({ templates: [template()], nodes: [n1], boundPods: bound, pendingPods: [p], preferencePolicy: "Respect" });
    expect(counts(topology)).toEqual({ "test-zone-1": 0, "test-zone-2": 0, "test-zone-3": 0 });
  });

  it("a pod the constraint does not select does not add itself to the skew", () => {
    const n1 = node("n1", "test-zone-1");
    const bound = [{ pod: pod("old", { labels: { app: "web" } }), nodeName: "n1" }];
    const other = pod("other", { labels: { app: "other" }, spread: [tsc] });
    const topology = Topology.build({ templates: [template()], nodes: [n1], boundPods: bound, pendingPods: [other], preferencePolicy: "Respect" });
    // count 1 + 0 - min 0 <= 1: allowed although the zone is fuller than the others.
    expect(ask(topology, other, nodeRequirements(n1)).ok).toBe(true);
    place(topology, other, claimRequirements(template(), "h"));
    expect(counts(topology)).toEqual({ "test-zone-1": 1, "test-zone-2": 0, "test-zone-3": 0 });
  });

  it("minDomains forces the global minimum to 0 while too few domains are allowed", () => {
    const n1 = node("n1", "test-zone-1");
    const bound = [{ pod: pod("old", { labels: { app: "web" } }), nodeName: "n1" }];
    const inZone1 = { nodeSelector: { [LABEL_ZONE]: "test-zone-1" } };
    const withMin = pod("a", { labels: { app: "web" }, ...inZone1, spread: [spread(LABEL_ZONE, 1, web, { minDomains: 2 })] });
    const without = pod("a", { labels: { app: "web" }, ...inZone1, spread: [tsc] });
    const build = (p: typeof withMin) =>
      Topology.build({ templates: [template()], nodes: [n1], boundPods: bound, pendingPods: [p], preferencePolicy: "Respect" });
    // Without minDomains the pod only allows zone 1, so min = 1 and 2 - 1 <= 1.
    expect(zoneOf(ask(build(without), without, claimRequirements(template(), "h")))).toBe("test-zone-1");
    // With minDomains 2 and one allowed domain, min = 0 and 2 - 0 > 1.
    expect(ask(build(withMin), withMin, claimRequirements(template(), "h")).ok).toBe(false);
  });

  it("a node whose zone is already decided keeps it when it is within the skew", () => {
    const p = webPod("w");
    const topology = Topology.build({ templates: [template()], nodes: [], boundPods: [], pendingPods: [p], preferencePolicy: "Respect" });
    const node = claimRequirements(template(), "h", [Requirement.create(LABEL_ZONE, "In", ["test-zone-2"])]);
    const result = ask(topology, p, node);
    expect(result.ok && result.requirements.get(LABEL_ZONE).toString()).toBe(node.get(LABEL_ZONE).toString());
  });
});

describe("topology spread on hostnames", () => {
  const hostSpread = spread(LABEL_HOSTNAME, 1, web);
  it("allows a hostname while count + self <= maxSkew, and a new hostname always", () => {
    const pods = [0, 1].map((i) => pod(`w${i}`, { labels: { app: "web" }, spread: [hostSpread] }));
    const pool = template();
    const topology = Topology.build({ templates: [pool], nodes: [], boundPods: [], pendingPods: pods, preferencePolicy: "Respect" });
    const [a, b] = pods as [(typeof pods)[0], (typeof pods)[0]];
    topology.register(LABEL_HOSTNAME, "h1");
    expect(place(topology, a, claimRequirements(pool, "h1")).ok).toBe(true);
    const again = ask(topology, b, claimRequirements(pool, "h1"));
    expect(again.ok ? "ok" : again.conflict.code).toBe("topology-spread");
    expect(ask(topology, b, claimRequirements(pool, "h-unregistered")).ok).toBe(true);
  });

  it("counts an existing node by name when its hostname label is missing", () => {
    const bare = { name: "bare", labels: new Map([[LABEL_ZONE, "test-zone-1"]]), taints: [] };
    const bound = [{ pod: pod("old", { labels: { app: "web" } }), nodeName: "bare" }];
    const p = pod("w", { labels: { app: "web" }, spread: [hostSpread] });
    const topology = Topology.build({ templates: [template()], nodes: [bare], boundPods: bound, pendingPods: [p], preferencePolicy: "Respect" });
    expect(counts(topology)).toEqual({ bare: 1 });
  });
});

describe("spread selectors", () => {
  const n1 = node("n1", "test-zone-1");
  const bound = [0, 1].map((i) => ({ pod: pod(`old${i}`, { labels: { app: `x${i}` } }), nodeName: "n1" }));

  it("a nil selector counts existing pods unfiltered but never the batch's pods", () => {
    const pods = [0, 1, 2].map((i) => pod(`n${i}`, { spread: [spread(LABEL_ZONE, 1, undefined)] }));
    const pool = template();
    const topology = Topology.build({ templates: [pool], nodes: [n1], boundPods: bound, pendingPods: pods, preferencePolicy: "Respect" });
    expect(counts(topology)).toEqual({ "test-zone-1": 2, "test-zone-2": 0, "test-zone-3": 0 });
    const zones = pods.map((p, i) => zoneOf(place(topology, p, claimRequirements(pool, `h${i}`))));
    expect(zones).toEqual(["test-zone-2", "test-zone-2", "test-zone-2"]);
    expect(counts(topology)).toEqual({ "test-zone-1": 2, "test-zone-2": 0, "test-zone-3": 0 });
  });

  it("an empty selector selects every pod of the namespace", () => {
    const pods = [0, 1, 2].map((i) => pod(`e${i}`, { spread: [spread(LABEL_ZONE, 1, {})] }));
    const pool = template();
    const topology = Topology.build({ templates: [pool], nodes: [n1], boundPods: bound, pendingPods: pods, preferencePolicy: "Respect" });
    const zones = pods.map((p, i) => zoneOf(place(topology, p, claimRequirements(pool, `h${i}`))));
    expect(zones).toEqual(["test-zone-2", "test-zone-3", "test-zone-2"]);
  });

  it("matchLabelKeys narrows the selector to the pod's own value", () => {
    const hashed = (name: string, hash: string) =>
      pod(name, { labels: { app: "web", hash }, spread: [spread(LABEL_ZONE, 1, web, { matchLabelKeys: ["hash", "absent"] })] });
    const old = [0, 1].map((i) => ({ pod: pod(`old-a${i}`, { labels: { app: "web", hash: "a" } }), nodeName: "n1" }));
    const a = hashed("a", "a");
    const b = hashed("b", "b");
    const topology = Topology.build({ templates: [template()], nodes: [n1], boundPods: old, pendingPods: [a, b], preferencePolicy: "Respect" });
    expect(zoneOf(ask(topology, a, claimRequirements(template(), "h")))).toBe("test-zone-2");
    expect(zoneOf(ask(topology, b, claimRequirements(template(), "h")))).toBe("test-zone-1");
    expect(topology.groupViews()).toHaveLength(2);
  });

  it("pods in another namespace are not counted", () => {
    const other = [{ pod: pod("o", { namespace: "other", labels: { app: "web" } }), nodeName: "n1" }];
    const p = webPod("w");
    const topology = Topology.build({ templates: [template()], nodes: [n1], boundPods: other, pendingPods: [p], preferencePolicy: "Respect" });
    expect(counts(topology)["test-zone-1"]).toBe(0);
  });
});

describe("spread node filter", () => {
  const labelled = node("labelled", "test-zone-1", { pool: "x" });
  const unlabelled = node("unlabelled", "test-zone-2");
  const bound = [
    { pod: pod("a", { labels: { app: "web" } }), nodeName: "labelled" },
    { pod: pod("b", { labels: { app: "web" } }), nodeName: "unlabelled" },
  ];
  const build = (policy: string | undefined) => {
    const p = pod("w", {
      labels: { app: "web" },
      nodeSelector: { pool: "x" },
      spread: [spread(LABEL_ZONE, 1, web, policy ? { nodeAffinityPolicy: policy } : {})],
    });
    return Topology.build({ templates: [template()], nodes: [labelled, unlabelled], boundPods: bound, pendingPods: [p], preferencePolicy: "Respect" });
  };

  it("honors the pod's node selector by default: nodes it excludes do not count", () => {
    expect(counts(build(undefined))).toEqual({ "test-zone-1": 1, "test-zone-2": 0, "test-zone-3": 0 });
  });

  it("counts every node with nodeAffinityPolicy Ignore", () => {
    expect(counts(build("Ignore"))).toEqual({ "test-zone-1": 1, "test-zone-2": 1, "test-zone-3": 0 });
  });

  it("does not record the pod on a node its filter excludes", () => {
    const p = pod("w", { labels: { app: "web" }, nodeSelector: { pool: "x" }, spread: [spread(LABEL_ZONE, 1, web)] });
    const other = pod("o", { labels: { app: "web" } });
    const topology = Topology.build({ templates: [template()], nodes: [], boundPods: [], pendingPods: [p, other], preferencePolicy: "Respect" });
    topology.record(
      other,
      claimRequirements(template(), "h1", [Requirement.create(LABEL_ZONE, "In", ["test-zone-3"]), Requirement.create("pool", "In", ["y"])]),
      [],
    );
    topology.record(
      other,
      claimRequirements(template(), "h2", [Requirement.create(LABEL_ZONE, "In", ["test-zone-2"]), Requirement.create("pool", "In", ["x"])]),
      [],
    );
    expect(counts(topology)).toEqual({ "test-zone-1": 0, "test-zone-2": 1, "test-zone-3": 0 });
  });

  it("nodeTaintsPolicy Honor drops domains only tainted NodePools offer, and tainted nodes", () => {
    const taint = { key: "dedicated", value: "gpu", effect: "NoSchedule" };
    const pools = [template("plain", { zones: ["test-zone-1", "test-zone-2"] }), template("tainted", { zones: ["test-zone-3"], taints: [taint] })];
    const nodes = [node("n1", "test-zone-1"), node("n2", "test-zone-2")];
    const bound = [
      { pod: pod("a", { labels: { app: "web" } }), nodeName: "n1" },
      { pod: pod("b", { labels: { app: "web" } }), nodeName: "n2" },
    ];
    const make = (policy: string) => {
      const p = pod("w", { labels: { app: "web" }, spread: [spread(LABEL_ZONE, 1, web, { nodeTaintsPolicy: policy })] });
      const topology = Topology.build({ templates: pools, nodes, boundPods: bound, pendingPods: [p], preferencePolicy: "Respect" });
      return zoneOf(ask(topology, p, claimRequirements(template("any"), "h")));
    };
    expect(make("Honor")).toBe("test-zone-1");
    expect(make("Ignore")).toBe("test-zone-3");
  });
});

describe("ScheduleAnyway and the preference policy", () => {
  const anyway = pod("w", { labels: { app: "web" }, spread: [spread(LABEL_ZONE, 1, web, { whenUnsatisfiable: "ScheduleAnyway" })] });
  it("enforces ScheduleAnyway under Respect", () => {
    const topology = Topology.build({ templates: [template()], nodes: [], boundPods: [], pendingPods: [anyway], preferencePolicy: "Respect" });
    expect(topology.hasConstraints(anyway)).toBe(true);
  });
  it("skips ScheduleAnyway under Ignore", () => {
    const topology = Topology.build({ templates: [template()], nodes: [], boundPods: [], pendingPods: [anyway], preferencePolicy: "Ignore" });
    expect(topology.hasConstraints(anyway)).toBe(false);
    expect(topology.groupViews()).toHaveLength(0);
  });
});

describe("group sharing", () => {
  it("pods with identical constraints share a group; a different node filter makes another", () => {
    const same = [0, 1].map((i) => webPod(`s${i}`));
    const filtered = pod("f", { labels: { app: "web" }, nodeSelector: { pool: "x" }, spread: [tsc] });
    const topology = Topology.build({ templates: [template()], nodes: [], boundPods: [], pendingPods: [...same, filtered], preferencePolicy: "Respect" });
    expect(topology.groupViews()).toHaveLength(2);
    place(topology, same[0]!, claimRequirements(template(), "h0"));
    expect(zoneOf(ask(topology, same[1]!, claimRequirements(template(), "h1")))).toBe("test-zone-2");
  });
});

describe("record and the node filter", () => {
  const taint = { key: "dedicated", effect: "NoSchedule" };
  it("with nodeTaintsPolicy Honor, a pod on a node whose taints the owner does not tolerate is not counted", () => {
    const owner = pod("w", { labels: { app: "web" }, spread: [spread(LABEL_ZONE, 1, web, { nodeTaintsPolicy: "Honor" })] });
    const other = pod("o", { labels: { app: "web" }, tolerations: [{ key: "dedicated", operator: "Exists" }] });
    const topology = Topology.build({ templates: [template()], nodes: [], boundPods: [], pendingPods: [owner, other], preferencePolicy: "Respect" });
    const zone1 = claimRequirements(template(), "h", [Requirement.create(LABEL_ZONE, "In", ["test-zone-1"])]);
    topology.record(other, zone1, [taint]);
    expect(counts(topology)["test-zone-1"]).toBe(0);
    topology.record(other, zone1, []);
    expect(counts(topology)["test-zone-1"]).toBe(1);
  });

  it("strict comparison treats a well-known label the node lacks as not matching", () => {
    const owner = pod("w", { labels: { app: "web" }, nodeSelector: { "kubernetes.io/arch": "amd64" }, spread: [spread(LABEL_HOSTNAME, 1, web)] });
    const other = pod("o", { labels: { app: "web" } });
    const topology = Topology.build({ templates: [template()], nodes: [], boundPods: [], pendingPods: [owner, other], preferencePolicy: "Respect" });
    const noArch = claimRequirements(template(), "h1");
    topology.record(other, noArch, [], { strict: true });
    expect(counts(topology)["h1"]).toBeUndefined();
    topology.record(other, noArch, []);
    expect(counts(topology)["h1"]).toBe(1);
  });
});

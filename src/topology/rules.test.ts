import { describe, expect, it } from "vitest";
import { LABEL_HOSTNAME, LABEL_ZONE, Requirement } from "../requirements/index.js";
import { TopologyGroup } from "./group.js";
import { NodeFilter } from "./node-filter.js";
import { anyOccupiedIn, KEEP, nextAffinityDomain, nextAntiAffinityDomain, nextSpreadDomain, singleValue, spreadMinimum } from "./rules.js";
import type { TopologyType } from "./types.js";

function group(type: TopologyType, key: string, counts: Record<string, number>, extra: { maxSkew?: number; minDomains?: number } = {}): TopologyGroup {
  const g = new TopologyGroup({
    type,
    key,
    namespaces: new Set(["default"]),
    selector: {},
    maxSkew: extra.maxSkew ?? 1,
    minDomains: extra.minDomains,
    filter: NodeFilter.NONE,
  });
  for (const [domain, n] of Object.entries(counts)) {
    g.register(domain);
    for (let i = 0; i < n; i++) g.record(domain);
  }
  return g;
}

const exists = (key: string) => Requirement.exists(key);
const inZ = (...values: string[]) => Requirement.create(LABEL_ZONE, "In", values);
const host = (h: string) => Requirement.create(LABEL_HOSTNAME, "In", [h]);
const show = (answer: ReturnType<typeof nextSpreadDomain>) => (answer === KEEP ? "keep" : answer === null ? "none" : answer.toString());

describe("singleValue", () => {
  it("is the value of a one-value In and undefined otherwise", () => {
    expect(singleValue(inZ("a"))).toBe("a");
    expect(singleValue(inZ("a", "b"))).toBeUndefined();
    expect(singleValue(Requirement.create(LABEL_ZONE, "NotIn", ["a"]))).toBeUndefined();
    expect(singleValue(Requirement.doesNotExist(LABEL_ZONE))).toBeUndefined();
  });
});

describe("spread rule", () => {
  it("min is the lowest count over the pod's domains, 0 below minDomains, 0 for hostname", () => {
    const g = group("spread", LABEL_ZONE, { a: 2, b: 1, c: 3 });
    expect(spreadMinimum(g, exists(LABEL_ZONE))).toBe(1);
    expect(spreadMinimum(g, inZ("a", "c"))).toBe(2);
    expect(spreadMinimum(group("spread", LABEL_ZONE, { a: 2, b: 1 }, { minDomains: 3 }), exists(LABEL_ZONE))).toBe(0);
    expect(spreadMinimum(group("spread", LABEL_HOSTNAME, { h: 5 }), exists(LABEL_HOSTNAME))).toBe(0);
  });

  it("only chooses among known domains of the node", () => {
    const g = group("spread", LABEL_ZONE, { a: 1, b: 1 });
    expect(show(nextSpreadDomain(g, true, exists(LABEL_ZONE), inZ("b", "unknown")))).toBe(inZ("b").toString());
    expect(show(nextSpreadDomain(g, true, exists(LABEL_ZONE), inZ("unknown")))).toBe("none");
  });

  it("keeps a single node domain that is valid", () => {
    const g = group("spread", LABEL_ZONE, { a: 0, b: 0 });
    expect(nextSpreadDomain(g, true, exists(LABEL_ZONE), inZ("b"))).toBe(KEEP);
  });

  it("hostname fast path: an unknown host counts 0", () => {
    const g = group("spread", LABEL_HOSTNAME, { h1: 1 }, { maxSkew: 1 });
    expect(nextSpreadDomain(g, true, exists(LABEL_HOSTNAME), host("h1"))).toBeNull();
    expect(nextSpreadDomain(g, false, exists(LABEL_HOSTNAME), host("h1"))).toBe(KEEP);
    expect(nextSpreadDomain(g, true, exists(LABEL_HOSTNAME), host("new"))).toBe(KEEP);
  });
});

describe("affinity rule", () => {
  it("allows the occupied domains both sides allow", () => {
    const g = group("affinity", LABEL_ZONE, { a: 1, b: 2, c: 0 });
    expect(show(nextAffinityDomain(g, false, exists(LABEL_ZONE), exists(LABEL_ZONE)))).toBe(inZ("a", "b").toString());
    expect(nextAffinityDomain(g, false, inZ("b"), inZ("b"))).toBe(KEEP);
    expect(nextAffinityDomain(g, true, exists(LABEL_ZONE), inZ("c"))).toBeNull();
  });

  it("bootstraps only for a self-selecting pod none of whose domains is occupied", () => {
    const empty = group("affinity", LABEL_ZONE, { b: 0, a: 0 });
    expect(show(nextAffinityDomain(empty, true, exists(LABEL_ZONE), exists(LABEL_ZONE)))).toBe(inZ("a").toString());
    expect(nextAffinityDomain(empty, false, exists(LABEL_ZONE), exists(LABEL_ZONE))).toBeNull();
    const occupiedElsewhere = group("affinity", LABEL_ZONE, { a: 0, b: 0, c: 1 });
    expect(show(nextAffinityDomain(occupiedElsewhere, true, inZ("a", "b"), exists(LABEL_ZONE)))).toBe(inZ("a").toString());
    expect(nextAffinityDomain(group("affinity", LABEL_ZONE, {}), true, exists(LABEL_ZONE), exists(LABEL_ZONE))).toBeNull();
  });

  it("hostname fast path", () => {
    const g = group("affinity", LABEL_HOSTNAME, { h1: 1, h2: 0 });
    expect(nextAffinityDomain(g, false, exists(LABEL_HOSTNAME), host("h1"))).toBe(KEEP);
    expect(nextAffinityDomain(g, true, exists(LABEL_HOSTNAME), host("h2"))).toBeNull();
    expect(nextAffinityDomain(g, true, Requirement.create(LABEL_HOSTNAME, "NotIn", ["h1"]), host("h2"))).toBe(KEEP);
    expect(nextAffinityDomain(g, false, Requirement.create(LABEL_HOSTNAME, "NotIn", ["h1"]), host("h1"))).toBeNull();
  });

  it("anyOccupiedIn looks at the pod's domains only", () => {
    const g = group("affinity", LABEL_ZONE, { a: 1, b: 0 });
    expect(anyOccupiedIn(g, exists(LABEL_ZONE))).toBe(true);
    expect(anyOccupiedIn(g, inZ("b"))).toBe(false);
    expect(anyOccupiedIn(g, Requirement.create(LABEL_ZONE, "NotIn", ["a"]))).toBe(false);
    expect(anyOccupiedIn(group("affinity", LABEL_ZONE, { a: 0 }), exists(LABEL_ZONE))).toBe(false);
  });
});

describe("anti-affinity rule", () => {
  it("allows the empty domains both sides allow", () => {
    const g = group("anti-affinity", LABEL_ZONE, { a: 1, b: 0, c: 0 });
    expect(show(nextAntiAffinityDomain(g, exists(LABEL_ZONE), exists(LABEL_ZONE)))).toBe(inZ("b", "c").toString());
    expect(show(nextAntiAffinityDomain(g, inZ("c"), exists(LABEL_ZONE)))).toBe(inZ("c").toString());
    expect(nextAntiAffinityDomain(g, exists(LABEL_ZONE), inZ("b", "c"))).toBe(KEEP);
    expect(nextAntiAffinityDomain(g, exists(LABEL_ZONE), inZ("a"))).toBeNull();
    expect(nextAntiAffinityDomain(group("anti-affinity", LABEL_ZONE, { a: 1 }), exists(LABEL_ZONE), exists(LABEL_ZONE))).toBeNull();
  });

  it("hostname fast path: free iff the host's count is 0", () => {
    const g = group("anti-affinity", LABEL_HOSTNAME, { h1: 1 });
    expect(nextAntiAffinityDomain(g, exists(LABEL_HOSTNAME), host("h1"))).toBeNull();
    expect(nextAntiAffinityDomain(g, exists(LABEL_HOSTNAME), host("h2"))).toBe(KEEP);
  });
});

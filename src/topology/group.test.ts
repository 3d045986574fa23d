import { describe, expect, it } from "vitest";
import { LABEL_ZONE } from "../requirements/index.js";
import { groupHash, TopologyGroup, type GroupIdentity } from "./group.js";
import { NodeFilter } from "./node-filter.js";

const base: GroupIdentity = {
  type: "spread",
  key: LABEL_ZONE,
  namespaces: new Set(["a", "b"]),
  selector: {
    matchLabels: { app: "web" },
    matchExpressions: [
      { key: "x", operator: "In", values: ["1", "2"] },
      { key: "y", operator: "Exists" },
    ],
  },
  maxSkew: 1,
  minDomains: undefined,
  filter: NodeFilter.NONE,
};

describe("group identity", () => {
  it("ignores order of namespaces, expressions and values, and minDomains", () => {
    const same: GroupIdentity = {
      ...base,
      namespaces: new Set(["b", "a"]),
      selector: {
        matchLabels: { app: "web" },
        matchExpressions: [
          { key: "y", operator: "Exists" },
          { key: "x", operator: "In", values: ["2", "1"] },
          { key: "y", operator: "Exists" },
        ],
      },
      minDomains: 3,
    };
    expect(groupHash(same)).toBe(groupHash(base));
  });

  it("tells apart type, key, maxSkew, namespaces, and a missing selector from an empty one", () => {
    const variants: GroupIdentity[] = [
      { ...base, type: "affinity" },
      { ...base, key: "rack" },
      { ...base, maxSkew: 2 },
      { ...base, namespaces: new Set(["a"]) },
      { ...base, selector: undefined },
      { ...base, selector: {} },
    ];
    const hashes = new Set([base, ...variants].map(groupHash));
    expect(hashes.size).toBe(variants.length + 1);
  });
});

describe("group counts", () => {
  it("moves domains from empty to occupied and never back", () => {
    const g = new TopologyGroup(base);
    g.register("z1");
    g.register("z2");
    g.record("z1");
    g.register("z1");
    g.record("z3");
    expect([...g.domains]).toEqual([
      ["z1", 1],
      ["z2", 0],
      ["z3", 1],
    ]);
    expect([...g.empty]).toEqual(["z2"]);
    expect([...g.occupied].sort()).toEqual(["z1", "z3"]);
    expect(g.count("unknown")).toBe(0);
    expect(g.only("z1")).toBe(g.only("z1"));
  });

  it("selects by namespace and selector; a missing selector selects nothing", () => {
    const g = new TopologyGroup(base);
    expect(g.selects("a", { app: "web", x: "2", y: "" })).toBe(true);
    expect(g.selects("c", { app: "web", x: "2", y: "" })).toBe(false);
    expect(g.selects("a", { app: "web", x: "3", y: "" })).toBe(false);
    expect(new TopologyGroup({ ...base, selector: undefined }).selects("a", {})).toBe(false);
    expect(new TopologyGroup({ ...base, selector: {} }).selects("a", {})).toBe(true);
  });
});

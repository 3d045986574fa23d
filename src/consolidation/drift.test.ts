import { CatalogLookup } from "./catalog-lookup.js";
import { describe, expect, it } from "vitest";
import { catalog, claim, node, pool } from "../../test/consolidation/fixtures.js";
import type { NodeClaim, NodePool } from "../types/kubernetes.js";
import { nodeState } from "./cluster.js";
import { driftReason } from "./drift.js";

const cat = new CatalogLookup(catalog());
const state = (p: NodePool, labels: Record<string, string> = {}, c?: NodeClaim, taints?: { key: string; value?: string; effect: string }[]) => {
  const n = node("n", { labels });
  const withTaints = taints === undefined ? n : { ...n, spec: { taints } };
  return nodeState(withTaints, c, [], new Map([["default", p]]), cat);
};
const withTemplate = (spec: Record<string, unknown>, labels?: Record<string, string>): NodePool => {
  const p = pool("default");
  return { ...p, spec: { ...p.spec, template: { ...(labels === undefined ? {} : { metadata: { labels } }), spec: { ...p.spec.template?.spec, ...spec } } } };
};

describe("driftReason", () => {
  it("is undefined for a node that matches its pool", () => {
    expect(driftReason(state(pool("default")))).toBeUndefined();
  });

  it("reports a requirement the labels no longer meet", () => {
    expect(driftReason(state(pool("default", { capacityTypes: ["spot"] })))).toMatch(/^NodePool requirements no longer met: .*karpenter.sh\/capacity-type/);
  });

  it("reports a required label the node lacks", () => {
    const p = withTemplate({ requirements: [{ key: "team", operator: "In", values: ["a"] }] });
    expect(driftReason(state(p))).toMatch(/label "team" does not have known values/);
    expect(driftReason(state(p, { team: "a" }))).toBeUndefined();
    expect(driftReason(state(withTemplate({ requirements: [{ key: "team", operator: "DoesNotExist" }] })))).toBeUndefined();
  });

  it("reports template labels that differ", () => {
    expect(driftReason(state(withTemplate({}, { team: "a" }), { team: "b" }))).toBe("template label team=a is team=b on the node");
    expect(driftReason(state(withTemplate({}, { team: "a" })))).toBe("template label team=a is missing on the node");
  });

  it("reports template taints missing on the node, and NodeClaim taints no longer in the template", () => {
    const t = { key: "dedicated", value: "x", effect: "NoSchedule" };
    expect(driftReason(state(withTemplate({ taints: [t] })))).toBe("template taint dedicated=x:NoSchedule is missing on the node");
    expect(driftReason(state(withTemplate({ taints: [t] }), {}, undefined, [t]))).toBeUndefined();
    const c = { ...claim("n"), spec: { taints: [t] } };
    expect(driftReason(state(pool("default"), {}, c))).toBe("taint dedicated=x:NoSchedule is no longer in the NodePool template");
  });

  it("honours Drifted=True", () => {
    expect(driftReason(state(pool("default"), {}, claim("n", { conditions: [{ type: "Drifted", status: "True" }] })))).toBe(
      "NodeClaim has condition Drifted=True",
    );
  });
});

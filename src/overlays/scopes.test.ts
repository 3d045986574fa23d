import { describe, expect, test } from "vitest";
import { createInstanceType } from "../instance-types/index.js";
import { LABEL_NODEPOOL, Requirement } from "../requirements/index.js";
import type { NodePool } from "../types/kubernetes.js";
import { poolLabelKeys, poolScopes, SHARED_SCOPES, splitByPool } from "./scopes.js";

const type = createInstanceType({ name: "t", capacity: { cpu: "1" }, offerings: [{ zone: "z", capacityType: "spot", price: 1 }] });
const pool = (name: string, labels?: Record<string, string>): NodePool => ({
  metadata: { name },
  spec: { template: { ...(labels === undefined ? {} : { metadata: { labels } }), spec: { requirements: [] } } },
});

describe("overlay scopes", () => {
  test("the shared scope sees a type's own labels", () => {
    const [shared] = SHARED_SCOPES.of(type);
    expect(shared?.typeRequirements(type)).toBe(type.requirements);
  });

  test("a NodePool sees a type with its name and template labels added; a restricted type only by the NodePools it names", () => {
    const restricted = { ...type, requirements: type.requirements.add(Requirement.create(LABEL_NODEPOOL, "In", ["b"])) };
    const elsewhere = { ...type, requirements: type.requirements.add(Requirement.create(LABEL_NODEPOOL, "In", ["gone"])) };
    const scopes = poolScopes([type, restricted, elsewhere], [pool("a", { team: "x" }), pool("b"), pool("a")]);
    expect(scopes.of(type).map((s) => s.name)).toEqual(["a", "b"]);
    expect(scopes.of(restricted).map((s) => s.name)).toEqual(["b"]);
    // No NodePool sees it: the shared scope, its own labels.
    expect(scopes.of(elsewhere).map((s) => s.name)).toEqual([""]);
    const seen = scopes.of(type)[0]?.typeRequirements(type);
    expect([seen?.get(LABEL_NODEPOOL).toString(), seen?.get("team").toString()]).toEqual([`${LABEL_NODEPOOL} In [a]`, "team In [x]"]);
  });

  test("poolLabelKeys: the NodePool label and every template label key", () => {
    expect([...poolLabelKeys([pool("a", { team: "x" }), pool("b", { tier: "y" })])].sort()).toEqual([LABEL_NODEPOOL, "team", "tier"].sort());
  });

  test("splitByPool restricts each variant to its NodePools", () => {
    const split = splitByPool([type, type], [["a"], ["b", "c"]]);
    expect(split.map((t) => t.requirements.get(LABEL_NODEPOOL).toString())).toEqual([`${LABEL_NODEPOOL} In [a]`, `${LABEL_NODEPOOL} In [b c]`]);
  });
});

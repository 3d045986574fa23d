import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { arbLabelKey, arbLabels, arbLabelValue } from "../testing/arbitraries/requirements.js";
import type { LabelSelector, LabelSelectorRequirement, StringMap } from "../types/kubernetes.js";
import { labelSelectorMatches } from "./label-selector.js";
import { Requirement } from "./requirement.js";

const labels: StringMap = { app: "web", tier: "front" };

describe("labelSelectorMatches", () => {
  const cases: ReadonlyArray<readonly [string, LabelSelector | undefined, boolean]> = [
    ["undefined selects nothing", undefined, false],
    ["{} selects everything", {}, true],
    ["empty lists select everything", { matchLabels: {}, matchExpressions: [] }, true],
    ["matchLabels equal", { matchLabels: { app: "web" } }, true],
    ["matchLabels different value", { matchLabels: { app: "db" } }, false],
    ["matchLabels missing key", { matchLabels: { zone: "a" } }, false],
    ["matchLabels are ANDed", { matchLabels: { app: "web", tier: "back" } }, false],
    ["In", { matchExpressions: [{ key: "app", operator: "In", values: ["db", "web"] }] }, true],
    ["In without the value", { matchExpressions: [{ key: "app", operator: "In", values: ["db"] }] }, false],
    ["In on an absent key", { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] }, false],
    ["NotIn", { matchExpressions: [{ key: "app", operator: "NotIn", values: ["web"] }] }, false],
    ["NotIn another value", { matchExpressions: [{ key: "app", operator: "NotIn", values: ["db"] }] }, true],
    ["NotIn is true when the key is absent", { matchExpressions: [{ key: "zone", operator: "NotIn", values: ["a"] }] }, true],
    ["Exists", { matchExpressions: [{ key: "tier", operator: "Exists" }] }, true],
    ["Exists on an absent key", { matchExpressions: [{ key: "zone", operator: "Exists" }] }, false],
    ["DoesNotExist", { matchExpressions: [{ key: "zone", operator: "DoesNotExist" }] }, true],
    ["DoesNotExist on a present key", { matchExpressions: [{ key: "app", operator: "DoesNotExist" }] }, false],
    ["Gt is not a label-selector operator", { matchExpressions: [{ key: "app", operator: "Gt", values: ["1"] }] }, false],
    [
      "matchLabels and matchExpressions are ANDed",
      { matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["back"] }] },
      false,
    ],
    ["inherited names are not labels", { matchExpressions: [{ key: "constructor", operator: "Exists" }] }, false],
    ["toString is not a label", { matchExpressions: [{ key: "toString", operator: "NotIn", values: ["x"] }] }, true],
  ];
  it.each(cases)("%s", (_name, selector, expected) => {
    expect(labelSelectorMatches(selector, labels)).toBe(expected);
    expect(labelSelectorMatches(selector, new Map(Object.entries(labels)))).toBe(expected);
  });

  it("reads __proto__ and constructor labels as ordinary labels", () => {
    const odd = JSON.parse('{"__proto__": "x", "constructor": "y"}') as StringMap;
    expect(labelSelectorMatches({ matchLabels: JSON.parse('{"__proto__": "x"}') as StringMap }, odd)).toBe(true);
    expect(labelSelectorMatches({ matchLabels: { constructor: "y" } }, odd)).toBe(true);
    expect(labelSelectorMatches({ matchLabels: { constructor: "z" } }, odd)).toBe(false);
  });

  it("treats a null selector like a missing one", () => {
    expect(labelSelectorMatches(null as unknown as undefined, labels)).toBe(false);
  });
});

describe("labelSelectorMatches laws", () => {
  const arbExpression = fc
    .record({
      key: arbLabelKey,
      operator: fc.constantFrom("In", "NotIn", "Exists", "DoesNotExist"),
      values: fc.uniqueArray(arbLabelValue, { minLength: 1, maxLength: 3 }),
    })
    .map((e): LabelSelectorRequirement => (e.operator === "Exists" || e.operator === "DoesNotExist" ? { key: e.key, operator: e.operator } : e));

  test.prop([fc.array(arbExpression, { maxLength: 4 }), arbLabels()])(
    "agrees with requirements, where an absent label satisfies only NotIn and DoesNotExist",
    (matchExpressions, labels) => {
      const expected = matchExpressions.every((e) => {
        const value = labels.get(e.key);
        const requirement = Requirement.create(e.key, e.operator, e.values ?? []);
        return value === undefined ? e.operator === "NotIn" || e.operator === "DoesNotExist" : requirement.has(value);
      });
      expect(labelSelectorMatches({ matchExpressions }, labels)).toBe(expected);
    },
  );

  test.prop([arbLabels()])("matchLabels built from the labels themselves always match", (labels) => {
    const matchLabels = Object.fromEntries(labels) as StringMap;
    expect(labelSelectorMatches({ matchLabels }, labels)).toBe(true);
    expect(labelSelectorMatches({ matchLabels }, matchLabels)).toBe(true);
  });
});

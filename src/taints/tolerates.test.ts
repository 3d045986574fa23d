import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { taintArbitrary, tolerationArbitrary } from "../testing/arbitraries/taints.js";
import type { Taint, Toleration } from "../types/kubernetes.js";
import { toleratesAll, toleratesTaint, untoleratedTaints } from "./tolerates.js";

const gpu: Taint = { key: "gpu", value: "true", effect: "NoSchedule" };
const level = (value: string): Taint => ({ key: "level", value, effect: "NoSchedule" });

describe("toleratesTaint", () => {
  const cases: ReadonlyArray<readonly [string, Toleration, Taint, boolean]> = [
    ["Equal with same key, value and effect", { key: "gpu", operator: "Equal", value: "true", effect: "NoSchedule" }, gpu, true],
    ["Equal is the default operator", { key: "gpu", value: "true" }, gpu, true],
    ["Equal with a different value", { key: "gpu", value: "false" }, gpu, false],
    ["Equal: missing value equals empty value", { key: "a" }, { key: "a", value: "", effect: "NoSchedule" }, true],
    ["Equal: missing toleration value does not match a set value", { key: "gpu" }, gpu, false],
    ["Exists ignores the value", { key: "gpu", operator: "Exists" }, gpu, true],
    ["Exists with another key", { key: "other", operator: "Exists" }, gpu, false],
    ["Exists with empty key matches every key", { key: "", operator: "Exists", effect: "NoSchedule" }, gpu, true],
    ["Exists with no key and no effect matches everything", { operator: "Exists" }, { key: "x", effect: "NoExecute" }, true],
    ["effect must match when set", { key: "gpu", operator: "Exists", effect: "NoExecute" }, gpu, false],
    ["empty effect matches every effect", { key: "gpu", operator: "Exists", effect: "" }, gpu, true],
    ["PreferNoSchedule is an ordinary effect", { key: "gpu", operator: "Exists", effect: "PreferNoSchedule" }, { ...gpu, effect: "PreferNoSchedule" }, true],
    ["Lt: taint below toleration", { key: "level", operator: "Lt", value: "5" }, level("3"), true],
    ["Lt: equal is not below", { key: "level", operator: "Lt", value: "5" }, level("5"), false],
    ["Gt: taint above toleration", { key: "level", operator: "Gt", value: "5" }, level("6"), true],
    ["Gt: negative numbers", { key: "level", operator: "Gt", value: "-10" }, level("-9"), true],
    ["Gt: explicit plus sign", { key: "level", operator: "Gt", value: "+1" }, level("2"), true],
    ["Lt: taint value not an integer", { key: "level", operator: "Lt", value: "5" }, level("3.5"), false],
    ["Lt: toleration value not an integer", { key: "level", operator: "Lt", value: "five" }, level("3"), false],
    ["Gt: hexadecimal is not base 10", { key: "level", operator: "Gt", value: "1" }, level("0x10"), false],
    ["Gt: missing taint value fails to parse", { key: "level", operator: "Gt", value: "1" }, { key: "level", effect: "NoSchedule" }, false],
    ["Gt: beyond int64 fails to parse", { key: "level", operator: "Gt", value: "1" }, level("9223372036854775808"), false],
    ["Lt: int64 extremes parse", { key: "level", operator: "Lt", value: "9223372036854775807" }, level("-9223372036854775808"), true],
    ["unknown operator tolerates nothing", { key: "gpu", operator: "In", value: "true" }, gpu, false],
    ["operator is case-sensitive", { key: "gpu", operator: "exists" }, gpu, false],
  ];
  it.each(cases)("%s", (_name, toleration, taint, expected) => {
    expect(toleratesTaint(toleration, taint)).toBe(expected);
  });

  test.prop([taintArbitrary()])("Exists with empty key and effect tolerates every taint", (taint) => {
    expect(toleratesTaint({ operator: "Exists" }, taint)).toBe(true);
    expect(toleratesTaint({ key: "", operator: "Exists", effect: "" }, taint)).toBe(true);
  });

  test.prop([taintArbitrary()])("a taint is tolerated by its own Equal toleration", (taint) => {
    expect(toleratesTaint({ key: taint.key, operator: "Equal", value: taint.value ?? "", effect: taint.effect }, taint)).toBe(true);
  });

  test.prop([tolerationArbitrary(), taintArbitrary()])("clearing the effect never loses a match", (toleration, taint) => {
    if (toleratesTaint(toleration, taint)) expect(toleratesTaint({ ...toleration, effect: "" }, taint)).toBe(true);
  });

  test.prop([fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })])(
    "Lt and Gt compare as integers, exactly",
    (limit, actual) => {
      const taint = level(actual.toString());
      expect(toleratesTaint({ key: "level", operator: "Lt", value: limit.toString() }, taint)).toBe(actual < limit);
      expect(toleratesTaint({ key: "level", operator: "Gt", value: limit.toString() }, taint)).toBe(actual > limit);
    },
  );
});

describe("untoleratedTaints and toleratesAll", () => {
  const soft: Taint = { key: "spot", effect: "PreferNoSchedule" };
  const hard: Taint = { key: "dedicated", value: "db", effect: "NoExecute" };

  it("returns every untolerated taint in order, PreferNoSchedule included", () => {
    expect(untoleratedTaints([], [gpu, soft, hard])).toEqual([gpu, soft, hard]);
    expect(untoleratedTaints([{ key: "spot", operator: "Exists" }], [gpu, soft, hard])).toEqual([gpu, hard]);
    expect(toleratesAll([{ key: "spot", operator: "Exists" }], [soft])).toBe(true);
    expect(toleratesAll([], [soft])).toBe(false);
  });

  it("treats missing lists as empty", () => {
    expect(untoleratedTaints(undefined, undefined)).toEqual([]);
    expect(untoleratedTaints(undefined, [gpu])).toEqual([gpu]);
    expect(toleratesAll(undefined, undefined)).toBe(true);
    expect(toleratesAll(undefined, [])).toBe(true);
    expect(toleratesAll([{ operator: "Exists" }], undefined)).toBe(true);
  });

  it("never mutates its inputs", () => {
    const tolerations = Object.freeze([Object.freeze({ key: "gpu", operator: "Exists" })]);
    const taints = Object.freeze([Object.freeze({ ...gpu }), Object.freeze({ ...hard })]);
    expect(untoleratedTaints(tolerations, taints)).toEqual([hard]);
    expect(toleratesAll(tolerations, taints)).toBe(false);
  });

  const lists = [fc.array(tolerationArbitrary(), { maxLength: 4 }), fc.array(taintArbitrary(), { maxLength: 5 })] as const;

  test.prop([...lists])("untoleratedTaints is empty iff toleratesAll", (tolerations, taints) => {
    expect(untoleratedTaints(tolerations, taints).length === 0).toBe(toleratesAll(tolerations, taints));
  });

  test.prop([...lists])("untoleratedTaints is exactly the taints no toleration tolerates", (tolerations, taints) => {
    const expected = taints.filter((t) => !tolerations.some((tol) => toleratesTaint(tol, t)));
    expect(untoleratedTaints(tolerations, taints)).toEqual(expected);
  });

  test.prop([...lists, fc.array(tolerationArbitrary(), { maxLength: 3 })])("adding tolerations never un-tolerates a taint", (tolerations, taints, extra) => {
    const before = untoleratedTaints(tolerations, taints);
    const after = untoleratedTaints([...tolerations, ...extra], taints);
    for (const taint of after) expect(before).toContain(taint);
    if (toleratesAll(tolerations, taints)) expect(toleratesAll([...extra, ...tolerations], taints)).toBe(true);
  });

  test.prop([...lists, fc.array(taintArbitrary(), { maxLength: 3 })])("a taint list is tolerated iff each part is", (tolerations, a, b) => {
    expect(toleratesAll(tolerations, [...a, ...b])).toBe(toleratesAll(tolerations, a) && toleratesAll(tolerations, b));
  });
});

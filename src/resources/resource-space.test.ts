import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { arbResourceList, RESOURCE_NAMES } from "../testing/arbitraries/resources.js";
import { addResources, subtractResources } from "./arithmetic.js";
import type { ResourceList } from "./resource-list.js";
import { ResourceSpace, addVectorInto, fitsVector, subtractVectorInto } from "./resource-space.js";

const space = ResourceSpace.of(RESOURCE_NAMES);
const nonZero = (l: ResourceList): ResourceList => new Map([...l].filter(([, v]) => v !== 0));

describe("ResourceSpace", () => {
  it("keeps the first position of each name", () => {
    const s = ResourceSpace.of(["cpu", "memory", "cpu", "pods"]);
    expect(s.names).toEqual(["cpu", "memory", "pods"]);
    expect(s.size).toBe(3);
    expect(s.indexOf("pods")).toBe(2);
    expect(s.indexOf("storage")).toBe(-1);
    expect(s.indexOf("__proto__")).toBe(-1);
  });

  it("maps lists to vectors and back, leaving zeros out", () => {
    const s = ResourceSpace.of(["cpu", "memory", "pods"]);
    const v = s.toVector(
      new Map([
        ["pods", 1],
        ["cpu", 500],
        ["memory", 0],
      ]),
    );
    expect([...v]).toEqual([500, 0, 1]);
    expect(s.fromVector(v)).toEqual(
      new Map([
        ["cpu", 500],
        ["pods", 1],
      ]),
    );
  });

  it("refuses a non-zero amount outside the space and ignores a zero one", () => {
    const s = ResourceSpace.of(["cpu"]);
    expect(() => s.toVector(new Map([["nvidia.com/gpu", 1]]))).toThrow(expect.objectContaining({ code: "invalid-input", path: ["nvidia.com/gpu"] }));
    expect([...s.toVector(new Map([["nvidia.com/gpu", 0]]))]).toEqual([0]);
  });

  it("fitsVector: zero requests fit, overcommitted dimensions refuse non-zero requests", () => {
    expect(fitsVector(Float64Array.of(0, 1), Float64Array.of(-1, 1))).toBe(true);
    expect(fitsVector(Float64Array.of(1, 1), Float64Array.of(-1, 1))).toBe(false);
    expect(fitsVector(Float64Array.of(1, 2), Float64Array.of(1, 1))).toBe(false);
  });

  test.prop([arbResourceList()])("fromVector inverts toVector up to zeros", (list) => {
    expect(space.fromVector(space.toVector(list))).toEqual(nonZero(list));
  });

  test.prop([arbResourceList(), arbResourceList()])("addVectorInto and subtractVectorInto agree with the list operations", (a, b) => {
    const sum = space.toVector(a);
    addVectorInto(sum, space.toVector(b));
    expect(space.fromVector(sum)).toEqual(nonZero(addResources(a, b)));
    const difference = space.toVector(a);
    subtractVectorInto(difference, space.toVector(b));
    expect(space.fromVector(difference)).toEqual(nonZero(subtractResources(a, b)));
  });

  test.prop([arbResourceList(), arbResourceList()])("subtractVectorInto undoes addVectorInto and leaves the operand alone", (a, b) => {
    const target = space.toVector(a);
    const operand = space.toVector(b);
    addVectorInto(target, operand);
    subtractVectorInto(target, operand);
    expect([...target]).toEqual([...space.toVector(a)]);
    expect([...operand]).toEqual([...space.toVector(b)]);
  });
});

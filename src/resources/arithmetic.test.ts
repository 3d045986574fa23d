import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { arbResourceList } from "../testing/arbitraries/resources.js";
import { addResources, maxResources, minResources, subtractResources } from "./arithmetic.js";
import type { ResourceList } from "./resource-list.js";

const list = (entries: Record<string, number>): ResourceList => new Map(Object.entries(entries));

/** Equality with a missing resource read as 0. */
function sameAmounts(a: ResourceList, b: ResourceList): boolean {
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    if ((a.get(name) ?? 0) !== (b.get(name) ?? 0)) return false;
  }
  return true;
}

describe("resource arithmetic", () => {
  it("adds over the union of names", () => {
    expect(addResources(list({ cpu: 500, memory: 10 }), list({ cpu: 250, pods: 1 }))).toEqual(list({ cpu: 750, memory: 10, pods: 1 }));
  });

  it("subtracts without clamping; a name only on the right goes negative", () => {
    expect(subtractResources(list({ cpu: 500 }), list({ cpu: 750, "nvidia.com/gpu": 1 }))).toEqual(list({ cpu: -250, "nvidia.com/gpu": -1 }));
  });

  it("takes maxima and minima with missing as 0", () => {
    expect(maxResources(list({ cpu: 500, memory: 1 }), list({ cpu: 250, pods: 1 }))).toEqual(list({ cpu: 500, memory: 1, pods: 1 }));
    expect(minResources(list({ cpu: 500, memory: 1 }), list({ cpu: 250, pods: 1 }))).toEqual(list({ cpu: 250, memory: 0, pods: 0 }));
  });

  it("never changes its inputs", () => {
    const a = list({ cpu: 1 });
    const b = list({ cpu: 2, memory: 3 });
    for (const op of [addResources, subtractResources, maxResources, minResources]) op(a, b);
    expect(a).toEqual(list({ cpu: 1 }));
    expect(b).toEqual(list({ cpu: 2, memory: 3 }));
  });

  test.prop([arbResourceList(), arbResourceList()])("subtract undoes add", (a, b) => {
    expect(sameAmounts(subtractResources(addResources(a, b), b), a)).toBe(true);
  });

  test.prop([arbResourceList(), arbResourceList()])("add undoes subtract", (a, b) => {
    expect(sameAmounts(addResources(subtractResources(a, b), b), a)).toBe(true);
  });

  test.prop([arbResourceList(), arbResourceList()])("add, max and min are commutative", (a, b) => {
    expect(sameAmounts(addResources(a, b), addResources(b, a))).toBe(true);
    expect(sameAmounts(maxResources(a, b), maxResources(b, a))).toBe(true);
    expect(sameAmounts(minResources(a, b), minResources(b, a))).toBe(true);
  });

  test.prop([arbResourceList(), arbResourceList(), arbResourceList()])("add is associative", (a, b, c) => {
    expect(sameAmounts(addResources(addResources(a, b), c), addResources(a, addResources(b, c)))).toBe(true);
  });

  test.prop([arbResourceList(), arbResourceList()])("max + min = a + b", (a, b) => {
    expect(sameAmounts(addResources(maxResources(a, b), minResources(a, b)), addResources(a, b))).toBe(true);
  });

  test.prop([arbResourceList(), fc.constant(new Map<string, number>())])("the empty list is the identity of add", (a, empty) => {
    expect(sameAmounts(addResources(a, empty), a)).toBe(true);
    expect(sameAmounts(addResources(empty, a), a)).toBe(true);
  });
});

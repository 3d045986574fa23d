import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { arbAmount, arbResourceList } from "../testing/arbitraries/resources.js";
import { addResources } from "./arithmetic.js";
import { fitsAmount, fitsResources, insufficientResources, overcommitted } from "./fits.js";
import type { ResourceList } from "./resource-list.js";
import { ResourceSpace, fitsVector, fitsVectorAt } from "./resource-space.js";

const list = (entries: Record<string, number>): ResourceList => new Map(Object.entries(entries));
/** Lists with some negative amounts, as overcommitted available resources are. */
const arbSignedList = arbResourceList(fc.integer({ min: -(2 ** 20), max: 2 ** 40 }));

describe("fitsResources", () => {
  const cases: ReadonlyArray<readonly [string, ResourceList, ResourceList, boolean]> = [
    ["equal amounts fit", list({ cpu: 1000 }), list({ cpu: 1000 }), true],
    ["more than available does not fit", list({ cpu: 1001 }), list({ cpu: 1000 }), false],
    ["a missing available resource is 0", list({ "nvidia.com/gpu": 1 }), list({ cpu: 1000 }), false],
    ["a request of 0 for an unknown resource fits", list({ "nvidia.com/gpu": 0 }), list({ cpu: 1000 }), true],
    ["a request of 0 fits a negative available amount", list({ cpu: 0 }), list({ cpu: -5 }), true],
    ["a requested resource that is overcommitted does not fit", list({ cpu: 1 }), list({ cpu: -5 }), false],
    ["a negative request does not fit an overcommitted resource", list({ cpu: -10 }), list({ cpu: -5 }), false],
    ["resources that are not requested are not looked at", list({ cpu: 1 }), list({ cpu: 1, memory: -1 }), true],
    ["the empty request fits anything", list({}), list({ pods: -1 }), true],
  ];
  it.each(cases)("%s", (_name, requests, available, expected) => {
    expect(fitsResources(requests, available)).toBe(expected);
    expect(insufficientResources(requests, available).length === 0).toBe(expected);
  });

  it("lists every shortfall, sorted by resource", () => {
    expect(insufficientResources(list({ pods: 1, memory: 10, cpu: 1500 }), list({ cpu: 1000, memory: 20, pods: -1 }))).toEqual([
      { resource: "cpu", requested: 1500, available: 1000 },
      { resource: "pods", requested: 1, available: -1 },
    ]);
    expect(insufficientResources(list({ "nvidia.com/gpu": 2 }), list({}))).toEqual([{ resource: "nvidia.com/gpu", requested: 2, available: 0 }]);
  });

  test.prop([arbResourceList(), arbSignedList, arbResourceList()])("fits is monotone in what is available", (req, avail, extra) => {
    fc.pre(fitsResources(req, avail));
    expect(fitsResources(req, addResources(avail, extra))).toBe(true);
  });

  test.prop([arbResourceList(), arbResourceList()])("a request fits itself plus anything", (req, extra) => {
    expect(fitsResources(req, addResources(req, extra))).toBe(true);
  });

  test.prop([arbResourceList(), arbSignedList])("insufficientResources is empty exactly when fits", (req, avail) => {
    expect(insufficientResources(req, avail).length === 0).toBe(fitsResources(req, avail));
  });

  test.prop([arbResourceList(), arbSignedList])("fitsVector agrees with fitsResources", (req, avail) => {
    const space = ResourceSpace.of([...req.keys(), ...avail.keys()]);
    expect(fitsVector(space.toVector(req), space.toVector(avail))).toBe(fitsResources(req, avail));
  });

  test.prop([arbResourceList(), arbSignedList, fc.nat(3), fc.nat(3)])(
    "fitsVectorAt on rows of larger arrays agrees with fitsResources",
    (req, avail, reqAt, availAt) => {
      const space = ResourceSpace.of([...req.keys(), ...avail.keys()]);
      const reqRow = new Float64Array(reqAt + space.size).fill(Number.NaN);
      reqRow.set(space.toVector(req), reqAt);
      const availRow = new Float64Array(availAt + space.size + 2).fill(-1);
      availRow.set(space.toVector(avail), availAt);
      expect(fitsVectorAt(reqRow, reqAt, availRow, availAt, space.size)).toBe(fitsResources(req, avail));
    },
  );

  test.prop([arbResourceList(), arbSignedList])("fitsResources is fitsAmount for every requested resource", (req, avail) => {
    expect(fitsResources(req, avail)).toBe([...req].every(([name, amount]) => fitsAmount(amount, avail.get(name) ?? 0)));
  });

  it("overcommitted: some available amount below zero", () => {
    expect(overcommitted(list({ cpu: 1, memory: -1 }))).toBe(true);
    expect(overcommitted(list({ cpu: 0, memory: 5 }))).toBe(false);
    expect(overcommitted(list({}))).toBe(false);
  });

  test.prop([arbResourceList(arbAmount), arbSignedList])("each shortfall reports the amounts it was given", (req, avail) => {
    for (const s of insufficientResources(req, avail)) {
      expect(s.requested).toBe(req.get(s.resource));
      expect(s.available).toBe(avail.get(s.resource) ?? 0);
    }
  });
});

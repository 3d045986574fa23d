import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { assortedInstanceTypes, fakeInstanceTypes } from "../../src/testing/fake-catalog.js";
import { LABEL_CAPACITY_TYPE, LABEL_INSTANCE_TYPE, LABEL_ZONE, Requirement, Requirements } from "../../src/requirements/index.js";
import { labelTable } from "../../src/scheduler/label-table.js";
import { OfferingMatcher } from "../../src/scheduler/offering-matcher.js";
import { offeringView } from "../../src/scheduler/offering-view.js";
import { CatalogueVectors } from "../../src/scheduler/vectors.js";

const catalogue = [...fakeInstanceTypes(), ...assortedInstanceTypes()];
const vectors = CatalogueVectors.of(catalogue, []);
const zones = ["test-zone-1", "test-zone-2", "test-zone-3", "elsewhere"];
const capacityTypes = ["spot", "on-demand", "reserved"];
const operators = ["In", "NotIn", "Exists", "DoesNotExist"] as const;

const requirementOn = (keys: readonly string[], values: readonly string[]): fc.Arbitrary<Requirement> =>
  fc
    .tuple(fc.constantFrom(...keys), fc.constantFrom(...operators), fc.subarray([...values], { minLength: 1 }))
    .map(([key, op, vals]) => Requirement.create(key, op, op === "In" || op === "NotIn" ? vals : []));

describe("CatalogueVectors", () => {
  test("rows hold each type's allocatable and capacity, and ids map back to the types", () => {
    catalogue.forEach((type, id) => {
      expect(vectors.idOf(type)).toBe(id);
      for (const [name, amount] of type.allocatable) expect(vectors.allocatable[id * vectors.dims + vectors.space.indexOf(name)]).toBe(amount);
      for (const [name, amount] of type.capacity) expect(vectors.capacity[id * vectors.dims + vectors.space.indexOf(name)]).toBe(amount);
    });
  });

  test("the build is cached per catalogue array, and extra resources get a wider space", () => {
    expect(CatalogueVectors.of(catalogue, [])).toBe(vectors);
    const wider = CatalogueVectors.of(catalogue, ["example.com/widget"]);
    expect(wider).not.toBe(vectors);
    expect(wider.space.indexOf("example.com/widget")).toBeGreaterThanOrEqual(0);
  });
});

describe("labelTable", () => {
  test.prop(
    [requirementOn([LABEL_ZONE, LABEL_INSTANCE_TYPE, "kubernetes.io/arch", "example.com/absent"], [...zones, "amd64", "arm64", catalogue[0]?.name ?? "x"])],
    { numRuns: 40 },
  )("agrees with intersecting each type's requirements with the single requirement", (r) => {
    const table = labelTable(vectors, r);
    catalogue.forEach((type, id) => expect(table[id] === 1).toBe(type.requirements.intersects(Requirements.of([r]))));
  });
});

describe("offeringView", () => {
  test.prop([requirementOn([LABEL_ZONE], zones), requirementOn([LABEL_CAPACITY_TYPE], capacityTypes)], { numRuns: 40 })(
    "prices, price order and capacity types agree with walking the offerings",
    (zone, capacity) => {
      const requirements = Requirements.of([zone, capacity]);
      const view = offeringView(vectors, requirements);
      const matcher = new OfferingMatcher(requirements);
      catalogue.forEach((type, id) => {
        const matching = type.offerings.filter((o) => matcher.matches(o));
        expect(view.prices[id]).toBe(Math.min(Infinity, ...matching.map((o) => o.price)));
        const kinds = view.capacityTypes.filter((_, bit) => ((view.capacityMasks[id] as number) & (1 << bit)) !== 0);
        expect([...kinds].sort()).toEqual([...new Set(matching.map((o) => o.capacityType))].sort());
      });
      const expected = catalogue
        .map((type, id) => ({ id, price: view.prices[id] as number, name: type.name }))
        .sort((a, b) => (a.price === b.price ? (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id) : a.price < b.price ? -1 : 1))
        .map((k) => k.id);
      expect([...view.order]).toEqual(expected);
    },
  );
});

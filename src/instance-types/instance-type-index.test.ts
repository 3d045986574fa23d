import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { arbCatalog, arbFilterRequirements, arbRequests } from "../testing/arbitraries/instance-types.js";
import { LABEL_CAPACITY_TYPE, LABEL_INSTANCE_TYPE, LABEL_ZONE, Requirement, Requirements } from "../requirements/index.js";
import { assortedInstanceTypes, fakeInstanceTypes, syntheticInstanceTypes } from "../testing/fake-catalog.js";
import { hasBit } from "./_bitset.js";
import { createInstanceType } from "./instance-type.js";
import { OfferingMatcher } from "./offering-matcher.js";
import { hasCompatibleOffering, meetsRequirements } from "./compatibility.js";
import { filterInstanceTypes } from "./filter.js";
import { InstanceTypeIndex } from "./instance-type-index.js";
import { fitsResources } from "../resources/index.js";

const names = (types: readonly { name: string }[]): string[] => types.map((t) => t.name);

describe("InstanceTypeIndex", () => {
  test.prop([arbCatalog(), arbFilterRequirements(), arbRequests], { numRuns: 400 })(
    "filter agrees exactly with filterInstanceTypes (minValues aside)",
    (types, requirements, requests) => {
      const index = InstanceTypeIndex.build(types);
      const expected = filterInstanceTypes(types, requirements, requests, { minValuesPolicy: "Ignore" }).instanceTypes;
      expect(names(index.filter(requirements, requests))).toEqual(names(expected));
    },
  );

  test.prop([arbCatalog(), arbFilterRequirements(), arbRequests], { numRuns: 300 })(
    "each criterion set agrees with its per-type check",
    (types, requirements, requests) => {
      const index = InstanceTypeIndex.build(types);
      expect(names(index.typesOf(index.compatibleSet(requirements)))).toEqual(names(types.filter((t) => meetsRequirements(t, requirements))));
      expect(names(index.typesOf(index.offeringSet(requirements)))).toEqual(names(types.filter((t) => hasCompatibleOffering(t, requirements))));
      const vector = index.requestVector(requests);
      const fitting = types.filter((t) => fitsResources(requests, t.allocatable));
      if (vector === undefined) expect(fitting).toEqual([]);
      else expect(names(index.typesOf(index.fitSet(vector)))).toEqual(names(fitting));
    },
  );

  it("answers the fake catalogue's classic questions", () => {
    const index = InstanceTypeIndex.build(fakeInstanceTypes());
    const arm = Requirements.of([Requirement.create("kubernetes.io/arch", "In", ["arm64"])]);
    expect(names(index.filter(arm, new Map([["pods", 1]])))).toEqual(["arm-instance-type"]);
    const zone3Spot = Requirements.of([
      Requirement.create("topology.kubernetes.io/zone", "In", ["test-zone-3"]),
      Requirement.create("karpenter.sh/capacity-type", "In", ["spot"]),
    ]);
    expect(index.filter(zone3Spot, new Map())).toEqual([]);
    const gpu = new Map([["fake.com/vendor-a", 1]]);
    expect(names(index.filter(Requirements.EMPTY, gpu))).toEqual(["gpu-vendor-instance-type"]);
    expect(index.filter(Requirements.EMPTY, new Map([["example.com/unknown", 1]]))).toEqual([]);
    expect(index.size).toBe(6);
  });

  it("scales to the benchmark catalogue", () => {
    const types = syntheticInstanceTypes(400);
    const index = InstanceTypeIndex.build(types);
    const reqs = Requirements.of([Requirement.create("karpenter.sh/capacity-type", "In", ["on-demand"])]);
    const requests = new Map([
      ["cpu", 100_500],
      ["pods", 1],
    ]);
    expect(names(index.filter(reqs, requests))).toEqual(names(filterInstanceTypes(types, reqs, requests).instanceTypes));
    expect(index.filter(reqs, requests)[0]?.name).toBe("fake-it-100");
  });
});

const catalogue = [...fakeInstanceTypes(), ...assortedInstanceTypes()];
const zones = ["test-zone-1", "test-zone-2", "test-zone-3", "elsewhere"];
const capacityTypes = ["spot", "on-demand", "reserved"];
const operators = ["In", "NotIn", "Exists", "DoesNotExist"] as const;

const requirementOn = (keys: readonly string[], values: readonly string[]): fc.Arbitrary<Requirement> =>
  fc
    .tuple(fc.constantFrom(...keys), fc.constantFrom(...operators), fc.subarray([...values], { minLength: 1 }))
    .map(([key, op, vals]) => Requirement.create(key, op, op === "In" || op === "NotIn" ? vals : []));

describe("InstanceTypeIndex owns its catalogue and the scheduler's tables", () => {
  it("keeps a frozen copy: changing the caller's array afterwards changes nothing", () => {
    const types = fakeInstanceTypes();
    const index = InstanceTypeIndex.build(types);
    const first = types[0];
    types.push(syntheticInstanceTypes(1)[0]!);
    types[0] = syntheticInstanceTypes(2)[1]!;
    expect(index.size).toBe(6);
    expect(index.types[0]).toBe(first);
    expect(Object.isFrozen(index.types)).toBe(true);
    expect(() => index.optionsOf([types[0]!])).toThrow(expect.objectContaining({ code: "invalid-input" }));
    expect(InstanceTypeIndex.of(index)).toBe(index);
    expect(InstanceTypeIndex.of(types)).not.toBe(index);
  });

  it("reservation capacities: the smallest any offering of the reservation states, kept with the index", () => {
    const reserved = (name: string, id: string, capacity: number) =>
      createInstanceType({
        name,
        capacity: { cpu: "2", pods: "10" },
        offerings: [
          { zone: "z1", capacityType: "on-demand", price: 1 },
          { zone: "z1", capacityType: "reserved", price: 0.5, reservationId: id, reservationCapacity: capacity },
        ],
      });
    const index = InstanceTypeIndex.build([reserved("a", "r1", 3), reserved("b", "r1", 2), reserved("c", "r2", 5)]);
    expect([...index.reservationCapacities()]).toEqual([
      ["r1", 2],
      ["r2", 5],
    ]);
    expect(index.reservationCapacities()).toBe(index.reservationCapacities());
    expect(InstanceTypeIndex.build(fakeInstanceTypes()).reservationCapacities().size).toBe(0);
  });

  it("label keys: every key some type defines, kept with the index", () => {
    const index = InstanceTypeIndex.build(catalogue);
    const expected = new Set(catalogue.flatMap((t) => [...t.requirements].map((r) => r.key)));
    expect(new Set(index.labelKeys())).toEqual(expected);
    expect(index.labelKeys()).toBe(index.labelKeys());
  });

  it("option sets resolve their types from the index, in their order", () => {
    const index = InstanceTypeIndex.build(catalogue);
    const picked = [catalogue[3]!, catalogue[1]!];
    const options = index.optionsOf(picked);
    expect([...options.ids]).toEqual([3, 1]);
    expect(options.types).toEqual(picked);
    expect(options.filter((id) => id !== 3).types).toEqual([catalogue[1]]);
    expect(options.filter(() => true)).toBe(options);
  });

  it("rows hold each type's allocatable and capacity; the build is kept per set of extra resources", () => {
    const index = InstanceTypeIndex.build(catalogue);
    const vectors = index.vectors([]);
    catalogue.forEach((type, id) => {
      expect(index.idOf(type)).toBe(id);
      for (const [name, amount] of type.allocatable) expect(vectors.allocatable[id * vectors.dims + vectors.space.indexOf(name)]).toBe(amount);
      for (const [name, amount] of type.capacity) expect(vectors.capacity[id * vectors.dims + vectors.space.indexOf(name)]).toBe(amount);
    });
    expect(index.vectors(["cpu"])).toBe(vectors);
    const wider = index.vectors(["example.com/widget"]);
    expect(wider).not.toBe(vectors);
    expect(index.vectors(["example.com/widget", "cpu"])).toBe(wider);
    expect(wider.space.indexOf("example.com/widget")).toBeGreaterThanOrEqual(0);
  });

  test.prop(
    [requirementOn([LABEL_ZONE, LABEL_INSTANCE_TYPE, "kubernetes.io/arch", "example.com/absent"], [...zones, "amd64", "arm64", catalogue[0]?.name ?? "x"])],
    { numRuns: 40 },
  )("requirementSet agrees with intersecting each type's requirements with the single requirement", (r) => {
    const index = InstanceTypeIndex.build(catalogue);
    const set = index.requirementSet(r);
    catalogue.forEach((type, id) => expect(hasBit(set, id)).toBe(type.requirements.intersects(Requirements.of([r]))));
  });

  test.prop([requirementOn([LABEL_ZONE], zones), requirementOn([LABEL_CAPACITY_TYPE], capacityTypes)], { numRuns: 40 })(
    "offeringView: prices, price order and capacity types agree with walking the offerings",
    (zone, capacity) => {
      const index = InstanceTypeIndex.build(catalogue);
      const requirements = Requirements.of([zone, capacity]);
      const view = index.offeringView(requirements);
      expect(index.offeringView(requirements)).toBe(view);
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

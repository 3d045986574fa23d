import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { Requirement, Requirements } from "../requirements/index.js";
import { createInstanceType, type InstanceType } from "./instance-type.js";
import type { OfferingSpec } from "./offering.js";
import { cheapestOffering, mostExpensiveOffering, orderByPrice, worstLaunchPrice } from "./price.js";

function type(name: string, offerings: readonly OfferingSpec[]): InstanceType {
  return createInstanceType({ name, capacity: { cpu: "1" }, offerings });
}

const zone = (z: string): Requirements => Requirements.of([Requirement.create("topology.kubernetes.io/zone", "In", [z])]);
const capacity = (...cts: string[]): Requirements => Requirements.of([Requirement.create("karpenter.sh/capacity-type", "In", cts)]);

describe("cheapest and most expensive offering", () => {
  const t = type("t", [
    { zone: "a", capacityType: "spot", price: 0.3 },
    { zone: "a", capacityType: "on-demand", price: 1 },
    { zone: "b", capacityType: "spot", price: 0.1, available: false },
    { zone: "b", capacityType: "on-demand", price: 0.9 },
  ]);

  it.each([
    { reqs: Requirements.EMPTY, cheapest: 0.3, dearest: 1 },
    { reqs: zone("b"), cheapest: 0.9, dearest: 0.9 },
    { reqs: capacity("spot"), cheapest: 0.3, dearest: 0.3 },
    { reqs: zone("c"), cheapest: undefined, dearest: undefined },
  ])("with $reqs: cheapest $cheapest, most expensive $dearest (unavailable offerings never count)", ({ reqs, cheapest, dearest }) => {
    expect(cheapestOffering(t, reqs)?.price).toBe(cheapest);
    expect(mostExpensiveOffering(t, reqs)?.price).toBe(dearest);
  });
});

describe("orderByPrice", () => {
  it("orders by the cheapest compatible available offering, ties by name, types without one last", () => {
    const types = [
      type("c", [{ zone: "a", capacityType: "spot", price: 0.5 }]),
      type("b", [
        { zone: "a", capacityType: "spot", price: 0.2 },
        { zone: "b", capacityType: "spot", price: 2 },
      ]),
      type("a", [{ zone: "b", capacityType: "spot", price: 0.5 }]),
      type("d", [{ zone: "a", capacityType: "spot", price: 0.01, available: false }]),
    ];
    expect(orderByPrice(types, Requirements.EMPTY).map((t) => t.name)).toEqual(["b", "a", "c", "d"]);
    expect(orderByPrice(types, zone("b")).map((t) => t.name)).toEqual(["a", "b", "c", "d"]);
  });

  test.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { maxLength: 8 })])(
    "returns a sorted permutation without touching its input",
    (specs) => {
      const types = specs.map(([price, available], i) => type(`t${i}`, [{ zone: "a", capacityType: "spot", price, available }]));
      const before = types.map((t) => t.name);
      const ordered = orderByPrice(types, Requirements.EMPTY);
      expect(types.map((t) => t.name)).toEqual(before);
      expect([...ordered.map((t) => t.name)].sort()).toEqual([...before].sort());
      const prices = ordered.map((t) => cheapestOffering(t, Requirements.EMPTY)?.price ?? Infinity);
      for (let i = 1; i < prices.length; i++) expect(prices[i]).toBeGreaterThanOrEqual(prices[i - 1] ?? 0);
    },
  );
});

describe("worstLaunchPrice", () => {
  const offerings = type("t", [
    { zone: "a", capacityType: "on-demand", price: 5 },
    { zone: "a", capacityType: "spot", price: 1 },
    { zone: "b", capacityType: "spot", price: 2 },
    { zone: "a", capacityType: "reserved", price: 0.5, reservationId: "r1" },
    { zone: "b", capacityType: "reserved", price: 0.7, reservationId: "r2", available: false },
  ]).offerings;

  it.each([
    { reqs: Requirements.EMPTY, price: 0.5, why: "reserved wins even though cheaper" },
    { reqs: capacity("spot", "on-demand"), price: 2, why: "spot before on-demand, most expensive spot" },
    { reqs: capacity("on-demand"), price: 5, why: "only on-demand" },
    { reqs: zone("b"), price: 2, why: "the reserved offering in b is unavailable" },
    { reqs: zone("c"), price: Infinity, why: "nothing compatible" },
  ])("$why: $price", ({ reqs, price }) => {
    expect(worstLaunchPrice(offerings, reqs)).toBe(price);
  });
});

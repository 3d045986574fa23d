import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { Requirement, Requirements } from "../requirements/index.js";
import { createInstanceType, type InstanceType } from "./instance-type.js";
import { formatMinValuesShortfall, relaxMinValues, satisfiesMinValues } from "./min-values.js";
import { truncateInstanceTypes } from "./truncate.js";

/** Types t0..t(n-1), family f(i % families), price i + 1. */
function catalog(n: number, families: number): InstanceType[] {
  return Array.from({ length: n }, (_, i) =>
    createInstanceType({
      name: `t${i}`,
      labels: { "example.com/family": `f${i % families}` },
      capacity: { cpu: "1" },
      offerings: [{ zone: "a", capacityType: "spot", price: i + 1 }],
    }),
  );
}

const family = (minValues: number): Requirements => Requirements.of([Requirement.create("example.com/family", "Exists").withMinValues(minValues)]);

describe("satisfiesMinValues", () => {
  it("counts how many types, in order, reach every minimum", () => {
    expect(satisfiesMinValues(catalog(6, 3), family(3))).toEqual({ satisfied: true, needed: 3 });
    expect(satisfiesMinValues(catalog(6, 3), Requirements.EMPTY)).toEqual({ satisfied: true, needed: 0 });
    const reqs = family(2).add(Requirement.create("node.kubernetes.io/instance-type", "Exists").withMinValues(4));
    expect(satisfiesMinValues(catalog(6, 3), reqs)).toEqual({ satisfied: true, needed: 4 });
  });

  it("reports the shortfall per key", () => {
    const result = satisfiesMinValues(catalog(6, 2), family(3));
    expect(result).toEqual({ satisfied: false, needed: 6, shortfalls: [{ key: "example.com/family", minValues: 3, achieved: 2 }] });
    if (!result.satisfied) {
      expect(formatMinValuesShortfall(result.shortfalls)).toBe("minValues requirement is not met for label(s) (label(s)=[example.com/family])");
    }
  });
});

describe("truncateInstanceTypes", () => {
  it("keeps the cheapest max types", () => {
    const result = truncateInstanceTypes(catalog(10, 10).reverse(), Requirements.EMPTY, 3);
    expect(result.ok && result.instanceTypes.map((t) => t.name)).toEqual(["t0", "t1", "t2"]);
  });

  it("fails under Strict when truncation breaks minValues", () => {
    const result = truncateInstanceTypes(catalog(10, 5), family(4), 3, "Strict");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.shortfalls).toEqual([{ key: "example.com/family", minValues: 4, achieved: 3 }]);
      expect(result.message).toBe("validating minValues, minValues requirement is not met for label(s) (label(s)=[example.com/family])");
    }
  });

  it("relaxes minValues to what was achieved under BestEffort", () => {
    const result = truncateInstanceTypes(catalog(10, 5), family(4), 3, "BestEffort");
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.relaxed).toBe(true);
      expect(result.instanceTypes).toHaveLength(3);
      expect(result.requirements.get("example.com/family").minValues).toBe(3);
    }
  });

  it("passes when the truncated list still meets minValues", () => {
    const result = truncateInstanceTypes(catalog(10, 5), family(3), 3, "Strict");
    expect(result.ok && !result.relaxed).toBe(true);
  });

  test.prop([fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 12 })])(
    "after BestEffort relaxation the truncated list satisfies the relaxed requirements",
    (n, families, minValues, max) => {
      const result = truncateInstanceTypes(catalog(n, families), family(minValues), max, "BestEffort");
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.instanceTypes.length).toBe(Math.min(n, max));
        expect(satisfiesMinValues(result.instanceTypes, result.requirements).satisfied).toBe(true);
      }
    },
  );

  it("relaxMinValues drops minValues that nothing achieved", () => {
    const relaxed = relaxMinValues(family(2), [{ key: "example.com/family", minValues: 2, achieved: 0 }]);
    expect(relaxed.get("example.com/family").minValues).toBeUndefined();
  });
});

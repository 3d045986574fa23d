import { describe, expect, it } from "vitest";
import { test } from "@fast-check/vitest";
import { Requirement, Requirements, WELL_KNOWN_LABELS } from "../requirements/index.js";
import { fitsResources } from "../resources/index.js";
import { arbCatalog, arbFilterRequirements, arbRequests } from "../testing/arbitraries/instance-types.js";
import { hasCompatibleOffering, meetsRequirements } from "./compatibility.js";
import { filterInstanceTypes } from "./filter.js";
import { formatInstanceTypeFilterFailure } from "./filter-failure.js";
import { createInstanceType, type InstanceType } from "./instance-type.js";

type Criteria = readonly [meets: boolean, fits: boolean, offers: boolean];

/**
 * A type meeting the chosen criteria against {@link reqs} and {@link requests}: its label decides the
 * requirements, its CPU the fit, and its offerings (same zones and capacity types either way) the offering.
 */
function make([meets, fits, offers]: Criteria, i: number): InstanceType {
  return createInstanceType({
    name: `t${i}`,
    labels: { "example.com/x": meets ? "yes" : "no" },
    capacity: { cpu: fits ? "4" : "1", pods: "10" },
    offerings: offers
      ? [
          { zone: "a", capacityType: "on-demand", price: 1 },
          { zone: "b", capacityType: "spot", price: 1 },
        ]
      : [
          { zone: "a", capacityType: "spot", price: 1 },
          { zone: "b", capacityType: "on-demand", price: 1 },
        ],
  });
}

const reqs = Requirements.of([
  Requirement.create("example.com/x", "In", ["yes"]),
  Requirement.create("topology.kubernetes.io/zone", "In", ["a"]),
  Requirement.create("karpenter.sh/capacity-type", "In", ["on-demand"]),
]);
const requests = new Map([
  ["cpu", 2000],
  ["pods", 1],
]);

const T = true;
const F = false;

describe("filterInstanceTypes", () => {
  it("keeps exactly the types meeting all three criteria, in input order", () => {
    const types = [make([T, T, T], 0), make([T, F, T], 1), make([T, T, T], 2), make([F, T, T], 3)];
    const result = filterInstanceTypes(types, reqs, requests);
    expect(result.instanceTypes.map((t) => t.name)).toEqual(["t0", "t2"]);
    expect(result.failure).toBeUndefined();
  });

  it.each<{ types: Criteria[]; message: string }>([
    { types: [[F, F, F]], message: "no instance type met the scheduling requirements or had enough resources or had a required offering" },
    { types: [[F, F, T]], message: "no instance type met the scheduling requirements or had enough resources" },
    { types: [[F, T, F]], message: "no instance type met the scheduling requirements or had a required offering" },
    { types: [[T, F, F]], message: "no instance type had enough resources or had a required offering" },
    { types: [[F, T, T]], message: "no instance type met all requirements" },
    { types: [[T, F, T]], message: "no instance type has enough resources" },
    { types: [[T, T, F]], message: "no instance type has the required offering" },
    {
      types: [
        [T, T, F],
        [F, F, T],
      ],
      message: "no instance type which met the scheduling requirements and had enough resources, had a required offering",
    },
    {
      types: [
        [F, T, T],
        [T, F, F],
      ],
      message: "no instance type which had enough resources and the required offering met the scheduling requirements",
    },
    {
      types: [
        [T, F, T],
        [F, T, F],
      ],
      message: "no instance type which met the scheduling requirements and the required offering had the required resources",
    },
    {
      types: [
        [T, F, F],
        [F, T, F],
        [F, F, T],
      ],
      message: "no instance type met the requirements/resources/offering tuple",
    },
  ])("$types: $message", ({ types, message }) => {
    const result = filterInstanceTypes(types.map(make), reqs, requests);
    expect(result.instanceTypes).toEqual([]);
    const failure = result.failure;
    expect(failure).toBeDefined();
    if (failure === undefined) return;
    const text = formatInstanceTypeFilterFailure(failure);
    expect(text.startsWith(`${message}, requirements=`)).toBe(true);
    expect(text).toContain('resources={"cpu":"2","pods":"1"}');
    expect(text).not.toContain("m vs M typo");
  });

  it("records the criteria flags as data", () => {
    const failure = filterInstanceTypes([make([T, F, T], 0), make([F, T, F], 1)], reqs, requests).failure;
    expect(failure).toMatchObject({
      code: "no-instance-type",
      requirementsMet: true,
      fits: true,
      hasOffering: true,
      requirementsAndFits: false,
      requirementsAndOffering: true,
      fitsAndOffering: false,
    });
  });

  it("hints at an m-vs-M typo for a CPU request of a million cores or more", () => {
    const failure = filterInstanceTypes([make([T, F, T], 0)], reqs, new Map([["cpu", 1_000_000_000]])).failure;
    expect(failure && formatInstanceTypeFilterFailure(failure)).toMatch(
      /^no instance type has enough resources, .* \(CPU request >= 1 Million, m vs M typo\?\)/,
    );
  });

  it("names the most constraining resource among the types meeting the other criteria", () => {
    const big = createInstanceType({
      name: "big",
      capacity: { cpu: "8", memory: "1Gi", pods: "10" },
      offerings: [{ zone: "a", capacityType: "on-demand", price: 1 }],
    });
    const small = createInstanceType({
      name: "small",
      capacity: { cpu: "2", memory: "1Gi", pods: "10" },
      offerings: [{ zone: "a", capacityType: "on-demand", price: 1 }],
    });
    const failure = filterInstanceTypes(
      [big, small],
      Requirements.EMPTY,
      new Map([
        ["cpu", 4000],
        ["memory", 2 * 1024 ** 3],
      ]),
    ).failure;
    expect(failure?.shortfall).toEqual({ resource: "memory", requested: 2 * 1024 ** 3, available: 1024 ** 3 });
    expect(failure && formatInstanceTypeFilterFailure(failure)).toContain("most constraining resource memory: requested 2Gi, at most 1Gi allocatable");
  });

  it("applies minValues: Strict keeps nothing, BestEffort keeps the types and reports the shortfall", () => {
    const types = [make([T, T, T], 0), make([T, T, T], 1)];
    const withMin = reqs.add(
      Requirement.create("example.com/x", "In", ["yes"]).withMinValues(1),
      Requirement.create("node.kubernetes.io/instance-type", "Exists").withMinValues(3),
    );
    const strict = filterInstanceTypes(types, withMin, requests);
    expect(strict.instanceTypes).toEqual([]);
    expect(strict.failure && formatInstanceTypeFilterFailure(strict.failure)).toMatch(
      /^minValues requirement is not met for label\(s\) \(label\(s\)=\[node\.kubernetes\.io\/instance-type\]\), requirements=/,
    );
    const bestEffort = filterInstanceTypes(types, withMin, requests, { minValuesPolicy: "BestEffort" });
    expect(bestEffort.instanceTypes).toHaveLength(2);
    expect(bestEffort.minValuesShortfalls).toEqual([{ key: "node.kubernetes.io/instance-type", minValues: 3, achieved: 2 }]);
    expect(filterInstanceTypes(types, withMin, requests, { minValuesPolicy: "Ignore" }).instanceTypes).toHaveLength(2);
  });
});

describe("filterInstanceTypes laws", () => {
  test.prop([arbCatalog(), arbFilterRequirements(), arbRequests])(
    "survivors meet all three criteria, keep input order, and a failure is reported exactly when none survive",
    (types, requirements, requests) => {
      const result = filterInstanceTypes(types, requirements, requests, { minValuesPolicy: "Ignore" });
      let last = -1;
      for (const type of result.instanceTypes) {
        expect(meetsRequirements(type, requirements) && fitsResources(requests, type.allocatable) && hasCompatibleOffering(type, requirements)).toBe(true);
        const position = types.indexOf(type);
        expect(position).toBeGreaterThan(last);
        last = position;
      }
      expect(result.failure === undefined).toBe(result.instanceTypes.length > 0);
      if (result.failure !== undefined) expect(formatInstanceTypeFilterFailure(result.failure)).toMatch(/^no instance type /);
    },
  );

  test.prop([arbCatalog()])("every type defines every well-known label but the NodePool's, and its zones come from available offerings", (types) => {
    for (const type of types) {
      for (const key of WELL_KNOWN_LABELS) expect(type.requirements.has(key)).toBe(key !== "karpenter.sh/nodepool");
      const zones = new Set(type.offerings.filter((o) => o.available).map((o) => o.zone));
      expect(new Set(type.requirements.get("topology.kubernetes.io/zone").values)).toEqual(zones);
    }
  });
});

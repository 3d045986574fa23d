import { describe, expect, it } from "vitest";
import { test } from "@fast-check/vitest";
import { arbCatalog, arbFilterRequirements, arbRequests } from "../testing/arbitraries/instance-types.js";
import { Requirement, Requirements } from "../requirements/index.js";
import { fakeInstanceTypes, syntheticInstanceTypes } from "../testing/fake-catalog.js";
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

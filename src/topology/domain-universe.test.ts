import { describe, expect, it } from "vitest";
import { createInstanceType } from "../instance-types/index.js";
import { LABEL_CAPACITY_TYPE, LABEL_ZONE, Requirement, Requirements } from "../requirements/index.js";
import { DomainUniverse } from "./domain-universe.js";

const it2 = createInstanceType({
  name: "m",
  capacity: { cpu: "2" },
  offerings: [
    { zone: "z1", capacityType: "spot", price: 1 },
    { zone: "z2", capacityType: "on-demand", price: 1 },
  ],
});
const taint = { key: "gpu", effect: "NoSchedule" };

function domains(universe: DomainUniverse, key: string, tolerations?: Parameters<DomainUniverse["forEachDomain"]>[1]): string[] {
  const seen: string[] = [];
  universe.forEachDomain(key, tolerations, (d) => seen.push(d));
  return seen;
}

describe("domain universe", () => {
  it("holds the values NodePool ∩ instance type allows, plus the NodePool's own In values", () => {
    const universe = DomainUniverse.build([
      {
        nodePoolName: "p",
        requirements: Requirements.of([Requirement.create(LABEL_ZONE, "In", ["z2", "z9"]), Requirement.create("rack", "NotIn", ["r1"])]),
        taints: [],
        instanceTypes: [it2],
      },
    ]);
    expect(domains(universe, LABEL_ZONE)).toEqual(["z2", "z9"]);
    expect(domains(universe, LABEL_CAPACITY_TYPE)).toEqual(["on-demand", "spot"]);
    expect(domains(universe, "rack")).toEqual([]);
  });

  it("drops domains only tainted NodePools offer when the pod's tolerations are given", () => {
    const universe = DomainUniverse.build([
      { nodePoolName: "plain", requirements: Requirements.of([Requirement.create(LABEL_ZONE, "In", ["z1"])]), taints: [], instanceTypes: [it2] },
      { nodePoolName: "gpu", requirements: Requirements.EMPTY, taints: [taint], instanceTypes: [it2] },
    ]);
    expect(domains(universe, LABEL_ZONE)).toEqual(["z1", "z2"]);
    expect(domains(universe, LABEL_ZONE, [])).toEqual(["z1"]);
    expect(domains(universe, LABEL_ZONE, [{ key: "gpu", operator: "Exists" }])).toEqual(["z1", "z2"]);
  });
});

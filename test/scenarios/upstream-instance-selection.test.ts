/**
 * Upstream's instance-selection suite (pkg/controllers/provisioning/scheduling/instance_selection_test.go), translated one
 * `It` at a time on the assorted fake catalogue (`fake.InstanceTypesAssorted()`: one offering per type). The suite's
 * NodePool allows spot and on-demand and both architectures; "the cheapest" is the lowest offering price in the whole
 * catalogue, and every instance type a launch lists must satisfy the constraints.
 */
import { describe, expect, it } from "vitest";
import type { InstanceType } from "../../src/instance-types/index.js";
import { assortedInstanceTypes, fakeInstanceType } from "../../src/testing/fake-catalog.js";
import type { NodeSelectorRequirement, NodeSelectorRequirementWithMinValues } from "../../src/types/kubernetes.js";
import { failures, nodePool, pod, replicas, req, requiredTerms, run } from "./helpers.js";
import { upstream, upstreamCopies } from "./upstream/files.js";

const ZONE = "topology.kubernetes.io/zone";
const ARCH = "kubernetes.io/arch";
const OS = "kubernetes.io/os";
const CT = "karpenter.sh/capacity-type";
const SUITE_POOL = [req(CT, "In", "spot", "on-demand"), req(ARCH, "In", "arm64", "amd64")];

const catalogue = assortedInstanceTypes();
const byName = new Map(catalogue.map((t) => [t.name, t]));
const minPrice = Math.min(...catalogue.flatMap((t) => t.offerings.map((o) => o.price)));

/** Whether an instance type offers `value` for `key`: zone and capacity type through its offerings, others through its requirements. */
function offers(type: InstanceType, key: string, value: string): boolean {
  if (key === ZONE) return type.offerings.some((o) => o.zone === value);
  if (key === CT) return type.offerings.some((o) => o.capacityType === value);
  return type.requirements.get(key).has(value);
}

interface Case {
  readonly pool?: readonly NodeSelectorRequirementWithMinValues[];
  readonly pod?: readonly NodeSelectorRequirement[];
  /** Labels every listed instance type must offer. */
  readonly labels?: readonly (readonly [string, string])[];
  /** A capacity type and zone every listed instance type must offer in one offering. */
  readonly offering?: readonly [string, string];
}

function cheapest(c: Case): void {
  const p = pod("p", c.pod ? { affinity: requiredTerms(c.pod) } : {});
  const result = run({ pods: [p], nodePools: [nodePool("default", { requirements: c.pool ?? SUITE_POOL })], instanceTypes: catalogue });
  expect(result.unschedulable).toEqual([]);
  const claim = result.nodeClaims[0];
  expect(claim?.price).toBe(minPrice);
  const listed = (claim?.instanceTypeOptions ?? []).map((n) => byName.get(n));
  expect(listed.length).toBeGreaterThan(0);
  for (const type of listed) {
    expect(type).toBeDefined();
    if (type === undefined) continue;
    for (const [key, value] of c.labels ?? []) expect(offers(type, key, value), `${type.name} offers ${key}=${value}`).toBe(true);
    if (c.offering) {
      const [ct, zone] = c.offering;
      expect(
        type.offerings.some((o) => o.capacityType === ct && o.zone === zone),
        `${type.name} has ${ct} in ${zone}`,
      ).toBe(true);
    }
  }
}

describe("Instance Type Selection: the cheapest valid instance", () => {
  it(upstream("scheduling/instance_selection", "should schedule on one of the cheapest instances"), () => cheapest({}));
  it(upstream("scheduling/instance_selection", "should schedule on one of the cheapest instances (pod arch = amd64)"), () =>
    cheapest({ pod: [req(ARCH, "In", "amd64")], labels: [[ARCH, "amd64"]] }),
  );
  it(upstream("scheduling/instance_selection", "should schedule on one of the cheapest instances (pod arch = arm64)"), () =>
    cheapest({ pod: [req(ARCH, "In", "arm64")], labels: [[ARCH, "arm64"]] }),
  );
  it(upstream("scheduling/instance_selection", "should schedule on one of the cheapest instances (prov arch = amd64)"), () =>
    cheapest({ pool: [req(ARCH, "In", "amd64")], labels: [[ARCH, "amd64"]] }),
  );
  it(upstream("scheduling/instance_selection", "should schedule on one of the cheapest instances (prov arch = arm64)"), () =>
    cheapest({ pool: [req(ARCH, "In", "arm64")], labels: [[ARCH, "arm64"]] }),
  );
  for (const title of upstreamCopies("scheduling/instance_selection", "should schedule on one of the cheapest instances (prov os = windows)")) {
    it(title, () => cheapest({ pool: [req(OS, "In", "windows")], labels: [[OS, "windows"]] }));
  }
  it(upstream("scheduling/instance_selection", "should schedule on one of the cheapest instances (pod os = windows)"), () =>
    cheapest({ pod: [req(OS, "In", "windows")], labels: [[OS, "windows"]] }),
  );
  for (const title of upstreamCopies("scheduling/instance_selection", "should schedule on one of the cheapest instances (pod os = linux)")) {
    it(title, () => cheapest({ pod: [req(OS, "In", "linux")], labels: [[OS, "linux"]] }));
  }
  it(upstream("scheduling/instance_selection", "should schedule on one of the cheapest instances (prov zone = test-zone-2)"), () =>
    cheapest({ pool: [req(ZONE, "In", "test-zone-2")], labels: [[ZONE, "test-zone-2"]] }),
  );
  it(upstream("scheduling/instance_selection", "should schedule on one of the cheapest instances (pod zone = test-zone-2)"), () =>
    cheapest({ pod: [req(ZONE, "In", "test-zone-2")], labels: [[ZONE, "test-zone-2"]] }),
  );
  it(upstream("scheduling/instance_selection", "should schedule on one of the cheapest instances (prov ct = spot)"), () =>
    cheapest({ pool: [req(CT, "In", "spot")], labels: [[CT, "spot"]] }),
  );
  it(upstream("scheduling/instance_selection", "should schedule on one of the cheapest instances (pod ct = spot)"), () =>
    cheapest({ pod: [req(CT, "In", "spot")], labels: [[CT, "spot"]] }),
  );
  it(upstream("scheduling/instance_selection", "should schedule on one of the cheapest instances (prov ct = ondemand, prov zone = test-zone-1)"), () =>
    cheapest({ pool: [req(CT, "In", "on-demand"), req(ZONE, "In", "test-zone-1")], offering: ["on-demand", "test-zone-1"] }),
  );
  it(upstream("scheduling/instance_selection", "should schedule on one of the cheapest instances (pod ct = spot, pod zone = test-zone-1)"), () =>
    cheapest({ pod: [req(CT, "In", "spot"), req(ZONE, "In", "test-zone-1")], offering: ["spot", "test-zone-1"] }),
  );
  it(upstream("scheduling/instance_selection", "should schedule on one of the cheapest instances (prov ct = spot, pod zone = test-zone-2)"), () =>
    cheapest({ pool: [req(CT, "In", "spot")], pod: [req(ZONE, "In", "test-zone-2")], offering: ["spot", "test-zone-2"] }),
  );
  it(upstream("scheduling/instance_selection", "should schedule on one of the cheapest instances (prov ct = ondemand/test-zone-1/arm64/windows)"), () =>
    cheapest({
      pool: [req(ARCH, "In", "arm64"), req(OS, "In", "windows"), req(CT, "In", "on-demand"), req(ZONE, "In", "test-zone-1")],
      offering: ["on-demand", "test-zone-1"],
      labels: [
        [OS, "windows"],
        [ARCH, "arm64"],
      ],
    }),
  );
  it(upstream("scheduling/instance_selection", "should schedule on one of the cheapest instances (prov = spot/test-zone-2, pod = amd64/linux)"), () =>
    cheapest({
      pool: [req(ARCH, "In", "amd64"), req(OS, "In", "linux")],
      pod: [req(CT, "In", "spot"), req(ZONE, "In", "test-zone-2")],
      offering: ["spot", "test-zone-2"],
      labels: [
        [OS, "linux"],
        [ARCH, "amd64"],
      ],
    }),
  );
  it(upstream("scheduling/instance_selection", "should schedule on one of the cheapest instances (pod ct = spot/test-zone-2/amd64/linux)"), () =>
    cheapest({
      pod: [req(ARCH, "In", "amd64"), req(OS, "In", "linux"), req(CT, "In", "spot"), req(ZONE, "In", "test-zone-2")],
      offering: ["spot", "test-zone-2"],
      labels: [
        [OS, "linux"],
        [ARCH, "amd64"],
      ],
    }),
  );
});

describe("Instance Type Selection: nothing matches", () => {
  const amdOnly = catalogue.filter((t) => t.requirements.get(ARCH).has("amd64"));
  const noArmInZone2 = catalogue.filter((t) => !t.offerings.some((o) => o.zone === "test-zone-2") || t.requirements.get(ARCH).has("amd64"));
  const nothing =
    (instanceTypes: InstanceType[], pool: readonly NodeSelectorRequirementWithMinValues[], podReqs: readonly NodeSelectorRequirement[]) => (): void => {
      expect(instanceTypes.length).toBeGreaterThan(0);
      const result = run({ pods: [pod("p", { affinity: requiredTerms(podReqs) })], nodePools: [nodePool("default", { requirements: pool })], instanceTypes });
      expect(result.nodeClaims).toEqual([]);
      expect(result.unschedulable).toHaveLength(1);
    };
  it(
    upstream("scheduling/instance_selection", "should not schedule if no instance type matches selector (pod arch = arm)"),
    nothing(amdOnly, SUITE_POOL, [req(ARCH, "In", "arm64")]),
  );
  it(
    upstream("scheduling/instance_selection", "should not schedule if no instance type matches selector (pod arch = arm zone=test-zone-2)"),
    nothing(noArmInZone2, SUITE_POOL, [req(ARCH, "In", "arm64"), req(ZONE, "In", "test-zone-2")]),
  );
  it(
    upstream("scheduling/instance_selection", "should not schedule if no instance type matches selector (prov arch = arm / pod zone=test-zone-2)"),
    nothing(noArmInZone2, [req(ARCH, "In", "arm64")], [req(ZONE, "In", "test-zone-2")]),
  );
});

describe("Instance Type Selection: resources and prices", () => {
  it(upstream("scheduling/instance_selection", "should schedule on an instance with enough resources"), () => {
    const before = catalogue.map((t) => JSON.stringify([[...t.capacity], [...t.allocatable]]));
    for (const cpu of [0.1, 1.0, 2, 2.5, 4, 8, 16]) {
      for (const mem of [0.1, 1.0, 2, 4, 8, 16, 32]) {
        const requests = { cpu: cpu.toFixed(1), memory: `${mem.toFixed(1)}Gi` };
        const result = run({ pods: replicas("p", 3, { requests }), nodePools: [nodePool("default", { requirements: SUITE_POOL })], instanceTypes: catalogue });
        // All three fit on one node, and every listed type holds the three pods plus its own overhead.
        expect(result.nodeClaims).toHaveLength(1);
        expect(result.nodeClaims[0]?.pods).toHaveLength(3);
        for (const name of result.nodeClaims[0]?.instanceTypeOptions ?? []) {
          const type = byName.get(name);
          expect((type?.allocatable.get("cpu") ?? 0) >= 3 * cpu * 1000).toBe(true);
          expect((type?.allocatable.get("memory") ?? 0) >= 3 * Math.ceil(mem * 2 ** 30)).toBe(true);
        }
      }
    }
    // Scheduling does not modify the catalogue's capacity or overhead.
    expect(catalogue.map((t) => JSON.stringify([[...t.capacity], [...t.allocatable]]))).toEqual(before);
  });
  it(
    upstream(
      "scheduling/instance_selection",
      "should schedule on cheaper on-demand instance even when spot price ordering would place other instance types first",
    ),
    () => {
      const offerings = (onDemand: number, spot: number) => [
        { zone: "test-zone-1a", capacityType: "on-demand", price: onDemand },
        { zone: "test-zone-1a", capacityType: "spot", price: spot },
      ];
      const instanceTypes = [
        fakeInstanceType({ name: "test-instance1", cpu: 1, memoryGi: 1, operatingSystems: ["linux"], offerings: offerings(1.0, 0.2) }),
        fakeInstanceType({ name: "test-instance2", cpu: 1, memoryGi: 1, operatingSystems: ["linux"], offerings: offerings(1.3, 0.1) }),
      ];
      const result = run({ pods: [pod("p")], nodePools: [nodePool("default", { requirements: [req(CT, "In", "on-demand")] })], instanceTypes });
      expect(result.nodeClaims[0]?.instanceType).toBe("test-instance1");
    },
  );
});

describe("MinValues", () => {
  const spotIn = (price: number) => [{ zone: "test-zone-1-spot", capacityType: "spot", price }];
  const GEN = "karpenter/numerical-value";
  const IT = "node.kubernetes.io/instance-type";
  /** Upstream's MinValues fixtures: linux-only types with one spot offering in `test-zone-1-spot`. */
  const spotType = (name: string, cpu: number, price: number, o: { gen?: string; arch?: string } = {}) =>
    fakeInstanceType({
      name,
      arch: o.arch ?? "arm64",
      operatingSystems: ["linux"],
      cpu,
      memoryGi: cpu,
      offerings: spotIn(price),
      ...(o.gen === undefined ? {} : { labels: new Map([[GEN, o.gen]]) }),
    });
  const twoPods = (o: { requirements?: readonly NodeSelectorRequirement[] } = {}) =>
    replicas("p", 2, { requests: { cpu: "0.9", memory: "0.9Gi" }, ...(o.requirements ? { affinity: requiredTerms(o.requirements) } : {}) });
  /**
   * Both pods would fit together on the biggest listed type; minValues keeps a smaller one among the options, so
   * each pod gets its own claim, listing at least two types that satisfy the NodePool.
   */
  const apart = (instanceTypes: InstanceType[], requirements: readonly NodeSelectorRequirementWithMinValues[], allowed: readonly string[]) => (): void => {
    const result = run({ pods: twoPods(), nodePools: [nodePool("default", { requirements })], instanceTypes });
    expect(result.unschedulable).toEqual([]);
    expect(result.nodeClaims.map((c) => c.pods)).toEqual([["default/p-0"], ["default/p-1"]]);
    for (const claim of result.nodeClaims) {
      expect(claim.instanceTypeOptions.length).toBeGreaterThanOrEqual(2);
      for (const name of claim.instanceTypeOptions) expect(allowed).toContain(name);
    }
  };
  const neither = (result: ReturnType<typeof run>) => {
    expect(result.nodeClaims).toEqual([]);
    expect(result.unschedulable.map((u) => u.pod)).toEqual(["default/p-0", "default/p-1"]);
  };
  it(
    upstream("scheduling/instance_selection", "MinValues › should schedule respecting the minValues in Gt operator"),
    apart(
      [
        spotType("instance-type-1", 1, 0.52, { gen: "2" }),
        spotType("instance-type-2", 1, 1.0, { gen: "3" }),
        spotType("instance-type-3", 4, 1.2, { gen: "4" }),
      ],
      [{ key: GEN, operator: "Gt", values: ["2"], minValues: 2 }],
      ["instance-type-2", "instance-type-3"],
    ),
  );
  it(upstream("scheduling/instance_selection", "MinValues › scheduler should fail if the minValues in Gt operator is not satisfied"), () => {
    // Only instance-type-2 has a generation above 2, one value where the NodePool wants two.
    const instanceTypes = [spotType("instance-type-1", 1, 0.52, { gen: "2" }), spotType("instance-type-2", 4, 1.0, { gen: "3" })];
    const np = nodePool("default", { requirements: [{ key: GEN, operator: "Exists", minValues: 2 }] });
    const result = run({ pods: twoPods({ requirements: [req(GEN, "Gt", "2")] }), nodePools: [np], instanceTypes });
    neither(result);
    // Upstream checks the error names the label whose minValues is not met.
    for (const [, code] of failures(result)) expect(code).toBe("min-values");
    for (const u of result.unschedulable) expect(u.message).toContain(GEN);
  });
  it(
    upstream("scheduling/instance_selection", "MinValues › should schedule respecting the minValues in Lt operator"),
    apart(
      [
        spotType("instance-type-1", 1, 0.52, { gen: "2" }),
        spotType("instance-type-2", 2, 1.0, { gen: "3" }),
        spotType("instance-type-3", 4, 1.2, { gen: "4" }),
      ],
      [{ key: GEN, operator: "Lt", values: ["4"], minValues: 2 }],
      ["instance-type-1", "instance-type-2"],
    ),
  );
  it(upstream("scheduling/instance_selection", "MinValues › scheduler should fail if the minValues in Lt operator is not satisfied"), () => {
    const instanceTypes = [spotType("instance-type-1", 2, 0.52, { gen: "2" }), spotType("instance-type-2", 4, 1.2, { gen: "4" })];
    const np = nodePool("default", { requirements: [{ key: GEN, operator: "Lt", values: ["4"], minValues: 2 }] });
    neither(run({ pods: twoPods(), nodePools: [np], instanceTypes }));
  });
  it(
    upstream(
      "scheduling/instance_selection",
      "MinValues › should schedule considering the max of the minValues of In and NotIn operators in the instance-type requirements",
    ),
    apart(
      [spotType("instance-type-1", 1, 0.52), spotType("instance-type-2", 2, 1.0), spotType("instance-type-3", 4, 1.2)],
      [
        { key: IT, operator: "In", values: ["instance-type-1", "instance-type-2", "instance-type-3"], minValues: 1 },
        { key: IT, operator: "NotIn", values: ["instance-type-3"], minValues: 2 },
      ],
      ["instance-type-1", "instance-type-2"],
    ),
  );
  it(
    upstream("scheduling/instance_selection", "MinValues › should schedule considering the max of the minValues of Gt and Lt operators."),
    apart(
      [
        spotType("instance-type-1", 1, 0.52, { gen: "2" }),
        spotType("instance-type-2", 1, 1.0, { gen: "3" }),
        spotType("instance-type-3", 4, 1.2, { gen: "4" }),
        spotType("instance-type-4", 4, 1.2, { gen: "5" }),
      ],
      [
        { key: GEN, operator: "Gt", values: ["2"], minValues: 1 },
        { key: GEN, operator: "Lt", values: ["5"], minValues: 2 },
      ],
      ["instance-type-2", "instance-type-3"],
    ),
  );
  it(
    upstream(
      "scheduling/instance_selection",
      "MinValues › schedule should fail if minimum number of InstanceTypes is not met as per the minValues in the requirement after truncation",
    ),
    () => {
      // Both types are compatible, but a claim may list only one (upstream sets MaxInstanceTypes = 1).
      const instanceTypes = [spotType("instance-type-1", 1, 0.52), spotType("instance-type-2", 4, 1.0)];
      const np = nodePool("default", { requirements: [{ key: IT, operator: "In", values: ["instance-type-1", "instance-type-2"], minValues: 2 }] });
      neither(run({ pods: twoPods(), nodePools: [np], instanceTypes }, { maxInstanceTypes: 1 }));
    },
  );
  it(
    upstream(
      "scheduling/instance_selection",
      "MinValues › should schedule and pick the max of minValues of InstanceTypes if multiple operators are used for the same requirement.",
    ),
    apart(
      [spotType("instance-type-1", 1, 0.52), spotType("instance-type-2", 4, 1.0)],
      [
        { key: IT, operator: "Exists", minValues: 1 },
        { key: IT, operator: "In", values: ["instance-type-1", "instance-type-2"], minValues: 2 },
      ],
      ["instance-type-1", "instance-type-2"],
    ),
  );
  it(
    upstream("scheduling/instance_selection", "MinValues › should schedule and respect multiple requirement keys with minValues"),
    apart(
      [spotType("instance-type-1", 1, 0.52), spotType("instance-type-2", 4, 1.0, { arch: "amd64" })],
      [
        { key: ARCH, operator: "Exists", minValues: 2 },
        { key: IT, operator: "In", values: ["instance-type-1", "instance-type-2"], minValues: 1 },
      ],
      ["instance-type-1", "instance-type-2"],
    ),
  );
  it(upstream("scheduling/instance_selection", "MinValues › should schedule respecting the minValues from instance-type requirements"), () => {
    const instanceTypes = [
      fakeInstanceType({ name: "instance-type-1", arch: "arm64", operatingSystems: ["linux"], cpu: 1, memoryGi: 1, offerings: spotIn(0.52) }),
      fakeInstanceType({ name: "instance-type-2", arch: "arm64", operatingSystems: ["linux"], cpu: 4, memoryGi: 4, offerings: spotIn(1.0) }),
    ];
    const np = nodePool("default", {
      requirements: [{ key: "node.kubernetes.io/instance-type", operator: "In", values: ["instance-type-1", "instance-type-2"], minValues: 2 }],
    });
    // Both pods would fit together on instance-type-2 alone; minValues 2 keeps both types, so each pod gets a node.
    const result = run({ pods: replicas("p", 2, { requests: { cpu: "0.9", memory: "0.9Gi" } }), nodePools: [np], instanceTypes });
    expect(result.unschedulable).toEqual([]);
    expect(result.nodeClaims).toHaveLength(2);
    expect(result.nodeClaims[0]?.instanceTypeOptions.length).toBeGreaterThanOrEqual(2);
  });
  it(
    upstream(
      "scheduling/instance_selection",
      "MinValues › schedule should fail if minimum number of InstanceTypes is not met as per the minValues in the requirement",
    ),
    () => {
      const np = nodePool("default", { requirements: [{ key: "node.kubernetes.io/instance-type", operator: "Exists", minValues: 11 }] });
      const result = run({ pods: [pod("p")], nodePools: [np], instanceTypes: catalogue.slice(0, 10) });
      expect(result.nodeClaims).toEqual([]);
      expect(result.unschedulable).toHaveLength(1);
    },
  );
});

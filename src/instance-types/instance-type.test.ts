import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { Requirement } from "../requirements/index.js";
import { allocatableOf, NO_OVERHEAD } from "./allocatable.js";
import { createInstanceType, type InstanceTypeSpec } from "./instance-type.js";

const GI = 1024 ** 3;
const MI = 1024 ** 2;

const base: InstanceTypeSpec = {
  name: "small",
  labels: { "kubernetes.io/arch": "amd64" },
  capacity: { cpu: "2", memory: "2Gi", pods: "5" },
  overhead: { kubeReserved: { cpu: "100m", memory: "10Mi" } },
  offerings: [
    { zone: "z1", capacityType: "spot", price: 0.41 },
    { zone: "z2", capacityType: "on-demand", price: 0.5 },
    { zone: "z3", capacityType: "on-demand", price: 0.5, available: false },
  ],
};

function errorOf(fn: () => unknown): { code: string; path: readonly unknown[]; message: string } {
  try {
    fn();
  } catch (error) {
    return error as { code: string; path: readonly unknown[]; message: string };
  }
  throw new Error("expected an error");
}

describe("createInstanceType", () => {
  it.each([
    { capacity: { cpu: "4", memory: "4Gi" }, overhead: { kubeReserved: { cpu: "100m", memory: "10Mi" } }, cpu: 3900, memory: 4 * GI - 10 * MI },
    { capacity: { cpu: "2" }, overhead: { kubeReserved: { cpu: "100m", memory: "10Mi" } }, cpu: 1900, memory: undefined },
    {
      capacity: { cpu: "4", memory: "8Gi" },
      overhead: { kubeReserved: { cpu: "100m" }, systemReserved: { cpu: "100m", memory: "1Gi" }, evictionThreshold: { memory: "100Mi" } },
      cpu: 3800,
      memory: 7 * GI - 100 * MI,
    },
    { capacity: { cpu: "4", memory: "4Gi", "hugepages-2Mi": "1Gi" }, overhead: {}, cpu: 4000, memory: 3 * GI },
    { capacity: { cpu: "4", memory: "1Gi", "hugepages-1Gi": "2Gi" }, overhead: {}, cpu: 4000, memory: 0 },
  ])("allocatable of $capacity is cpu $cpu, memory $memory", ({ capacity, overhead, cpu, memory }) => {
    const type = createInstanceType({ ...base, capacity, overhead });
    expect(type.allocatable.get("cpu")).toBe(cpu);
    expect(type.allocatable.get("memory")).toBe(memory);
  });

  it("derives instance-type, zone and capacity-type from the name and available offerings", () => {
    const type = createInstanceType(base);
    expect([...type.requirements.get("node.kubernetes.io/instance-type").values]).toEqual(["small"]);
    expect([...type.requirements.get("topology.kubernetes.io/zone").values].sort()).toEqual(["z1", "z2"]);
    expect([...type.requirements.get("karpenter.sh/capacity-type").values].sort()).toEqual(["on-demand", "spot"]);
    expect(type.offerings[2]?.available).toBe(false);
    expect(type.offerings[0]?.available).toBe(true);
  });

  it("gives every undefined well-known label DoesNotExist, except the NodePool label", () => {
    const type = createInstanceType({ ...base, wellKnownLabels: ["example.com/family"] });
    for (const key of [
      "kubernetes.io/os",
      "topology.kubernetes.io/region",
      "node.kubernetes.io/windows-build",
      "example.com/family",
      "karpenter.sh/reservation-id",
    ]) {
      expect(type.requirements.get(key).operator, key).toBe("DoesNotExist");
    }
    expect(type.requirements.has("karpenter.sh/nodepool")).toBe(false);
    expect(type.requirements.get("kubernetes.io/arch").operator).toBe("In");
  });

  it("adds multi-valued requirements and reserved offerings' reservation ids", () => {
    const type = createInstanceType({
      ...base,
      requirements: [Requirement.create("kubernetes.io/os", "In", ["linux", "windows"])],
      offerings: [{ zone: "z1", capacityType: "reserved", price: 0.1, reservationId: "cr-1", reservationCapacity: 2 }],
    });
    expect([...type.requirements.get("kubernetes.io/os").values].sort()).toEqual(["linux", "windows"]);
    expect([...type.requirements.get("karpenter.sh/reservation-id").values]).toEqual(["cr-1"]);
    const offering = type.offerings[0];
    expect(offering?.reservationCapacity).toBe(2);
    expect(offering?.requirements.get("karpenter.sh/reservation-id").has("cr-1")).toBe(true);
    expect(offering?.requirements.get("karpenter.sh/capacity-type").has("reserved")).toBe(true);
  });

  it("accepts parsed resource lists as well as quantities", () => {
    const type = createInstanceType({ ...base, capacity: new Map([["cpu", 1500]]), overhead: { kubeReserved: new Map([["cpu", 500]]) } });
    expect(type.allocatable.get("cpu")).toBe(1000);
  });

  it.each([
    { spec: { ...base, name: "" }, path: ["name"] },
    { spec: { ...base, capacity: new Map([["cpu", -1]]) }, path: ["capacity", "cpu"] },
    { spec: { ...base, capacity: { memory: "2GB" } }, path: ["capacity", "memory"] },
    { spec: { ...base, overhead: { systemReserved: { cpu: "abc" } } }, path: ["overhead", "systemReserved", "cpu"] },
    { spec: { ...base, offerings: [{ zone: "z1", capacityType: "spot", price: -1 }] }, path: ["offerings", 0, "price"] },
    { spec: { ...base, offerings: [{ zone: "z1", capacityType: "spot", price: Number.NaN }] }, path: ["offerings", 0, "price"] },
    { spec: { ...base, offerings: [{ zone: "z1", capacityType: "cheap", price: 1 }] }, path: ["offerings", 0, "capacityType"] },
    { spec: { ...base, offerings: [{ zone: "", capacityType: "spot", price: 1 }] }, path: ["offerings", 0, "zone"] },
    { spec: { ...base, offerings: [{ zone: "z1", capacityType: "reserved", price: 1 }] }, path: ["offerings", 0, "reservationId"] },
    {
      spec: {
        ...base,
        offerings: [
          { zone: "z1", capacityType: "spot", price: 1 },
          { zone: "z1", capacityType: "spot", price: 2 },
        ],
      },
      path: ["offerings", 1],
    },
    { spec: { ...base, labels: { "topology.kubernetes.io/zone": "z1" } }, path: ["labels", "topology.kubernetes.io/zone"] },
  ])("rejects an invalid spec at $path", ({ spec, path }) => {
    const error = errorOf(() => createInstanceType(spec as InstanceTypeSpec));
    expect(error.code).toBe("invalid-input");
    expect(error.path).toEqual(path);
  });

  test.prop([
    fc.dictionary(fc.constantFrom("cpu", "memory", "pods", "hugepages-2Mi", "example.com/gpu"), fc.nat({ max: 1e9 })),
    fc.dictionary(fc.constantFrom("cpu", "memory", "pods", "ephemeral-storage"), fc.nat({ max: 1e9 })),
  ])("allocatable never exceeds capacity and keeps capacity's keys", (cap, reserved) => {
    const capacity = new Map(Object.entries(cap));
    const allocatable = allocatableOf(capacity, { ...NO_OVERHEAD, kubeReserved: new Map(Object.entries(reserved)) });
    for (const [name, amount] of capacity) expect(allocatable.get(name)).toBeLessThanOrEqual(amount);
    for (const name of allocatable.keys()) expect(capacity.has(name) || name === "memory").toBe(true);
  });
});

describe("amounts beyond 2^53 (V4)", () => {
  const ONE_ABOVE = "9007199254740993"; // 2^53 + 1: a float64 holds 2^53 and 2^53 + 2, not this
  it("capacity reads down and overhead up, so allocatable is never more than written", () => {
    const it = createInstanceType({ ...base, capacity: { cpu: "2", memory: ONE_ABOVE }, overhead: { kubeReserved: { memory: ONE_ABOVE } } });
    expect(it.capacity.get("memory")).toBe(2 ** 53);
    expect(it.overhead.kubeReserved.get("memory")).toBe(2 ** 53 + 2);
    // Exactly 0 upstream; never above it here.
    expect(it.allocatable.get("memory")).toBeLessThanOrEqual(0);
  });
  it("accepts any finite whole amount, given as a quantity or as a number", () => {
    expect(createInstanceType({ ...base, capacity: { memory: "1Ei" } }).capacity.get("memory")).toBe(2 ** 60);
    expect(createInstanceType({ ...base, capacity: new Map([["memory", 2 ** 70]]) }).capacity.get("memory")).toBe(2 ** 70);
    expect(errorOf(() => createInstanceType({ ...base, capacity: new Map([["memory", 1.5]]) })).code).toBe("invalid-input");
  });
});

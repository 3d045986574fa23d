import { describe, expect, it } from "vitest";
import { Requirements } from "nodefit";
import { assortedInstanceTypes, fakeInstanceTypes, FAKE_WELL_KNOWN_LABELS, syntheticInstanceTypes } from "../../src/testing/fake-catalog.js";

const GI = 1024 ** 3;

describe("fakeInstanceTypes (upstream's fake provider catalogue)", () => {
  const types = fakeInstanceTypes();
  const byName = new Map(types.map((t) => [t.name, t]));

  it("lists the six upstream types in upstream's order", () => {
    expect(types.map((t) => t.name)).toEqual([
      "default-instance-type",
      "small-instance-type",
      "gpu-vendor-instance-type",
      "gpu-vendor-b-instance-type",
      "arm-instance-type",
      "single-pod-instance-type",
    ]);
  });

  it.each([
    ["default-instance-type", 3900, 4 * GI - 10 * 1024 ** 2, 5, 0.4 + (0.1 * 4 * GI) / 1e9],
    ["small-instance-type", 1900, 2 * GI - 10 * 1024 ** 2, 5, 0.2 + (0.1 * 2 * GI) / 1e9],
    ["gpu-vendor-instance-type", 3900, 4 * GI - 10 * 1024 ** 2, 5, 0.4 + (0.1 * 4 * GI) / 1e9 + 1],
    ["gpu-vendor-b-instance-type", 3900, 4 * GI - 10 * 1024 ** 2, 5, 0.4 + (0.1 * 4 * GI) / 1e9 + 1],
    ["arm-instance-type", 15900, 128 * GI - 10 * 1024 ** 2, 5, 0.1 * 16 + (0.1 * 128 * GI) / 1e9],
    ["single-pod-instance-type", 3900, 4 * GI - 10 * 1024 ** 2, 1, 0.4 + (0.1 * 4 * GI) / 1e9],
  ])("%s: cpu %i m, memory %i, pods %i, price %f", (name, cpu, memory, pods, price) => {
    const type = byName.get(name);
    expect(type?.allocatable.get("cpu")).toBe(cpu);
    expect(type?.allocatable.get("memory")).toBe(memory);
    expect(type?.allocatable.get("pods")).toBe(pods);
    for (const offering of type?.offerings ?? []) expect(offering.price).toBeCloseTo(price, 12);
  });

  it("prices match the published approximations", () => {
    expect(byName.get("default-instance-type")?.offerings[0]?.price).toBeCloseTo(0.83, 2);
    expect(byName.get("small-instance-type")?.offerings[0]?.price).toBeCloseTo(0.41, 2);
    expect(byName.get("gpu-vendor-instance-type")?.offerings[0]?.price).toBeCloseTo(1.83, 2);
    expect(byName.get("arm-instance-type")?.offerings[0]?.price).toBeCloseTo(15.34, 2);
  });

  it("offers spot in zones 1-2 and on-demand in zones 1-3", () => {
    for (const type of types) {
      expect(type.offerings.map((o) => `${o.capacityType}/${o.zone}`)).toEqual([
        "spot/test-zone-1",
        "spot/test-zone-2",
        "on-demand/test-zone-1",
        "on-demand/test-zone-2",
        "on-demand/test-zone-3",
      ]);
    }
  });

  it("labels size, special and integer as upstream, with the extra extended resources", () => {
    const arm = byName.get("arm-instance-type");
    expect([...(arm?.requirements.get("size").values ?? [])]).toEqual(["large"]);
    expect([...(arm?.requirements.get("special").values ?? [])]).toEqual(["optional"]);
    expect([...(arm?.requirements.get("integer").values ?? [])]).toEqual(["16"]);
    expect([...(arm?.requirements.get("kubernetes.io/os").values ?? [])].sort()).toEqual(["darwin", "ios", "linux", "windows"]);
    const small = byName.get("small-instance-type");
    expect([...(small?.requirements.get("size").values ?? [])]).toEqual(["small"]);
    expect(small?.requirements.get("special").operator).toBe("DoesNotExist");
    expect([...(small?.requirements.get("integer").values ?? [])]).toEqual(["2"]);
    expect(byName.get("gpu-vendor-instance-type")?.capacity.get("fake.com/vendor-a")).toBe(2);
    expect(byName.get("gpu-vendor-b-instance-type")?.capacity.get("fake.com/vendor-b")).toBe(2);
    expect(FAKE_WELL_KNOWN_LABELS.has("size") && FAKE_WELL_KNOWN_LABELS.has("special") && FAKE_WELL_KNOWN_LABELS.has("integer")).toBe(true);
  });

  it("is rebuilt fresh on each call", () => {
    expect(fakeInstanceTypes()[0]).not.toBe(types[0]);
    expect(fakeInstanceTypes()[0]?.requirements.equals(types[0]?.requirements ?? Requirements.EMPTY)).toBe(true);
  });
});

describe("syntheticInstanceTypes", () => {
  it("builds fake-it-i with i+1 CPU, 2(i+1) GiB and 10(i+1) pods, price rising with size", () => {
    const types = syntheticInstanceTypes(400);
    expect(types).toHaveLength(400);
    types.forEach((type, i) => {
      expect(type.name).toBe(`fake-it-${i}`);
      expect(type.capacity.get("cpu")).toBe((i + 1) * 1000);
      expect(type.capacity.get("memory")).toBe(2 * (i + 1) * GI);
      expect(type.capacity.get("pods")).toBe(10 * (i + 1));
      const next = types[i + 1];
      if (next !== undefined) expect(next.offerings[0]?.price ?? 0).toBeGreaterThan(type.offerings[0]?.price ?? 0);
    });
  });
});

describe("assortedInstanceTypes", () => {
  it("builds 1344 distinct types with one offering each", () => {
    const types = assortedInstanceTypes();
    expect(types).toHaveLength(1344);
    expect(new Set(types.map((t) => t.name)).size).toBe(1344);
    expect(types.every((t) => t.offerings.length === 1)).toBe(true);
    expect(types[0]?.name).toBe("1-cpu-1-mem-amd64-linux-test-zone-1-spot");
    expect(types.at(-1)?.name).toBe("64-cpu-128-mem-arm64-windows-test-zone-3-on-demand");
  });
});

import { describe, expect, test } from "vitest";
import type { InstanceType } from "nodefit";
import { gcpInstanceType, gcpInstanceTypes } from "./instance-type.js";
import { GCP_LABELS, GCP_WELL_KNOWN_LABELS, gceNameParts } from "./labels.js";
import type { GceMachineType } from "./types.js";

const N2D_STANDARD_8: GceMachineType = { name: "n2d-standard-8", guestCpus: 8, memoryMb: 32768, architecture: "X86_64" };
const T2A_STANDARD_4: GceMachineType = { name: "t2a-standard-4", guestCpus: 4, memoryMb: 16384, architecture: "ARM64" };
const A2_HIGHGPU_1G: GceMachineType = {
  name: "a2-highgpu-1g",
  guestCpus: 12,
  memoryMb: 87040,
  accelerators: [{ guestAcceleratorType: "nvidia-tesla-a100", guestAcceleratorCount: 1 }],
};
const G2_STANDARD_24: GceMachineType = {
  name: "g2-standard-24",
  guestCpus: 24,
  memoryMb: 98304,
  accelerators: [{ guestAcceleratorType: "nvidia-l4", guestAcceleratorCount: 2 }],
};
const C3_LSSD: GceMachineType = { name: "c3-standard-8-lssd", guestCpus: 8, memoryMb: 32768, scratchDisks: [{ diskGb: 375 }, { diskGb: 375 }] };
const PRICES = new Map([
  ["n2d-standard-8", 0.337968],
  ["t2a-standard-4", 0.154],
]);
const ZONES = ["us-central1-a", "us-central1-b"];

function values(it: InstanceType, key: string): readonly string[] | string {
  const req = it.requirements.get(key);
  return req.operator === "In" ? [...req.values].sort() : req.operator;
}

describe("name parts (reference §2.2)", () => {
  test.each([
    ["e2-standard-2", "e2", "standard", "2", "2"],
    ["e2-medium", "e2", "medium", "medium", "2"],
    ["n2d-highcpu-224", "n2d", "highcpu", "224", "2"],
    ["c3-highmem-22", "c3", "highmem", "22", "3"],
    ["c4-highmem-16-lssd", "c4", "highmem", "16", "4"],
    ["c3d-standard-360-lssd", "c3d", "standard", "360", "3"],
    ["a2-highgpu-1g", "a2", "highgpu", "1g", "2"],
    ["t2a-standard-1", "t2a", "standard", "1", "2"],
  ])("%s: family %s, shape %s, size %s, generation %s", (name, family, shape, size, generation) => {
    expect(gceNameParts(name)).toEqual({ family, shape, size, generation });
  });

  test("names without a dash have no parts", () => {
    expect(gceNameParts("custom")).toBeUndefined();
  });
});

describe("labels (reference §2.2)", () => {
  const it = gcpInstanceType(N2D_STANDARD_8, { onDemandPrices: PRICES, zones: ZONES });

  test.each([
    [GCP_LABELS.family, ["n2d"]],
    [GCP_LABELS.machineFamily, ["n2d"]],
    [GCP_LABELS.shape, ["standard"]],
    [GCP_LABELS.size, ["8"]],
    [GCP_LABELS.generation, ["2"]],
    [GCP_LABELS.cpu, ["8"]],
    [GCP_LABELS.memory, ["32768"]],
    [GCP_LABELS.arch, ["amd64"]],
    [GCP_LABELS.os, ["linux"]],
    [GCP_LABELS.region, ["us-central1"]],
    [GCP_LABELS.zone, ZONES],
    [GCP_LABELS.zoneId, ZONES],
    [GCP_LABELS.capacityType, ["on-demand"]],
    [GCP_LABELS.gpuName, "DoesNotExist"],
    [GCP_LABELS.gpuCount, "DoesNotExist"],
    [GCP_LABELS.gkeAccelerator, "DoesNotExist"],
    [GCP_LABELS.category, "DoesNotExist"],
    [GCP_LABELS.cpuModel, "DoesNotExist"],
  ])("%s is %o", (key, expected) => {
    expect(values(it, key)).toEqual(expected);
  });

  test("every well-known GCP label is defined or DoesNotExist", () => {
    for (const key of GCP_WELL_KNOWN_LABELS) expect(it.requirements.has(key)).toBe(true);
  });

  test("ARM64 machine types are arm64", () => {
    expect(values(gcpInstanceType(T2A_STANDARD_4), GCP_LABELS.arch)).toEqual(["arm64"]);
  });

  test("accelerator types: GPU name, count, gke-accelerator and nvidia.com/gpu summed over counts", () => {
    const a2 = gcpInstanceType(A2_HIGHGPU_1G);
    expect([values(a2, GCP_LABELS.gpuName), values(a2, GCP_LABELS.gpuCount), values(a2, GCP_LABELS.gkeAccelerator)]).toEqual([
      ["nvidia-tesla-a100"],
      ["1"],
      ["nvidia-tesla-a100"],
    ]);
    const g2 = gcpInstanceType(G2_STANDARD_24);
    expect(values(g2, GCP_LABELS.gpuCount)).toEqual(["2"]);
    expect(g2.capacity.get("nvidia.com/gpu")).toBe(2);
    expect(values(g2, GCP_LABELS.gpuManufacturer)).toBe("DoesNotExist");
  });
});

describe("capacity and overhead", () => {
  test("n2d-standard-8: 8000m − 90m − 100m, memory less 7%, 3645Mi and 100Mi; boot disk 100GiB less 41 + 10", () => {
    const it = gcpInstanceType(N2D_STANDARD_8);
    expect(it.allocatable.get("cpu")).toBe(7810);
    const bytes = 32768 * 2 ** 20;
    expect(it.allocatable.get("memory")).toBe(bytes - Math.trunc(bytes * 0.07) - (3645 + 100) * 2 ** 20);
    expect(it.allocatable.get("ephemeral-storage")).toBe(49 * 2 ** 30);
    expect(it.allocatable.get("pods")).toBe(110);
    expect(it.overhead.systemReserved).toEqual(new Map([["cpu", 100]]));
  });

  test("local SSDs hold ephemeral storage only in ephemeral mode", () => {
    expect(gcpInstanceType(C3_LSSD).capacity.get("ephemeral-storage")).toBe(100 * 2 ** 30);
    const ephemeral = gcpInstanceType(C3_LSSD, { localSsdEphemeral: true });
    expect(ephemeral.capacity.get("ephemeral-storage")).toBe(750 * 2 ** 30);
    expect(ephemeral.allocatable.get("ephemeral-storage")).toBe((750 - 75 - 75) * 2 ** 30);
  });

  test("GCENodeClass options: boot disk, maxPods, podsPerCore, memory overhead", () => {
    const it = gcpInstanceType(N2D_STANDARD_8, { bootDiskSizeGiB: 50, maxPods: 64, podsPerCore: 4, vmMemoryOverheadPercent: 0 });
    expect(it.capacity.get("ephemeral-storage")).toBe(50 * 2 ** 30);
    expect(it.allocatable.get("ephemeral-storage")).toBe((50 - 24 - 5) * 2 ** 30);
    expect(it.capacity.get("pods")).toBe(32);
    expect(it.capacity.get("memory")).toBe(32768 * 2 ** 20);
  });

  test("kubeReserved replaces per key, systemReserved adds, evictionHard replaces signals", () => {
    const it = gcpInstanceType(N2D_STANDARD_8, {
      kubeReserved: { cpu: "200m" },
      systemReserved: { cpu: "50m", memory: "64Mi" },
      evictionHard: { "memory.available": "500Mi", "nodefs.available": "20%", "pid.available": "5%" },
    });
    expect(it.overhead.kubeReserved.get("cpu")).toBe(200);
    expect(it.overhead.kubeReserved.get("memory")).toBe(3645 * 2 ** 20);
    expect(it.overhead.systemReserved).toEqual(
      new Map([
        ["cpu", 150],
        ["memory", 64 * 2 ** 20],
      ]),
    );
    expect(it.overhead.evictionThreshold).toEqual(
      new Map([
        ["memory", 500 * 2 ** 20],
        ["ephemeral-storage", 20 * 2 ** 30],
      ]),
    );
  });

  test("bad records and options throw InputError with the field path", () => {
    expect(() => gcpInstanceType({ ...N2D_STANDARD_8, name: "" })).toThrow(expect.objectContaining({ code: "invalid-input", path: ["name"] }));
    expect(() => gcpInstanceType({ ...N2D_STANDARD_8, guestCpus: 0 })).toThrow(expect.objectContaining({ path: ["guestCpus"] }));
    expect(() => gcpInstanceType({ ...N2D_STANDARD_8, memoryMb: 1.5 })).toThrow(expect.objectContaining({ path: ["memoryMb"] }));
    expect(() => gcpInstanceType(N2D_STANDARD_8, { evictionHard: { "memory.available": "150%" } })).toThrow(
      expect.objectContaining({ path: ["evictionHard", "memory.available"] }),
    );
    expect(() => gcpInstanceType(N2D_STANDARD_8, { systemReserved: { cpu: "x" } })).toThrow(expect.objectContaining({ path: ["systemReserved", "cpu"] }));
  });
});

describe("offerings", () => {
  test("on demand and spot per offered zone, only where priced", () => {
    const it = gcpInstanceType(N2D_STANDARD_8, {
      zones: ["us-central1-a", "us-central1-b", "us-central1-c"],
      zonesByType: new Map([["n2d-standard-8", ["us-central1-a", "us-central1-c"]]]),
      onDemandPrices: PRICES,
      spotPrices: new Map([["n2d-standard-8", 0.07]]),
    });
    expect(it.offerings.map((o) => `${o.zone}/${o.capacityType}/${o.price}`)).toEqual([
      "us-central1-a/on-demand/0.337968",
      "us-central1-a/spot/0.07",
      "us-central1-c/on-demand/0.337968",
      "us-central1-c/spot/0.07",
    ]);
    expect(values(it, GCP_LABELS.zoneId)).toEqual(["us-central1-a", "us-central1-c"]);
  });

  test("default zones are the region's a, b, c and f; types without any offering are dropped from lists", () => {
    const it = gcpInstanceType(N2D_STANDARD_8, { onDemandPrices: PRICES });
    expect(values(it, GCP_LABELS.zone)).toEqual(["us-central1-a", "us-central1-b", "us-central1-c", "us-central1-f"]);
    expect(gcpInstanceTypes([N2D_STANDARD_8, A2_HIGHGPU_1G, T2A_STANDARD_4], { onDemandPrices: PRICES }).map((t) => t.name)).toEqual([
      "n2d-standard-8",
      "t2a-standard-4",
    ]);
    expect(values(gcpInstanceType(A2_HIGHGPU_1G), GCP_LABELS.zone)).toBe("DoesNotExist");
  });
});

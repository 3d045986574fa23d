import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { gcpMemoryCapacityBytes, gkeKubeReservedCpuMillis, gkeKubeReservedMemoryMiB } from "./formulas.js";
import { gcpInstanceType } from "./instance-type.js";
import { GCP_LABELS } from "./labels.js";
import type { GceMachineType } from "./types.js";

const machineType: fc.Arbitrary<GceMachineType> = fc
  .record({
    family: fc.constantFrom("e2", "n2", "n2d", "c3", "c3d", "t2a", "t2d", "n4"),
    shape: fc.constantFrom("standard", "highmem", "highcpu"),
    guestCpus: fc.integer({ min: 1, max: 416 }),
    gbPerVcpu: fc.constantFrom(1, 2, 4, 8),
  })
  .map(({ family, shape, guestCpus, gbPerVcpu }) => ({
    name: `${family}-${shape}-${guestCpus}`,
    guestCpus,
    memoryMb: guestCpus * gbPerVcpu * 1024,
    architecture: family === "t2a" ? "ARM64" : "X86_64",
  }));

const MIB = 2 ** 20;

describe("GCP instance types over random machine types", () => {
  test.prop([machineType])("allocatable is capacity less GKE's tiers, kube-proxy, evictions; labels echo the name", (record) => {
    const it = gcpInstanceType(Object.freeze(record), { onDemandPrices: new Map([[record.name, 1]]) });
    expect(it.allocatable.get("cpu")).toBe(record.guestCpus * 1000 - gkeKubeReservedCpuMillis(record.name, record.guestCpus * 1000) - 100);
    expect(it.allocatable.get("memory")).toBe(gcpMemoryCapacityBytes(record.memoryMb) - (gkeKubeReservedMemoryMiB(record.memoryMb) + 100) * MIB);
    const family = record.name.split("-")[0] ?? "";
    expect([...it.requirements.get(GCP_LABELS.family).values]).toEqual([family]);
    expect([...it.requirements.get(GCP_LABELS.generation).values]).toEqual([family.replace(/\D/g, "")]);
    expect([...it.requirements.get(GCP_LABELS.size).values]).toEqual([String(record.guestCpus)]);
    expect([...it.requirements.get(GCP_LABELS.arch).values]).toEqual([family === "t2a" ? "arm64" : "amd64"]);
    expect(it.offerings).toHaveLength(4);
  });
});

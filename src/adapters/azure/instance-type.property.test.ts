import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { azureKubeReservedCpuMillis, azureKubeReservedMemoryMiB, azureMemoryCapacityBytes } from "./formulas.js";
import { azureInstanceType } from "./instance-type.js";
import { AZURE_LABELS } from "./labels.js";
import type { AzureSkuInfo } from "./types.js";

const sku: fc.Arbitrary<AzureSkuInfo> = fc
  .record({
    vCPUs: fc.integer({ min: 2, max: 416 }),
    memoryGB: fc.integer({ min: 4, max: 12_000 }),
    architecture: fc.constantFrom("x64", "Arm64"),
    series: fc.constantFrom("s_v5", "as_v5", "ds_v5", "ps_v6", "_v3"),
    family: fc.constantFrom("D", "E", "F"),
    zones: fc.subarray(["1", "2", "3"]),
    premiumIO: fc.boolean(),
  })
  .map(({ series, family, vCPUs, ...rest }) => ({ ...rest, vCPUs, name: `Standard_${family}${vCPUs}${series}` }));

const MIB = 2 ** 20;

describe("Azure instance types over random SKUs", () => {
  test.prop([sku, fc.double({ min: 0.001, max: 50, noNaN: true })])(
    "allocatable is capacity less the tax-bracket reservations and 750Mi; labels echo the record",
    (record, price) => {
      const frozen = Object.freeze({ ...record, zones: Object.freeze([...(record.zones ?? [])]) });
      const it = azureInstanceType(frozen, { onDemandPrices: new Map([[record.name, price]]) });
      expect(it.allocatable.get("cpu")).toBe(record.vCPUs * 1000 - azureKubeReservedCpuMillis(record.vCPUs));
      expect(it.allocatable.get("memory")).toBe(azureMemoryCapacityBytes(record.memoryGB) - (azureKubeReservedMemoryMiB(record.memoryGB) + 750) * MIB);
      expect([...it.requirements.get(AZURE_LABELS.skuCpu).values]).toEqual([String(record.vCPUs)]);
      expect([...it.requirements.get(AZURE_LABELS.aksMemory).values]).toEqual([String(record.memoryGB * 1024)]);
      expect(it.offerings).toHaveLength(2 * ((record.zones ?? []).length + 1));
      expect(it.offerings.every((o) => o.price === price && o.available)).toBe(true);
    },
  );

  test.prop([sku])("building twice gives the same requirements and overhead", (record) => {
    const a = azureInstanceType(record);
    const b = azureInstanceType(record);
    expect(a.requirements.toString()).toBe(b.requirements.toString());
    expect(a.overhead).toEqual(b.overhead);
  });
});

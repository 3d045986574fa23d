import { describe, expect, test } from "vitest";
import { azureCatalogTables, defaultAzureCatalog } from "./catalog.js";
import { AZURE_CATALOG_SERIES } from "./catalog-data.js";
import { AZURE_LABELS } from "./labels.js";

describe("embedded Azure catalogue", () => {
  const types = defaultAzureCatalog();

  test("one type per series size, names unique, every size supported by the provider", () => {
    const expected = AZURE_CATALOG_SERIES.reduce((n, s) => n + s.sizes.length, 0);
    expect(types).toHaveLength(expected);
    expect(new Set(types.map((t) => t.name)).size).toBe(expected);
    expect(azureCatalogTables().skus).toHaveLength(expected);
  });

  test("memoised without options, rebuilt with options", () => {
    expect(defaultAzureCatalog()).toBe(types);
    const azl = defaultAzureCatalog({ imageFamily: "AzureLinux" });
    expect(azl).not.toBe(types);
    expect(azl[0]?.requirements.get(AZURE_LABELS.aksOsSku).has("AzureLinux")).toBe(true);
  });

  test.each([
    ["Standard_D2s_v5", 0.096, 2000, 8192],
    ["Standard_D2_v5", 0.096, 2000, 8192],
    ["Standard_D2as_v5", 0.086, 2000, 8192],
    ["Standard_D2ps_v5", 0.077, 2000, 8192],
    ["Standard_D64ps_v5", 2.464, 64000, 212992],
    ["Standard_F2s_v2", 0.0846, 2000, 4096],
    ["Standard_F72s_v2", 3.045, 72000, 147456],
    ["Standard_E2s_v5", 0.126, 2000, 16384],
    ["Standard_E96s_v5", 6.048, 96000, 688128],
  ])("%s costs %f on demand, %im CPU, %i MiB label", (name, price, cpu, mib) => {
    const it = types.find((t) => t.name === name);
    expect(it).toBeDefined();
    if (it === undefined) return;
    const onDemand = it.offerings.filter((o) => o.capacityType === "on-demand");
    expect(onDemand.every((o) => o.price === price && o.available)).toBe(true);
    expect(it.capacity.get("cpu")).toBe(cpu);
    expect([...it.requirements.get(AZURE_LABELS.skuMemory).values]).toEqual([String(mib)]);
  });

  test("spot is cheaper than on demand for every type and zone, and every type is zonal in eastus", () => {
    for (const it of types) {
      const od = it.offerings.find((o) => o.capacityType === "on-demand")?.price ?? 0;
      for (const o of it.offerings.filter((x) => x.capacityType === "spot")) expect(o.price).toBeLessThan(od);
      expect(it.requirements.get(AZURE_LABELS.zone).has("eastus-1")).toBe(true);
    }
  });

  test("Dps v5 is arm64 and Gen2 only; Dds v5 and Fs v2 carry their temp disk as the ephemeral OS size", () => {
    const dps = types.find((t) => t.name === "Standard_D4ps_v5");
    expect([...(dps?.requirements.get(AZURE_LABELS.arch).values ?? [])]).toEqual(["arm64"]);
    expect([...(dps?.requirements.get(AZURE_LABELS.hyperVGeneration).values ?? [])]).toEqual(["2"]);
    const dds = types.find((t) => t.name === "Standard_D2ds_v5");
    expect([...(dds?.requirements.get(AZURE_LABELS.ephemeralOsMaxSize).values ?? [])]).toEqual(["80"]);
    const f2 = types.find((t) => t.name === "Standard_F2s_v2");
    expect([...(f2?.requirements.get(AZURE_LABELS.ephemeralOsMaxSize).values ?? [])]).toEqual(["17"]);
  });
});

import { describe, expect, test } from "vitest";
import { defaultGcpCatalog, gcpCatalogTables } from "./catalog.js";
import { GCP_CATALOG_SERIES, GCP_CATALOG_SHARED_CORE } from "./catalog-data.js";
import { GCP_LABELS } from "./labels.js";

describe("embedded GCP catalogue", () => {
  const types = defaultGcpCatalog();

  test("one type per series shape size plus the shared-core E2 types, names unique", () => {
    const expected = GCP_CATALOG_SERIES.reduce((n, s) => n + s.shapes.reduce((m, sh) => m + sh.sizes.length, 0), 0) + GCP_CATALOG_SHARED_CORE.length;
    expect(types).toHaveLength(expected);
    expect(new Set(types.map((t) => t.name)).size).toBe(expected);
    expect(gcpCatalogTables().machineTypes).toHaveLength(expected);
  });

  test("memoised without options, rebuilt with options", () => {
    expect(defaultGcpCatalog()).toBe(types);
    const small = defaultGcpCatalog({ bootDiskSizeGiB: 50 });
    expect(small).not.toBe(types);
    expect(small[0]?.capacity.get("ephemeral-storage")).toBe(50 * 2 ** 30);
  });

  // Prices are vCPUs × vCPU price + GB × GB price of the series (hand-computed from the published resource prices).
  test.each([
    ["e2-standard-2", 0.067006, 1830],
    ["e2-highmem-2", 0.09039, 1830],
    ["e2-highcpu-2", 0.049468, 1830],
    ["e2-medium", 0.033503, 840],
    ["n2-standard-2", 0.097118, 1830],
    ["n2d-standard-2", 0.084492, 1830],
    ["c3-standard-4", 0.20872, 3820],
    ["t2d-standard-1", 0.042246, 840],
    ["t2a-standard-1", 0.0385, 840],
  ])("%s costs %f on demand, allocatable cpu %im", (name, price, cpu) => {
    const it = types.find((t) => t.name === name);
    expect(it).toBeDefined();
    if (it === undefined) return;
    expect(it.offerings.filter((o) => o.capacityType === "on-demand").every((o) => o.price === price)).toBe(true);
    expect(it.allocatable.get("cpu")).toBe(cpu);
  });

  test("spot is cheaper than on demand everywhere; T2A only in a, b and f", () => {
    for (const it of types) {
      const od = it.offerings.find((o) => o.capacityType === "on-demand")?.price ?? 0;
      for (const o of it.offerings.filter((x) => x.capacityType === "spot")) expect(o.price).toBeLessThan(od);
    }
    const t2a = types.find((t) => t.name === "t2a-standard-8");
    expect([...(t2a?.requirements.get(GCP_LABELS.zone).values ?? [])].sort()).toEqual(["us-central1-a", "us-central1-b", "us-central1-f"]);
    expect([...(t2a?.requirements.get(GCP_LABELS.arch).values ?? [])]).toEqual(["arm64"]);
  });
});

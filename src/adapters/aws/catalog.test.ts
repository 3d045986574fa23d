import { describe, expect, test } from "vitest";
import { formatAmount, subtractResources, addResources } from "nodefit";
import { awsCatalogTables, defaultAwsCatalog } from "./catalog.js";
import { AWS_CATALOG_FAMILIES } from "./catalog-data.js";

const REQUIRED = [
  "c5",
  "c5a",
  "c5d",
  "c5n",
  "c6a",
  "c6g",
  "c6gd",
  "c6gn",
  "c6i",
  "c6id",
  "c6in",
  "c7a",
  "c7g",
  "c7gd",
  "c7gn",
  "c7i",
  "m5",
  "m5a",
  "m5ad",
  "m5d",
  "m5dn",
  "m5n",
  "m5zn",
  "m6a",
  "m6g",
  "m6gd",
  "m6i",
  "m6id",
  "m6idn",
  "m6in",
  "m7a",
  "m7g",
  "m7gd",
  "m7i",
  "m7i-flex",
  "r5",
  "r5a",
  "r5ad",
  "r5b",
  "r5d",
  "r5dn",
  "r5n",
  "r6a",
  "r6g",
  "r6gd",
  "r6i",
  "r6id",
  "r6idn",
  "r6in",
  "r7a",
  "r7g",
  "r7gd",
  "r7i",
  "t3",
  "t3a",
  "t4g",
];

describe("embedded catalogue data", () => {
  test("every per-size column has one entry per size", () => {
    for (const f of AWS_CATALOG_FAMILIES) {
      const n = f.sizes.split(" ").length;
      const columns = { netMbps: f.netMbps, ebsMbps: f.ebsMbps, nvmeGB: f.nvmeGB, memGiB: f.memGiB, usd: f.usd };
      for (const [column, values] of Object.entries(columns)) {
        if (values !== undefined) expect(values.length, `${f.family}.${column}`).toBe(n);
      }
      expect(f.memGiB !== undefined || f.gibPerVcpu !== undefined, f.family).toBe(true);
      for (const key of [...Object.keys(f.eni ?? {}), ...Object.keys(f.branch ?? {}), ...Object.keys(f.efa ?? {}), ...Object.keys(f.ghzBySize ?? {})]) {
        expect(
          f.sizes.split(" ").map((s) => s.split(":")[0]),
          `${f.family} override ${key}`,
        ).toContain(key);
      }
    }
  });

  test("covers the families Karpenter users launch most", () => {
    const families = new Set(AWS_CATALOG_FAMILIES.map((f) => f.family));
    expect(REQUIRED.filter((f) => !families.has(f))).toEqual([]);
  });

  test("records are unique, priced, and consistent with their tables", () => {
    const tables = awsCatalogTables();
    const names = tables.records.map((r) => r.InstanceType);
    expect(new Set(names).size).toBe(names.length);
    for (const r of tables.records) {
      const name = r.InstanceType;
      expect(tables.onDemandPrices.get(name), name).toBeGreaterThan(0);
      expect(tables.networkBandwidthMbps.get(name), name).toBeGreaterThan(0);
      expect(r.VCpuInfo?.DefaultVCpus, name).toBeGreaterThan(0);
      expect(Number.isInteger(r.MemoryInfo?.SizeInMiB), name).toBe(true);
      expect(r.BareMetal, name).toBe(name.includes(".metal"));
      expect(r.Hypervisor === undefined, name).toBe(r.BareMetal);
    }
  });
});

describe("defaultAwsCatalog", () => {
  test("is built once without options and afresh with them", () => {
    const first = defaultAwsCatalog();
    expect(defaultAwsCatalog()).toBe(first);
    const bottlerocket = defaultAwsCatalog({ amiFamily: "Bottlerocket" });
    expect(bottlerocket).not.toBe(first);
    expect(bottlerocket.length).toBe(first.length);
  });

  test("m5.large is 1930m / 6903Mi / 29 pods / 17Gi at $0.096 in five us-east-1 zones", () => {
    const m5 = defaultAwsCatalog().find((t) => t.name === "m5.large");
    expect(m5 && Object.fromEntries(["cpu", "memory", "pods", "ephemeral-storage"].map((r) => [r, formatAmount(r, m5.allocatable.get(r) ?? 0)]))).toEqual({
      cpu: "1930m",
      memory: "6903Mi",
      pods: "29",
      "ephemeral-storage": "17Gi",
    });
    expect(m5?.offerings.filter((o) => o.capacityType === "on-demand").map((o) => [o.zone, o.price])).toEqual(
      ["a", "b", "c", "d", "f"].map((z) => [`us-east-1${z}`, 0.096]),
    );
  });

  test("every type's allocatable is capacity minus overhead and non-negative", () => {
    for (const it of defaultAwsCatalog()) {
      const overhead = addResources(addResources(it.overhead.kubeReserved, it.overhead.systemReserved), it.overhead.evictionThreshold);
      const expected = subtractResources(it.capacity, overhead);
      for (const [resource, amount] of it.capacity) {
        expect(it.allocatable.get(resource), `${it.name} ${resource}`).toBe(expected.get(resource));
        expect(amount).toBeGreaterThanOrEqual(0);
        expect(it.allocatable.get(resource) ?? 0, `${it.name} ${resource}`).toBeGreaterThanOrEqual(0);
      }
    }
  });

  test("options override the embedded tables: zones and prices", () => {
    const types = defaultAwsCatalog({ zones: ["us-east-1a"], onDemandPrices: new Map([["m5.large", 1]]) });
    const m5 = types.find((t) => t.name === "m5.large");
    expect(m5?.offerings.map((o) => [o.zone, o.capacityType, o.price])).toEqual([
      ["us-east-1a", "on-demand", 1],
      ["us-east-1a", "spot", 1],
    ]);
    expect(types.find((t) => t.name === "c5.large")?.offerings.some((o) => o.available)).toBe(false);
  });
});

/**
 * Bringing AWS's own data: a catalogue from `aws ec2 describe-instance-types` JSON built by the code that
 * builds the embedded one, spot prices from `aws ec2 describe-spot-price-history` JSON, and what they change
 * in a schedule. The fixtures are AWS CLI output written from the embedded catalogue's records (plus a GPU
 * type the embedded catalogue lacks and a paravirtual type Karpenter never asks for).
 */
import { readFileSync } from "node:fs";
import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { schedule, type InstanceType, type NodePool, type Pod } from "nodefit";
import {
  AWS_CAPACITY_TYPE_PRIORITY,
  AWS_CATALOG_ZONES,
  awsCatalogFromDescribe,
  embeddedAwsTables,
  defaultAwsCatalog,
  instanceTypeRecordsFromJson,
  onDemandPricesFromJson,
  spotPricesFromHistory,
} from "nodefit/aws";

const FIXTURES = new URL("./fixtures/", import.meta.url).pathname;
const readJson = (name: string): unknown => JSON.parse(readFileSync(`${FIXTURES}${name}`, "utf8")) as unknown;
const TYPES = readJson("describe-instance-types.json");
const SPOT = readJson("describe-spot-price-history.json");

function view(it: InstanceType): unknown {
  return {
    requirements: it.requirements.toString(),
    capacity: [...it.capacity],
    allocatable: [...it.allocatable],
    overhead: { kubeReserved: [...it.overhead.kubeReserved], systemReserved: [...it.overhead.systemReserved], eviction: [...it.overhead.evictionThreshold] },
    offerings: it.offerings.map((o) => `${o.zone} ${o.capacityType} ${o.price} ${o.available}`),
  };
}

const pool = (name: string, capacityTypes: readonly string[], extra: NodePool["spec"] = {}): NodePool => ({
  metadata: { name },
  spec: {
    ...extra,
    template: {
      spec: {
        requirements: [
          { key: "karpenter.sh/capacity-type", operator: "In", values: [...capacityTypes] },
          { key: "node.kubernetes.io/instance-type", operator: "In", values: ["m5.large", "m5.xlarge"] },
        ],
      },
    },
  },
});
const pod = (name: string, cpu: string): Pod => ({
  metadata: { name, namespace: "default" },
  spec: { containers: [{ name: "c", resources: { requests: { cpu } } }] },
});

describe("describe-instance-types", () => {
  test("a catalogue built from describe-instance-types JSON matches the embedded one for the same types", () => {
    const built = awsCatalogFromDescribe(TYPES);
    const embedded = new Map(defaultAwsCatalog().map((t) => [t.name, t]));
    const shared = built.filter((t) => embedded.has(t.name));
    expect(shared.map((t) => t.name)).toEqual(["m5.large", "m5.xlarge", "m5d.large", "m6g.large", "c7i.2xlarge", "r6i.large", "t3.medium", "m5.metal"]);
    for (const t of shared) expect(view(t), t.name).toEqual(view(embedded.get(t.name) as InstanceType));
  });

  test("every embedded type survives the round trip through describe-instance-types JSON", () => {
    const json = JSON.parse(JSON.stringify({ InstanceTypes: embeddedAwsTables().records })) as unknown;
    const built = awsCatalogFromDescribe(json, { zones: AWS_CATALOG_ZONES });
    expect(built.map(view)).toEqual(defaultAwsCatalog().map(view));
  });

  test("brings a type the embedded catalogue lacks (a GPU family) and drops what Karpenter never asks for", () => {
    const built = awsCatalogFromDescribe(TYPES, { onDemandPrices: onDemandPricesFromJson({ "g5.xlarge": 1.006 }) });
    expect(built.map((t) => t.name)).not.toContain("t1.micro");
    const g5 = built.find((t) => t.name === "g5.xlarge") as InstanceType;
    expect(g5.requirements.get("karpenter.k8s.aws/instance-gpu-name").values).toEqual(new Set(["a10g"]));
    expect(g5.requirements.get("karpenter.k8s.aws/instance-gpu-memory").values).toEqual(new Set(["22888"]));
    expect(g5.allocatable.get("nvidia.com/gpu")).toBe(1);
    // 4 vCPUs: 4000 − 80m kube-reserved; 4 ENIs × 15 addresses: 58 pods; memory 16384 MiB − 7.5 % VM overhead
    // (1229) − (11 × 58 + 255) − 100 = 14162Mi, the figures Karpenter's instance-type reference lists for g5.xlarge.
    expect(g5.allocatable.get("cpu")).toBe(3920);
    expect(g5.allocatable.get("pods")).toBe(58);
    expect(g5.allocatable.get("memory")).toBe(14162 * 2 ** 20);
    expect(g5.offerings.filter((o) => o.available).map((o) => `${o.zone}/${o.capacityType}/${o.price}`)).toContain("us-east-1a/on-demand/1.006");
  });

  test("a type without a known price has no available offering", () => {
    const g5 = awsCatalogFromDescribe(TYPES).find((t) => t.name === "g5.xlarge") as InstanceType;
    expect(g5.offerings.length).toBeGreaterThan(0);
    expect(g5.offerings.some((o) => o.available)).toBe(false);
  });

  test("zones and region follow the spot-price file when no zones are given", () => {
    const eu = {
      SpotPriceHistory: [
        { AvailabilityZone: "eu-west-1b", InstanceType: "m5.large", ProductDescription: "Linux/UNIX", SpotPrice: "0.04", Timestamp: "2026-11-30T10:00:00Z" },
      ],
    };
    const m5 = awsCatalogFromDescribe(TYPES, { spotPrices: spotPricesFromHistory(eu) }).find((t) => t.name === "m5.large") as InstanceType;
    expect(m5.requirements.get("topology.kubernetes.io/region").values).toEqual(new Set(["eu-west-1"]));
    expect(m5.offerings.map((o) => `${o.zone} ${o.capacityType} ${o.available}`)).toEqual(["eu-west-1b on-demand true", "eu-west-1b spot true"]);
  });

  test.each([
    [{ Instances: [] }, /types\.json: expected the JSON the AWS CLI prints: an object with a "InstanceTypes" list/],
    [{ InstanceTypes: [{ VCpuInfo: { DefaultVCpus: 2 } }] }, /types\.json: InstanceTypes\[0\]\.InstanceType: is required/],
    [
      { InstanceTypes: [{ InstanceType: "x.large", VCpuInfo: { DefaultVCpus: "2" }, MemoryInfo: { SizeInMiB: 1 } }] },
      /InstanceTypes\[0\]\.VCpuInfo\.DefaultVCpus: expected a number, got "2"/,
    ],
    [{ InstanceTypes: [{ InstanceType: "x.large", VCpuInfo: { DefaultVCpus: 2 } }] }, /InstanceTypes\[0\]\.MemoryInfo\.SizeInMiB: is required/],
    [
      { InstanceTypes: [{ InstanceType: "x.large", VCpuInfo: { DefaultVCpus: 2 }, MemoryInfo: { SizeInMiB: 8 }, GpuInfo: { Gpus: [{ Count: "one" }] } }] },
      /InstanceTypes\[0\]\.GpuInfo\.Gpus\[0\]\.Count: expected a number/,
    ],
  ])("bad input names the file and field: %j", (json, message) => {
    expect(() => instanceTypeRecordsFromJson(json, { source: "types.json" })).toThrow(message);
    try {
      instanceTypeRecordsFromJson(json, { source: "types.json" });
    } catch (error) {
      expect((error as { code?: string }).code).toBe("invalid-input");
    }
  });

  test("a type listed twice is refused", () => {
    const record = { InstanceType: "x.large", VCpuInfo: { DefaultVCpus: 2 }, MemoryInfo: { SizeInMiB: 8 } };
    expect(() => instanceTypeRecordsFromJson({ InstanceTypes: [record, record] })).toThrow(
      /InstanceTypes\[1\]\.InstanceType: instance type "x.large" is listed twice/,
    );
  });
});

describe("describe-spot-price-history", () => {
  test("the latest Linux price per type and zone; Windows and SUSE records are ignored", () => {
    const spot = spotPricesFromHistory(SPOT);
    expect(spot.get("m5.large")).toEqual(
      new Map([
        ["us-east-1a", 0.0351],
        ["us-east-1b", 0.0328],
        ["us-east-1c", 0.0374],
      ]),
    );
    expect(spot.get("g5.xlarge")).toEqual(new Map([["us-east-1a", 0.4038]]));
    expect([...spot.keys()]).toEqual(["c7i.2xlarge", "g5.xlarge", "m5.large", "m5.xlarge", "m6g.large"]);
  });

  test("record order does not matter: the newest timestamp wins", () => {
    const history = (SPOT as { SpotPriceHistory: unknown[] }).SpotPriceHistory;
    expect(spotPricesFromHistory({ SpotPriceHistory: [...history].reverse() })).toEqual(spotPricesFromHistory(SPOT));
  });

  // Records of three types in three zones with distinct times, in any order: the same table.
  const arbRecords = fc.uniqueArray(
    fc.record({
      type: fc.constantFrom("m5.large", "c5.large", "r5.large"),
      zone: fc.constantFrom("us-east-1a", "us-east-1b", "us-east-1c"),
      minute: fc.integer({ min: 0, max: 59 }),
      cents: fc.integer({ min: 1, max: 999 }),
    }),
    { minLength: 1, maxLength: 20, selector: (r) => `${r.type} ${r.zone} ${r.minute}` },
  );
  prop.prop([arbRecords, fc.func(fc.integer())], { numRuns: 60 })(
    "the table does not depend on record order, and holds each type and zone's newest price",
    (records, key) => {
      const history = records.map((r) => ({
        AvailabilityZone: r.zone,
        InstanceType: r.type,
        ProductDescription: "Linux/UNIX",
        SpotPrice: (r.cents / 1000).toFixed(6),
        Timestamp: `2026-11-30T10:${String(r.minute).padStart(2, "0")}:00+00:00`,
      }));
      const shuffled = [...history]
        .map((h, i) => ({ h, k: key(i) }))
        .sort((a, b) => a.k - b.k)
        .map((x) => x.h);
      const table = spotPricesFromHistory({ SpotPriceHistory: history });
      expect(spotPricesFromHistory({ SpotPriceHistory: shuffled })).toEqual(table);
      for (const r of records) {
        const newest = records.filter((o) => o.type === r.type && o.zone === r.zone).reduce((a, b) => (b.minute > a.minute ? b : a));
        expect(table.get(r.type)?.get(r.zone)).toBe(Number((newest.cents / 1000).toFixed(6)));
      }
    },
  );

  test("spot prices loaded from a file change the claim's price and capacity type", () => {
    const pods = [pod("a", "1500m")];
    // Until spot prices are known spot costs what on-demand costs; the neutral choice takes on-demand on the tie.
    const before = schedule({ pods, nodePools: [pool("default", ["spot", "on-demand"])], instanceTypes: defaultAwsCatalog() });
    expect(before.nodeClaims.map((c) => [c.instanceType, c.capacityType, c.price])).toEqual([["m5.large", "on-demand", 0.096]]);
    const spot = spotPricesFromHistory(SPOT);
    const after = schedule({ pods, nodePools: [pool("default", ["spot", "on-demand"])], instanceTypes: defaultAwsCatalog({ spotPrices: spot }) });
    expect(after.nodeClaims.map((c) => [c.instanceType, c.zone, c.capacityType, c.price])).toEqual([["m5.large", "us-east-1b", "spot", 0.0328]]);
    // Zones without a spot price have no available spot offering (us-east-1d, f).
    const m5 = defaultAwsCatalog({ spotPrices: spot }).find((t) => t.name === "m5.large") as InstanceType;
    expect(m5.offerings.filter((o) => o.capacityType === "spot" && o.available).map((o) => o.zone)).toEqual(["us-east-1a", "us-east-1b", "us-east-1c"]);
  });

  test("with the AWS launch order the same NodePool gets spot even before prices are known", () => {
    const result = schedule(
      { pods: [pod("a", "1500m")], nodePools: [pool("default", ["spot", "on-demand"])], instanceTypes: defaultAwsCatalog() },
      { capacityTypePriority: AWS_CAPACITY_TYPE_PRIORITY },
    );
    expect(result.nodeClaims.map((c) => [c.instanceType, c.zone, c.capacityType, c.price])).toEqual([["m5.large", "us-east-1a", "spot", 0.096]]);
  });

  test.each([
    [
      { SpotPriceHistory: [{ AvailabilityZone: "us-east-1a", InstanceType: "m5.large", ProductDescription: "Linux/UNIX", Timestamp: "2026-11-30T10:00:00Z" }] },
      /spot\.json: SpotPriceHistory\[0\]\.SpotPrice: is required/,
    ],
    [
      {
        SpotPriceHistory: [
          { AvailabilityZone: "us-east-1a", InstanceType: "m5.large", ProductDescription: "Linux/UNIX", SpotPrice: "cheap", Timestamp: "2026-11-30T10:00:00Z" },
        ],
      },
      /SpotPriceHistory\[0\]\.SpotPrice: expected a decimal price/,
    ],
    [
      {
        SpotPriceHistory: [
          { AvailabilityZone: "us-east-1a", InstanceType: "m5.large", ProductDescription: "Linux/UNIX", SpotPrice: "0.1", Timestamp: "yesterday" },
        ],
      },
      /SpotPriceHistory\[0\]\.Timestamp: expected an RFC 3339 time/,
    ],
    [{ SpotPriceHistory: [{ AvailabilityZone: 1, InstanceType: "m5.large" }] }, /SpotPriceHistory\[0\]\.AvailabilityZone: expected a string, got 1/],
    [
      {
        SpotPriceHistory: [
          { AvailabilityZone: "us-east-1a", InstanceType: "m5.large", ProductDescription: "Windows", SpotPrice: "0.1", Timestamp: "2026-11-30T10:00:00Z" },
        ],
      },
      /SpotPriceHistory: holds no Linux\/UNIX or Linux\/UNIX \(Amazon VPC\) price/,
    ],
    [[], /spot\.json: expected the JSON the AWS CLI prints: an object with a "SpotPriceHistory" list/],
  ])("bad input names the file and field: %j", (json, message) => {
    expect(() => spotPricesFromHistory(json, { source: "spot.json" })).toThrow(message);
  });

  test("on-demand price files: a price that is not a non-negative number is refused by type name", () => {
    expect(() => onDemandPricesFromJson({ "m5.large": "0.096" }, { source: "od.json" })).toThrow(/od\.json: m5\.large: expected a price per hour/);
    expect(() => onDemandPricesFromJson([1])).toThrow(/expected an object of instance type to hourly price/);
  });
});

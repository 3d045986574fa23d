/**
 * Expands the embedded family table into `DescribeInstanceTypes`-shaped records plus the price,
 * bandwidth and VPC-limit tables, and builds the default catalogue from them.
 */
import type { InstanceType } from "nodefit";
import { AWS_CATALOG_FAMILIES, AWS_CATALOG_REGION, AWS_CATALOG_ZONES, type AwsCatalogFamily } from "./catalog-data.js";
import { awsInstanceTypes } from "./instance-type.js";
import type { AwsInstanceTypeOptions } from "./options.js";
import type { AwsVpcLimits, InstanceTypeInfo } from "./types.js";

/**
 * The embedded catalogue as records and the static tables Karpenter keeps beside them.
 *
 * @category Catalogue
 */
export interface AwsCatalogTables {
  readonly records: readonly InstanceTypeInfo[];
  readonly onDemandPrices: ReadonlyMap<string, number>;
  readonly networkBandwidthMbps: ReadonlyMap<string, number>;
  readonly vpcLimits: ReadonlyMap<string, AwsVpcLimits>;
  readonly zonesByType: ReadonlyMap<string, readonly string[]>;
}

type Eni = readonly [enis: number, ipv4: number];

// ENIs and IPv4 addresses per ENI by size, as the Nitro families of generation 5 on share them.
const STANDARD_ENI: ReadonlyMap<string, Eni> = new Map<string, Eni>([
  ["medium", [2, 4]],
  ["large", [3, 10]],
  ["xlarge", [4, 15]],
  ["2xlarge", [4, 15]],
  ["3xlarge", [8, 30]],
  ["4xlarge", [8, 30]],
  ["6xlarge", [8, 30]],
  ["8xlarge", [8, 30]],
  ["9xlarge", [8, 30]],
  ["12xlarge", [8, 30]],
  ["16xlarge", [15, 50]],
  ["18xlarge", [15, 50]],
  ["24xlarge", [15, 50]],
  ["32xlarge", [15, 50]],
  ["48xlarge", [15, 50]],
]);
const BURSTABLE_ENI: ReadonlyMap<string, Eni> = new Map<string, Eni>([
  ["nano", [2, 2]],
  ["micro", [2, 2]],
  ["small", [3, 4]],
  ["medium", [3, 6]],
  ["large", [3, 12]],
  ["xlarge", [4, 15]],
  ["2xlarge", [4, 15]],
]);
const METAL_ENI: Eni = [15, 50];
const BRANCH: ReadonlyMap<string, number> = new Map([
  ["medium", 4],
  ["large", 9],
  ["xlarge", 18],
  ["2xlarge", 38],
  ["3xlarge", 54],
  ["4xlarge", 54],
  ["6xlarge", 54],
  ["8xlarge", 54],
  ["9xlarge", 54],
  ["12xlarge", 54],
  ["16xlarge", 107],
  ["18xlarge", 107],
  ["24xlarge", 107],
  ["32xlarge", 107],
  ["48xlarge", 107],
]);
const METAL_BRANCH = 107;
// EFA comes with the largest size of these families and with their metal sizes.
const EFA_FAMILIES: ReadonlySet<string> = new Set([
  "c5n",
  "m5n",
  "m5dn",
  "r5n",
  "r5dn",
  "m5zn",
  "c6gn",
  "m6i",
  "m6id",
  "m6in",
  "m6idn",
  "c6i",
  "c6id",
  "c6in",
  "r6i",
  "r6id",
  "r6in",
  "r6idn",
  "m6a",
  "c6a",
  "r6a",
  "m7g",
  "m7gd",
  "c7g",
  "c7gd",
  "c7gn",
  "r7g",
  "r7gd",
  "m7i",
  "c7i",
  "r7i",
  "m7a",
  "c7a",
  "r7a",
  "m8g",
  "c8g",
  "r8g",
]);

/** vCPUs of a size: `Nxlarge` is 4N, `metal-24xl` is 96, `metal:64` says it outright. */
function vcpusOf(size: string, burstable: boolean): number {
  if (burstable) return size === "xlarge" ? 4 : size === "2xlarge" ? 8 : 2;
  const explicit = /^metal(?::(\d+)|-(\d+)xl)$/.exec(size);
  if (explicit !== null) return Number(explicit[1] ?? 0) || Number(explicit[2] ?? 0) * 4;
  if (size === "medium") return 1;
  if (size === "large") return 2;
  const xl = /^(\d*)xlarge$/.exec(size);
  if (xl === null) throw new Error(`unknown size ${size}`);
  return 4 * (xl[1] === "" ? 1 : Number(xl[1]));
}

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * The embedded catalogue expanded into records and tables (built on every call; see {@link defaultAwsCatalog}
 * for the memoised instance types).
 *
 * @returns records, on-demand prices, bandwidths, VPC limits and zones
 * @example awsCatalogTables().records.length // one record per embedded type
 *
 * @category Catalogue
 */
export function awsCatalogTables(): AwsCatalogTables {
  const records: InstanceTypeInfo[] = [];
  const onDemandPrices = new Map<string, number>();
  const networkBandwidthMbps = new Map<string, number>();
  const vpcLimits = new Map<string, AwsVpcLimits>();
  const zonesByType = new Map<string, readonly string[]>();
  for (const family of AWS_CATALOG_FAMILIES) {
    const sizes = family.sizes.split(" ");
    const largest = sizes.filter((s) => !s.startsWith("metal")).at(-1);
    sizes.forEach((spec, i) => {
      const size = spec.split(":")[0] ?? spec;
      const name = `${family.family}.${size}`;
      const metal = size.startsWith("metal");
      const vcpus = vcpusOf(spec, family.burstable === true);
      const efa = family.efa?.[size] ?? (EFA_FAMILIES.has(family.family) && (metal || spec === largest) ? 1 : 0);
      records.push(record(family, name, i, vcpus, metal, efa, size));
      onDemandPrices.set(name, family.usd?.[i] ?? round6((family.usdPer2Vcpu * vcpus) / 2));
      const net = family.netMbps[i];
      if (net !== undefined) networkBandwidthMbps.set(name, net);
      vpcLimits.set(name, limits(family, size, metal));
      zonesByType.set(name, AWS_CATALOG_ZONES);
    });
  }
  return { records, onDemandPrices, networkBandwidthMbps, vpcLimits, zonesByType };
}

function eniOf(family: AwsCatalogFamily, size: string, metal: boolean): readonly [number, number, number] {
  const override = family.eni?.[size];
  if (override !== undefined) return [override[0], override[1], override[2] ?? 1];
  const ladder = family.burstable === true ? BURSTABLE_ENI : STANDARD_ENI;
  const [enis, ipv4] = metal ? METAL_ENI : (ladder.get(size) ?? METAL_ENI);
  return [enis, ipv4, 1];
}

function limits(family: AwsCatalogFamily, size: string, metal: boolean): AwsVpcLimits {
  const [enis, ipv4, cards] = eniOf(family, size, metal);
  const branch = family.branch?.[size] ?? (family.burstable === true ? 0 : metal ? METAL_BRANCH : (BRANCH.get(size) ?? 0));
  return {
    interface: enis * cards,
    ipv4PerInterface: ipv4,
    isTrunkingCompatible: branch > 0,
    branchInterface: branch,
    defaultNetworkCardIndex: 0,
    networkCards: Array.from({ length: cards }, (_, c) => ({ maximumNetworkInterfaces: enis, networkCardIndex: c })),
    hypervisor: metal ? "" : "nitro",
    isBareMetal: metal,
  };
}

function record(family: AwsCatalogFamily, name: string, i: number, vcpus: number, metal: boolean, efa: number, size: string): InstanceTypeInfo {
  const [enis, ipv4, cards] = eniOf(family, size, metal);
  const memGiB = family.memGiB?.[i] ?? vcpus * (family.gibPerVcpu ?? 0);
  const nvme = family.nvmeGB?.[i];
  const ebs = family.ebsMbps[i];
  return {
    InstanceType: name,
    SupportedUsageClasses: ["on-demand", "spot"],
    ...(metal ? {} : { Hypervisor: "nitro" }),
    BareMetal: metal,
    ProcessorInfo: { SupportedArchitectures: [family.arch], Manufacturer: family.cpu, SustainedClockSpeedInGhz: family.ghzBySize?.[size] ?? family.ghz },
    VCpuInfo: { DefaultVCpus: vcpus },
    MemoryInfo: { SizeInMiB: memGiB * 1024 },
    NetworkInfo: {
      DefaultNetworkCardIndex: 0,
      NetworkCards: Array.from({ length: cards }, (_, c) => ({ NetworkCardIndex: c, MaximumNetworkInterfaces: enis })),
      MaximumNetworkInterfaces: enis * cards,
      Ipv4AddressesPerInterface: ipv4,
      EncryptionInTransitSupported: family.encryptionInTransit,
      ...(efa > 0 ? { EfaInfo: { MaximumEfaInterfaces: efa } } : {}),
    },
    ...(nvme === undefined ? {} : { InstanceStorageInfo: { TotalSizeInGB: nvme, NvmeSupport: "required" } }),
    ...(ebs === undefined ? {} : { EbsInfo: { EbsOptimizedSupport: "default", EbsOptimizedInfo: { MaximumBandwidthInMbps: ebs } } }),
  };
}

let memoTables: AwsCatalogTables | undefined;
let memoDefault: readonly InstanceType[] | undefined;

/**
 * The embedded catalogue's records and tables, built once and shared (treat as read-only).
 *
 * @returns the same object on every call
 * @example embeddedAwsTables().onDemandPrices.get("m5.large") // 0.096
 *
 * @category Catalogue
 */
export function embeddedAwsTables(): AwsCatalogTables {
  memoTables ??= awsCatalogTables();
  return memoTables;
}

/**
 * The embedded default catalogue (m, c, r and t families, generation 5 on, us-east-1 on-demand prices) as
 * nodefit instance types. The catalogue's own prices, bandwidths, ENI limits and zones fill whatever the
 * options leave out. Without options the result is built once and shared.
 *
 * @param options - EC2NodeClass settings and overrides, as for `awsInstanceTypes`
 * @returns the instance types, in family then size order
 * @example
 * ```ts
 * const types = defaultAwsCatalog({ amiFamily: "Bottlerocket" });
 * types.find((t) => t.name === "m5.large")?.allocatable.get("pods"); // 29
 * ```
 *
 * @category Catalogue
 */
export function defaultAwsCatalog(options?: AwsInstanceTypeOptions): readonly InstanceType[] {
  const build = (): readonly InstanceType[] => awsInstanceTypes(embeddedAwsTables().records, embeddedCatalogOptions(options ?? {}));
  if (options !== undefined) return build();
  memoDefault ??= build();
  return memoDefault;
}

/**
 * The options the embedded catalogue is built with: the caller's, then the embedded tables (region, zones,
 * prices, bandwidths, ENI limits) for whatever they leave out.
 *
 * @param options - the caller's options
 * @returns complete options for `awsInstanceTypes(embeddedAwsTables().records, ...)`
 *
 * @category Catalogue
 */
export function embeddedCatalogOptions(options: AwsInstanceTypeOptions): AwsInstanceTypeOptions {
  const tables = embeddedAwsTables();
  return {
    ...options,
    region: options.region ?? AWS_CATALOG_REGION,
    zonesByType: options.zonesByType ?? tables.zonesByType,
    onDemandPrices: options.onDemandPrices ?? tables.onDemandPrices,
    networkBandwidthMbps: options.networkBandwidthMbps ?? tables.networkBandwidthMbps,
    vpcLimits: options.vpcLimits ?? tables.vpcLimits,
  };
}

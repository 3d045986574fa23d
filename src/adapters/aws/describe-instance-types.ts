/**
 * A catalogue from the JSON `aws ec2 describe-instance-types` prints, built by the same code as the embedded
 * one, so a user can bring any region, GPU family or new generation.
 */
import type { InstanceType } from "nodefit";
import { embeddedAwsTables } from "./catalog.js";
import { AWS_CATALOG_REGION, AWS_CATALOG_ZONES } from "./catalog-data.js";
import { awsInstanceTypes } from "./instance-type.js";
import { checkJsonShape, jsonInputError, topLevelList, type JsonShape } from "./json-input.js";
import type { AwsInstanceTypeOptions } from "./options.js";
import type { InstanceTypeInfo } from "./types.js";

const obj = (entries: readonly (readonly [string, JsonShape])[]): JsonShape => ({ object: new Map(entries) });
const list = (shape: JsonShape): JsonShape => ({ array: shape });

// The fields the adapter reads, with the AWS CLI's names; every other field is ignored.
const RECORD: JsonShape = obj([
  ["InstanceType", "string"],
  ["SupportedUsageClasses", list("string")],
  ["SupportedVirtualizationTypes", list("string")],
  ["Hypervisor", "string"],
  ["BareMetal", "boolean"],
  ["NitroEnclavesSupport", "string"],
  [
    "ProcessorInfo",
    obj([
      ["SupportedArchitectures", list("string")],
      ["Manufacturer", "string"],
      ["SustainedClockSpeedInGhz", "number"],
    ]),
  ],
  ["VCpuInfo", obj([["DefaultVCpus", "number"]])],
  ["MemoryInfo", obj([["SizeInMiB", "number"]])],
  [
    "NetworkInfo",
    obj([
      ["DefaultNetworkCardIndex", "number"],
      [
        "NetworkCards",
        list(
          obj([
            ["NetworkCardIndex", "number"],
            ["MaximumNetworkInterfaces", "number"],
          ]),
        ),
      ],
      ["MaximumNetworkInterfaces", "number"],
      ["Ipv4AddressesPerInterface", "number"],
      ["EncryptionInTransitSupported", "boolean"],
      ["EfaInfo", obj([["MaximumEfaInterfaces", "number"]])],
    ]),
  ],
  [
    "InstanceStorageInfo",
    obj([
      ["TotalSizeInGB", "number"],
      ["NvmeSupport", "string"],
    ]),
  ],
  [
    "GpuInfo",
    obj([
      [
        "Gpus",
        list(
          obj([
            ["Name", "string"],
            ["Manufacturer", "string"],
            ["Count", "number"],
            ["MemoryInfo", obj([["SizeInMiB", "number"]])],
          ]),
        ),
      ],
    ]),
  ],
  [
    "InferenceAcceleratorInfo",
    obj([
      [
        "Accelerators",
        list(
          obj([
            ["Name", "string"],
            ["Manufacturer", "string"],
            ["Count", "number"],
          ]),
        ),
      ],
    ]),
  ],
  [
    "NeuronInfo",
    obj([
      [
        "NeuronDevices",
        list(
          obj([
            ["Name", "string"],
            ["Count", "number"],
            ["CoreInfo", obj([["Count", "number"]])],
          ]),
        ),
      ],
    ]),
  ],
  [
    "EbsInfo",
    obj([
      ["EbsOptimizedSupport", "string"],
      ["EbsOptimizedInfo", obj([["MaximumBandwidthInMbps", "number"]])],
    ]),
  ],
]);

/**
 * Options of {@link instanceTypeRecordsFromJson}.
 *
 * @category Catalogue
 */
export interface DescribeInstanceTypesOptions {
  /** The file the JSON came from, named in error messages. */
  readonly source?: string | undefined;
}

function positiveInteger(
  record: Readonly<Record<string, unknown>>,
  outer: string,
  inner: string,
  path: readonly (string | number)[],
  source: string | undefined,
): void {
  const value = (record[outer] as Readonly<Record<string, unknown>> | undefined)?.[inner];
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
    throw jsonInputError(
      source,
      [...path, outer, inner],
      value === undefined ? "is required" : `expected a positive whole number, got ${JSON.stringify(value)}`,
    );
  }
}

/**
 * The records of a `describe-instance-types` document, checked. As Karpenter asks EC2 for HVM types only,
 * records whose `SupportedVirtualizationTypes` lack `hvm` are dropped (types that do not list it are kept);
 * types of other architectures are dropped later, by `awsInstanceTypes`.
 *
 * @param json - the parsed output of `aws ec2 describe-instance-types --output json` (or the SDK's
 *   `DescribeInstanceTypesCommand` output): an object with an `InstanceTypes` list
 * @param options - the file name for error messages
 * @returns the records, in document order
 * @throws InputError naming the file and field of a bad record (a missing name, vCPU count or memory size, a
 *   field of the wrong type, a type listed twice)
 * @example
 * ```ts
 * const records = instanceTypeRecordsFromJson(JSON.parse(readFileSync("types.json", "utf8")), { source: "types.json" });
 * ```
 *
 * @category Catalogue
 */
export function instanceTypeRecordsFromJson(json: unknown, options: DescribeInstanceTypesOptions = {}): readonly InstanceTypeInfo[] {
  const source = options.source;
  const entries = topLevelList(json, "InstanceTypes", source);
  const seen = new Set<string>();
  const out: InstanceTypeInfo[] = [];
  entries.forEach((entry: unknown, i: number) => {
    const path = ["InstanceTypes", i];
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) throw jsonInputError(source, path, "expected an instance type object");
    checkJsonShape(entry, RECORD, path, source);
    const record = entry as Readonly<Record<string, unknown>>;
    const name = record["InstanceType"];
    if (typeof name !== "string" || name === "") throw jsonInputError(source, [...path, "InstanceType"], "is required");
    if (seen.has(name)) throw jsonInputError(source, [...path, "InstanceType"], `instance type "${name}" is listed twice`);
    seen.add(name);
    positiveInteger(record, "VCpuInfo", "DefaultVCpus", path, source);
    positiveInteger(record, "MemoryInfo", "SizeInMiB", path, source);
    const virtualization = record["SupportedVirtualizationTypes"];
    if (Array.isArray(virtualization) && !virtualization.includes("hvm")) return;
    out.push(record as unknown as InstanceTypeInfo);
  });
  return out;
}

/**
 * A catalogue from `describe-instance-types` output, by the code that builds the embedded catalogue. What
 * that output lacks comes from the embedded tables where they know the type: on-demand prices (us-east-1),
 * network bandwidth labels and branch-ENI limits; a type they do not know has no bandwidth label, no
 * `vpc.amazonaws.com/pod-eni`, and no price (so no available offering) unless `onDemandPrices` or
 * `spotPrices` give one. Offerings go to `zones`, else the zones of `spotPrices`, else the embedded
 * catalogue's zones.
 *
 * @param json - the parsed output of `aws ec2 describe-instance-types --output json`
 * @param options - EC2NodeClass settings and prices, as for `awsInstanceTypes`; `source` names the file
 * @returns the instance types, in document order
 * @throws InputError naming the file and field of bad input
 * @example
 * ```ts
 * const spot = spotPricesFromHistory(JSON.parse(readFileSync("spot.json", "utf8")));
 * const types = awsCatalogFromDescribe(JSON.parse(readFileSync("types.json", "utf8")), { spotPrices: spot });
 * schedule({ pods, nodePools, instanceTypes: types }, { capacityTypePriority: AWS_CAPACITY_TYPE_PRIORITY });
 * ```
 *
 * @category Catalogue
 */
export function awsCatalogFromDescribe(json: unknown, options: AwsInstanceTypeOptions & DescribeInstanceTypesOptions = {}): readonly InstanceType[] {
  const records = instanceTypeRecordsFromJson(json, options);
  return awsInstanceTypes(records, describeOptions(options));
}

/**
 * The options a `describe-instance-types` catalogue is built with: the caller's, then the embedded tables for
 * whatever they leave out, and the zones rule of {@link awsCatalogFromDescribe}.
 *
 * @param options - the caller's options
 * @returns complete options
 *
 * @category Catalogue
 */
export function describeOptions(options: AwsInstanceTypeOptions): AwsInstanceTypeOptions {
  const tables = embeddedAwsTables();
  const spotZones = options.spotPrices === undefined ? [] : [...new Set([...options.spotPrices.values()].flatMap((z) => [...z.keys()]))];
  const zones = options.zones ?? (options.zonesByType === undefined ? (spotZones.length > 0 ? spotZones : AWS_CATALOG_ZONES) : undefined);
  return {
    ...options,
    region: options.region ?? regionOfZones(zones ?? []) ?? AWS_CATALOG_REGION,
    ...(zones === undefined ? {} : { zones }),
    onDemandPrices: options.onDemandPrices ?? tables.onDemandPrices,
    networkBandwidthMbps: options.networkBandwidthMbps ?? tables.networkBandwidthMbps,
    vpcLimits: options.vpcLimits ?? tables.vpcLimits,
  };
}

/**
 * The region of availability-zone names (`us-west-2a`, `us-west-2-lax-1a` → `us-west-2`), when they agree.
 *
 * @param zones - zone names
 * @returns the region, or undefined when there are none or they disagree
 * @example regionOfZones(["eu-west-1a", "eu-west-1b"]) // "eu-west-1"
 *
 * @category Catalogue
 */
export function regionOfZones(zones: readonly string[]): string | undefined {
  const regions = new Set(zones.map((z) => /^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+)/.exec(z)?.[1]));
  const [only] = regions;
  return regions.size === 1 ? only : undefined;
}

/**
 * Offerings of an EC2 instance type: every zone of the NodeClass × every capacity type the type supports,
 * priced from the on-demand and spot tables, available only where the type is offered and priced.
 */
import type { OfferingSpec } from "nodefit";
import type { AwsInstanceTypeOptions } from "./options.js";
import type { InstanceTypeInfo } from "./types.js";

const PURCHASE_OPTIONS: readonly string[] = ["on-demand", "spot"];

/**
 * The zones offerings are generated for: the NodeClass zones, else every zone some type is offered in,
 * else the region's `a`, `b` and `c` zones.
 *
 * @param options - zones, zonesByType and region
 * @returns zone names, sorted
 *
 * @category Offerings
 */
export function offeringZones(options: AwsInstanceTypeOptions): readonly string[] {
  if (options.zones !== undefined) return [...new Set(options.zones)].sort();
  if (options.zonesByType !== undefined) return [...new Set([...options.zonesByType.values()].flat())].sort();
  const region = options.region ?? "us-east-1";
  return [`${region}a`, `${region}b`, `${region}c`];
}

/**
 * The capacity types a type can be bought as: its `SupportedUsageClasses` among on-demand and spot
 * (both when the record does not say).
 *
 * @param info - the record
 * @returns `on-demand` and/or `spot`
 *
 * @category Offerings
 */
export function capacityTypesOf(info: InstanceTypeInfo): readonly string[] {
  const classes = info.SupportedUsageClasses;
  return classes === undefined ? PURCHASE_OPTIONS : PURCHASE_OPTIONS.filter((c) => classes.includes(c));
}

/**
 * Offerings of one type. Unavailable offerings are kept (with `available: false`) so callers can tell
 * "not offered here" from "unknown".
 *
 * @param info - the record
 * @param zones - the zones to generate offerings for (see {@link offeringZones})
 * @param options - prices and per-type zones
 * @returns offering specs, zone-major then on-demand before spot
 * @example awsOfferings(m5Large, ["us-east-1a"], { onDemandPrices: new Map([["m5.large", 0.096]]) })
 *
 * @category Offerings
 */
export function awsOfferings(info: InstanceTypeInfo, zones: readonly string[], options: AwsInstanceTypeOptions): readonly OfferingSpec[] {
  const name = info.InstanceType;
  const offeredIn = options.zonesByType?.get(name);
  const onDemand = options.onDemandPrices?.get(name);
  const spot = options.spotPrices === undefined ? undefined : (options.spotPrices.get(name) ?? new Map<string, number>());
  const types = capacityTypesOf(info);
  const out: OfferingSpec[] = [];
  for (const zone of zones) {
    const offered = offeredIn === undefined || offeredIn.includes(zone);
    for (const capacityType of types) {
      // Before spot prices are known Karpenter prices spot at the on-demand price in every zone.
      const price = capacityType === "on-demand" ? onDemand : spot === undefined ? onDemand : spot.get(zone);
      out.push({ zone, capacityType, price: price ?? 0, available: offered && price !== undefined });
    }
  }
  return out;
}

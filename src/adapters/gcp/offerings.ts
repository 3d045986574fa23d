/**
 * Offerings of a machine type (reference §2.2; the provider's `createOfferings`): for every zone the type is
 * offered in, an on-demand offering when it has an on-demand price and a spot offering when it has a spot
 * price. Spot is assumed available wherever the type is.
 */
import type { OfferingSpec } from "nodefit";
import type { GcpInstanceTypeOptions } from "./options.js";
import type { GceMachineType } from "./types.js";

/**
 * The zones offerings are generated for: the options' zones, else every zone of `zonesByType`, else the
 * region's `a`, `b`, `c` and `f` zones (us-central1's four).
 *
 * @param options - zones, zonesByType and region
 * @returns zone names, sorted
 *
 * @category Offerings
 */
export function gcpOfferingZones(options: GcpInstanceTypeOptions = {}): readonly string[] {
  if (options.zones !== undefined) return [...new Set(options.zones)].sort();
  if (options.zonesByType !== undefined) return [...new Set([...options.zonesByType.values()].flat())].sort();
  const region = options.region ?? "us-central1";
  return ["a", "b", "c", "f"].map((z) => `${region}-${z}`);
}

/**
 * Offerings of one machine type; unpriced capacity types and zones the type is not offered in have none.
 *
 * @param machineType - the record
 * @param zones - from {@link gcpOfferingZones}
 * @param options - prices and per-type zones
 * @returns offering specs, zone-major, on demand before spot
 * @example gcpOfferings(n2Standard2, ["us-central1-a"], { onDemandPrices: new Map([["n2-standard-2", 0.097118]]) })
 *
 * @category Offerings
 */
export function gcpOfferings(machineType: GceMachineType, zones: readonly string[], options: GcpInstanceTypeOptions): readonly OfferingSpec[] {
  const offeredIn = options.zonesByType?.get(machineType.name);
  const onDemand = options.onDemandPrices?.get(machineType.name);
  const spot = options.spotPrices?.get(machineType.name);
  const out: OfferingSpec[] = [];
  for (const zone of zones) {
    if (offeredIn !== undefined && !offeredIn.includes(zone)) continue;
    if (onDemand !== undefined) out.push({ zone, capacityType: "on-demand", price: onDemand });
    if (spot !== undefined) out.push({ zone, capacityType: "spot", price: spot });
  }
  return out;
}

/**
 * Prices: the cheapest and most expensive usable offering, ordering instance types by price, and the worst
 * price a launch could cost (used by consolidation to decide whether a replacement is cheaper).
 *
 * @module
 */
import type { Requirements } from "../requirements/index.js";
import { availableCompatibleOfferings } from "./compatibility.js";
import type { InstanceType } from "./instance-type.js";
import type { CapacityType, Offering } from "./offering.js";

/**
 * The cheapest available offering of an instance type compatible with the requirements. Ties keep the first in
 * catalogue order.
 *
 * @param type - the instance type
 * @param requirements - the node claim's requirements
 * @returns that offering, or undefined when none is available and compatible
 * @example
 * ```ts
 * cheapestOffering(type, Requirements.EMPTY)?.price;
 * ```
 * @category Instance types
 */
export function cheapestOffering(type: InstanceType, requirements: Requirements): Offering | undefined {
  let best: Offering | undefined;
  for (const o of availableCompatibleOfferings(type.offerings, requirements)) if (best === undefined || o.price < best.price) best = o;
  return best;
}

/**
 * The most expensive available offering of an instance type compatible with the requirements. Ties keep the
 * first in catalogue order.
 *
 * @param type - the instance type
 * @param requirements - the node claim's requirements
 * @returns that offering, or undefined when none is available and compatible
 * @category Instance types
 */
export function mostExpensiveOffering(type: InstanceType, requirements: Requirements): Offering | undefined {
  let worst: Offering | undefined;
  for (const o of availableCompatibleOfferings(type.offerings, requirements)) if (worst === undefined || o.price > worst.price) worst = o;
  return worst;
}

/**
 * The price an instance type would cost at its cheapest usable offering.
 *
 * @param type - the instance type
 * @param requirements - the node claim's requirements
 * @returns the cheapest available compatible price, or `Infinity` when there is none
 * @category Instance types
 */
export function launchPrice(type: InstanceType, requirements: Requirements): number {
  return cheapestOffering(type, requirements)?.price ?? Infinity;
}

/**
 * Orders instance types by their cheapest available compatible offering, ascending; types without one go last
 * (as `Infinity`); equal prices are ordered by name. Returns a new array.
 *
 * @param types - the instance types
 * @param requirements - the node claim's requirements
 * @returns the types, cheapest first
 * @example
 * ```ts
 * orderByPrice(fakeInstanceTypes(), Requirements.EMPTY)[0]?.name; // "small-instance-type"
 * ```
 * @category Instance types
 */
export function orderByPrice(types: readonly InstanceType[], requirements: Requirements): readonly InstanceType[] {
  const keyed = types.map((type) => ({ type, price: launchPrice(type, requirements) }));
  keyed.sort((a, b) => comparePrice(a.price, b.price) || compareNames(a.type.name, b.type.name));
  return keyed.map((k) => k.type);
}

/**
 * The precedence {@link worstLaunchPrice} applies: a launch prefers reserved, then spot, then on-demand.
 *
 * @category Instance types
 */
export const LAUNCH_PRECEDENCE: readonly CapacityType[] = ["reserved", "spot", "on-demand"];

/**
 * The worst price a launch with these requirements could pay: among the available compatible offerings of the
 * first capacity type in reserved > spot > on-demand order that has any, the most expensive one.
 *
 * @param offerings - the offerings of an instance type (or of several)
 * @param requirements - the node claim's requirements
 * @returns that price, or `Infinity` when no offering is available and compatible
 * @category Instance types
 */
export function worstLaunchPrice(offerings: readonly Offering[], requirements: Requirements): number {
  const usable = availableCompatibleOfferings(offerings, requirements);
  for (const capacityType of LAUNCH_PRECEDENCE) {
    let worst = -Infinity;
    for (const o of usable) if (o.capacityType === capacityType && o.price > worst) worst = o.price;
    if (worst !== -Infinity) return worst;
  }
  return Infinity;
}

function comparePrice(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

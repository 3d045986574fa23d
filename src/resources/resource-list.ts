import type { PathSegment } from "../errors.js";
import type { ResourceMap } from "../types/kubernetes.js";
import { cachedAmount, formatAmount, quantityAmountAt } from "./amount.js";
import type { Rounding } from "./rounding.js";

/**
 * Amounts per resource name in base units: `cpu` in millicores, every other resource in whole
 * units (bytes for memory, ephemeral-storage and hugepages, counts for pods and extended
 * resources). Every amount is a finite integer-valued number, exact below 2^53 (see
 * {@link Rounding} beyond); a missing resource counts as 0.
 * @category Resources
 */
export type ResourceList = ReadonlyMap<string, number>;

/**
 * The empty resource list.
 *
 * @category Resources
 */
export const EMPTY_RESOURCES: ResourceList = new Map();

/**
 * Reads a manifest's `{ resource: quantity }` map into a {@link ResourceList}.
 *
 * Keys are read as own enumerable properties, so `__proto__` and `constructor` are ordinary
 * resource names. Entry order follows the map.
 *
 * @param map - the manifest map (`requests`, `limits`, `allocatable`, ...); undefined is empty
 * @param basePath - where the map sits in its object, prefixed to error paths
 * @param rounding - `"up"` (the default) for requests; `"down"` for capacities, allocatable and
 *   limits (see {@link Rounding})
 * @returns the amounts in base units
 * @throws QuantityError with `path` ending in the resource name when a quantity is invalid
 * @example
 * ```ts
 * resourceList({ cpu: "1.5", memory: "2Gi" }); // Map { "cpu" => 1500, "memory" => 2147483648 }
 * ```
 * @category Resources
 */
export function resourceList(map: ResourceMap | undefined, basePath: readonly PathSegment[] = [], rounding: Rounding = "up"): ResourceList {
  const result = new Map<string, number>();
  if (map === undefined || map === null) return result;
  for (const name of Object.keys(map)) {
    const value = map[name];
    if (value === undefined) continue;
    const cached = typeof value === "string" ? cachedAmount(name, value, rounding) : undefined;
    result.set(name, cached ?? quantityAmountAt(name, value, [...basePath, name], rounding));
  }
  return result;
}

/**
 * Formats a resource list as a plain record of canonical quantity strings, keys sorted.
 *
 * Built with `Object.fromEntries`, so a resource named `__proto__` becomes an own property and
 * never touches the prototype.
 *
 * @param list - the amounts in base units
 * @returns `{ resource: quantity }` with keys in code-unit order
 * @example
 * ```ts
 * resourceListToRecord(new Map([["memory", 2 ** 31], ["cpu", 1500]])); // { cpu: "1500m", memory: "2Gi" }
 * ```
 * @category Resources
 */
export function resourceListToRecord(list: ResourceList): Record<string, string> {
  const names = [...list.keys()].sort(compareNames);
  return Object.fromEntries(names.map((name) => [name, formatAmount(name, list.get(name) ?? 0)]));
}

/**
 * Orders resource names by UTF-16 code units, the deterministic order used for output.
 *
 * @internal
 */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

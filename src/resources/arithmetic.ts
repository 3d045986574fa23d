import type { ResourceList } from "./resource-list.js";

/** Applies `op` over the union of both lists' names, reading a missing amount as 0. */
function combine(a: ResourceList, b: ResourceList, op: (x: number, y: number) => number): ResourceList {
  const result = new Map<string, number>();
  for (const [name, x] of a) result.set(name, op(x, b.get(name) ?? 0));
  for (const [name, y] of b) {
    if (!a.has(name)) result.set(name, op(0, y));
  }
  return result;
}

const plus = (x: number, y: number): number => x + y;
const minus = (x: number, y: number): number => x - y;

/**
 * Adds two resource lists per resource (a missing resource is 0).
 *
 * @param a - the first list
 * @param b - the second list
 * @returns a new list with every resource of either input
 * @example
 * ```ts
 * addResources(new Map([["cpu", 500]]), new Map([["cpu", 250], ["pods", 1]])); // cpu 750, pods 1
 * ```
 * @category Resources
 */
export function addResources(a: ResourceList, b: ResourceList): ResourceList {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  return combine(a, b, plus);
}

/**
 * Subtracts `b` from `a` per resource, without clamping: a resource only in `b` becomes negative.
 *
 * @param a - the list to subtract from
 * @param b - the list to subtract
 * @returns a new list with every resource of either input
 * @category Resources
 */
export function subtractResources(a: ResourceList, b: ResourceList): ResourceList {
  if (b.size === 0) return a;
  return combine(a, b, minus);
}

/**
 * The per-resource maximum of two lists (a missing resource is 0).
 *
 * @param a - the first list
 * @param b - the second list
 * @returns a new list with every resource of either input
 * @category Resources
 */
export function maxResources(a: ResourceList, b: ResourceList): ResourceList {
  return combine(a, b, Math.max);
}

/**
 * The per-resource minimum of two lists (a missing resource is 0, so a resource missing from
 * either list is at most 0 in the result).
 *
 * @param a - the first list
 * @param b - the second list
 * @returns a new list with every resource of either input
 * @category Resources
 */
export function minResources(a: ResourceList, b: ResourceList): ResourceList {
  return combine(a, b, Math.min);
}

/**
 * Adds `b` into a locally owned accumulator, for loops that sum many lists.
 *
 * @internal
 */
export function addResourcesInto(target: Map<string, number>, b: ResourceList): void {
  for (const [name, y] of b) target.set(name, (target.get(name) ?? 0) + y);
}

/**
 * Raises a locally owned accumulator to the per-resource maximum with `b`.
 *
 * @internal
 */
export function maxResourcesInto(target: Map<string, number>, b: ResourceList): void {
  for (const [name, y] of b) target.set(name, Math.max(target.get(name) ?? 0, y));
}

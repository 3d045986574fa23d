import { compareNames, type ResourceList } from "./resource-list.js";

/**
 * One resource a request does not fit into, with both amounts in base units.
 *
 * @category Resources
 */
export interface ResourceShortfall {
  readonly resource: string;
  readonly requested: number;
  readonly available: number;
}

/**
 * The one "fits" rule, for one resource: whether a requested amount fits the available amount. A zero request
 * always fits; a non-zero request needs a non-negative available amount at least as large (so an
 * overcommitted resource rejects even negative requests). {@link fitsResources} (resource lists) and
 * `fitsVector` (dense vectors, the hot loops) both decide through it.
 *
 * @param requested - the requested amount, in base units
 * @param available - what is left, in base units (0 when the resource is absent)
 * @returns true when the request fits
 * @category Resources
 */
export function fitsAmount(requested: number, available: number): boolean {
  return requested === 0 || (available >= 0 && requested <= available);
}

/**
 * Whether some available amount is below zero: upstream's `Fits` refuses every pod, even one requesting none
 * of that resource, once what it runs already overfills a node.
 *
 * @param available - what is left, in base units
 * @returns true when any amount is negative
 * @category Resources
 */
export function overcommitted(available: ResourceList): boolean {
  for (const amount of available.values()) if (amount < 0) return true;
  return false;
}

/**
 * Whether every requested resource fits what is available (a missing resource is 0).
 *
 * A request of 0 fits even a resource the node lacks; a resource whose available amount is
 * negative (overcommitted) fits no non-zero request. Resources that are not requested are not
 * looked at.
 *
 * @param requests - what is asked for, in base units
 * @param available - what is left, in base units
 * @returns true when every request fits
 * @example
 * ```ts
 * fitsResources(new Map([["cpu", 500]]), new Map([["cpu", 1000]])); // true
 * fitsResources(new Map([["nvidia.com/gpu", 1]]), new Map([["cpu", 1000]])); // false
 * ```
 * @category Resources
 */
export function fitsResources(requests: ResourceList, available: ResourceList): boolean {
  for (const [name, requested] of requests) {
    if (!fitsAmount(requested, available.get(name) ?? 0)) return false;
  }
  return true;
}

/**
 * Every requested resource that does not fit, sorted by resource name.
 *
 * Empty exactly when {@link fitsResources} is true.
 *
 * @param requests - what is asked for, in base units
 * @param available - what is left, in base units
 * @returns one shortfall per resource that does not fit
 * @example
 * ```ts
 * insufficientResources(new Map([["cpu", 1500]]), new Map([["cpu", 1000]]));
 * // [{ resource: "cpu", requested: 1500, available: 1000 }]
 * ```
 * @category Resources
 */
export function insufficientResources(requests: ResourceList, available: ResourceList): readonly ResourceShortfall[] {
  const shortfalls: ResourceShortfall[] = [];
  for (const [resource, requested] of requests) {
    const free = available.get(resource) ?? 0;
    if (!fitsAmount(requested, free)) shortfalls.push({ resource, requested, available: free });
  }
  return shortfalls.sort((a, b) => compareNames(a.resource, b.resource));
}

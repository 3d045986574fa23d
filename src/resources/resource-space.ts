import { InputError } from "../errors.js";
import { fitsAmount } from "./fits.js";
import type { ResourceList } from "./resource-list.js";

/**
 * A fixed, ordered set of resource names that maps resource lists to dense `Float64Array`
 * vectors, so the scheduler's inner loop adds, subtracts and compares without maps.
 *
 * @example
 * ```ts
 * const space = ResourceSpace.of(["cpu", "memory", "pods"]);
 * const free = space.toVector(new Map([["cpu", 4000], ["memory", 2 ** 33], ["pods", 110]]));
 * fitsVector(space.toVector(new Map([["cpu", 500], ["pods", 1]])), free); // true
 * ```
 * @category Resources
 */
export class ResourceSpace {
  /** The resource names, in vector order. */
  readonly names: readonly string[];
  readonly #index: ReadonlyMap<string, number>;

  private constructor(names: readonly string[]) {
    this.names = names;
    this.#index = new Map(names.map((name, i) => [name, i]));
  }

  /**
   * A space over the given names, in the given order; duplicates keep their first position.
   *
   * @param names - the resource names
   * @returns the space
   */
  static of(names: Iterable<string>): ResourceSpace {
    return new ResourceSpace([...new Set(names)]);
  }

  /** The number of dimensions. */
  get size(): number {
    return this.names.length;
  }

  /**
   * The vector position of a resource.
   *
   * @param name - the resource name
   * @returns its index, or -1 when the space does not hold it
   */
  indexOf(name: string): number {
    return this.#index.get(name) ?? -1;
  }

  /**
   * The dense vector of a resource list.
   *
   * @param list - amounts in base units
   * @returns a new vector with 0 for resources the list lacks
   * @throws InputError when the list has a non-zero amount of a resource outside the space
   *   (dropping it would make requests look like they fit)
   */
  toVector(list: ResourceList): Float64Array {
    const vector = new Float64Array(this.names.length);
    for (const [name, amount] of list) {
      const i = this.#index.get(name);
      if (i !== undefined) vector[i] = amount;
      else if (amount !== 0) throw new InputError(`resource ${JSON.stringify(name)} is not in this resource space`, [name]);
    }
    return vector;
  }

  /**
   * The resource list of a dense vector; zero amounts are left out.
   *
   * @param vector - a vector of this space
   * @returns a new resource list
   */
  fromVector(vector: Float64Array): ResourceList {
    const list = new Map<string, number>();
    this.names.forEach((name, i) => {
      const amount = vector[i] ?? 0;
      if (amount !== 0) list.set(name, amount);
    });
    return list;
  }
}

/**
 * Adds `v` into `target` in place, for accumulators the caller owns.
 *
 * @param target - the vector to change
 * @param v - the vector to add (same space)
 * @category Resources
 */
export function addVectorInto(target: Float64Array, v: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] ?? 0) + (v[i] ?? 0);
}

/**
 * Subtracts `v` from `target` in place, without clamping.
 *
 * @param target - the vector to change
 * @param v - the vector to subtract (same space)
 * @category Resources
 */
export function subtractVectorInto(target: Float64Array, v: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] ?? 0) - (v[i] ?? 0);
}

/**
 * Whether a request vector fits an available vector, by {@link fitsAmount} in every dimension (a zero request
 * fits; a non-zero request needs a non-negative available amount at least as large). Allocates nothing.
 *
 * @param req - the request vector
 * @param avail - the available vector (same space)
 * @returns true when every dimension fits
 * @category Resources
 */
export function fitsVector(req: Float64Array, avail: Float64Array): boolean {
  return fitsVectorAt(req, 0, avail, 0, req.length);
}

/**
 * {@link fitsVector} on rows of larger arrays (a catalogue's allocatable rows, a claim's per-group totals): whether
 * `req[reqAt .. reqAt+dims)` fits `avail[availAt .. availAt+dims)`, by {@link fitsAmount}. Allocates nothing.
 *
 * @param req - holds the request row
 * @param reqAt - where the request row starts
 * @param avail - holds the available row
 * @param availAt - where the available row starts
 * @param dims - the row length
 * @returns true when every dimension fits
 * @category Resources
 */
export function fitsVectorAt(req: Float64Array, reqAt: number, avail: Float64Array, availAt: number, dims: number): boolean {
  for (let d = 0; d < dims; d++) {
    if (!fitsAmount(req[reqAt + d] ?? 0, avail[availAt + d] ?? 0)) return false;
  }
  return true;
}

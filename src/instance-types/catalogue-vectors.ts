/**
 * Dense resource rows of one catalogue: every instance type's allocatable and capacity as a row of one
 * `Float64Array`, so narrowing, the room pre-check, finalization and limits compare numbers instead of walking
 * maps. Only {@link InstanceTypeIndex.vectors} builds them, over the index's own copy of the catalogue, and the
 * index keeps them: one cache per index, never keyed by a caller's array.
 *
 * @internal
 * @module
 */
import type { ResourceList, ResourceSpace } from "../resources/index.js";
import type { InstanceType } from "./instance-type.js";
import type { InstanceTypeIndex } from "./instance-type-index.js";

/**
 * A catalogue's types with resource rows in one {@link ResourceSpace}; ids are positions in the index.
 *
 * @internal
 */
export class CatalogueVectors {
  /** The index the rows belong to (ids are its positions). */
  readonly index: InstanceTypeIndex;
  /** The resource dimensions. */
  readonly space: ResourceSpace;
  /** Number of dimensions. */
  readonly dims: number;
  /** The types, indexed by id. */
  readonly types: readonly InstanceType[];
  /** Allocatable per type: row `id` starts at `id * dims`. */
  readonly allocatable: Float64Array;
  /** Capacity per type, same layout. */
  readonly capacity: Float64Array;
  readonly #orders: (Int32Array | undefined)[];

  /**
   * @param index - the index whose types the rows hold
   * @param space - the dimensions (every resource of the catalogue, and any extra the run uses)
   */
  constructor(index: InstanceTypeIndex, space: ResourceSpace) {
    this.index = index;
    this.types = index.types;
    this.space = space;
    this.dims = space.size;
    this.allocatable = new Float64Array(this.types.length * this.dims);
    this.capacity = new Float64Array(this.types.length * this.dims);
    this.types.forEach((type, id) => {
      this.allocatable.set(space.toVector(type.allocatable), id * this.dims);
      this.capacity.set(space.toVector(type.capacity), id * this.dims);
    });
    this.#orders = new Array<Int32Array | undefined>(this.dims);
  }

  /**
   * Every type id by allocatable of one resource, smallest first (ties by id). Requests only grow while a claim
   * fills, so for one resource the types it loses are a prefix of this order: narrowing keeps one cursor per
   * resource into it instead of re-checking every option for every pod.
   *
   * @param d - a dimension of {@link CatalogueVectors.space}
   * @returns the ids in that order (shared: do not change)
   */
  order(d: number): Int32Array {
    let order = this.#orders[d];
    if (order === undefined) {
      const dims = this.dims;
      const rows = this.allocatable;
      const ids = Array.from(this.types, (_, id) => id);
      ids.sort((a, b) => (rows[a * dims + d] as number) - (rows[b * dims + d] as number) || a - b);
      this.#orders[d] = order = Int32Array.from(ids);
    }
    return order;
  }

  /**
   * A resource list as a vector of this space.
   *
   * @param list - amounts in base units (every name must be in the space)
   * @returns a new vector
   */
  vector(list: ResourceList): Float64Array {
    return this.space.toVector(list);
  }
}

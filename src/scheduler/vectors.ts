/**
 * Dense resource vectors for one catalogue: every instance type gets a dense id and its allocatable and
 * capacity as rows of one `Float64Array`, so narrowing, the room pre-check and limits compare numbers instead
 * of walking maps. Built once per catalogue list and cached by that list's identity, so the list must be one
 * nobody changes: `schedule()` passes an `InstanceTypeIndex`'s own copy, or a copy of the caller's array
 * (a scheduling run over the same index, as consolidation makes many, reuses the build).
 *
 * @module
 */
import type { InstanceType } from "../instance-types/index.js";
import { ResourceSpace, type ResourceList } from "../resources/index.js";

/** A catalogue's types with dense ids and resource rows in one {@link ResourceSpace}. */
export class CatalogueVectors {
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
  readonly #ids: ReadonlyMap<InstanceType, number>;

  private constructor(types: readonly InstanceType[], space: ResourceSpace) {
    this.types = types;
    this.space = space;
    this.dims = space.size;
    const ids = new Map<InstanceType, number>();
    this.allocatable = new Float64Array(types.length * this.dims);
    this.capacity = new Float64Array(types.length * this.dims);
    types.forEach((type, id) => {
      if (!ids.has(type)) ids.set(type, id);
      this.allocatable.set(space.toVector(type.allocatable), id * this.dims);
      this.capacity.set(space.toVector(type.capacity), id * this.dims);
    });
    this.#ids = ids;
  }

  /**
   * The vectors of a catalogue whose space also holds `extraNames` (pod requests, DaemonSet overhead and
   * limits outside the catalogue's own resources); reuses the cached build when nothing is extra.
   *
   * @param types - the catalogue
   * @param extraNames - further resource names the run uses
   * @returns the vectors
   */
  static of(types: readonly InstanceType[], extraNames: Iterable<string>): CatalogueVectors {
    const base = cachedBase(types);
    const extra = [...extraNames].filter((name) => base.space.indexOf(name) < 0);
    if (extra.length === 0) return base;
    return new CatalogueVectors(types, ResourceSpace.of([...base.space.names, ...extra.sort()]));
  }

  /**
   * Builds uncached vectors over a given space.
   *
   * @param types - the catalogue
   * @param space - the dimensions
   * @returns the vectors
   */
  static build(types: readonly InstanceType[], space: ResourceSpace): CatalogueVectors {
    return new CatalogueVectors(types, space);
  }

  /**
   * The dense id of a catalogue type.
   *
   * @param type - a type of this catalogue
   * @returns its id
   * @throws Error when the type is not in the catalogue (a programming error)
   */
  idOf(type: InstanceType): number {
    const id = this.#ids.get(type);
    if (id === undefined) throw new Error(`instance type ${type.name} is not in the catalogue`);
    return id;
  }

  /**
   * The dense ids of some catalogue types, in their order.
   *
   * @param types - types of this catalogue
   * @returns their ids
   */
  idsOf(types: readonly InstanceType[]): Int32Array {
    const ids = new Int32Array(types.length);
    for (let i = 0; i < types.length; i++) ids[i] = this.idOf(types[i] as InstanceType);
    return ids;
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

const cache = new WeakMap<readonly InstanceType[], CatalogueVectors>();

function cachedBase(types: readonly InstanceType[]): CatalogueVectors {
  const seen = cache.get(types);
  if (seen !== undefined) return seen;
  const names = new Set<string>();
  for (const type of types) {
    for (const name of type.allocatable.keys()) names.add(name);
    for (const name of type.capacity.keys()) names.add(name);
  }
  const built = CatalogueVectors.build(types, ResourceSpace.of([...names].sort()));
  cache.set(types, built);
  return built;
}

/**
 * The instance-type index: built once per catalogue, it answers "which instance types can a node claim with
 * these requirements and requests launch as" with bitset AND / ANDNOT over a few words per label, a typed-array
 * scan per resource dimension, and offerings pre-grouped by zone × capacity type, instead of string-map walks
 * per type. Its answers agree exactly with {@link filterInstanceTypes}.
 *
 * @module
 */
import { LABEL_CAPACITY_TYPE, LABEL_ZONE, type Requirement, type Requirements } from "../requirements/index.js";
import { ResourceSpace, type ResourceList } from "../resources/index.js";
import { andInto, andNotInto, emptyBitset, fullBitset, forEachBit, orInto, setBitInto, type Bitset } from "./_bitset.js";
import { brand, hasBrand } from "../_internal/brand.js";
import type { InstanceType } from "./instance-type.js";
import { LABEL_RESERVATION_ID } from "./offering.js";

export type { Bitset } from "./_bitset.js";

/** How the catalogue's types define one label key. */
interface KeyIndex {
  /** Types that define the key at all. */
  readonly defined: Bitset;
  /** Per value: types whose `In` set contains it. */
  readonly byValue: Map<string, Bitset>;
  /** Types that define the key as `DoesNotExist`. */
  readonly doesNotExist: Bitset;
  /** Types that define the key as a complement (`NotIn` / `Exists`, possibly bounded), with their requirement. */
  readonly complements: { readonly position: number; readonly requirement: Requirement }[];
}

/** The types holding an available offering in one zone × capacity type (× reservation). */
interface OfferingGroup {
  readonly zone: string;
  readonly capacityType: string;
  readonly reservationId: string | undefined;
  readonly members: Bitset;
}

/**
 * Options for {@link InstanceTypeIndex.build}.
 *
 * @category Instance types
 */
export interface InstanceTypeIndexOptions {
  /** Extra resource dimensions to include beyond those the catalogue's capacities name. */
  readonly resources?: Iterable<string> | undefined;
}

/**
 * Whether `value` is an {@link InstanceTypeIndex} built by this or any other copy of nodefit (ESM and CommonJS
 * loaded side by side have two classes, and `instanceof` fails across them).
 *
 * @param value - anything
 * @returns true for an index
 * @internal
 */
export function isInstanceTypeIndex(value: unknown): value is InstanceTypeIndex {
  return hasBrand(value, "InstanceTypeIndex");
}

/**
 * A catalogue compiled for fast filtering. Immutable once built.
 *
 * @category Instance types
 */
export class InstanceTypeIndex {
  /** The catalogue, in the order positions refer to. */
  readonly types: readonly InstanceType[];
  /** The resource dimensions of {@link InstanceTypeIndex.fitSet} vectors. */
  readonly space: ResourceSpace;
  readonly #all: Bitset;
  readonly #keys: ReadonlyMap<string, KeyIndex>;
  readonly #allocatable: readonly Float64Array[];
  readonly #offerings: readonly OfferingGroup[];

  private constructor(types: readonly InstanceType[], space: ResourceSpace) {
    this.types = types;
    this.space = space;
    this.#all = fullBitset(types.length);
    this.#keys = indexLabels(types);
    this.#allocatable = indexAllocatable(types, space);
    this.#offerings = indexOfferings(types);
    // Recognised by brand, not instanceof: an index built by the CommonJS copy of nodefit is passed to the ESM one.
    brand(this, "InstanceTypeIndex");
  }

  /**
   * Compiles a catalogue.
   *
   * @param types - the instance types; positions in every bitset are indexes into this array
   * @param options - extra resource dimensions
   * @returns the index
   * @example
   * ```ts
   * const index = InstanceTypeIndex.build(fakeInstanceTypes());
   * index.filter(requirements, new Map([["cpu", 1000], ["pods", 1]])).map((t) => t.name);
   * ```
   */
  static build(types: readonly InstanceType[], options: InstanceTypeIndexOptions = {}): InstanceTypeIndex {
    const names = new Set<string>(options.resources ?? []);
    for (const type of types) for (const name of type.capacity.keys()) names.add(name);
    return new InstanceTypeIndex([...types], ResourceSpace.of([...names].sort()));
  }

  /** How many instance types the index holds. */
  get size(): number {
    return this.types.length;
  }

  /**
   * The types whose labels intersect the requirements (Karpenter's `Intersects`: keys a type does not define
   * are ignored; `NotIn` / `DoesNotExist` against `NotIn` / `DoesNotExist` is accepted).
   *
   * @param requirements - the node claim's requirements
   * @returns a new bitset of positions
   */
  compatibleSet(requirements: Requirements): Bitset {
    const out = this.#all.slice();
    for (const requirement of requirements) {
      const key = this.#keys.get(requirement.key);
      if (key === undefined) continue;
      const failing = key.defined.slice();
      andNotInto(failing, passing(key, requirement, this.types.length));
      andNotInto(out, failing);
    }
    return out;
  }

  /**
   * Converts requests to a vector in this index's resource space.
   *
   * @param requests - the requests
   * @returns the vector, or undefined when a positive request names a resource no type has (nothing can fit)
   */
  requestVector(requests: ResourceList): Float64Array | undefined {
    const vector = new Float64Array(this.space.size);
    for (const [name, amount] of requests) {
      const i = this.space.indexOf(name);
      if (i < 0) {
        if (amount !== 0) return undefined;
        continue;
      }
      vector[i] = amount;
    }
    return vector;
  }

  /**
   * The types whose allocatable holds the requests.
   *
   * @param requests - a vector from {@link InstanceTypeIndex.requestVector}
   * @returns a new bitset of positions
   */
  fitSet(requests: Float64Array): Bitset {
    const out = this.#all.slice();
    for (let d = 0; d < requests.length; d++) {
      const wanted = requests[d] ?? 0;
      if (wanted === 0) continue;
      const column = this.#allocatable[d] as Float64Array;
      for (let t = 0; t < column.length; t++) {
        const free = column[t] ?? 0;
        // Same rule as fitsResources: a non-zero request needs a non-negative allocatable that covers it.
        if (free < 0 || free < wanted) out[t >>> 5] = ((out[t >>> 5] ?? 0) & ~(1 << (t & 31))) >>> 0;
      }
    }
    return out;
  }

  /**
   * The types with an available offering compatible with the requirements (zone, capacity type, reservation).
   *
   * @param requirements - the node claim's requirements
   * @returns a new bitset of positions
   */
  offeringSet(requirements: Requirements): Bitset {
    const out = emptyBitset(this.types.length);
    const zone = requirements.get(LABEL_ZONE);
    const capacityType = requirements.get(LABEL_CAPACITY_TYPE);
    const reservation = requirements.has(LABEL_RESERVATION_ID) ? requirements.get(LABEL_RESERVATION_ID) : undefined;
    for (const group of this.#offerings) {
      if (!zone.has(group.zone) || !capacityType.has(group.capacityType)) continue;
      if (group.reservationId !== undefined && reservation !== undefined && !reservation.has(group.reservationId)) continue;
      orInto(out, group.members);
    }
    return out;
  }

  /**
   * The types meeting all three criteria, as a bitset.
   *
   * @param requirements - the node claim's requirements
   * @param requests - the total requests
   * @returns a new bitset of positions
   */
  filterSet(requirements: Requirements, requests: ResourceList): Bitset {
    const vector = this.requestVector(requests);
    if (vector === undefined) return emptyBitset(this.types.length);
    const out = this.compatibleSet(requirements);
    andInto(out, this.fitSet(vector));
    andInto(out, this.offeringSet(requirements));
    return out;
  }

  /**
   * The types a node claim with these requirements and requests could launch as, in catalogue order; the same
   * list {@link filterInstanceTypes} keeps (minValues aside).
   *
   * @param requirements - the node claim's requirements
   * @param requests - the total requests
   * @returns the surviving types
   */
  filter(requirements: Requirements, requests: ResourceList): InstanceType[] {
    return this.typesOf(this.filterSet(requirements, requests));
  }

  /**
   * The instance types at the positions of a bitset, in catalogue order.
   *
   * @param set - a bitset from this index
   * @returns the types
   */
  typesOf(set: Bitset): InstanceType[] {
    const out: InstanceType[] = [];
    const types = this.types;
    forEachBit(set, (position) => out.push(types[position] as InstanceType));
    return out;
  }
}

/** The defining types for which a requirement on the key passes the per-key `Intersects` check. */
function passing(key: KeyIndex, requirement: Requirement, size: number): Bitset {
  const out = emptyBitset(size);
  const lenient = requirement.operator === "NotIn" || requirement.operator === "DoesNotExist";
  if (lenient) orInto(out, key.doesNotExist);
  if (requirement.complement) {
    for (const [value, members] of key.byValue) if (requirement.has(value)) orInto(out, members);
  } else {
    for (const value of requirement.values) {
      const members = key.byValue.get(value);
      if (members !== undefined && requirement.has(value)) orInto(out, members);
    }
  }
  for (const { position, requirement: own } of key.complements) {
    if (own.intersects(requirement) || (lenient && own.operator === "NotIn")) setBitInto(out, position);
  }
  return out;
}

function indexLabels(types: readonly InstanceType[]): ReadonlyMap<string, KeyIndex> {
  const keys = new Map<string, KeyIndex>();
  types.forEach((type, position) => {
    for (const requirement of type.requirements) {
      let key = keys.get(requirement.key);
      if (key === undefined) {
        key = { defined: emptyBitset(types.length), byValue: new Map(), doesNotExist: emptyBitset(types.length), complements: [] };
        keys.set(requirement.key, key);
      }
      setBitInto(key.defined, position);
      if (requirement.complement) key.complements.push({ position, requirement });
      else if (requirement.values.size === 0) setBitInto(key.doesNotExist, position);
      else {
        for (const value of requirement.values) {
          let members = key.byValue.get(value);
          if (members === undefined) key.byValue.set(value, (members = emptyBitset(types.length)));
          setBitInto(members, position);
        }
      }
    }
  });
  return keys;
}

function indexAllocatable(types: readonly InstanceType[], space: ResourceSpace): readonly Float64Array[] {
  const columns = Array.from({ length: space.size }, () => new Float64Array(types.length));
  types.forEach((type, position) => {
    for (const [name, amount] of type.allocatable) {
      const d = space.indexOf(name);
      const column = columns[d];
      if (column !== undefined) column[position] = amount;
    }
  });
  return columns;
}

function indexOfferings(types: readonly InstanceType[]): readonly OfferingGroup[] {
  const groups = new Map<string, OfferingGroup>();
  types.forEach((type, position) => {
    for (const o of type.offerings) {
      if (!o.available) continue;
      const id = `${o.zone}\u0000${o.capacityType}\u0000${o.reservationId ?? ""}`;
      let group = groups.get(id);
      if (group === undefined) {
        group = { zone: o.zone, capacityType: o.capacityType, reservationId: o.reservationId, members: emptyBitset(types.length) };
        groups.set(id, group);
      }
      setBitInto(group.members, position);
    }
  });
  return [...groups.values()];
}

/**
 * The instance-type index: the one compiled form of a catalogue. It answers "which instance types can a node
 * claim with these requirements and requests launch as" with bitset AND / ANDNOT over a few words per label, a
 * scan of dense allocatable rows, and offerings pre-grouped by zone × capacity type, instead of string-map walks
 * per type; its answers agree exactly with {@link filterInstanceTypes}. It also owns the tables the scheduler's
 * hot loops read (dense resource rows, per-requirement type sets, offering price views), built on first use and
 * kept with the index: a consolidation plan's many runs over one index share them, and nothing is cached by the
 * identity of a caller's array. It holds its own frozen copy of the catalogue, so a caller who pushes to or
 * replaces types in their array afterwards changes nothing here.
 *
 * @module
 */
import { InputError } from "../errors.js";
import { LABEL_CAPACITY_TYPE, LABEL_ZONE, type Requirement, type Requirements } from "../requirements/index.js";
import { fitsVectorAt, ResourceSpace, type ResourceList } from "../resources/index.js";
import { andInto, andNotInto, emptyBitset, fullBitset, forEachBit, orInto, setBitInto, type Bitset } from "./_bitset.js";
import { brand, hasBrand } from "../_internal/brand.js";
import { CatalogueVectors } from "./catalogue-vectors.js";
import type { InstanceType } from "./instance-type.js";
import { LABEL_RESERVATION_ID } from "./offering.js";
import { buildOfferingView, offeringPredicateKey, predicateKey, type OfferingView } from "./offering-view.js";
import { OptionSet } from "./option-set.js";

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
  /** The catalogue, in the order positions refer to (the index's own frozen copy). */
  readonly types: readonly InstanceType[];
  /** The resource dimensions of {@link InstanceTypeIndex.fitSet} vectors: every resource the catalogue names, and any extra asked for. */
  readonly space: ResourceSpace;
  readonly #all: Bitset;
  /** Per label key, built when a requirement on it is first asked about (null: no type defines it). */
  readonly #keys = new Map<string, KeyIndex | null>();
  #offerings: readonly OfferingGroup[] | undefined;
  #ids: ReadonlyMap<InstanceType, number> | undefined;
  #reservations: ReadonlyMap<string, number> | undefined;
  #labelKeys: ReadonlySet<string> | undefined;
  /** Dense rows per extra-resource set ("" for none). */
  readonly #vectors = new Map<string, CatalogueVectors>();
  /** Per requirement predicate: the types meeting it at label level. */
  readonly #requirementSets = new Map<string, Bitset>();
  /** Per zone / capacity-type / reservation predicate: the launch-price view. */
  readonly #offeringViews = new Map<string, OfferingView>();

  private constructor(types: readonly InstanceType[], space: ResourceSpace) {
    this.types = types;
    this.space = space;
    this.#all = fullBitset(types.length);
    // Recognised by brand, not instanceof: an index built by the CommonJS copy of nodefit is passed to the ESM one.
    brand(this, "InstanceTypeIndex");
  }

  /**
   * Compiles a catalogue. The index keeps a frozen copy of the list; the tables are built when first asked for,
   * so building an index for one scheduling run costs little more than the copy.
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
    for (const type of types) {
      for (const name of type.capacity.keys()) names.add(name);
      for (const name of type.allocatable.keys()) names.add(name);
    }
    return new InstanceTypeIndex(Object.freeze([...types]), ResourceSpace.of([...names].sort()));
  }

  /**
   * The index of a catalogue given either way: an index as it is (by brand, so one built by another copy of
   * nodefit counts), a list compiled into a new index that copies it.
   *
   * @param catalogue - a list of instance types or an index
   * @returns the index
   * @internal
   */
  static of(catalogue: readonly InstanceType[] | InstanceTypeIndex): InstanceTypeIndex {
    return isInstanceTypeIndex(catalogue) ? catalogue : InstanceTypeIndex.build(catalogue as readonly InstanceType[]);
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
    for (const requirement of requirements) andInto(out, this.requirementSet(requirement));
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
    const rows = this.vectors([]).allocatable;
    const dims = this.space.size;
    for (let t = 0; t < this.types.length; t++) {
      if (!fitsVectorAt(requests, 0, rows, t * dims, dims)) out[t >>> 5] = ((out[t >>> 5] ?? 0) & ~(1 << (t & 31))) >>> 0;
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
    for (const group of (this.#offerings ??= indexOfferings(this.types))) {
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

  /**
   * The position of a catalogue type (its first, when the list holds it twice).
   *
   * @param type - an instance type
   * @returns its position, or -1 when the index does not hold it
   * @internal
   */
  idOf(type: InstanceType): number {
    if (this.#ids === undefined) {
      const ids = new Map<InstanceType, number>();
      this.types.forEach((t, id) => {
        if (!ids.has(t)) ids.set(t, id);
      });
      this.#ids = ids;
    }
    return this.#ids.get(type) ?? -1;
  }

  /**
   * Some of the catalogue's types as an option set, in their order.
   *
   * @param types - types this index holds
   * @returns the option set
   * @throws InputError when a type is not in the index's catalogue (the index copied the catalogue it was built
   *   from; a type added to the caller's array later is not in it)
   * @internal
   */
  optionsOf(types: readonly InstanceType[]): OptionSet {
    const ids = new Int32Array(types.length);
    types.forEach((type, i) => {
      const id = this.idOf(type);
      if (id < 0) throw new InputError(`instance type ${type.name} is not in the index's catalogue`, [i]);
      ids[i] = id;
    });
    return OptionSet.ofIds(this, ids, types);
  }

  /**
   * The catalogue's dense allocatable and capacity rows over the index's resources plus `extraNames` (a run's pod
   * requests, DaemonSet overhead and limits outside the catalogue's resources), built once per set of extras.
   *
   * @param extraNames - further resource names the caller's vectors use
   * @returns the rows
   * @internal
   */
  vectors(extraNames: Iterable<string>): CatalogueVectors {
    const extra = [...new Set(extraNames)].filter((name) => this.space.indexOf(name) < 0).sort();
    const key = extra.join("\u0000");
    let rows = this.#vectors.get(key);
    if (rows === undefined) {
      if (this.#vectors.size >= MAX_VECTORS) this.#vectors.clear();
      rows = new CatalogueVectors(this, extra.length === 0 ? this.space : ResourceSpace.of([...this.space.names, ...extra]));
      this.#vectors.set(key, rows);
    }
    return rows;
  }

  /**
   * The types whose labels meet one requirement (Karpenter's `Intersects` for one key: a type that does not
   * define the key meets it), kept per predicate. minValues does not matter.
   *
   * @param requirement - the requirement
   * @returns the positions meeting it (shared: do not change)
   * @internal
   */
  requirementSet(requirement: Requirement): Bitset {
    const id = `${requirement.key}\u0000${predicateKey(requirement)}`;
    let set = this.#requirementSets.get(id);
    if (set === undefined) {
      if (this.#requirementSets.size >= MAX_REQUIREMENT_SETS) this.#requirementSets.clear();
      set = this.#all.slice();
      const key = this.#keyIndex(requirement.key);
      if (key !== null) andNotInto(set, andNotOf(key.defined, passing(key, requirement, this.types.length)));
      this.#requirementSets.set(id, set);
    }
    return set;
  }

  /**
   * Launch prices under a claim's zone, capacity-type and reservation requirements, kept per predicate.
   *
   * @param requirements - the claim's requirements
   * @returns the view
   * @internal
   */
  offeringView(requirements: Requirements): OfferingView {
    const key = offeringPredicateKey(requirements);
    let view = this.#offeringViews.get(key);
    if (view === undefined) {
      if (this.#offeringViews.size >= MAX_OFFERING_VIEWS) this.#offeringViews.clear();
      view = buildOfferingView(this.types, requirements);
      this.#offeringViews.set(key, view);
    }
    return view;
  }

  /**
   * Every label key some type of the catalogue defines.
   *
   * @returns the keys (shared: do not change)
   * @internal
   */
  labelKeys(): ReadonlySet<string> {
    let keys = this.#labelKeys;
    if (keys === undefined) {
      const found = new Set<string>();
      for (const type of this.types) type.requirements.forEachRequirement((r) => found.add(r.key));
      this.#labelKeys = keys = found;
    }
    return keys;
  }

  /**
   * The capacity of every capacity reservation the catalogue's offerings name: the smallest any of its
   * offerings states (0 when one states none).
   *
   * @returns reservation id → how many node claims it can back (shared: do not change)
   * @internal
   */
  reservationCapacities(): ReadonlyMap<string, number> {
    let capacities = this.#reservations;
    if (capacities === undefined) {
      const found = new Map<string, number>();
      for (const type of this.types) {
        for (const o of type.offerings) {
          if (o.reservationId === undefined) continue;
          const cap = o.reservationCapacity ?? 0;
          const seen = found.get(o.reservationId);
          found.set(o.reservationId, seen === undefined ? cap : Math.min(seen, cap));
        }
      }
      this.#reservations = capacities = found;
    }
    return capacities;
  }

  #keyIndex(label: string): KeyIndex | null {
    let key = this.#keys.get(label);
    if (key === undefined) this.#keys.set(label, (key = indexKey(this.types, label)));
    return key;
  }
}

/** Bounds of the kept tables: a run asks for a few dozen; a long-lived index must not grow without end. */
const MAX_VECTORS = 16;
const MAX_REQUIREMENT_SETS = 4096;
const MAX_OFFERING_VIEWS = 256;

function andNotOf(a: Bitset, b: Bitset): Bitset {
  const out = a.slice();
  andNotInto(out, b);
  return out;
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

/** How the types define one label key (one pass over the types, for the keys requirements ask about). */
function indexKey(types: readonly InstanceType[], label: string): KeyIndex | null {
  let key: { defined: Bitset; byValue: Map<string, Bitset>; doesNotExist: Bitset; complements: { position: number; requirement: Requirement }[] } | null = null;
  types.forEach((type, position) => {
    if (!type.requirements.has(label)) return;
    const requirement = type.requirements.get(label);
    key ??= { defined: emptyBitset(types.length), byValue: new Map(), doesNotExist: emptyBitset(types.length), complements: [] };
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
  });
  return key;
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

/**
 * Launch prices for one catalogue under one offering-relevant requirement set (zone, capacity type,
 * reservation): each type's cheapest compatible available offering, the catalogue in launch-price order, and
 * which capacity types each type can launch as. Built by {@link InstanceTypeIndex.offeringView}, which keeps
 * them, so finalization reads them once per catalogue and requirement set instead of once per node claim.
 *
 * @internal
 * @module
 */
import { LABEL_CAPACITY_TYPE, LABEL_ZONE, type Requirement, type Requirements } from "../requirements/index.js";
import { emptyBitset, setBitInto, type Bitset } from "./_bitset.js";
import type { InstanceType } from "./instance-type.js";
import { LABEL_RESERVATION_ID } from "./offering.js";
import { OfferingMatcher } from "./offering-matcher.js";

/**
 * What finalization reads for one set of offering requirements.
 *
 * @internal
 */
export interface OfferingView {
  /** Cheapest compatible available offering price per type id; Infinity when none. */
  readonly prices: Float64Array;
  /** Every type id by launch price, then name, then id (what a stable sort by price and name gives). */
  readonly order: Int32Array;
  /** Per type id: bit `k` set when an offering of capacity type `capacityTypes[k]` is compatible. */
  readonly capacityMasks: Uint32Array;
  /** The type ids with some compatible available offering (a mask other than 0). */
  readonly offered: Bitset;
  /** The capacity types the masks refer to. */
  readonly capacityTypes: readonly string[];
  /** Whether some compatible offering is reserved (then the cheapest-first shortcut does not hold). */
  readonly anyReserved: boolean;
}

/**
 * A canonical text for a requirement's predicate (unlike `toString`, never abbreviated).
 *
 * @param r - a requirement
 * @returns its predicate (complement, values, bounds) as canonical text
 * @internal
 */
export function predicateKey(r: Requirement): string {
  return JSON.stringify([r.complement, [...r.values].sort(), r.gte ?? null, r.lte ?? null]);
}

/**
 * The text two requirement sets share exactly when their offering views are equal.
 *
 * @param requirements - a claim's requirements
 * @returns the key of its zone, capacity-type and reservation predicates
 * @internal
 */
export function offeringPredicateKey(requirements: Requirements): string {
  return `${predicateKey(requirements.get(LABEL_ZONE))}|${predicateKey(requirements.get(LABEL_CAPACITY_TYPE))}|${predicateKey(requirements.get(LABEL_RESERVATION_ID))}`;
}

/**
 * Builds the view of a catalogue for a claim's requirements.
 *
 * @param types - the catalogue, by id
 * @param requirements - the claim's requirements (only zone, capacity type and reservation matter)
 * @returns the view
 * @internal
 */
export function buildOfferingView(types: readonly InstanceType[], requirements: Requirements): OfferingView {
  const matcher = new OfferingMatcher(requirements);
  const prices = new Float64Array(types.length);
  const capacityMasks = new Uint32Array(types.length);
  const offered = emptyBitset(types.length);
  const capacityTypes: string[] = [];
  let anyReserved = false;
  types.forEach((type, id) => {
    let best = Infinity;
    let mask = 0;
    for (const o of type.offerings) {
      if (!matcher.matches(o)) continue;
      if (o.price < best) best = o.price;
      let bit = capacityTypes.indexOf(o.capacityType);
      if (bit < 0) bit = capacityTypes.push(o.capacityType) - 1;
      mask |= 1 << bit;
      if (o.capacityType === "reserved") anyReserved = true;
    }
    prices[id] = best;
    capacityMasks[id] = mask;
    if (mask !== 0) setBitInto(offered, id);
  });
  const ids = Array.from(types, (_, id) => id);
  ids.sort((a, b) => {
    const pa = prices[a] as number;
    const pb = prices[b] as number;
    if (pa !== pb) return pa < pb ? -1 : 1;
    const na = (types[a] as InstanceType).name;
    const nb = (types[b] as InstanceType).name;
    return na < nb ? -1 : na > nb ? 1 : a - b;
  });
  return { prices, order: Int32Array.from(ids), capacityMasks, offered, capacityTypes, anyReserved };
}

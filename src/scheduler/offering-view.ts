/**
 * Launch prices for finalization, computed once per catalogue and per offering-relevant requirement (zone,
 * capacity type, reservation) instead of once per node claim: each type's cheapest compatible available
 * offering, the catalogue in launch-price order, and which capacity types each type can launch as.
 *
 * @module
 */
import { LABEL_RESERVATION_ID } from "../instance-types/index.js";
import { LABEL_CAPACITY_TYPE, LABEL_ZONE, type Requirement, type Requirements } from "../requirements/index.js";
import { OfferingMatcher } from "./offering-matcher.js";
import type { CatalogueVectors } from "./vectors.js";

/** What finalization reads for one matcher. */
export interface OfferingView {
  /** Cheapest compatible available offering price per type id; Infinity when none. */
  readonly prices: Float64Array;
  /** Every type id by launch price, then name, then id (what a stable sort by price and name gives). */
  readonly order: Int32Array;
  /** Per type id: bit `k` set when an offering of capacity type `capacityTypes[k]` is compatible. */
  readonly capacityMasks: Uint32Array;
  /** The capacity types the masks refer to. */
  readonly capacityTypes: readonly string[];
  /** Whether some compatible offering is reserved (then the cheapest-first shortcut does not hold). */
  readonly anyReserved: boolean;
}

const MAX_VIEWS = 256;
const views = new WeakMap<CatalogueVectors, Map<string, OfferingView>>();

/** A canonical text for a requirement's predicate (unlike `toString`, never abbreviated). */
/**
 * @param r - a requirement
 * @returns its predicate (complement, values, bounds) as canonical text
 */
export function predicateKey(r: Requirement): string {
  return JSON.stringify([r.complement, [...r.values].sort(), r.gte ?? null, r.lte ?? null]);
}

/**
 * The view for a claim's requirements, built on first use and cached with the catalogue.
 *
 * @param vectors - the catalogue
 * @param requirements - the claim's requirements (only zone, capacity type and reservation matter)
 * @returns the view
 */
export function offeringView(vectors: CatalogueVectors, requirements: Requirements): OfferingView {
  let byKey = views.get(vectors);
  if (byKey === undefined) views.set(vectors, (byKey = new Map()));
  const key = `${predicateKey(requirements.get(LABEL_ZONE))}|${predicateKey(requirements.get(LABEL_CAPACITY_TYPE))}|${predicateKey(requirements.get(LABEL_RESERVATION_ID))}`;
  let view = byKey.get(key);
  if (view === undefined) {
    if (byKey.size >= MAX_VIEWS) byKey.clear();
    view = buildView(vectors, new OfferingMatcher(requirements));
    byKey.set(key, view);
  }
  return view;
}

function buildView(vectors: CatalogueVectors, matcher: OfferingMatcher): OfferingView {
  const types = vectors.types;
  const prices = new Float64Array(types.length);
  const capacityMasks = new Uint32Array(types.length);
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
  });
  const ids = Array.from(types, (_, id) => id);
  ids.sort((a, b) => {
    const pa = prices[a] as number;
    const pb = prices[b] as number;
    if (pa !== pb) return pa < pb ? -1 : 1;
    const na = (types[a] as { name: string }).name;
    const nb = (types[b] as { name: string }).name;
    return na < nb ? -1 : na > nb ? 1 : a - b;
  });
  return { prices, order: Int32Array.from(ids), capacityMasks, capacityTypes, anyReserved };
}

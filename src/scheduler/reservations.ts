/**
 * Reserved capacity: how many node claims each capacity reservation can still back. A claim holds one unit
 * of every compatible reservation it could launch into, because its final instance type is not known yet.
 *
 * @module
 */
import type { InstanceType, InstanceTypeIndex } from "../instance-types/index.js";
import type { OfferingMatcher } from "../instance-types/offering-matcher.js";

/** Tracks which planned claims hold which reservations. */
export class ReservationManager {
  private readonly holders = new Map<string, Set<string>>();

  private readonly capacity: ReadonlyMap<string, number>;

  /**
   * @param index - the catalogue; each reservation id's capacity is the smallest its offerings state
   */
  constructor(index: InstanceTypeIndex) {
    this.capacity = index.reservationCapacities();
  }

  /** Whether any reservation exists at all (lets the common case skip the work). */
  get empty(): boolean {
    return this.capacity.size === 0;
  }

  /**
   * @param holder - the claim's placeholder hostname
   * @param id - a reservation id
   * @returns whether the holder has or can take a unit of it
   */
  canReserve(holder: string, id: string): boolean {
    const holders = this.holders.get(id);
    if (holders?.has(holder) === true) return true;
    return (holders?.size ?? 0) < (this.capacity.get(id) ?? 0);
  }

  /**
   * Replaces what a holder holds.
   *
   * @param holder - the claim's placeholder hostname
   * @param before - the ids it held
   * @param after - the ids it holds now
   */
  update(holder: string, before: ReadonlySet<string>, after: ReadonlySet<string>): void {
    for (const id of before) if (!after.has(id)) this.holders.get(id)?.delete(holder);
    for (const id of after) {
      let set = this.holders.get(id);
      if (set === undefined) this.holders.set(id, (set = new Set()));
      set.add(holder);
    }
  }
}

/** The reservations a claim should hold, or why it must not take the pod. */
export type ReservationPlan = { readonly ok: true; readonly ids: ReadonlySet<string> } | { readonly ok: false; readonly message: string };

/**
 * Which reservations a claim with these surviving options should hold.
 *
 * @param manager - the run's reservations
 * @param holder - the claim's placeholder hostname
 * @param held - what it holds now
 * @param types - its surviving options
 * @param matcher - offering compatibility with its requirements
 * @param strict - refuse when compatible reservations exist but none can be had, or when the claim would lose all it held
 * @returns the ids to hold, or the refusal
 */
export function planReservations(
  manager: ReservationManager,
  holder: string,
  held: ReadonlySet<string>,
  types: readonly InstanceType[],
  matcher: OfferingMatcher,
  strict: boolean,
): ReservationPlan {
  if (manager.empty) return { ok: true, ids: held };
  const compatible = new Set<string>();
  const ids = new Set<string>();
  for (const type of types) {
    for (const o of type.offerings) {
      if (o.reservationId === undefined || !matcher.matches(o)) continue;
      compatible.add(o.reservationId);
      if (manager.canReserve(holder, o.reservationId)) ids.add(o.reservationId);
    }
  }
  if (strict && compatible.size > 0 && ids.size === 0) {
    return { ok: false, message: "compatible reserved offerings exist but all of their capacity is already held" };
  }
  if (strict && held.size > 0 && ids.size === 0) {
    return { ok: false, message: "the pod would remove every reserved offering this node claim holds" };
  }
  return { ok: true, ids };
}

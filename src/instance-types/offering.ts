/**
 * Offerings: where (zone), how (capacity type, reservation) and at what hourly price an instance type can be
 * launched.
 *
 * @module
 */
import { InputError, type PathSegment } from "../errors.js";
import { LABEL_CAPACITY_TYPE, LABEL_ZONE, Requirement, Requirements } from "../requirements/index.js";

/**
 * The label a reserved offering carries with its reservation's id.
 *
 * @category Instance types
 */
export const LABEL_RESERVATION_ID = "karpenter.sh/reservation-id";

/**
 * How an offering is bought: on demand, as spot capacity, or out of a capacity reservation.
 *
 * @category Instance types
 */
export type CapacityType = "on-demand" | "spot" | "reserved";

const CAPACITY_TYPE_NAMES: ReadonlySet<string> = new Set(["on-demand", "spot", "reserved"]);

/**
 * One way to launch an instance type: a zone, a capacity type, an hourly price and whether it can be had now.
 *
 * @category Instance types
 */
export interface Offering {
  readonly zone: string;
  readonly capacityType: CapacityType;
  /** Price per hour. */
  readonly price: number;
  /** False when the cloud has no capacity for it now; unavailable offerings are never chosen. */
  readonly available: boolean;
  /** Only on reserved offerings: the capacity reservation it draws from. */
  readonly reservationId?: string;
  /** Only on reserved offerings: how many instances the reservation can still launch. */
  readonly reservationCapacity?: number;
  /** `zone In [zone]`, `capacity-type In [capacityType]` and, when reserved, `reservation-id In [id]`. */
  readonly requirements: Requirements;
}

/**
 * The input {@link createOffering} accepts; `available` defaults to true.
 *
 * @category Instance types
 */
export interface OfferingSpec {
  readonly zone: string;
  readonly capacityType: string;
  readonly price: number;
  readonly available?: boolean | undefined;
  readonly reservationId?: string | undefined;
  readonly reservationCapacity?: number | undefined;
}

/**
 * Builds an offering and its requirements, validating the spec.
 *
 * @param spec - zone, capacity type, price and the optional availability / reservation fields
 * @param path - where the spec sits in a larger input, for error paths
 * @returns the offering
 * @throws InputError naming the bad field when the zone is empty, the capacity type unknown, the price negative
 *   or not a number, or a reservation id is missing on a reserved offering (or present on another)
 * @example
 * ```ts
 * const o = createOffering({ zone: "test-zone-1", capacityType: "spot", price: 0.41 });
 * o.requirements.get("topology.kubernetes.io/zone").has("test-zone-1"); // true
 * ```
 * @category Instance types
 */
export function createOffering(spec: OfferingSpec, path: readonly PathSegment[] = []): Offering {
  if (typeof spec.zone !== "string" || spec.zone === "") {
    throw new InputError(`offering zone must be a non-empty string, got ${JSON.stringify(spec.zone)}`, [...path, "zone"]);
  }
  if (!CAPACITY_TYPE_NAMES.has(spec.capacityType)) {
    throw new InputError(`offering capacityType must be one of on-demand, spot, reserved, got ${JSON.stringify(spec.capacityType)}`, [...path, "capacityType"]);
  }
  if (typeof spec.price !== "number" || Number.isNaN(spec.price) || spec.price < 0) {
    throw new InputError(`offering price must be a non-negative number, got ${String(spec.price)}`, [...path, "price"]);
  }
  const capacityType = spec.capacityType as CapacityType;
  const reserved = capacityType === "reserved";
  if (reserved && (spec.reservationId === undefined || spec.reservationId === "")) {
    throw new InputError("a reserved offering needs a reservationId", [...path, "reservationId"]);
  }
  if (!reserved && spec.reservationId !== undefined) {
    throw new InputError(`only reserved offerings carry a reservationId, this one is ${capacityType}`, [...path, "reservationId"]);
  }
  if (spec.reservationCapacity !== undefined && !(Number.isInteger(spec.reservationCapacity) && spec.reservationCapacity >= 0)) {
    throw new InputError(`offering reservationCapacity must be a non-negative integer, got ${String(spec.reservationCapacity)}`, [
      ...path,
      "reservationCapacity",
    ]);
  }
  const parts = [Requirement.create(LABEL_ZONE, "In", [spec.zone]), Requirement.create(LABEL_CAPACITY_TYPE, "In", [capacityType])];
  if (spec.reservationId !== undefined) parts.push(Requirement.create(LABEL_RESERVATION_ID, "In", [spec.reservationId]));
  return {
    zone: spec.zone,
    capacityType,
    price: spec.price,
    available: spec.available ?? true,
    ...(spec.reservationId !== undefined ? { reservationId: spec.reservationId } : {}),
    ...(spec.reservationCapacity !== undefined ? { reservationCapacity: spec.reservationCapacity } : {}),
    requirements: Requirements.of(parts),
  };
}

/**
 * The identity of an offering inside one instance type: zone, capacity type and reservation.
 *
 * @param offering - the offering
 * @returns a string unique per (zone, capacity type, reservation id)
 * @category Instance types
 */
export function offeringKey(offering: Pick<Offering, "zone" | "capacityType" | "reservationId">): string {
  return `${offering.zone}\u0000${offering.capacityType}\u0000${offering.reservationId ?? ""}`;
}

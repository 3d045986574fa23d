/**
 * The two compatibility questions instance-type filtering asks: does an instance type's label set intersect a
 * node claim's requirements, and is one of its offerings compatible with them.
 *
 * @module
 */
import { WELL_KNOWN_LABELS, type Requirements } from "../requirements/index.js";
import type { InstanceType } from "./instance-type.js";
import { LABEL_RESERVATION_ID, type Offering } from "./offering.js";

/**
 * The labels a node claim may leave undefined when checked against an offering: the well-known labels plus
 * the reservation-id label, which only reserved offerings carry.
 * @category Instance types
 */
export const OFFERING_WELL_KNOWN_LABELS: ReadonlySet<string> = new Set([...WELL_KNOWN_LABELS, LABEL_RESERVATION_ID]);

/**
 * Whether an offering is compatible with a node claim's requirements, as Karpenter checks it:
 * `requirements.isCompatible(offering.requirements, { allowUndefined: well-known labels })`. Availability is not
 * considered here.
 *
 * @param offering - the offering
 * @param requirements - the node claim's (or pod's) requirements
 * @returns true when zone, capacity type and reservation all match
 * @category Instance types
 */
export function isOfferingCompatible(offering: Offering, requirements: Requirements): boolean {
  return requirements.isCompatible(offering.requirements, { allowUndefined: OFFERING_WELL_KNOWN_LABELS });
}

/**
 * The offerings a launch could use: available and compatible with the requirements, in catalogue order.
 *
 * @param offerings - the offerings of one instance type
 * @param requirements - the node claim's requirements
 * @returns the available compatible offerings
 * @category Instance types
 */
export function availableCompatibleOfferings(offerings: readonly Offering[], requirements: Requirements): readonly Offering[] {
  return offerings.filter((o) => o.available && isOfferingCompatible(o, requirements));
}

/**
 * Whether an instance type has at least one available offering compatible with the requirements.
 *
 * @param type - the instance type
 * @param requirements - the node claim's requirements
 * @returns true when some available offering matches
 * @category Instance types
 */
export function hasCompatibleOffering(type: InstanceType, requirements: Requirements): boolean {
  return type.offerings.some((o) => o.available && isOfferingCompatible(o, requirements));
}

/**
 * Whether an instance type's labels can satisfy the requirements (label level only, keys the type does not
 * define are ignored), as Karpenter's `Intersects`.
 *
 * @param type - the instance type
 * @param requirements - the node claim's requirements
 * @returns true when every shared key has a common value
 * @category Instance types
 */
export function meetsRequirements(type: InstanceType, requirements: Requirements): boolean {
  return type.requirements.intersects(requirements);
}

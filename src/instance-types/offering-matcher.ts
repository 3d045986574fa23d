/**
 * The offering check narrowing and finalization make, specialised to the three keys offerings carry.
 *
 * @module
 */
import { LABEL_CAPACITY_TYPE, LABEL_ZONE, type Requirement, type Requirements } from "../requirements/index.js";
import type { InstanceType } from "./instance-type.js";
import { LABEL_RESERVATION_ID, type Offering } from "./offering.js";

/**
 * Offering check specialised to the keys offerings carry (zone, capacity type, reservation).
 *
 * @internal
 */
export class OfferingMatcher {
  private readonly zone: Requirement;
  private readonly capacityType: Requirement;
  private readonly reservation: Requirement;

  /** @param requirements - the node claim's requirements */
  constructor(requirements: Requirements) {
    this.zone = requirements.get(LABEL_ZONE);
    this.capacityType = requirements.get(LABEL_CAPACITY_TYPE);
    this.reservation = requirements.get(LABEL_RESERVATION_ID);
  }

  /**
   * @param o - an offering
   * @returns whether it is available and compatible with the requirements
   */
  matches(o: Offering): boolean {
    return (
      o.available &&
      this.zone.has(o.zone) &&
      this.capacityType.has(o.capacityType) &&
      (o.reservationId === undefined ? true : this.reservation.has(o.reservationId))
    );
  }

  /**
   * @param type - an instance type
   * @returns whether some offering matches
   */
  hasOffering(type: InstanceType): boolean {
    for (const o of type.offerings) if (this.matches(o)) return true;
    return false;
  }
}

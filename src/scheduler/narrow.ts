/**
 * Instance-type narrowing for a node claim: which of its options can still hold all of its pods plus the
 * DaemonSet overhead of the option's group, in a compatible zone and capacity type, honouring minValues.
 *
 * @module
 */
import {
  filterInstanceTypes,
  formatInstanceTypeFilterFailure,
  LABEL_RESERVATION_ID,
  relaxMinValues,
  satisfiesMinValues,
  formatMinValuesShortfall,
  type InstanceType,
  type Offering,
} from "../instance-types/index.js";
import { addResources, fitsResources, hostPortsConflict, minResources, type HostPort, type ResourceList } from "../resources/index.js";
import { LABEL_CAPACITY_TYPE, LABEL_ZONE, type Requirement, type Requirements } from "../requirements/index.js";
import type { NodePoolTemplate } from "./templates.js";
import type { NodePoolFailure } from "./types.js";

/** The narrowed options, or why none are left. */
export type NarrowResult =
  | { readonly ok: true; readonly instanceTypes: readonly InstanceType[]; readonly requirements: Requirements; readonly minValuesRelaxed: boolean }
  | { readonly ok: false; readonly failure: NodePoolFailure };

/** Offering check specialised to the keys offerings carry (zone, capacity type, reservation). */
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

function absenceOnly(r: Requirement): boolean {
  const op = r.operator;
  return op === "NotIn" || op === "DoesNotExist";
}

/**
 * The requirements that differ between what the options were last narrowed for and now: options already
 * intersect every unchanged key, so only these need checking.
 */
function changedRequirements(previous: Requirements, next: Requirements): Requirement[] {
  const changed: Requirement[] = [];
  for (const r of next) {
    if (previous.has(r.key) && previous.get(r.key).equals(r)) continue;
    changed.push(r);
  }
  return changed;
}

/** `type.requirements.intersects(...)` restricted to the changed keys (same per-key rule). */
function meetsChanged(type: InstanceType, changed: readonly Requirement[]): boolean {
  const own = type.requirements;
  for (const r of changed) {
    if (!own.has(r.key)) continue;
    const mine = own.get(r.key);
    if (!mine.intersects(r) && !(absenceOnly(mine) && absenceOnly(r))) return false;
  }
  return true;
}

function portsConflict(a: readonly HostPort[], b: readonly HostPort[]): boolean {
  for (const x of a) for (const y of b) if (hostPortsConflict(x, y)) return true;
  return false;
}

/**
 * Narrows a claim's options for a new total of pod requests.
 *
 * @param options - the claim's current options (each intersects `previous`)
 * @param previous - the requirements the options were last narrowed for
 * @param requirements - the claim's requirements with the pod's merged in
 * @param requests - the claim's pod requests plus the new pod's (daemon overhead is added per group)
 * @param podPorts - the new pod's host ports (conflicting DaemonSet groups are skipped)
 * @param template - the claim's NodePool template
 * @param minValuesPolicy - Strict refuses to narrow below minValues, BestEffort lowers them
 * @returns the surviving options in order, or a structured failure
 */
export function narrowInstanceTypes(
  options: readonly InstanceType[],
  previous: Requirements,
  requirements: Requirements,
  requests: ResourceList,
  podPorts: readonly HostPort[],
  template: NodePoolTemplate,
  minValuesPolicy: "Strict" | "BestEffort",
): NarrowResult {
  const groups = template.daemonGroups;
  const totals: (ResourceList | null | undefined)[] = new Array(groups.length);
  const matcher = new OfferingMatcher(requirements);
  const changed = changedRequirements(previous, requirements);
  const kept: InstanceType[] = [];
  const usable: InstanceType[] = [];
  for (const type of options) {
    const g = template.groupOf.get(type) ?? 0;
    let total = totals[g];
    if (total === undefined) {
      const group = groups[g];
      total = group === undefined ? requests : podPorts.length > 0 && portsConflict(podPorts, group.hostPorts) ? null : addResources(requests, group.overhead);
      totals[g] = total;
    }
    if (total === null) continue;
    usable.push(type);
    if (meetsChanged(type, changed) && fitsResources(total, type.allocatable) && matcher.hasOffering(type)) kept.push(type);
  }
  if (kept.length === 0) return { ok: false, failure: describeFailure(usable, options.length, requirements, requests, template) };
  if (!requirements.hasMinValues()) return { ok: true, instanceTypes: kept, requirements, minValuesRelaxed: false };
  const check = satisfiesMinValues(kept, requirements);
  if (check.satisfied) return { ok: true, instanceTypes: kept, requirements, minValuesRelaxed: false };
  if (minValuesPolicy === "BestEffort") {
    return { ok: true, instanceTypes: kept, requirements: relaxMinValues(requirements, check.shortfalls), minValuesRelaxed: true };
  }
  return {
    ok: false,
    failure: {
      nodePool: template.name,
      kind: "min-values",
      message: formatMinValuesShortfall(check.shortfalls),
      minValues: new Map(check.shortfalls.map((s) => [s.key, s.achieved])),
    },
  };
}

function describeFailure(
  usable: readonly InstanceType[],
  optionCount: number,
  requirements: Requirements,
  requests: ResourceList,
  template: NodePoolTemplate,
): NodePoolFailure {
  if (usable.length === 0 && optionCount > 0) {
    return { nodePool: template.name, kind: "host-port-conflict", message: "the pod's host ports conflict with every DaemonSet group's host ports" };
  }
  let overhead: ResourceList | undefined;
  for (const g of template.daemonGroups) overhead = overhead === undefined ? g.overhead : minResources(overhead, g.overhead);
  const total = overhead === undefined ? requests : addResources(requests, overhead);
  const { failure } = filterInstanceTypes(usable, requirements, total, { minValuesPolicy: "Ignore" });
  if (failure === undefined) {
    return { nodePool: template.name, kind: "insufficient-resources", message: "no instance type met the requirements/resources/offering tuple" };
  }
  const message = formatInstanceTypeFilterFailure(failure);
  if (!failure.requirementsMet) return { nodePool: template.name, kind: "incompatible-requirements", message };
  if (!failure.hasOffering || (failure.requirementsAndFits && !failure.requirementsAndOffering)) {
    return { nodePool: template.name, kind: "no-offering", message };
  }
  return {
    nodePool: template.name,
    kind: "insufficient-resources",
    message,
    ...(failure.shortfall !== undefined ? { resources: [failure.shortfall] } : {}),
  };
}

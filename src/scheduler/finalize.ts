/**
 * Turning a planned claim into its result: the launch requirements, DaemonSet overhead, the price-sorted and
 * truncated option list (minValues re-checked), resolved labels, and the offering a launch would pick.
 *
 * @module
 */
import { LABEL_RESERVATION_ID, truncateInstanceTypes, type InstanceType, type Offering } from "../instance-types/index.js";
import { addResources, fitsResources, minResources, type ResourceList } from "../resources/index.js";
import {
  isRestrictedLabel,
  LABEL_CAPACITY_TYPE,
  LABEL_HOSTNAME,
  LABEL_INSTANCE_TYPE,
  Requirement,
  Requirements,
} from "../requirements/index.js";
import type { NodeSelectorRequirementWithMinValues } from "../types/kubernetes.js";
import { OfferingMatcher } from "./narrow.js";
import type { PlannedClaim } from "./planned-claim.js";
import { SIMULATION_ONLY_LABELS } from "./templates.js";
import type { PlannedNodeClaim, ResolvedScheduleOptions } from "./types.js";

/** A finalized claim, or the minValues failure that drops it (its pods become unschedulable). */
export type Finalized = { readonly ok: true; readonly claim: PlannedNodeClaim } | { readonly ok: false; readonly message: string };

/** The smallest DaemonSet overhead among the groups that still hold one of the options. */
function daemonOverhead(claim: PlannedClaim): ResourceList {
  let overhead: ResourceList | undefined;
  const seen = new Set<number>();
  for (const type of claim.options) {
    const g = claim.template.groupOf.get(type) ?? 0;
    if (seen.has(g)) continue;
    seen.add(g);
    const group = claim.template.daemonGroups[g];
    if (group === undefined) continue;
    overhead = overhead === undefined ? group.overhead : minResources(overhead, group.overhead);
  }
  return overhead ?? new Map();
}

function compareOfferings(a: Offering, b: Offering): number {
  if (a.price !== b.price) return a.price - b.price;
  if (a.zone !== b.zone) return a.zone < b.zone ? -1 : 1;
  return a.capacityType < b.capacityType ? -1 : a.capacityType > b.capacityType ? 1 : 0;
}

/**
 * What a launch would pick, as upstream's fake provider does: among the options that fit the requests, the
 * cheapest available compatible offering, a reserved one first when there is any.
 */
function chooseOffering(types: readonly InstanceType[], requests: ResourceList, matcher: OfferingMatcher): { type: InstanceType; offering: Offering } | undefined {
  let best: { type: InstanceType; offering: Offering } | undefined;
  let bestReserved: { type: InstanceType; offering: Offering } | undefined;
  for (const type of types) {
    if (!fitsResources(requests, type.allocatable)) continue;
    for (const offering of type.offerings) {
      if (!matcher.matches(offering)) continue;
      if (offering.capacityType === "reserved") {
        if (bestReserved === undefined || compareOfferings(offering, bestReserved.offering) < 0) bestReserved = { type, offering };
      } else if (best === undefined || compareOfferings(offering, best.offering) < 0) {
        best = { type, offering };
      }
    }
  }
  return bestReserved ?? best;
}

/** Cheapest available compatible offering price per type; Infinity when none. */
function launchPrice(type: InstanceType, matcher: OfferingMatcher): number {
  let best = Infinity;
  for (const o of type.offerings) if (o.price < best && matcher.matches(o)) best = o.price;
  return best;
}

/**
 * Upstream's truncation (order by launch price, ties by name; keep the first N; re-check minValues),
 * with offering compatibility specialised to zone, capacity type and reservation for speed.
 */
function truncate(types: readonly InstanceType[], requirements: Requirements, options: ResolvedScheduleOptions): ReturnType<typeof truncateInstanceTypes> {
  const matcher = new OfferingMatcher(requirements);
  const keyed = types.map((type) => ({ type, price: launchPrice(type, matcher) }));
  keyed.sort((a, b) => (a.price === b.price ? compareKeys(a.type.name, b.type.name) : a.price < b.price ? -1 : 1));
  const ordered = keyed.slice(0, options.maxInstanceTypes).map((k) => k.type);
  if (!requirements.hasMinValues()) return { ok: true, instanceTypes: ordered, requirements, relaxed: false };
  // The library re-sorts the already ordered list stably; only its minValues verdict is needed.
  return truncateInstanceTypes(ordered, requirements, options.maxInstanceTypes, options.minValuesPolicy);
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Finalizes a planned claim.
 *
 * @param claim - the planned claim
 * @param name - its result name (`<nodePool>-<n>`)
 * @param options - the run's options
 * @returns the result claim, or why minValues failed after truncation
 */
export function finalizeClaim(claim: PlannedClaim, name: string, options: ResolvedScheduleOptions): Finalized {
  let requirements = Requirements.of([...claim.requirements].filter((r) => r.key !== LABEL_HOSTNAME));
  let types = claim.options;
  if (claim.reservations.size > 0) {
    requirements = requirements.add(
      Requirement.create(LABEL_CAPACITY_TYPE, "In", ["reserved"]),
      Requirement.create(LABEL_RESERVATION_ID, "In", [...claim.reservations].sort()),
    );
    const matcher = new OfferingMatcher(requirements);
    types = types.filter((t) => matcher.hasOffering(t));
  } else if (requirements.get(LABEL_CAPACITY_TYPE).has("reserved")) {
    // A claim that holds no reservation must not launch into one another claim holds.
    requirements = requirements.add(Requirement.create(LABEL_CAPACITY_TYPE, "NotIn", ["reserved"]));
    const matcher = new OfferingMatcher(requirements);
    types = types.filter((t) => matcher.hasOffering(t));
  }
  const requests = addResources(claim.requests, daemonOverhead(claim));
  const truncated = truncate(types, requirements, options);
  if (!truncated.ok) return { ok: false, message: `pod didn't schedule because NodePool couldn't meet minValues requirements: ${truncated.message}` };
  requirements = truncated.requirements;
  const matcher = new OfferingMatcher(requirements);
  const list = truncated.instanceTypes;
  const chosen = chooseOffering(list, requests, matcher) ?? chooseOffering(list, new Map(), matcher);
  const capacityTypes = new Set<string>();
  for (const t of list) for (const o of t.offerings) if (matcher.matches(o)) capacityTypes.add(o.capacityType);
  const out: NodeSelectorRequirementWithMinValues[] = [];
  const labels = new Map(claim.template.labels);
  const keys = [...requirements.keys()].filter((k) => !SIMULATION_ONLY_LABELS.has(k)).sort(compareKeys);
  for (const key of keys) {
    const r = requirements.get(key);
    if (key === LABEL_INSTANCE_TYPE) {
      out.push({ key, operator: "In", values: list.map((t) => t.name), ...(r.minValues !== undefined ? { minValues: r.minValues } : {}) });
      continue;
    }
    if (key === LABEL_CAPACITY_TYPE) {
      out.push({ key, operator: "In", values: [...capacityTypes].sort(), ...(r.minValues !== undefined ? { minValues: r.minValues } : {}) });
      continue;
    }
    out.push(...r.toNodeSelectorRequirements());
    if (!options.wellKnownLabels.has(key) && !isRestrictedLabel(key, options.wellKnownLabels) && !labels.has(key)) {
      const value = r.any();
      if (value !== undefined) labels.set(key, value);
    }
  }
  if (!requirements.has(LABEL_INSTANCE_TYPE)) out.push({ key: LABEL_INSTANCE_TYPE, operator: "In", values: list.map((t) => t.name) });
  if (!requirements.has(LABEL_CAPACITY_TYPE)) out.push({ key: LABEL_CAPACITY_TYPE, operator: "In", values: [...capacityTypes].sort() });
  out.sort((a, b) => compareKeys(a.key, b.key));
  return {
    ok: true,
    claim: {
      name,
      nodePool: claim.template.name,
      instanceType: chosen?.type.name ?? list[0]?.name ?? "",
      zone: chosen?.offering.zone ?? "",
      capacityType: chosen?.offering.capacityType ?? "",
      price: chosen?.offering.price ?? 0,
      instanceTypeOptions: list.map((t) => t.name),
      pods: [...claim.pods],
      requests,
      requirements: out,
      labels,
      taints: claim.template.taints,
      minValuesRelaxed: claim.minValuesRelaxed || truncated.relaxed,
    },
  };
}

/**
 * Turning a planned claim into its result: the launch requirements, DaemonSet overhead, the price-sorted and
 * truncated option list (minValues re-checked), resolved labels, and the offering a launch would pick.
 *
 * @module
 */
import type { CatalogueVectors } from "../instance-types/catalogue-vectors.js";
import { LABEL_RESERVATION_ID, truncateInstanceTypes, type InstanceType, type Offering } from "../instance-types/index.js";
import { OfferingMatcher } from "../instance-types/offering-matcher.js";
import type { OfferingView } from "../instance-types/offering-view.js";
import { OptionSet } from "../instance-types/option-set.js";
import { addResources, fitsVectorAt, minResources, type ResourceList } from "../resources/index.js";
import { isRestrictedLabel, LABEL_CAPACITY_TYPE, LABEL_HOSTNAME, LABEL_INSTANCE_TYPE, Requirement, Requirements } from "../requirements/index.js";
import type { NodeSelectorRequirementWithMinValues } from "../types/kubernetes.js";
import type { NodeClaim } from "./nodeclaim.js";
import { SIMULATION_ONLY_LABELS } from "./nodeclaim-template.js";
import type { PlannedNodeClaim, ResolvedScheduleOptions } from "./types.js";

/** A finalized claim, or the minValues failure that drops it (its pods become unschedulable). */
export type Finalized = { readonly ok: true; readonly claim: PlannedNodeClaim } | { readonly ok: false; readonly message: string };

/** The smallest DaemonSet overhead among the groups that still hold one of the options. */
function daemonOverhead(claim: NodeClaim): ResourceList {
  let overhead: ResourceList | undefined;
  const template = claim.template;
  const seen = new Uint8Array(Math.max(template.daemonGroups.length, 1));
  const ids = claim.options.ids;
  for (let i = 0; i < ids.length; i++) {
    const g = template.groupById[ids[i] as number] as number;
    if (seen[g] === 1) continue;
    seen[g] = 1;
    const group = template.daemonGroups[g];
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

function fitsRow(requests: Float64Array | undefined, vectors: CatalogueVectors, id: number): boolean {
  return requests === undefined || fitsVectorAt(requests, 0, vectors.allocatable, id * vectors.dims, vectors.dims);
}

/**
 * What a launch would pick, as upstream's fake provider does: among the options that fit the requests, the
 * cheapest available compatible offering, a reserved one first when there is any. The options come in
 * launch-price order, so without reserved offerings the walk stops at the first type dearer than the best.
 * With a capacity-type priority (a provider's launch order), the first listed capacity type that has such an
 * offering wins, the cheapest within it.
 */
function chooseOffering(
  options: OptionSet,
  requests: Float64Array | undefined,
  matcher: OfferingMatcher,
  view: OfferingView,
  vectors: CatalogueVectors,
  priority?: readonly string[],
): { type: InstanceType; offering: Offering } | undefined {
  if (priority !== undefined) return chooseByPriority(options, requests, matcher, vectors, priority);
  const { types, ids } = options;
  let best: { type: InstanceType; offering: Offering } | undefined;
  let bestReserved: { type: InstanceType; offering: Offering } | undefined;
  for (let i = 0; i < types.length; i++) {
    const id = ids[i] as number;
    if (!view.anyReserved && best !== undefined && (view.prices[id] as number) > best.offering.price) break;
    if (!fitsRow(requests, vectors, id)) continue;
    const type = types[i] as InstanceType;
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

/** The launch choice under a capacity-type order: rank in the list (unlisted last), then the offering order. */
function chooseByPriority(
  options: OptionSet,
  requests: Float64Array | undefined,
  matcher: OfferingMatcher,
  vectors: CatalogueVectors,
  priority: readonly string[],
): { type: InstanceType; offering: Offering } | undefined {
  const rank = (capacityType: string): number => {
    const i = priority.indexOf(capacityType);
    return i < 0 ? priority.length : i;
  };
  const { types, ids } = options;
  let best: { type: InstanceType; offering: Offering; rank: number } | undefined;
  for (let i = 0; i < types.length; i++) {
    if (!fitsRow(requests, vectors, ids[i] as number)) continue;
    const type = types[i] as InstanceType;
    for (const offering of type.offerings) {
      if (!matcher.matches(offering)) continue;
      const r = rank(offering.capacityType);
      if (best === undefined || r < best.rank || (r === best.rank && compareOfferings(offering, best.offering) < 0)) best = { type, offering, rank: r };
    }
  }
  return best === undefined ? undefined : { type: best.type, offering: best.offering };
}

/** Keeps the options that have a compatible available offering under the view. */
function withOffering(options: OptionSet, view: OfferingView): OptionSet {
  return options.filter((id) => view.capacityMasks[id] !== 0);
}

let member = new Uint8Array(0);

/**
 * Upstream's truncation (order by launch price, ties by name; keep the first N; re-check minValues), reading
 * the catalogue's precomputed price order instead of sorting each claim's options.
 */
function truncate(
  options: OptionSet,
  requirements: Requirements,
  run: ResolvedScheduleOptions,
  view: OfferingView,
): { readonly result: ReturnType<typeof truncateInstanceTypes>; readonly ordered: OptionSet } {
  const ids = options.ids;
  const size = options.index.size;
  if (member.length < size) member = new Uint8Array(size);
  for (let i = 0; i < ids.length; i++) member[ids[i] as number] = 1;
  const orderedIds: number[] = [];
  const order = view.order;
  for (let k = 0; k < order.length && orderedIds.length < run.maxInstanceTypes; k++) {
    const id = order[k] as number;
    if (member[id] === 1) orderedIds.push(id);
  }
  for (let i = 0; i < ids.length; i++) member[ids[i] as number] = 0;
  const ordered = OptionSet.ofIds(options.index, Int32Array.from(orderedIds));
  if (!requirements.hasMinValues()) return { result: { ok: true, instanceTypes: ordered.types, requirements, relaxed: false }, ordered };
  // The library re-sorts the already ordered list stably; only its minValues verdict is needed.
  return { result: truncateInstanceTypes(ordered.types, requirements, run.maxInstanceTypes, run.minValuesPolicy), ordered };
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
 * @param vectors - the run's catalogue rows (their index holds the claim's options)
 * @returns the result claim, or why minValues failed after truncation
 */
export function finalizeClaim(claim: NodeClaim, name: string, options: ResolvedScheduleOptions, vectors: CatalogueVectors): Finalized {
  const index = vectors.index;
  let requirements = Requirements.of([...claim.requirements].filter((r) => r.key !== LABEL_HOSTNAME));
  let kept = claim.options;
  if (claim.reservations.size > 0) {
    requirements = requirements.add(
      Requirement.create(LABEL_CAPACITY_TYPE, "In", ["reserved"]),
      Requirement.create(LABEL_RESERVATION_ID, "In", [...claim.reservations].sort()),
    );
    kept = withOffering(kept, index.offeringView(requirements));
  } else if (requirements.get(LABEL_CAPACITY_TYPE).has("reserved")) {
    // A claim that holds no reservation must not launch into one another claim holds.
    requirements = requirements.add(Requirement.create(LABEL_CAPACITY_TYPE, "NotIn", ["reserved"]));
    kept = withOffering(kept, index.offeringView(requirements));
  }
  const requests = addResources(claim.requests, daemonOverhead(claim));
  const truncation = truncate(kept, requirements, options, index.offeringView(requirements));
  const truncated = truncation.result;
  if (!truncated.ok) return { ok: false, message: `pod didn't schedule because NodePool couldn't meet minValues requirements: ${truncated.message}` };
  requirements = truncated.requirements;
  const matcher = new OfferingMatcher(requirements);
  const view = index.offeringView(requirements);
  // The library's minValues re-check re-sorts by its own price rule: take the ids from its list then.
  const final = truncated.instanceTypes === truncation.ordered.types ? truncation.ordered : index.optionsOf(truncated.instanceTypes);
  const list = final.types;
  const chosen =
    chooseOffering(final, vectors.vector(requests), matcher, view, vectors, options.capacityTypePriority) ??
    chooseOffering(final, undefined, matcher, view, vectors, options.capacityTypePriority);
  let mask = 0;
  for (const id of final.ids) mask |= view.capacityMasks[id] as number;
  const capacityTypes = view.capacityTypes.filter((_, bit) => (mask & (1 << bit)) !== 0);
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

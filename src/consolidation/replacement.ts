/**
 * The replace decision: a single new node claim replaces the candidates only if some instance type it may
 * launch as is strictly cheaper, at its worst launch price, than the candidates together.
 *
 * @module
 */
import { cheapestOffering, formatMinValuesShortfall, orderByPrice, satisfiesMinValues, worstLaunchPrice, type InstanceType } from "../instance-types/index.js";
import {
  LABEL_CAPACITY_TYPE,
  LABEL_INSTANCE_TYPE,
  LABEL_ZONE,
  Requirement,
  requirementsFromNodeSelectorRequirements,
  type Requirements,
} from "../requirements/index.js";
import type { PlannedNodeClaim } from "../scheduler/index.js";
import type { NodeSelectorRequirementWithMinValues } from "../types/kubernetes.js";
import type { Candidate } from "./candidates.js";
import type { PlanContext } from "./context.js";
import type { BlockerCode } from "./types.js";

/** Upstream's minimum number of cheaper types for a single-node spot-to-spot replace, and its launch list cap. */
export const MIN_SPOT_TO_SPOT_TYPES = 15;

/** A cheaper replacement, or why there is none. */
export type ReplacementResult =
  | { readonly ok: true; readonly claim: PlannedNodeClaim }
  | { readonly ok: false; readonly code: BlockerCode; readonly message: string };

function fail(code: BlockerCode, message: string): ReplacementResult {
  return { ok: false, code, message };
}

/**
 * Narrows the simulated claim to a strictly cheaper replacement, following upstream's rules:
 * options are kept only when their worst launch price is below the candidates' total price, and minValues must
 * still hold after that filter under either policy (BestEffort has already lowered the claim's minValues to what
 * the simulation reached; upstream's `RemoveInstanceTypeOptionsByPriceAndMinValues` checks what is left); when every candidate is spot and the claim may be spot, the
 * replace is spot-to-spot, allowed only behind the option, and for a single node needs at least 15 cheaper
 * types and launches from the 15 cheapest (more if minValues needs them); a claim that allows both spot and
 * on-demand is narrowed to spot (and reserved, if allowed), the capacity its prices assumed; a multi-node
 * merge drops options priced at or above the cheapest candidate whose type it would relaunch.
 *
 * nodefit also drops options with no available offering after narrowing, once upstream's filters have run
 * (so the same command wins), so the planned replacement can launch (upstream would let that launch fail and
 * leave the nodes alone).
 *
 * @param claim - the single new claim of the simulation
 * @param candidates - the nodes it would replace
 * @param ctx - the planning context
 * @param kind - `single` or `multi` node consolidation
 * @returns the replacement (cheapest option first, price of its cheapest offering) or why there is none
 */
export function cheaperReplacement(claim: PlannedNodeClaim, candidates: readonly Candidate[], ctx: PlanContext, kind: "single" | "multi"): ReplacementResult {
  const candidatePrice = candidates.reduce((sum, c) => sum + c.price, 0);
  let reqs = requirementsFromNodeSelectorRequirements(claim.requirements);
  let types: readonly InstanceType[] = claim.instanceTypeOptions
    .map((n) => ctx.catalog.get(n, claim.nodePool))
    .filter((t): t is InstanceType => t !== undefined);
  const capacity = reqs.get(LABEL_CAPACITY_TYPE);
  const allSpot = candidates.every((c) => c.state.capacityType === "spot");
  let narrowed: readonly string[] | undefined;
  if (allSpot && capacity.has("spot")) {
    if (!ctx.options.spotToSpotConsolidation) {
      return fail("spot-to-spot-disabled", "SpotToSpotConsolidation is disabled, can't replace a spot node with a spot node");
    }
    narrowed = ["spot"];
    reqs = reqs.add(Requirement.create(LABEL_CAPACITY_TYPE, "In", narrowed));
  }
  types = orderByPrice(
    types.filter((t) => worstLaunchPrice(t.offerings, reqs) < candidatePrice),
    reqs,
  );
  if (types.length === 0) return fail("no-cheaper-replacement", `can't replace with a cheaper node (candidates cost ${candidatePrice}/h)`);
  const minValues = satisfiesMinValues(types, reqs);
  if (!minValues.satisfied) {
    return fail("min-values", `filtering by price: ${formatMinValuesShortfall(minValues.shortfalls)}`);
  }
  if (narrowed !== undefined && kind === "single") {
    if (types.length < MIN_SPOT_TO_SPOT_TYPES) {
      return fail(
        "spot-to-spot-options",
        `SpotToSpotConsolidation requires ${MIN_SPOT_TO_SPOT_TYPES} cheaper instance type options than the current candidate to consolidate, got ${types.length}`,
      );
    }
    types = types.slice(0, Math.max(MIN_SPOT_TO_SPOT_TYPES, minValues.needed));
  }
  // Upstream narrows the requirement only; the options stay until the same-type cap below has seen them.
  const narrowToSpot = narrowed === undefined && capacity.has("spot") && capacity.has("on-demand");
  if (narrowToSpot) {
    narrowed = capacity.has("reserved") ? ["reserved", "spot"] : ["spot"];
    reqs = reqs.add(Requirement.create(LABEL_CAPACITY_TYPE, "In", narrowed));
  }
  if (kind === "multi") {
    types = withoutRelaunchedTypes(types, candidates, reqs);
    if (types.length === 0) return fail("no-cheaper-replacement", "the merge would only relaunch an instance type being removed");
    const capped = satisfiesMinValues(types, reqs);
    if (!capped.satisfied) {
      return fail("min-values", `filtering by the removed types' price: ${formatMinValuesShortfall(capped.shortfalls)}`);
    }
  }
  if (narrowToSpot) {
    // nodefit's addition (deviation C4), after upstream's filters so it never changes which command wins:
    // an option with no available spot offering could not launch under the narrowed requirement.
    types = types.filter((t) => cheapestOffering(t, reqs) !== undefined);
    if (types.length === 0) return fail("no-cheaper-replacement", "no cheaper option has an available spot offering");
  }
  return build(claim, types, reqs, narrowed, candidatePrice);
}

/**
 * Upstream's `filterOutSameInstanceType`: a merge that relaunches a removed type is really a delete, so every
 * option must launch (at its worst price under the claim's requirements) below the cheapest candidate of a
 * type among the options.
 */
function withoutRelaunchedTypes(types: readonly InstanceType[], candidates: readonly Candidate[], reqs: Requirements): readonly InstanceType[] {
  const names = new Set(types.map((t) => t.name));
  let ceiling = Infinity;
  for (const c of candidates) if (c.state.instanceType !== undefined && names.has(c.state.instanceType)) ceiling = Math.min(ceiling, c.price);
  return ceiling === Infinity ? types : types.filter((t) => worstLaunchPrice(t.offerings, reqs) < ceiling);
}

function build(
  claim: PlannedNodeClaim,
  types: readonly InstanceType[],
  reqs: Requirements,
  narrowed: readonly string[] | undefined,
  candidatePrice: number,
): ReplacementResult {
  const first = types[0];
  const offering = first === undefined ? undefined : cheapestOffering(first, reqs);
  if (first === undefined || offering === undefined) return fail("no-cheaper-replacement", "no cheaper option has an available offering");
  if (offering.price >= candidatePrice) return fail("no-cheaper-replacement", `can't replace with a cheaper node (candidates cost ${candidatePrice}/h)`);
  const names = types.map((t) => t.name);
  const requirements: NodeSelectorRequirementWithMinValues[] = claim.requirements.map((r) => {
    if (r.key === LABEL_CAPACITY_TYPE && narrowed !== undefined) return { ...r, operator: "In", values: [...narrowed] };
    if (r.key === LABEL_INSTANCE_TYPE && r.operator === "In") return { ...r, values: [...names].sort() };
    return r;
  });
  if (narrowed !== undefined && !requirements.some((r) => r.key === LABEL_CAPACITY_TYPE)) {
    requirements.push({ key: LABEL_CAPACITY_TYPE, operator: "In", values: [...narrowed] });
    requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  const labels = new Map(claim.labels);
  for (const [key, value] of [
    [LABEL_INSTANCE_TYPE, first.name],
    [LABEL_ZONE, offering.zone],
    [LABEL_CAPACITY_TYPE, offering.capacityType],
  ] as const) {
    if (labels.has(key)) labels.set(key, value);
  }
  return {
    ok: true,
    claim: {
      ...claim,
      instanceType: first.name,
      zone: offering.zone,
      capacityType: offering.capacityType,
      price: offering.price,
      instanceTypeOptions: names,
      requirements,
      labels,
    },
  };
}

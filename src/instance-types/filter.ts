/**
 * Filtering instance types for a node claim: a type survives when its labels intersect the requirements, the
 * requests fit its allocatable, and it has an available compatible offering. Every type is checked against all
 * three criteria (no short-circuit) so a failure can say which criteria were met by some type.
 *
 * @module
 */
import type { Requirements } from "../requirements/index.js";
import { fitsResources, insufficientResources, type ResourceList, type ResourceShortfall } from "../resources/index.js";
import { hasCompatibleOffering, meetsRequirements } from "./compatibility.js";
import type { InstanceTypeFilterFailure } from "./filter-failure.js";
import type { InstanceType } from "./instance-type.js";
import { satisfiesMinValues, type MinValuesShortfall } from "./min-values.js";
import type { MinValuesPolicy } from "./truncate.js";

/**
 * Options for {@link filterInstanceTypes}.
 *
 * @category Instance types
 */
export interface FilterOptions {
  /**
   * How to treat requirements with minValues on the survivors: `Strict` (default) keeps none when they miss,
   * `BestEffort` keeps them and reports the shortfall, `Ignore` skips the check.
   */
  readonly minValuesPolicy?: MinValuesPolicy | "Ignore" | undefined;
}

/**
 * The outcome of {@link filterInstanceTypes}.
 *
 * @category Instance types
 */
export interface FilterResult {
  /** The surviving types, in input order. */
  readonly instanceTypes: readonly InstanceType[];
  /** Present exactly when no type survived. */
  readonly failure?: InstanceTypeFilterFailure;
  /** Under BestEffort: the minValues the survivors missed (relax the requirements with `relaxMinValues`). */
  readonly minValuesShortfalls?: readonly MinValuesShortfall[];
}

/**
 * Keeps the instance types a node claim with these requirements and requests could launch as.
 *
 * @param types - the candidate instance types
 * @param requirements - the node claim's requirements (pod requirements merged in)
 * @param requests - the total requests the node must hold (pods plus daemon overhead)
 * @param options - the minValues policy
 * @returns the survivors in input order, and a structured failure when there are none
 * @example
 * ```ts
 * const { instanceTypes, failure } = filterInstanceTypes(fakeInstanceTypes(), reqs, new Map([["cpu", 1000]]));
 * ```
 * @category Instance types
 */
export function filterInstanceTypes(
  types: readonly InstanceType[],
  requirements: Requirements,
  requests: ResourceList,
  options: FilterOptions = {},
): FilterResult {
  const flags = { requirementsMet: false, fits: false, hasOffering: false, requirementsAndFits: false, requirementsAndOffering: false, fitsAndOffering: false };
  const kept: InstanceType[] = [];
  const misfits: { type: InstanceType; candidate: boolean }[] = [];
  for (const type of types) {
    const meets = meetsRequirements(type, requirements);
    const fits = fitsResources(requests, type.allocatable);
    const offering = hasCompatibleOffering(type, requirements);
    flags.requirementsMet ||= meets;
    flags.fits ||= fits;
    flags.hasOffering ||= offering;
    flags.requirementsAndFits ||= meets && fits && !offering;
    flags.requirementsAndOffering ||= meets && offering && !fits;
    flags.fitsAndOffering ||= fits && offering && !meets;
    if (meets && fits && offering) kept.push(type);
    else if (!fits) misfits.push({ type, candidate: meets && offering });
  }
  if (kept.length === 0) {
    const shortfall = mostConstraining(misfits, requests);
    const failure: InstanceTypeFilterFailure = { code: "no-instance-type", ...flags, requirements, requests, ...(shortfall ? { shortfall } : {}) };
    return { instanceTypes: [], failure };
  }
  const policy = options.minValuesPolicy ?? "Strict";
  if (policy === "Ignore" || !requirements.hasMinValues()) return { instanceTypes: kept };
  const check = satisfiesMinValues(kept, requirements);
  if (check.satisfied) return { instanceTypes: kept };
  if (policy === "BestEffort") return { instanceTypes: kept, minValuesShortfalls: check.shortfalls };
  return { instanceTypes: [], failure: { code: "min-values", ...flags, requirements, requests, minValues: check.shortfalls } };
}

/**
 * Picks the resource that rules out the most candidate types (those meeting the other criteria when there are
 * any), ties by name, with the largest amount any of them has of it.
 */
function mostConstraining(misfits: readonly { type: InstanceType; candidate: boolean }[], requests: ResourceList): ResourceShortfall | undefined {
  const candidates = misfits.some((m) => m.candidate) ? misfits.filter((m) => m.candidate) : misfits;
  const tally = new Map<string, { count: number; requested: number; available: number }>();
  for (const { type } of candidates) {
    for (const s of insufficientResources(requests, type.allocatable)) {
      const entry = tally.get(s.resource);
      if (entry === undefined) tally.set(s.resource, { count: 1, requested: s.requested, available: s.available });
      else tally.set(s.resource, { count: entry.count + 1, requested: s.requested, available: Math.max(entry.available, s.available) });
    }
  }
  let best: ResourceShortfall | undefined;
  let bestCount = 0;
  for (const [resource, entry] of [...tally].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (entry.count > bestCount) {
      best = { resource, requested: entry.requested, available: entry.available };
      bestCount = entry.count;
    }
  }
  return best;
}

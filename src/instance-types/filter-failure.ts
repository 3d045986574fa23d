/**
 * Why no instance type survived filtering: which of the three criteria (requirements, resources, offering)
 * some type met alone and in pairs, rendered as Karpenter's InstanceTypeFilterError messages. The structure is
 * kept and the message built only on demand, because failed checks are frequent during simulation.
 *
 * @module
 */
import type { Requirements } from "../requirements/index.js";
import { formatAmount, resourceListToRecord, type ResourceList, type ResourceShortfall } from "../resources/index.js";
import { formatMinValuesShortfall, type MinValuesShortfall } from "./min-values.js";

/**
 * Why {@link filterInstanceTypes} kept no instance type.
 *
 * @category Instance types
 */
export interface InstanceTypeFilterFailure {
  /** `no-instance-type` when no type met all three criteria; `min-values` when survivors missed minValues. */
  readonly code: "no-instance-type" | "min-values";
  /** Some type's labels intersect the requirements. */
  readonly requirementsMet: boolean;
  /** Some type's allocatable holds the requests. */
  readonly fits: boolean;
  /** Some type has an available offering compatible with the requirements. */
  readonly hasOffering: boolean;
  /** Some type met requirements and resources but had no offering. */
  readonly requirementsAndFits: boolean;
  /** Some type met requirements and had an offering but not the resources. */
  readonly requirementsAndOffering: boolean;
  /** Some type had the resources and an offering but not the requirements. */
  readonly fitsAndOffering: boolean;
  readonly requirements: Requirements;
  readonly requests: ResourceList;
  /**
   * The resource that ruled out the most candidate types (those meeting the other two criteria when there are
   * any, otherwise all), with the most any candidate had of it. Absent when resources ruled nothing out.
   */
  readonly shortfall?: ResourceShortfall;
  /** For `min-values`: the keys whose minimum the surviving types missed. */
  readonly minValues?: readonly MinValuesShortfall[];
}

/** A CPU request of a million cores is almost surely `m` typed as `M`. */
const CPU_TYPO_MILLICORES = 1_000_000_000;

/**
 * Renders a filter failure as Karpenter does (`no instance type has enough resources, requirements=…,
 * resources=…`), adding the m-vs-M typo hint and the most constraining resource shortfall.
 *
 * @param failure - the structured failure
 * @returns the message
 * @example
 * ```ts
 * const { failure } = filterInstanceTypes(types, reqs, requests);
 * if (failure) console.log(formatInstanceTypeFilterFailure(failure));
 * ```
 * @category Instance types
 */
export function formatInstanceTypeFilterFailure(failure: InstanceTypeFilterFailure): string {
  const context = `, requirements=${failure.requirements.toString()}, resources=${JSON.stringify(resourceListToRecord(failure.requests))}`;
  let message = `${headline(failure)}${context}`;
  if (failure.code === "no-instance-type" && failure.requirementsMet && !failure.fits && failure.hasOffering) {
    if ((failure.requests.get("cpu") ?? 0) >= CPU_TYPO_MILLICORES) message += " (CPU request >= 1 Million, m vs M typo?)";
  }
  if (failure.shortfall !== undefined && failure.code === "no-instance-type") {
    const s = failure.shortfall;
    message += `; most constraining resource ${s.resource}: requested ${formatAmount(s.resource, s.requested)}, at most ${formatAmount(s.resource, s.available)} allocatable`;
  }
  return message;
}

function headline(f: InstanceTypeFilterFailure): string {
  if (f.code === "min-values") return formatMinValuesShortfall(f.minValues ?? []);
  if (!f.requirementsMet && !f.fits && !f.hasOffering) {
    return "no instance type met the scheduling requirements or had enough resources or had a required offering";
  }
  if (!f.requirementsMet && !f.fits) return "no instance type met the scheduling requirements or had enough resources";
  if (!f.requirementsMet && !f.hasOffering) return "no instance type met the scheduling requirements or had a required offering";
  if (!f.fits && !f.hasOffering) return "no instance type had enough resources or had a required offering";
  if (!f.requirementsMet) return "no instance type met all requirements";
  if (!f.fits) return "no instance type has enough resources";
  if (!f.hasOffering) return "no instance type has the required offering";
  if (f.requirementsAndFits) {
    return "no instance type which met the scheduling requirements and had enough resources, had a required offering";
  }
  if (f.fitsAndOffering) {
    return "no instance type which had enough resources and the required offering met the scheduling requirements";
  }
  if (f.requirementsAndOffering) {
    return "no instance type which met the scheduling requirements and the required offering had the required resources";
  }
  return "no instance type met the requirements/resources/offering tuple";
}

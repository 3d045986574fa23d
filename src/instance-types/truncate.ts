/**
 * Truncation: the price-ordered, length-capped instance-type list a node claim is launched with, re-checked
 * against minValues.
 *
 * @module
 */
import type { Requirements } from "../requirements/index.js";
import type { InstanceType } from "./instance-type.js";
import { formatMinValuesShortfall, relaxMinValues, satisfiesMinValues, type MinValuesShortfall } from "./min-values.js";
import { orderByPrice } from "./price.js";

/**
 * How many instance types a launch request carries (Karpenter v1.7+).
 *
 * @category Instance types
 */
export const MAX_INSTANCE_TYPES = 600;

/**
 * What to do when minValues cannot be met: refuse (`Strict`, Karpenter's default) or lower them (`BestEffort`).
 *
 * @category Instance types
 */
export type MinValuesPolicy = "Strict" | "BestEffort";

/** The outcome of {@link truncateInstanceTypes}. */
export type TruncateResult =
  | {
      readonly ok: true;
      /** Cheapest first, at most `max`. */
      readonly instanceTypes: readonly InstanceType[];
      /** The requirements to launch with: under BestEffort, minValues lowered to what the list achieves. */
      readonly requirements: Requirements;
      /** True when BestEffort lowered some minValues. */
      readonly relaxed: boolean;
    }
  | {
      readonly ok: false;
      /** The truncated list that failed the check. */
      readonly instanceTypes: readonly InstanceType[];
      readonly shortfalls: readonly MinValuesShortfall[];
      /** `validating minValues, minValues requirement is not met for label(s) (...)`. */
      readonly message: string;
    };

/**
 * Orders instance types by price, keeps the first `max`, and re-checks minValues on what is left. Under
 * `Strict` a shortfall fails; under `BestEffort` the requirements' minValues are lowered to what was achieved.
 *
 * @param types - the node claim's instance-type options
 * @param requirements - the node claim's requirements
 * @param max - how many types to keep (default 600)
 * @param policy - the minValues policy (default `Strict`)
 * @returns the truncated list with the requirements to launch with, or the minValues shortfall
 * @example
 * ```ts
 * const r = truncateInstanceTypes(options, reqs, 60, "BestEffort");
 * if (r.ok) launch(r.instanceTypes, r.requirements);
 * ```
 */
export function truncateInstanceTypes(
  types: readonly InstanceType[],
  requirements: Requirements,
  max: number = MAX_INSTANCE_TYPES,
  policy: MinValuesPolicy = "Strict",
): TruncateResult {
  const truncated = orderByPrice(types, requirements).slice(0, Math.max(0, max));
  if (!requirements.hasMinValues()) return { ok: true, instanceTypes: truncated, requirements, relaxed: false };
  const check = satisfiesMinValues(truncated, requirements);
  if (check.satisfied) return { ok: true, instanceTypes: truncated, requirements, relaxed: false };
  if (policy === "BestEffort") {
    return { ok: true, instanceTypes: truncated, requirements: relaxMinValues(requirements, check.shortfalls), relaxed: true };
  }
  return {
    ok: false,
    instanceTypes: truncated,
    shortfalls: check.shortfalls,
    message: `validating minValues, ${formatMinValuesShortfall(check.shortfalls)}`,
  };
}

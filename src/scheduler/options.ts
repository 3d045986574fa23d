/**
 * Scheduler options, resolved once into a complete internal form.
 *
 * @module
 */
import { InputError } from "../errors.js";
import { WELL_KNOWN_LABELS } from "../requirements/index.js";
import type { ResolvedScheduleOptions, ScheduleOptions } from "./types.js";

/**
 * Upstream's default for how many instance types a node claim lists (v1.7+).
 *
 * @category Scheduling
 */
export const DEFAULT_MAX_INSTANCE_TYPES = 600;

/** The default bound on placement attempts in one run (far above what 100,000 pods need without retries). */
export const DEFAULT_MAX_STEPS = 1_000_000;

/**
 * Fills in defaults and validates the options.
 *
 * @param options - the caller's options (any field may be missing)
 * @returns the complete options
 * @throws InputError when a field has an unknown value
 * @example
 * ```ts
 * resolveScheduleOptions({ minValuesPolicy: "BestEffort" }).maxInstanceTypes; // 600
 * ```
 * @category Scheduling
 */
export function resolveScheduleOptions(options: ScheduleOptions = {}): ResolvedScheduleOptions {
  const preferencePolicy = options.preferencePolicy ?? "Respect";
  if (preferencePolicy !== "Respect" && preferencePolicy !== "Ignore") {
    throw new InputError(`preferencePolicy must be Respect or Ignore, got ${String(preferencePolicy)}`, ["preferencePolicy"]);
  }
  const minValuesPolicy = options.minValuesPolicy ?? "Strict";
  if (minValuesPolicy !== "Strict" && minValuesPolicy !== "BestEffort") {
    throw new InputError(`minValuesPolicy must be Strict or BestEffort, got ${String(minValuesPolicy)}`, ["minValuesPolicy"]);
  }
  const reservedCapacityMode = options.reservedCapacityMode ?? "strict";
  if (reservedCapacityMode !== "strict" && reservedCapacityMode !== "fallback") {
    throw new InputError(`reservedCapacityMode must be strict or fallback, got ${String(reservedCapacityMode)}`, ["reservedCapacityMode"]);
  }
  const maxInstanceTypes = options.maxInstanceTypes ?? DEFAULT_MAX_INSTANCE_TYPES;
  if (!Number.isInteger(maxInstanceTypes) || maxInstanceTypes < 1) {
    throw new InputError(`maxInstanceTypes must be a positive integer, got ${String(maxInstanceTypes)}`, ["maxInstanceTypes"]);
  }
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new InputError(`maxSteps must be a positive integer, got ${String(maxSteps)}`, ["maxSteps"]);
  }
  const capacityTypePriority = options.capacityTypePriority;
  if (capacityTypePriority !== undefined) {
    capacityTypePriority.forEach((ct, i) => {
      if (typeof ct !== "string" || ct === "" || capacityTypePriority.indexOf(ct) !== i) {
        throw new InputError(`capacityTypePriority must list distinct capacity types, got ${JSON.stringify(ct)} at ${i}`, ["capacityTypePriority", i]);
      }
    });
  }
  const wellKnownLabels = new Set(WELL_KNOWN_LABELS);
  for (const label of options.wellKnownLabels ?? []) wellKnownLabels.add(label);
  const resolved = { preferencePolicy, minValuesPolicy, maxInstanceTypes, reservedCapacityMode, wellKnownLabels, maxSteps };
  return capacityTypePriority === undefined ? resolved : { ...resolved, capacityTypePriority: [...capacityTypePriority] };
}

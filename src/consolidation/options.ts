/**
 * Planner options, resolved once.
 *
 * @module
 */
import { InputError } from "../errors.js";
import { timestampMs } from "./duration.js";
import type { ConsolidationOptions, ResolvedConsolidationOptions } from "./types.js";

/** A guard against endless replace chains when the caller sets no `maxCommands`. */
export const MAX_PLAN_COMMANDS = 10_000;

/**
 * The default `maxSimulationSteps`: placement attempts over all simulations of one plan, as many as one
 * `schedule` run may make (`maxSteps`). The benchmark's 1,000-node plan needs between 10,000 and 50,000 (it
 * is cut short at 10,000 and unchanged at 50,000), so its plan is unchanged; a plan that would run for
 * minutes stops instead. Counted in attempts, not simulations, because a simulation's cost grows with the
 * pods it moves, and not in time, so the same input stops at the same command on every machine.
 */
export const DEFAULT_MAX_SIMULATION_STEPS = 1_000_000;

/**
 * Validates the options and fills in defaults.
 *
 * @param options - the caller's options; `now` is required
 * @returns the resolved options
 * @throws InputError when `now` is missing or unparsable, `maxCommands` or `maxSimulationSteps` is not a
 *   non-negative integer, or a
 *   policy has an unknown value
 * @example
 * ```ts
 * resolveConsolidationOptions({ now: "2024-01-01T00:00:00Z" }).spotToSpotConsolidation; // false
 * ```
 * @category Consolidation
 */
export function resolveConsolidationOptions(options: ConsolidationOptions): ResolvedConsolidationOptions {
  const now = options.now === undefined ? undefined : timestampMs(options.now);
  if (now === undefined) throw new InputError(`now must be an RFC 3339 time or a Date, got ${String(options.now)}`, ["now"]);
  const maxCommands = options.maxCommands ?? MAX_PLAN_COMMANDS;
  if (!Number.isInteger(maxCommands) || maxCommands < 0) {
    throw new InputError(`maxCommands must be a non-negative integer, got ${String(options.maxCommands)}`, ["maxCommands"]);
  }
  const maxSimulationSteps = options.maxSimulationSteps ?? DEFAULT_MAX_SIMULATION_STEPS;
  if (!Number.isInteger(maxSimulationSteps) || maxSimulationSteps < 0) {
    throw new InputError(`maxSimulationSteps must be a non-negative integer, got ${String(options.maxSimulationSteps)}`, ["maxSimulationSteps"]);
  }
  const preferencePolicy = options.preferencePolicy ?? "Respect";
  if (preferencePolicy !== "Respect" && preferencePolicy !== "Ignore") {
    throw new InputError(`preferencePolicy must be Respect or Ignore, got ${String(preferencePolicy)}`, ["preferencePolicy"]);
  }
  const minValuesPolicy = options.minValuesPolicy ?? "Strict";
  if (minValuesPolicy !== "Strict" && minValuesPolicy !== "BestEffort") {
    throw new InputError(`minValuesPolicy must be Strict or BestEffort, got ${String(minValuesPolicy)}`, ["minValuesPolicy"]);
  }
  return {
    now,
    maxCommands: Math.min(maxCommands, MAX_PLAN_COMMANDS),
    maxSimulationSteps,
    spotToSpotConsolidation: options.spotToSpotConsolidation ?? false,
    preferencePolicy,
    minValuesPolicy,
  };
}

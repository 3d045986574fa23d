/**
 * The planner's progress hook: a caller's `onProgress` sees the simulations run and the commands found, once
 * per simulation and once per command. The counts are kept beside the plan's context (a WeakMap, so the
 * context itself is unchanged), and the hook only observes: the plan is the same with or without it.
 *
 * @module
 */
import type { PlanContext } from "./context.js";
import type { ConsolidationProgress } from "./types.js";

interface Counter {
  readonly onProgress: (progress: ConsolidationProgress) => void;
  simulations: number;
  commands: number;
}

const counters = new WeakMap<PlanContext, Counter>();

/**
 * Starts reporting a plan's progress to `onProgress` (nothing when it is undefined).
 *
 * @param ctx - the plan's context
 * @param onProgress - the caller's hook
 */
export function watchProgress(ctx: PlanContext, onProgress: ((progress: ConsolidationProgress) => void) | undefined): void {
  if (onProgress !== undefined) counters.set(ctx, { onProgress, simulations: 0, commands: 0 });
}

/**
 * Counts one simulation of the plan and reports it.
 *
 * @param ctx - the plan's context
 */
export function noteSimulation(ctx: PlanContext): void {
  const counter = counters.get(ctx);
  if (counter === undefined) return;
  counter.simulations++;
  counter.onProgress({ simulations: counter.simulations, commands: counter.commands });
}

/**
 * Records the plan's command count and reports it.
 *
 * @param ctx - the plan's context
 * @param commands - the commands found so far
 */
export function noteCommands(ctx: PlanContext, commands: number): void {
  const counter = counters.get(ctx);
  if (counter === undefined) return;
  counter.commands = commands;
  counter.onProgress({ simulations: counter.simulations, commands });
}

/**
 * The plan's work bound (`maxSimulationSteps`): upstream stops multi-node consolidation after one minute and
 * single-node after three; nodefit counts the scheduler's placement attempts (queue pops) across every
 * simulation of one plan instead, so the same input stops at the same place on any machine.
 *
 * @module
 */
import type { PlanContext } from "./context.js";

/** The remaining budget of one plan, shared by its simulations; `left` goes below 0 when a run was cut short. */
export interface WorkBudget {
  left: number;
}

/**
 * Thrown (and caught only by the planner's loop) when a simulation ran out of budget: its outcome is unknown,
 * so the command under evaluation is dropped and the plan ends with the commands found before.
 */
export class WorkLimitReached extends Error {
  constructor() {
    super("the consolidation plan reached maxSimulationSteps");
    this.name = "WorkLimitReached";
  }
}

/**
 * Called after each simulation: stops the plan when that simulation could not finish within the budget.
 *
 * @param ctx - the planning context
 * @throws WorkLimitReached when the budget is spent
 */
export function checkWork(ctx: PlanContext): void {
  if (ctx.work.left < 0) throw new WorkLimitReached();
}

/**
 * NodePool disruption budgets: how many of a pool's nodes may be disrupted now, for one reason.
 *
 * @module
 */
import type { Budget, NodePool } from "../types/kubernetes.js";
import { isCronWindowActive, parseCron } from "./cron.js";
import { parseDuration } from "./duration.js";

/**
 * Why a node is disrupted, as budgets name it.
 *
 * @category Consolidation
 */
export type DisruptionReason = "Empty" | "Drifted" | "Underutilized";

/**
 * Budgets a NodePool has when it sets none (upstream's default).
 *
 * @category Consolidation
 */
export const DEFAULT_BUDGETS: readonly Budget[] = Object.freeze([{ nodes: "10%" }]);

const NODES_PATTERN = /^((100|[0-9]{1,2})%|[0-9]+)$/;
const BUDGET_DURATION_PATTERN = /^(?=[0-9])([0-9]+h)?([0-9]+m)?(0s)?$/;

/**
 * One budget evaluated at an instant.
 *
 * @category Consolidation
 */
export interface BudgetEvaluation {
  /** Whether it applies now (no schedule, or inside its window). Invalid budgets count as active. */
  readonly active: boolean;
  /** Nodes it allows, scaled to the pool's node count; `Infinity` when inactive; 0 when invalid. */
  readonly allowed: number;
  /** Set when the budget is invalid: why it allows nothing. */
  readonly invalid?: string;
}

/**
 * Evaluates one budget for a pool of `nodeCount` nodes at `now` (UTC). Percentages are rounded up, as for a
 * PDB's maxUnavailable; an invalid `nodes`, `schedule` or `duration` fails closed (allows 0).
 *
 * @param budget - the budget
 * @param nodeCount - the pool's node count
 * @param now - epoch milliseconds
 * @returns whether it is active and what it allows
 * @example
 * ```ts
 * evaluateBudget({ nodes: "50%" }, 3, 0).allowed; // 2
 * ```
 * @category Consolidation
 */
export function evaluateBudget(budget: Budget, nodeCount: number, now: number): BudgetEvaluation {
  const nodes = String(budget.nodes);
  if (!NODES_PATTERN.test(nodes)) return invalid(`nodes ${JSON.stringify(nodes)} is not a count or a percentage`);
  const hasSchedule = budget.schedule !== undefined;
  if (hasSchedule !== (budget.duration !== undefined)) return invalid("schedule and duration must be set together");
  if (budget.schedule !== undefined && budget.duration !== undefined) {
    const cron = parseCron(budget.schedule);
    if (!cron.ok) return invalid(`schedule ${JSON.stringify(budget.schedule)} is invalid: ${cron.error}`);
    const duration = BUDGET_DURATION_PATTERN.test(budget.duration) ? parseDuration(budget.duration) : undefined;
    if (duration === undefined) return invalid(`duration ${JSON.stringify(budget.duration)} must be hours and minutes, e.g. 1h30m`);
    if (!isCronWindowActive(cron.schedule, duration, now)) return { active: false, allowed: Infinity };
  }
  const allowed = nodes.endsWith("%") ? Math.ceil((Number(nodes.slice(0, -1)) * nodeCount) / 100) : Number(nodes);
  return { active: true, allowed };
}

function invalid(reason: string): BudgetEvaluation {
  return { active: true, allowed: 0, invalid: reason };
}

/**
 * A pool's allowance for one reason, with the budget that set it.
 *
 * @category Consolidation
 */
export interface PoolAllowance {
  /** Disruptions still allowed: the smallest active budget minus nodes already NotReady or deleting, ≥ 0. */
  readonly allowed: number;
  /** The smallest active budget before subtracting (`Infinity` when none is active). */
  readonly budget: number;
  /** Index of the budget that set the minimum in the pool's list, if any. */
  readonly budgetIndex?: number;
  /** Set when the winning budget is invalid. */
  readonly invalid?: string;
}

/**
 * The number of a pool's nodes that may still be disrupted for a reason: the minimum over the budgets that
 * apply to the reason and are active at `now`, less the nodes already consuming it (NotReady or deleting).
 *
 * @param pool - the NodePool (its `spec.disruption.budgets`, default `10%`)
 * @param reason - Empty, Drifted or Underutilized
 * @param nodeCount - managed, initialized nodes of the pool
 * @param disrupting - how many of those are NotReady or deleting
 * @param now - epoch milliseconds
 * @returns the allowance
 * @example
 * ```ts
 * poolAllowance(pool, "Underutilized", 10, 0, Date.parse("2024-01-01T00:00:00Z")).allowed; // 1 with the default budget
 * ```
 * @category Consolidation
 */
export function poolAllowance(pool: NodePool, reason: DisruptionReason, nodeCount: number, disrupting: number, now: number): PoolAllowance {
  const budgets = pool.spec.disruption?.budgets ?? DEFAULT_BUDGETS;
  let best: { allowed: number; index: number; invalid?: string } | undefined;
  budgets.forEach((budget, index) => {
    if (budget.reasons !== undefined && !budget.reasons.includes(reason)) return;
    const e = evaluateBudget(budget, nodeCount, now);
    if (!e.active) return;
    if (best === undefined || e.allowed < best.allowed)
      best = e.invalid === undefined ? { allowed: e.allowed, index } : { allowed: 0, index, invalid: e.invalid };
  });
  const found = best as { allowed: number; index: number; invalid?: string } | undefined;
  if (found === undefined) return { allowed: Infinity, budget: Infinity };
  const allowed = Math.max(0, found.allowed - disrupting);
  return found.invalid === undefined
    ? { allowed, budget: found.allowed, budgetIndex: found.index }
    : { allowed, budget: found.allowed, budgetIndex: found.index, invalid: found.invalid };
}

/**
 * Explains a zero allowance for a blocker message.
 *
 * @param poolName - the NodePool's name
 * @param reason - the disruption reason
 * @param allowance - from {@link poolAllowance}
 * @returns e.g. `NodePool default allows no more Underutilized disruptions (budget 1 node(s), 1 in use)`
 */
export function describeAllowance(poolName: string, reason: DisruptionReason, allowance: PoolAllowance): string {
  if (allowance.invalid !== undefined) {
    return `NodePool ${poolName} budget ${allowance.budgetIndex ?? 0} is invalid and allows nothing: ${allowance.invalid}`;
  }
  return `NodePool ${poolName} allows no more ${reason} disruptions (budget ${allowance.budget} node(s))`;
}

/**
 * The consolidation planner: `planConsolidation(input, options)` reproduces upstream Karpenter's disruption
 * decisions (emptiness, drift, multi-node and single-node consolidation) as one dry-run plan with savings and
 * a named reason for every node left alone; `toConsolidationJson` renders it as the CLI's JSON document.
 * The budget, cron, PDB and disruption-cost helpers it is built from are exported for tooling.
 *
 * @module
 */
export { planConsolidation } from "./plan.js";
export { Cluster, type ClusterEvent, type ClusterKinds, type ClusterObjects, type ClusterSnapshot } from "./live-cluster.js";
export { toConsolidationJson } from "./json.js";
export { resolveConsolidationOptions } from "./options.js";
export { parseCron, cronMatches, isCronWindowActive, lastFiringBetween, type CronParseResult, type CronSchedule } from "./cron.js";
export {
  DEFAULT_BUDGETS,
  evaluateBudget,
  poolAllowance,
  type BudgetEvaluation,
  type DisruptionReason,
  type PoolAllowance,
} from "./budgets.js";
export { evictionCost, lifetimeRemaining, rescheduleDisruptionCost, reschedulingCost, POD_DELETION_COST } from "./disruption-cost.js";
export { resolvePdbs, pdbBlock, type PdbBlock, type PdbState } from "./pdb.js";
export { DO_NOT_DISRUPT, isDoNotDisruptActive, isReschedulable } from "./pods.js";
export { parseDuration } from "./duration.js";
export type {
  Blocker,
  BlockerCode,
  ConsolidationCommand,
  ConsolidationDecision,
  ConsolidationInput,
  ConsolidationMethod,
  ConsolidationOptions,
  ConsolidationPlan,
  ConsolidationProgress,
  ConsolidationSummary,
  Reschedule,
  ResolvedConsolidationOptions,
} from "./types.js";

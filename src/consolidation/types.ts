/**
 * The consolidation planner's public input, options and plan shapes.
 *
 * @module
 */
import type { InstanceType } from "../instance-types/index.js";
import type { PlannedNodeClaim, ScheduleInput } from "../scheduler/index.js";
import type { DaemonSet, Node, NodeClaim, NodePool, Pod, PodDisruptionBudget } from "../types/kubernetes.js";
import type { VolumeObjects } from "../volumes/index.js";

/**
 * A cluster snapshot to plan over, in the same shape as {@link ScheduleInput}: what `fromKubernetes` returns,
 * plus `instanceTypes`, goes in as it is. Nothing in it is ever mutated.
 * @category Consolidation
 */
export interface ConsolidationInput {
  readonly nodes: readonly Node[];
  /** Link nodes (by `status.nodeName`) to NodePools, and give `status.lastPodEventTime`. */
  readonly nodeClaims?: readonly NodeClaim[] | undefined;
  readonly nodePools: readonly NodePool[];
  /** Pending pods (without `spec.nodeName`) and bound pods (with it). */
  readonly pods: readonly Pod[];
  /**
   * Bound pods, as `fromKubernetes` returns them apart from the pending ones. Read together with `pods` (the
   * same object in both counts once); an entry without `spec.nodeName` is refused with an InputError.
   */
  readonly boundPods?: readonly Pod[] | undefined;
  readonly daemonSets?: readonly DaemonSet[] | undefined;
  readonly podDisruptionBudgets?: readonly PodDisruptionBudget[] | undefined;
  /** The catalogue; an existing node's price comes from its instance-type, zone and capacity-type labels. */
  readonly instanceTypes: readonly InstanceType[];
  /** Storage objects: pods keep to their volumes' topology when moved. Left out: volumes are not looked at. */
  readonly volumes?: VolumeObjects | undefined;
}

/**
 * Planner options as a caller passes them.
 *
 * @category Consolidation
 */
export interface ConsolidationOptions {
  /** The instant to plan at (RFC 3339 or a Date). Required: the planner never reads the clock. */
  readonly now: Date | string;
  /** Stop after this many commands (default: until nothing more helps). */
  readonly maxCommands?: number | undefined;
  /**
   * A bound on the plan's work: the scheduler's placement attempts summed over every simulation of the plan
   * (upstream bounds consolidation by wall-clock time; this is the deterministic equivalent). When it is spent
   * the plan keeps the commands found so far and says so in `summary.stopped`. Default 1,000,000, twenty
   * times what the benchmark's 1,000-node cluster needs.
   */
  readonly maxSimulationSteps?: number | undefined;
  /** Allow replacing spot nodes with cheaper spot nodes (upstream's SpotToSpotConsolidation gate; default false). */
  readonly spotToSpotConsolidation?: boolean | undefined;
  /** Passed to the scheduler's simulations. */
  readonly preferencePolicy?: "Respect" | "Ignore" | undefined;
  /** Passed to the scheduler's simulations. */
  readonly minValuesPolicy?: "Strict" | "BestEffort" | undefined;
  /**
   * Called after each simulation and each command found, and once at the end with the totals. It only
   * observes: the plan is the same without it.
   */
  readonly onProgress?: ((progress: ConsolidationProgress) => void) | undefined;
}

/**
 * What {@link ConsolidationOptions.onProgress} reports.
 *
 * @category Consolidation
 */
export interface ConsolidationProgress {
  /** Scheduling simulations run so far. */
  readonly simulations: number;
  /** Commands found so far. */
  readonly commands: number;
}

/**
 * {@link ConsolidationOptions} resolved once.
 *
 * @category Consolidation
 */
export interface ResolvedConsolidationOptions {
  /** Epoch milliseconds. */
  readonly now: number;
  readonly maxCommands: number;
  readonly maxSimulationSteps: number;
  readonly spotToSpotConsolidation: boolean;
  readonly preferencePolicy: "Respect" | "Ignore";
  readonly minValuesPolicy: "Strict" | "BestEffort";
}

/**
 * The disruption method that produced a command, in upstream's order.
 *
 * @category Consolidation
 */
export type ConsolidationMethod = "emptiness" | "drift" | "multi-node" | "single-node";

/**
 * What a command does to its candidates.
 *
 * @category Consolidation
 */
export type ConsolidationDecision = "delete" | "replace";

/**
 * Where one evicted pod goes.
 *
 * @category Consolidation
 */
export interface Reschedule {
  /** `namespace/name`. */
  readonly pod: string;
  /** A node name or a replacement's name. */
  readonly to: string;
}

/**
 * One step of the plan.
 *
 * @category Consolidation
 */
export interface ConsolidationCommand {
  readonly method: ConsolidationMethod;
  readonly decision: ConsolidationDecision;
  /** Node names, in the order the method chose them. */
  readonly candidates: readonly string[];
  /** New node claims (empty for a delete), shaped as the scheduler's. */
  readonly replacements: readonly PlannedNodeClaim[];
  readonly reschedules: readonly Reschedule[];
  /** Hourly price of the candidates minus that of the replacements. */
  readonly savings: number;
}

/**
 * Stable codes for why a node is not disrupted.
 *
 * @category Consolidation
 */
export type BlockerCode =
  | "not-managed"
  | "unknown-nodepool"
  | "not-initialized"
  | "deleting"
  | "do-not-disrupt"
  | "pdb"
  | "multiple-pdbs"
  | "static-nodepool"
  | "consolidation-disabled"
  | "consolidate-after"
  | "consolidation-policy"
  | "unknown-price"
  | "budget"
  | "invalid-budget"
  | "pods-do-not-fit"
  | "multiple-replacements"
  | "no-cheaper-replacement"
  | "min-values"
  | "spot-to-spot-disabled"
  | "spot-to-spot-options"
  | "not-evaluated";

/**
 * A node the plan leaves alone, and why.
 *
 * @category Consolidation
 */
export interface Blocker {
  readonly node: string;
  readonly code: BlockerCode;
  readonly message: string;
}

/**
 * Totals of the plan.
 *
 * @category Consolidation
 */
export interface ConsolidationSummary {
  /** Nodes in the input. */
  readonly nodes: number;
  /** Hourly price of the input nodes whose price is known: the exact decimal sum of the prices as given. */
  readonly hourlyCostBefore: number;
  /** The same after every command (also an exact sum). */
  readonly hourlyCostAfter: number;
  /**
   * Present when the plan ended before nothing more helped: `work-limit` when `maxSimulationSteps` was spent
   * (the commands are those found before; the nodes not yet decided are blocked as `not-evaluated`).
   */
  readonly stopped?: "work-limit" | undefined;
}

/**
 * The dry-run plan: commands in execution order, what stays and why, and totals.
 *
 * @category Consolidation
 */
export interface ConsolidationPlan {
  readonly commands: readonly ConsolidationCommand[];
  /** Every input node no command disrupts, sorted by name. */
  readonly blocked: readonly Blocker[];
  readonly summary: ConsolidationSummary;
}

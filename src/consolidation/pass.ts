/**
 * One pass of the disruption loop: the candidates every method starts from, and a record of why nodes were
 * left alone.
 *
 * @module
 */
import type { PoolAllowance } from "./budgets.js";
import { budgetMapping } from "./budget-mapping.js";
import { describeAllowance, type DisruptionReason } from "./budgets.js";
import { eventualDisruptionAllowed, nodeBlocker, podBlocker, toCandidate, type Candidate } from "./candidates.js";
import type { ClusterState } from "./cluster.js";
import type { PlanContext } from "./context.js";
import { memoOf, remember, type Classified } from "./memo.js";
import type { Blocker, BlockerCode } from "./types.js";

/** What the methods of one pass share. */
export interface Pass {
  readonly cluster: ClusterState;
  readonly ctx: PlanContext;
  /** Nodes that passed the shared checks, by name order. */
  readonly candidates: readonly Candidate[];
  /**
   * The candidates of eventual disruption (drift), by name order: {@link Pass.candidates} and the nodes only pods
   * that block eviction keep out, when a `terminationGracePeriod` bounds the wait.
   */
  readonly eventual: readonly Candidate[];
  /** Why a method left a node alone in this pass (later, more specific reasons overwrite earlier ones). */
  readonly failures: Map<string, Blocker>;
  /** Nodes whose recorded reason later methods keep (a drifted node explains itself by its drift). */
  readonly sticky: Set<string>;
}

/**
 * Starts a pass: classifies every node, keeping the shared blockers as failures.
 *
 * @param cluster - the simulated cluster
 * @param ctx - the planning context
 * @returns the pass
 */
export function startPass(cluster: ClusterState, ctx: PlanContext): Pass {
  const failures = new Map<string, Blocker>();
  const candidates: Candidate[] = [];
  const eventual: Candidate[] = [];
  const table = memoOf(ctx).classified;
  for (const state of cluster.nodes) {
    const classified = remember(table, state, (s) => classify(s, ctx));
    if (classified.candidate !== undefined) {
      candidates.push(classified.candidate);
      eventual.push(classified.candidate);
    } else {
      failures.set(state.name, classified.blocker);
      if (classified.eventual !== undefined) eventual.push(classified.eventual);
    }
  }
  return { cluster, ctx, candidates, eventual, failures, sticky: new Set() };
}

/** Both checks depend only on the node and the plan, so a node a command left alone keeps its answer. */
function classify(state: ClusterState["nodes"][number], ctx: PlanContext): Classified {
  const onNode = nodeBlocker(state);
  if (onNode !== undefined) return { blocker: onNode };
  const onPods = podBlocker(state, ctx);
  if (onPods === undefined) return { candidate: toCandidate(state, ctx) };
  // Only pods block it, and a grace period bounds their wait: drift may still take it (upstream's eventual class).
  return { blocker: onPods, eventual: eventualDisruptionAllowed(state) ? toCandidate(state, ctx) : undefined };
}

/**
 * Records why a node was left alone.
 *
 * @param pass - the pass
 * @param node - the node's name
 * @param code - the blocker code
 * @param message - the explanation
 * @param sticky - keep this reason even if a later method records another
 */
export function recordFailure(pass: Pass, node: string, code: BlockerCode, message: string, sticky = false): void {
  if (pass.sticky.has(node)) return;
  pass.failures.set(node, { node, code, message });
  if (sticky) pass.sticky.add(node);
}

/** Remaining allowances of one reason, decremented as a method takes candidates. */
export class Allowances {
  private readonly left: Map<string, number>;
  private readonly byPool: ReadonlyMap<string, PoolAllowance>;

  /**
   * Computes the allowances of every NodePool for the reason over the pass's cluster.
   *
   * @param pass - the pass
   * @param reason - the method's disruption reason
   */
  constructor(
    pass: Pass,
    private readonly reason: DisruptionReason,
  ) {
    this.byPool = budgetMapping(pass.cluster, pass.ctx, reason);
    this.left = new Map([...this.byPool].map(([k, v]) => [k, v.allowed]));
  }

  /** Whether the pool may lose one more node. */
  has(pool: string): boolean {
    return (this.left.get(pool) ?? 0) > 0;
  }

  /** Uses one disruption of the pool's allowance. */
  take(pool: string): void {
    this.left.set(pool, (this.left.get(pool) ?? 0) - 1);
  }

  /** A blocker for a candidate the pool's budget keeps. */
  blocker(node: string, pool: string): Blocker {
    const allowance = this.byPool.get(pool) ?? { allowed: 0, budget: 0 };
    return { node, code: allowance.invalid === undefined ? "budget" : "invalid-budget", message: describeAllowance(pool, this.reason, allowance) };
  }
}

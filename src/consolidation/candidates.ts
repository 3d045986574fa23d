/**
 * Disruption candidates: which nodes may be disrupted at all, and the costs used to order them.
 *
 * @module
 */
import { podName } from "../_internal/pod-key.js";
import type { NodePool, Pod } from "../types/kubernetes.js";
import type { NodeState } from "./cluster.js";
import type { PlanContext } from "./context.js";
import { lifetimeRemaining, rescheduleDisruptionCost, reschedulingCost } from "./disruption-cost.js";
import { parseNillableDuration } from "./duration.js";
import { pdbBlock } from "./pdb.js";
import { DO_NOT_DISRUPT, isDoNotDisruptActive, isReschedulable, isTerminal } from "./pods.js";
import type { Blocker } from "./types.js";

/** Karpenter's default `expireAfter`. */
export const DEFAULT_EXPIRE_AFTER = "720h";

/** A node that passed the checks every method shares, with its costs. */
export interface Candidate {
  readonly state: NodeState;
  readonly name: string;
  readonly poolName: string;
  readonly pool: NodePool;
  /** Pods that need a new home if the node goes. */
  readonly reschedulable: readonly Pod[];
  /** Hourly price of the node's offering; 0 when unknown (see `priceKnown`). */
  readonly price: number;
  readonly priceKnown: boolean;
  /** Σ eviction cost of the node's pods × lifetime remaining. */
  readonly disruptionCost: number;
  /** 1 + Σ positive eviction costs of the reschedulable pods. */
  readonly rescheduleCost: number;
  /** price ÷ rescheduleCost: upstream v1.14's ordering key. */
  readonly savingsRatio: number;
  /** Upstream v1.14's emptiness: no reschedulable pod has a positive eviction cost. */
  readonly empty: boolean;
}

function block(state: NodeState, code: Blocker["code"], message: string): Blocker {
  return { node: state.name, code, message };
}

/**
 * What keeps a node out of every method (upstream's node-level filters): managed by an existing NodePool,
 * initialized, not deleting, no `karpenter.sh/do-not-disrupt` on the node.
 *
 * @param state - the node
 * @returns the first blocker found, or undefined
 */
export function nodeBlocker(state: NodeState): Blocker | undefined {
  if (state.poolName === undefined) return block(state, "not-managed", "node has no karpenter.sh/nodepool label");
  if (state.pool === undefined) return block(state, "unknown-nodepool", `NodePool ${state.poolName} does not exist`);
  if (!state.initialized)
    return block(state, "not-initialized", "node is not initialized (no karpenter.sh/initialized=true label or Initialized=True NodeClaim condition)");
  if (state.deleting) return block(state, "deleting", "node is already being deleted");
  if (state.node.metadata.annotations?.[DO_NOT_DISRUPT] === "true") return block(state, "do-not-disrupt", `node has ${DO_NOT_DISRUPT}`);
  return undefined;
}

/**
 * What keeps a node out of graceful disruption (upstream's pod-level filters): a pod that may not be evicted now (`karpenter.sh/do-not-disrupt`, or
 * its PDBs). Upstream lets eventual disruption (drift) pass it when the node's NodeClaim has a
 * `terminationGracePeriod`, which bounds the wait ({@link eventualDisruptionAllowed}).
 *
 * @param state - the node
 * @param ctx - the planning context
 * @returns the first blocker found, or undefined
 */
export function podBlocker(state: NodeState, ctx: PlanContext): Blocker | undefined {
  for (const pod of state.pods) {
    if (isDoNotDisruptActive(pod, ctx.options.now)) return block(state, "do-not-disrupt", `pod ${podName(pod)} has ${DO_NOT_DISRUPT}`);
  }
  for (const pod of state.pods) {
    const refused = pdbBlock(pod, ctx.pdbs);
    if (refused?.kind === "no-disruptions") return block(state, "pdb", `pdb ${refused.pdb} prevents evicting pod ${podName(pod)}`);
    if (refused?.kind === "multiple") {
      return block(state, "multiple-pdbs", `pod ${podName(pod)} is selected by more than one PDB (${refused.pdbs.join(", ")})`);
    }
  }
  return undefined;
}

/**
 * Whether eventual disruption (drift) may take the node despite pods that block eviction: its NodeClaim sets a
 * `terminationGracePeriod` (upstream reads the NodeClaim's, copied from its NodePool when the claim was made; a
 * node without a NodeClaim in the input reads its NodePool template's).
 *
 * @param state - the node
 * @returns true when a grace period bounds the wait
 */
export function eventualDisruptionAllowed(state: NodeState): boolean {
  const period = state.claim !== undefined ? state.claim.spec?.terminationGracePeriod : state.pool?.spec.template?.spec?.terminationGracePeriod;
  return period !== undefined;
}

/**
 * Builds the candidate view of a node that passed {@link nodeBlocker} (and {@link podBlocker}, or drift may pass it).
 *
 * @param state - the node (managed, with a known NodePool)
 * @param ctx - the planning context
 * @returns the candidate with its costs
 */
export function toCandidate(state: NodeState, ctx: PlanContext): Candidate {
  const pool = state.pool as NodePool;
  const reschedulable = state.pods.filter(isReschedulable);
  const expire = parseNillableDuration(state.claim?.spec?.expireAfter ?? pool.spec.template?.spec?.expireAfter ?? DEFAULT_EXPIRE_AFTER);
  const age = state.createdAt === undefined ? 0 : Math.max(0, ctx.options.now - state.createdAt);
  const active = state.pods.filter((p) => !isTerminal(p));
  const disruptionCost = reschedulingCost(active) * lifetimeRemaining(expire === undefined ? null : expire, age);
  const rescheduleCost = rescheduleDisruptionCost(reschedulable);
  const price = state.price ?? 0;
  return {
    state,
    name: state.name,
    poolName: state.poolName as string,
    pool,
    reschedulable,
    price,
    priceKnown: state.price !== undefined,
    disruptionCost,
    rescheduleCost,
    savingsRatio: price / rescheduleCost,
    empty: rescheduleCost <= 1,
  };
}

/**
 * The NodePool's `consolidateAfter` in milliseconds: `null` for Never, `"invalid"` when unparsable. Unset
 * counts as `0s` (upstream's default from #3220; earlier versions required the field).
 *
 * @param pool - the NodePool
 * @returns the duration
 */
export function consolidateAfterMs(pool: NodePool): number | null | "invalid" {
  const value = pool.spec.disruption?.consolidateAfter ?? "0s";
  const parsed = parseNillableDuration(value);
  return parsed === undefined ? "invalid" : parsed;
}

/**
 * Whether the node is still inside its pool's `consolidateAfter` window: less than that long since its last
 * pod event (or, when unknown, its creation).
 *
 * @param state - the node
 * @param now - epoch milliseconds
 * @returns the milliseconds left in the window, or 0 when outside (and for Never or invalid values)
 */
export function consolidateAfterRemaining(state: NodeState, now: number): number {
  if (state.pool === undefined) return 0;
  const after = consolidateAfterMs(state.pool);
  if (after === null || after === "invalid") return 0;
  const since = state.lastPodEvent ?? state.createdAt;
  if (since === undefined) return 0;
  return Math.max(0, since + after - now);
}

/**
 * The checks of the emptiness and consolidation methods (upstream's `Consolidatable` condition and
 * `ShouldDisrupt`): not a static pool, consolidateAfter not Never and elapsed, and for consolidation proper a
 * known price and a policy that allows underutilized nodes.
 *
 * @param c - the candidate
 * @param ctx - the planning context
 * @param kind - `emptiness` or `consolidation`
 * @returns a blocker, or undefined when the method may consider the node
 */
export function consolidationBlocker(c: Candidate, ctx: PlanContext, kind: "emptiness" | "consolidation"): Blocker | undefined {
  const { state, pool } = c;
  if (pool.spec.replicas !== undefined) return block(state, "static-nodepool", `NodePool ${c.poolName} is static (spec.replicas is set)`);
  const after = consolidateAfterMs(pool);
  if (after === null) return block(state, "consolidation-disabled", `NodePool ${c.poolName} has consolidateAfter: Never`);
  if (after === "invalid") {
    return block(
      state,
      "consolidation-disabled",
      `NodePool ${c.poolName} has an invalid consolidateAfter ${JSON.stringify(pool.spec.disruption?.consolidateAfter)}`,
    );
  }
  const remaining = consolidateAfterRemaining(state, ctx.options.now);
  if (remaining > 0) {
    return block(state, "consolidate-after", `node had a pod event less than consolidateAfter ago (${formatSeconds(remaining)} left)`);
  }
  if (kind === "emptiness") return undefined;
  if (!c.priceKnown) {
    return block(
      state,
      "unknown-price",
      `no catalogue price for instance type ${state.instanceType ?? "?"} in zone ${state.zone ?? "?"} as ${state.capacityType ?? "?"}`,
    );
  }
  const policy = pool.spec.disruption?.consolidationPolicy ?? "WhenEmptyOrUnderutilized";
  if (policy === "WhenEmpty" && !c.empty) {
    return block(state, "consolidation-policy", `NodePool ${c.poolName} has consolidationPolicy WhenEmpty and the node is not empty`);
  }
  return undefined;
}

function formatSeconds(ms: number): string {
  return `${Math.ceil(ms / 1000)}s`;
}

/**
 * Turning a simulation into a command: delete when nothing new is needed, replace when one cheaper claim is,
 * nothing otherwise (drift may create several).
 *
 * @module
 */
import type { PlannedNodeClaim } from "../scheduler/index.js";
import { acceptsNewClaims } from "../scheduler/nodeclaim-template.js";
import type { Candidate } from "./candidates.js";
import type { ClusterState } from "./cluster.js";
import type { PlanContext } from "./context.js";
import { cheaperReplacement } from "./replacement.js";
import { simulateRemoval } from "./simulate.js";
import type { BlockerCode, ConsolidationDecision, ConsolidationMethod } from "./types.js";

/** A command before it is named and applied. */
export interface ProposedCommand {
  readonly method: ConsolidationMethod;
  readonly decision: ConsolidationDecision;
  readonly candidates: readonly Candidate[];
  readonly replacements: readonly PlannedNodeClaim[];
  /** Moved pod → node or replacement name. */
  readonly placements: ReadonlyMap<string, string>;
  readonly savings: number;
}

/** A command, or why the candidates stay. */
export type Evaluation =
  | { readonly ok: true; readonly command: ProposedCommand }
  | { readonly ok: false; readonly code: BlockerCode; readonly message: string };

/**
 * Upstream's consolidation and drift simulations start by building a provisioning scheduler, which fails when every
 * NodePool is being deleted (`ErrNodePoolsNotFound`): no command comes of them, even a plain delete. Its emptiness
 * method does not simulate, so empty nodes still go.
 */
const NO_NODEPOOLS: Extract<Evaluation, { readonly ok: false }> = {
  ok: false,
  code: "pods-do-not-fit",
  message: "every NodePool is being deleted, so the scheduling simulation cannot run",
};

function priceOf(candidates: readonly Candidate[]): number {
  return candidates.reduce((sum, c) => sum + c.price, 0);
}

/**
 * Evaluates removing the candidates by consolidation (upstream's `computeConsolidation`): every moved pod
 * must be placed; no new claim → delete; one → replace if strictly cheaper ({@link cheaperReplacement});
 * more → nothing, since consolidation never turns nodes into several.
 *
 * @param cluster - the simulated cluster
 * @param candidates - the nodes to remove
 * @param ctx - the planning context
 * @param method - `multi-node` or `single-node` (also `emptiness` for its placement check)
 * @returns the command or the reason
 */
export function evaluateConsolidation(cluster: ClusterState, candidates: readonly Candidate[], ctx: PlanContext, method: ConsolidationMethod): Evaluation {
  if (method !== "emptiness" && !ctx.nodePools.some(acceptsNewClaims)) return NO_NODEPOOLS;
  const sim = simulateRemoval(cluster, candidates, ctx, true);
  if (!sim.ok) return { ok: false, code: "pods-do-not-fit", message: sim.message };
  const price = priceOf(candidates);
  if (sim.claims.length === 0) {
    return { ok: true, command: { method, decision: "delete", candidates, replacements: [], placements: sim.placements, savings: price } };
  }
  if (sim.claims.length > 1 || method === "emptiness") {
    return { ok: false, code: "multiple-replacements", message: `can't remove without creating ${sim.claims.length} node(s)` };
  }
  const replacement = cheaperReplacement(sim.claims[0] as PlannedNodeClaim, candidates, ctx, method === "multi-node" ? "multi" : "single");
  if (!replacement.ok) return replacement;
  return {
    ok: true,
    command: {
      method,
      decision: "replace",
      candidates,
      replacements: [replacement.claim],
      placements: sim.placements,
      savings: price - replacement.claim.price,
    },
  };
}

/**
 * Evaluates replacing a drifted node: its pods must all be placed (destinations are not gated), with as many
 * new claims as that takes; savings may be negative.
 *
 * @param cluster - the simulated cluster
 * @param candidate - the drifted node
 * @param ctx - the planning context
 * @returns the command or the reason
 */
export function evaluateDrift(cluster: ClusterState, candidate: Candidate, ctx: PlanContext): Evaluation {
  if (!ctx.nodePools.some(acceptsNewClaims)) return { ...NO_NODEPOOLS, message: `drifted, but ${NO_NODEPOOLS.message}` };
  const sim = simulateRemoval(cluster, [candidate], ctx, false);
  if (!sim.ok) return { ok: false, code: "pods-do-not-fit", message: `drifted, but ${sim.message}` };
  const added = sim.claims.reduce((sum, c) => sum + c.price, 0);
  return {
    ok: true,
    command: {
      method: "drift",
      decision: sim.claims.length === 0 ? "delete" : "replace",
      candidates: [candidate],
      replacements: sim.claims,
      placements: sim.placements,
      savings: candidate.price - added,
    },
  };
}

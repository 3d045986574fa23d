/**
 * Emptiness: delete, in one command, every empty node the budgets allow.
 *
 * @module
 */
import { cannotConsolidate } from "../capacity-bound.js";
import { consolidationBlocker } from "../candidates.js";
import { evaluateConsolidation, type ProposedCommand } from "../evaluate.js";
import { sortCandidates } from "../ordering.js";
import { Allowances, recordFailure, type Pass } from "../pass.js";

/**
 * Upstream's Emptiness method. A node is empty when no reschedulable pod has a positive eviction cost (v1.14).
 * Nodes with no reschedulable pod at all are deleted outright; when some chosen node still holds pods (all of
 * non-positive cost), nodefit checks that those pods fit on the remaining nodes without new capacity and says
 * where they go, and otherwise leaves such nodes to the consolidation methods (upstream evicts them unplanned).
 *
 * @param pass - the pass
 * @returns one delete command, or undefined
 */
export function emptiness(pass: Pass): ProposedCommand | undefined {
  const allowances = new Allowances(pass, "Empty");
  const chosen = [];
  for (const c of sortCandidates(pass.candidates.filter((c) => c.empty))) {
    const blocker = consolidationBlocker(c, pass.ctx, "emptiness");
    if (blocker !== undefined) {
      recordFailure(pass, c.name, blocker.code, blocker.message);
      continue;
    }
    if (!allowances.has(c.poolName)) {
      const b = allowances.blocker(c.name, c.poolName);
      recordFailure(pass, c.name, b.code, b.message);
      continue;
    }
    allowances.take(c.poolName);
    chosen.push(c);
  }
  if (chosen.length === 0) return undefined;
  const bare = chosen.filter((c) => c.reschedulable.length === 0);
  if (bare.length < chosen.length && (pass.ctx.shortcuts === false || !cannotConsolidate(pass.cluster, chosen, pass.ctx))) {
    const evaluation = evaluateConsolidation(pass.cluster, chosen, pass.ctx, "emptiness");
    if (evaluation.ok) return evaluation.command;
  }
  if (bare.length === 0) return undefined;
  return { method: "emptiness", decision: "delete", candidates: bare, replacements: [], placements: new Map(), savings: bare.reduce((s, c) => s + c.price, 0) };
}

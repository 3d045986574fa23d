/**
 * Multi-node consolidation: the largest prefix of the ordered candidates that can go at once.
 *
 * @module
 */
import { cannotConsolidate } from "../capacity-bound.js";
import { consolidationBlocker, type Candidate } from "../candidates.js";
import { evaluateConsolidation, type ProposedCommand } from "../evaluate.js";
import { sortCandidates } from "../ordering.js";
import { Allowances, recordFailure, type Pass } from "../pass.js";

/** Upstream's cap on the nodes one multi-node command considers. */
export const MAX_MULTI_NODE_CANDIDATES = 100;

/**
 * The nodes single- and multi-node consolidation may consider, recording why the others are left out.
 * Nodes without any reschedulable pod belong to emptiness.
 *
 * @param pass - the pass
 * @returns eligible candidates, best first
 */
export function consolidationCandidates(pass: Pass): readonly Candidate[] {
  const out: Candidate[] = [];
  for (const c of pass.candidates) {
    if (c.reschedulable.length === 0) continue;
    const blocker = consolidationBlocker(c, pass.ctx, "consolidation");
    if (blocker === undefined) out.push(c);
    else recordFailure(pass, c.name, blocker.code, blocker.message);
  }
  return sortCandidates(out);
}

/**
 * Binary search for the largest consolidatable prefix of the candidates (at least 2): a valid prefix moves
 * the lower bound up, an invalid one the upper bound down, as upstream's `firstNConsolidationOption`.
 *
 * @param candidates - ordered, budget-filtered candidates (at most 100)
 * @param valid - evaluates a prefix
 * @returns the last valid command found, or undefined
 */
export function largestPrefix<T>(candidates: readonly Candidate[], valid: (prefix: readonly Candidate[]) => T | undefined): T | undefined {
  let min = 1;
  let max = candidates.length - 1;
  let best: T | undefined;
  while (min <= max) {
    const mid = Math.floor((min + max) / 2);
    const found = valid(candidates.slice(0, mid + 1));
    if (found !== undefined) {
      best = found;
      min = mid + 1;
    } else {
      max = mid - 1;
    }
  }
  return best;
}

/**
 * Upstream's multi-node consolidation: candidates sorted, taken while their pools' Underutilized budgets
 * allow, capped at 100, then the largest prefix that deletes or is replaced by one cheaper node.
 *
 * @param pass - the pass
 * @returns one command, or undefined
 */
export function multiNode(pass: Pass): ProposedCommand | undefined {
  const allowances = new Allowances(pass, "Underutilized");
  const within: Candidate[] = [];
  for (const c of consolidationCandidates(pass)) {
    if (within.length >= MAX_MULTI_NODE_CANDIDATES) break;
    if (!allowances.has(c.poolName)) continue;
    allowances.take(c.poolName);
    within.push(c);
  }
  if (within.length < 2) return undefined;
  return largestPrefix(within, (prefix) => {
    // A failed prefix leaves no trace, so a certain failure needs no simulation.
    if (pass.ctx.shortcuts !== false && cannotConsolidate(pass.cluster, prefix, pass.ctx)) return undefined;
    const evaluation = evaluateConsolidation(pass.cluster, prefix, pass.ctx, "multi-node");
    return evaluation.ok ? evaluation.command : undefined;
  });
}

/**
 * Single-node consolidation: the first node, in order, that can be deleted or replaced by a cheaper one.
 *
 * @module
 */
import type { Candidate } from "../candidates.js";
import { cannotConsolidate } from "../capacity-bound.js";
import { evaluateConsolidation, type ProposedCommand } from "../evaluate.js";
import { consolidationCandidates } from "./multi-node.js";
import { interleaveByPool } from "../ordering.js";
import { Allowances, recordFailure, type Pass } from "../pass.js";

/**
 * Upstream's single-node consolidation: candidates sorted, interleaved by NodePool, each within its pool's
 * Underutilized budget evaluated alone; the first valid command wins. Every candidate tried records why it
 * stays.
 *
 * A candidate that certainly cannot go ({@link cannotConsolidate}) is not simulated unless no candidate can:
 * only then is this pass the plan's last, whose reasons are reported, so only then are its exact reasons
 * needed (and simulating it in its turn would have given the same first command).
 *
 * @param pass - the pass
 * @returns one command, or undefined
 */
export function singleNode(pass: Pass): ProposedCommand | undefined {
  const allowances = new Allowances(pass, "Underutilized");
  const deferred: Candidate[] = [];
  for (const c of interleaveByPool(consolidationCandidates(pass))) {
    if (!allowances.has(c.poolName)) {
      const b = allowances.blocker(c.name, c.poolName);
      recordFailure(pass, c.name, b.code, b.message);
      continue;
    }
    if (pass.ctx.shortcuts !== false && cannotConsolidate(pass.cluster, [c], pass.ctx)) {
      deferred.push(c);
      continue;
    }
    const evaluation = evaluateConsolidation(pass.cluster, [c], pass.ctx, "single-node");
    if (evaluation.ok) return evaluation.command;
    recordFailure(pass, c.name, evaluation.code, evaluation.message);
  }
  for (const c of deferred) {
    const evaluation = evaluateConsolidation(pass.cluster, [c], pass.ctx, "single-node");
    if (evaluation.ok) return evaluation.command;
    recordFailure(pass, c.name, evaluation.code, evaluation.message);
  }
  return undefined;
}

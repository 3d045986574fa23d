/**
 * Single-node consolidation: the first node, in order, that can be deleted or replaced by a cheaper one.
 *
 * @module
 */
import { evaluateConsolidation, type ProposedCommand } from "./evaluate.js";
import { consolidationCandidates } from "./multi-node.js";
import { interleaveByPool } from "./ordering.js";
import { Allowances, recordFailure, type Pass } from "./pass.js";

/**
 * Upstream's single-node consolidation: candidates sorted, interleaved by NodePool, each within its pool's
 * Underutilized budget evaluated alone; the first valid command wins. Every candidate tried records why it
 * stays.
 *
 * @param pass - the pass
 * @returns one command, or undefined
 */
export function singleNode(pass: Pass): ProposedCommand | undefined {
  const allowances = new Allowances(pass, "Underutilized");
  for (const c of interleaveByPool(consolidationCandidates(pass))) {
    if (!allowances.has(c.poolName)) {
      const b = allowances.blocker(c.name, c.poolName);
      recordFailure(pass, c.name, b.code, b.message);
      continue;
    }
    const evaluation = evaluateConsolidation(pass.cluster, [c], pass.ctx, "single-node");
    if (evaluation.ok) return evaluation.command;
    recordFailure(pass, c.name, evaluation.code, evaluation.message);
  }
  return undefined;
}

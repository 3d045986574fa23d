/**
 * Drift: replace (or delete) one drifted node per pass.
 *
 * @module
 */
import { driftReason } from "../drift.js";
import { evaluateDrift, type ProposedCommand } from "../evaluate.js";
import { sortDrifted } from "../ordering.js";
import { Allowances, recordFailure, type Pass } from "../pass.js";

/**
 * Upstream's Drift method: drifted nodes of non-static pools, empty ones first, each within the Drifted
 * budget, simulated without destination gating; the first whose pods all find a home wins (with as many
 * replacements as needed). Static NodePools' drift (upstream's StaticDrift) is not planned.
 *
 * @param pass - the pass
 * @returns one command, or undefined
 */
export function drift(pass: Pass): ProposedCommand | undefined {
  const drifted = pass.eventual.filter((c) => c.pool.spec.replicas === undefined && driftReason(c.state) !== undefined);
  if (drifted.length === 0) return undefined;
  const allowances = new Allowances(pass, "Drifted");
  for (const c of sortDrifted(drifted)) {
    if (!allowances.has(c.poolName)) {
      const b = allowances.blocker(c.name, c.poolName);
      recordFailure(pass, c.name, b.code, `drifted (${driftReason(c.state) ?? ""}), but ${b.message}`, true);
      continue;
    }
    const evaluation = evaluateDrift(pass.cluster, c, pass.ctx);
    if (evaluation.ok) return evaluation.command;
    recordFailure(pass, c.name, evaluation.code, evaluation.message, true);
  }
  return undefined;
}

/**
 * Per-NodePool allowances for one disruption reason over the simulated cluster.
 *
 * @module
 */
import { poolAllowance, type DisruptionReason, type PoolAllowance } from "./budgets.js";
import type { ClusterState } from "./cluster.js";
import type { PlanContext } from "./context.js";
import { isInstanceTerminating } from "../scheduler/node-lifecycle.js";

/**
 * Computes each NodePool's allowance: node count = the pool's managed, initialized nodes, less those whose
 * NodeClaim has `InstanceTerminating=True` (drained and already deleted at the cloud provider); nodes that are
 * NotReady or deleting use the budget up.
 *
 * @param cluster - the simulated cluster
 * @param ctx - the planning context
 * @param reason - the method's reason
 * @returns allowances by NodePool name (every NodePool of the input)
 */
export function budgetMapping(cluster: ClusterState, ctx: PlanContext, reason: DisruptionReason): Map<string, PoolAllowance> {
  const counts = new Map<string, { nodes: number; disrupting: number }>();
  for (const n of cluster.nodes) {
    if (n.pool === undefined || n.poolName === undefined || !n.initialized) continue;
    if (n.claim !== undefined && isInstanceTerminating(n.claim)) continue;
    const c = counts.get(n.poolName) ?? { nodes: 0, disrupting: 0 };
    c.nodes += 1;
    if (!n.ready || n.deleting) c.disrupting += 1;
    counts.set(n.poolName, c);
  }
  const out = new Map<string, PoolAllowance>();
  for (const [name, pool] of ctx.pools) {
    const c = counts.get(name) ?? { nodes: 0, disrupting: 0 };
    out.set(name, poolAllowance(pool, reason, c.nodes, c.disrupting, ctx.options.now));
  }
  return out;
}

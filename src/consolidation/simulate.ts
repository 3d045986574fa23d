/**
 * Simulating a disruption: remove the candidates, re-queue their pods with the pending ones, and run the
 * provisioning scheduler over what is left.
 *
 * @module
 */
import { podName } from "../_internal/pod-key.js";
import { schedule, type PlannedNodeClaim } from "../scheduler/index.js";
import type { Node, NodeClaim, Pod, Taint, Toleration } from "../types/kubernetes.js";
import { consolidateAfterRemaining, type Candidate } from "./candidates.js";
import type { ClusterState, NodeState } from "./cluster.js";
import type { PlanContext } from "./context.js";
import { isFullyBlockedByPdb } from "./pdb.js";
import { isDoNotDisruptActive, isReschedulable } from "./pods.js";

/**
 * A simulation-only taint on destination nodes still inside their consolidateAfter window (upstream v1.14
 * #3006: such nodes take pending pods but not pods moved by consolidation). Pending pods tolerate it.
 */
export const CONSOLIDATE_AFTER_TAINT: Taint = Object.freeze({ key: "nodefit.dev/consolidate-after", effect: "NoSchedule" });
const CONSOLIDATE_AFTER_TOLERATION: Toleration = Object.freeze({ key: CONSOLIDATE_AFTER_TAINT.key, operator: "Exists" });

/** A successful simulation. */
export interface SimulationSuccess {
  readonly ok: true;
  /** New node claims holding at least one of the candidates' pods (claims only pending pods need are ignored). */
  readonly claims: readonly PlannedNodeClaim[];
  /** Candidate pod (`namespace/name`) → node or claim name, in candidate then pod order. */
  readonly placements: ReadonlyMap<string, string>;
}

/** A simulation in which a candidate's pod finds no valid home. */
export interface SimulationFailure {
  readonly ok: false;
  readonly message: string;
}

/** The outcome of {@link simulateRemoval}. */
export type SimulationResult = SimulationSuccess | SimulationFailure;

function unbind(pod: Pod): Pod {
  const { nodeName: _dropped, ...spec } = pod.spec;
  return { ...pod, spec };
}

function tolerateGate(pod: Pod): Pod {
  return { ...pod, spec: { ...pod.spec, tolerations: [...(pod.spec.tolerations ?? []), CONSOLIDATE_AFTER_TOLERATION] } };
}

function gated(node: Node): Node {
  return { ...node, spec: { ...node.spec, taints: [...(node.spec?.taints ?? []), CONSOLIDATE_AFTER_TAINT] } };
}

/**
 * The pods of a node that a disruption would re-create elsewhere: reschedulable, without an active
 * do-not-disrupt, and not covered by a fully blocking PDB (upstream never provisions for pods it will never
 * evict).
 *
 * @param state - the node
 * @param ctx - the planning context
 * @returns the pods to place
 */
export function movingPods(state: NodeState, ctx: PlanContext): readonly Pod[] {
  return state.pods.filter((p) => isReschedulable(p) && !isDoNotDisruptActive(p, ctx.options.now) && !isFullyBlockedByPdb(p, ctx.pdbs));
}

/**
 * Runs the scheduler as if the candidates were gone. Their moving pods must all be placed, and none on an
 * uninitialized node; pending pods (and pods of nodes already deleting) that stay unplaced do not matter.
 *
 * @param cluster - the simulated cluster
 * @param candidates - the nodes to remove
 * @param ctx - the planning context
 * @param gateDestinations - true for consolidation (destinations inside consolidateAfter refuse moved pods), false for drift
 * @returns the new claims and where each moved pod goes, or why the move fails
 */
export function simulateRemoval(cluster: ClusterState, candidates: readonly Candidate[], ctx: PlanContext, gateDestinations: boolean): SimulationResult {
  const removed = new Set(candidates.map((c) => c.name));
  const remaining = cluster.nodes.filter((n) => !removed.has(n.name) && !n.deleting);
  const movers = candidates.flatMap((c) => movingPods(c.state, ctx).map(unbind));
  const moverNames = new Set(movers.map(podName));
  const fromDeleting = cluster.nodes.filter((n) => n.deleting && !removed.has(n.name)).flatMap((n) => movingPods(n, ctx).map(unbind));
  const waiting = [...cluster.pending, ...fromDeleting];
  const nodes: Node[] = [];
  const claims: NodeClaim[] = [];
  const bound: Pod[] = [];
  for (const n of remaining) {
    const gate = gateDestinations && consolidateAfterRemaining(n, ctx.options.now) > 0;
    nodes.push(gate ? gated(n.node) : n.node);
    if (n.claim !== undefined) claims.push(n.claim);
    bound.push(...n.pods);
  }
  const result = schedule(
    {
      pods: [...movers, ...(gateDestinations ? waiting.map(tolerateGate) : waiting)],
      nodePools: ctx.nodePools,
      instanceTypes: ctx.index,
      nodes,
      nodeClaims: claims,
      boundPods: bound,
      daemonSets: ctx.daemonSets,
    },
    { preferencePolicy: ctx.options.preferencePolicy, minValuesPolicy: ctx.options.minValuesPolicy },
  );
  for (const u of result.unschedulable) {
    if (moverNames.has(u.pod)) return { ok: false, message: `pod ${u.pod} would not schedule: ${u.message}` };
  }
  const uninitialized = new Set(remaining.filter((n) => !n.initialized).map((n) => n.name));
  const target = new Map<string, string>();
  for (const placement of result.existingNodes) {
    for (const pod of placement.pods) {
      if (!moverNames.has(pod)) continue;
      if (uninitialized.has(placement.name)) return { ok: false, message: `pod ${pod} would schedule against uninitialized node ${placement.name}` };
      target.set(pod, placement.name);
    }
  }
  const newClaims = result.nodeClaims.filter((c) => c.pods.some((p) => moverNames.has(p)));
  for (const c of newClaims) for (const pod of c.pods) if (moverNames.has(pod)) target.set(pod, c.name);
  const placements = new Map<string, string>();
  for (const pod of movers) {
    const name = podName(pod);
    const to = target.get(name);
    if (to === undefined) return { ok: false, message: `pod ${name} was not placed` };
    placements.set(name, to);
  }
  return { ok: true, claims: newClaims, placements };
}

/**
 * Simulating a disruption: remove the candidates, re-queue their pods with the pending ones, and run the
 * provisioning scheduler over what is left.
 *
 * @module
 */
import { podName } from "../_internal/pod-key.js";
import type { PlannedNodeClaim } from "../scheduler/index.js";
import { scheduleSimulation } from "../scheduler/schedule.js";
import { DYNAMIC_RESOURCES_MESSAGE, hasDynamicResourceClaims } from "../volumes/index.js";
import { LABEL_CAPACITY_TYPE, LABEL_INSTANCE_TYPE, LABEL_NODEPOOL, LABEL_ZONE } from "../requirements/index.js";
import { resourceListToRecord } from "../resources/index.js";
import type { Node, NodeClaim, Pod } from "../types/kubernetes.js";
import { consolidateAfterRemaining, type Candidate } from "./candidates.js";
import type { ClusterState, NodeState } from "./cluster.js";
import type { PlanContext } from "./context.js";
import { isFullyBlockedByPdb } from "./pdb.js";
import { memoOf, remember } from "./memo.js";
import { noteSimulation } from "./progress.js";
import { isDoNotDisruptActive, isReschedulable } from "./pods.js";
import { checkWork } from "./work-limit.js";

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

// The derived pods and nodes below are remembered per plan, so every simulation hands the scheduler the same
// objects for the same pod or node (its per-object memo tables then hit).

function unbind(pod: Pod, ctx: PlanContext): Pod {
  return remember(memoOf(ctx).unbound, pod, (p) => {
    const { nodeName: _dropped, ...spec } = p.spec;
    return { ...p, spec };
  });
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
  return remember(memoOf(ctx).moving, state, (s) =>
    s.pods.filter((p) => isReschedulable(p) && !isDoNotDisruptActive(p, ctx.options.now) && !isFullyBlockedByPdb(p, ctx.pdbs)),
  );
}

/** Prefix of the names of in-flight claims planned for pending pods, so they never clash with nodes. */
export const IN_FLIGHT_PREFIX = "nodefit-in-flight-";

const NO_NAMES: ReadonlySet<string> = new Set();

const inFlightCache = new WeakMap<ClusterState, readonly NodeClaim[]>();

function inFlightClaim(claim: PlannedNodeClaim, ctx: PlanContext): NodeClaim {
  const type = ctx.catalog.get(claim.instanceType, claim.nodePool);
  const labels = Object.fromEntries([...claim.labels, [LABEL_NODEPOOL, claim.nodePool]]);
  const allocatable = type === undefined ? {} : resourceListToRecord(type.allocatable);
  return {
    metadata: { name: `${IN_FLIGHT_PREFIX}${claim.name}`, labels },
    spec: {
      requirements: [
        ...claim.requirements.filter((r) => r.key !== LABEL_INSTANCE_TYPE && r.key !== LABEL_ZONE && r.key !== LABEL_CAPACITY_TYPE),
        { key: LABEL_INSTANCE_TYPE, operator: "In", values: [claim.instanceType] },
        { key: LABEL_ZONE, operator: "In", values: [claim.zone] },
        { key: LABEL_CAPACITY_TYPE, operator: "In", values: [claim.capacityType] },
      ],
      taints: [...claim.taints],
    },
    status: { allocatable, capacity: type === undefined ? {} : resourceListToRecord(type.capacity) },
  };
}

/**
 * The node claims the provisioner would already have launched for the pending pods (and the pods of nodes
 * already deleting): a plain scheduling run over the cluster as it is. Upstream's simulations see such claims
 * as in-flight nodes; without them every simulation would re-plan capacity for pending pods and mistake it for
 * a replacement. They take only pending pods (the scheduler's pending-only node state): upstream fails a move that lands on
 * an uninitialized claim, nodefit lets the moved pod look elsewhere. Cached per cluster state.
 *
 * @param cluster - the simulated cluster
 * @param ctx - the planning context
 * @returns in-flight NodeClaims (no node yet, not initialized)
 */
export function inFlightClaims(cluster: ClusterState, ctx: PlanContext): readonly NodeClaim[] {
  const cached = inFlightCache.get(cluster);
  if (cached !== undefined) return cached;
  const remaining = cluster.nodes.filter((n) => !n.deleting);
  const waiting = [...cluster.pending, ...cluster.nodes.filter((n) => n.deleting).flatMap((n) => movingPods(n, ctx).map((p) => unbind(p, ctx)))];
  let claims: readonly NodeClaim[] = [];
  if (waiting.length > 0) {
    const result = scheduleSimulation(
      {
        pods: waiting,
        nodePools: ctx.nodePools,
        instanceTypes: ctx.index,
        nodes: remaining.map((n) => n.node),
        nodeClaims: remaining.flatMap((n) => (n.claim === undefined ? [] : [n.claim])),
        boundPods: remaining.flatMap((n) => n.pods),
        daemonSets: ctx.daemonSets,
        volumes: ctx.volumes,
      },
      { preferencePolicy: ctx.options.preferencePolicy, minValuesPolicy: ctx.options.minValuesPolicy },
      { movers: NO_NAMES, pendingOnly: NO_NAMES, model: ctx.model, work: ctx.work },
    );
    checkWork(ctx);
    claims = result.nodeClaims.map((c) => inFlightClaim(c, ctx));
  }
  inFlightCache.set(cluster, claims);
  return claims;
}

/** What every simulation over one cluster state hands the scheduler, made once per state and gate. */
interface SimulationBase {
  /** The nodes not deleting. */
  readonly nodes: readonly Node[];
  /** The in-flight claims, then the claims of the nodes not deleting. */
  readonly nodeClaims: readonly NodeClaim[];
  /** The pods of the nodes not deleting. */
  readonly boundPods: readonly Pod[];
  /** In-flight claims and, when destinations are gated, nodes inside consolidateAfter: they take no mover. */
  readonly pendingOnly: ReadonlySet<string>;
  /** Nodes not initialized and in-flight claims: a mover placed there fails the move. */
  readonly uninitialized: ReadonlySet<string>;
}

const simulationBases = new WeakMap<ClusterState, { lists: SimulationBase; gated?: SimulationBase; ungated?: SimulationBase }>();

/**
 * The state's lists for the scheduler, shared by its simulations: the same arrays every time (gated or not),
 * so the scheduler's model reads the cluster once per state and each simulation only takes its candidates out.
 */
function simulationBase(cluster: ClusterState, ctx: PlanContext, gateDestinations: boolean): SimulationBase {
  let bases = simulationBases.get(cluster);
  if (bases === undefined) {
    const remaining = cluster.nodes.filter((n) => !n.deleting);
    const inFlight = inFlightClaims(cluster, ctx);
    const nodes: Node[] = [];
    const nodeClaims: NodeClaim[] = [...inFlight];
    const boundPods: Pod[] = [];
    for (const n of remaining) {
      nodes.push(n.node);
      if (n.claim !== undefined) nodeClaims.push(n.claim);
      for (const pod of n.pods) boundPods.push(pod);
    }
    // In-flight claims take pending pods but no mover: node state.
    const pendingOnly = new Set(inFlight.map((c) => c.metadata.name ?? ""));
    const uninitialized = new Set([...remaining.filter((n) => !n.initialized).map((n) => n.name), ...pendingOnly]);
    simulationBases.set(cluster, (bases = { lists: { nodes, nodeClaims, boundPods, pendingOnly, uninitialized } }));
  }
  const known = gateDestinations ? bases.gated : bases.ungated;
  if (known !== undefined) return known;
  const { lists } = bases;
  let base = lists;
  if (gateDestinations) {
    // Destinations inside their NodePool's consolidateAfter take pending pods but no mover either.
    const pendingOnly = new Set(lists.pendingOnly);
    for (const n of cluster.nodes) if (!n.deleting && consolidateAfterRemaining(n, ctx.options.now) > 0) pendingOnly.add(n.name);
    base = { ...lists, pendingOnly };
    bases.gated = base;
  } else bases.ungated = base;
  return base;
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
  noteSimulation(ctx);
  const removed = new Set(candidates.map((c) => c.name));
  const movers = candidates.flatMap((c) => movingPods(c.state, ctx).map((p) => unbind(p, ctx)));
  const moverNames = new Set(movers.map(podName));
  // A pod that needs dynamic resources cannot be scheduled (upstream ignores DRA requests by default and its
  // simulation fails on them), so a node holding one is never consolidated.
  const dra = movers.find((p) => hasDynamicResourceClaims(p.spec));
  if (dra !== undefined) return { ok: false, message: `pod ${podName(dra)} would not schedule: ${DYNAMIC_RESOURCES_MESSAGE}` };
  const fromDeleting = cluster.nodes.filter((n) => n.deleting && !removed.has(n.name)).flatMap((n) => movingPods(n, ctx).map((p) => unbind(p, ctx)));
  const waiting = [...cluster.pending, ...fromDeleting];
  const base = simulationBase(cluster, ctx, gateDestinations);
  // The candidates (and their NodeClaims) are taken out of the state's lists as the scheduler reads them.
  const takenOut = new Set(removed);
  for (const c of candidates) if (c.state.claim?.metadata.name !== undefined) takenOut.add(c.state.claim.metadata.name);
  const result = scheduleSimulation(
    {
      pods: [...movers, ...waiting],
      nodePools: ctx.nodePools,
      instanceTypes: ctx.index,
      nodes: base.nodes,
      nodeClaims: base.nodeClaims,
      boundPods: base.boundPods,
      daemonSets: ctx.daemonSets,
      volumes: ctx.volumes,
    },
    { preferencePolicy: ctx.options.preferencePolicy, minValuesPolicy: ctx.options.minValuesPolicy },
    { movers: moverNames, pendingOnly: base.pendingOnly, removed: takenOut, model: ctx.model, work: ctx.work },
  );
  // A run cut short by the plan's budget proves nothing: the plan stops here.
  checkWork(ctx);
  for (const u of result.unschedulable) {
    if (moverNames.has(u.pod)) return { ok: false, message: `pod ${u.pod} would not schedule: ${u.message}` };
  }
  const uninitialized = base.uninitialized;
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

/**
 * A cheap test that rules a consolidation out before simulating it: the moved pods' summed requests must fit
 * in the free capacity of the nodes that may take them plus one new node cheaper than the candidates. When
 * they cannot, no scheduling run could delete or replace the candidates, so the simulation is skipped.
 *
 * @module
 */
import { LABEL_CAPACITY_TYPE } from "../requirements/index.js";
import { podRequests, resourceList, type ResourceList } from "../resources/index.js";
import type { Pod } from "../types/kubernetes.js";
import { consolidateAfterRemaining, type Candidate } from "./candidates.js";
import type { ClusterState, NodeState } from "./cluster.js";
import type { PlanContext } from "./context.js";
import { memoOf, remember } from "./memo.js";
import { movingPods } from "./simulate.js";

/** Free capacity that moved pods could use, per cluster state. */
interface ClusterFree {
  /** Σ free capacity of the nodes moved pods may land on. */
  readonly total: ResourceList;
  /** Whether a node counts in `total` (initialized, not deleting, outside consolidateAfter). */
  readonly takes: (state: NodeState) => boolean;
}

const clusterFree = new WeakMap<PlanContext, WeakMap<ClusterState, ClusterFree>>();
const catalogueCeilings = new WeakMap<PlanContext, readonly { readonly price: number; readonly allocatable: ResourceList }[]>();

function addInto(into: Map<string, number>, list: ResourceList): void {
  for (const [k, v] of list) into.set(k, (into.get(k) ?? 0) + v);
}

/** Pods the scheduler leaves out of a node's usage (terminal or deleting) are left out here too. */
function counted(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && pod.metadata.deletionTimestamp === undefined;
}

function freeOf(state: NodeState, ctx: PlanContext): ResourceList {
  return remember(memoOf(ctx).free, state, (s) => {
    const free = new Map(resourceList(s.node.status?.allocatable, [], "down"));
    for (const pod of s.pods) if (counted(pod)) for (const [k, v] of podRequests(pod.spec)) free.set(k, (free.get(k) ?? 0) - v);
    for (const [k, v] of free) if (v < 0) free.set(k, 0);
    return free;
  });
}

function movingRequests(state: NodeState, ctx: PlanContext): ResourceList {
  return remember(memoOf(ctx).movingRequests, state, (s) => {
    const sum = new Map<string, number>();
    for (const pod of movingPods(s, ctx)) addInto(sum, podRequests(pod.spec));
    return sum;
  });
}

function freeIn(cluster: ClusterState, ctx: PlanContext): ClusterFree {
  let table = clusterFree.get(ctx);
  if (table === undefined) clusterFree.set(ctx, (table = new WeakMap()));
  let found = table.get(cluster);
  if (found === undefined) {
    const now = ctx.options.now;
    const takes = (n: NodeState): boolean => n.initialized && !n.deleting && consolidateAfterRemaining(n, now) <= 0;
    const total = new Map<string, number>();
    for (const n of cluster.nodes) if (takes(n)) addInto(total, freeOf(n, ctx));
    found = { total, takes };
    table.set(cluster, found);
  }
  return found;
}

/**
 * The capacity types some NodePool may launch: the union of their `karpenter.sh/capacity-type` In lists, or
 * undefined (any) as soon as one pool leaves the key open or uses another operator.
 */
function launchableCapacityTypes(ctx: PlanContext): ReadonlySet<string> | undefined {
  const out = new Set<string>();
  for (const pool of ctx.nodePools) {
    const reqs = (pool.spec.template?.spec?.requirements ?? []).filter((r) => r.key === LABEL_CAPACITY_TYPE);
    const only = reqs.find((r) => r.operator === "In");
    if (only === undefined || reqs.length !== 1) return undefined;
    for (const v of only.values ?? []) out.add(v);
  }
  return out;
}

/**
 * Each type's cheapest available offering of a capacity type some NodePool may launch: a replacement's worst
 * launch price is never lower.
 */
function ceilings(ctx: PlanContext): readonly { readonly price: number; readonly allocatable: ResourceList }[] {
  let found = catalogueCeilings.get(ctx);
  if (found === undefined) {
    const capacityTypes = launchableCapacityTypes(ctx);
    found = [...ctx.catalog.values()].map((t) => {
      let price = Infinity;
      for (const o of t.offerings) if (o.available && (capacityTypes === undefined || capacityTypes.has(o.capacityType)) && o.price < price) price = o.price;
      return { price, allocatable: t.allocatable };
    });
    catalogueCeilings.set(ctx, found);
  }
  return found;
}

/**
 * Whether the candidates' moving pods cannot possibly be placed by a consolidation: for some resource their
 * summed requests exceed the free capacity of every other node they may land on (initialized, not deleting,
 * outside consolidateAfter; pending pods and DaemonSets ignored, which only adds room) plus the allocatable of
 * the largest instance type with an available offering, of a capacity type some NodePool may launch, cheaper
 * than the candidates together (a replacement must be
 * strictly cheaper, and more than one new node is never a consolidation). Moved pods never land on a node that
 * takes only pending pods, whatever they tolerate. Any surprise (a bad quantity)
 * also answers false: the simulation will then report it as it always did.
 *
 * @param cluster - the simulated cluster
 * @param candidates - the nodes to remove
 * @param ctx - the planning context
 * @returns true only when a simulation is certain to find no delete and no cheaper replace
 */
export function cannotConsolidate(cluster: ClusterState, candidates: readonly Candidate[], ctx: PlanContext): boolean {
  try {
    const need = new Map<string, number>();
    for (const c of candidates) {
      addInto(need, movingRequests(c.state, ctx));
    }
    const { total, takes } = freeIn(cluster, ctx);
    const room = new Map(total);
    for (const c of candidates) {
      if (!takes(c.state)) continue;
      for (const [k, v] of freeOf(c.state, ctx)) room.set(k, (room.get(k) ?? 0) - v);
    }
    const price = candidates.reduce((sum, c) => sum + c.price, 0);
    const largest = new Map<string, number>();
    for (const t of ceilings(ctx)) {
      if (!(t.price < price)) continue;
      for (const [k, v] of t.allocatable) if (v > (largest.get(k) ?? 0)) largest.set(k, v);
    }
    for (const [k, v] of need) {
      if (v > 0 && v > (room.get(k) ?? 0) + (largest.get(k) ?? 0)) return true;
    }
    return false;
  } catch {
    return false;
  }
}

/**
 * The cluster as it is: existing nodes (and launched NodeClaims not yet registered) with their remaining
 * capacity, the pods bound to them, and per-NodePool usage for limits.
 *
 * @module
 */
import { NodefitError, QuantityError } from "../errors.js";
import {
  addResources,
  podHostPorts,
  podRequests,
  resourceList,
  subtractResources,
  type HostPort,
  type ResourceList,
  type Rounding,
} from "../resources/index.js";
import { LABEL_HOSTNAME, LABEL_NODEPOOL, Requirement, requirementsFromLabels } from "../requirements/index.js";
import { isEphemeralTaint } from "../taints/index.js";
import type { TopologyNode } from "../topology/index.js";
import { ClusterIndex } from "../topology/cluster.js";
import type { Node, NodeClaim, Pod, ResourceMap, Taint } from "../types/kubernetes.js";
import { daemonFitsNode, type DaemonPod } from "./daemons.js";
import { ExistingNode } from "./existing-node.js";
import type { ClusterModel, NodeFacts, PreparedNode } from "./cluster-model.js";
import { LABEL_INITIALIZED } from "./nodeclaim-template.js";
import { isNodeClaimDeleting, isNodeDeleting } from "./node-lifecycle.js";

/**
 * The existing side of a run.
 *
 * @category Scheduling
 */
export interface Cluster {
  /** Placement targets, initialized first, then by name. */
  readonly nodes: readonly ExistingNode[];
  /** Nodes as topology sees them. */
  readonly topologyNodes: readonly TopologyNode[];
  /** Running pods with the node they are bound to. */
  readonly boundPods: readonly { readonly pod: Pod; readonly nodeName: string }[];
  /** Per NodePool: summed capacity of its nodes, `nodes: 1` each. */
  readonly poolUsage: ReadonlyMap<string, ResourceList>;
  /** The nodes and running pods as topology counts them, before any node is taken out (shared by simulations). */
  readonly topologyIndex: ClusterIndex;
}

const NONE: ReadonlySet<string> = new Set();

const UNSCHEDULABLE_TAINT: Taint = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };

function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === "Succeeded" || phase === "Failed" || pod.metadata.deletionTimestamp !== undefined;
}

function sameTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect && (a.value ?? "") === (b.value ?? "");
}

function conditionTrue(conditions: ReadonlyArray<{ type: string; status: string }> | undefined, type: string): boolean {
  return (conditions ?? []).some((c) => c.type === type && c.status === "True");
}

/**
 * Reads a node's or claim's resources. Allocatable reads down (never more room than reported); capacity, which the
 * scheduler reads only as the NodePool usage counted against limits, reads up (never less usage) (V4).
 */
function readResources(map: ResourceMap | undefined, path: readonly (string | number)[], rounding: Rounding): ResourceList {
  try {
    return resourceList(map, [], rounding);
  } catch (error) {
    if (error instanceof NodefitError) throw new QuantityError(error.message, [...path, ...error.path]);
    throw error;
  }
}

/** Fills zero or missing amounts from a fallback (an uninitialized node reports zeros before its kubelet is up). */
function fillZeros(list: ResourceList, fallback: ResourceList): ResourceList {
  const out = new Map(list);
  for (const [name, amount] of fallback) if ((out.get(name) ?? 0) === 0) out.set(name, amount);
  return out;
}

function factsOfNode(node: Node, index: number, claim: NodeClaim | undefined): NodeFacts {
  const name = node.metadata.name ?? "";
  const labels = new Map(Object.entries(node.metadata.labels ?? {}));
  const nodePool = labels.get(LABEL_NODEPOOL) ?? claim?.metadata.labels?.[LABEL_NODEPOOL];
  const managed = nodePool !== undefined || claim !== undefined;
  const initialized = !managed || labels.get(LABEL_INITIALIZED) === "true" || conditionTrue(claim?.status?.conditions, "Initialized");
  let taints = [...(node.spec?.taints ?? [])];
  if (node.spec?.unschedulable === true && !taints.some((t) => sameTaint(t, UNSCHEDULABLE_TAINT))) taints.push(UNSCHEDULABLE_TAINT);
  if (managed && !initialized) {
    const startup = claim?.spec?.startupTaints ?? [];
    taints = taints.filter((t) => !isEphemeralTaint(t) && !startup.some((s) => sameTaint(s, t)));
  }
  const path = ["nodes", index, "status"];
  let allocatable = readResources(node.status?.allocatable, [...path, "allocatable"], "down");
  let capacity = node.status?.capacity === undefined ? allocatable : readResources(node.status.capacity, [...path, "capacity"], "up");
  if (!initialized && claim !== undefined) {
    allocatable = fillZeros(allocatable, readResources(claim.status?.allocatable, ["nodeClaims", name, "status", "allocatable"], "down"));
    capacity = fillZeros(capacity, readResources(claim.status?.capacity, ["nodeClaims", name, "status", "capacity"], "up"));
  }
  return { name, labels, taints, allocatable, capacity, nodePool, initialized };
}

function factsOfClaim(claim: NodeClaim, index: number): NodeFacts {
  const name = claim.metadata.name ?? "";
  const labels = new Map(Object.entries(claim.metadata.labels ?? {}));
  for (const r of claim.spec?.requirements ?? []) {
    if (r.operator === "In" && r.values?.length === 1 && !labels.has(r.key)) labels.set(r.key, r.values[0] as string);
  }
  const startup = claim.spec?.startupTaints ?? [];
  const taints = (claim.spec?.taints ?? []).filter((t) => !isEphemeralTaint(t) && !startup.some((s) => sameTaint(s, t)));
  const path = ["nodeClaims", index, "status"];
  const allocatable = readResources(claim.status?.allocatable, [...path, "allocatable"], "down");
  const capacity = claim.status?.capacity === undefined ? allocatable : readResources(claim.status.capacity, [...path, "capacity"], "up");
  return { name, labels, taints, allocatable, capacity, nodePool: labels.get(LABEL_NODEPOOL), initialized: false };
}

function ownedByDaemonSet(pod: Pod, daemon: DaemonPod): boolean {
  if ((pod.metadata.namespace ?? "default") !== (daemon.pod.metadata.namespace ?? "default")) return false;
  return (pod.metadata.ownerReferences ?? []).some((o) => o.kind === "DaemonSet" && o.name === daemon.pod.metadata.name);
}

const NO_PODS: readonly Pod[] = [];
const ONE_NODE: ResourceList = new Map([["nodes", 1]]);

/** A node's room after its running pods and the DaemonSet pods not yet on it, its host ports and requirements. */
function prepareNode(f: NodeFacts, onNode: readonly Pod[], daemons: readonly DaemonPod[]): PreparedNode {
  const hostname = f.labels.get(LABEL_HOSTNAME) ?? f.name;
  const requirements = requirementsFromLabels(f.labels).add(Requirement.create(LABEL_HOSTNAME, "In", [hostname]));
  let remaining = f.allocatable;
  const ports: HostPort[] = [];
  for (const pod of onNode) {
    remaining = subtractResources(remaining, podRequests(pod.spec));
    ports.push(...podHostPorts(pod.spec));
  }
  for (const daemon of daemons) {
    if (onNode.some((p) => ownedByDaemonSet(p, daemon))) continue;
    if (!daemonFitsNode(daemon, requirements, f.taints)) continue;
    remaining = subtractResources(remaining, daemon.requests);
  }
  // Not clamped: a node its running pods overfill keeps a negative room and takes nothing (upstream's Fits).
  return { facts: f, hostname, requirements, remaining, hostPorts: ports, pods: onNode };
}

/**
 * The cluster side of a run before any node is taken out: what every simulation over the same objects shares.
 *
 * @internal
 */
export interface ClusterBase {
  /** The nodes and in-flight claims, in input order (nodes first), with the node prepared with its pods. */
  readonly prepared: readonly PreparedNode[];
  /** Positions in `prepared`, initialized first, then by name: the order placement tries existing nodes. */
  readonly order: readonly number[];
  /** Per position in `prepared`: its capacity plus `nodes: 1` when it belongs to a NodePool. */
  readonly usage: readonly (ResourceList | undefined)[];
  /** Running pods with the node they are bound to (pods of every node, taken out or not). */
  readonly boundPods: readonly { readonly pod: Pod; readonly nodeName: string }[];
  /** Nodes as topology sees them, in input order. */
  readonly topologyNodes: readonly TopologyNode[];
  /** The nodes and running pods indexed for topology counting. */
  readonly topologyIndex: ClusterIndex;
  /** Per position in `prepared`: the placement target the last run over this base made, for the next to reuse. */
  readonly targets: (ExistingNode | undefined)[];
  /** Name → positions in `prepared` (a node and an unlinked claim may share a name). */
  readonly positions: ReadonlyMap<string, readonly number[]>;
  /** Per pending-only name set (never changed once made, as the simulations make them): which positions it names. */
  readonly pendingOnlyMasks: WeakMap<ReadonlySet<string>, Uint8Array>;
}

/**
 * Reads the nodes, claims and running pods once: the per-node work of {@link buildCluster}.
 *
 * @param nodes - existing nodes (deleting ones, or those whose NodeClaim is deleting, are skipped: their pods are being rescheduled)
 * @param nodeClaims - NodeClaims linking nodes to NodePools; those without a node become in-flight targets
 * @param boundPods - running pods (`spec.nodeName` set)
 * @param daemons - compiled DaemonSet pods
 * @param model - per-node state shared by the runs of one consolidation plan, if any
 * @returns the base
 * @throws QuantityError for a bad allocatable or capacity quantity
 * @internal
 */
export function buildClusterBase(
  nodes: readonly Node[],
  nodeClaims: readonly NodeClaim[],
  boundPods: readonly Pod[],
  daemons: readonly DaemonPod[],
  model?: ClusterModel,
): ClusterBase {
  const claimByNode = new Map<string, NodeClaim>();
  const claimByProvider = new Map<string, NodeClaim>();
  for (const c of nodeClaims) {
    if (c.status?.nodeName) claimByNode.set(c.status.nodeName, c);
    if (c.status?.providerID) claimByProvider.set(c.status.providerID, c);
  }
  const facts: NodeFacts[] = [];
  // A claim is its node's when linked by node name or, before the name is set, by provider id.
  const linkedClaims = new Set<NodeClaim>();
  nodes.forEach((node, i) => {
    const providerID = node.spec?.providerID;
    const claim = claimByNode.get(node.metadata.name ?? "") ?? (providerID ? claimByProvider.get(providerID) : undefined);
    if (claim !== undefined) linkedClaims.add(claim);
    if (isNodeDeleting(node, claim)) return;
    facts.push(model === undefined ? factsOfNode(node, i, claim) : model.facts(node, claim, () => factsOfNode(node, i, claim)));
  });
  nodeClaims.forEach((claim, i) => {
    if (isNodeClaimDeleting(claim) || linkedClaims.has(claim)) return;
    facts.push(model === undefined ? factsOfClaim(claim, i) : model.facts(claim, undefined, () => factsOfClaim(claim, i)));
  });
  const podsByNode = new Map<string, Pod[]>();
  const bound: { pod: Pod; nodeName: string }[] = [];
  for (const pod of boundPods) {
    const nodeName = pod.spec.nodeName;
    if (nodeName === undefined || nodeName === "" || isTerminal(pod)) continue;
    bound.push({ pod, nodeName });
    let list = podsByNode.get(nodeName);
    if (list === undefined) podsByNode.set(nodeName, (list = []));
    list.push(pod);
  }
  const prepared = facts.map((f) => {
    const onNode = podsByNode.get(f.name) ?? NO_PODS;
    return model === undefined ? prepareNode(f, onNode, daemons) : model.prepared(f, onNode, () => prepareNode(f, onNode, daemons));
  });
  // Only running pods changed since the last base (a live cluster's pod event): what is read from the nodes
  // alone is the same, and so is every target whose node was prepared with the same pods.
  const previous = model?.previousBase as ClusterBase | undefined;
  if (previous !== undefined && sameFacts(previous, facts)) {
    return {
      ...previous,
      prepared,
      boundPods: bound,
      topologyIndex: new ClusterIndex(previous.topologyNodes, bound, model?.labelSignatures, model?.labelRequirements, previous.topologyIndex),
      targets: previous.targets.map((t, i) => (prepared[i] === previous.prepared[i] ? t : undefined)),
      pendingOnlyMasks: new WeakMap(),
    };
  }
  const order = facts.map((_, i) => i);
  order.sort((i, j) => {
    const a = facts[i] as NodeFacts;
    const b = facts[j] as NodeFacts;
    return a.initialized !== b.initialized ? (a.initialized ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  const usage = facts.map((f) => (f.nodePool === undefined ? undefined : addResources(f.capacity, ONE_NODE)));
  const topologyNodes: TopologyNode[] = facts.map((f) => ({ name: f.name, labels: f.labels, taints: f.taints }));
  const topologyIndex = new ClusterIndex(topologyNodes, bound, model?.labelSignatures, model?.labelRequirements);
  const positions = new Map<string, number[]>();
  facts.forEach((f, i) => {
    const list = positions.get(f.name);
    if (list === undefined) positions.set(f.name, [i]);
    else list.push(i);
  });
  return { prepared, order, usage, boundPods: bound, topologyNodes, topologyIndex, targets: [], positions, pendingOnlyMasks: new WeakMap() };
}

/** Whether a base was built from the same node facts, in the same order. */
function sameFacts(base: ClusterBase, facts: readonly NodeFacts[]): boolean {
  if (base.prepared.length !== facts.length) return false;
  for (let i = 0; i < facts.length; i++) if (base.prepared[i]?.facts !== facts[i]) return false;
  return true;
}

/** Adds `b` into `sum` per resource, as `addResources(sum, b)` would (same values, same key order), in place. */
function addInto(sum: Map<string, number>, b: ResourceList): void {
  for (const [name, y] of b) sum.set(name, (sum.get(name) ?? 0) + y);
}

/**
 * The cluster side of a run from a base: every node but the removed ones, each a fresh {@link ExistingNode}.
 *
 * @param base - the base (from {@link buildClusterBase})
 * @param pendingOnly - names of nodes and NodeClaims that take only pending pods (simulations)
 * @param removed - names of nodes and NodeClaims taken out with their pods (simulations)
 * @returns the cluster
 * @internal
 */
export function clusterFromBase(base: ClusterBase, pendingOnly: ReadonlySet<string> = NONE, removed: ReadonlySet<string> = NONE): Cluster {
  // The name sets as masks over the base's positions: each simulation then reads no name.
  let only = base.pendingOnlyMasks.get(pendingOnly);
  if (only === undefined) base.pendingOnlyMasks.set(pendingOnly, (only = maskOf(base, pendingOnly)));
  const out = removed.size === 0 ? undefined : maskOf(base, removed);
  const states: ExistingNode[] = [];
  for (const i of base.order) {
    if (out !== undefined && out[i] === 1) continue;
    const takesOnlyPending = only[i] === 1;
    // Runs over one base follow each other (a consolidation state's simulations) and their answers copy what
    // they read of a target, so the target the last run made is set back to its prepared state and reused:
    // a simulation then allocates no node, and the plan's heap stays small (peak memory grows with it).
    let state = base.targets[i];
    const p = base.prepared[i] as PreparedNode;
    if (state !== undefined && state.pendingOnly === takesOnlyPending) resetTarget(state, p);
    else {
      const f = p.facts;
      state = new ExistingNode(f.name, p.hostname, f.nodePool, f.initialized, p.requirements, f.taints, p.remaining, p.hostPorts, takesOnlyPending);
      base.targets[i] = state;
    }
    states.push(state);
  }
  const topologyNodes = out === undefined ? base.topologyNodes : base.topologyNodes.filter((_, i) => out[i] !== 1);
  // The removed nodes' pods stay listed: topology counts only pods on a node it knows.
  return { nodes: states, topologyNodes, boundPods: base.boundPods, poolUsage: usageOf(base, removedPositions(base, out)), topologyIndex: base.topologyIndex };
}

/** The positions a mask marks, in order. */
function removedPositions(base: ClusterBase, out: Uint8Array | undefined): readonly number[] {
  const positions: number[] = [];
  if (out !== undefined) for (let i = 0; i < base.prepared.length; i++) if (out[i] === 1) positions.push(i);
  return positions;
}

/** Per NodePool: the summed usage of the given positions of the base (all when undefined), in position order. */
function sumUsage(base: ClusterBase, only?: readonly number[]): Map<string, Map<string, number>> {
  const poolUsage = new Map<string, Map<string, number>>();
  const add = (i: number): void => {
    const usage = base.usage[i];
    const pool = base.prepared[i]?.facts.nodePool;
    if (usage === undefined || pool === undefined) return;
    let sum = poolUsage.get(pool);
    if (sum === undefined) poolUsage.set(pool, (sum = new Map()));
    addInto(sum, usage);
  };
  if (only === undefined) for (let i = 0; i < base.prepared.length; i++) add(i);
  else for (const i of only) add(i);
  return poolUsage;
}

/** Each base's per-NodePool usage of all its nodes, or null when a sum is not exact (past 2^53). */
const usageTotals = new WeakMap<ClusterBase, ReadonlyMap<string, ReadonlyMap<string, number>> | null>();

/**
 * Per NodePool: the summed usage of the base's nodes but the removed ones. Amounts are integers, so while
 * every sum stays below 2^53 the base's totals minus the removed nodes' usage are exactly the sums of the
 * others: a simulation then reads its few removed nodes, not the whole cluster. A resource only removed nodes
 * had reads 0 (the limits read a missing one as 0 too).
 */
function usageOf(base: ClusterBase, removed: readonly number[]): ReadonlyMap<string, ResourceList> {
  let totals = usageTotals.get(base);
  if (totals === undefined) {
    const sums = sumUsage(base);
    const exact = [...sums.values()].every((sum) => [...sum.values()].every((v) => Math.abs(v) <= Number.MAX_SAFE_INTEGER));
    usageTotals.set(base, (totals = exact ? sums : null));
  }
  if (removed.length === 0 && totals !== null) return totals;
  if (totals === null) {
    const out = new Set(removed);
    return sumUsage(
      base,
      base.prepared.map((_, i) => i).filter((i) => !out.has(i)),
    );
  }
  const gone = sumUsage(base, removed);
  const poolUsage = new Map<string, ResourceList>();
  for (const [pool, total] of totals) {
    const minus = gone.get(pool);
    if (minus === undefined) {
      poolUsage.set(pool, total);
      continue;
    }
    const left = new Map(total);
    for (const [name, amount] of minus) left.set(name, (left.get(name) ?? 0) - amount);
    poolUsage.set(pool, left);
  }
  return poolUsage;
}

/** Sets a target back to the prepared node it was made from (what `new ExistingNode` would hold). */
function resetTarget(state: ExistingNode, p: PreparedNode): void {
  if (state.pods.length > 0) {
    state.pods.length = 0;
    state.requirements = p.requirements;
    state.remaining = p.remaining;
    state.hostPorts.length = 0;
    for (const port of p.hostPorts) state.hostPorts.push(port);
  }
  state.failedClasses.clear();
}

/** The positions of the base a set of names names, as a mask. */
function maskOf(base: ClusterBase, names: ReadonlySet<string>): Uint8Array {
  const mask = new Uint8Array(base.prepared.length);
  for (const name of names) for (const i of base.positions.get(name) ?? []) mask[i] = 1;
  return mask;
}

/**
 * Builds the cluster side of a run.
 *
 * @param nodes - existing nodes (deleting ones, or those whose NodeClaim is deleting, are skipped: their pods are being rescheduled)
 * @param nodeClaims - NodeClaims linking nodes to NodePools; those without a node become in-flight targets
 * @param boundPods - running pods (`spec.nodeName` set)
 * @param daemons - compiled DaemonSet pods
 * @param pendingOnly - names of nodes and NodeClaims that take only pending pods (simulations)
 * @param model - per-node state shared by the runs of one consolidation plan, if any
 * @param removed - names of nodes and NodeClaims a simulation takes out, with their pods
 * @returns the cluster
 * @throws QuantityError for a bad allocatable or capacity quantity
 */
export function buildCluster(
  nodes: readonly Node[],
  nodeClaims: readonly NodeClaim[],
  boundPods: readonly Pod[],
  daemons: readonly DaemonPod[],
  pendingOnly: ReadonlySet<string> = NONE,
  model?: ClusterModel,
  removed: ReadonlySet<string> = NONE,
): Cluster {
  const base =
    model === undefined
      ? buildClusterBase(nodes, nodeClaims, boundPods, daemons)
      : model.base(nodes, nodeClaims, boundPods, daemons, () => buildClusterBase(nodes, nodeClaims, boundPods, daemons, model));
  return clusterFromBase(base, pendingOnly, removed);
}

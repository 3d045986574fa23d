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
import type { Node, NodeClaim, Pod, ResourceMap, Taint } from "../types/kubernetes.js";
import { daemonFitsNode, type DaemonPod } from "./daemons.js";
import { ExistingNode } from "./existing-node.js";
import type { ClusterModel, NodeFacts, PreparedNode } from "./cluster-model.js";
import { LABEL_INITIALIZED } from "./nodeclaim-template.js";

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
 * Builds the cluster side of a run.
 *
 * @param nodes - existing nodes (deleting ones, or those whose NodeClaim is deleting, are skipped: their pods are being rescheduled)
 * @param nodeClaims - NodeClaims linking nodes to NodePools; those without a node become in-flight targets
 * @param boundPods - running pods (`spec.nodeName` set)
 * @param daemons - compiled DaemonSet pods
 * @param pendingOnly - names of nodes and NodeClaims that take only pending pods (simulations)
 * @param model - per-node state shared by the runs of one consolidation plan, if any
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
): Cluster {
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
    if (node.metadata.deletionTimestamp !== undefined || claim?.metadata.deletionTimestamp !== undefined) return;
    facts.push(model === undefined ? factsOfNode(node, i, claim) : model.facts(node, claim, () => factsOfNode(node, i, claim)));
  });
  nodeClaims.forEach((claim, i) => {
    if (claim.metadata.deletionTimestamp !== undefined || linkedClaims.has(claim)) return;
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
  const states: ExistingNode[] = [];
  const poolUsage = new Map<string, ResourceList>();
  for (const f of facts) {
    const onNode = podsByNode.get(f.name) ?? NO_PODS;
    const p = model === undefined ? prepareNode(f, onNode, daemons) : model.prepared(f, onNode, () => prepareNode(f, onNode, daemons));
    states.push(new ExistingNode(f.name, p.hostname, f.nodePool, f.initialized, p.requirements, f.taints, p.remaining, p.hostPorts, pendingOnly.has(f.name)));
    if (f.nodePool !== undefined) {
      poolUsage.set(f.nodePool, addResources(poolUsage.get(f.nodePool) ?? new Map(), addResources(f.capacity, ONE_NODE)));
    }
  }
  states.sort((a, b) => (a.initialized !== b.initialized ? (a.initialized ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const topologyNodes: TopologyNode[] = facts.map((f) => ({ name: f.name, labels: f.labels, taints: f.taints }));
  return { nodes: states, topologyNodes, boundPods: bound, poolUsage };
}

/**
 * The planner's view of a cluster: each node with its NodeClaim, NodePool, state, price and pods. A plan
 * applies commands to this view, never to the input.
 *
 * @module
 */
import type { CatalogLookup } from "./catalog-lookup.js";
import { LABEL_CAPACITY_TYPE, LABEL_INSTANCE_TYPE, LABEL_NODEPOOL, LABEL_ZONE } from "../requirements/index.js";
import type { Node, NodeClaim, NodePool, Pod } from "../types/kubernetes.js";
import { podName } from "../_internal/pod-key.js";
import { timestampMs } from "./duration.js";
import { isNodeDeleting } from "../scheduler/node-lifecycle.js";

/** The label Karpenter sets once a node is initialized. */
export const LABEL_INITIALIZED = "karpenter.sh/initialized";

/** One node as the planner sees it. */
export interface NodeState {
  readonly name: string;
  readonly node: Node;
  readonly claim: NodeClaim | undefined;
  /** The `karpenter.sh/nodepool` label, when present. */
  readonly poolName: string | undefined;
  /** The NodePool, when the label names an existing one. */
  readonly pool: NodePool | undefined;
  readonly initialized: boolean;
  readonly ready: boolean;
  readonly deleting: boolean;
  readonly instanceType: string | undefined;
  readonly zone: string | undefined;
  readonly capacityType: string | undefined;
  /** Hourly price of the node's own offering, when the catalogue knows it. */
  readonly price: number | undefined;
  readonly createdAt: number | undefined;
  /** The last pod bind or removal (the NodeClaim's `status.lastPodEventTime`). */
  readonly lastPodEvent: number | undefined;
  /** Pods bound to the node, in input order. */
  readonly pods: readonly Pod[];
}

/** The simulated cluster. */
export interface ClusterState {
  /** Sorted by name. */
  readonly nodes: readonly NodeState[];
  /** Pods without a node, in input order. */
  readonly pending: readonly Pod[];
}

function label(node: Node, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = node.metadata.labels?.[key];
    if (value !== undefined) return value;
  }
  return undefined;
}

function condition(conditions: ReadonlyArray<{ readonly type: string; readonly status: string }> | undefined, type: string): string | undefined {
  return conditions?.find((c) => c.type === type)?.status;
}

/**
 * The hourly price of a node's offering: its instance type's offering in its zone with its capacity type
 * (available or not, since the node already runs). The cheapest such offering when several match.
 *
 * @param catalog - instance types by name
 * @param instanceType - the node's instance-type label
 * @param zone - the node's zone label
 * @param capacityType - the node's capacity-type label
 * @returns the price, or undefined when unknown
 */
export function nodePrice(
  catalog: CatalogLookup,
  instanceType: string | undefined,
  zone: string | undefined,
  capacityType: string | undefined,
  nodePool?: string,
): number | undefined {
  if (instanceType === undefined || zone === undefined || capacityType === undefined) return undefined;
  let best: number | undefined;
  for (const o of catalog.get(instanceType, nodePool)?.offerings ?? []) {
    if (o.zone === zone && o.capacityType === capacityType && (best === undefined || o.price < best)) best = o.price;
  }
  return best;
}

/**
 * Builds the planner's view of one node.
 *
 * Initialization follows the scheduler: an unmanaged node counts as initialized; a managed one needs the
 * `karpenter.sh/initialized=true` label or its NodeClaim's `Initialized=True` condition.
 *
 * @param node - the node
 * @param claim - its NodeClaim, if any
 * @param pods - pods bound to it
 * @param pools - NodePools by name
 * @param catalog - instance types by name
 * @returns the node state
 */
export function nodeState(
  node: Node,
  claim: NodeClaim | undefined,
  pods: readonly Pod[],
  pools: ReadonlyMap<string, NodePool>,
  catalog: CatalogLookup,
): NodeState {
  const poolName = label(node, LABEL_NODEPOOL);
  const readyStatus = condition(node.status?.conditions, "Ready");
  const ready = readyStatus === undefined || readyStatus === "True";
  const initialized = poolName === undefined || label(node, LABEL_INITIALIZED) === "true" || condition(claim?.status?.conditions, "Initialized") === "True";
  const instanceType = label(node, LABEL_INSTANCE_TYPE, "beta.kubernetes.io/instance-type");
  const zone = label(node, LABEL_ZONE, "failure-domain.beta.kubernetes.io/zone");
  const capacityType = label(node, LABEL_CAPACITY_TYPE);
  return {
    name: node.metadata.name ?? "",
    node,
    claim,
    poolName,
    pool: poolName === undefined ? undefined : pools.get(poolName),
    initialized,
    ready,
    deleting: isNodeDeleting(node, claim),
    instanceType,
    zone,
    capacityType,
    price: nodePrice(catalog, instanceType, zone, capacityType, poolName),
    createdAt: timestampMs(node.metadata.creationTimestamp) ?? timestampMs(claim?.metadata.creationTimestamp),
    lastPodEvent: timestampMs(claim?.status?.lastPodEventTime),
    pods,
  };
}

/**
 * Builds the initial cluster view from the input: NodeClaims matched to nodes by `status.nodeName` (or provider
 * id), pods grouped by `spec.nodeName`. Pods bound to a node that is not in the input are ignored.
 *
 * @param nodes - the nodes
 * @param claims - the NodeClaims
 * @param pods - bound and pending pods
 * @param pools - NodePools by name
 * @param catalog - instance types by name
 * @returns the cluster view, nodes sorted by name
 */
export function buildClusterState(
  nodes: readonly Node[],
  claims: readonly NodeClaim[],
  pods: readonly Pod[],
  pools: ReadonlyMap<string, NodePool>,
  catalog: CatalogLookup,
): ClusterState {
  const byNodeName = new Map<string, NodeClaim>();
  const byProvider = new Map<string, NodeClaim>();
  for (const c of claims) {
    if (c.status?.nodeName !== undefined) byNodeName.set(c.status.nodeName, c);
    if (c.status?.providerID !== undefined) byProvider.set(c.status.providerID, c);
  }
  const podsByNode = new Map<string, Pod[]>();
  const pending: Pod[] = [];
  // Pods in namespace/name order: the plan (which pod a blocker names, the order of reschedules) must not
  // depend on the order the input listed them in.
  const ordered = pods.map((pod) => ({ pod, name: podName(pod) })).sort((a, b) => compareStrings(a.name, b.name));
  for (const { pod } of ordered) {
    const on = pod.spec.nodeName;
    if (on === undefined || on === "") {
      pending.push(pod);
      continue;
    }
    const list = podsByNode.get(on);
    if (list === undefined) podsByNode.set(on, [pod]);
    else list.push(pod);
  }
  const states = nodes.map((node) => {
    const name = node.metadata.name ?? "";
    const providerId = node.spec?.providerID;
    const claim = byNodeName.get(name) ?? (providerId === undefined ? undefined : byProvider.get(providerId));
    return nodeState(node, claim, podsByNode.get(name) ?? [], pools, catalog);
  });
  states.sort((a, b) => compareStrings(a.name, b.name));
  return { nodes: states, pending };
}

/**
 * Compares two strings by UTF-16 code units (locale independent), for deterministic orders.
 *
 * @param a - first
 * @param b - second
 * @returns negative, zero or positive
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

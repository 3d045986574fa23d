/**
 * The shapes the scheduler exchanges with the topology layer.
 *
 * @module
 */
import type { InstanceType } from "../instance-types/index.js";
import type { Requirements } from "../requirements/index.js";
import type { Pod, StringMap, Taint } from "../types/kubernetes.js";
import type { ClusterIndex } from "./cluster.js";
import type { DomainUniverse } from "./domain-universe.js";

/**
 * A NodePool as the topology layer sees it: where new nodes could be launched.
 *
 * @category Topology
 */
export interface TopologyTemplate {
  /** The NodePool's name. */
  readonly nodePoolName: string;
  /** The NodePool requirements, template labels already included (as `In`). */
  readonly requirements: Requirements;
  /** The template taints (`spec.taints`; startup taints are not included). */
  readonly taints: readonly Taint[];
  /** The instance types the NodePool may launch. */
  readonly instanceTypes: readonly InstanceType[];
}

/**
 * An existing node; its hostname domain is `labels.get(LABEL_HOSTNAME) ?? name`.
 *
 * @category Topology
 */
export interface TopologyNode {
  /** The node's name. */
  readonly name: string;
  /** The node's labels. */
  readonly labels: ReadonlyMap<string, string>;
  /** The node's taints. */
  readonly taints: readonly Taint[];
}

/**
 * Everything {@link Topology.build} needs.
 *
 * @category Topology
 */
export interface TopologyBuildInput {
  /** The NodePools, in any order: they only supply the domain universe. */
  readonly templates: readonly TopologyTemplate[];
  /** The existing nodes. */
  readonly nodes: readonly TopologyNode[];
  /** Running pods and the node each runs on: counted when a group is created. */
  readonly boundPods: readonly { readonly pod: Pod; readonly nodeName: string }[];
  /** The pods of this batch: never counted initially; their groups are created at build. */
  readonly pendingPods: readonly Pod[];
  /** Namespace name → labels, for `namespaceSelector`. Namespaces seen on pods are known with no labels. */
  readonly namespaces?: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** `Ignore` drops ScheduleAnyway spread constraints and preferred pod (anti-)affinity terms. */
  readonly preferencePolicy: "Respect" | "Ignore";
  /**
   * The domain universe of `templates`, when a caller running many builds over the same NodePools built it
   * once (it is immutable once built).
   *
   * @internal
   */
  readonly universe?: DomainUniverse | undefined;
  /**
   * The nodes and running pods already indexed, shared by many builds over the same, never mutated lists
   * (`nodes` and `boundPods` are then not read).
   *
   * @internal
   */
  readonly clusterIndex?: ClusterIndex | undefined;
  /**
   * Names of nodes a simulation takes out, with the pods running on them.
   *
   * @internal
   */
  readonly removed?: ReadonlySet<string> | undefined;
  /**
   * Label-set texts (by labels object) shared by many builds over the same, never mutated pods.
   *
   * @internal
   */
  readonly labelSignatures?: WeakMap<StringMap, string> | undefined;
  /**
   * Requirements of node label maps (by map object) shared by many builds over the same, never mutated nodes.
   *
   * @internal
   */
  readonly labelRequirements?: WeakMap<ReadonlyMap<string, string>, Requirements> | undefined;
}

/**
 * Why topology rejects a pod on a node.
 *
 * @category Topology
 */
export interface TopologyConflict {
  /** Which kind of constraint failed. */
  readonly code: "topology-spread" | "pod-affinity" | "pod-anti-affinity";
  /** The topology key of the failing constraint. */
  readonly key: string;
  /** A readable explanation with the group's counts (built lazily). */
  readonly message: string;
}

/**
 * The outcome of {@link Topology.addRequirements}.
 *
 * @category Topology
 */
export type TopologyResult = { readonly ok: true; readonly requirements: Requirements } | { readonly ok: false; readonly conflict: TopologyConflict };

/**
 * The three kinds of topology group.
 *
 * @category Topology
 */
export type TopologyType = "spread" | "affinity" | "anti-affinity";

/**
 * Options of {@link Topology.record}.
 *
 * @category Topology
 */
export interface TopologyRecordOptions {
  /**
   * Compare spread node filters strictly, as upstream does for existing nodes (whose labels are the
   * whole truth). By default well-known labels may be undefined, as for a new node claim.
   */
  readonly strict?: boolean | undefined;
}

/**
 * A hostname-keyed constraint whose answer for a node with one hostname depends only on that hostname's
 * count: the node is refused exactly when `counts.get(hostname) ?? 0` exceeds `limit`. Lets a caller skip
 * nodes without asking {@link Topology.addRequirements}.
 * @category Topology
 */
export interface HostnameBlock {
  /** The group's counts per hostname (live: they grow as pods are recorded). */
  readonly counts: ReadonlyMap<string, number>;
  /** The largest count that still admits the pod. */
  readonly limit: number;
}

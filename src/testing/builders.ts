/**
 * Builders of the core's Kubernetes objects for tests: one function per kind, an options object for every field a
 * scheduling or consolidation test varies, and nothing set that the options do not ask for (beyond a name, a
 * namespace, a uid and a creation time), so a test states what matters to it and two runs build the same object.
 *
 * @module
 */
import type {
  Affinity,
  Budget,
  ContainerPort,
  DaemonSet,
  LabelSelector,
  Node,
  NodeClaim,
  NodePool,
  NodeSelectorRequirementWithMinValues,
  Pod,
  PodDisruptionBudget,
  ResourceMap,
  StringMap,
  Taint,
  Toleration,
  TopologySpreadConstraint,
} from "nodefit";

/** The creation (and deletion) time builders use when a test gives none: a fixed instant, so objects are reproducible. */
export const BUILDER_TIME = "2025-01-01T00:00:00Z";

/** One owner reference of a built object. */
export interface OwnerReferenceOptions {
  readonly kind: string;
  readonly name: string;
  readonly uid?: string;
  readonly controller?: boolean;
}

/** A condition of a built node or NodeClaim. */
export interface ConditionOptions {
  readonly type: string;
  readonly status: string;
}

/** The options of {@link pod}; every one is optional. */
export interface PodOptions {
  /** Default `default`. */
  readonly namespace?: string;
  /** Default `uid-<name>`. */
  readonly uid?: string;
  /** Default `{}`. */
  readonly labels?: StringMap;
  readonly annotations?: StringMap;
  /** Creation time; default {@link BUILDER_TIME}. */
  readonly created?: string;
  readonly ownerReferences?: readonly OwnerReferenceOptions[];
  /** Sets a deletion timestamp ({@link BUILDER_TIME} unless `deletedAt` says otherwise). */
  readonly deleting?: boolean;
  readonly deletedAt?: string;
  /** The one container's name; default `app`. */
  readonly containerName?: string;
  /** The one container's requests; default `{}`. */
  readonly requests?: ResourceMap;
  /** The one container's limits (Kubernetes defaults requests to limits where missing). */
  readonly limits?: ResourceMap;
  readonly ports?: readonly ContainerPort[];
  /** Init containers' requests; `sidecar: true` makes one a restartable sidecar. */
  readonly initContainers?: readonly { readonly requests: ResourceMap; readonly sidecar?: boolean }[];
  /** RuntimeClass pod overhead. */
  readonly overhead?: ResourceMap;
  readonly nodeSelector?: StringMap;
  readonly affinity?: Affinity;
  readonly tolerations?: readonly Toleration[];
  readonly topologySpreadConstraints?: readonly TopologySpreadConstraint[];
  /** The node the pod is bound to. */
  readonly nodeName?: string;
  readonly priority?: number;
  /** `status.phase`; no status when unset. */
  readonly phase?: string;
}

/**
 * A pod with one container.
 *
 * @example
 * ```ts
 * const web = pod("web-0", { labels: { app: "web" }, requests: { cpu: "500m", memory: "1Gi" }, nodeName: "node-a" });
 * ```
 * @category Testing
 */
export function pod(name: string, o: PodOptions = {}): Pod {
  return {
    metadata: {
      name,
      namespace: o.namespace ?? "default",
      uid: o.uid ?? `uid-${name}`,
      labels: o.labels ?? {},
      ...(o.annotations === undefined ? {} : { annotations: o.annotations }),
      creationTimestamp: o.created ?? BUILDER_TIME,
      ...(o.deleting === true ? { deletionTimestamp: o.deletedAt ?? BUILDER_TIME } : {}),
      ...(o.ownerReferences === undefined ? {} : { ownerReferences: o.ownerReferences.map((r) => ({ ...r })) }),
    },
    spec: {
      containers: [
        {
          name: o.containerName ?? "app",
          resources: { requests: o.requests ?? {}, ...(o.limits === undefined ? {} : { limits: o.limits }) },
          ...(o.ports === undefined ? {} : { ports: o.ports }),
        },
      ],
      ...(o.initContainers === undefined
        ? {}
        : {
            initContainers: o.initContainers.map((c, i) => ({
              name: `init-${i}`,
              resources: { requests: c.requests },
              ...(c.sidecar === true ? { restartPolicy: "Always" } : {}),
            })),
          }),
      ...(o.overhead === undefined ? {} : { overhead: o.overhead }),
      ...(o.nodeSelector === undefined ? {} : { nodeSelector: o.nodeSelector }),
      ...(o.affinity === undefined ? {} : { affinity: o.affinity }),
      ...(o.tolerations === undefined ? {} : { tolerations: o.tolerations }),
      ...(o.topologySpreadConstraints === undefined ? {} : { topologySpreadConstraints: o.topologySpreadConstraints }),
      ...(o.nodeName === undefined ? {} : { nodeName: o.nodeName }),
      ...(o.priority === undefined ? {} : { priority: o.priority }),
    },
    ...(o.phase === undefined ? {} : { status: { phase: o.phase } }),
  };
}

/** The options of {@link node}; every one is optional. */
export interface NodeOptions {
  /** Merged over `kubernetes.io/hostname: <name>` and the labels `nodePool` and `initialized` add. */
  readonly labels?: StringMap;
  readonly annotations?: StringMap;
  /** Creation time; none when unset. */
  readonly created?: string;
  /** Labels the node as a member of this NodePool (`karpenter.sh/nodepool`). */
  readonly nodePool?: string;
  /** `true` adds the `karpenter.sh/initialized` label. */
  readonly initialized?: boolean;
  /** Default 4 CPU, 4Gi, 10 pods. */
  readonly allocatable?: ResourceMap;
  /** Default the allocatable. */
  readonly capacity?: ResourceMap;
  /** `spec.taints`; no spec when neither this nor `unschedulable` is set. */
  readonly taints?: readonly Taint[];
  readonly unschedulable?: boolean;
  /** Sets a deletion timestamp ({@link BUILDER_TIME} unless `deletedAt` says otherwise). */
  readonly deleting?: boolean;
  readonly deletedAt?: string;
  /** Adds a `Ready` condition, `True` or `False`; no conditions when unset. */
  readonly ready?: boolean;
}

const DEFAULT_ALLOCATABLE: ResourceMap = { cpu: "4", memory: "4Gi", pods: "10" };

/**
 * An existing node.
 *
 * @example
 * ```ts
 * const n = node("node-a", { nodePool: "default", initialized: true, allocatable: { cpu: "2", memory: "4Gi", pods: "110" } });
 * ```
 * @category Testing
 */
export function node(name: string, o: NodeOptions = {}): Node {
  const allocatable = o.allocatable ?? DEFAULT_ALLOCATABLE;
  return {
    metadata: {
      name,
      ...(o.created === undefined ? {} : { creationTimestamp: o.created }),
      labels: {
        "kubernetes.io/hostname": name,
        ...(o.nodePool === undefined ? {} : { "karpenter.sh/nodepool": o.nodePool }),
        ...(o.initialized === true ? { "karpenter.sh/initialized": "true" } : {}),
        ...o.labels,
      },
      ...(o.annotations === undefined ? {} : { annotations: o.annotations }),
      ...(o.deleting === true ? { deletionTimestamp: o.deletedAt ?? BUILDER_TIME } : {}),
    },
    ...(o.taints === undefined && o.unschedulable === undefined
      ? {}
      : { spec: { taints: o.taints ?? [], ...(o.unschedulable === true ? { unschedulable: true } : {}) } }),
    status: {
      allocatable,
      capacity: o.capacity ?? allocatable,
      ...(o.ready === undefined ? {} : { conditions: [{ type: "Ready", status: o.ready ? "True" : "False" }] }),
    },
  };
}

/** The disruption block of a built NodePool. */
export interface DisruptionOptions {
  readonly consolidationPolicy?: string;
  readonly consolidateAfter?: string;
  readonly budgets?: readonly Budget[];
}

/** The options of {@link nodePool}; every one is optional. */
export interface NodePoolOptions {
  /** Template requirements; default none. */
  readonly requirements?: readonly NodeSelectorRequirementWithMinValues[];
  /** Template labels; no template metadata when unset. */
  readonly labels?: StringMap;
  readonly taints?: readonly Taint[];
  readonly startupTaints?: readonly Taint[];
  readonly expireAfter?: string;
  readonly limits?: ResourceMap;
  readonly weight?: number;
  /** A static NodePool's node count. */
  readonly replicas?: number;
  readonly disruption?: DisruptionOptions;
}

/**
 * A NodePool.
 *
 * @example
 * ```ts
 * const spot = nodePool("spot", {
 *   requirements: [{ key: "karpenter.sh/capacity-type", operator: "In", values: ["spot"] }],
 *   disruption: { consolidationPolicy: "WhenEmptyOrUnderutilized", consolidateAfter: "0s" },
 * });
 * ```
 * @category Testing
 */
export function nodePool(name: string, o: NodePoolOptions = {}): NodePool {
  return {
    metadata: { name },
    spec: {
      template: {
        ...(o.labels === undefined ? {} : { metadata: { labels: o.labels } }),
        spec: {
          requirements: o.requirements ?? [],
          ...(o.taints === undefined ? {} : { taints: o.taints }),
          ...(o.startupTaints === undefined ? {} : { startupTaints: o.startupTaints }),
          ...(o.expireAfter === undefined ? {} : { expireAfter: o.expireAfter }),
        },
      },
      ...(o.limits === undefined ? {} : { limits: o.limits }),
      ...(o.replicas === undefined ? {} : { replicas: o.replicas }),
      ...(o.weight === undefined ? {} : { weight: o.weight }),
      ...(o.disruption === undefined ? {} : { disruption: o.disruption }),
    },
  };
}

/** The options of {@link nodeClaim}; every one is optional. */
export interface NodeClaimOptions {
  /** Labels the claim as launched by this NodePool (`karpenter.sh/nodepool`). */
  readonly nodePool?: string;
  /** Merged over the NodePool label; no labels when neither is set. */
  readonly labels?: StringMap;
  /** Creation time; none when unset. */
  readonly created?: string;
  readonly requirements?: readonly NodeSelectorRequirementWithMinValues[];
  readonly taints?: readonly Taint[];
  readonly startupTaints?: readonly Taint[];
  readonly expireAfter?: string;
  /** The node it registered as; unset for a claim launched and not yet registered. */
  readonly nodeName?: string;
  readonly lastPodEventTime?: string;
  readonly allocatable?: ResourceMap;
  /** Default the allocatable. */
  readonly capacity?: ResourceMap;
  /** `true` adds an `Initialized: True` condition (after any `conditions`). */
  readonly initialized?: boolean;
  readonly conditions?: readonly ConditionOptions[];
}

/**
 * A NodeClaim.
 *
 * @example
 * ```ts
 * const c = nodeClaim("claim-a", { nodePool: "default", nodeName: "node-a", initialized: true });
 * ```
 * @category Testing
 */
export function nodeClaim(name: string, o: NodeClaimOptions = {}): NodeClaim {
  const labels =
    o.nodePool === undefined && o.labels === undefined
      ? undefined
      : { ...(o.nodePool === undefined ? {} : { "karpenter.sh/nodepool": o.nodePool }), ...o.labels };
  const conditions = [...(o.conditions ?? []), ...(o.initialized === true ? [{ type: "Initialized", status: "True" }] : [])];
  const capacity = o.capacity ?? o.allocatable;
  return {
    metadata: {
      name,
      ...(labels === undefined ? {} : { labels }),
      ...(o.created === undefined ? {} : { creationTimestamp: o.created }),
    },
    spec: {
      ...(o.requirements === undefined ? {} : { requirements: o.requirements }),
      ...(o.taints === undefined ? {} : { taints: o.taints }),
      ...(o.startupTaints === undefined ? {} : { startupTaints: o.startupTaints }),
      ...(o.expireAfter === undefined ? {} : { expireAfter: o.expireAfter }),
    },
    status: {
      ...(o.nodeName === undefined ? {} : { nodeName: o.nodeName }),
      ...(o.lastPodEventTime === undefined ? {} : { lastPodEventTime: o.lastPodEventTime }),
      ...(o.allocatable === undefined ? {} : { allocatable: o.allocatable }),
      ...(capacity === undefined ? {} : { capacity }),
      ...(conditions.length === 0 && o.conditions === undefined ? {} : { conditions }),
    },
  };
}

/**
 * A DaemonSet whose pod template is {@link pod}'s spec for the same options, in `kube-system` unless `namespace` says
 * otherwise.
 *
 * @example
 * ```ts
 * const agent = daemonSet("log-agent", { requests: { cpu: "100m", memory: "128Mi" } });
 * ```
 * @category Testing
 */
export function daemonSet(name: string, o: PodOptions = {}): DaemonSet {
  return {
    metadata: { name, namespace: o.namespace ?? "kube-system" },
    spec: { template: { metadata: { labels: o.labels ?? {} }, spec: pod(name, o).spec } },
  };
}

/** The options of {@link podDisruptionBudget}; give one of `minAvailable` and `maxUnavailable`. */
export interface PodDisruptionBudgetOptions {
  /** Default `default`. */
  readonly namespace?: string;
  /** The pods it covers. */
  readonly matchLabels?: StringMap;
  /** A full selector, instead of `matchLabels`. */
  readonly selector?: LabelSelector;
  readonly minAvailable?: string | number;
  readonly maxUnavailable?: string | number;
}

/**
 * A PodDisruptionBudget.
 *
 * @example
 * ```ts
 * const pdb = podDisruptionBudget("web", { matchLabels: { app: "web" }, maxUnavailable: 0 });
 * ```
 * @category Testing
 */
export function podDisruptionBudget(name: string, o: PodDisruptionBudgetOptions = {}): PodDisruptionBudget {
  const selector = o.selector ?? (o.matchLabels === undefined ? undefined : { matchLabels: o.matchLabels });
  return {
    metadata: { name, namespace: o.namespace ?? "default" },
    spec: {
      ...(selector === undefined ? {} : { selector }),
      ...(o.minAvailable === undefined ? {} : { minAvailable: o.minAvailable }),
      ...(o.maxUnavailable === undefined ? {} : { maxUnavailable: o.maxUnavailable }),
    },
  };
}

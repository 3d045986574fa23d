/**
 * Structural shapes of the Kubernetes objects nodefit reads.
 *
 * They mirror the API's field names and are deliberately loose (string enums, optional fields,
 * quantities as `string | number`), so that objects typed by `@kubernetes/client-node` or
 * `kubernetes-types`, or parsed from YAML, are assignable without conversion. Validation of
 * untrusted input happens at the edge (`nodefit/kubernetes`); the core trusts these shapes.
 *
 * @module
 */

/**
 * A resource quantity as Kubernetes serialises it: `"1500m"`, `"2Gi"`, or a plain number.
 *
 * @category Kubernetes objects
 */
export type QuantityInput = string | number;

/**
 * A map of resource name to quantity, e.g. `{ cpu: "500m", memory: "1Gi" }`.
 *
 * @category Kubernetes objects
 */
export type ResourceMap = { readonly [resource: string]: QuantityInput };

/**
 * A map of label or annotation key to value.
 *
 * @category Kubernetes objects
 */
export type StringMap = { readonly [key: string]: string };

/**
 * Object metadata: the parts nodefit reads.
 *
 * @category Kubernetes objects
 */
export interface ObjectMeta {
  readonly name?: string | undefined;
  readonly namespace?: string | undefined;
  readonly uid?: string | undefined;
  readonly labels?: StringMap | undefined;
  readonly annotations?: StringMap | undefined;
  /** RFC 3339 string or a Date (client-node parses timestamps into Dates). */
  readonly creationTimestamp?: string | Date | undefined;
  readonly deletionTimestamp?: string | Date | undefined;
  readonly ownerReferences?:
    | ReadonlyArray<{ readonly kind: string; readonly name: string; readonly uid?: string | undefined; readonly controller?: boolean | undefined }>
    | undefined;
}

/**
 * `spec.containers[].resources` and pod-level `spec.resources`.
 *
 * @category Kubernetes objects
 */
export interface ResourceRequirements {
  readonly requests?: ResourceMap | undefined;
  readonly limits?: ResourceMap | undefined;
  /** Names of the pod's `resourceClaims` this container uses (DRA). */
  readonly claims?: readonly { readonly name?: string | undefined }[] | undefined;
}

/**
 * A container port; only host ports matter for scheduling.
 *
 * @category Kubernetes objects
 */
export interface ContainerPort {
  readonly containerPort?: number | undefined;
  readonly hostPort?: number | undefined;
  readonly hostIP?: string | undefined;
  readonly protocol?: string | undefined;
}

/**
 * A container or init container. `restartPolicy: Always` on an init container makes it a sidecar.
 *
 * @category Kubernetes objects
 */
export interface Container {
  readonly name?: string | undefined;
  readonly resources?: ResourceRequirements | undefined;
  readonly ports?: readonly ContainerPort[] | undefined;
  readonly restartPolicy?: string | undefined;
}

/**
 * A taint on a node or in a NodePool template.
 *
 * @category Kubernetes objects
 */
export interface Taint {
  readonly key: string;
  readonly value?: string | undefined;
  /** `NoSchedule`, `PreferNoSchedule` or `NoExecute`. */
  readonly effect: string;
}

/**
 * A pod's toleration.
 *
 * @category Kubernetes objects
 */
export interface Toleration {
  readonly key?: string | undefined;
  /** `Equal` (the default) or `Exists`. */
  readonly operator?: string | undefined;
  readonly value?: string | undefined;
  /** Empty matches every effect. */
  readonly effect?: string | undefined;
  readonly tolerationSeconds?: number | undefined;
}

/**
 * One node selector expression: `{ key, operator, values }`.
 *
 * @category Kubernetes objects
 */
export interface NodeSelectorRequirement {
  readonly key: string;
  /** `In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt`, `Lt` (and Karpenter's `Gte`, `Lte`). */
  readonly operator: string;
  readonly values?: readonly string[] | undefined;
}

/**
 * A NodePool or NodeClaim requirement: a node selector expression with Karpenter's `minValues`.
 *
 * @category Kubernetes objects
 */
export interface NodeSelectorRequirementWithMinValues extends NodeSelectorRequirement {
  readonly minValues?: number | undefined;
}

/**
 * One term of required node affinity; its expressions are ANDed.
 *
 * @category Kubernetes objects
 */
export interface NodeSelectorTerm {
  readonly matchExpressions?: readonly NodeSelectorRequirement[] | undefined;
  readonly matchFields?: readonly NodeSelectorRequirement[] | undefined;
}

/**
 * A weighted preferred node affinity term.
 *
 * @category Kubernetes objects
 */
export interface PreferredSchedulingTerm {
  readonly weight: number;
  readonly preference: NodeSelectorTerm;
}

/**
 * Node affinity: required terms are ORed, preferred terms weighted.
 *
 * @category Kubernetes objects
 */
export interface NodeAffinity {
  readonly requiredDuringSchedulingIgnoredDuringExecution?: { readonly nodeSelectorTerms: readonly NodeSelectorTerm[] } | undefined;
  readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly PreferredSchedulingTerm[] | undefined;
}

/**
 * A label selector expression (`In`, `NotIn`, `Exists`, `DoesNotExist`).
 *
 * @category Kubernetes objects
 */
export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values?: readonly string[] | undefined;
}

/**
 * A label selector. A missing selector selects nothing; an empty one selects everything.
 *
 * @category Kubernetes objects
 */
export interface LabelSelector {
  readonly matchLabels?: StringMap | undefined;
  readonly matchExpressions?: readonly LabelSelectorRequirement[] | undefined;
}

/**
 * A pod (anti-)affinity term.
 *
 * @category Kubernetes objects
 */
export interface PodAffinityTerm {
  readonly labelSelector?: LabelSelector | undefined;
  readonly namespaces?: readonly string[] | undefined;
  readonly namespaceSelector?: LabelSelector | undefined;
  readonly topologyKey: string;
  readonly matchLabelKeys?: readonly string[] | undefined;
  readonly mismatchLabelKeys?: readonly string[] | undefined;
}

/**
 * A weighted preferred pod (anti-)affinity term.
 *
 * @category Kubernetes objects
 */
export interface WeightedPodAffinityTerm {
  readonly weight: number;
  readonly podAffinityTerm: PodAffinityTerm;
}

/**
 * Pod affinity or anti-affinity.
 *
 * @category Kubernetes objects
 */
export interface PodAffinity {
  readonly requiredDuringSchedulingIgnoredDuringExecution?: readonly PodAffinityTerm[] | undefined;
  readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly WeightedPodAffinityTerm[] | undefined;
}

/**
 * A pod's affinity block.
 *
 * @category Kubernetes objects
 */
export interface Affinity {
  readonly nodeAffinity?: NodeAffinity | undefined;
  readonly podAffinity?: PodAffinity | undefined;
  readonly podAntiAffinity?: PodAffinity | undefined;
}

/**
 * A topology spread constraint.
 *
 * @category Kubernetes objects
 */
export interface TopologySpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  /** `DoNotSchedule` or `ScheduleAnyway`. */
  readonly whenUnsatisfiable: string;
  readonly labelSelector?: LabelSelector | undefined;
  readonly minDomains?: number | undefined;
  /** `Honor` (default) or `Ignore`. */
  readonly nodeAffinityPolicy?: string | undefined;
  /** `Ignore` (default) or `Honor`. */
  readonly nodeTaintsPolicy?: string | undefined;
  readonly matchLabelKeys?: readonly string[] | undefined;
}

/**
 * A pod volume; only claim-backed ones (a claim reference or a generic ephemeral volume) matter for scheduling.
 *
 * @category Kubernetes objects
 */
export interface Volume {
  readonly name?: string | undefined;
  readonly persistentVolumeClaim?: { readonly claimName: string } | undefined;
  /** A generic ephemeral volume: its claim is `<pod name>-<volume name>`, made from this template. */
  readonly ephemeral?:
    | {
        readonly volumeClaimTemplate?: { readonly spec?: { readonly storageClassName?: string | undefined } | undefined } | undefined;
      }
    | undefined;
}

/**
 * The parts of a pod spec that scheduling reads.
 *
 * @category Kubernetes objects
 */
export interface PodSpec {
  readonly nodeName?: string | undefined;
  readonly nodeSelector?: StringMap | undefined;
  readonly affinity?: Affinity | undefined;
  readonly tolerations?: readonly Toleration[] | undefined;
  readonly topologySpreadConstraints?: readonly TopologySpreadConstraint[] | undefined;
  readonly containers: readonly Container[];
  readonly initContainers?: readonly Container[] | undefined;
  /** RuntimeClass pod overhead, added to the requests. */
  readonly overhead?: ResourceMap | undefined;
  /** Pod-level resources; where set they replace the container aggregate for those resources. */
  readonly resources?: ResourceRequirements | undefined;
  readonly priority?: number | undefined;
  readonly priorityClassName?: string | undefined;
  readonly volumes?: readonly Volume[] | undefined;
  /** Dynamic Resource Allocation claims (`resource.k8s.io`); upstream's default does not schedule such pods. */
  readonly resourceClaims?: readonly { readonly name?: string | undefined }[] | undefined;
}

/**
 * A pod: pending when `spec.nodeName` is empty, otherwise bound to that node.
 *
 * @category Kubernetes objects
 */
export interface Pod {
  readonly apiVersion?: string | undefined;
  readonly kind?: string | undefined;
  readonly metadata: ObjectMeta;
  readonly spec: PodSpec;
  readonly status?:
    | {
        readonly phase?: string | undefined;
        /** When the kubelet started the pod; `karpenter.sh/do-not-disrupt` durations count from it. */
        readonly startTime?: string | Date | undefined;
        /** `PodScheduled` (what the kube-scheduler made of it) and `Ready` (a PDB may always evict an unready pod). */
        readonly conditions?: ReadonlyArray<{ readonly type: string; readonly status?: string | undefined; readonly reason?: string | undefined }> | undefined;
      }
    | undefined;
}

/**
 * A pod template (workloads and DaemonSets).
 *
 * @category Kubernetes objects
 */
export interface PodTemplateSpec {
  readonly metadata?: ObjectMeta | undefined;
  readonly spec: PodSpec;
}

/**
 * A DaemonSet: its pods are per-node overhead on every node they are compatible with.
 *
 * @category Kubernetes objects
 */
export interface DaemonSet {
  readonly apiVersion?: string | undefined;
  readonly kind?: string | undefined;
  readonly metadata: ObjectMeta;
  readonly spec: { readonly template: PodTemplateSpec };
}

/**
 * A status condition of a Node or NodeClaim: its type and status, and when it last changed (upstream's drift
 * method takes the earliest `Drifted` first).
 *
 * @category Kubernetes objects
 */
export interface Condition {
  readonly type: string;
  readonly status: string;
  readonly lastTransitionTime?: string | Date | undefined;
}

/**
 * An existing node.
 *
 * @category Kubernetes objects
 */
export interface Node {
  readonly apiVersion?: string | undefined;
  readonly kind?: string | undefined;
  readonly metadata: ObjectMeta;
  readonly spec?:
    | { readonly taints?: readonly Taint[] | undefined; readonly unschedulable?: boolean | undefined; readonly providerID?: string | undefined }
    | undefined;
  readonly status?:
    | {
        readonly allocatable?: ResourceMap | undefined;
        readonly capacity?: ResourceMap | undefined;
        readonly conditions?: readonly Condition[] | undefined;
      }
    | undefined;
}

/**
 * A NodePool disruption budget.
 *
 * @category Kubernetes objects
 */
export interface Budget {
  /** A count (`"10"`) or a percentage (`"20%"`). */
  readonly nodes: string;
  readonly reasons?: readonly string[] | undefined;
  readonly schedule?: string | undefined;
  readonly duration?: string | undefined;
}

/**
 * A karpenter.sh/v1 NodePool.
 *
 * @category Kubernetes objects
 */
export interface NodePool {
  readonly apiVersion?: string | undefined;
  readonly kind?: string | undefined;
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly template?:
      | {
          readonly metadata?: { readonly labels?: StringMap | undefined; readonly annotations?: StringMap | undefined } | undefined;
          readonly spec?:
            | {
                readonly requirements?: readonly NodeSelectorRequirementWithMinValues[] | undefined;
                readonly taints?: readonly Taint[] | undefined;
                readonly startupTaints?: readonly Taint[] | undefined;
                readonly expireAfter?: string | undefined;
                /** How long a node may take to drain once deleted; with it, drift disrupts despite blocking pods (upstream's eventual disruption). */
                readonly terminationGracePeriod?: string | undefined;
                readonly nodeClassRef?: { readonly group?: string | undefined; readonly kind?: string | undefined; readonly name: string } | undefined;
              }
            | undefined;
        }
      | undefined;
    readonly limits?: ResourceMap | undefined;
    readonly weight?: number | undefined;
    readonly replicas?: number | undefined;
    readonly disruption?:
      | {
          readonly consolidationPolicy?: string | undefined;
          readonly consolidateAfter?: string | undefined;
          readonly budgets?: readonly Budget[] | undefined;
        }
      | undefined;
  };
}

/**
 * A karpenter.sh/v1 NodeClaim: links a node to its NodePool.
 *
 * @category Kubernetes objects
 */
export interface NodeClaim {
  readonly apiVersion?: string | undefined;
  readonly kind?: string | undefined;
  readonly metadata: ObjectMeta;
  readonly spec?:
    | {
        readonly requirements?: readonly NodeSelectorRequirementWithMinValues[] | undefined;
        readonly taints?: readonly Taint[] | undefined;
        readonly startupTaints?: readonly Taint[] | undefined;
        readonly expireAfter?: string | undefined;
        /** Copied from the NodePool template when the claim was made: see the NodePool field. */
        readonly terminationGracePeriod?: string | undefined;
      }
    | undefined;
  readonly status?:
    | {
        readonly nodeName?: string | undefined;
        readonly providerID?: string | undefined;
        readonly lastPodEventTime?: string | Date | undefined;
        readonly capacity?: ResourceMap | undefined;
        readonly allocatable?: ResourceMap | undefined;
        readonly conditions?: readonly Condition[] | undefined;
      }
    | undefined;
}

/**
 * A policy/v1 PodDisruptionBudget.
 *
 * @category Kubernetes objects
 */
export interface PodDisruptionBudget {
  readonly apiVersion?: string | undefined;
  readonly kind?: string | undefined;
  readonly metadata: ObjectMeta;
  readonly spec?:
    | {
        readonly selector?: LabelSelector | undefined;
        readonly minAvailable?: string | number | undefined;
        readonly maxUnavailable?: string | number | undefined;
        /** `AlwaysAllow`: a pod that is not Ready may be evicted whatever the budget says (`IfHealthyBudget` otherwise). */
        readonly unhealthyPodEvictionPolicy?: string | undefined;
      }
    | undefined;
  readonly status?: { readonly disruptionsAllowed?: number | undefined } | undefined;
}

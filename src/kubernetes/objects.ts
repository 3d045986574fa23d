import type { KubernetesDocument } from "./types.js";

/**
 * Object metadata as any Kubernetes client returns it: every field optional, timestamps as RFC 3339
 * strings or Dates (`@kubernetes/client-node` parses them into Dates).
 *
 * @category Manifests
 */
export interface ObjectMetaLike {
  readonly name?: string | undefined;
  readonly namespace?: string | undefined;
  readonly uid?: string | undefined;
  readonly creationTimestamp?: string | Date | undefined;
  readonly deletionTimestamp?: string | Date | undefined;
}

/**
 * A Kubernetes object as a client lists it: `apiVersion` and `kind` may be missing (items of a list carry
 * none), and so may `metadata`. The fields are validated at run time, not by this type.
 *
 * @category Manifests
 */
export interface KubernetesObjectLike {
  readonly apiVersion?: string | undefined;
  readonly kind?: string | undefined;
  readonly metadata?: ObjectMetaLike | undefined;
}

/**
 * A Pod as a client lists it (`V1Pod`); `spec` is optional in the type and required at run time.
 *
 * @category Manifests
 */
export interface PodLike extends KubernetesObjectLike {
  readonly spec?: { readonly nodeName?: string | undefined; readonly containers?: readonly unknown[] | undefined } | undefined;
}

/**
 * A Node as a client lists it (`V1Node`).
 *
 * @category Manifests
 */
export interface NodeLike extends KubernetesObjectLike {
  readonly spec?:
    | { readonly providerID?: string | undefined; readonly taints?: readonly unknown[] | undefined; readonly unschedulable?: boolean | undefined }
    | undefined;
}

/**
 * A Deployment, ReplicaSet, ReplicationController, StatefulSet, Job or DaemonSet as a client lists it.
 *
 * @category Manifests
 */
export interface WorkloadLike extends KubernetesObjectLike {
  readonly spec?: { readonly template?: unknown; readonly replicas?: number | undefined; readonly parallelism?: number | undefined } | undefined;
}

/**
 * Objects by kind, as a controller lists them from the API server: each list may be passed straight from
 * a client, e.g. `pods: (await core.listPodForAllNamespaces()).items`. Items need no `apiVersion` or
 * `kind` (the list they are in says which); an item that names another kind is an error.
 *
 * @category Manifests
 */
export interface KubernetesObjects {
  readonly pods?: readonly PodLike[] | undefined;
  readonly nodes?: readonly NodeLike[] | undefined;
  /** karpenter.sh/v1 NodePools (custom objects: any client's plain objects). */
  readonly nodePools?: readonly KubernetesObjectLike[] | undefined;
  /** karpenter.sh/v1 NodeClaims. */
  readonly nodeClaims?: readonly KubernetesObjectLike[] | undefined;
  readonly daemonSets?: readonly WorkloadLike[] | undefined;
  readonly deployments?: readonly WorkloadLike[] | undefined;
  readonly replicaSets?: readonly WorkloadLike[] | undefined;
  readonly replicationControllers?: readonly WorkloadLike[] | undefined;
  readonly statefulSets?: readonly WorkloadLike[] | undefined;
  readonly jobs?: readonly WorkloadLike[] | undefined;
  readonly podDisruptionBudgets?: readonly KubernetesObjectLike[] | undefined;
  /** karpenter.k8s.aws/v1 EC2NodeClasses (custom objects), for the AWS catalogue of each NodePool. */
  readonly ec2NodeClasses?: readonly KubernetesObjectLike[] | undefined;
  /** Anything else (instance-type catalogues, mixed lists), read like {@link fromKubernetes}'s documents. */
  readonly documents?: readonly KubernetesDocument[] | undefined;
}

/**
 * The typed lists of {@link KubernetesObjects}, in the order they are read, with their items' kind.
 *
 * @internal
 */
export const OBJECT_LISTS: ReadonlyArray<readonly [Exclude<keyof KubernetesObjects, "documents">, string, string]> = [
  ["nodePools", "karpenter.sh/v1", "NodePool"],
  ["nodeClaims", "karpenter.sh/v1", "NodeClaim"],
  ["nodes", "v1", "Node"],
  ["daemonSets", "apps/v1", "DaemonSet"],
  ["deployments", "apps/v1", "Deployment"],
  ["replicaSets", "apps/v1", "ReplicaSet"],
  ["replicationControllers", "v1", "ReplicationController"],
  ["statefulSets", "apps/v1", "StatefulSet"],
  ["jobs", "batch/v1", "Job"],
  ["pods", "v1", "Pod"],
  ["podDisruptionBudgets", "policy/v1", "PodDisruptionBudget"],
  ["ec2NodeClasses", "karpenter.k8s.aws/v1", "EC2NodeClass"],
];

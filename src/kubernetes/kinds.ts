/** What nodefit does with a kind it reads. */
export type KindRole =
  | "pod"
  | "workload"
  | "daemonSet"
  | "nodePool"
  | "node"
  | "nodeClaim"
  | "podDisruptionBudget"
  | "catalog"
  | "persistentVolumeClaim"
  | "persistentVolume"
  | "storageClass"
  | "csiNode"
  | "nodeOverlay"
  | "ec2NodeClass";

/** How one kind is read. */
export interface KindInfo {
  readonly role: KindRole;
  /** The apiVersions accepted for this kind. */
  readonly apiVersions: readonly string[];
  readonly namespaced: boolean;
}

/**
 * The kinds nodefit reads, by kind name.
 *
 * @internal
 */
export const KINDS: ReadonlyMap<string, KindInfo> = new Map<string, KindInfo>([
  ["Pod", { role: "pod", apiVersions: ["v1"], namespaced: true }],
  ["Deployment", { role: "workload", apiVersions: ["apps/v1"], namespaced: true }],
  ["ReplicaSet", { role: "workload", apiVersions: ["apps/v1"], namespaced: true }],
  ["ReplicationController", { role: "workload", apiVersions: ["v1"], namespaced: true }],
  ["StatefulSet", { role: "workload", apiVersions: ["apps/v1"], namespaced: true }],
  ["Job", { role: "workload", apiVersions: ["batch/v1"], namespaced: true }],
  ["DaemonSet", { role: "daemonSet", apiVersions: ["apps/v1"], namespaced: true }],
  ["Node", { role: "node", apiVersions: ["v1"], namespaced: false }],
  ["NodePool", { role: "nodePool", apiVersions: ["karpenter.sh/v1"], namespaced: false }],
  ["NodeClaim", { role: "nodeClaim", apiVersions: ["karpenter.sh/v1"], namespaced: false }],
  ["PodDisruptionBudget", { role: "podDisruptionBudget", apiVersions: ["policy/v1"], namespaced: true }],
  ["InstanceTypeCatalog", { role: "catalog", apiVersions: ["nodefit.dev/v1alpha1"], namespaced: false }],
  ["EC2NodeClass", { role: "ec2NodeClass", apiVersions: ["karpenter.k8s.aws/v1"], namespaced: false }],
  ["PersistentVolumeClaim", { role: "persistentVolumeClaim", apiVersions: ["v1"], namespaced: true }],
  ["PersistentVolume", { role: "persistentVolume", apiVersions: ["v1"], namespaced: false }],
  ["StorageClass", { role: "storageClass", apiVersions: ["storage.k8s.io/v1"], namespaced: false }],
  ["CSINode", { role: "csiNode", apiVersions: ["storage.k8s.io/v1"], namespaced: false }],
  ["NodeOverlay", { role: "nodeOverlay", apiVersions: ["karpenter.sh/v1alpha1"], namespaced: false }],
]);

/**
 * Kinds that do not affect scheduling: skipped and counted, so a whole manifests folder can be read.
 *
 * @internal
 */
export const SKIPPED_KINDS: ReadonlySet<string> = new Set([
  "APIService",
  "AKSNodeClass",
  "Binding",
  "ClusterRole",
  "ClusterRoleBinding",
  "ComponentStatus",
  "ConfigMap",
  "ControllerRevision",
  "CronJob",
  "CSIDriver",
  "CustomResourceDefinition",
  "DeviceClass",
  "Endpoints",
  "EndpointSlice",
  "Event",
  "GCENodeClass",
  "HorizontalPodAutoscaler",
  "Ingress",
  "IngressClass",
  "Lease",
  "LimitRange",
  "MutatingWebhookConfiguration",
  "Namespace",
  "NetworkPolicy",
  "PodSecurityPolicy",
  "PodTemplate",
  "PriorityClass",
  "ResourceClaim",
  "ResourceClaimTemplate",
  "ResourceQuota",
  "ResourceSlice",
  "Role",
  "RoleBinding",
  "RuntimeClass",
  "Secret",
  "Service",
  "ServiceAccount",
  "ValidatingWebhookConfiguration",
  "VerticalPodAutoscaler",
  "VolumeAttachment",
]);

/**
 * The API groups whose kinds nodefit reads (`""` is the core group of `apiVersion: v1`). An unknown kind
 * in one of them is an error, so a typo (`Deploymnet`) is caught; an unknown kind of any other group (a
 * CRD such as cert-manager's `Certificate`, or a built-in group nodefit has no use for) is skipped.
 *
 * @internal
 */
export const READ_GROUPS: ReadonlySet<string> = new Set(["", "apps", "batch", "policy", "karpenter.sh", "karpenter.k8s.aws", "nodefit.dev"]);

/**
 * The API group of an `apiVersion`: `"apps"` for `apps/v1`, `""` (core) for `v1`.
 *
 * @param apiVersion - a non-empty apiVersion
 * @returns its group
 * @internal
 */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

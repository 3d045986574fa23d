import type { Ec2NodeClassObject } from "./schemas/ec2nodeclass.js";
import type { DaemonSet, InputError, Node, NodeClaim, NodeOverlay, NodePool, Pod, PodDisruptionBudget, VolumeObjects } from "nodefit";

/**
 * One Kubernetes object with where it came from. `file` and `index` only improve error messages;
 * a controller passing objects it listed from the API server may leave them out.
 *
 * @category Manifests
 */
export interface KubernetesDocument {
  /** The parsed object (YAML or JSON document, or a `@kubernetes/client-node` object). */
  readonly object: unknown;
  /** The file the object was read from. */
  readonly file?: string | undefined;
  /** The document's position in its file, counting from 1. Defaults to its position in the list. */
  readonly index?: number | undefined;
}

/**
 * The core's input, read from Kubernetes objects. Every list is in document order.
 *
 * @category Manifests
 */
export interface KubernetesInput {
  /**
   * Pods to schedule, in document order: Pods without `spec.nodeName` that Karpenter would provision for
   * (not DaemonSet or mirror pods, not preempting, not finished), and the pods workloads still have to
   * create (those not already in the input), in ordinal order.
   */
  readonly pods: readonly Pod[];
  /** Pods already bound to a node (`spec.nodeName` set). */
  readonly boundPods: readonly Pod[];
  readonly nodePools: readonly NodePool[];
  readonly nodes: readonly Node[];
  readonly nodeClaims: readonly NodeClaim[];
  readonly daemonSets: readonly DaemonSet[];
  readonly podDisruptionBudgets: readonly PodDisruptionBudget[];
  /** Claims, volumes, StorageClasses and CSINodes; present only when at least one such document was read. */
  readonly volumes?: VolumeObjects | undefined;
  /** `karpenter.sh/v1alpha1 NodeOverlay` documents, for `applyNodeOverlays` on the catalogue. */
  readonly nodeOverlays: readonly NodeOverlay[];
  /** `nodefit.dev/v1alpha1 InstanceTypeCatalog` documents, unvalidated, for the catalogue reader. */
  readonly catalogs: readonly KubernetesDocument[];
  /** `karpenter.k8s.aws/v1 EC2NodeClass` objects, for `awsCatalogForNodePools` in `nodefit/aws`. */
  readonly ec2NodeClasses: readonly Ec2NodeClassObject[];
  /** How many documents of each kind that does not affect scheduling were skipped, by kind name. */
  readonly skipped: ReadonlyMap<string, number>;
}

/**
 * Options of {@link fromKubernetes}.
 *
 * @category Manifests
 */
export interface FromKubernetesOptions {
  /** Namespace of namespaced objects that name none. Default `default`. */
  readonly defaultNamespace?: string | undefined;
  /**
   * Refuse kinds nodefit does not know in every API group. By default an unknown kind of a group nodefit
   * does not read (a CRD such as cert-manager's `Certificate`) is skipped and counted, and only unknown
   * kinds of the groups it reads (core, apps, batch, policy, karpenter.sh, karpenter.k8s.aws, nodefit.dev)
   * are errors.
   */
  readonly strict?: boolean | undefined;
}

/**
 * The outcome of {@link safeFromKubernetes}: the input, or the error {@link fromKubernetes} would throw.
 *
 * @category Manifests
 */
export type KubernetesResult = { readonly ok: true; readonly value: KubernetesInput } | { readonly ok: false; readonly error: InputError };

/**
 * The storage objects a scheduling run may be given, and the outcome of reading one pod's volumes.
 *
 * @module
 */
import type { Requirements } from "../requirements/index.js";
import type { NodeSelectorRequirement } from "../types/kubernetes.js";
import type { CSINode, PersistentVolume, PersistentVolumeClaim, StorageClass } from "../types/storage.js";

/**
 * The cluster's storage objects. Given to `schedule` or `planConsolidation`, they turn each pod's claims into
 * node requirements as upstream Karpenter's volume topology does; left out, volumes are not looked at.
 * @category Volumes
 */
export interface VolumeObjects {
  readonly persistentVolumeClaims?: readonly PersistentVolumeClaim[] | undefined;
  readonly persistentVolumes?: readonly PersistentVolume[] | undefined;
  readonly storageClasses?: readonly StorageClass[] | undefined;
  /** Per-node CSI attach limits (existing nodes only). */
  readonly csiNodes?: readonly CSINode[] | undefined;
}

/**
 * One way a pod's volumes can be satisfied: the expressions of every volume's chosen term, ANDed. A pod's
 * alternatives are ORed.
 * @category Volumes
 */
export interface VolumeAlternative {
  /** The expressions as the objects wrote them (StorageClass terms as `In`), in volume order. */
  readonly expressions: readonly NodeSelectorRequirement[];
  /** The same, as one requirement set. */
  readonly requirements: Requirements;
}

/**
 * Why a pod's volumes keep it from being scheduled.
 *
 * @category Volumes
 */
export type VolumeFailureCode = "volume-not-found" | "volume-invalid" | "dynamic-resources-unsupported";

/**
 * What a pod's volumes demand: alternatives (none = unconstrained), or why the pod cannot be scheduled.
 *
 * @category Volumes
 */
export type PodVolumeRequirements =
  | { readonly ok: true; readonly alternatives: readonly VolumeAlternative[] }
  | { readonly ok: false; readonly code: VolumeFailureCode; readonly message: string };

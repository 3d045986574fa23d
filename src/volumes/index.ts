/**
 * Volumes and Dynamic Resource Allocation as upstream Karpenter v1.14 schedules them: a pod's
 * PersistentVolumeClaims become node requirements (bound volumes' `nodeAffinity`, unbound claims' StorageClass
 * `allowedTopologies`), CSINode attach limits cap the volumes of existing nodes, and pods with DRA claims are
 * reported as not scheduled (upstream's default).
 *
 * @module
 */
export { claimStorageClass, podClaims, type PodClaim } from "./claims.js";
export { AWS_EBS_CSI_DRIVER, claimDriver } from "./drivers.js";
export { DYNAMIC_RESOURCES_MESSAGE, hasDynamicResourceClaims } from "./dynamic-resources.js";
export { volumeAlternativesOf, withVolumeAlternatives } from "./carry.js";
export { volumePrePass, withVolumeFailures, type VolumePodFailure, type VolumePrePassInput, type VolumePrePassResult } from "./pre-pass.js";
export { BIND_COMPLETED_ANNOTATION, podVolumeRequirements, type VolumeTopologyOptions } from "./topology.js";
export type { PodVolumeRequirements, VolumeAlternative, VolumeFailureCode, VolumeObjects } from "./types.js";
export { DEFAULT_STORAGE_CLASS_ANNOTATION, indexVolumeObjects, type VolumeIndex } from "./volume-index.js";
export { csiNodeLimits, exceedsVolumeLimits, NodeVolumeLimits, podDriverVolumes, type DriverVolumes, type VolumeLimitExceeded } from "./usage.js";

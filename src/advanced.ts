/**
 * `nodefit/advanced`: the building blocks under `schedule` and `planConsolidation`, for callers who build
 * their own tools on them: dense resource vectors ({@link ResourceSpace} and its in-place helpers), the
 * instance-type index, offering compatibility and launch prices, minValues checks, topology spread counting
 * ({@link Topology}), volume topology and limits, node overlays' price rules, disruption budgets, costs and
 * cron schedules, and the option resolvers that fill in defaults. These are stable enough to use but closer
 * to the engine than the root's API: their shapes follow the engine's needs. Everything not exported here or
 * from `nodefit` is internal.
 *
 * @module
 */

export {
  addVectorInto,
  CPU,
  fitsAmount,
  fitsVector,
  hostPortsConflict,
  isMemoryLikeResource,
  podHostPorts,
  quantityAmount,
  ResourceSpace,
  subtractVectorInto,
  type HostPort,
} from "./resources/index.js";
export {
  hasPreferredNodeAffinity,
  LABEL_ALIASES,
  labelDomain,
  normalizeLabelKey,
  podRequirements,
  preferredNodeAffinityTerms,
  type PodRequirementsOptions,
} from "./requirements/index.js";
export { EPHEMERAL_TAINTS, isEphemeralTaint } from "./taints/index.js";
export {
  AWS_EBS_CSI_DRIVER,
  BIND_COMPLETED_ANNOTATION,
  claimDriver,
  claimStorageClass,
  csiNodeLimits,
  DEFAULT_STORAGE_CLASS_ANNOTATION,
  DYNAMIC_RESOURCES_MESSAGE,
  exceedsVolumeLimits,
  hasDynamicResourceClaims,
  indexVolumeObjects,
  NodeVolumeLimits,
  podClaims,
  podDriverVolumes,
  podVolumeRequirements,
  volumePrePass,
  type DriverVolumes,
  type PodClaim,
  type PodVolumeRequirements,
  type VolumeAlternative,
  type VolumeFailureCode,
  type VolumeIndex,
  type VolumeLimitExceeded,
  type VolumePodFailure,
  type VolumePrePassInput,
  type VolumePrePassResult,
  type VolumeTopologyOptions,
} from "./volumes/index.js";
export {
  availableCompatibleOfferings,
  cheapestOffering,
  filterInstanceTypes,
  formatInstanceTypeFilterFailure,
  formatMinValuesShortfall,
  hasCompatibleOffering,
  InstanceTypeIndex,
  isOfferingCompatible,
  LAUNCH_PRECEDENCE,
  launchPrice,
  MAX_INSTANCE_TYPES,
  meetsRequirements,
  mostExpensiveOffering,
  OFFERING_WELL_KNOWN_LABELS,
  offeringKey,
  orderByPrice,
  satisfiesMinValues,
  worstLaunchPrice,
  type Bitset,
  type FilterOptions,
  type FilterResult,
  type InstanceTypeFilterFailure,
  type InstanceTypeIndexOptions,
  type MinValuesResult,
  type MinValuesShortfall,
} from "./instance-types/index.js";
export {
  Topology,
  type HostnameBlock,
  type TopologyBuildInput,
  type TopologyConflict,
  type TopologyGroupView,
  type TopologyNode,
  type TopologyRecordOptions,
  type TopologyResult,
  type TopologyTemplate,
  type TopologyType,
} from "./topology/index.js";
export { adjustedPrice } from "./overlays/index.js";
export { resolveScheduleOptions } from "./scheduler/index.js";
export {
  cronMatches,
  DEFAULT_BUDGETS,
  evaluateBudget,
  evictionCost,
  isCronWindowActive,
  isDoNotDisruptActive,
  isReschedulable,
  lastFiringBetween,
  lifetimeRemaining,
  parseDuration,
  pdbBlock,
  POD_DELETION_COST,
  poolAllowance,
  rescheduleDisruptionCost,
  reschedulingCost,
  resolveConsolidationOptions,
  resolvePdbs,
  type BudgetEvaluation,
  type DisruptionReason,
  type PdbBlock,
  type PdbState,
  type PoolAllowance,
} from "./consolidation/index.js";

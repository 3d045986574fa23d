/**
 * nodefit: decide which nodes a Kubernetes cluster needs.
 *
 * The root holds what most callers need: {@link schedule} and {@link planConsolidation}, the Kubernetes object
 * types they take, quantities and resource lists, requirements and well-known labels, instance types and
 * offerings, and the errors. The building blocks underneath (resource vectors, offering and price helpers,
 * topology, volume and disruption-cost helpers, option resolvers) are in `nodefit/advanced`; the rest is
 * internal. Each list below is explicit so a change to the surface is deliberate (`test/exports/surface.test.ts`).
 *
 * @packageDocumentation
 */

export { VERSION } from "./version.js";

export type * from "./types/kubernetes.js";
export type * from "./types/storage.js";
export type * from "./types/node-overlay.js";
export { formatPath, InputError, NodefitError, QuantityError, RequirementError, type NodefitErrorCode, type PathSegment } from "./errors.js";
export {
  MAX_DOCUMENT_DEPTH,
  MAX_DOCUMENT_VALUES,
  MAX_INSTANCE_TYPES_IN_CATALOG,
  MAX_NODE_POOLS,
  MAX_NODES,
  MAX_PODS,
  MAX_QUANTITY_LENGTH,
  MAX_STRING_LENGTH,
  MAX_TOPOLOGY_SPREAD_WORK,
  MAX_YAML_ALIASES,
} from "./limits.js";
export {
  addResources,
  EMPTY_RESOURCES,
  fitsResources,
  formatAmount,
  formatQuantity,
  insufficientResources,
  maxResources,
  minResources,
  parseQuantity,
  podRequests,
  quantitiesEqual,
  quantityOf,
  quantityToAmount,
  resourceList,
  resourceListToRecord,
  subtractResources,
  type Quantity,
  type QuantityFormat,
  type ResourceList,
  type ResourceShortfall,
  type Rounding,
} from "./resources/index.js";
export {
  CAPACITY_TYPES,
  isRestrictedLabel,
  LABEL_ARCH,
  LABEL_CAPACITY_TYPE,
  LABEL_HOSTNAME,
  LABEL_INSTANCE_TYPE,
  LABEL_NODEPOOL,
  LABEL_OS,
  LABEL_REGION,
  LABEL_WINDOWS_BUILD,
  LABEL_ZONE,
  labelSelectorMatches,
  MAX_MIN_VALUES,
  OPERATORS,
  Requirement,
  Requirements,
  requirementsFromLabels,
  requirementsFromNodeSelectorRequirements,
  requirementsFromNodeSelectorTerm,
  requirementsFromSelector,
  RESTRICTED_LABEL_DOMAINS,
  RESTRICTED_LABELS,
  WELL_KNOWN_LABELS,
  type CompatibilityOptions,
  type LabelSource,
  type Operator,
  type RequirementConflict,
} from "./requirements/index.js";
export { formatTaint, toleratesAll, toleratesTaint, untoleratedTaints } from "./taints/index.js";
export type { VolumeObjects } from "./volumes/index.js";
export {
  allocatableOf,
  createInstanceType,
  createOffering,
  LABEL_RESERVATION_ID,
  NO_OVERHEAD,
  overheadTotal,
  type CapacityType,
  type InstanceType,
  type InstanceTypeOverhead,
  type InstanceTypeSpec,
  type MinValuesPolicy,
  type Offering,
  type OfferingSpec,
  type ResourcesInput,
} from "./instance-types/index.js";
export {
  applyNodeOverlays,
  OVERLAY_PRICE_ADJUSTMENT_PATTERN,
  OVERLAY_PRICE_PATTERN,
  type NodeOverlayResult,
  type OverlayConflict,
  type OverlayEffect,
} from "./overlays/index.js";
export {
  DEFAULT_MAX_INSTANCE_TYPES,
  schedule,
  toScheduleJson,
  type ExistingNodePlacement,
  type NodePoolFailure,
  type NodePoolFailureKind,
  type PlannedNodeClaim,
  type ResolvedScheduleOptions,
  type ScheduleInput,
  type ScheduleOptions,
  type ScheduleProgress,
  type ScheduleResult,
  type ScheduleSummary,
  type UnschedulableCode,
  type UnschedulablePod,
} from "./scheduler/index.js";
export {
  Cluster,
  DO_NOT_DISRUPT,
  parseCron,
  planConsolidation,
  toConsolidationJson,
  type Blocker,
  type BlockerCode,
  type ClusterEvent,
  type ClusterKinds,
  type ClusterObjects,
  type ClusterSnapshot,
  type CronParseResult,
  type CronSchedule,
  type ConsolidationCommand,
  type ConsolidationDecision,
  type ConsolidationInput,
  type ConsolidationMethod,
  type ConsolidationOptions,
  type ConsolidationPlan,
  type ConsolidationProgress,
  type ConsolidationSummary,
  type Reschedule,
  type ResolvedConsolidationOptions,
} from "./consolidation/index.js";

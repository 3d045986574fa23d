/**
 * The instance-type model layer: instance types and offerings, allocatable resources, filtering with
 * structured reasons, price ordering, minValues, truncation and the instance-type index.
 *
 * @module
 */
export { allocatableOf, NO_OVERHEAD, overheadTotal } from "./allocatable.js";
export {
  availableCompatibleOfferings,
  hasCompatibleOffering,
  isOfferingCompatible,
  meetsRequirements,
  OFFERING_WELL_KNOWN_LABELS,
} from "./compatibility.js";
export { filterInstanceTypes, type FilterOptions, type FilterResult } from "./filter.js";
export { formatInstanceTypeFilterFailure, type InstanceTypeFilterFailure } from "./filter-failure.js";
export {
  createInstanceType,
  type InstanceType,
  type InstanceTypeOverhead,
  type InstanceTypeSpec,
  type ResourcesInput,
} from "./instance-type.js";
export { InstanceTypeIndex, type Bitset, type InstanceTypeIndexOptions } from "./instance-type-index.js";
export {
  formatMinValuesShortfall,
  relaxMinValues,
  satisfiesMinValues,
  type MinValuesResult,
  type MinValuesShortfall,
} from "./min-values.js";
export {
  createOffering,
  LABEL_RESERVATION_ID,
  offeringKey,
  type CapacityType,
  type Offering,
  type OfferingSpec,
} from "./offering.js";
export {
  cheapestOffering,
  LAUNCH_PRECEDENCE,
  launchPrice,
  mostExpensiveOffering,
  orderByPrice,
  worstLaunchPrice,
} from "./price.js";
export { MAX_INSTANCE_TYPES, truncateInstanceTypes, type MinValuesPolicy, type TruncateResult } from "./truncate.js";

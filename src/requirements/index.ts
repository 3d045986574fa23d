/**
 * Label requirements: one requirement (complement + values + inclusive integer bounds + minValues),
 * requirement sets with intersection and compatibility, conversions from Kubernetes objects,
 * well-known and restricted labels, and label selectors.
 *
 * @module
 */
export { MAX_MIN_VALUES, OPERATORS, type Operator } from "./canonical.js";
export {
  requirementsFromLabels,
  requirementsFromNodeSelectorRequirements,
  requirementsFromNodeSelectorTerm,
  requirementsFromSelector,
  type LabelSource,
} from "./from-kubernetes.js";
export { labelSelectorMatches } from "./label-selector.js";
export { isQualifiedName, isValidLabelValue } from "./label-syntax.js";
export {
  CAPACITY_TYPES,
  isRestrictedLabel,
  LABEL_ALIASES,
  LABEL_ARCH,
  LABEL_CAPACITY_TYPE,
  LABEL_HOSTNAME,
  LABEL_INSTANCE_TYPE,
  LABEL_NODEPOOL,
  LABEL_OS,
  LABEL_REGION,
  LABEL_WINDOWS_BUILD,
  LABEL_ZONE,
  labelDomain,
  normalizeLabelKey,
  RESTRICTED_LABEL_DOMAINS,
  RESTRICTED_LABELS,
  WELL_KNOWN_LABELS,
} from "./labels.js";
export {
  hasPreferredNodeAffinity,
  podRequirements,
  preferredNodeAffinityTerms,
  type PodRequirementsOptions,
} from "./pod-requirements.js";
export { Requirement } from "./requirement.js";
export { Requirements, type CompatibilityOptions, type RequirementConflict } from "./requirements.js";

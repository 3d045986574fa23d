/**
 * Pod validation as upstream's provisioner does it before scheduling: pods that use restricted labels,
 * unsupported operators or `matchFields`, or that refuse Karpenter nodes, are reported, never thrown.
 * Like upstream's `validateAffinity`, only the node selector and required node-affinity terms are
 * checked: a preferred term on a restricted label (`kubernetes.io/hostname`) is a preference no node
 * claim can meet, and relaxation drops it like any other.
 *
 * @module
 */
import {
  CAPACITY_TYPES,
  isQualifiedName,
  isRestrictedLabel,
  isValidLabelValue,
  LABEL_CAPACITY_TYPE,
  LABEL_NODEPOOL,
  normalizeLabelKey,
  podRequirements,
  Requirement,
} from "../requirements/index.js";
import type { NodeSelectorRequirement, PodSpec } from "../types/kubernetes.js";

/** Why a pod is not considered for scheduling at all. */
export interface PodValidationFailure {
  readonly code: "invalid-pod" | "restricted-label" | "nodepool-excluded";
  readonly message: string;
}

const KNOWN_VALUES: ReadonlyMap<string, ReadonlySet<string>> = new Map([[LABEL_CAPACITY_TYPE, new Set<string>(CAPACITY_TYPES)]]);
const BOUNDED: ReadonlySet<string> = new Set(["Gt", "Lt", "Gte", "Lte"]);

/** Upstream's `ValidateRequirement` on one pod requirement (a node selector entry is `key In [value]`). */
function checkExpression(expression: NodeSelectorRequirement, where: string, wellKnown: ReadonlySet<string>): PodValidationFailure | undefined {
  const key = normalizeLabelKey(expression.key);
  const values = expression.values ?? [];
  if (isRestrictedLabel(expression.key, wellKnown)) {
    return { code: "restricted-label", message: `${where} uses restricted label "${expression.key}"` };
  }
  const invalid = (message: string): PodValidationFailure => ({ code: "invalid-pod", message: `${where}: ${message}` });
  if (!isQualifiedName(key)) return invalid(`key ${JSON.stringify(expression.key)} is not a qualified name`);
  const badValue = values.find((v) => !isValidLabelValue(v));
  if (badValue !== undefined) return invalid(`invalid value ${JSON.stringify(badValue)} for key ${key}: not a valid label value`);
  if (expression.operator === "In" && values.length === 0) return invalid(`key ${key} with operator In must have a value defined`);
  if (BOUNDED.has(expression.operator) && (values.length !== 1 || !/^\+?[0-9]+$/.test(values[0] ?? ""))) {
    return invalid(`key ${key} with operator ${expression.operator} must have a single positive integer value`);
  }
  // Only where a key has a known set of values, and only for In: at least one must be known.
  const known = expression.operator === "In" ? KNOWN_VALUES.get(key) : undefined;
  if (known !== undefined && !values.some((v) => known.has(v))) {
    return invalid(`no valid values found in [${values.join(" ")}] for ${key}, expected one of: ${[...known].join(", ")}`);
  }
  try {
    Requirement.create(expression.key, expression.operator, values);
  } catch (error) {
    return invalid(error instanceof Error ? error.message : String(error));
  }
  return undefined;
}

/** Whether the node selector or a node-affinity term names the NodePool label (most pods do not: no need to read them). */
function mentionsNodePool(spec: PodSpec): boolean {
  if (spec.nodeSelector !== undefined && Object.hasOwn(spec.nodeSelector, LABEL_NODEPOOL)) return true;
  const nodeAffinity = spec.affinity?.nodeAffinity;
  if (nodeAffinity === undefined) return false;
  const names = (expressions: readonly NodeSelectorRequirement[] | undefined): boolean => (expressions ?? []).some((e) => e.key === LABEL_NODEPOOL);
  return (
    (nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []).some((t) => names(t.matchExpressions)) ||
    (nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution ?? []).some((p) => names(p.preference.matchExpressions))
  );
}

/**
 * Upstream's `validateKarpenterManagedLabelCanExist`: the pod's requirements as scheduling first reads them (node
 * selector, heaviest preferred term, first required term) leave no NodePool, so no Karpenter node can take it.
 */
function excludesNodePools(spec: PodSpec): boolean {
  if (!mentionsNodePool(spec)) return false;
  let requirements: ReturnType<typeof podRequirements>;
  try {
    requirements = podRequirements(spec);
  } catch {
    // A preferred term nodefit's requirement model cannot hold (deviation V5) says nothing about NodePools.
    requirements = podRequirements(spec, { strict: true });
  }
  return requirements.has(LABEL_NODEPOOL) && requirements.get(LABEL_NODEPOOL).operator === "DoesNotExist";
}

/**
 * Checks a pod spec the way upstream's `Provisioner.Validate` does.
 *
 * @param spec - the pod spec
 * @param wellKnown - well-known labels (exempt from the `karpenter.sh` domain rule)
 * @returns the failure, or undefined when the pod may be scheduled
 */
export function validatePodSpec(spec: PodSpec, wellKnown: ReadonlySet<string>): PodValidationFailure | undefined {
  for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) {
    const failure = checkExpression({ key, operator: "In", values: [value] }, "nodeSelector", wellKnown);
    if (failure !== undefined) return failure;
  }
  const nodeAffinity = spec.affinity?.nodeAffinity;
  const terms = nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const [i, term] of terms.entries()) {
    if ((term.matchFields ?? []).length > 0) {
      return { code: "invalid-pod", message: `required node affinity term ${i} uses matchFields, which Karpenter does not support` };
    }
    for (const expression of term.matchExpressions ?? []) {
      const failure = checkExpression(expression, `required node affinity term ${i}`, wellKnown);
      if (failure !== undefined) return failure;
    }
  }
  if (excludesNodePools(spec)) {
    return {
      code: "nodepool-excluded",
      message: `pod is configured to not run on a Karpenter provisioned node (${LABEL_NODEPOOL} DoesNotExist)`,
    };
  }
  return undefined;
}

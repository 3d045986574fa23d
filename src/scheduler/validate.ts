/**
 * Pod validation as upstream's provisioner does it before scheduling: pods that use restricted labels,
 * unsupported operators or `matchFields`, or that refuse Karpenter nodes, are reported, never thrown.
 * Like upstream's `validateAffinity`, only the node selector and required node-affinity terms are
 * checked: a preferred term on a restricted label (`kubernetes.io/hostname`) is a preference no node
 * claim can meet, and relaxation drops it like any other.
 *
 * @module
 */
import { isRestrictedLabel, LABEL_NODEPOOL, Requirement } from "../requirements/index.js";
import type { NodeSelectorRequirement, PodSpec } from "../types/kubernetes.js";

/** Why a pod is not considered for scheduling at all. */
export interface PodValidationFailure {
  readonly code: "invalid-pod" | "restricted-label" | "nodepool-excluded";
  readonly message: string;
}

function checkExpression(expression: NodeSelectorRequirement, where: string, wellKnown: ReadonlySet<string>): PodValidationFailure | undefined {
  if (isRestrictedLabel(expression.key, wellKnown)) {
    return { code: "restricted-label", message: `${where} uses restricted label "${expression.key}"` };
  }
  try {
    Requirement.create(expression.key, expression.operator, expression.values ?? []);
  } catch (error) {
    return { code: "invalid-pod", message: `${where}: ${error instanceof Error ? error.message : String(error)}` };
  }
  return undefined;
}

/**
 * Checks a pod spec the way upstream's `Provisioner.Validate` does.
 *
 * @param spec - the pod spec
 * @param wellKnown - well-known labels (exempt from the `karpenter.sh` domain rule)
 * @returns the failure, or undefined when the pod may be scheduled
 */
export function validatePodSpec(spec: PodSpec, wellKnown: ReadonlySet<string>): PodValidationFailure | undefined {
  for (const key of Object.keys(spec.nodeSelector ?? {})) {
    if (isRestrictedLabel(key, wellKnown)) {
      return { code: "restricted-label", message: `nodeSelector uses restricted label "${key}"` };
    }
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
  const first = terms[0]?.matchExpressions ?? [];
  if (first.some((e) => e.key === LABEL_NODEPOOL && e.operator === "DoesNotExist")) {
    return {
      code: "nodepool-excluded",
      message: `pod is configured to not run on a Karpenter provisioned node (${LABEL_NODEPOOL} DoesNotExist)`,
    };
  }
  return undefined;
}

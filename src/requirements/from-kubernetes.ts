/**
 * Requirement sets from the Kubernetes shapes that carry them: labels, node selectors, node
 * selector terms and NodePool requirements.
 *
 * @module
 */
import { RequirementError, type NodefitError, type PathSegment } from "../errors.js";
import type { NodeSelectorRequirementWithMinValues, NodeSelectorTerm, StringMap } from "../types/kubernetes.js";
import { Requirement } from "./requirement.js";
import { Requirements } from "./requirements.js";

/**
 * Labels as a plain object (possibly from JSON) or a map.
 *
 * @category Requirements
 */
export type LabelSource = StringMap | ReadonlyMap<string, string>;

/**
 * Runs `build`, re-throwing a requirement error with `prefix` in front of its path so the message
 * points at the field in the caller's object.
 */
function at<T>(prefix: readonly PathSegment[], build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (isRequirementError(error)) throw new RequirementError(error.message, [...prefix, ...error.path]);
    throw error;
  }
}

function isRequirementError(error: unknown): error is NodefitError {
  if (!(error instanceof Error)) return false;
  const { code, path } = error as Partial<NodefitError>;
  return code === "invalid-requirement" && Array.isArray(path);
}

function entries(labels: LabelSource): Iterable<readonly [string, string]> {
  // Object.entries reads own keys only, so `__proto__` or `constructor` labels are ordinary keys.
  return labels instanceof Map ? labels.entries() : Object.entries(labels as StringMap);
}

/**
 * One `key In [value]` per label: what a node (or a NodePool's template labels) offers.
 *
 * @param labels - the labels, as an object or a map
 * @param path - where the labels sit in the input, for error paths
 * @returns the requirements
 * @throws RequirementError for an empty key
 * @example
 * ```ts
 * requirementsFromLabels({ "kubernetes.io/arch": "arm64" }).get("kubernetes.io/arch").has("arm64"); // true
 * ```
 * @category Requirements
 */
export function requirementsFromLabels(labels: LabelSource | undefined, path: readonly PathSegment[] = []): Requirements {
  if (labels === undefined) return Requirements.EMPTY;
  const out: Requirement[] = [];
  for (const [key, value] of entries(labels)) out.push(at([...path, key], () => Requirement.create(key, "In", [value])));
  return Requirements.of(out);
}

/**
 * A pod's `spec.nodeSelector` as requirements: one `key In [value]` per entry.
 *
 * @param selector - the node selector map
 * @param path - where the selector sits in the input, for error paths
 * @returns the requirements
 * @throws RequirementError for an empty key
 * @category Requirements
 */
export function requirementsFromSelector(selector: LabelSource | undefined, path: readonly PathSegment[] = []): Requirements {
  return requirementsFromLabels(selector, path);
}

/**
 * Node selector expressions (or NodePool / NodeClaim requirements with minValues) as requirements,
 * intersected per key.
 *
 * @param list - the expressions
 * @param path - where the list sits in the input, for error paths
 * @returns the requirements
 * @throws RequirementError naming the bad entry, e.g. path `[2, "values"]`
 * @example
 * ```ts
 * requirementsFromNodeSelectorRequirements([
 *   { key: "karpenter.sh/capacity-type", operator: "In", values: ["spot", "on-demand"], minValues: 2 },
 * ]).hasMinValues(); // true
 * ```
 * @category Requirements
 */
export function requirementsFromNodeSelectorRequirements(
  list: readonly NodeSelectorRequirementWithMinValues[] | undefined,
  path: readonly PathSegment[] = [],
): Requirements {
  if (list === undefined || list.length === 0) return Requirements.EMPTY;
  const out: Requirement[] = [];
  list.forEach((entry, index) => {
    out.push(at([...path, index], () => Requirement.create(entry.key, entry.operator, entry.values ?? [], entry.minValues)));
  });
  return Requirements.of(out);
}

/**
 * The `matchExpressions` of one node selector term as requirements. `matchFields` (only
 * `metadata.name` exists) cannot be met by a node that is not yet launched; callers that care
 * reject such pods before scheduling, as upstream does at validation.
 *
 * @param term - the term
 * @param path - where the term sits in the input, for error paths
 * @returns the requirements
 * @throws RequirementError naming the bad expression
 * @category Requirements
 */
export function requirementsFromNodeSelectorTerm(term: NodeSelectorTerm | undefined, path: readonly PathSegment[] = []): Requirements {
  return requirementsFromNodeSelectorRequirements(term?.matchExpressions, [...path, "matchExpressions"]);
}

/**
 * Kubernetes label selectors (`metav1.LabelSelector`), as pod affinity, topology spread and
 * PodDisruptionBudgets use them.
 *
 * @module
 */
import type { LabelSelector, LabelSelectorRequirement, StringMap } from "../types/kubernetes.js";

function lookup(labels: StringMap | ReadonlyMap<string, string>, key: string): string | undefined {
  if (labels instanceof Map) return labels.get(key);
  // Own properties only: `constructor` or `toString` must not find Object.prototype's members.
  return Object.hasOwn(labels, key) ? (labels as StringMap)[key] : undefined;
}

function expressionMatches(expression: LabelSelectorRequirement, value: string | undefined): boolean {
  const values = expression.values ?? [];
  switch (expression.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    default:
      // Kubernetes rejects the selector; a selector that cannot be built selects nothing.
      return false;
  }
}

/**
 * Whether labels satisfy a label selector: every `matchLabels` pair and every `matchExpressions`
 * entry (`In`, `NotIn`, `Exists`, `DoesNotExist`; `NotIn` holds when the key is absent). A missing
 * selector matches nothing and an empty one (`{}`) matches everything; an unknown operator matches
 * nothing.
 *
 * @param selector - the selector, or undefined
 * @param labels - the labels, as an object or a map
 * @returns true if the labels are selected
 * @example
 * ```ts
 * labelSelectorMatches({ matchLabels: { app: "web" } }, { app: "web", tier: "front" }); // true
 * labelSelectorMatches(undefined, { app: "web" }); // false
 * labelSelectorMatches({}, {}); // true
 * ```
 * @category Requirements
 */
export function labelSelectorMatches(selector: LabelSelector | undefined, labels: StringMap | ReadonlyMap<string, string>): boolean {
  if (!selector) return false; // also null, as YAML may write it
  if (selector.matchLabels !== undefined) {
    for (const [key, value] of Object.entries(selector.matchLabels)) if (lookup(labels, key) !== value) return false;
  }
  for (const expression of selector.matchExpressions ?? []) {
    if (!expressionMatches(expression, lookup(labels, expression.key))) return false;
  }
  return true;
}

import { labelSelectorMatches, type LabelSelector, type StringMap } from "nodefit";

/**
 * Why a workload's `spec.selector` would be refused by the API server for its pod template, or
 * undefined: an empty selector (`{}` selects every pod) is refused for a Deployment, ReplicaSet,
 * StatefulSet or DaemonSet, and the selector must select the template's own labels, or the controller
 * would never own the pods it creates.
 *
 * @param selector - the workload's `spec.selector`; undefined is left to the schema
 * @param templateLabels - `spec.template.metadata.labels`
 * @returns the reason, or undefined
 */
export function selectorProblem(selector: LabelSelector | undefined, templateLabels: StringMap | undefined): string | undefined {
  if (selector === undefined) return undefined;
  const empty = (selector.matchLabels === undefined || Object.keys(selector.matchLabels).length === 0) && (selector.matchExpressions ?? []).length === 0;
  if (empty) return "an empty selector is not allowed: it would select every pod";
  if (!labelSelectorMatches(selector, templateLabels ?? {})) return "does not select the pod template's labels (spec.template.metadata.labels)";
  return undefined;
}

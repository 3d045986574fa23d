/**
 * Canonical texts for the parts of a group's identity: two groups with equal texts are the same
 * group. Order never matters (slices are compared as sets, as upstream hashes them).
 *
 * @module
 */
import type { Requirements } from "../requirements/index.js";
import type { LabelSelector } from "../types/kubernetes.js";

/**
 * A canonical text for a requirement set.
 *
 * @param requirements - the set
 * @returns the text
 * @internal
 */
export function requirementsKey(requirements: Requirements): string {
  const parts: string[] = [];
  for (const r of requirements) {
    parts.push(JSON.stringify([r.key, r.complement, [...r.values].sort(), r.gte ?? null, r.lte ?? null]));
  }
  return `[${parts.sort().join(",")}]`;
}

/**
 * A canonical text for a label selector. A missing selector (selects nothing) and `{}` (selects
 * everything) differ; repeated expressions count once.
 *
 * @param selector - the selector, or undefined
 * @returns the text
 * @internal
 */
export function selectorKey(selector: LabelSelector | undefined): string {
  if (!selector) return "nil";
  const labels = Object.entries(selector.matchLabels ?? {})
    .map(([k, v]) => JSON.stringify([k, v]))
    .sort();
  const expressions = new Set((selector.matchExpressions ?? []).map((e) => JSON.stringify([e.key, e.operator, [...new Set(e.values ?? [])].sort()])));
  return JSON.stringify([labels, [...expressions].sort()]);
}

/**
 * A canonical text for a namespace set.
 *
 * @param namespaces - the set
 * @returns the text
 * @internal
 */
export function namespacesKey(namespaces: ReadonlySet<string>): string {
  return JSON.stringify([...namespaces].sort());
}

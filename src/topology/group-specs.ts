/**
 * The groups a pod's spec asks for: one per spread constraint and one per pod (anti-)affinity term,
 * and the inverse anti-affinity groups of its required anti-affinity terms.
 *
 * @module
 */
import { labelSelectorMatches, normalizeLabelKey } from "../requirements/index.js";
import type { LabelSelector, LabelSelectorRequirement, Pod, PodAffinityTerm, StringMap } from "../types/kubernetes.js";
import type { GroupIdentity } from "./group.js";
import { NodeFilter } from "./node-filter.js";

/** Affinity groups have no skew; upstream uses the largest int32. */
export const AFFINITY_MAX_SKEW = 2147483647;

const NO_LABELS: StringMap = {};

/**
 * Namespace name → labels, for `namespaceSelector`.
 *
 * @internal
 */
export type NamespaceIndex = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * A pod's namespace (`default` when missing).
 *
 * @param pod - the pod
 * @returns the namespace
 * @internal
 */
export function podNamespace(pod: Pod): string {
  return pod.metadata.namespace ?? "default";
}

/**
 * A pod's labels (empty when missing).
 *
 * @param pod - the pod
 * @returns the labels
 * @internal
 */
export function podLabels(pod: Pod): StringMap {
  return pod.metadata.labels ?? NO_LABELS;
}

/**
 * Adds `key In [pod's value]` (or `NotIn` for mismatch keys) for each listed key the pod has. A
 * missing selector stays missing: it selects nothing whatever is added.
 */
function withLabelKeys(
  selector: LabelSelector | undefined,
  labels: StringMap,
  matchKeys: readonly string[] | undefined,
  mismatchKeys: readonly string[] | undefined,
): LabelSelector | undefined {
  if (!selector || (!matchKeys?.length && !mismatchKeys?.length)) return selector;
  const extra: LabelSelectorRequirement[] = [];
  for (const key of matchKeys ?? []) {
    if (Object.hasOwn(labels, key)) extra.push({ key, operator: "In", values: [labels[key] as string] });
  }
  for (const key of mismatchKeys ?? []) {
    if (Object.hasOwn(labels, key)) extra.push({ key, operator: "NotIn", values: [labels[key] as string] });
  }
  if (extra.length === 0) return selector;
  return { ...selector, matchExpressions: [...(selector.matchExpressions ?? []), ...extra] };
}

/**
 * The namespaces a term covers: the pod's own when it lists none and has no namespaceSelector,
 * otherwise the listed ones plus every known namespace the selector matches (`{}` matches all).
 *
 * @param namespace - the pod's namespace
 * @param term - the affinity term
 * @param namespaces - the known namespaces and their labels
 * @returns the namespace set
 * @internal
 */
export function termNamespaces(namespace: string, term: PodAffinityTerm, namespaces: NamespaceIndex): ReadonlySet<string> {
  const listed = term.namespaces ?? [];
  const selector = term.namespaceSelector;
  if (listed.length === 0 && !selector) return new Set([namespace]);
  const result = new Set(listed);
  if (selector) {
    for (const [name, labels] of namespaces) if (labelSelectorMatches(selector, labels)) result.add(name);
  }
  return result;
}

function affinityIdentity(type: "affinity" | "anti-affinity", pod: Pod, term: PodAffinityTerm, namespaces: NamespaceIndex): GroupIdentity {
  return {
    type,
    key: normalizeLabelKey(term.topologyKey),
    namespaces: termNamespaces(podNamespace(pod), term, namespaces),
    selector: withLabelKeys(term.labelSelector, podLabels(pod), term.matchLabelKeys, term.mismatchLabelKeys),
    maxSkew: AFFINITY_MAX_SKEW,
    minDomains: undefined,
    filter: NodeFilter.NONE,
  };
}

/**
 * The groups a pod owns under a preference policy: every spread constraint (ScheduleAnyway ones only
 * under Respect), every required pod (anti-)affinity term, and the preferred terms under Respect.
 *
 * @param pod - the pod's current (possibly relaxed) spec
 * @param policy - the preference policy
 * @param namespaces - the known namespaces
 * @returns the identities, in spec order
 * @internal
 */
export function ownedGroupIdentities(pod: Pod, policy: "Respect" | "Ignore", namespaces: NamespaceIndex): GroupIdentity[] {
  const identities: GroupIdentity[] = [];
  const labels = podLabels(pod);
  for (const tsc of pod.spec.topologySpreadConstraints ?? []) {
    if (policy === "Ignore" && tsc.whenUnsatisfiable !== "DoNotSchedule") continue;
    identities.push({
      type: "spread",
      key: normalizeLabelKey(tsc.topologyKey),
      namespaces: new Set([podNamespace(pod)]),
      selector: withLabelKeys(tsc.labelSelector, labels, tsc.matchLabelKeys, undefined),
      maxSkew: tsc.maxSkew,
      minDomains: tsc.minDomains,
      filter: NodeFilter.forSpread(pod, tsc),
    });
  }
  const affinity = pod.spec.affinity;
  for (const [type, block] of [
    ["affinity", affinity?.podAffinity],
    ["anti-affinity", affinity?.podAntiAffinity],
  ] as const) {
    for (const term of block?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
      identities.push(affinityIdentity(type, pod, term, namespaces));
    }
    if (policy === "Ignore") continue;
    for (const weighted of block?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      identities.push(affinityIdentity(type, pod, weighted.podAffinityTerm, namespaces));
    }
  }
  return identities;
}

/**
 * The inverse anti-affinity groups of a pod: one per required anti-affinity term (preferred terms
 * are deliberately not tracked inversely, as upstream).
 *
 * @param pod - the pod carrying the anti-affinity
 * @param namespaces - the known namespaces
 * @returns the identities
 * @internal
 */
export function inverseGroupIdentities(pod: Pod, namespaces: NamespaceIndex): GroupIdentity[] {
  const terms = pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  return terms.map((term) => affinityIdentity("anti-affinity", pod, term, namespaces));
}

/**
 * What a pod demands of a node's labels, the way Karpenter reads it.
 *
 * @module
 */
import type { PodSpec, PreferredSchedulingTerm } from "../types/kubernetes.js";
import { requirementsFromNodeSelectorTerm, requirementsFromSelector } from "./from-kubernetes.js";
import type { Requirements } from "./requirements.js";

/**
 * Options of {@link podRequirements}.
 *
 * @category Requirements
 */
export interface PodRequirementsOptions {
  /** Leave out preferred node affinity (topology domains, DaemonSets, `PreferencePolicy=Ignore`). */
  readonly strict?: boolean | undefined;
}

/**
 * The pod's preferred node-affinity terms, heaviest first; equal weights keep their written order.
 * Sorts a copy: the pod is never touched.
 *
 * @param spec - the pod spec
 * @returns the terms in the order relaxation drops them
 * @category Requirements
 */
export function preferredNodeAffinityTerms(spec: PodSpec): readonly PreferredSchedulingTerm[] {
  const terms = spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  return terms
    .map((term, index) => ({ term, index }))
    .sort((a, b) => b.term.weight - a.term.weight || a.index - b.index)
    .map(({ term }) => term);
}

/**
 * Whether the pod has preferred node affinity, i.e. whether its strict and non-strict requirements
 * can differ.
 *
 * @param spec - the pod spec
 * @returns true if there is at least one preferred node-affinity term
 * @category Requirements
 */
export function hasPreferredNodeAffinity(spec: PodSpec): boolean {
  return (spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0;
}

/**
 * A pod's label requirements, built in upstream's order: `spec.nodeSelector` (`In [value]` each),
 * then, unless `strict`, the heaviest preferred node-affinity term as if it were required, then the
 * first required node-affinity term. Later terms of the required OR, and lighter preferences, come
 * into play only when relaxation drops the ones before them.
 *
 * @param spec - the pod spec
 * @param options - `strict`: leave out preferred node affinity
 * @returns the requirements
 * @throws RequirementError naming the bad field, e.g. path `["affinity", "nodeAffinity", ...]`
 * @example
 * ```ts
 * podRequirements({ containers: [], nodeSelector: { "kubernetes.io/arch": "arm64" } }).get("kubernetes.io/arch").toString();
 * // "kubernetes.io/arch In [arm64]"
 * ```
 * @category Requirements
 */
export function podRequirements(spec: PodSpec, options: PodRequirementsOptions = {}): Requirements {
  let requirements = requirementsFromSelector(spec.nodeSelector, ["nodeSelector"]);
  const nodeAffinity = spec.affinity?.nodeAffinity;
  if (nodeAffinity === undefined) return requirements;
  const base = ["affinity", "nodeAffinity"];
  if (options.strict !== true) {
    const preferred = nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    const heaviest = preferredNodeAffinityTerms(spec)[0];
    if (heaviest !== undefined) {
      const path = [...base, "preferredDuringSchedulingIgnoredDuringExecution", preferred.indexOf(heaviest), "preference"];
      requirements = requirements.add(requirementsFromNodeSelectorTerm(heaviest.preference, path));
    }
  }
  const required = nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0];
  if (required !== undefined) {
    const path = [...base, "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms", 0];
    requirements = requirements.add(requirementsFromNodeSelectorTerm(required, path));
  }
  return requirements;
}

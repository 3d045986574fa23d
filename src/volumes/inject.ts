/**
 * Puts a pod's volume alternatives into its required node affinity.
 *
 * @module
 */
import type { NodeSelectorTerm, Pod } from "../types/kubernetes.js";
import type { VolumeAlternative } from "./types.js";

/**
 * A copy of the pod whose required node affinity also demands its volumes: every required term is ANDed
 * with every alternative (pod terms outer, alternatives inner, so the scheduler's relaxation, which drops
 * the first of several required terms, tries the alternatives in upstream's order before giving up a pod
 * term). A pod without required terms gets one term per alternative. Every term carries the volume
 * requirements, so relaxation can never drop them (upstream's "should not relax an added volume topology
 * zone node-selector away"). The pod is never mutated.
 *
 * @param pod - the pod
 * @param alternatives - from `podVolumeRequirements`
 * @returns the pod itself when there are no alternatives, else the new pod
 * @example
 * ```ts
 * const placed = injectVolumeRequirements(pod, [{ expressions: [{ key: LABEL_ZONE, operator: "In", values: ["b"] }], requirements }]);
 * placed.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
 * // [{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["b"] }] }]
 * ```
 */
export function injectVolumeRequirements(pod: Pod, alternatives: readonly VolumeAlternative[]): Pod {
  if (alternatives.length === 0) return pod;
  const affinity = pod.spec.affinity;
  const nodeAffinity = affinity?.nodeAffinity;
  const existing = nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  const podTerms: readonly NodeSelectorTerm[] = existing.length > 0 ? existing : [{}];
  const terms: NodeSelectorTerm[] = [];
  for (const term of podTerms) {
    for (const alt of alternatives) {
      terms.push({ ...term, matchExpressions: [...(term.matchExpressions ?? []), ...alt.expressions] });
    }
  }
  return {
    ...pod,
    spec: {
      ...pod.spec,
      affinity: {
        ...affinity,
        nodeAffinity: { ...nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
      },
    },
  };
}

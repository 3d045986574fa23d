/**
 * A text that decides which groups a pod's spec asks for, so pods of one workload derive their
 * groups once.
 *
 * @module
 */
import type { Pod, PodAffinity } from "../types/kubernetes.js";

function usesLabelKeys(affinity: PodAffinity | undefined): boolean {
  const terms = [
    ...(affinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
    ...(affinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => w.podAffinityTerm),
  ];
  return terms.some((t) => (t.matchLabelKeys?.length ?? 0) > 0 || (t.mismatchLabelKeys?.length ?? 0) > 0);
}

/**
 * The parts of a pod that decide its groups: namespace, spread constraints, pod (anti-)affinity,
 * and, when they matter, the node filter inputs (nodeSelector, required node affinity, tolerations)
 * and the labels that matchLabelKeys read. Equal signatures give equal groups.
 *
 * @param pod - the pod
 * @param namespace - its namespace
 * @returns the signature, or undefined for a pod without topology constraints
 * @internal
 */
/**
 * Whether a spec's topology constraints read the pod's own labels (matchLabelKeys / mismatchLabelKeys), so
 * that two pods with the same spec may still own different groups.
 *
 * @param spec - a pod spec
 * @returns true when labels matter
 * @internal
 */
export function readsPodLabels(spec: Pod["spec"]): boolean {
  const affinity = spec.affinity;
  const spreads = spec.topologySpreadConstraints;
  return (spreads ?? []).some((c) => (c.matchLabelKeys?.length ?? 0) > 0) || usesLabelKeys(affinity?.podAffinity) || usesLabelKeys(affinity?.podAntiAffinity);
}

export function constraintSignature(pod: Pod, namespace: string): string | undefined {
  const spec = pod.spec;
  const affinity = spec.affinity;
  const spreads = spec.topologySpreadConstraints;
  const hasSpread = spreads !== undefined && spreads.length > 0;
  if (!hasSpread && !affinity?.podAffinity && !affinity?.podAntiAffinity) return undefined;
  const labelKeys =
    (hasSpread && spreads.some((c) => (c.matchLabelKeys?.length ?? 0) > 0)) || usesLabelKeys(affinity?.podAffinity) || usesLabelKeys(affinity?.podAntiAffinity);
  return JSON.stringify([
    namespace,
    spreads ?? null,
    affinity?.podAffinity ?? null,
    affinity?.podAntiAffinity ?? null,
    hasSpread ? [spec.nodeSelector ?? null, affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? null, spec.tolerations ?? null] : null,
    labelKeys ? (pod.metadata.labels ?? null) : null,
  ]);
}

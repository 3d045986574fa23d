/**
 * Preference relaxation: upstream's fixed order of softening one preference at a time, applied to a
 * copy of the pod (the input pod is never touched).
 *
 * @module
 */
import type { Affinity, NodeAffinity, PodAffinity, Pod, PodSpec, Toleration } from "../types/kubernetes.js";

/** The toleration the last relaxation step adds. */
export const PREFER_NO_SCHEDULE_TOLERATION: Toleration = Object.freeze({ operator: "Exists", effect: "PreferNoSchedule" });

/** Which relaxation step produced a pod. */
export type RelaxationStep =
  | "required-node-affinity-term"
  | "preferred-pod-affinity"
  | "preferred-pod-anti-affinity"
  | "preferred-node-affinity"
  | "schedule-anyway-spread"
  | "tolerate-prefer-no-schedule";

/** A relaxed copy of a pod and the step that made it. */
export interface Relaxed {
  readonly pod: Pod;
  readonly step: RelaxationStep;
}

/** Index of the heaviest term (the first among equal weights), as a stable weight-descending sort puts first. */
function heaviest(terms: readonly { readonly weight: number }[]): number {
  let best = 0;
  for (let i = 1; i < terms.length; i++) if ((terms[i]?.weight ?? 0) > (terms[best]?.weight ?? 0)) best = i;
  return best;
}

function without<T>(list: readonly T[], index: number): T[] {
  return [...list.slice(0, index), ...list.slice(index + 1)];
}

function withSpec(pod: Pod, spec: PodSpec): Pod {
  return { ...pod, spec };
}

function withAffinity(pod: Pod, affinity: Affinity): Pod {
  return withSpec(pod, { ...pod.spec, affinity });
}

function relaxPodAffinity(pod: Pod, which: "podAffinity" | "podAntiAffinity"): Pod | undefined {
  const block: PodAffinity | undefined = pod.spec.affinity?.[which];
  const preferred = block?.preferredDuringSchedulingIgnoredDuringExecution;
  if (block === undefined || preferred === undefined || preferred.length === 0) return undefined;
  const next: PodAffinity = { ...block, preferredDuringSchedulingIgnoredDuringExecution: without(preferred, heaviest(preferred)) };
  return withAffinity(pod, { ...pod.spec.affinity, [which]: next });
}

function withNodeAffinity(pod: Pod, nodeAffinity: NodeAffinity): Pod {
  return withAffinity(pod, { ...pod.spec.affinity, nodeAffinity });
}

/**
 * Applies the first applicable relaxation step to a copy of the pod, in upstream's order: drop the first
 * of several required node-affinity terms, the heaviest preferred pod affinity term, the heaviest preferred
 * anti-affinity term, the heaviest preferred node-affinity term, one `ScheduleAnyway` spread constraint, and
 * finally tolerate `PreferNoSchedule` taints (only when some NodePool has one).
 *
 * @param pod - the pod as last tried
 * @param toleratePreferNoSchedule - whether the last step is enabled
 * @returns the relaxed copy, or undefined when nothing is left to relax
 * @example
 * ```ts
 * relax(podWithTwoRequiredTerms, false)?.step; // "required-node-affinity-term"
 * ```
 */
export function relax(pod: Pod, toleratePreferNoSchedule: boolean): Relaxed | undefined {
  const nodeAffinity = pod.spec.affinity?.nodeAffinity;
  const terms = nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (nodeAffinity !== undefined && terms !== undefined && terms.length > 1) {
    const required = { ...nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution, nodeSelectorTerms: terms.slice(1) };
    return {
      pod: withNodeAffinity(pod, { ...nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: required }),
      step: "required-node-affinity-term",
    };
  }
  const affinity = relaxPodAffinity(pod, "podAffinity");
  if (affinity !== undefined) return { pod: affinity, step: "preferred-pod-affinity" };
  const anti = relaxPodAffinity(pod, "podAntiAffinity");
  if (anti !== undefined) return { pod: anti, step: "preferred-pod-anti-affinity" };
  const preferred = nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  if (nodeAffinity !== undefined && preferred !== undefined && preferred.length > 0) {
    const next: NodeAffinity = { ...nodeAffinity, preferredDuringSchedulingIgnoredDuringExecution: without(preferred, heaviest(preferred)) };
    return { pod: withNodeAffinity(pod, next), step: "preferred-node-affinity" };
  }
  const spread = pod.spec.topologySpreadConstraints;
  const soft = spread?.findIndex((c) => c.whenUnsatisfiable === "ScheduleAnyway") ?? -1;
  if (spread !== undefined && soft >= 0) {
    return { pod: withSpec(pod, { ...pod.spec, topologySpreadConstraints: without(spread, soft) }), step: "schedule-anyway-spread" };
  }
  if (toleratePreferNoSchedule && !hasPreferNoScheduleToleration(pod.spec.tolerations)) {
    const tolerations = [...(pod.spec.tolerations ?? []), PREFER_NO_SCHEDULE_TOLERATION];
    return { pod: withSpec(pod, { ...pod.spec, tolerations }), step: "tolerate-prefer-no-schedule" };
  }
  return undefined;
}

function hasPreferNoScheduleToleration(tolerations: readonly Toleration[] | undefined): boolean {
  return (tolerations ?? []).some((t) => t.operator === "Exists" && t.effect === "PreferNoSchedule" && (t.key === undefined || t.key === ""));
}

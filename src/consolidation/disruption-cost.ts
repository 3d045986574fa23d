/**
 * Disruption cost: how much evicting a node's pods hurts, and how that scales with the node's remaining
 * lifetime.
 *
 * @module
 */
import type { Pod } from "../types/kubernetes.js";

/**
 * The pod annotation Kubernetes' ReplicaSet controller reads to pick pods to delete first.
 *
 * @category Consolidation
 */
export const POD_DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

/**
 * The cost of evicting one pod: 1, plus its deletion cost / 2^27, plus its priority / 2^25, clamped to
 * [-10, 10]. An unparsable deletion cost counts as 0.
 *
 * @param pod - the pod
 * @returns the eviction cost (1 for a default pod)
 * @example
 * ```ts
 * evictionCost({ metadata: {}, spec: { containers: [], priority: 2 ** 25 } }); // 2
 * ```
 * @category Consolidation
 */
export function evictionCost(pod: Pod): number {
  let cost = 1;
  const deletionCost = pod.metadata.annotations?.[POD_DELETION_COST];
  if (deletionCost !== undefined && /^[+-]?[0-9]+$/.test(deletionCost.trim())) cost += Number(deletionCost.trim()) / 2 ** 27;
  cost += (pod.spec.priority ?? 0) / 2 ** 25;
  return Math.min(10, Math.max(-10, cost));
}

/**
 * The cost of rescheduling every pod of a node: the sum of their eviction costs.
 *
 * @param pods - the node's pods
 * @returns the sum
 * @category Consolidation
 */
export function reschedulingCost(pods: readonly Pod[]): number {
  let sum = 0;
  for (const pod of pods) sum += evictionCost(pod);
  return sum;
}

/**
 * The share of a node's lifetime still ahead of it: `(expireAfter − age) / expireAfter` clamped to [0, 1];
 * 1 when it never expires.
 *
 * @param expireAfterMs - the node's expireAfter in milliseconds, `null` for Never
 * @param ageMs - the node's age in milliseconds
 * @returns a number in [0, 1]
 * @example
 * ```ts
 * lifetimeRemaining(100, 25); // 0.75
 * ```
 * @category Consolidation
 */
export function lifetimeRemaining(expireAfterMs: number | null, ageMs: number): number {
  if (expireAfterMs === null || expireAfterMs <= 0) return expireAfterMs === null ? 1 : 0;
  return Math.min(1, Math.max(0, (expireAfterMs - ageMs) / expireAfterMs));
}

/**
 * Upstream v1.14's per-candidate cost used for ordering: 1 for the node itself plus each reschedulable pod's
 * positive eviction cost.
 *
 * @param reschedulable - the node's reschedulable pods
 * @returns at least 1
 * @category Consolidation
 */
export function rescheduleDisruptionCost(reschedulable: readonly Pod[]): number {
  let sum = 1;
  for (const pod of reschedulable) sum += Math.max(0, evictionCost(pod));
  return sum;
}

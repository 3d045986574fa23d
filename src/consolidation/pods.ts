/**
 * Pod predicates consolidation needs: terminal, terminating, owner kinds, reschedulable, do-not-disrupt.
 *
 * @module
 */
import type { Pod } from "../types/kubernetes.js";
import { isTerminal, isTerminating } from "../scheduler/pod-lifecycle.js";
import { parseDuration, timestampMs } from "./duration.js";

export { isMirrorPod, isOwnedBy, isReschedulable, isTerminal, isTerminating } from "../scheduler/pod-lifecycle.js";

/**
 * The annotation that opts a pod or node out of voluntary disruption.
 *
 * @category Consolidation
 */
export const DO_NOT_DISRUPT = "karpenter.sh/do-not-disrupt";

/**
 * Whether a pod's `karpenter.sh/do-not-disrupt` annotation blocks disruption at `now`. `"true"` always
 * blocks; a duration (e.g. `"5m"`) blocks while the pod is younger than it, measured from `status.startTime`
 * when present, else the creation time (a pod with neither counts as just started); any other value is
 * ignored, as upstream does. Terminal and terminating pods never block.
 *
 * @param pod - the pod
 * @param now - epoch milliseconds
 * @returns true when the annotation blocks now
 * @example
 * ```ts
 * isDoNotDisruptActive({ metadata: { annotations: { "karpenter.sh/do-not-disrupt": "true" } }, spec: { containers: [] } }, 0); // true
 * ```
 * @category Consolidation
 */
export function isDoNotDisruptActive(pod: Pod, now: number): boolean {
  if (isTerminal(pod) || isTerminating(pod)) return false;
  const value = pod.metadata.annotations?.[DO_NOT_DISRUPT];
  if (value === undefined) return false;
  if (value === "true") return true;
  const duration = parseDuration(value);
  if (duration === undefined) return false;
  const started = podStartMs(pod) ?? now;
  return now - started < duration;
}

/** `status.startTime` is not in nodefit's Pod shape; read it structurally when a caller passes a full pod. */
function podStartMs(pod: Pod): number | undefined {
  const status = pod.status as { readonly startTime?: string | Date } | undefined;
  return timestampMs(status?.startTime) ?? timestampMs(pod.metadata.creationTimestamp);
}

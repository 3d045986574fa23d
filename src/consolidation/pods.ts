/**
 * Pod predicates consolidation needs: terminal, terminating, owner kinds, reschedulable, do-not-disrupt.
 *
 * @module
 */
import type { Pod } from "../types/kubernetes.js";
import { parseDuration, timestampMs } from "./duration.js";

/** The annotation that opts a pod or node out of voluntary disruption. */
export const DO_NOT_DISRUPT = "karpenter.sh/do-not-disrupt";

/**
 * Whether the pod has finished (phase Succeeded or Failed).
 *
 * @param pod - the pod
 * @returns true for terminal pods
 */
export function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === "Succeeded" || phase === "Failed";
}

/**
 * Whether the pod is being deleted (has a deletion timestamp).
 *
 * @param pod - the pod
 * @returns true while terminating
 */
export function isTerminating(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

/**
 * Whether one of the pod's owner references has this kind.
 *
 * @param pod - the pod
 * @param kind - e.g. `DaemonSet`
 * @returns true when owned by that kind
 */
export function isOwnedBy(pod: Pod, kind: string): boolean {
  return (pod.metadata.ownerReferences ?? []).some((o) => o.kind === kind);
}

/**
 * Whether the pod is a static (mirror) pod, owned by its node.
 *
 * @param pod - the pod
 * @returns true for mirror pods
 */
export function isMirrorPod(pod: Pod): boolean {
  return isOwnedBy(pod, "Node") || pod.metadata.annotations?.["kubernetes.io/config.mirror"] !== undefined;
}

/**
 * Whether a pod must find a new home when its node goes: active (or a terminating StatefulSet pod), and
 * neither a DaemonSet pod nor a mirror pod.
 *
 * @param pod - the pod
 * @returns true when the pod is rescheduled by a disruption
 */
export function isReschedulable(pod: Pod): boolean {
  if (isTerminal(pod)) return false;
  if (isTerminating(pod) && !isOwnedBy(pod, "StatefulSet")) return false;
  return !isOwnedBy(pod, "DaemonSet") && !isMirrorPod(pod);
}

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

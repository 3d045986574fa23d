/**
 * Pod lifecycle predicates upstream keeps in `pkg/utils/pod`: terminal, terminating, owner kinds, mirror pods,
 * and which pods must find a new home when their node goes (provisioning for deleting nodes, and every
 * disruption).
 *
 * @module
 */
import type { Pod } from "../types/kubernetes.js";

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
 * @category Scheduling
 */
export function isReschedulable(pod: Pod): boolean {
  if (isTerminal(pod)) return false;
  if (isTerminating(pod) && !isOwnedBy(pod, "StatefulSet")) return false;
  return !isOwnedBy(pod, "DaemonSet") && !isMirrorPod(pod);
}

import type { Pod } from "../types/kubernetes.js";

/**
 * A pod's identity inside one run: its uid when it has one, otherwise `namespace/name`
 * (namespace `default` when missing). Relaxed copies of a pod keep this key.
 *
 * @internal
 */
export function podKey(pod: Pod): string {
  return pod.metadata.uid ?? podName(pod);
}

/**
 * `namespace/name` as nodefit prints a pod.
 *
 * @internal
 */
export function podName(pod: Pod): string {
  return `${pod.metadata.namespace ?? "default"}/${pod.metadata.name ?? ""}`;
}

import type { Taint } from "../types/kubernetes.js";

/** Prefix of taints that readiness gates put on a node until a component reports ready. */
const READINESS_PREFIX = "readiness.k8s.io/";

/**
 * Taints the node lifecycle, the cloud controller manager and Karpenter put on a node while it
 * starts. Karpenter ignores them on nodes it manages that are not initialized yet, because they
 * are about to go away. Besides these, any key prefixed `readiness.k8s.io/` is ephemeral.
 * @category Taints
 */
export const EPHEMERAL_TAINTS: readonly Taint[] = Object.freeze([
  Object.freeze({ key: "node.kubernetes.io/not-ready", effect: "NoSchedule" }),
  Object.freeze({ key: "node.kubernetes.io/not-ready", effect: "NoExecute" }),
  Object.freeze({ key: "node.kubernetes.io/unreachable", effect: "NoSchedule" }),
  Object.freeze({ key: "node.cloudprovider.kubernetes.io/uninitialized", value: "true", effect: "NoSchedule" }),
  Object.freeze({ key: "karpenter.sh/unregistered", effect: "NoExecute" }),
]);

/**
 * Whether a taint is one of the {@link EPHEMERAL_TAINTS} or carries a `readiness.k8s.io/` key.
 *
 * Like upstream, a taint matches a known one by key and effect; its value is not compared.
 *
 * @param taint - a node's taint
 * @returns true when the taint is expected to disappear once the node is ready
 * @example
 * ```ts
 * isEphemeralTaint({ key: "node.kubernetes.io/not-ready", effect: "NoExecute" }); // true
 * isEphemeralTaint({ key: "dedicated", value: "gpu", effect: "NoSchedule" }); // false
 * ```
 * @category Taints
 */
export function isEphemeralTaint(taint: Taint): boolean {
  if (taint.key.startsWith(READINESS_PREFIX)) return true;
  return EPHEMERAL_TAINTS.some((known) => known.key === taint.key && known.effect === taint.effect);
}

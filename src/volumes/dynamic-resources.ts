/**
 * Dynamic Resource Allocation: which pods ask for it. Upstream v1.14 runs with `--ignore-dra-requests=true`
 * by default (DRA scheduling is not yet supported), so such pods are not scheduled and such DaemonSet pods
 * are left out of node overhead.
 *
 * @module
 */
import type { PodSpec } from "../types/kubernetes.js";

/**
 * The reason upstream gives for pods with DRA requirements.
 *
 * @category Volumes
 */
export const DYNAMIC_RESOURCES_MESSAGE =
  "the pod has Dynamic Resource Allocation requirements (resourceClaims), which Karpenter v1.14 does not schedule by default (--ignore-dra-requests=true)";

/**
 * Whether a pod uses Dynamic Resource Allocation: pod-level `resourceClaims`, or a container or init
 * container naming claims in `resources.claims` (upstream's `HasDRARequirements`).
 *
 * @param spec - the pod spec
 * @returns true when the pod needs ResourceClaims
 * @category Volumes
 */
export function hasDynamicResourceClaims(spec: PodSpec): boolean {
  if ((spec.resourceClaims?.length ?? 0) > 0) return true;
  for (const c of spec.initContainers ?? []) if ((c.resources?.claims?.length ?? 0) > 0) return true;
  for (const c of spec.containers) if ((c.resources?.claims?.length ?? 0) > 0) return true;
  return false;
}

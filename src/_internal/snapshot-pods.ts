/**
 * One reading of a snapshot's pods for both verbs: `pods` holds pending and bound pods, `boundPods` bound
 * ones (as `fromKubernetes` returns them). The same object listed in both counts once, and a `boundPods` entry
 * without `spec.nodeName` is refused rather than silently dropped.
 *
 * @module
 */
import { InputError } from "../errors.js";
import type { Pod } from "../types/kubernetes.js";

/**
 * Every pod of the snapshot, `pods` first, then `boundPods` without the objects `pods` already lists.
 *
 * @param pods - pending and bound pods
 * @param boundPods - bound pods
 * @returns the pods
 * @throws InputError when a `boundPods` entry has no `spec.nodeName`
 */
export function snapshotPods(pods: readonly Pod[], boundPods: readonly Pod[] | undefined): readonly Pod[] {
  if (boundPods === undefined || boundPods.length === 0) return pods;
  // Consolidation runs this once per simulation over every bound pod of the cluster: plain loops and one
  // native concat, no closure and no pod-by-pod push in the usual case.
  for (let i = 0; i < boundPods.length; i++) {
    const pod = boundPods[i] as Pod;
    if (pod.spec.nodeName === undefined || pod.spec.nodeName === "") {
      throw new InputError(
        `boundPods[${i}] (${pod.metadata.namespace ?? "default"}/${pod.metadata.name ?? ""}) has no spec.nodeName: pending pods go in pods`,
        ["boundPods", i, "spec", "nodeName"],
      );
    }
  }
  // Only a bound pod of `pods` can also be in `boundPods` (whose entries are all bound).
  let seen: Set<Pod> | undefined;
  for (const pod of pods) if (pod.spec.nodeName !== undefined && pod.spec.nodeName !== "") (seen ??= new Set()).add(pod);
  if (seen === undefined) return pods.concat(boundPods);
  const all = [...pods];
  for (const pod of boundPods) if (!seen.has(pod)) all.push(pod);
  return all;
}

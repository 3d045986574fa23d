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
  // Only a bound pod of `pods` can also be in `boundPods` (whose entries are all bound).
  const seen = new Set<Pod>();
  for (const pod of pods) if (pod.spec.nodeName !== undefined && pod.spec.nodeName !== "") seen.add(pod);
  const all = [...pods];
  boundPods.forEach((pod, i) => {
    if (pod.spec.nodeName === undefined || pod.spec.nodeName === "") {
      throw new InputError(
        `boundPods[${i}] (${pod.metadata.namespace ?? "default"}/${pod.metadata.name ?? ""}) has no spec.nodeName: pending pods go in pods`,
        ["boundPods", i, "spec", "nodeName"],
      );
    }
    if (seen.size > 0 && seen.has(pod)) return;
    all.push(pod);
  });
  return all;
}

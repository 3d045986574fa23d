/**
 * Carries a pod's volume alternatives beside its spec, as upstream keeps them beside the pod (`PodData`'s
 * `VolumeRequirements`): the scheduler adds them to a node's requirements only, so the pod's own affinity (what
 * topology spread counts with) stays as written.
 *
 * @module
 */
import type { Pod, PodSpec } from "../types/kubernetes.js";
import type { VolumeAlternative } from "./types.js";

/**
 * The spec property holding the alternatives. A symbol, so that every copy the scheduler and the simulations
 * make of a spec (`{ ...spec }`: relaxation, unbinding, moving) keeps it, while nothing that reads Kubernetes
 * fields (requirements, topology, JSON) sees it.
 */
const ALTERNATIVES: unique symbol = Symbol("nodefit.volumeAlternatives");

type CarryingSpec = PodSpec & { readonly [ALTERNATIVES]?: readonly VolumeAlternative[] };

const NONE: readonly VolumeAlternative[] = [];

/**
 * A copy of the pod whose spec carries its volume alternatives (ORed; each ANDs every volume's chosen term).
 * The pod is never mutated.
 *
 * @param pod - the pod
 * @param alternatives - from `podVolumeRequirements`
 * @returns the pod itself when there are no alternatives, else the copy
 * @example
 * ```ts
 * const carried = withVolumeAlternatives(pod, podVolumeRequirements(pod, index).alternatives);
 * volumeAlternativesOf(carried.spec).length; // 1 for a pod with one zonal volume
 * ```
 */
export function withVolumeAlternatives(pod: Pod, alternatives: readonly VolumeAlternative[]): Pod {
  if (alternatives.length === 0) return pod;
  const spec: CarryingSpec = { ...pod.spec, [ALTERNATIVES]: alternatives };
  return { ...pod, spec };
}

/**
 * The volume alternatives a spec carries (empty: the pod's volumes constrain nothing).
 *
 * @param spec - a pod spec, possibly a relaxed or unbound copy
 * @returns the alternatives, in upstream's order
 */
export function volumeAlternativesOf(spec: PodSpec): readonly VolumeAlternative[] {
  return (spec as CarryingSpec)[ALTERNATIVES] ?? NONE;
}

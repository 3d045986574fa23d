/**
 * The volume and DRA pre-pass that `schedule` and `planConsolidation` run before anything else: pods carry
 * their volume alternatives beside their spec (the scheduler adds them to node requirements), and pods that upstream would not schedule
 * (a claim or volume missing or invalid, DRA claims) are taken out with their reason.
 *
 * @module
 */
import { podName } from "../_internal/pod-key.js";
import type { DaemonSet, Pod } from "../types/kubernetes.js";
import { DYNAMIC_RESOURCES_MESSAGE, hasDynamicResourceClaims } from "./dynamic-resources.js";
import { withVolumeAlternatives } from "./carry.js";
import { podVolumeRequirements } from "./topology.js";
import type { VolumeFailureCode, VolumeObjects } from "./types.js";
import { indexVolumeObjects, type VolumeIndex } from "./volume-index.js";

/**
 * The parts of a scheduling or consolidation input the pre-pass reads.
 *
 * @category Volumes
 */
export interface VolumePrePassInput {
  readonly pods: readonly Pod[];
  /** Running pods given apart from `pods` (the shape `fromKubernetes` returns); prepared like bound `pods`. */
  readonly boundPods?: readonly Pod[] | undefined;
  readonly daemonSets?: readonly DaemonSet[] | undefined;
  readonly volumes?: VolumeObjects | undefined;
}

/**
 * A pod the pre-pass took out, in the shape of an unschedulable pod.
 *
 * @category Volumes
 */
export interface VolumePodFailure {
  /** `namespace/name`. */
  readonly pod: string;
  readonly code: VolumeFailureCode;
  readonly message: string;
  readonly nodePools: readonly never[];
}

/**
 * The parts of a result the pre-pass adds its failures to.
 *
 * @category Volumes
 */
export interface VolumePrePassResult {
  readonly unschedulable: readonly { readonly pod: string }[];
  readonly summary: { readonly pods: number };
}

const isBound = (pod: Pod): boolean => (pod.spec.nodeName ?? "") !== "";

/** A pending pod's outcome: the pod to schedule, or why it is taken out. */
function preparePending(pod: Pod, index: VolumeIndex | undefined): Pod | VolumePodFailure {
  const name = podName(pod);
  if (hasDynamicResourceClaims(pod.spec)) return { pod: name, code: "dynamic-resources-unsupported", message: DYNAMIC_RESOURCES_MESSAGE, nodePools: [] };
  if (index === undefined) return pod;
  const r = podVolumeRequirements(pod, index);
  if (!r.ok) return { pod: name, code: r.code, message: r.message, nodePools: [] };
  return withVolumeAlternatives(pod, r.alternatives);
}

/** A bound pod keeps its node; it carries its volume requirements for when consolidation moves it. */
function prepareBound(pod: Pod, index: VolumeIndex | undefined): Pod {
  if (index === undefined) return pod;
  const r = podVolumeRequirements(pod, index);
  // A bound pod whose claim cannot be read keeps no volume constraint: upstream leaves it out of the
  // simulation's volume lookup the same way (it logs and skips the pod's requirements).
  return r.ok ? withVolumeAlternatives(pod, r.alternatives) : pod;
}

/**
 * One pod's part of {@link volumePrePass}: a pending pod to schedule or why it is taken out, a bound pod with
 * its volume requirements. A long-lived `Cluster` keeps each pod's outcome while neither it nor the storage changes.
 *
 * @param pod - the pod
 * @param index - the storage objects (undefined: volumes are not looked at)
 * @returns the pod itself when nothing is added, a copy carrying its alternatives, or the failure
 * @internal
 */
export function preparePod(pod: Pod, index: VolumeIndex | undefined): Pod | VolumePodFailure {
  return isBound(pod) ? prepareBound(pod, index) : preparePending(pod, index);
}

/**
 * The pre-pass: pending pods with DRA claims (upstream's default ignores DRA requests) or with a claim,
 * volume or class missing or invalid are taken out with their reason; the rest carry their volume
 * alternatives beside their spec (`volumeAlternativesOf`); bound pods get them too (for consolidation); DaemonSets
 * whose pods use DRA stop counting as overhead, as upstream skips them. Without `volumes` only the DRA part
 * runs. Returns the input itself when nothing changes.
 *
 * @param input - pods, DaemonSets and the storage objects
 * @returns the input to run on, and the pods taken out
 * @category Volumes
 */
export function volumePrePass<I extends VolumePrePassInput>(input: I): { readonly input: I; readonly failures: readonly VolumePodFailure[] } {
  // The common case (no storage objects, no DRA) costs one scan and no allocation: simulations call this often.
  const dra = input.pods.some((p) => hasDynamicResourceClaims(p.spec)) || (input.daemonSets ?? []).some((d) => hasDynamicResourceClaims(d.spec.template.spec));
  if (input.volumes === undefined && !dra) {
    return { input, failures: [] };
  }
  const index = input.volumes === undefined ? undefined : indexVolumeObjects(input.volumes);
  const failures: VolumePodFailure[] = [];
  const pods: Pod[] = [];
  let changed = false;
  for (const pod of input.pods) {
    const next = preparePod(pod, index);
    if ("code" in next) failures.push(next);
    else pods.push(next);
    if (next !== pod) changed = true;
  }
  // Bound pods keep their volumes' zones when a deletion or a consolidation moves them.
  const boundPods = input.boundPods?.map((pod) => prepareBound(pod, index));
  const boundChanged = boundPods?.some((pod, i) => pod !== input.boundPods?.[i]);
  if (boundChanged) changed = true;
  const daemonSets = input.daemonSets?.filter((d) => !hasDynamicResourceClaims(d.spec.template.spec));
  const daemonsChanged = daemonSets !== undefined && daemonSets.length !== input.daemonSets?.length;
  if (!changed && !daemonsChanged) return { input, failures };
  return { input: { ...input, pods, ...(boundChanged ? { boundPods } : {}), ...(daemonsChanged ? { daemonSets } : {}) }, failures };
}

/**
 * A result with the pre-pass's failures added: listed among the unschedulable pods (sorted by pod name, as
 * the scheduler sorts them) and counted in `summary.pods`.
 *
 * @param result - what the run decided
 * @param failures - the pods the pre-pass took out
 * @returns the result itself when there are none
 */
export function withVolumeFailures<R extends VolumePrePassResult>(result: R, failures: readonly VolumePodFailure[]): R {
  if (failures.length === 0) return result;
  const unschedulable = [...result.unschedulable, ...failures].sort((a, b) => (a.pod < b.pod ? -1 : a.pod > b.pod ? 1 : 0));
  return { ...result, unschedulable, summary: { ...result.summary, pods: result.summary.pods + failures.length } };
}

/**
 * The volume pre-pass of a long-lived `Cluster`: what `schedule` and `planConsolidation` run first
 * (`volumePrePass`), with each pod's outcome kept while neither the pod nor the storage objects change. An event
 * then costs the pre-pass of the pods it touched, and the pods handed to the scheduler stay the same objects, so
 * its per-node caches, which key on pod objects, still hold.
 *
 * @module
 */
import type { DaemonSet, Pod } from "../types/kubernetes.js";
import {
  hasDynamicResourceClaims,
  indexVolumeObjects,
  volumePrePass,
  type VolumeIndex,
  type VolumeObjects,
  type VolumePodFailure,
  type VolumePrePassInput,
} from "../volumes/index.js";
import { preparePod } from "../volumes/pre-pass.js";

/** The storage kinds a `Cluster` follows (the lists of `VolumeObjects`). */
export const STORAGE_KINDS: ReadonlySet<string> = new Set(["PersistentVolumeClaim", "PersistentVolume", "StorageClass", "CSINode"]);

/** `volumePrePass` over a long-lived cluster's lists, one pod at a time, each outcome kept. */
export class LivePrePass {
  /** The storage objects the kept outcomes were computed with (the cluster's object, the same until storage changes). */
  #volumes: VolumeObjects | undefined;
  #index: VolumeIndex | undefined;
  /** Each stored pod's outcome (the cluster copies every object it is given, so a changed pod is a new key). */
  #pods = new WeakMap<Pod, Pod | VolumePodFailure>();
  #daemons: { readonly from: readonly DaemonSet[]; readonly to: readonly DaemonSet[] } | undefined;

  /**
   * Runs the pre-pass. Its outcome equals `volumePrePass(input)`: pending pods with DRA claims or a claim,
   * volume or class missing or invalid taken out with their reason, the rest carrying their volume
   * alternatives, DaemonSets whose pods use DRA left out; the input itself when nothing changes.
   *
   * @param input - the cluster's pods, DaemonSets and storage objects (undefined while it does not follow storage)
   * @returns the input to schedule, and the pods taken out
   */
  run<I extends VolumePrePassInput>(input: I): { readonly input: I; readonly failures: readonly VolumePodFailure[] } {
    // A cluster lists every pod in `pods`; a separate `boundPods` list is prepared another way, so it gets the plain pre-pass.
    if (input.boundPods !== undefined) return volumePrePass(input);
    if (input.volumes !== this.#volumes) {
      this.#volumes = input.volumes;
      this.#index = input.volumes === undefined ? undefined : indexVolumeObjects(input.volumes);
      this.#pods = new WeakMap();
    }
    const failures: VolumePodFailure[] = [];
    const pods: Pod[] = [];
    let changed = false;
    for (const pod of input.pods) {
      let next = this.#pods.get(pod);
      if (next === undefined) this.#pods.set(pod, (next = preparePod(pod, this.#index)));
      // A copy per answer: a caller may keep or change a result's failures.
      if ("code" in next) failures.push({ ...next });
      else pods.push(next);
      if (next !== pod) changed = true;
    }
    const daemonSets = input.daemonSets === undefined ? undefined : this.#daemonSets(input.daemonSets);
    if (!changed && daemonSets === input.daemonSets) return { input, failures };
    return { input: { ...input, pods, ...(daemonSets === undefined ? {} : { daemonSets }) }, failures };
  }

  /** The DaemonSets that count as overhead: those whose pods use no DRA (the same list while the input is). */
  #daemonSets(daemonSets: readonly DaemonSet[]): readonly DaemonSet[] {
    if (this.#daemons?.from !== daemonSets) {
      const kept = daemonSets.filter((d) => !hasDynamicResourceClaims(d.spec.template.spec));
      this.#daemons = { from: daemonSets, to: kept.length === daemonSets.length ? daemonSets : kept };
    }
    return this.#daemons.to;
  }
}

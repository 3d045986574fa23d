/**
 * The volume pre-pass of a long-lived `Cluster`: what `schedule` and `planConsolidation` run first
 * (`volumePrePass`), with the copies it makes kept while neither the pod nor the storage objects change, so
 * the scheduler's per-node caches, which key on pod objects, still hold after an unrelated event.
 *
 * @module
 */
import type { DaemonSet, ObjectMeta, Pod } from "../types/kubernetes.js";
import { volumePrePass, type VolumeObjects, type VolumePodFailure, type VolumePrePassInput } from "../volumes/index.js";

/** The storage kinds a `Cluster` follows (the lists of `VolumeObjects`). */
export const STORAGE_KINDS: ReadonlySet<string> = new Set(["PersistentVolumeClaim", "PersistentVolume", "StorageClass", "CSINode"]);

/** `volumePrePass` over a long-lived cluster's lists, returning the same pod copies while their inputs stay. */
export class LivePrePass {
  /** The storage objects the kept copies were made with. */
  #volumes: VolumeObjects | undefined;
  /**
   * Each pod's prepared form, by the pod's metadata object: a copy the pre-pass makes shares its original's
   * metadata, and the cluster copies every object it is given, so one metadata object is one stored pod.
   */
  #pods = new WeakMap<ObjectMeta, Pod>();
  #daemons: { readonly from: readonly DaemonSet[]; readonly to: readonly DaemonSet[] } | undefined;

  /**
   * Runs the pre-pass; its output equals `volumePrePass(input)`, with kept objects where nothing changed.
   *
   * @param input - the cluster's pods and DaemonSets, and its storage objects (undefined: not followed)
   * @returns the input to schedule, and the pods taken out
   */
  run<I extends VolumePrePassInput>(input: I): { readonly input: I; readonly failures: readonly VolumePodFailure[] } {
    const pre = volumePrePass(input);
    if (pre.input === input) return pre;
    if (input.volumes !== this.#volumes) {
      this.#volumes = input.volumes;
      this.#pods = new WeakMap();
    }
    const pods = pre.input.pods.map((pod) => this.#kept(pod));
    const boundPods = pre.input.boundPods?.map((pod) => this.#kept(pod));
    let daemonSets = pre.input.daemonSets;
    if (daemonSets !== input.daemonSets && input.daemonSets !== undefined && daemonSets !== undefined) {
      if (this.#daemons?.from !== input.daemonSets) this.#daemons = { from: input.daemonSets, to: daemonSets };
      daemonSets = this.#daemons.to;
    }
    return {
      input: { ...pre.input, pods, ...(boundPods === undefined ? {} : { boundPods }), ...(daemonSets === undefined ? {} : { daemonSets }) },
      failures: pre.failures,
    };
  }

  #kept(pod: Pod): Pod {
    const seen = this.#pods.get(pod.metadata);
    if (seen !== undefined) return seen;
    this.#pods.set(pod.metadata, pod);
    return pod;
  }
}

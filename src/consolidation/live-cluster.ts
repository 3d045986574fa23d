/**
 * A long-lived cluster for controllers (upstream's `state.Cluster`, fed by informers): built once from a
 * snapshot, kept current with watch events, and answering `schedule` and `planConsolidation` without
 * rebuilding what did not change.
 *
 * @module
 */
import { InputError } from "../errors.js";
import { assertClusterEvent, assertClusterSnapshot, assertOptions } from "../_internal/validate-input.js";
import { InstanceTypeIndex, type InstanceType } from "../instance-types/index.js";
import { isInstanceTypeIndex } from "../instance-types/instance-type-index.js";
import { ClusterModel } from "../scheduler/cluster-model.js";
import { scheduleSimulation } from "../scheduler/schedule.js";
import { daemonSetOwner } from "../scheduler/daemons.js";
import { withVolumeFailures } from "../volumes/index.js";
import type { ScheduleOptions, ScheduleResult } from "../scheduler/index.js";
import type { DaemonSet, Node, NodeClaim, NodePool, Pod, PodDisruptionBudget } from "../types/kubernetes.js";
import type { CSINode, PersistentVolume, PersistentVolumeClaim, StorageClass } from "../types/storage.js";
import type { VolumeObjects } from "../volumes/index.js";
import { LivePrePass, STORAGE_KINDS } from "./live-volumes.js";
import { planConsolidationWith, type SharedState } from "./plan.js";
import type { ConsolidationInput, ConsolidationOptions, ConsolidationPlan } from "./types.js";

/**
 * The kinds a {@link Cluster} follows, with the object type of each. The storage kinds are those `schedule` reads
 * from `volumes`. There are no ResourceClaim kinds: pods that ask for Dynamic Resource Allocation are not
 * scheduled whatever their claims hold (upstream's default), which the pod spec alone tells. There is no
 * NodeOverlay kind: overlays change the catalogue, so a controller applies them with `applyNodeOverlays` and
 * builds a new cluster from the changed catalogue (`fromSnapshot(cluster.snapshot(), overlaid)`).
 *
 * @category Consolidation
 */
export interface ClusterKinds {
  readonly Pod: Pod;
  readonly Node: Node;
  readonly NodeClaim: NodeClaim;
  readonly NodePool: NodePool;
  readonly DaemonSet: DaemonSet;
  readonly PodDisruptionBudget: PodDisruptionBudget;
  /** Namespaced, like Pods. */
  readonly PersistentVolumeClaim: PersistentVolumeClaim;
  readonly PersistentVolume: PersistentVolume;
  readonly StorageClass: StorageClass;
  /** Named after its node. */
  readonly CSINode: CSINode;
}

/**
 * A watch event, as an informer delivers it: `ADDED` and `MODIFIED` both put the object, `DELETED` removes it.
 *
 * @category Consolidation
 */
export type ClusterEvent = {
  readonly [K in keyof ClusterKinds]: { readonly type: "ADDED" | "MODIFIED" | "DELETED"; readonly kind: K; readonly object: ClusterKinds[K] };
}[keyof ClusterKinds];

/**
 * The objects a {@link Cluster} starts from (the shape `fromKubernetes` returns, so its result can be passed as
 * it is; every list optional).
 *
 * @category Consolidation
 */
export interface ClusterSnapshot {
  readonly pods?: readonly Pod[] | undefined;
  readonly boundPods?: readonly Pod[] | undefined;
  readonly nodes?: readonly Node[] | undefined;
  readonly nodeClaims?: readonly NodeClaim[] | undefined;
  readonly nodePools?: readonly NodePool[] | undefined;
  readonly daemonSets?: readonly DaemonSet[] | undefined;
  readonly podDisruptionBudgets?: readonly PodDisruptionBudget[] | undefined;
  /**
   * Claims, volumes, StorageClasses and CSINodes. Given (even empty), the cluster follows storage from the start;
   * see {@link Cluster}.
   */
  readonly volumes?: VolumeObjects | undefined;
}

/**
 * A {@link Cluster}'s objects, each kind in name order.
 *
 * @category Consolidation
 */
export interface ClusterObjects {
  readonly pods: readonly Pod[];
  readonly nodes: readonly Node[];
  readonly nodeClaims: readonly NodeClaim[];
  readonly nodePools: readonly NodePool[];
  readonly daemonSets: readonly DaemonSet[];
  readonly podDisruptionBudgets: readonly PodDisruptionBudget[];
  /** Present (every list set, maybe empty) once the cluster follows storage; see {@link Cluster}. */
  readonly volumes?: VolumeObjects;
}

const NAMESPACED: ReadonlySet<string> = new Set(["Pod", "DaemonSet", "PodDisruptionBudget", "PersistentVolumeClaim"]);
const NONE: ReadonlySet<string> = new Set();

function keyOf(kind: string, object: { readonly metadata: { readonly name?: string | undefined; readonly namespace?: string | undefined } }): string {
  const name = object.metadata.name ?? "";
  if (name === "") throw new InputError(`a ${kind} needs metadata.name`, [kind, "metadata", "name"]);
  return NAMESPACED.has(kind) ? `${object.metadata.namespace ?? "default"}/${name}` : name;
}

/** One kind's objects kept in name order, so an event costs a binary search, not a sort. */
class Sorted {
  readonly keys: string[] = [];
  readonly values: unknown[] = [];

  /** The position of `key`, or where it would go. */
  find(key: string): { readonly at: number; readonly found: boolean } {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return { at: lo, found: this.keys[lo] === key };
  }
}

/**
 * The cluster as a controller sees it. It owns copies of every object it is given (a caller may change or
 * reuse its objects afterwards), keeps each kind by name (`namespace/name` for namespaced kinds), and keeps
 * the scheduler's per-node room, compiled NodePools and catalogue index across calls: after an event only
 * the nodes whose objects or pods changed are prepared again. Its answers equal those of a cluster built
 * fresh from the same objects (lists in name order), which equal `schedule` / `planConsolidation` over them.
 *
 * Storage: the cluster follows storage once its snapshot holds `volumes` (even empty) or it is given a
 * PersistentVolumeClaim, PersistentVolume, StorageClass or CSINode event. From then on its answers get the
 * storage objects as `schedule`'s `volumes` (a pod keeps to its volumes' zones, CSINode limits cap existing
 * nodes, a pod whose claim is missing is `volume-not-found`), and {@link Cluster.snapshot} lists them. Before,
 * volumes are not looked at, as `schedule` without `volumes`: a controller that does not watch storage does not
 * see every pod with a claim refused.
 *
 * @example
 * ```ts
 * import { Cluster } from "nodefit";
 *
 * const cluster = Cluster.fromSnapshot(fromKubernetes(documents), instanceTypes); // storage objects included
 * cluster.apply({ type: "ADDED", kind: "Pod", object: newPod });      // from a Pod informer
 * cluster.apply({ type: "DELETED", kind: "Node", object: goneNode });
 * cluster.apply({ type: "MODIFIED", kind: "PersistentVolumeClaim", object: boundClaim });
 * const result = cluster.schedule();                                  // the pending pods' new node claims
 * const plan = cluster.planConsolidation({ now: new Date() });         // what disruption would do now
 * ```
 *
 * @category Consolidation
 */
export class Cluster {
  readonly #objects: { readonly [K in keyof ClusterKinds]: Sorted } = {
    Pod: new Sorted(),
    Node: new Sorted(),
    NodeClaim: new Sorted(),
    NodePool: new Sorted(),
    DaemonSet: new Sorted(),
    PodDisruptionBudget: new Sorted(),
    PersistentVolumeClaim: new Sorted(),
    PersistentVolume: new Sorted(),
    StorageClass: new Sorted(),
    CSINode: new Sorted(),
  };
  readonly #lists = new Map<keyof ClusterKinds, readonly unknown[]>();
  #shared: SharedState;
  /** Whether storage is followed (see the class comment). */
  #followsStorage = false;
  /** The storage lists as one object, the same until a storage kind changes (the pre-pass keys on it). */
  #volumes: VolumeObjects | undefined;
  readonly #prePass = new LivePrePass();

  private constructor(instanceTypes: readonly InstanceType[] | InstanceTypeIndex) {
    this.#shared = { index: isInstanceTypeIndex(instanceTypes) ? instanceTypes : InstanceTypeIndex.build(instanceTypes), model: new ClusterModel() };
  }

  /**
   * Builds a cluster from a snapshot and a catalogue.
   *
   * @param snapshot - the objects (pending and bound pods may be in `pods`, bound ones also in `boundPods`)
   * @param instanceTypes - the catalogue (copied into an index), or an index
   * @returns the cluster
   * @throws InputError for a malformed snapshot or catalogue, or an object without `metadata.name`
   */
  static fromSnapshot(snapshot: ClusterSnapshot, instanceTypes: readonly InstanceType[] | InstanceTypeIndex): Cluster {
    // Checked before anything is read: a malformed object is an InputError with its path, never a TypeError.
    assertClusterSnapshot(snapshot, instanceTypes);
    const cluster = new Cluster(instanceTypes);
    const put = <K extends keyof ClusterKinds>(kind: K, list: readonly ClusterKinds[K][] | undefined): void => {
      for (const object of list ?? []) cluster.apply({ type: "ADDED", kind, object } as ClusterEvent);
    };
    put("Pod", snapshot.pods);
    put("Pod", snapshot.boundPods);
    put("Node", snapshot.nodes);
    put("NodeClaim", snapshot.nodeClaims);
    put("NodePool", snapshot.nodePools);
    put("DaemonSet", snapshot.daemonSets);
    put("PodDisruptionBudget", snapshot.podDisruptionBudgets);
    const volumes = snapshot.volumes;
    if (volumes !== undefined) {
      cluster.#followsStorage = true;
      put("PersistentVolumeClaim", volumes.persistentVolumeClaims);
      put("PersistentVolume", volumes.persistentVolumes);
      put("StorageClass", volumes.storageClasses);
      put("CSINode", volumes.csiNodes);
    }
    return cluster;
  }

  /**
   * Applies one watch event. A copy of the object is kept, so the caller may reuse it.
   *
   * @param event - `ADDED` / `MODIFIED` put the object under its name; `DELETED` removes that name. The first
   *   storage event makes the cluster follow storage (see {@link Cluster}).
   * @throws InputError for a malformed event (unknown type or kind, an object without `metadata`, a cycle) or an
   *   object without `metadata.name`
   */
  apply(event: ClusterEvent): void {
    assertClusterEvent(event);
    const sorted = this.#objects[event.kind];
    const key = keyOf(event.kind, event.object);
    const { at, found } = sorted.find(key);
    // Any storage event, even the deletion of an object never seen, says the caller watches storage.
    if (STORAGE_KINDS.has(event.kind) && !this.#followsStorage) {
      this.#followsStorage = true;
      this.#volumes = undefined;
    }
    // A DaemonSet's newest pod sizes its overhead: a change to one (or to a DaemonSet) re-reads them all.
    const before = found ? sorted.values[at] : undefined;
    if (
      event.kind === "DaemonSet" ||
      (event.kind === "Pod" && (daemonSetOwner(event.object) !== undefined || (before !== undefined && daemonSetOwner(before as Pod) !== undefined)))
    ) {
      this.#shared.model.resetDaemons();
    }
    if (event.type === "DELETED") {
      if (!found) return;
      sorted.keys.splice(at, 1);
      sorted.values.splice(at, 1);
    } else if (found) {
      sorted.values[at] = structuredClone(event.object);
    } else {
      sorted.keys.splice(at, 0, key);
      sorted.values.splice(at, 0, structuredClone(event.object));
    }
    this.#lists.delete(event.kind);
    if (STORAGE_KINDS.has(event.kind)) this.#volumes = undefined;
  }

  /** One kind's objects in name order; the same array until that kind changes (the scheduler's caches key on it). */
  #list<K extends keyof ClusterKinds>(kind: K): readonly ClusterKinds[K][] {
    let list = this.#lists.get(kind);
    if (list === undefined) this.#lists.set(kind, (list = this.#objects[kind].values.slice()));
    return list as readonly ClusterKinds[K][];
  }

  /** The storage objects, or undefined while storage is not followed. */
  #storage(): VolumeObjects | undefined {
    if (!this.#followsStorage) return undefined;
    this.#volumes ??= {
      persistentVolumeClaims: this.#list("PersistentVolumeClaim"),
      persistentVolumes: this.#list("PersistentVolume"),
      storageClasses: this.#list("StorageClass"),
      csiNodes: this.#list("CSINode"),
    };
    return this.#volumes;
  }

  /**
   * The cluster's objects, in name order: the input a fresh `schedule` or `planConsolidation` would take, and a
   * snapshot a fresh cluster would answer the same from.
   */
  snapshot(): ClusterObjects {
    const volumes = this.#storage();
    return {
      pods: this.#list("Pod"),
      nodes: this.#list("Node"),
      nodeClaims: this.#list("NodeClaim"),
      nodePools: this.#list("NodePool"),
      daemonSets: this.#list("DaemonSet"),
      podDisruptionBudgets: this.#list("PodDisruptionBudget"),
      ...(volumes === undefined ? {} : { volumes }),
    };
  }

  /**
   * Schedules the cluster's pending pods (and the pods of its deleting nodes), as `schedule` would.
   *
   * @param options - as `schedule`
   * @returns as `schedule`
   */
  schedule(options: ScheduleOptions = {}): ScheduleResult {
    assertOptions(options, "schedule");
    const s = this.snapshot();
    // As `schedule`: pods get their volumes' requirements, and pods nodefit cannot schedule are taken out.
    const pre = this.#prePass.run({ pods: s.pods, daemonSets: s.daemonSets, volumes: s.volumes });
    const { pods, daemonSets } = pre.input;
    const input = { pods, nodePools: s.nodePools, instanceTypes: this.#shared.index, nodes: s.nodes, nodeClaims: s.nodeClaims, daemonSets, volumes: s.volumes };
    const result = scheduleSimulation(input, options, { movers: NONE, pendingOnly: NONE, model: this.#shared.model });
    return withVolumeFailures(result, pre.failures);
  }

  /**
   * Plans consolidation over the cluster as it is now, as `planConsolidation` would.
   *
   * @param options - as `planConsolidation` (`now` required)
   * @returns the plan
   */
  planConsolidation(options: ConsolidationOptions): ConsolidationPlan {
    assertOptions(options, "consolidation");
    // The plan's pre-pass is the cluster's: pods unchanged since the last answer are the same objects again.
    const shared = { ...this.#shared, prePass: (input: ConsolidationInput) => this.#prePass.run(input) };
    return planConsolidationWith({ ...this.snapshot(), instanceTypes: this.#shared.index.types }, options, true, shared);
  }
}

/**
 * CSI volume limits of existing nodes, as upstream's `VolumeUsage` (pkg/scheduling/volumeusage.go) and
 * `state.Cluster.populateVolumeLimits` model them: per node, the claims attached through each CSI driver,
 * and the driver's attach limit from the node's CSINode.
 *
 * @module
 */
import { podName } from "../_internal/pod-key.js";
import type { Pod } from "../types/kubernetes.js";
import type { CSINode } from "../types/storage.js";
import { podClaims } from "./claims.js";
import { claimDriver } from "./drivers.js";
import type { VolumeObjects } from "./types.js";
import { indexVolumeObjects, type VolumeIndex } from "./volume-index.js";

/**
 * CSI driver → the claims (`namespace/name`) using it.
 *
 * @category Volumes
 */
export type DriverVolumes = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * A driver whose attach limit a placement would pass.
 *
 * @category Volumes
 */
export interface VolumeLimitExceeded {
  readonly driver: string;
  /** Volumes of the driver the node would have. */
  readonly count: number;
  readonly limit: number;
}

/**
 * The pod's claims by CSI driver (upstream's `GetVolumes`): claims not in the input, and claims whose driver
 * cannot be told, are left out, as upstream logs and skips them.
 *
 * @param pod - the pod
 * @param index - the storage objects
 * @returns driver → claim keys
 * @category Volumes
 */
export function podDriverVolumes(pod: Pod, index: VolumeIndex): DriverVolumes {
  const out = new Map<string, Set<string>>();
  for (const { key, claim } of podClaims(pod, index)) {
    if (claim === undefined) continue;
    const driver = claimDriver(claim, index);
    if (driver === "") continue;
    let set = out.get(driver);
    if (set === undefined) out.set(driver, (set = new Set()));
    set.add(key);
  }
  return out;
}

/**
 * A node's attach limits from its CSINode: each driver that lists `allocatable` gets its `count` (a missing
 * count reads as 0, as upstream dereferences it); drivers without `allocatable` have no limit.
 *
 * @param csiNode - the node's CSINode, if any
 * @returns driver → limit
 * @category Volumes
 */
export function csiNodeLimits(csiNode: CSINode | undefined): ReadonlyMap<string, number> {
  const limits = new Map<string, number>();
  for (const driver of csiNode?.spec.drivers ?? []) if (driver.allocatable !== undefined) limits.set(driver.name, driver.allocatable.count ?? 0);
  return limits;
}

/**
 * Whether adding a pod's volumes to a node's would pass a driver's limit (upstream's `ExceedsLimits`: the
 * union is counted, so a claim already attached counts once). Drivers are checked in name order.
 *
 * @param inUse - the node's volumes
 * @param limits - the node's limits
 * @param added - the pod's volumes
 * @returns the first driver over its limit, or undefined
 * @category Volumes
 */
export function exceedsVolumeLimits(inUse: DriverVolumes, limits: ReadonlyMap<string, number>, added: DriverVolumes): VolumeLimitExceeded | undefined {
  for (const driver of [...added.keys()].sort()) {
    const limit = limits.get(driver);
    if (limit === undefined) continue;
    const union = new Set([...(inUse.get(driver) ?? []), ...(added.get(driver) ?? [])]);
    if (union.size > limit) return { driver, count: union.size, limit };
  }
  return undefined;
}

function addInto(target: Map<string, Set<string>>, added: DriverVolumes): void {
  for (const [driver, keys] of added) {
    let set = target.get(driver);
    if (set === undefined) target.set(driver, (set = new Set()));
    for (const key of keys) set.add(key);
  }
}

/** The part of a run's state read from the storage objects alone: the same for every run over them. */
interface StorageSide {
  /** Read only when some node is limited. */
  readonly index: VolumeIndex | undefined;
  /** Node → driver → attach limit, for nodes whose CSINode sets one. */
  readonly limits: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** A node's volumes in use, with the pods they were read from. Shared by runs: never changed once made. */
interface NodeUsage {
  readonly node: string;
  readonly pods: readonly Pod[];
  readonly volumes: DriverVolumes;
}

const NO_VOLUMES: DriverVolumes = new Map();

/**
 * Each limited node's volumes in use, kept across the scheduling runs of one `ClusterModel`: a consolidation
 * plan's simulations hand the scheduler the same running-pod list, and a long-lived cluster the same pod objects,
 * so a run reads the pods of only the nodes whose pods changed. Runs start from these entries copy-on-write.
 *
 * @category Volumes
 * @internal
 */
export class SharedVolumeUsage {
  #objects: VolumeObjects | undefined;
  #boundPods: readonly Pod[] = [];
  /** The nodes with running pods, each at its slot in `#entries`. */
  #slots = new Map<string, number>();
  #entries: readonly NodeUsage[] = [];
  #volumes: ReadonlyMap<string, DriverVolumes> = new Map();

  /**
   * Each limited node's volumes from the running pods, reusing a node's entry while the same pods run on it.
   *
   * @param objects - the storage objects (entries read with other objects are dropped)
   * @param boundPods - the running pods
   * @param limits - the limited nodes
   * @param read - a pod's volumes
   * @returns node → its volumes (never changed: a run copies before it adds)
   */
  usage(
    objects: VolumeObjects,
    boundPods: readonly Pod[],
    limits: ReadonlyMap<string, unknown>,
    read: (pod: Pod) => DriverVolumes,
  ): ReadonlyMap<string, DriverVolumes> {
    if (objects !== this.#objects) {
      this.#objects = objects;
      this.#boundPods = [];
      this.#slots = new Map();
      this.#entries = [];
      this.#volumes = new Map();
    }
    if (samePods(this.#boundPods, boundPods)) {
      // A long-lived cluster lists its running pods afresh each run: the same pods are the same usage.
      this.#boundPods = boundPods;
      return this.#volumes;
    }
    // One walk over the running pods, matching each node's pods against its entry's: a node whose pods differ
    // gets a new list (its entry's pods up to the first difference, then the rest), every other node allocates nothing.
    const entries = this.#entries;
    const slots = this.#slots;
    const cursor = new Int32Array(entries.length);
    const changed: (Pod[] | undefined)[] = [];
    let added: Map<string, Pod[]> | undefined;
    for (const pod of boundPods) {
      const node = pod.spec.nodeName ?? "";
      const slot = slots.get(node);
      if (slot === undefined) {
        if (!limits.has(node)) continue;
        added ??= new Map();
        const list = added.get(node);
        if (list === undefined) added.set(node, [pod]);
        else list.push(pod);
        continue;
      }
      const list = changed[slot];
      if (list !== undefined) {
        list.push(pod);
        continue;
      }
      const at = cursor[slot] as number;
      const pods = (entries[slot] as NodeUsage).pods;
      if (pods[at] === pod) cursor[slot] = at + 1;
      else changed[slot] = [...pods.slice(0, at), pod];
    }
    let same = added === undefined;
    entries.forEach((entry, slot) => {
      if (changed[slot] !== undefined || cursor[slot] === entry.pods.length) return;
      changed[slot] = entry.pods.slice(0, cursor[slot]);
      same = false;
    });
    if (same && changed.length === 0) {
      // The same pods per node, listed in another order.
      this.#boundPods = boundPods;
      return this.#volumes;
    }
    const next: NodeUsage[] = [];
    entries.forEach((entry, slot) => {
      const pods = changed[slot];
      if (pods === undefined) next.push(entry);
      else if (pods.length > 0) next.push({ node: entry.node, pods, volumes: volumesOfPods(pods, read) });
    });
    for (const [node, pods] of added ?? []) next.push({ node, pods, volumes: volumesOfPods(pods, read) });
    this.#boundPods = boundPods;
    this.#entries = next;
    this.#slots = new Map(next.map((entry, slot) => [entry.node, slot]));
    this.#volumes = new Map(next.map((entry) => [entry.node, entry.volumes]));
    return this.#volumes;
  }
}

function samePods(a: readonly Pod[], b: readonly Pod[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The running pods of each limited node, in list order. */
function podsByLimitedNode(boundPods: readonly Pod[], limits: ReadonlyMap<string, unknown>): Map<string, Pod[]> {
  const byNode = new Map<string, Pod[]>();
  for (const pod of boundPods) {
    const node = pod.spec.nodeName ?? "";
    if (!limits.has(node)) continue;
    let list = byNode.get(node);
    if (list === undefined) byNode.set(node, (list = []));
    list.push(pod);
  }
  return byNode;
}

/** The union of the pods' volumes per driver. */
function volumesOfPods(pods: readonly Pod[], read: (pod: Pod) => DriverVolumes): DriverVolumes {
  const out = new Map<string, Set<string>>();
  for (const pod of pods) addInto(out, read(pod));
  return out.size === 0 ? NO_VOLUMES : out;
}

/**
 * The volume state of a run's existing nodes: limits from CSINodes, volumes from the pods bound to each node,
 * updated as the run places pods. Mutable, owned by one run. New node claims have no limit (upstream core
 * checks volume limits on existing nodes only).
 * @category Volumes
 */
export class NodeVolumeLimits {
  /** Consolidation builds one state per simulation from the same objects and pods: both are read once per plan. */
  private static readonly storage = new WeakMap<VolumeObjects, StorageSide>();
  private static readonly podVolumes = new WeakMap<VolumeIndex, WeakMap<Pod, DriverVolumes>>();
  /** The run's own volumes of the nodes it added to (copied from `running` first: that may be shared, never changed). */
  private readonly own = new Map<string, Map<string, Set<string>>>();

  private constructor(
    private readonly index: VolumeIndex,
    private readonly limits: ReadonlyMap<string, ReadonlyMap<string, number>>,
    /** Node → the volumes of its running pods. */
    private readonly running: ReadonlyMap<string, DriverVolumes>,
  ) {}

  /**
   * The state for one run, or undefined when no CSINode sets a limit (nothing to check).
   *
   * @param objects - the storage objects (undefined: volumes are not looked at)
   * @param boundPods - pods already on nodes (`spec.nodeName`)
   * @returns the state
   */
  static build(objects: VolumeObjects | undefined, boundPods: readonly Pod[]): NodeVolumeLimits | undefined {
    return NodeVolumeLimits.buildShared(objects, boundPods, undefined);
  }

  /**
   * {@link NodeVolumeLimits.build}, starting from the per-node usage the runs of one model share (read again
   * only for nodes whose pods changed); the same answers as a fresh build.
   *
   * @param objects - as {@link NodeVolumeLimits.build}
   * @param boundPods - as {@link NodeVolumeLimits.build}
   * @param shared - the model's usage, if any
   * @returns the state
   * @internal
   */
  static buildShared(objects: VolumeObjects | undefined, boundPods: readonly Pod[], shared: SharedVolumeUsage | undefined): NodeVolumeLimits | undefined {
    if (objects === undefined) return undefined;
    const { index, limits } = NodeVolumeLimits.storageSide(objects);
    if (index === undefined) return undefined;
    const read = (pod: Pod): DriverVolumes => NodeVolumeLimits.volumesOf(index, pod);
    if (shared !== undefined) return new NodeVolumeLimits(index, limits, shared.usage(objects, boundPods, limits, read));
    const running = new Map<string, DriverVolumes>();
    for (const [node, pods] of podsByLimitedNode(boundPods, limits)) running.set(node, volumesOfPods(pods, read));
    return new NodeVolumeLimits(index, limits, running);
  }

  /**
   * Why the pod's volumes cannot attach to the node, or undefined when they can.
   *
   * @param node - the node's name
   * @param pod - the pod
   * @returns a one-line reason, or undefined
   */
  check(node: string, pod: Pod): string | undefined {
    const limits = this.limits.get(node);
    if (limits === undefined) return undefined;
    const over = exceedsVolumeLimits(this.own.get(node) ?? this.running.get(node) ?? NO_VOLUMES, limits, NodeVolumeLimits.volumesOf(this.index, pod));
    return over === undefined ? undefined : `would exceed the volume limit of ${over.driver} (${over.count} > ${over.limit}) for ${podName(pod)}`;
  }

  /**
   * Records the pod's volumes on the node.
   *
   * @param node - the node's name
   * @param pod - the pod placed there
   */
  add(node: string, pod: Pod): void {
    if (!this.limits.has(node)) return;
    const added = NodeVolumeLimits.volumesOf(this.index, pod);
    if (added.size === 0) return;
    let own = this.own.get(node);
    if (own === undefined) {
      // Copy-on-write: the running pods' volumes may be shared with other runs, so the run copies them first.
      own = new Map();
      for (const [driver, keys] of this.running.get(node) ?? NO_VOLUMES) own.set(driver, new Set(keys));
      this.own.set(node, own);
    }
    addInto(own, added);
  }

  private static storageSide(objects: VolumeObjects): StorageSide {
    let side = NodeVolumeLimits.storage.get(objects);
    if (side === undefined) {
      const limits = new Map<string, ReadonlyMap<string, number>>();
      for (const csiNode of objects.csiNodes ?? []) {
        const own = csiNodeLimits(csiNode);
        if (own.size > 0) limits.set(csiNode.metadata.name ?? "", own);
      }
      NodeVolumeLimits.storage.set(objects, (side = { index: limits.size === 0 ? undefined : indexVolumeObjects(objects), limits }));
    }
    return side;
  }

  private static volumesOf(index: VolumeIndex, pod: Pod): DriverVolumes {
    let byPod = NodeVolumeLimits.podVolumes.get(index);
    if (byPod === undefined) NodeVolumeLimits.podVolumes.set(index, (byPod = new WeakMap()));
    let volumes = byPod.get(pod);
    if (volumes === undefined) byPod.set(pod, (volumes = podDriverVolumes(pod, index)));
    return volumes;
  }
}

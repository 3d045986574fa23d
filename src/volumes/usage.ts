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
  #nodes: ReadonlyMap<string, NodeUsage> = new Map();

  /**
   * Each limited node's volumes from the running pods, reusing a node's entry while the same pods run on it.
   *
   * @param objects - the storage objects (entries read with other objects are dropped)
   * @param boundPods - the running pods
   * @param limits - the limited nodes
   * @param read - a pod's volumes
   * @returns node → its entry
   */
  usage(
    objects: VolumeObjects,
    boundPods: readonly Pod[],
    limits: ReadonlyMap<string, unknown>,
    read: (pod: Pod) => DriverVolumes,
  ): ReadonlyMap<string, NodeUsage> {
    if (objects !== this.#objects) {
      this.#objects = objects;
      this.#boundPods = [];
      this.#nodes = new Map();
    } else if (samePods(this.#boundPods, boundPods)) {
      // A long-lived cluster lists its running pods afresh each run: the same pods are the same usage.
      this.#boundPods = boundPods;
      return this.#nodes;
    }
    const previous = this.#nodes;
    const nodes = new Map<string, NodeUsage>();
    for (const [node, pods] of podsByLimitedNode(boundPods, limits)) {
      const seen = previous.get(node);
      nodes.set(node, seen !== undefined && samePods(seen.pods, pods) ? seen : { pods, volumes: volumesOfPods(pods, read) });
    }
    this.#boundPods = boundPods;
    this.#nodes = nodes;
    return nodes;
  }
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

function samePods(a: readonly Pod[], b: readonly Pod[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
  /** Node → its volumes: an entry of the shared usage until the run first adds to the node, then the run's own. */
  private readonly inUse: Map<string, DriverVolumes>;
  /** Nodes whose `inUse` entry is the run's own (the others are shared and never changed). */
  private readonly owned = new Set<string>();

  private constructor(
    private readonly index: VolumeIndex,
    private readonly limits: ReadonlyMap<string, ReadonlyMap<string, number>>,
    inUse: Map<string, DriverVolumes>,
  ) {
    this.inUse = inUse;
  }

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
    const inUse = new Map<string, DriverVolumes>();
    if (shared === undefined) {
      for (const [node, pods] of podsByLimitedNode(boundPods, limits)) inUse.set(node, volumesOfPods(pods, read));
    } else {
      for (const [node, usage] of shared.usage(objects, boundPods, limits, read)) inUse.set(node, usage.volumes);
    }
    return new NodeVolumeLimits(index, limits, inUse);
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
    const over = exceedsVolumeLimits(this.inUse.get(node) ?? NO_VOLUMES, limits, NodeVolumeLimits.volumesOf(this.index, pod));
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
    let own = this.inUse.get(node) as Map<string, Set<string>> | undefined;
    if (!this.owned.has(node)) {
      // Copy-on-write: the entry may be shared with other runs, so the run copies it before its first change.
      const copy = new Map<string, Set<string>>();
      for (const [driver, keys] of own ?? NO_VOLUMES) copy.set(driver, new Set(keys));
      this.inUse.set(node, (own = copy));
      this.owned.add(node);
    }
    addInto(own as Map<string, Set<string>>, added);
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

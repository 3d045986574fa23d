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

/**
 * The volume state of a run's existing nodes: limits from CSINodes, volumes from the pods bound to each node,
 * updated as the run places pods. Mutable, owned by one run. New node claims have no limit (upstream core
 * checks volume limits on existing nodes only).
 * @category Volumes
 */
export class NodeVolumeLimits {
  /** Consolidation builds one state per simulation from the same objects and pods: both are read once per plan. */
  private static readonly indexes = new WeakMap<VolumeObjects, VolumeIndex>();
  private static readonly podVolumes = new WeakMap<VolumeIndex, WeakMap<Pod, DriverVolumes>>();
  private readonly inUse = new Map<string, Map<string, Set<string>>>();

  private constructor(
    private readonly index: VolumeIndex,
    private readonly limits: ReadonlyMap<string, ReadonlyMap<string, number>>,
  ) {}

  /**
   * The state for one run, or undefined when no CSINode sets a limit (nothing to check).
   *
   * @param objects - the storage objects (undefined: volumes are not looked at)
   * @param boundPods - pods already on nodes (`spec.nodeName`)
   * @returns the state
   */
  static build(objects: VolumeObjects | undefined, boundPods: readonly Pod[]): NodeVolumeLimits | undefined {
    if (objects === undefined) return undefined;
    const limits = new Map<string, ReadonlyMap<string, number>>();
    for (const csiNode of objects.csiNodes ?? []) {
      const own = csiNodeLimits(csiNode);
      if (own.size > 0) limits.set(csiNode.metadata.name ?? "", own);
    }
    if (limits.size === 0) return undefined;
    let index = NodeVolumeLimits.indexes.get(objects);
    if (index === undefined) NodeVolumeLimits.indexes.set(objects, (index = indexVolumeObjects(objects)));
    const state = new NodeVolumeLimits(index, limits);
    for (const pod of boundPods) if (limits.has(pod.spec.nodeName ?? "")) state.add(pod.spec.nodeName ?? "", pod);
    return state;
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
    const over = exceedsVolumeLimits(this.inUse.get(node) ?? new Map(), limits, this.volumesOf(pod));
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
    let own = this.inUse.get(node);
    if (own === undefined) this.inUse.set(node, (own = new Map()));
    addInto(own, this.volumesOf(pod));
  }

  private volumesOf(pod: Pod): DriverVolumes {
    let byPod = NodeVolumeLimits.podVolumes.get(this.index);
    if (byPod === undefined) NodeVolumeLimits.podVolumes.set(this.index, (byPod = new WeakMap()));
    let volumes = byPod.get(pod);
    if (volumes === undefined) byPod.set(pod, (volumes = podDriverVolumes(pod, this.index)));
    return volumes;
  }
}

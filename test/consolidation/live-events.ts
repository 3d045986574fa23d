/**
 * Random watch events for the long-lived Cluster's law (issue 13, storage from issue 15), and a reference
 * model of what a Cluster should hold after them: a map per kind, kept apart from the Cluster's own code so
 * the law does not trust `Cluster.snapshot()`.
 */
import { fc } from "@fast-check/vitest";
import type { ClusterEvent, ClusterKinds, ClusterObjects, ClusterSnapshot, ConsolidationInput } from "../../src/consolidation/index.js";
import type { DaemonSet, Node, Pod } from "../../src/types/kubernetes.js";
import { claim as volumeClaim, csiNode, storageClass, volume } from "../volumes/fixtures.js";
import { node, NOW, pod, pool } from "./fixtures.js";

/** One random step: an operation and two choices. */
export interface Step {
  readonly op: number;
  readonly i: number;
  readonly j: number;
}

/** A random step (see {@link eventOf}). */
export const step: fc.Arbitrary<Step> = fc.record({ op: fc.integer({ min: 0, max: 17 }), i: fc.nat(), j: fc.nat() });

/** Storage seeds: random choices for the claims, volumes, classes, limits and claim pods a snapshot starts with. */
export const storageSeeds: fc.Arbitrary<number[]> = fc.array(fc.nat(), { minLength: 16, maxLength: 16 });

const STORAGE: ReadonlySet<string> = new Set(["PersistentVolumeClaim", "PersistentVolume", "StorageClass", "CSINode"]);
const NAMESPACED: ReadonlySet<string> = new Set(["Pod", "DaemonSet", "PodDisruptionBudget", "PersistentVolumeClaim"]);

/** What a Cluster should hold: each kind's objects by key, and whether it follows storage. */
export class Reference {
  readonly #kinds = new Map<string, Map<string, unknown>>();
  #followsStorage = false;

  constructor(snapshot: ClusterSnapshot) {
    const put = (kind: keyof ClusterKinds, list: readonly unknown[] | undefined): void => {
      for (const object of list ?? []) this.apply({ type: "ADDED", kind, object } as ClusterEvent);
    };
    put("Pod", snapshot.pods);
    put("Pod", snapshot.boundPods);
    put("Node", snapshot.nodes);
    put("NodeClaim", snapshot.nodeClaims);
    put("NodePool", snapshot.nodePools);
    put("DaemonSet", snapshot.daemonSets);
    put("PodDisruptionBudget", snapshot.podDisruptionBudgets);
    if (snapshot.volumes !== undefined) {
      this.#followsStorage = true;
      put("PersistentVolumeClaim", snapshot.volumes.persistentVolumeClaims);
      put("PersistentVolume", snapshot.volumes.persistentVolumes);
      put("StorageClass", snapshot.volumes.storageClasses);
      put("CSINode", snapshot.volumes.csiNodes);
    }
  }

  apply(event: ClusterEvent): void {
    const meta = event.object.metadata;
    const key = NAMESPACED.has(event.kind) ? `${meta.namespace ?? "default"}/${meta.name ?? ""}` : (meta.name ?? "");
    let objects = this.#kinds.get(event.kind);
    if (objects === undefined) this.#kinds.set(event.kind, (objects = new Map()));
    if (event.type === "DELETED") objects.delete(key);
    else objects.set(key, structuredClone(event.object));
    if (STORAGE.has(event.kind)) this.#followsStorage = true;
  }

  #list<K extends keyof ClusterKinds>(kind: K): ClusterKinds[K][] {
    const objects = this.#kinds.get(kind) ?? new Map<string, unknown>();
    return [...objects.keys()].sort().map((key) => objects.get(key) as ClusterKinds[K]);
  }

  /** The objects, each kind in key order, as `Cluster.snapshot()` should give them. */
  objects(): ClusterObjects {
    const volumes = {
      persistentVolumeClaims: this.#list("PersistentVolumeClaim"),
      persistentVolumes: this.#list("PersistentVolume"),
      storageClasses: this.#list("StorageClass"),
      csiNodes: this.#list("CSINode"),
    };
    return {
      pods: this.#list("Pod"),
      nodes: this.#list("Node"),
      nodeClaims: this.#list("NodeClaim"),
      nodePools: this.#list("NodePool"),
      daemonSets: this.#list("DaemonSet"),
      podDisruptionBudgets: this.#list("PodDisruptionBudget"),
      ...(this.#followsStorage ? { volumes } : {}),
    };
  }
}

/**
 * The cluster's objects with storage: the four claims, their volumes, both classes, limits on three nodes and
 * four pods with claims, each as the seeds pick it, in a snapshot that follows storage.
 *
 * @param input - the cluster without storage
 * @param seeds - the choices
 * @returns the snapshot
 */
export function seeded(input: ConsolidationInput, seeds: readonly number[]): ClusterSnapshot {
  const scratch = new Reference({ ...input, volumes: {} });
  const r = (k: number): number => seeds[k] ?? 0;
  const steps = [
    ...[0, 1, 2, 3].map((k) => ({ op: 9, i: r(k), j: k })),
    ...[0, 1, 2, 3].map((k) => ({ op: 10, i: r(4 + k), j: k })),
    { op: 11, i: 1 + 2 * r(8), j: 0 },
    { op: 11, i: 1, j: 1 },
    ...[0, 1, 2].map((k) => ({ op: 12, i: k, j: r(9 + k) })),
    ...[0, 1, 2, 3].map((k) => ({ op: 14, i: 0, j: r(12 + k) })),
  ];
  steps.forEach((s, n) => {
    const event = storageEventOf(s, scratch.objects(), 100 + n);
    if (event !== undefined) scratch.apply(event);
  });
  return scratch.objects();
}

const DRIVER = "ebs.csi.aws.com";
const ZONES = ["test-zone-1", "test-zone-2"] as const;

/** A pending pod using claim `data-k` (and `data-k+1` on odd j): the storage events decide where it may go. */
function claimPod(n: number, j: number): Pod {
  const p = pod(`db-${n}`, { cpu: "500m" });
  const names = j % 2 === 0 ? [`data-${j % 4}`] : [`data-${j % 4}`, `data-${(j + 1) % 4}`];
  return { ...p, spec: { ...p.spec, volumes: names.map((claimName, k) => ({ name: `v-${k}`, persistentVolumeClaim: { claimName } })) } };
}

/**
 * A pod asking for Dynamic Resource Allocation (op 16: never scheduled), or a DaemonSet whose pods ask for it or
 * not (op 17: overhead only when they do not).
 */
function draEventOf(s: Step, n: number): ClusterEvent {
  if (s.op === 16) {
    const p = pod(`gpu-${n}`, { cpu: "250m" });
    return { type: "ADDED", kind: "Pod", object: { ...p, spec: { ...p.spec, resourceClaims: [{ name: "gpu" }] } } };
  }
  const dra = s.j % 2 === 0;
  const daemon: DaemonSet = {
    metadata: { name: "gpu-agent", namespace: "default" },
    spec: {
      template: {
        metadata: {},
        spec: {
          ...(dra ? { resourceClaims: [{ name: "gpu" }] } : {}),
          containers: [{ name: "a", resources: { requests: { cpu: ["100m", "1"][s.i % 2] as string } } }],
        },
      },
    },
  };
  return { type: s.i % 3 === 0 ? "DELETED" : "ADDED", kind: "DaemonSet", object: daemon };
}

/** A storage event (ops 9 to 15), or undefined when it does not apply. */
function storageEventOf(s: Step, objects: ClusterObjects, n: number): ClusterEvent | undefined {
  const k = s.j % 4;
  switch (s.op) {
    case 9:
      // Bound to pv-k, or waiting for its first consumer in class `wffc` (or a class that binds Immediately).
      return {
        type: "ADDED",
        kind: "PersistentVolumeClaim",
        object:
          s.i % 3 === 0 ? volumeClaim(`data-${k}`, { volumeName: `pv-${k}` }) : volumeClaim(`data-${k}`, { storageClassName: s.i % 3 === 1 ? "wffc" : "now" }),
      };
    case 10:
      return { type: "ADDED", kind: "PersistentVolume", object: volume(`pv-${k}`, { zones: [ZONES[s.i % 2] as string], driver: DRIVER }) };
    case 11:
      return {
        type: s.i % 4 === 0 ? "DELETED" : "ADDED",
        kind: "StorageClass",
        object:
          s.j % 2 === 0
            ? storageClass("wffc", { provisioner: DRIVER, bindingMode: "WaitForFirstConsumer", zones: [ZONES[s.i % 2] as string] })
            : storageClass("now", { provisioner: DRIVER }),
      };
    case 12: {
      // A few nodes only, so that limits are set, changed and removed on the same node.
      const x = objects.nodes.length === 0 ? undefined : objects.nodes[s.i % Math.min(3, objects.nodes.length)];
      return x === undefined ? undefined : { type: "ADDED", kind: "CSINode", object: csiNode(x.metadata.name ?? "", DRIVER, s.j % 3) };
    }
    case 13: {
      const v = objects.volumes;
      const all = [
        ...(v?.persistentVolumeClaims ?? []).map((object): ClusterEvent => ({ type: "DELETED", kind: "PersistentVolumeClaim", object })),
        ...(v?.persistentVolumes ?? []).map((object): ClusterEvent => ({ type: "DELETED", kind: "PersistentVolume", object })),
        ...(v?.csiNodes ?? []).map((object): ClusterEvent => ({ type: "DELETED", kind: "CSINode", object })),
      ];
      return all.length === 0 ? undefined : all[s.i % all.length];
    }
    default:
      return { type: "ADDED", kind: "Pod", object: claimPod(n, s.j) };
  }
}

/**
 * Turns a random step into an event over the current objects (or undefined when it does not apply): ops 0 to 8
 * pods, nodes, claims, budgets and pools; 9 to 15 storage and pods with claims; 16 and 17 DRA.
 *
 * @param s - the step
 * @param objects - the objects now
 * @param n - the step's position, for new names
 * @returns the event
 */
export function eventOf(s: Step, objects: ClusterObjects, n: number): ClusterEvent | undefined {
  if (s.op >= 16) return draEventOf(s, n);
  if (s.op >= 9) return storageEventOf(s, objects, n);
  const at = <T>(list: readonly T[], k: number): T | undefined => (list.length === 0 ? undefined : list[k % list.length]);
  switch (s.op) {
    case 0:
      return { type: "ADDED", kind: "Pod", object: pod(`new-${n}`, { cpu: ["100m", "500m", "2"][s.j % 3] as string }) };
    case 1: {
      const p = at(objects.pods, s.i);
      return p === undefined ? undefined : { type: "DELETED", kind: "Pod", object: p };
    }
    case 2: {
      const p = at(
        objects.pods.filter((x) => x.spec.nodeName === undefined),
        s.i,
      );
      const target = at(objects.nodes, s.j);
      // A scheduler binding a pending pod: MODIFIED with spec.nodeName.
      return p === undefined || target === undefined
        ? undefined
        : { type: "MODIFIED", kind: "Pod", object: { ...p, spec: { ...p.spec, nodeName: target.metadata.name } } };
    }
    case 3: {
      const x = at(objects.nodes, s.i);
      return x === undefined ? undefined : { type: "DELETED", kind: "Node", object: x };
    }
    case 4:
      return {
        type: "ADDED",
        kind: "Node",
        object: node(`added-${n}`, { type: ["c-1x", "c-4x", "c-8x"][s.j % 3] as string, zone: s.j % 2 === 0 ? "test-zone-1" : "test-zone-2" }),
      };
    case 5: {
      const x = at(objects.nodes, s.i);
      if (x === undefined) return undefined;
      const marked: Node = { ...x, metadata: { ...x.metadata, deletionTimestamp: NOW } };
      return { type: "MODIFIED", kind: "Node", object: marked };
    }
    case 6: {
      const c = at(objects.nodeClaims, s.i);
      return c === undefined ? undefined : { type: "DELETED", kind: "NodeClaim", object: c };
    }
    case 7: {
      const b = at(objects.podDisruptionBudgets, s.i);
      return b === undefined ? undefined : { type: "DELETED", kind: "PodDisruptionBudget", object: b };
    }
    case 8:
      return {
        type: "MODIFIED",
        kind: "NodePool",
        object: pool("default", { consolidateAfter: s.j % 2 === 0 ? "0s" : "10m", capacityTypes: ["spot", "on-demand"] }),
      };
    default:
      return undefined;
  }
}

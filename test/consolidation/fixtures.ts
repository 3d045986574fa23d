/**
 * Builders for consolidation tests: a small priced catalogue, NodePools, nodes and pods.
 */
import { createInstanceType, type InstanceType } from "../../src/instance-types/index.js";
import type { Budget, Node, NodeClaim, NodePool, Pod, StringMap, Toleration } from "../../src/types/kubernetes.js";

export const NOW = "2024-06-01T12:00:00Z";
export const NOW_MS: number = Date.parse(NOW);
export const LONG_AGO = "2024-05-01T00:00:00Z";

/** cpu, memory (Gi), on-demand price; spot is 30% of it. Two zones. */
const SHAPES: readonly (readonly [string, number, number, number])[] = [
  ["c-1x", 1, 2, 0.05],
  ["c-2x", 2, 4, 0.1],
  ["c-4x", 4, 8, 0.2],
  ["c-8x", 8, 16, 0.4],
  ["c-16x", 16, 32, 0.8],
];

export function catalog(shapes: readonly (readonly [string, number, number, number])[] = SHAPES): InstanceType[] {
  return shapes.map(([name, cpu, mem, price]) =>
    createInstanceType({
      name,
      labels: { "kubernetes.io/arch": "amd64", "kubernetes.io/os": "linux" },
      capacity: { cpu: String(cpu), memory: `${mem}Gi`, pods: "110" },
      offerings: ["test-zone-1", "test-zone-2"].flatMap((zone) => [
        { zone, capacityType: "on-demand", price },
        { zone, capacityType: "spot", price: Math.round(price * 30) / 100 },
      ]),
    }),
  );
}

export interface PoolOptions {
  readonly policy?: string;
  readonly consolidateAfter?: string;
  readonly budgets?: readonly Budget[];
  readonly replicas?: number;
  readonly capacityTypes?: readonly string[];
  readonly labels?: StringMap;
  readonly expireAfter?: string;
  readonly weight?: number;
}

export function pool(name: string, o: PoolOptions = {}): NodePool {
  return {
    metadata: { name },
    spec: {
      template: {
        ...(o.labels === undefined ? {} : { metadata: { labels: o.labels } }),
        spec: {
          requirements: [{ key: "karpenter.sh/capacity-type", operator: "In", values: [...(o.capacityTypes ?? ["on-demand"])] }],
          ...(o.expireAfter === undefined ? {} : { expireAfter: o.expireAfter }),
        },
      },
      ...(o.replicas === undefined ? {} : { replicas: o.replicas }),
      ...(o.weight === undefined ? {} : { weight: o.weight }),
      disruption: {
        consolidationPolicy: o.policy ?? "WhenEmptyOrUnderutilized",
        consolidateAfter: o.consolidateAfter ?? "0s",
        ...(o.budgets === undefined ? { budgets: [{ nodes: "100%" }] } : { budgets: o.budgets }),
      },
    },
  };
}

export interface NodeOptions {
  readonly pool?: string | null;
  readonly type?: string;
  readonly zone?: string;
  readonly capacityType?: string;
  readonly created?: string;
  readonly labels?: StringMap;
  readonly annotations?: StringMap;
  readonly ready?: boolean;
  readonly initialized?: boolean;
  readonly deleting?: boolean;
}

const CPU: ReadonlyMap<string, number> = new Map(SHAPES.map(([n, c]) => [n, c]));

export function node(name: string, o: NodeOptions = {}): Node {
  const type = o.type ?? "c-2x";
  const cpu = CPU.get(type) ?? 2;
  const poolName = o.pool === undefined ? "default" : o.pool;
  return {
    metadata: {
      name,
      creationTimestamp: o.created ?? LONG_AGO,
      labels: {
        "node.kubernetes.io/instance-type": type,
        "topology.kubernetes.io/zone": o.zone ?? "test-zone-1",
        "karpenter.sh/capacity-type": o.capacityType ?? "on-demand",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/os": "linux",
        "kubernetes.io/hostname": name,
        ...(poolName === null ? {} : { "karpenter.sh/nodepool": poolName }),
        ...(o.initialized === false ? {} : { "karpenter.sh/initialized": "true" }),
        ...o.labels,
      },
      ...(o.annotations === undefined ? {} : { annotations: o.annotations }),
      ...(o.deleting === true ? { deletionTimestamp: NOW } : {}),
    },
    status: {
      allocatable: { cpu: String(cpu), memory: `${cpu * 2}Gi`, pods: "110" },
      capacity: { cpu: String(cpu), memory: `${cpu * 2}Gi`, pods: "110" },
      conditions: [{ type: "Ready", status: o.ready === false ? "False" : "True" }],
    },
  };
}

export function claim(
  nodeName: string,
  o: { lastPodEventTime?: string; expireAfter?: string; conditions?: { type: string; status: string }[] } = {},
): NodeClaim {
  return {
    metadata: { name: `claim-${nodeName}`, creationTimestamp: LONG_AGO },
    spec: o.expireAfter === undefined ? {} : { expireAfter: o.expireAfter },
    status: {
      nodeName,
      ...(o.lastPodEventTime === undefined ? {} : { lastPodEventTime: o.lastPodEventTime }),
      ...(o.conditions === undefined ? {} : { conditions: o.conditions }),
    },
  };
}

export interface PodOptions {
  readonly node?: string;
  readonly cpu?: string;
  readonly memory?: string;
  readonly labels?: StringMap;
  readonly annotations?: StringMap;
  readonly owner?: string;
  readonly priority?: number;
  readonly phase?: string;
  readonly namespace?: string;
  readonly created?: string;
  readonly tolerations?: readonly Toleration[];
}

export function pod(name: string, o: PodOptions = {}): Pod {
  return {
    metadata: {
      name,
      namespace: o.namespace ?? "default",
      uid: `uid-${o.namespace ?? "default"}-${name}`,
      creationTimestamp: o.created ?? LONG_AGO,
      labels: o.labels ?? { app: name.replace(/-[0-9]+$/, "") },
      ...(o.annotations === undefined ? {} : { annotations: o.annotations }),
      ...(o.owner === undefined
        ? { ownerReferences: [{ kind: "ReplicaSet", name: "rs", controller: true }] }
        : { ownerReferences: [{ kind: o.owner, name: "owner", controller: true }] }),
    },
    spec: {
      ...(o.node === undefined ? {} : { nodeName: o.node }),
      containers: [{ name: "c", resources: { requests: { cpu: o.cpu ?? "500m", memory: o.memory ?? "512Mi" } } }],
      ...(o.priority === undefined ? {} : { priority: o.priority }),
      ...(o.tolerations === undefined ? {} : { tolerations: [...o.tolerations] }),
    },
    status: { phase: o.phase ?? (o.node === undefined ? "Pending" : "Running") },
  };
}

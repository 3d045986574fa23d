/**
 * Builders for consolidation tests: a small priced catalogue, and NodePools, nodes and pods with this suite's defaults,
 * built by nodefit/testing's builders.
 */
import { createInstanceType, type InstanceType } from "../../src/instance-types/index.js";
import * as builders from "../../src/testing/builders.js";
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
  const { policy, consolidateAfter, budgets, capacityTypes, ...rest } = o;
  return builders.nodePool(name, {
    ...rest,
    requirements: [{ key: "karpenter.sh/capacity-type", operator: "In", values: [...(capacityTypes ?? ["on-demand"])] }],
    disruption: {
      consolidationPolicy: policy ?? "WhenEmptyOrUnderutilized",
      consolidateAfter: consolidateAfter ?? "0s",
      budgets: budgets ?? [{ nodes: "100%" }],
    },
  });
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
  return builders.node(name, {
    created: o.created ?? LONG_AGO,
    labels: {
      "node.kubernetes.io/instance-type": type,
      "topology.kubernetes.io/zone": o.zone ?? "test-zone-1",
      "karpenter.sh/capacity-type": o.capacityType ?? "on-demand",
      "kubernetes.io/arch": "amd64",
      "kubernetes.io/os": "linux",
      ...(poolName === null ? {} : { "karpenter.sh/nodepool": poolName }),
      ...(o.initialized === false ? {} : { "karpenter.sh/initialized": "true" }),
      ...o.labels,
    },
    ...(o.annotations === undefined ? {} : { annotations: o.annotations }),
    ...(o.deleting === true ? { deleting: true, deletedAt: NOW } : {}),
    allocatable: { cpu: String(cpu), memory: `${cpu * 2}Gi`, pods: "110" },
    ready: o.ready !== false,
  });
}

export function claim(
  nodeName: string,
  o: { lastPodEventTime?: string; expireAfter?: string; conditions?: { type: string; status: string }[] } = {},
): NodeClaim {
  return builders.nodeClaim(`claim-${nodeName}`, { ...o, created: LONG_AGO, nodeName });
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
  const namespace = o.namespace ?? "default";
  return builders.pod(name, {
    namespace,
    uid: `uid-${namespace}-${name}`,
    created: o.created ?? LONG_AGO,
    labels: o.labels ?? { app: name.replace(/-[0-9]+$/, "") },
    ...(o.annotations === undefined ? {} : { annotations: o.annotations }),
    ownerReferences: [o.owner === undefined ? { kind: "ReplicaSet", name: "rs", controller: true } : { kind: o.owner, name: "owner", controller: true }],
    containerName: "c",
    requests: { cpu: o.cpu ?? "500m", memory: o.memory ?? "512Mi" },
    ...(o.node === undefined ? {} : { nodeName: o.node }),
    ...(o.priority === undefined ? {} : { priority: o.priority }),
    ...(o.tolerations === undefined ? {} : { tolerations: [...o.tolerations] }),
    phase: o.phase ?? (o.node === undefined ? "Pending" : "Running"),
  });
}

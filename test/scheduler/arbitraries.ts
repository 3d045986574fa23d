/**
 * fast-check arbitraries for whole scheduling inputs: catalogues (upstream's fake fixture or random ones),
 * NodePools, existing nodes and pods with requests, selectors, tolerations, host ports, spread and
 * anti-affinity.
 */
import { fc } from "@fast-check/vitest";
import type { InstanceType } from "../../src/instance-types/index.js";
import { arbCatalog } from "../../src/testing/arbitraries/instance-types.js";
import { fakeInstanceTypes } from "../../src/testing/fake-catalog.js";
import type { DaemonSet, Node, NodePool, Pod } from "../../src/types/kubernetes.js";

export const ZONES: readonly string[] = ["a", "b", "test-zone-1", "test-zone-2"];
export const ZONE = "topology.kubernetes.io/zone";
export const HOSTNAME = "kubernetes.io/hostname";

export interface Scenario {
  readonly pods: readonly Pod[];
  readonly nodePools: readonly NodePool[];
  readonly instanceTypes: readonly InstanceType[];
  readonly nodes: readonly Node[];
  readonly boundPods: readonly Pod[];
  readonly daemonSets: readonly DaemonSet[];
}

const arbPodShape = fc.record({
  cpu: fc.integer({ min: 0, max: 3000 }),
  memoryMi: fc.integer({ min: 0, max: 3000 }),
  zone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
  tolerate: fc.boolean(),
  hostPort: fc.option(fc.constantFrom(80, 81), { nil: undefined }),
  spread: fc.option(fc.constantFrom(ZONE, HOSTNAME), { nil: undefined, freq: 3 }),
  antiAffinity: fc.boolean(),
  app: fc.constantFrom("x", "y"),
  preferZone: fc.option(fc.constantFrom(...ZONES), { nil: undefined, freq: 3 }),
});

type PodShape = typeof arbPodShape extends fc.Arbitrary<infer T> ? T : never;

function makePod(i: number, s: PodShape, nodeName?: string): Pod {
  return {
    metadata: { name: `p-${i}`, namespace: "default", uid: `uid-${i}`, labels: { app: s.app }, creationTimestamp: "2025-01-01T00:00:00Z" },
    spec: {
      containers: [
        {
          name: "c",
          resources: { requests: { cpu: `${s.cpu}m`, memory: `${s.memoryMi}Mi` } },
          ...(s.hostPort !== undefined ? { ports: [{ containerPort: s.hostPort, hostPort: s.hostPort }] } : {}),
        },
      ],
      ...(s.zone !== undefined ? { nodeSelector: { [ZONE]: s.zone } } : {}),
      ...(s.tolerate ? { tolerations: [{ key: "dedicated", operator: "Exists" }] } : {}),
      ...(s.spread !== undefined
        ? { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: s.spread, whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: s.app } } }] }
        : {}),
      ...(s.antiAffinity || s.preferZone !== undefined
        ? {
            affinity: {
              ...(s.antiAffinity
                ? { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: HOSTNAME, labelSelector: { matchLabels: { app: s.app } } }] } }
                : {}),
              ...(s.preferZone !== undefined
                ? { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [{ key: ZONE, operator: "In", values: [s.preferZone] }] } }] } }
                : {}),
            },
          }
        : {}),
      ...(nodeName !== undefined ? { nodeName } : {}),
    },
  };
}

const arbNodePool = (name: string): fc.Arbitrary<NodePool> =>
  fc
    .record({
      taint: fc.boolean(),
      zones: fc.option(fc.subarray([...ZONES], { minLength: 1 }), { nil: undefined }),
      cpuLimit: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      weight: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ taint, zones, cpuLimit, weight }) => ({
      metadata: { name },
      spec: {
        weight,
        template: {
          spec: {
            requirements: zones ? [{ key: ZONE, operator: "In", values: zones }] : [],
            taints: taint ? [{ key: "dedicated", value: "x", effect: "NoSchedule" }] : [],
          },
        },
        ...(cpuLimit !== undefined ? { limits: { cpu: String(cpuLimit) } } : {}),
      },
    }));

const arbNode = (i: number): fc.Arbitrary<Node> =>
  fc.record({ zone: fc.constantFrom(...ZONES), cpu: fc.integer({ min: 0, max: 4 }), taint: fc.boolean() }).map(({ zone, cpu, taint }) => ({
    metadata: { name: `node-${i}`, labels: { [ZONE]: zone, [HOSTNAME]: `node-${i}` } },
    spec: { taints: taint ? [{ key: "dedicated", value: "x", effect: "NoSchedule" }] : [] },
    status: { allocatable: { cpu: String(cpu), memory: "4Gi", pods: "10" }, capacity: { cpu: String(cpu), memory: "4Gi", pods: "10" } },
  }));

const arbDaemonSet: fc.Arbitrary<DaemonSet> = fc.integer({ min: 0, max: 500 }).map((cpu) => ({
  metadata: { name: "ds", namespace: "kube-system" },
  spec: { template: { spec: { containers: [{ name: "d", resources: { requests: { cpu: `${cpu}m` } } }] } } },
}));

/** A whole scheduling input. */
export const arbScenario: fc.Arbitrary<Scenario> = fc
  .record({
    catalogue: fc.oneof(fc.constant(null), arbCatalog(5)),
    pools: fc.integer({ min: 1, max: 2 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbNodePool(`pool-${i}`)))),
    nodes: fc.integer({ min: 0, max: 2 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbNode(i)))),
    pods: fc.array(arbPodShape, { maxLength: 12 }),
    bound: fc.array(fc.tuple(arbPodShape, fc.nat(1)), { maxLength: 3 }),
    daemonSets: fc.array(arbDaemonSet, { maxLength: 1 }),
  })
  .map(({ catalogue, pools, nodes, pods, bound, daemonSets }) => ({
    instanceTypes: catalogue ?? fakeInstanceTypes(),
    nodePools: pools,
    nodes,
    pods: pods.map((s, i) => makePod(i, s)),
    boundPods: nodes.length === 0 ? [] : bound.map(([s, n], i) => makePod(100 + i, s, `node-${n % nodes.length}`)),
    daemonSets,
  }));

/** Freezes plain objects and arrays recursively (Maps and class instances are left alone). */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return value;
  Object.freeze(value);
  for (const v of Object.values(value as object)) deepFreeze(v);
  return value;
}

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
  antiAffinityKey: fc.constantFrom(HOSTNAME, HOSTNAME, ZONE),
  podAffinity: fc.option(fc.record({ app: fc.constantFrom("x", "y"), key: fc.constantFrom(HOSTNAME, ZONE) }), { nil: undefined, freq: 5 }),
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
        ? {
            topologySpreadConstraints: [
              { maxSkew: 1, topologyKey: s.spread, whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: s.app } } },
            ],
          }
        : {}),
      ...(s.antiAffinity || s.preferZone !== undefined || s.podAffinity !== undefined
        ? {
            affinity: {
              ...(s.antiAffinity
                ? {
                    podAntiAffinity: {
                      requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: s.antiAffinityKey, labelSelector: { matchLabels: { app: s.app } } }],
                    },
                  }
                : {}),
              ...(s.podAffinity !== undefined
                ? {
                    podAffinity: {
                      requiredDuringSchedulingIgnoredDuringExecution: [
                        { topologyKey: s.podAffinity.key, labelSelector: { matchLabels: { app: s.podAffinity.app } } },
                      ],
                    },
                  }
                : {}),
              ...(s.preferZone !== undefined
                ? {
                    nodeAffinity: {
                      preferredDuringSchedulingIgnoredDuringExecution: [
                        { weight: 10, preference: { matchExpressions: [{ key: ZONE, operator: "In", values: [s.preferZone] }] } },
                      ],
                    },
                  }
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

const arbSpreadPod = fc.record({
  cpu: fc.integer({ min: 0, max: 2500 }),
  hostPort: fc.option(fc.constant(80), { nil: undefined, freq: 4 }),
  tolerate: fc.boolean(),
  web: fc.boolean(),
});

/** Zone spread parameters shared by every `app=web` pod of a {@link arbSpreadScenario}. */
export interface SpreadScenario extends Scenario {
  readonly zoneSkew: number;
  /** When set, every `app=web` pod also spreads over hostnames with this maxSkew. */
  readonly hostnameSkew: number | undefined;
}

/**
 * Inputs where every `app=web` pod carries the same DoNotSchedule zone spread (and maybe a hostname spread), with
 * no node selectors, so the skew bound can be checked on the result; `app=other` pods are noise.
 */
export const arbSpreadScenario: fc.Arbitrary<SpreadScenario> = fc
  .record({
    catalogue: fc.oneof(fc.constant(null), arbCatalog(5)),
    pools: fc.integer({ min: 1, max: 2 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbNodePool(`pool-${i}`)))),
    nodes: fc.integer({ min: 0, max: 2 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbNode(i)))),
    zoneSkew: fc.integer({ min: 1, max: 2 }),
    hostnameSkew: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    pods: fc.array(arbSpreadPod, { minLength: 1, maxLength: 10 }),
    bound: fc.array(fc.tuple(fc.boolean(), fc.nat(1)), { maxLength: 3 }),
  })
  .map(({ catalogue, pools, nodes, zoneSkew, hostnameSkew, pods, bound }) => {
    const spreadPod = (i: number, s: typeof arbSpreadPod extends fc.Arbitrary<infer T> ? T : never): Pod => ({
      metadata: { name: `p-${i}`, namespace: "default", uid: `uid-${i}`, labels: { app: s.web ? "web" : "other" }, creationTimestamp: "2025-01-01T00:00:00Z" },
      spec: {
        containers: [{ name: "c", resources: { requests: { cpu: `${s.cpu}m` } }, ...(s.hostPort !== undefined ? { ports: [{ hostPort: s.hostPort }] } : {}) }],
        ...(s.tolerate ? { tolerations: [{ key: "dedicated", operator: "Exists" }] } : {}),
        ...(s.web
          ? {
              topologySpreadConstraints: [
                { maxSkew: zoneSkew, topologyKey: ZONE, whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "web" } } },
                ...(hostnameSkew !== undefined
                  ? [{ maxSkew: hostnameSkew, topologyKey: HOSTNAME, whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "web" } } }]
                  : []),
              ],
            }
          : {}),
      },
    });
    return {
      instanceTypes: catalogue ?? fakeInstanceTypes(),
      nodePools: pools,
      nodes,
      zoneSkew,
      hostnameSkew,
      pods: pods.map((s, i) => spreadPod(i, s)),
      boundPods:
        nodes.length === 0
          ? []
          : bound.map(
              ([web, n], i): Pod => ({
                metadata: { name: `b-${i}`, namespace: "default", uid: `uid-b-${i}`, labels: { app: web ? "web" : "other" } },
                spec: { nodeName: `node-${n % nodes.length}`, containers: [{ name: "c" }] },
              }),
            ),
      daemonSets: [],
    };
  });

// Workload generators for the benchmark suite. Each mirrors a workload from upstream's scheduling
// benchmark or from DESIGN.md, built from a seeded generator so every run schedules the same pods.
import type { NodePool, Pod, PodAffinityTerm, TopologySpreadConstraint } from "nodefit";

/** A small, fast, seedable PRNG (mulberry32): benchmarks must not depend on Math.random. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CPUS = ["100m", "250m", "500m", "1", "1.5"] as const;
const MEMORIES = ["100Mi", "256Mi", "512Mi", "1Gi", "2Gi", "4Gi"] as const;
const LABEL_VALUES = ["a", "b", "c", "d", "e", "f", "g"] as const;
const ZONE = "topology.kubernetes.io/zone";
const HOSTNAME = "kubernetes.io/hostname";

function pick<T>(rand: () => number, values: readonly T[]): T {
  return values[Math.floor(rand() * values.length)] as T;
}

interface PodParts {
  readonly labels: Record<string, string>;
  readonly topologySpreadConstraints?: TopologySpreadConstraint[];
  readonly affinity?: Pod["spec"]["affinity"];
}

function makePod(rand: () => number, index: number, parts: PodParts): Pod {
  const name = `bench-${String(index).padStart(6, "0")}`;
  return {
    metadata: {
      name,
      namespace: "default",
      uid: name,
      labels: parts.labels,
      creationTimestamp: "2026-01-01T00:00:00Z",
    },
    spec: {
      containers: [{ name: "app", resources: { requests: { cpu: pick(rand, CPUS), memory: pick(rand, MEMORIES) } } }],
      ...(parts.topologySpreadConstraints ? { topologySpreadConstraints: parts.topologySpreadConstraints } : {}),
      ...(parts.affinity ? { affinity: parts.affinity } : {}),
    },
  };
}

const randomLabels = (rand: () => number): Record<string, string> => ({ "my-label": pick(rand, LABEL_VALUES) });

/**
 * Upstream's five-way diverse mix (`makeDiversePods`): generic, zonal spread, hostname spread, zonal
 * self-affinity and hostname anti-affinity (all anti-affinity pods share `app=nginx`, so each needs its
 * own node), one fifth each, the remainder generic.
 */
export function upstreamMix(count: number, seed = 42): Pod[] {
  const rand = seededRandom(seed);
  const fifth = Math.floor(count / 5);
  const pods: Pod[] = [];
  const push = (parts: PodParts): void => {
    pods.push(makePod(rand, pods.length, parts));
  };
  for (let i = 0; i < fifth; i++) push({ labels: randomLabels(rand) });
  for (const key of [ZONE, HOSTNAME]) {
    for (let i = 0; i < fifth; i++) {
      push({
        labels: randomLabels(rand),
        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: key, whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: randomLabels(rand) } }],
      });
    }
  }
  for (let i = 0; i < fifth; i++) {
    const labels = { "my-affinity": pick(rand, LABEL_VALUES) };
    const term: PodAffinityTerm = { labelSelector: { matchLabels: labels }, topologyKey: ZONE };
    push({ labels, affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } } });
  }
  for (let i = 0; i < fifth; i++) {
    const labels = { app: "nginx" };
    const term: PodAffinityTerm = { labelSelector: { matchLabels: labels }, topologyKey: HOSTNAME };
    push({ labels, affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } } });
  }
  while (pods.length < count) push({ labels: randomLabels(rand) });
  return pods;
}

/** How many pods of {@link upstreamMix} carry hostname anti-affinity: each needs a node of its own. */
export function antiAffinityPods(count: number): number {
  return Math.floor(count / 5);
}

/**
 * Upstream's preference benchmark: a satisfiable preferred zone affinity, an unsatisfiable preferred
 * zonal anti-affinity (weight 10) and a satisfiable preferred hostname anti-affinity (weight 1).
 */
export function preferencePods(count: number, seed = 42): Pod[] {
  const rand = seededRandom(seed);
  const pods: Pod[] = [];
  for (let i = 0; i < count; i++) {
    const labels = { app: "nginx" };
    pods.push(
      makePod(rand, i, {
        labels,
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 1, preference: { matchExpressions: [{ key: ZONE, operator: "In", values: ["test-zone-1"] }] } },
            ],
          },
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 10, podAffinityTerm: { labelSelector: { matchLabels: labels }, topologyKey: ZONE } },
              { weight: 1, podAffinityTerm: { labelSelector: { matchLabels: labels }, topologyKey: HOSTNAME } },
            ],
          },
        },
      }),
    );
  }
  return pods;
}

/** The benchmark NodePool: huge limits, every capacity type, as upstream's benchmark sets up. */
export function benchNodePool(name = "default", extra: Partial<NodePool["spec"]> = {}): NodePool {
  return {
    metadata: { name },
    spec: {
      template: {
        spec: {
          requirements: [{ key: "karpenter.sh/capacity-type", operator: "Exists" }],
        },
      },
      // Upstream's values (scheduling_benchmark_test.go). 10,000,000Gi is beyond 2^53 bytes; it is a multiple of
      // 2^30, so a float64 holds it exactly (deviation V4 says how other such amounts round).
      limits: { cpu: "10000000", memory: "10000000Gi" },
      ...extra,
    },
  };
}

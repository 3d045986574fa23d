// Issue 13's incremental figure: one new pending pod against a live `Cluster` that is already built (the
// consolidation benchmark's cluster: 1,000 nodes, ~15,000 running pods, 4 NodePools, 3 zones, without its
// pending pods, so each answer is about the one new pod). Each answer is an ADDED Pod event then
// `cluster.schedule()`; the pod is DELETED afterwards, so every answer starts from the same cluster. The pods
// vary: sizes, and in turn none, a zonal or hostname topology spread over an app that already runs, a
// required hostname anti-affinity to such an app, a zonal node affinity, a preferred pod affinity. The first
// answer of each shape must equal a fresh `schedule` of the same objects. Prints a
// line per shape and, last, one JSON line: median wall and CPU per answer (event plus schedule), the schedule
// call alone, the build, and peak RSS. `node --import tsx bench/one-pod.ts [nodes] [answers]`.
import { Cluster, schedule, toScheduleJson, type Pod } from "nodefit";
import { consolidationCluster } from "./consolidation-scenario.js";
import { seededRandom } from "./workloads.js";

/** What the one-pod benchmark reports. */
export interface OnePodFigures {
  readonly name: string;
  readonly nodes: number;
  readonly answers: number;
  /** Building the `Cluster` from the snapshot and its first `schedule` (the model built once). */
  readonly buildMs: number;
  /** Median wall time of one answer: the ADDED event and `schedule()`. */
  readonly medianMs: number;
  /** Median CPU time of one answer. */
  readonly medianCpuMs: number;
  /** 90th percentile wall time of one answer. */
  readonly p90Ms: number;
  /** Median wall time of the `schedule()` call alone. */
  readonly scheduleMedianMs: number;
  readonly peakRssMb: number;
}

const SHAPES = ["plain", "zone-spread", "hostname-spread", "anti-affinity", "zone-affinity", "preferred-affinity"] as const;
type Shape = (typeof SHAPES)[number];

/** A fresh pending pod of the given shape; `app` names a workload that already runs in the cluster. */
function incomingPod(i: number, shape: Shape, rand: () => number): Pod {
  const app = `svc-${Math.floor(rand() * 60)}`;
  const cpu = [100, 250, 500, 1000][Math.floor(rand() * 4)] as number;
  const memoryMi = [128, 256, 512, 1024][Math.floor(rand() * 4)] as number;
  const selector = { matchLabels: { app } };
  const spec: Pod["spec"] = { containers: [{ name: "app", resources: { requests: { cpu: `${cpu}m`, memory: `${memoryMi}Mi` } } }] };
  const zone = `test-zone-${1 + Math.floor(rand() * 3)}`;
  const shaped: Pod["spec"] =
    shape === "zone-spread"
      ? {
          ...spec,
          topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: selector }],
        }
      : shape === "hostname-spread"
        ? {
            ...spec,
            topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule", labelSelector: selector }],
          }
        : shape === "anti-affinity"
          ? {
              ...spec,
              affinity: {
                podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "kubernetes.io/hostname", labelSelector: selector }] },
              },
            }
          : shape === "zone-affinity"
            ? {
                ...spec,
                affinity: {
                  nodeAffinity: {
                    requiredDuringSchedulingIgnoredDuringExecution: {
                      nodeSelectorTerms: [{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: [zone] }] }],
                    },
                  },
                },
              }
            : shape === "preferred-affinity"
              ? {
                  ...spec,
                  affinity: {
                    podAffinity: {
                      preferredDuringSchedulingIgnoredDuringExecution: [
                        { weight: 50, podAffinityTerm: { topologyKey: "topology.kubernetes.io/zone", labelSelector: selector } },
                      ],
                    },
                  },
                }
              : spec;
  const name = `incoming-${String(i).padStart(5, "0")}`;
  return { metadata: { name, namespace: "default", uid: name, labels: { app } }, spec: shaped, status: { phase: "Pending" } };
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

function main(): void {
  const [sizeText = "1000", answersText = "300"] = process.argv.slice(2);
  const size = Number(sizeText);
  const answers = Number(answersText);
  const input = consolidationCluster(size);
  // Only the running pods: an answer is then about the one new pod.
  const snapshot = { ...input, pods: input.pods.filter((p) => p.spec.nodeName !== undefined) };
  const buildStart = performance.now();
  const cluster = Cluster.fromSnapshot(snapshot, input.instanceTypes);
  if (cluster.schedule().nodeClaims.length !== 0) throw new Error("the built cluster has pending pods");
  const buildMs = performance.now() - buildStart;
  const rand = seededRandom(5);
  const wall: number[] = [];
  const cpu: number[] = [];
  const scheduleWall: number[] = [];
  const byShape = new Map<Shape, number[]>();
  for (let i = 0; i < answers; i++) {
    const shape = SHAPES[i % SHAPES.length] as Shape;
    const pod = incomingPod(i, shape, rand);
    const key = `default/${pod.metadata.name}`;
    const start = performance.now();
    const before = process.cpuUsage();
    cluster.apply({ type: "ADDED", kind: "Pod", object: pod });
    const scheduleStart = performance.now();
    const result = cluster.schedule();
    const end = performance.now();
    const used = process.cpuUsage(before);
    wall.push(end - start);
    cpu.push((used.user + used.system) / 1000);
    scheduleWall.push(end - scheduleStart);
    byShape.set(shape, [...(byShape.get(shape) ?? []), end - start]);
    // The answer must be about this pod: placed on a node or a new claim, or refused with a reason.
    const placed =
      result.existingNodes.some((n) => n.pods.includes(key)) ||
      result.nodeClaims.some((c) => c.pods.includes(key)) ||
      result.unschedulable.some((u) => u.pod === key);
    if (!placed) throw new Error(`the answer does not mention ${key}`);
    // The first answer of each shape is checked against a fresh `schedule` of the same objects (untimed).
    if (i < SHAPES.length) {
      const s = cluster.snapshot();
      const fresh = schedule({ ...s, instanceTypes: input.instanceTypes });
      if (JSON.stringify(toScheduleJson(fresh)) !== JSON.stringify(toScheduleJson(result)))
        throw new Error(`the ${shape} answer differs from a fresh schedule`);
    }
    cluster.apply({ type: "DELETED", kind: "Pod", object: pod });
  }
  for (const [shape, times] of byShape) process.stdout.write(`${shape}: median ${round(quantile(times, 0.5))} ms of ${times.length}\n`);
  const figures: OnePodFigures = {
    name: `one new pending pod, built ${size}-node Cluster`,
    nodes: size,
    answers,
    buildMs: Math.round(buildMs),
    medianMs: round(quantile(wall, 0.5)),
    medianCpuMs: round(quantile(cpu, 0.5)),
    p90Ms: round(quantile(wall, 0.9)),
    scheduleMedianMs: round(quantile(scheduleWall, 0.5)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

try {
  main();
} catch (error: unknown) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

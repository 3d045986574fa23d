// The benchmark suite's scenarios: each builds its input once, runs it, and checks that the answer is
// valid, so a fast wrong answer cannot pass.
import { schedule, type InstanceType, type Node, type NodePool, type Pod, type ScheduleInput, type ScheduleResult } from "nodefit";
import { AWS_WELL_KNOWN_LABELS, defaultAwsCatalog } from "nodefit/aws";
import { syntheticInstanceTypes } from "nodefit/testing";
import { antiAffinityPods, benchNodePool, preferencePods, seededRandom, upstreamMix } from "./workloads.js";

/** One prepared benchmark: run it (timed) and check what it returned. */
export interface Scenario {
  readonly name: string;
  readonly pods: number;
  readonly run: () => ScheduleResult;
  /** Throws when the result is not what a correct scheduler must produce. */
  readonly check: (result: ScheduleResult) => void;
  readonly catalog: readonly InstanceType[];
  /** The pending pods it schedules. */
  readonly podList: readonly Pod[];
}

function allScheduled(name: string): (result: ScheduleResult) => void {
  return (result) => {
    if (result.unschedulable.length > 0) {
      const first = result.unschedulable[0];
      throw new Error(`${name}: ${result.unschedulable.length} pods unschedulable, e.g. ${first?.pod}: ${first?.message}`);
    }
  };
}

/** Upstream's benchmark: the five-way mix on 400 synthetic types and one NodePool. */
export function upstreamMixScenario(count: number): Scenario {
  const catalog = syntheticInstanceTypes(400);
  const input: ScheduleInput = { pods: upstreamMix(count), nodePools: [benchNodePool()], instanceTypes: catalog };
  const name = `upstream mix, 400 types, ${count} pods`;
  return {
    name,
    pods: count,
    catalog,
    podList: input.pods,
    run: () => schedule(input),
    check: (result) => {
      allScheduled(name)(result);
      const needed = antiAffinityPods(count);
      if (result.nodeClaims.length < needed)
        throw new Error(`${name}: ${result.nodeClaims.length} node claims, but ${needed} anti-affinity pods each need their own`);
    },
  };
}

/** Upstream's preference benchmark: every pod relaxes an unsatisfiable preferred zonal anti-affinity. */
export function preferencesScenario(count: number): Scenario {
  const catalog = syntheticInstanceTypes(400);
  const input: ScheduleInput = { pods: preferencePods(count), nodePools: [benchNodePool()], instanceTypes: catalog };
  return { name: `preferences, ${count} pods`, pods: count, catalog, podList: input.pods, run: () => schedule(input), check: allScheduled("preferences") };
}

function awsPools(): NodePool[] {
  const pool = (
    name: string,
    weight: number,
    requirements: NonNullable<NonNullable<NonNullable<NodePool["spec"]["template"]>["spec"]>["requirements"]>,
  ): NodePool => ({
    metadata: { name },
    spec: { weight, template: { spec: { requirements } }, limits: { cpu: "100000" } },
  });
  const category = (values: string[]) => ({ key: "karpenter.k8s.aws/instance-category", operator: "In", values });
  const arch = (value: string) => ({ key: "kubernetes.io/arch", operator: "In", values: [value] });
  const capacity = (values: string[]) => ({ key: "karpenter.sh/capacity-type", operator: "In", values });
  return [
    pool("general-amd64", 10, [category(["m"]), arch("amd64"), capacity(["on-demand"])]),
    pool("general-arm64", 10, [category(["m"]), arch("arm64"), capacity(["on-demand"])]),
    pool("compute-amd64", 20, [category(["c"]), arch("amd64"), capacity(["spot", "on-demand"])]),
    pool("compute-arm64", 20, [category(["c"]), arch("arm64"), capacity(["spot"])]),
    pool("memory-amd64", 5, [category(["r"]), arch("amd64"), capacity(["on-demand"])]),
    pool("memory-arm64", 5, [category(["r"]), arch("arm64"), capacity(["spot", "on-demand"])]),
    pool("burstable", 1, [category(["t"]), capacity(["on-demand"])]),
    pool("gen7", 30, [{ key: "karpenter.k8s.aws/instance-generation", operator: "Gt", values: ["6"] }, capacity(["spot"])]),
    pool("small", 15, [{ key: "karpenter.k8s.aws/instance-cpu", operator: "Lt", values: ["9"] }, capacity(["on-demand"])]),
    pool("default", 0, [{ key: "karpenter.sh/capacity-type", operator: "Exists" }]),
  ];
}

/** The embedded AWS catalogue, every zone and capacity type, ten NodePools of different weights. */
export function awsScenario(count: number): Scenario {
  const catalog = defaultAwsCatalog();
  const input: ScheduleInput = { pods: upstreamMix(count), nodePools: awsPools(), instanceTypes: catalog };
  const name = `embedded AWS catalogue, 10 NodePools, ${count} pods`;
  return { name, pods: count, catalog, podList: input.pods, run: () => schedule(input, { wellKnownLabels: AWS_WELL_KNOWN_LABELS }), check: allScheduled(name) };
}

/** A big running cluster: `nodes` existing nodes, ten running pods each, and `pending` new pods. */
export function existingClusterScenario(nodes: number, pending: number): Scenario {
  const catalog = syntheticInstanceTypes(400);
  const rand = seededRandom(7);
  const existing: Node[] = [];
  const bound: Pod[] = [];
  for (let i = 0; i < nodes; i++) {
    const name = `node-${String(i).padStart(5, "0")}`;
    const zone = `test-zone-${1 + (i % 3)}`;
    existing.push({
      metadata: {
        name,
        labels: {
          "kubernetes.io/hostname": name,
          "topology.kubernetes.io/zone": zone,
          "node.kubernetes.io/instance-type": "fake-it-15",
          "karpenter.sh/capacity-type": "on-demand",
          "karpenter.sh/nodepool": "default",
          "karpenter.sh/initialized": "true",
          "karpenter.sh/registered": "true",
        },
        creationTimestamp: "2026-01-01T00:00:00Z",
      },
      status: { allocatable: { cpu: "15900m", memory: "32758Mi", pods: "160" }, capacity: { cpu: "16", memory: "32Gi", pods: "160" } },
    });
    for (let j = 0; j < 10; j++) {
      const pod = `running-${i}-${j}`;
      bound.push({
        metadata: { name: pod, namespace: "default", uid: pod, labels: { app: `svc-${j}` } },
        spec: {
          nodeName: name,
          containers: [{ name: "app", resources: { requests: { cpu: ["250m", "500m", "1"][Math.floor(rand() * 3)] ?? "500m", memory: "1Gi" } } }],
        },
      });
    }
  }
  const input: ScheduleInput = { pods: upstreamMix(pending, 11), nodePools: [benchNodePool()], instanceTypes: catalog, nodes: existing, boundPods: bound };
  const name = `${nodes} existing nodes with ${nodes * 10} running pods, ${pending} pending`;
  return { name, pods: pending, catalog, podList: input.pods, run: () => schedule(input), check: allScheduled(name) };
}

/** Packing quality: generic pods only (no topology), so the LP relaxation is a fair lower bound. */
export function packingScenario(count: number, catalogName: "synthetic" | "aws"): Scenario {
  const catalog = catalogName === "aws" ? defaultAwsCatalog() : syntheticInstanceTypes(400);
  const pods = upstreamMix(count * 5, 3)
    .filter((p) => p.spec.topologySpreadConstraints === undefined && p.spec.affinity === undefined)
    .slice(0, count);
  const pool =
    catalogName === "aws"
      ? {
          ...benchNodePool(),
          spec: {
            ...benchNodePool().spec,
            template: { spec: { requirements: [{ key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand"] }] } },
          },
        }
      : benchNodePool();
  const input: ScheduleInput = { pods, nodePools: [pool], instanceTypes: catalog };
  const name = `packing, ${catalogName} catalogue, ${pods.length} generic pods`;
  const options = catalogName === "aws" ? { wellKnownLabels: AWS_WELL_KNOWN_LABELS } : {};
  return { name, pods: pods.length, catalog, podList: pods, run: () => schedule(input, options), check: allScheduled(name) };
}

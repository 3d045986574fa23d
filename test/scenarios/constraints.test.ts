import { describe, expect, test } from "vitest";
import { createInstanceType } from "../../src/instance-types/index.js";
import { schedule } from "../../src/scheduler/index.js";
import type { PodAffinityTerm } from "../../src/types/kubernetes.js";
import { node, nodePool, placement, pod, replicas, run } from "./helpers.js";

const ZONE = "topology.kubernetes.io/zone";
const HOSTNAME = "kubernetes.io/hostname";
const required = (terms: { key: string; operator: string; values?: string[] }[][]) => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms.map((matchExpressions) => ({ matchExpressions })) } },
});

describe("NodePool limits", () => {
  test("types whose capacity exceeds the limit are filtered; the next claim finds the limit spent", () => {
    const np = nodePool("default", { limits: { cpu: "2" } });
    const result = run({ pods: replicas("p", 2, { requests: { cpu: "1500m" } }), nodePools: [np] });
    expect(result.nodeClaims.map((c) => c.instanceType)).toEqual(["small-instance-type"]);
    expect(result.unschedulable[0]).toMatchObject({ code: "limits-exceeded" });
    expect(result.unschedulable[0]!.nodePools[0]!.limits).toEqual(["cpu"]);
  });

  test("existing nodes of the pool count against its limits (capacity, not allocatable)", () => {
    const np = nodePool("default", { limits: { cpu: "4" } });
    const n = node("n", { labels: { "karpenter.sh/nodepool": "default" }, allocatable: { cpu: "0", pods: "0" }, capacity: { cpu: "3" } });
    const result = run({ pods: [pod("p")], nodePools: [np], nodes: [n] });
    expect(result.unschedulable[0]).toMatchObject({ code: "limits-exceeded" });
  });

  test("limits.nodes: exhausted pools refuse new claims", () => {
    const np = nodePool("default", { limits: { nodes: "1" } });
    const result = run({ pods: replicas("p", 2, { ports: [{ hostPort: 80 }] }), nodePools: [np] });
    expect(result.nodeClaims).toHaveLength(1);
    expect(result.unschedulable[0]!.message).toContain("node limits have been exhausted");
  });
});

describe("NodePool weights", () => {
  test("the heavier pool wins even when pricier; equal weights go by name descending", () => {
    const arm = nodePool("arm", { weight: 10, requirements: [{ key: "kubernetes.io/arch", operator: "In", values: ["arm64"] }] });
    const any = nodePool("any");
    expect(run({ pods: [pod("p")], nodePools: [any, arm] }).nodeClaims[0]!.nodePool).toBe("arm");
    const a = nodePool("a");
    const b = nodePool("b");
    expect(run({ pods: [pod("p")], nodePools: [a, b] }).nodeClaims[0]!.nodePool).toBe("b");
  });

  test("a pod incompatible with the heavier pool falls back to the lighter one", () => {
    const arm = nodePool("arm", { weight: 10, requirements: [{ key: "kubernetes.io/arch", operator: "In", values: ["arm64"] }] });
    const result = run({ pods: [pod("p", { nodeSelector: { "kubernetes.io/arch": "amd64" } })], nodePools: [arm, nodePool("any")] });
    expect(result.nodeClaims[0]!.nodePool).toBe("any");
  });

  test("claims are numbered per NodePool in creation order", () => {
    const result = run({ pods: replicas("p", 3, { ports: [{ hostPort: 1 }] }) });
    expect(result.nodeClaims.map((c) => c.name)).toEqual(["default-1", "default-2", "default-3"]);
  });
});

describe("minValues", () => {
  const mv = (policy: "Strict" | "BestEffort", min: number) => {
    const np = nodePool("default", { requirements: [{ key: "node.kubernetes.io/instance-type", operator: "Exists", minValues: min }] });
    return run({ pods: [pod("p", { requests: { cpu: "3" } })], nodePools: [np] }, { minValuesPolicy: policy });
  };

  test("Strict keeps a claim flexible enough or refuses it", () => {
    // A 3 cpu pod fits the five 4+ cpu types.
    const ok = mv("Strict", 5);
    expect(ok.nodeClaims[0]!.instanceTypeOptions).toHaveLength(5);
    expect(ok.nodeClaims[0]!.requirements.find((r) => r.key === "node.kubernetes.io/instance-type")?.minValues).toBe(5);
    const refused = mv("Strict", 6);
    expect(refused.unschedulable[0]).toMatchObject({ code: "min-values" });
  });

  test("BestEffort lowers minValues to what is reachable", () => {
    const result = mv("BestEffort", 6);
    expect(result.nodeClaims).toHaveLength(1);
    expect(result.nodeClaims[0]!.minValuesRelaxed).toBe(true);
    expect(result.nodeClaims[0]!.requirements.find((r) => r.key === "node.kubernetes.io/instance-type")?.minValues).toBe(5);
  });

  test("Strict re-checks minValues after truncation", () => {
    const np = nodePool("default", { requirements: [{ key: "node.kubernetes.io/instance-type", operator: "Exists", minValues: 3 }] });
    const result = run({ pods: [pod("p")], nodePools: [np] }, { maxInstanceTypes: 2 });
    expect(result.nodeClaims).toHaveLength(0);
    expect(result.unschedulable[0]).toMatchObject({ code: "min-values" });
    expect(result.unschedulable[0]!.message).toContain("minValues");
  });
});

describe("relaxation", () => {
  test("required node-affinity OR terms are tried in order", () => {
    const affinity = required([[{ key: ZONE, operator: "In", values: ["nowhere"] }], [{ key: ZONE, operator: "In", values: ["test-zone-2"] }]]);
    const result = run({ pods: [pod("p", { affinity })] });
    expect(result.nodeClaims[0]!.zone).toBe("test-zone-2");
  });

  test("the heaviest preferred node-affinity term is honoured, an unsatisfiable one relaxed", () => {
    const affinity = {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 1, preference: { matchExpressions: [{ key: ZONE, operator: "In", values: ["test-zone-3"] }] } },
          { weight: 50, preference: { matchExpressions: [{ key: ZONE, operator: "In", values: ["nowhere"] }] } },
        ],
      },
    };
    const result = run({ pods: [pod("p", { affinity })] });
    expect(result.nodeClaims[0]!.zone).toBe("test-zone-3");
    const ignored = run({ pods: [pod("p", { affinity })] }, { preferencePolicy: "Ignore" });
    expect(ignored.nodeClaims[0]!.zone).toBe("test-zone-1");
  });

  test("preferences never touch the input pod", () => {
    const affinity = required([[{ key: ZONE, operator: "In", values: ["nowhere"] }], [{ key: ZONE, operator: "In", values: ["test-zone-2"] }]]);
    const p = pod("p", { affinity });
    const before = JSON.stringify(p);
    run({ pods: [p] });
    expect(JSON.stringify(p)).toBe(before);
  });

  test("an unsatisfiable required affinity with no alternatives is unschedulable", () => {
    const result = run({ pods: [pod("p", { affinity: required([[{ key: ZONE, operator: "In", values: ["nowhere"] }]]) })] });
    expect(result.unschedulable[0]).toMatchObject({ code: "incompatible-requirements" });
  });
});

describe("topology spread", () => {
  const spread = (key: string, when = "DoNotSchedule") => ({
    labels: { app: "web" },
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: key, whenUnsatisfiable: when, labelSelector: { matchLabels: { app: "web" } } }],
  });

  test("zonal spread puts one claim in each zone", () => {
    const result = run({ pods: replicas("web", 3, spread(ZONE)) });
    expect(result.nodeClaims.map((c) => c.zone).sort()).toEqual(["test-zone-1", "test-zone-2", "test-zone-3"]);
    for (const c of result.nodeClaims) expect(c.requirements.find((r) => r.key === ZONE)?.values).toHaveLength(1);
  });

  test("hostname spread gives each pod its own node", () => {
    const result = run({ pods: replicas("web", 4, spread(HOSTNAME)) });
    expect(result.nodeClaims).toHaveLength(4);
    for (const c of result.nodeClaims) expect(c.requirements.some((r) => r.key === HOSTNAME)).toBe(false);
  });

  test("spread counts pods already running", () => {
    const existing = node("n1", { labels: { [ZONE]: "test-zone-1" } });
    const running = pod("web-old", { labels: { app: "web" }, nodeName: "n1" });
    const result = run({ pods: replicas("web", 2, spread(ZONE)), nodes: [existing], boundPods: [running] });
    const zones = result.nodeClaims.map((c) => c.zone).sort();
    expect(zones).toEqual(["test-zone-2", "test-zone-3"]);
  });
});

describe("pod affinity and anti-affinity", () => {
  const term = (app: string, key: string): PodAffinityTerm => ({ labelSelector: { matchLabels: { app } }, topologyKey: key });

  test("hostname anti-affinity gives each replica its own node", () => {
    const o = { labels: { app: "db" }, affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("db", HOSTNAME)] } } };
    expect(run({ pods: replicas("db", 3, o) }).nodeClaims).toHaveLength(3);
  });

  test("zonal self-affinity keeps replicas in one zone", () => {
    const o = {
      labels: { app: "cache" },
      affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("cache", ZONE)] } },
      ports: [{ hostPort: 9 }],
    };
    const result = run({ pods: replicas("cache", 3, o) });
    expect(result.nodeClaims).toHaveLength(3);
    expect(new Set(result.nodeClaims.map((c) => c.zone)).size).toBe(1);
  });

  test("an affinity chain resolves over queue passes regardless of order", () => {
    // c follows b follows a (hostname); the biggest pod (c) is tried first and must wait.
    const a = pod("a", { labels: { app: "a" }, requests: { cpu: "100m" } });
    const b = pod("b", {
      labels: { app: "b" },
      requests: { cpu: "200m" },
      affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("a", HOSTNAME)] } },
    });
    const c = pod("c", {
      labels: { app: "c" },
      requests: { cpu: "300m" },
      affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("b", HOSTNAME)] } },
    });
    const result = run({ pods: [c, b, a] });
    expect(result.unschedulable).toEqual([]);
    const where = placement(result);
    expect(new Set(where.values()).size).toBe(1);
  });

  test("affinity to a pod that never exists is unschedulable with a topology reason", () => {
    const p = pod("p", { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("ghost", ZONE)] } } });
    const result = run({ pods: [p] });
    expect(result.unschedulable[0]).toMatchObject({ code: "topology-conflict" });
    expect(result.unschedulable[0]!.nodePools[0]!.topology?.code).toBe("pod-affinity");
  });

  test("inverse anti-affinity keeps other pods away from a running anti-affine pod's node", () => {
    const n = node("n1", { labels: { [ZONE]: "test-zone-1" } });
    const guard = pod("guard", {
      labels: { app: "guard" },
      nodeName: "n1",
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("web", HOSTNAME)] } },
    });
    const result = run({ pods: [pod("w", { labels: { app: "web" } })], nodes: [n], boundPods: [guard] });
    expect(result.existingNodes).toEqual([]);
    expect(result.nodeClaims).toHaveLength(1);
  });
});

describe("reserved capacity", () => {
  const types = [
    createInstanceType({
      name: "r1",
      capacity: { cpu: "4", memory: "8Gi", pods: "10" },
      offerings: [
        { zone: "z1", capacityType: "reserved", price: 0.1, reservationId: "res-1", reservationCapacity: 1 },
        { zone: "z1", capacityType: "on-demand", price: 1 },
      ],
    }),
  ];
  const np = nodePool("default");

  test("a claim prefers and holds a reservation; strict mode defers pods once it is used up", () => {
    const pods = replicas("p", 2, { ports: [{ hostPort: 1 }] });
    const strict = schedule({ pods, nodePools: [np], instanceTypes: types });
    expect(strict.nodeClaims.map((c) => [c.capacityType, c.price])).toEqual([["reserved", 0.1]]);
    expect(strict.nodeClaims[0]!.requirements.find((r) => r.key === "karpenter.sh/capacity-type")?.values).toEqual(["reserved"]);
    expect(strict.unschedulable[0]).toMatchObject({ code: "reserved-capacity" });
    const fallback = schedule({ pods, nodePools: [np], instanceTypes: types }, { reservedCapacityMode: "fallback" });
    expect(fallback.nodeClaims.map((c) => c.capacityType)).toEqual(["reserved", "on-demand"]);
  });
});

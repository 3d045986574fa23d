import { describe, expect, test } from "vitest";
import { createInstanceType } from "../../src/instance-types/index.js";
import { schedule, toScheduleJson } from "../../src/scheduler/index.js";
import { daemonSet, node, nodePool, placement, pod, replicas, run } from "./helpers.js";

const ZONE = "topology.kubernetes.io/zone";

describe("seed walkthrough (embedded-style catalogue)", () => {
  // A miniature of the seed: on-demand amd64 Linux, 2 or 4 vCPU, categories c/m/t, generation > 2, 8 vCPU limit.
  const types = [
    ["c5.large", 2, 4, 3, 0.085],
    ["m5.large", 2, 8, 5, 0.096],
    ["t3.medium", 2, 4, 3, 0.0416],
    ["c5.xlarge", 4, 8, 5, 0.17],
    ["m5.xlarge", 4, 16, 5, 0.192],
    ["t2.medium", 2, 4, 2, 0.0464],
    ["c5.2xlarge", 8, 16, 5, 0.34],
  ].map(([name, cpu, mem, gen, price]) =>
    createInstanceType({
      name: name as string,
      labels: {
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/os": "linux",
        "karpenter.k8s.aws/instance-cpu": String(cpu),
        "karpenter.k8s.aws/instance-category": (name as string)[0] as string,
        "karpenter.k8s.aws/instance-generation": String(gen),
      },
      capacity: { cpu: String(cpu), memory: `${mem as number}Gi`, pods: "29" },
      overhead: { kubeReserved: { cpu: "70m", memory: "442Mi" } },
      offerings: ["us-east-1a", "us-east-1b"].map((zone) => ({ zone, capacityType: "on-demand", price: price as number })),
    }),
  );
  const wellKnownLabels = ["karpenter.k8s.aws/instance-cpu", "karpenter.k8s.aws/instance-category", "karpenter.k8s.aws/instance-generation"];
  const pool = nodePool("default", {
    requirements: [
      { key: "kubernetes.io/arch", operator: "In", values: ["amd64"] },
      { key: "kubernetes.io/os", operator: "In", values: ["linux"] },
      { key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand"] },
      { key: "karpenter.k8s.aws/instance-cpu", operator: "In", values: ["2", "4"] },
      { key: "karpenter.k8s.aws/instance-category", operator: "In", values: ["c", "m", "t"] },
      { key: "karpenter.k8s.aws/instance-generation", operator: "Gt", values: ["2"] },
    ],
    limits: { cpu: "8" },
  });

  test("eight inflate replicas of 250m fit one node of the cheapest allowed type that holds them all", () => {
    const result = schedule(
      { pods: replicas("inflate", 8, { requests: { cpu: "250m", memory: "64Mi" }, labels: { app: "inflate" } }), nodePools: [pool], instanceTypes: types },
      { wellKnownLabels },
    );
    expect(result.nodeClaims).toHaveLength(1);
    const claim = result.nodeClaims[0]!;
    expect(claim.name).toBe("default-1");
    // 2 vCPU types keep 1930m allocatable: the eighth pod narrows the claim to the 4 vCPU types.
    expect(claim.instanceType).toBe("c5.xlarge");
    expect(claim.instanceTypeOptions).toEqual(["c5.xlarge", "m5.xlarge"]);
    expect(claim.pods).toEqual(Array.from({ length: 8 }, (_, i) => `default/inflate-${i}`));
    expect(Object.fromEntries(claim.requests)).toEqual({ cpu: 2000, memory: 8 * 64 * 1024 * 1024, pods: 8 });
    expect(result.summary).toEqual({ pods: 8, scheduled: 8, newNodeClaims: 1, newHourlyCost: 0.17 });
    expect(JSON.parse(toScheduleJson(result)).nodeClaims[0].requests).toEqual({ cpu: "2", memory: "512Mi", pods: "8" });
  });
});

describe("cheapest instance type and binpacking", () => {
  test("a pod without requests lands on the cheapest type", () => {
    const result = run({ pods: [pod("a")] });
    expect(result.nodeClaims.map((c) => c.instanceType)).toEqual(["small-instance-type"]);
    expect(result.nodeClaims[0]!.price).toBeCloseTo(0.41, 2);
  });

  test("options are listed cheapest first and truncated to maxInstanceTypes", () => {
    const result = run({ pods: [pod("a")] }, { maxInstanceTypes: 2 });
    expect(result.nodeClaims[0]!.instanceTypeOptions).toEqual(["small-instance-type", "default-instance-type"]);
  });

  test("pods are packed first-fit-decreasing: the biggest pod opens the first claim", () => {
    const pods = [pod("small", { requests: { cpu: "500m" } }), pod("big", { requests: { cpu: "3" } }), pod("mid", { requests: { cpu: "1" } })];
    const result = run({ pods });
    expect(result.nodeClaims[0]!.pods[0]).toBe("default/big");
    // Greedy narrowing: 3 + 1 cpu no longer fit default-instance-type (3.9), so the claim narrows to arm.
    expect(result.nodeClaims.map((c) => [c.instanceType, c.pods])).toEqual([["arm-instance-type", ["default/big", "default/mid", "default/small"]]]);
  });

  test("the pod count of an instance type bounds a claim", () => {
    const result = run({ pods: replicas("p", 6) });
    expect(result.nodeClaims.map((c) => c.pods.length)).toEqual([5, 1]);
  });

  test("a pod larger than every instance type is unschedulable with its shortfall", () => {
    const result = run({ pods: [pod("huge", { requests: { cpu: "100" } })] });
    expect(result.unschedulable).toHaveLength(1);
    const u = result.unschedulable[0]!;
    expect(u.code).toBe("insufficient-resources");
    expect(u.nodePools[0]!.resources?.[0]).toMatchObject({ resource: "cpu", requested: 100000, available: 15900 });
  });

  test("extended resources select the instance type that has them", () => {
    const result = run({ pods: [pod("gpu", { requests: { "fake.com/vendor-b": "1" } })] });
    expect(result.nodeClaims[0]!.instanceType).toBe("gpu-vendor-b-instance-type");
  });
});

describe("instance-type filtering by labels", () => {
  test("arch, zone and capacity type from the pod narrow the launch", () => {
    const result = run({
      pods: [pod("a", { nodeSelector: { "kubernetes.io/arch": "arm64", [ZONE]: "test-zone-3" } })],
    });
    const c = result.nodeClaims[0]!;
    expect([c.instanceType, c.zone, c.capacityType]).toEqual(["arm-instance-type", "test-zone-3", "on-demand"]);
  });

  test("Gt on a provider label keeps only larger types", () => {
    const result = run({
      pods: [
        pod("a", {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: "integer", operator: "Gt", values: ["4"] }] }],
              },
            },
          },
        }),
      ],
    });
    expect(result.nodeClaims[0]!.instanceType).toBe("arm-instance-type");
  });

  test("an undefined custom label makes the pod unschedulable, a NodePool label makes it schedulable", () => {
    const bad = run({ pods: [pod("a", { nodeSelector: { team: "x" } })] });
    expect(bad.unschedulable[0]!.code).toBe("incompatible-requirements");
    const good = run({ pods: [pod("a", { nodeSelector: { team: "x" } })], nodePools: [nodePool("default", { labels: { team: "x" } })] });
    expect(good.nodeClaims[0]!.labels.get("team")).toBe("x");
  });

  test("a custom Exists requirement resolves to a deterministic label value", () => {
    const np = nodePool("default", { requirements: [{ key: "example.com/team", operator: "Exists" }] });
    const result = run({ pods: [pod("a")], nodePools: [np] });
    expect(result.nodeClaims[0]!.labels.get("example.com/team")).toBe("0");
  });
});

describe("existing nodes first", () => {
  test("pods go to an existing node with room before any new claim", () => {
    const n = node("node-a", { labels: { [ZONE]: "test-zone-1" } });
    const result = run({ pods: replicas("p", 2, { requests: { cpu: "1" } }), nodes: [n] });
    expect(result.nodeClaims).toHaveLength(0);
    expect(result.existingNodes).toEqual([{ name: "node-a", pods: ["default/p-0", "default/p-1"] }]);
  });

  test("bound pods and unbound DaemonSet pods use an existing node's capacity", () => {
    const n = node("node-a", { allocatable: { cpu: "2", memory: "4Gi", pods: "10" } });
    const bound = pod("running", { requests: { cpu: "1" }, nodeName: "node-a" });
    const ds = daemonSet("agent", { requests: { cpu: "500m" } });
    const result = run({ pods: [pod("p", { requests: { cpu: "1" } })], nodes: [n], boundPods: [bound], daemonSets: [ds] });
    expect(result.existingNodes).toEqual([]);
    expect(result.nodeClaims).toHaveLength(1);
  });

  test("a tainted existing node is skipped by pods that do not tolerate it", () => {
    const n = node("node-a", { taints: [{ key: "dedicated", value: "db", effect: "NoSchedule" }] });
    const result = run({ pods: [pod("p")], nodes: [n] });
    expect(result.existingNodes).toEqual([]);
    expect(result.nodeClaims).toHaveLength(1);
  });

  test("a pod requiring a label the node lacks does not use it (strict compatibility)", () => {
    const n = node("node-a");
    const result = run({ pods: [pod("p", { nodeSelector: { [ZONE]: "test-zone-1" } })], nodes: [n] });
    expect(result.existingNodes).toEqual([]);
  });

  test("initialized nodes are tried before uninitialized ones, then by name", () => {
    const uninit = node("a-node", { labels: { "karpenter.sh/nodepool": "default" } });
    const init = node("b-node", { labels: { "karpenter.sh/nodepool": "default", "karpenter.sh/initialized": "true" } });
    const result = run({ pods: [pod("p")], nodes: [uninit, init] });
    expect(result.existingNodes).toEqual([{ name: "b-node", pods: ["default/p"] }]);
  });
});

describe("taints", () => {
  const tainted = nodePool("default", { taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }] });

  test("a NodePool taint keeps intolerant pods off and reports the taint", () => {
    const result = run({ pods: [pod("p")], nodePools: [tainted] });
    expect(result.unschedulable[0]).toMatchObject({ code: "taints-not-tolerated" });
    expect(result.unschedulable[0]!.nodePools[0]!.taints).toEqual([{ key: "dedicated", value: "gpu", effect: "NoSchedule" }]);
  });

  test("a tolerating pod schedules and the claim carries the taint", () => {
    const result = run({ pods: [pod("p", { tolerations: [{ key: "dedicated", operator: "Exists" }] })], nodePools: [tainted] });
    expect(result.nodeClaims[0]!.taints).toEqual([{ key: "dedicated", value: "gpu", effect: "NoSchedule" }]);
  });

  test("startup taints are ignored for provisioning", () => {
    const np = nodePool("default", { startupTaints: [{ key: "init", effect: "NoSchedule" }] });
    expect(run({ pods: [pod("p")], nodePools: [np] }).summary.scheduled).toBe(1);
  });

  test("PreferNoSchedule: a pool without the taint wins; alone, the pod tolerates it after relaxation", () => {
    const soft = nodePool("soft", { taints: [{ key: "x", effect: "PreferNoSchedule" }], weight: 50 });
    const plain = nodePool("plain");
    const both = run({ pods: [pod("p")], nodePools: [soft, plain] });
    expect(both.nodeClaims[0]!.nodePool).toBe("plain");
    const alone = run({ pods: [pod("p")], nodePools: [soft] });
    expect(alone.nodeClaims[0]!.nodePool).toBe("soft");
  });
});

describe("daemonset overhead", () => {
  test("overhead counts once per claim and steers the instance type", () => {
    const ds = daemonSet("agent", { requests: { cpu: "1", memory: "1Gi" } });
    const result = run({ pods: [pod("p", { requests: { cpu: "1", memory: "1Gi" } })], daemonSets: [ds] });
    const c = result.nodeClaims[0]!;
    expect(c.instanceType).toBe("default-instance-type");
    expect(Object.fromEntries(c.requests)).toEqual({ cpu: 2000, memory: 2 * 1024 ** 3, pods: 2 });
  });

  test("a DaemonSet that does not tolerate the NodePool taint adds no overhead", () => {
    const np = nodePool("default", { taints: [{ key: "t", effect: "NoSchedule" }] });
    const ds = daemonSet("agent", { requests: { cpu: "1" } });
    const result = run({ pods: [pod("p", { requests: { cpu: "1" }, tolerations: [{ operator: "Exists" }] })], nodePools: [np], daemonSets: [ds] });
    expect(result.nodeClaims[0]!.instanceType).toBe("small-instance-type");
  });

  test("a DaemonSet selecting arm64 only adds overhead on arm types", () => {
    const ds = daemonSet("arm-agent", { requests: { cpu: "15" }, nodeSelector: { "kubernetes.io/arch": "arm64" } });
    const result = run({ pods: [pod("p", { requests: { cpu: "1" } })], daemonSets: [ds] });
    expect(result.nodeClaims[0]!.instanceType).toBe("small-instance-type");
    expect(result.nodeClaims[0]!.requests.get("cpu")).toBe(1000);
  });

  test("a DaemonSet host port blocks pods with the same port", () => {
    const ds = daemonSet("agent", { ports: [{ containerPort: 80, hostPort: 80 }] });
    const result = run({ pods: [pod("p", { ports: [{ containerPort: 80, hostPort: 80 }] })], daemonSets: [ds] });
    expect(result.unschedulable[0]!.code).toBe("host-port-conflict");
  });
});

describe("host ports", () => {
  test("two pods with the same host port need two nodes", () => {
    const result = run({ pods: replicas("web", 2, { ports: [{ containerPort: 80, hostPort: 80 }] }) });
    expect(result.nodeClaims).toHaveLength(2);
  });

  test("different host ports share a node", () => {
    const pods = [pod("a", { ports: [{ hostPort: 80 }] }), pod("b", { ports: [{ hostPort: 81 }] })];
    expect(run({ pods }).nodeClaims).toHaveLength(1);
  });
});

describe("validation", () => {
  test("restricted labels and nodepool DoesNotExist are reported, not thrown", () => {
    const pods = [
      pod("hostname", { nodeSelector: { "kubernetes.io/hostname": "x" } }),
      pod("karpenter", { nodeSelector: { "karpenter.sh/custom": "x" } }),
      pod("excluded", {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: "karpenter.sh/nodepool", operator: "DoesNotExist" }] }],
            },
          },
        },
      }),
      pod("badop", {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "a", operator: "Near", values: ["x"] }] }] },
          },
        },
      }),
      pod("fine"),
    ];
    const result = run({ pods });
    expect(result.unschedulable.map((u) => [u.pod, u.code])).toEqual([
      ["default/badop", "invalid-pod"],
      ["default/excluded", "nodepool-excluded"],
      ["default/hostname", "restricted-label"],
      ["default/karpenter", "restricted-label"],
    ]);
    expect(result.summary).toMatchObject({ pods: 5, scheduled: 1 });
  });

  test("no NodePools: every pod reports no-nodepools", () => {
    const result = run({ pods: [pod("p")], nodePools: [] });
    expect(result.unschedulable[0]).toMatchObject({ code: "no-nodepools", message: "no NodePools found" });
  });

  test("NodePool requirements that filter out every type: no-nodepools with upstream's message", () => {
    const np = nodePool("default", { requirements: [{ key: "node.kubernetes.io/instance-type", operator: "In", values: ["nope"] }] });
    const result = run({ pods: [pod("p")], nodePools: [np] });
    expect(result.unschedulable[0]).toMatchObject({ code: "no-nodepools", message: "nodepool requirements filtered out all available instance types" });
  });

  test("an invalid NodePool requirement throws with the object and field", () => {
    const np = nodePool("bad", { requirements: [{ key: "a", operator: "Between", values: ["1"] }] });
    expect(() => run({ pods: [], nodePools: [np] })).toThrow(
      expect.objectContaining({ code: "invalid-requirement", path: expect.arrayContaining(["nodePools", 0]) }),
    );
    const badLimit = nodePool("bad", { limits: { cpu: "lots" } });
    expect(() => run({ pods: [], nodePools: [badLimit] })).toThrow(expect.objectContaining({ code: "invalid-quantity" }));
  });

  test("placement is reported per pod", () => {
    const result = run({ pods: replicas("p", 2) });
    expect([...placement(result)]).toEqual([
      ["default/p-0", "default-1"],
      ["default/p-1", "default-1"],
    ]);
  });
});

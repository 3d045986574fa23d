/**
 * NodePool limits and weights, minValues, reserved capacity and error reporting (reference §1.4, §2.14–2.16;
 * §4.3 categories 15–18).
 */
import { describe, expect, test } from "vitest";
import { createInstanceType } from "../../src/instance-types/index.js";
import { schedule } from "../../src/scheduler/index.js";
import type { NodeSelectorRequirementWithMinValues } from "../../src/types/kubernetes.js";
import { failures, nodePool, pod, replicas, req, run } from "./helpers.js";

const IT = "node.kubernetes.io/instance-type";
const CT = "karpenter.sh/capacity-type";
const ALL_CT = req(CT, "In", "spot", "on-demand", "reserved");
/** Pods that cannot share a node (same host port). */
const apart = (n: number, o: Parameters<typeof replicas>[2] = {}) => replicas("p", n, { ...o, ports: [{ hostPort: 80 }] });

describe("NodePool limits", () => {
  test("the claim subtracts the largest capacity among its options: a 4 CPU limit allows one claim", () => {
    const r = run({ pods: apart(2), nodePools: [nodePool("default", { limits: { cpu: "4" } })] });
    expect(r.nodeClaims.map((c) => [c.instanceType, c.instanceTypeOptions.includes("arm-instance-type")])).toEqual([["small-instance-type", false]]);
    expect(failures(r)).toEqual([["default/p-1", "limits-exceeded"]]);
  });

  test("a memory limit filters types by memory capacity", () => {
    const r = run({ pods: apart(2), nodePools: [nodePool("default", { limits: { memory: "4Gi" } })] });
    expect(r.nodeClaims[0]!.instanceTypeOptions).not.toContain("arm-instance-type");
    expect(r.unschedulable[0]).toMatchObject({ code: "limits-exceeded" });
    expect(r.unschedulable[0]!.nodePools[0]!.limits).toEqual(["memory"]);
  });

  test("a GPU limit below a type's GPU count rules the type out", () => {
    const r = run({ pods: [pod("g", { requests: { "fake.com/vendor-a": "1" } })], nodePools: [nodePool("default", { limits: { "fake.com/vendor-a": "1" } })] });
    expect(r.nodeClaims).toEqual([]);
    expect(r.unschedulable).toHaveLength(1);
  });

  test("a GPU limit equal to a type's GPU count allows one claim; then only GPU-less types are within it", () => {
    const r = run({ pods: apart(2, { requests: { "fake.com/vendor-a": "1" } }), nodePools: [nodePool("default", { limits: { "fake.com/vendor-a": "2" } })] });
    expect(r.nodeClaims.map((c) => c.instanceType)).toEqual(["gpu-vendor-instance-type"]);
    expect(failures(r)).toEqual([["default/p-1", "insufficient-resources"]]);
    expect(r.unschedulable[0]!.nodePools[0]!.resources).toEqual([{ resource: "fake.com/vendor-a", requested: 1, available: 0 }]);
  });

  test("a pods limit counts pod capacity", () => {
    const r = run({ pods: apart(2), nodePools: [nodePool("default", { limits: { pods: "5" } })] });
    expect(r.nodeClaims).toHaveLength(1);
    expect(failures(r)).toEqual([["default/p-1", "limits-exceeded"]]);
  });

  test("a zero limit refuses every new claim", () => {
    expect(failures(run({ pods: [pod("p")], nodePools: [nodePool("default", { limits: { cpu: "0" } })] }))).toEqual([["default/p", "limits-exceeded"]]);
  });

  test("limits.nodes 2 allows two claims within one run (deviation S7)", () => {
    const r = run({ pods: apart(3), nodePools: [nodePool("default", { limits: { nodes: "2" } })] });
    expect(r.nodeClaims).toHaveLength(2);
    expect(failures(r)).toEqual([["default/p-2", "limits-exceeded"]]);
  });

  test("an exhausted heavier pool falls back to the lighter one", () => {
    const heavy = nodePool("heavy", { weight: 10, limits: { cpu: "4" } });
    const r = run({ pods: apart(2), nodePools: [heavy, nodePool("light")] });
    expect(r.nodeClaims.map((c) => c.nodePool)).toEqual(["heavy", "light"]);
  });

  test("existing nodes of another pool do not count", () => {
    const n = {
      metadata: { name: "n", labels: { "karpenter.sh/nodepool": "other", "karpenter.sh/initialized": "true" } },
      status: { allocatable: { cpu: "0", pods: "0" }, capacity: { cpu: "64" } },
    };
    const r = run({ pods: [pod("p")], nodes: [n], nodePools: [nodePool("default", { limits: { cpu: "4" } })] });
    expect(r.nodeClaims).toHaveLength(1);
  });
});

describe("NodePool weights", () => {
  test("the heaviest of three pools wins", () => {
    const r = run({ pods: [pod("p")], nodePools: [nodePool("a", { weight: 10 }), nodePool("b", { weight: 50 }), nodePool("c")] });
    expect(r.nodeClaims[0]!.nodePool).toBe("b");
  });

  test("equal explicit weights go by name descending", () => {
    expect(run({ pods: [pod("p")], nodePools: [nodePool("alpha", { weight: 10 }), nodePool("beta", { weight: 10 })] }).nodeClaims[0]!.nodePool).toBe("beta");
  });

  test("a missing weight counts as zero", () => {
    expect(run({ pods: [pod("p")], nodePools: [nodePool("zzz"), nodePool("aaa", { weight: 1 })] }).nodeClaims[0]!.nodePool).toBe("aaa");
  });

  test("a pod selecting the lighter pool by name gets it", () => {
    const r = run({
      pods: [pod("p", { nodeSelector: { "karpenter.sh/nodepool": "light" } })],
      nodePools: [nodePool("heavy", { weight: 100 }), nodePool("light")],
    });
    expect(r.nodeClaims[0]!.nodePool).toBe("light");
    expect(r.nodeClaims[0]!.requirements.find((q) => q.key === "karpenter.sh/nodepool")?.values).toEqual(["light"]);
  });

  test("a heavier pool with a template label the pod contradicts is skipped", () => {
    const heavy = nodePool("heavy", { weight: 100, labels: { team: "a" } });
    const light = nodePool("light", { labels: { team: "b" } });
    const c = run({ pods: [pod("p", { nodeSelector: { team: "b" } })], nodePools: [heavy, light] }).nodeClaims[0]!;
    expect([c.nodePool, c.labels.get("team")]).toEqual(["light", "b"]);
  });
});

describe("minValues", () => {
  const mvPool = (...requirements: NodeSelectorRequirementWithMinValues[]) => nodePool("default", { requirements: [ALL_CT, ...requirements] });

  test("In with minValues 2 keeps both types", () => {
    const np = mvPool({ ...req(IT, "In", "small-instance-type", "default-instance-type"), minValues: 2 });
    expect(run({ pods: [pod("p")], nodePools: [np] }).nodeClaims[0]!.instanceTypeOptions).toEqual(["small-instance-type", "default-instance-type"]);
  });

  test("In with minValues 2 refuses a pod only one of them fits", () => {
    const np = mvPool({ ...req(IT, "In", "small-instance-type", "default-instance-type"), minValues: 2 });
    const r = run({ pods: [pod("p", { requests: { cpu: "3" } })], nodePools: [np] });
    expect(failures(r)).toEqual([["default/p", "min-values"]]);
    expect([...r.unschedulable[0]!.nodePools[0]!.minValues!]).toEqual([[IT, 1]]);
  });

  test("minValues on a provider label counts its distinct values", () => {
    const np = mvPool({ ...req("integer", "Exists"), minValues: 3 });
    expect(run({ pods: [pod("p")], nodePools: [np] }).nodeClaims).toHaveLength(1);
    // 3 CPU leaves the 4- and 16-CPU types: two values of `integer`.
    expect(failures(run({ pods: [pod("p", { requests: { cpu: "3" } })], nodePools: [np] }))).toEqual([["default/p", "min-values"]]);
  });

  test("minValues with Gt: a 5 CPU pod leaves one integer value", () => {
    const np = mvPool({ ...req("integer", "Gt", "2"), minValues: 2 });
    expect(run({ pods: [pod("p")], nodePools: [np] }).nodeClaims[0]!.instanceType).toBe("default-instance-type");
    expect(failures(run({ pods: [pod("p", { requests: { cpu: "5" } })], nodePools: [np] }))).toEqual([["default/p", "min-values"]]);
  });

  test("minValues with NotIn counts the remaining types", () => {
    const np = mvPool({ ...req(IT, "NotIn", "arm-instance-type"), minValues: 5 });
    expect(run({ pods: [pod("p")], nodePools: [np] }).nodeClaims[0]!.instanceTypeOptions).toHaveLength(5);
  });

  test("a NodePool that can never meet minValues is skipped before scheduling", () => {
    const np = mvPool({ ...req(IT, "NotIn", "arm-instance-type"), minValues: 6 });
    expect(failures(run({ pods: [pod("p")], nodePools: [np] }))).toEqual([["default/p", "no-nodepools"]]);
  });

  test("Strict: a pod that would narrow a claim below minValues opens another claim", () => {
    const np = mvPool({ ...req(IT, "Exists"), minValues: 2 });
    const r = run({ pods: replicas("p", 2, { requests: { cpu: "3" } }), nodePools: [np] });
    expect(r.nodeClaims.map((c) => c.pods.length)).toEqual([1, 1]);
    const plain = run({ pods: replicas("p", 2, { requests: { cpu: "3" } }) });
    expect(plain.nodeClaims.map((c) => [c.instanceType, c.pods.length])).toEqual([["arm-instance-type", 2]]);
  });

  test("truncation that still meets minValues keeps the claim", () => {
    const np = mvPool({ ...req(IT, "Exists"), minValues: 2 });
    const c = run({ pods: [pod("p")], nodePools: [np] }, { maxInstanceTypes: 2 }).nodeClaims[0]!;
    expect(c.instanceTypeOptions).toEqual(["small-instance-type", "default-instance-type"]);
  });

  test("BestEffort after truncation keeps the claim and lowers minValues", () => {
    const np = mvPool({ ...req(IT, "Exists"), minValues: 3 });
    const c = run({ pods: [pod("p")], nodePools: [np] }, { maxInstanceTypes: 2, minValuesPolicy: "BestEffort" }).nodeClaims[0]!;
    expect(c.instanceTypeOptions).toHaveLength(2);
    expect(c.minValuesRelaxed).toBe(true);
    expect(c.requirements.find((q) => q.key === IT)?.minValues).toBe(2);
  });

  test("BestEffort relaxes minValues before falling back to a lighter pool; Strict falls back", () => {
    const heavy = nodePool("heavy", { weight: 10, requirements: [ALL_CT, { ...req(IT, "Exists"), minValues: 6 }] });
    const light = nodePool("light");
    const p = [pod("p", { requests: { cpu: "3" } })];
    expect(run({ pods: p, nodePools: [heavy, light] }, { minValuesPolicy: "BestEffort" }).nodeClaims[0]!.nodePool).toBe("heavy");
    expect(run({ pods: p, nodePools: [heavy, light] }).nodeClaims[0]!.nodePool).toBe("light");
  });

  test("a claim that met minValues reports minValuesRelaxed false", () => {
    const np = mvPool({ ...req(IT, "Exists"), minValues: 2 });
    expect(run({ pods: [pod("p")], nodePools: [np] }, { minValuesPolicy: "BestEffort" }).nodeClaims[0]!.minValuesRelaxed).toBe(false);
  });
});

describe("reserved capacity", () => {
  const reservedType = (capacity: number, reservedPrice: number, onDemandPrice: number) =>
    createInstanceType({
      name: "r1",
      capacity: { cpu: "4", memory: "8Gi", pods: "10" },
      offerings: [
        { zone: "z1", capacityType: "reserved", price: reservedPrice, reservationId: "res-1", reservationCapacity: capacity },
        { zone: "z1", capacityType: "on-demand", price: onDemandPrice },
      ],
    });

  test("a reservation is used even when on-demand is cheaper", () => {
    const c = schedule({ pods: [pod("p")], nodePools: [nodePool("default")], instanceTypes: [reservedType(1, 1, 0.5)] }).nodeClaims[0]!;
    expect([c.capacityType, c.price]).toEqual(["reserved", 1]);
    expect(c.requirements.find((q) => q.key === "karpenter.sh/reservation-id")?.values).toEqual(["res-1"]);
  });

  test("a reservation of two serves two claims", () => {
    const r = schedule({ pods: apart(2), nodePools: [nodePool("default")], instanceTypes: [reservedType(2, 0.1, 1)] });
    expect(r.nodeClaims.map((c) => c.capacityType)).toEqual(["reserved", "reserved"]);
    expect(r.unschedulable).toEqual([]);
  });

  test("a NodePool without reserved in its capacity types launches on-demand", () => {
    const np = nodePool("default", { requirements: [req(CT, "In", "on-demand")] });
    expect(schedule({ pods: [pod("p")], nodePools: [np], instanceTypes: [reservedType(1, 0.1, 1)] }).nodeClaims[0]!.capacityType).toBe("on-demand");
  });

  test("a pod asking for on-demand is not deferred by a used-up reservation", () => {
    const r = schedule({
      pods: [...apart(1), pod("od", { ports: [{ hostPort: 80 }], nodeSelector: { [CT]: "on-demand" } })],
      nodePools: [nodePool("default")],
      instanceTypes: [reservedType(1, 0.1, 1)],
    });
    expect(r.nodeClaims.map((c) => [c.pods, c.capacityType])).toEqual([
      [["default/od"], "on-demand"],
      [["default/p-0"], "reserved"],
    ]);
  });

  test("in fallback mode the second claim excludes reserved capacity (deviation S10)", () => {
    const r = schedule({ pods: apart(2), nodePools: [nodePool("default")], instanceTypes: [reservedType(1, 0.1, 1)] }, { reservedCapacityMode: "fallback" });
    expect(r.nodeClaims.map((c) => c.capacityType)).toEqual(["reserved", "on-demand"]);
    expect(r.nodeClaims[1]!.requirements.find((q) => q.key === CT)).toEqual({ key: CT, operator: "In", values: ["on-demand"] });
  });

  test("a deferred pod blocks lighter pools", () => {
    const r = schedule({ pods: apart(2), nodePools: [nodePool("heavy", { weight: 10 }), nodePool("light")], instanceTypes: [reservedType(1, 0.1, 1)] });
    expect(r.nodeClaims.map((c) => c.nodePool)).toEqual(["heavy"]);
    expect(failures(r)).toEqual([["default/p-1", "reserved-capacity"]]);
  });
});

describe("error reporting", () => {
  test("two NodePools that both filter out every type: no-nodepools", () => {
    const bad = (name: string) => nodePool(name, { requirements: [req(IT, "In", "nope")] });
    expect(failures(run({ pods: [pod("p")], nodePools: [bad("a"), bad("b")] }))).toEqual([["default/p", "no-nodepools"]]);
  });

  test("a filtered-out NodePool is skipped, the other one serves", () => {
    const r = run({ pods: [pod("p")], nodePools: [nodePool("bad", { weight: 10, requirements: [req(IT, "In", "nope")] }), nodePool("good")] });
    expect(r.nodeClaims[0]!.nodePool).toBe("good");
  });

  test("an empty catalogue leaves no NodePool", () => {
    expect(run({ pods: [pod("p")], instanceTypes: [] }).unschedulable[0]).toMatchObject({
      code: "no-nodepools",
      message: "nodepool requirements filtered out all available instance types",
    });
  });

  test("refusals are listed per NodePool in weight order; different kinds combine to no-fit", () => {
    const heavy = nodePool("heavy", { weight: 10, taints: [{ key: "t", effect: "NoSchedule" }] });
    const light = nodePool("light");
    const r = run({ pods: [pod("p", { requests: { cpu: "100" } })], nodePools: [light, heavy] });
    expect(failures(r)).toEqual([["default/p", "no-fit"]]);
    expect(r.unschedulable[0]!.nodePools.map((f) => [f.nodePool, f.kind])).toEqual([
      ["heavy", "taints-not-tolerated"],
      ["light", "insufficient-resources"],
    ]);
    expect(r.unschedulable[0]!.message).toContain('incompatible with nodepool "heavy"');
  });

  test("the same refusal from every NodePool keeps its kind", () => {
    const r = run({ pods: [pod("p", { requests: { cpu: "100" } })], nodePools: [nodePool("a"), nodePool("b")] });
    expect(failures(r)).toEqual([["default/p", "insufficient-resources"]]);
    expect(r.unschedulable[0]!.nodePools.map((f) => f.nodePool)).toEqual(["b", "a"]);
  });

  test("matchFields terms make the pod invalid (deviation V9)", () => {
    const p = pod("p", {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["n"] }] }] },
        },
      },
    });
    expect(failures(run({ pods: [p] }))).toEqual([["default/p", "invalid-pod"]]);
  });

  test("Gt with a non-integer value makes the pod invalid", () => {
    const p = pod("p", {
      affinity: {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [req("integer", "Gt", "four")] }] } },
      },
    });
    expect(failures(run({ pods: [p] }))).toEqual([["default/p", "invalid-pod"]]);
  });

  test("In without values makes the pod invalid", () => {
    const p = pod("p", {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "integer", operator: "In", values: [] }] }] },
        },
      },
    });
    expect(failures(run({ pods: [p] }))).toEqual([["default/p", "invalid-pod"]]);
  });

  test("a huge CPU request hints at an m/M typo", () => {
    const r = run({ pods: [pod("p", { requests: { cpu: "1000000" } })] });
    expect(r.unschedulable[0]!.code).toBe("insufficient-resources");
    expect(r.unschedulable[0]!.message).toContain("m vs M typo");
  });

  test("invalid pods do not stop the others", () => {
    const bad = pod("bad", { nodeSelector: { "kubernetes.io/hostname": "x" } });
    const r = run({ pods: [bad, ...replicas("ok", 2)] });
    expect(r.summary).toMatchObject({ pods: 3, scheduled: 2, newNodeClaims: 1 });
  });
});

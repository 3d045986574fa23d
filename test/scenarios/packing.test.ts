/**
 * Instance-type filtering, bin packing and cheapest-instance selection on the fake catalogue (reference §2.3,
 * §2.7, §2.17, §4.2; §4.3 categories 4–6).
 */
import { describe, expect, test } from "vitest";
import { fakeInstanceType, syntheticInstanceTypes } from "../../src/testing/fake-catalog.js";
import { failures, nodePool, pod, replicas, req, requiredTerms, run } from "./helpers.js";

const ZONE = "topology.kubernetes.io/zone";
const IT = "node.kubernetes.io/instance-type";
const ARCH = "kubernetes.io/arch";
const OS = "kubernetes.io/os";
const CT = "karpenter.sh/capacity-type";
const amd64 = nodePool("default", { requirements: [req(CT, "In", "spot", "on-demand"), req(ARCH, "In", "amd64")] });
const anyArch = nodePool("default", { requirements: [req(CT, "In", "spot", "on-demand"), req(ARCH, "In", "arm64", "amd64")] });

const types = (r: ReturnType<typeof run>) => r.nodeClaims.map((c) => c.instanceType);

describe("instance-type compatibility", () => {
  test("a pod larger than every type is refused for resources", () => {
    expect(failures(run({ pods: [pod("p", { requests: { cpu: "512" } })] }))).toEqual([["default/p", "insufficient-resources"]]);
  });

  test("pods of different architectures get different claims", () => {
    const pods = [pod("amd", { nodeSelector: { [ARCH]: "amd64" } }), pod("arm", { nodeSelector: { [ARCH]: "arm64" } })];
    const r = run({ pods, nodePools: [anyArch] });
    expect(r.nodeClaims.map((c) => [c.pods, c.instanceType])).toEqual([
      [["default/amd"], "small-instance-type"],
      [["default/arm"], "arm-instance-type"],
    ]);
  });

  test("an amd64 NodePool refuses a pod asking for the arm instance type", () => {
    const r = run({ pods: [pod("p", { affinity: requiredTerms([req(IT, "In", "arm-instance-type")]) })], nodePools: [amd64] });
    expect(failures(r)).toEqual([["default/p", "incompatible-requirements"]]);
  });

  test("an amd64 NodePool refuses a pod asking for ios (only the arm type runs it)", () => {
    const r = run({ pods: [pod("p", { affinity: requiredTerms([req(OS, "In", "ios")]) })], nodePools: [amd64] });
    expect(failures(r)).toEqual([["default/p", "incompatible-requirements"]]);
  });

  test("an amd64 NodePool refuses a 14 CPU pod (only arm is big enough)", () => {
    expect(failures(run({ pods: [pod("p", { limits: { cpu: "14" } })], nodePools: [amd64] }))).toEqual([["default/p", "insufficient-resources"]]);
  });

  test("pods of different operating systems get different claims", () => {
    const pods = [pod("linux", { nodeSelector: { [OS]: "linux" } }), pod("windows", { nodeSelector: { [OS]: "windows" } })];
    const r = run({ pods, nodePools: [anyArch] });
    expect(r.nodeClaims.map((c) => c.pods)).toEqual([["default/linux"], ["default/windows"]]);
    expect(types(r)).toEqual(["small-instance-type", "small-instance-type"]);
  });

  test("pods selecting different instance types get different claims", () => {
    const pods = [
      pod("s", { nodeSelector: { "beta.kubernetes.io/instance-type": "small-instance-type" } }),
      pod("d", { nodeSelector: { [IT]: "default-instance-type" } }),
    ];
    const r = run({ pods, nodePools: [anyArch] });
    // Equal requests: the queue orders by uid, so d opens the first claim.
    expect(r.nodeClaims.map((c) => [c.pods, c.instanceType])).toEqual([
      [["default/d"], "default-instance-type"],
      [["default/s"], "small-instance-type"],
    ]);
  });

  test("pods selecting different zones get different claims", () => {
    const pods = [pod("a", { nodeSelector: { [ZONE]: "test-zone-1" } }), pod("b", { nodeSelector: { [ZONE]: "test-zone-2" } })];
    const r = run({ pods, nodePools: [anyArch] });
    expect(r.nodeClaims.map((c) => [c.pods, c.zone])).toEqual([
      [["default/a"], "test-zone-1"],
      [["default/b"], "test-zone-2"],
    ]);
  });

  test("pods needing resources no single type has together get a claim each", () => {
    const pods = [pod("a", { limits: { "fake.com/vendor-a": "1" } }), pod("b", { limits: { "fake.com/vendor-b": "1" } })];
    const r = run({ pods });
    expect(r.nodeClaims.map((c) => [c.pods, c.instanceType])).toEqual([
      [["default/a"], "gpu-vendor-instance-type"],
      [["default/b"], "gpu-vendor-b-instance-type"],
    ]);
  });

  test("a pod needing both GPU kinds is refused", () => {
    const r = run({ pods: [pod("p", { limits: { "fake.com/vendor-a": "1", "fake.com/vendor-b": "1" } })] });
    expect(failures(r)).toEqual([["default/p", "insufficient-resources"]]);
  });

  test("GPU pods pack up to the type's two GPUs", () => {
    const r = run({ pods: replicas("g", 3, { requests: { "fake.com/vendor-a": "1" } }) });
    expect(r.nodeClaims.map((c) => [c.instanceType, c.pods.length])).toEqual([
      ["gpu-vendor-instance-type", 2],
      ["gpu-vendor-instance-type", 1],
    ]);
    expect(r.nodeClaims[0]!.instanceTypeOptions).toEqual(["gpu-vendor-instance-type"]);
  });

  test("an unknown extended resource is refused", () => {
    expect(failures(run({ pods: [pod("p", { requests: { "example.com/fpga": "1" } })] }))).toEqual([["default/p", "insufficient-resources"]]);
  });
});

describe("capacity type and zone offerings", () => {
  const ct = (...values: string[]) => nodePool("default", { requirements: [req(CT, "In", ...values)] });

  test("a spot-only NodePool launches spot in the first zone", () => {
    const c = run({ pods: [pod("p")], nodePools: [ct("spot")] }).nodeClaims[0]!;
    expect([c.instanceType, c.zone, c.capacityType]).toEqual(["small-instance-type", "test-zone-1", "spot"]);
  });

  test("a spot-only NodePool cannot launch in test-zone-3 (no spot offering there)", () => {
    const r = run({ pods: [pod("p", { nodeSelector: { [ZONE]: "test-zone-3" } })], nodePools: [ct("spot")] });
    expect(failures(r)).toEqual([["default/p", "no-offering"]]);
  });

  test("an on-demand NodePool launches in test-zone-3", () => {
    const c = run({ pods: [pod("p", { nodeSelector: { [ZONE]: "test-zone-3" } })], nodePools: [ct("on-demand")] }).nodeClaims[0]!;
    expect([c.zone, c.capacityType]).toEqual(["test-zone-3", "on-demand"]);
  });

  test("a pod spot selector against an on-demand NodePool is refused", () => {
    const r = run({ pods: [pod("p", { nodeSelector: { [CT]: "spot" } })], nodePools: [ct("on-demand")] });
    expect(failures(r)).toEqual([["default/p", "incompatible-requirements"]]);
  });

  test("the claim's capacity-type requirement lists what its offerings allow", () => {
    const c = run({ pods: [pod("p", { nodeSelector: { [ZONE]: "test-zone-3" } })] }).nodeClaims[0]!;
    expect(c.requirements.find((r) => r.key === CT)?.values).toEqual(["on-demand"]);
    expect(c.requirements.find((r) => r.key === ZONE)?.values).toEqual(["test-zone-3"]);
  });

  test("unavailable offerings are never launched", () => {
    const it = fakeInstanceType({
      name: "only-z2",
      offerings: [
        { zone: "test-zone-1", capacityType: "on-demand", price: 0.1, available: false },
        { zone: "test-zone-2", capacityType: "on-demand", price: 0.5 },
      ],
    });
    const c = run({ pods: [pod("p")], instanceTypes: [it] }).nodeClaims[0]!;
    expect([c.zone, c.price]).toEqual(["test-zone-2", 0.5]);
  });
});

describe("bin packing", () => {
  test("a 100M pod goes on the smallest type", () => {
    expect(types(run({ pods: [pod("p", { requests: { memory: "100M" } })] }))).toEqual(["small-instance-type"]);
  });

  test("a 2000M pod still fits the small type's 2Gi - 10Mi", () => {
    expect(types(run({ pods: [pod("p", { requests: { memory: "2000M" } })] }))).toEqual(["small-instance-type"]);
  });

  test("RuntimeClass overhead counts: 1 CPU + 2 CPU overhead needs the default type", () => {
    expect(types(run({ pods: [pod("p", { requests: { cpu: "1" }, overhead: { cpu: "2" } })] }))).toEqual(["default-instance-type"]);
  });

  test("five small pods share one small node", () => {
    const r = run({ pods: replicas("p", 5, { requests: { memory: "10M" } }) });
    expect(r.nodeClaims.map((c) => [c.instanceType, c.pods.length])).toEqual([["small-instance-type", 5]]);
  });

  test("forty 1.8G amd64 pods need twenty default nodes", () => {
    const r = run({ pods: replicas("p", 40, { nodeSelector: { [ARCH]: "amd64" }, requests: { memory: "1.8G" } }), nodePools: [amd64] });
    expect(r.nodeClaims).toHaveLength(20);
    expect(new Set(types(r))).toEqual(new Set(["default-instance-type"]));
    expect(r.nodeClaims.every((c) => c.pods.length === 2)).toBe(true);
  });

  test("small pods fill the gaps the large ones leave: still twenty nodes", () => {
    const pods = [
      ...replicas("large", 40, { nodeSelector: { [ARCH]: "amd64" }, requests: { memory: "1.8G" } }),
      ...replicas("small", 20, { nodeSelector: { [ARCH]: "amd64" }, requests: { memory: "400M" } }),
    ];
    const r = run({ pods, nodePools: [amd64] });
    expect(r.nodeClaims).toHaveLength(20);
    expect(new Set(types(r))).toEqual(new Set(["default-instance-type"]));
    expect(r.nodeClaims.every((c) => c.pods.length === 3)).toBe(true);
  });

  test("packs tightly: a 4.5 CPU pod and a 1 CPU pod get different, right-sized types", () => {
    const r = run({ pods: [pod("big", { requests: { cpu: "4.5" } }), pod("small", { requests: { cpu: "1" } })], instanceTypes: syntheticInstanceTypes(5) });
    expect(r.nodeClaims.map((c) => [c.pods, c.instanceType])).toEqual([
      [["default/big"], "fake-it-4"],
      [["default/small"], "fake-it-1"],
    ]);
  });

  test("a zero request of a resource no type has is fine", () => {
    const r = run({ pods: [pod("p", { requests: { "foo.com/weird-resources": "0" }, limits: { "foo.com/weird-resources": "0" } })] });
    expect(types(r)).toEqual(["small-instance-type"]);
  });

  test("a 2Ti pod is refused with its memory shortfall", () => {
    const r = run({ pods: [pod("p", { requests: { memory: "2Ti" } })] });
    expect(failures(r)).toEqual([["default/p", "insufficient-resources"]]);
    expect(r.unschedulable[0]!.nodePools[0]!.resources?.[0]?.resource).toBe("memory");
  });

  test("25 tiny pods need five small nodes (5 pods per node)", () => {
    const r = run({ pods: replicas("p", 25, { nodeSelector: { [ARCH]: "amd64" }, requests: { cpu: "1m", memory: "1m" } }), nodePools: [amd64] });
    expect(r.nodeClaims.map((c) => [c.instanceType, c.pods.length])).toEqual(Array.from({ length: 5 }, () => ["small-instance-type", 5]));
  });

  test("the single-pod type holds one pod per node", () => {
    const r = run({ pods: replicas("p", 3, { nodeSelector: { [IT]: "single-pod-instance-type" } }) });
    expect(r.nodeClaims.map((c) => [c.instanceType, c.pods.length])).toEqual(Array.from({ length: 3 }, () => ["single-pod-instance-type", 1]));
  });

  test("a claim holding two pods drops the single-pod type from its options", () => {
    const r = run({ pods: replicas("p", 2, { requests: { cpu: "1500m" } }) });
    expect(r.nodeClaims).toHaveLength(1);
    expect(r.nodeClaims[0]!.instanceTypeOptions).toEqual([
      "default-instance-type",
      "gpu-vendor-b-instance-type",
      "gpu-vendor-instance-type",
      "arm-instance-type",
    ]);
  });

  test("an init container larger than the app decides: 2 CPU init needs the default type", () => {
    const p = pod("p", { requests: { cpu: "1", memory: "1Gi" }, initContainers: [{ requests: { cpu: "2", memory: "1Gi" } }] });
    expect(types(run({ pods: [p] }))).toEqual(["default-instance-type"]);
  });

  test("an init container larger than every type is refused", () => {
    const p = pod("p", { requests: { cpu: "1", memory: "1Gi" }, initContainers: [{ requests: { cpu: "2", memory: "1Ti" } }] });
    expect(failures(run({ pods: [p] }))).toEqual([["default/p", "insufficient-resources"]]);
  });

  test("a plain init container no larger than the app adds nothing", () => {
    const p = pod("p", { requests: { cpu: "1" }, initContainers: [{ requests: { cpu: "1" } }] });
    const c = run({ pods: [p] }).nodeClaims[0]!;
    expect([c.instanceType, c.requests.get("cpu")]).toEqual(["small-instance-type", 1000]);
  });

  test("a sidecar runs beside the app: 1 + 1 CPU needs the default type", () => {
    const p = pod("p", { requests: { cpu: "1" }, initContainers: [{ requests: { cpu: "1" }, sidecar: true }] });
    const c = run({ pods: [p] }).nodeClaims[0]!;
    expect([c.instanceType, c.requests.get("cpu")]).toEqual(["default-instance-type", 2000]);
  });

  test("an init container after a sidecar runs next to it: 1 + 1.5 CPU beats 1 + 0.5", () => {
    const p = pod("p", { requests: { cpu: "500m" }, initContainers: [{ requests: { cpu: "1" }, sidecar: true }, { requests: { cpu: "1500m" } }] });
    expect(run({ pods: [p] }).nodeClaims[0]!.requests.get("cpu")).toBe(2500);
  });

  test("limits stand in for missing requests", () => {
    const c = run({ pods: [pod("p", { limits: { cpu: "3" } })] }).nodeClaims[0]!;
    expect([c.instanceType, c.requests.get("cpu")]).toEqual(["default-instance-type", 3000]);
  });

  test("claim requests are the sum of pod requests plus pods", () => {
    const r = run({ pods: [pod("a", { requests: { cpu: "1", memory: "1Gi" } }), pod("b", { requests: { cpu: "500m", memory: "512Mi" } })] });
    expect(Object.fromEntries(r.nodeClaims[0]!.requests)).toEqual({ cpu: 1500, memory: 1536 * 1024 * 1024, pods: 2 });
  });
});

describe("queue order (first-fit decreasing)", () => {
  test("CPU first, then memory", () => {
    const pods = [
      pod("mem", { requests: { cpu: "1", memory: "2Gi" } }),
      pod("cpu", { requests: { cpu: "2" } }),
      pod("low", { requests: { cpu: "1", memory: "1Gi" } }),
    ];
    expect(run({ pods }).nodeClaims[0]!.pods).toEqual(["default/cpu", "default/mem", "default/low"]);
  });

  test("equal requests: older pods first, then uid", () => {
    const pods = [pod("c", { created: "2025-01-02T00:00:00Z" }), pod("b", { created: "2025-01-01T00:00:00Z" }), pod("a", { created: "2025-01-02T00:00:00Z" })];
    expect(run({ pods }).nodeClaims[0]!.pods).toEqual(["default/b", "default/a", "default/c"]);
  });

  test("GPU requests do not affect the order", () => {
    const pods = [pod("gpu", { requests: { cpu: "1", "fake.com/vendor-a": "1" } }), pod("cpu", { requests: { cpu: "1500m" } })];
    expect(run({ pods }).nodeClaims[0]!.pods).toEqual(["default/cpu", "default/gpu"]);
  });

  test("planned claims are tried least-loaded first", () => {
    // a and c pin test-zone-1, b pins test-zone-2; d fits either and goes to the claim with fewer pods.
    const pods = [
      pod("a", { requests: { cpu: "2" }, nodeSelector: { [ZONE]: "test-zone-1" } }),
      pod("b", { requests: { cpu: "1500m" }, nodeSelector: { [ZONE]: "test-zone-2" } }),
      pod("c", { requests: { cpu: "1" }, nodeSelector: { [ZONE]: "test-zone-1" } }),
      pod("d", { requests: { cpu: "500m" } }),
    ];
    expect(run({ pods }).nodeClaims.map((c) => c.pods)).toEqual([
      ["default/a", "default/c"],
      ["default/b", "default/d"],
    ]);
  });
});

describe("cheapest instance and the option list", () => {
  test("all six types are options, cheapest first, ties by name", () => {
    const c = run({ pods: [pod("p")] }).nodeClaims[0]!;
    expect(c.instanceTypeOptions).toEqual([
      "small-instance-type",
      "default-instance-type",
      "single-pod-instance-type",
      "gpu-vendor-b-instance-type",
      "gpu-vendor-instance-type",
      "arm-instance-type",
    ]);
    expect(c.price).toBeCloseTo(0.2 + 0.2 * 1.073741824, 9);
  });

  test("maxInstanceTypes truncates to the cheapest", () => {
    expect(run({ pods: [pod("p")] }, { maxInstanceTypes: 1 }).nodeClaims[0]!.instanceTypeOptions).toEqual(["small-instance-type"]);
  });

  test("the option list is the instance-type requirement, in price order", () => {
    const c = run({ pods: [pod("p")] }, { maxInstanceTypes: 3 }).nodeClaims[0]!;
    expect(c.requirements.find((r) => r.key === IT)).toEqual({
      key: IT,
      operator: "In",
      values: ["small-instance-type", "default-instance-type", "single-pod-instance-type"],
    });
  });

  test("valid types are all kept whatever their size; the cheapest is launched", () => {
    const offering = (price: number) => [{ zone: "test-zone-1a", capacityType: "on-demand", price }];
    const catalogue = [
      fakeInstanceType({ name: "medium", cpu: 2, memoryGi: 2, offerings: offering(3) }),
      fakeInstanceType({ name: "small", cpu: 1, memoryGi: 1, offerings: offering(2) }),
      fakeInstanceType({ name: "large", cpu: 4, memoryGi: 4, offerings: offering(1) }),
    ];
    const c = run({ pods: [pod("p", { limits: { cpu: "1m", memory: "1Mi" } })], instanceTypes: catalogue }).nodeClaims[0]!;
    expect(c.instanceType).toBe("large");
    expect(c.instanceTypeOptions).toEqual(["large", "small", "medium"]);
  });

  test("price order follows the offerings the claim may use", () => {
    // cheap-z1 is cheapest overall but has no test-zone-2 offering.
    const catalogue = [
      fakeInstanceType({ name: "cheap-z1", offerings: [{ zone: "test-zone-1", capacityType: "on-demand", price: 0.1 }] }),
      fakeInstanceType({
        name: "dear",
        offerings: [
          { zone: "test-zone-1", capacityType: "on-demand", price: 0.3 },
          { zone: "test-zone-2", capacityType: "on-demand", price: 0.2 },
        ],
      }),
    ];
    const z1 = run({ pods: [pod("p")], instanceTypes: catalogue }).nodeClaims[0]!;
    expect([z1.instanceType, z1.zone, z1.price]).toEqual(["cheap-z1", "test-zone-1", 0.1]);
    const z2 = run({ pods: [pod("p", { nodeSelector: { [ZONE]: "test-zone-2" } })], instanceTypes: catalogue }).nodeClaims[0]!;
    expect([z2.instanceType, z2.zone, z2.price, z2.instanceTypeOptions]).toEqual(["dear", "test-zone-2", 0.2, ["dear"]]);
  });

  test("the summary adds the launch prices", () => {
    const r = run({ pods: [pod("a", { nodeSelector: { [IT]: "small-instance-type" } }), pod("b", { nodeSelector: { [IT]: "default-instance-type" } })] });
    expect(r.summary).toMatchObject({ pods: 2, scheduled: 2, newNodeClaims: 2 });
    expect(r.summary.newHourlyCost).toBeCloseTo(r.nodeClaims[0]!.price + r.nodeClaims[1]!.price, 9);
  });
});

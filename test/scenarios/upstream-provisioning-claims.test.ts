/**
 * Upstream's provisioning suite (pkg/controllers/provisioning/suite_test.go), the tests that read the created NodeClaim
 * or the launched node's size: its requirements and resource requests (`NodeClaim Creation`), the MinValuesPolicy
 * relaxation, and the pod-resource rules (sidecars, pod-level resources) through the type a pod launches. Its NodePools
 * are upstream's bare `test.NodePool()` (no requirements) unless a test sets some.
 */
import { describe, expect, it } from "vitest";
import type { InstanceType } from "../../src/instance-types/index.js";
import type { PlannedNodeClaim, ScheduleResult } from "../../src/scheduler/index.js";
import { fakeInstanceType, fakeInstanceTypes, fakePrice } from "../../src/testing/fake-catalog.js";
import type { NodeSelectorRequirementWithMinValues, Pod } from "../../src/types/kubernetes.js";
import { daemonSet, node, nodePool, pod, replicas, requirementOf, run } from "./helpers.js";
import { upstream } from "./upstream/files.js";

const IT = "node.kubernetes.io/instance-type";
const ZONE = "topology.kubernetes.io/zone";
const GI = 1024 ** 3;
const MI = 1024 ** 2;
const bare = (o: Parameters<typeof nodePool>[1] = {}) => nodePool("default", { requirements: [], ...o });
const onlyClaim = (result: ScheduleResult): PlannedNodeClaim => {
  expect(result.unschedulable).toEqual([]);
  expect(result.nodeClaims).toHaveLength(1);
  return result.nodeClaims[0] as PlannedNodeClaim;
};
/** Upstream's `ExpectNodeClaimRequirements`: the claim has a requirement with this key and operator and exactly these values. */
const expectRequirement = (claim: PlannedNodeClaim, key: string, operator: string, values: readonly string[]) => {
  const r = claim.requirements.find((x) => x.key === key && x.operator === operator);
  expect(r, `${key} ${operator}`).toBeDefined();
  expect([...(r?.values ?? [])].sort()).toEqual([...values].sort());
};

describe("provisioning: pods per node and deleting nodes", () => {
  it(upstream("provisioning/suite", "should provision multiple nodes when maxPods is set"), () => {
    // single-pod-instance-type holds one pod, so three pods need three nodes.
    const np = bare({ requirements: [{ key: IT, operator: "In", values: ["single-pod-instance-type"] }] });
    const result = run({ pods: replicas("p", 3), nodePools: [np] });
    expect(result.unschedulable).toEqual([]);
    expect(result.nodeClaims.map((c) => [c.instanceType, c.pods])).toEqual([
      ["single-pod-instance-type", ["default/p-0"]],
      ["single-pod-instance-type", ["default/p-1"]],
      ["single-pod-instance-type", ["default/p-2"]],
    ]);
  });
  it(upstream("provisioning/suite", "should schedule all pods on one inflight node when node is in deleting state"), () => {
    // A NodePool node of the first fake type, with three pods bound to it, is being deleted (held by a finalizer).
    const deleting = node("deleting", { nodePool: "default", initialized: true, labels: { [IT]: "default-instance-type" }, deleting: true });
    const bound = replicas("old", 3).map((p) => ({ ...p, spec: { ...p.spec, nodeName: "deleting" } }));
    const result = run({ pods: replicas("new", 2), nodePools: [bare()], nodes: [deleting], boundPods: bound });
    // One new node; nothing lands on the deleting one, and its pods move with the new ones.
    expect(result.existingNodes.flatMap((n) => n.pods)).toEqual([]);
    const claim = onlyClaim(result);
    expect([...claim.pods].sort()).toEqual(["default/new-0", "default/new-1", "default/old-0", "default/old-1", "default/old-2"]);
  });
});

describe("provisioning: init containers, sidecars and pod-level resources", () => {
  /**
   * Upstream's `AddInstanceResources` three times: linux types of architecture `arch` with one spot offering in
   * test-zone-1, one just too small, one right, one a size bigger (upstream names all three `example`).
   */
  const sized = (): InstanceType[] =>
    [
      [10, 4],
      [11, 5],
      [12, 6],
    ].map(([cpu, mem]) =>
      fakeInstanceType({
        name: `example-${cpu}`,
        cpu,
        memoryGi: mem,
        arch: "arch",
        operatingSystems: ["linux"],
        offerings: [{ zone: "test-zone-1", capacityType: "spot", price: fakePrice(cpu ?? 0, (mem ?? 0) * GI) }],
      }),
    );
  /** The capacity (`[cpu, memory]`) of the type the pod launches on. */
  const launchedCapacity = (p: Pod): [number | undefined, number | undefined] => {
    const types = sized();
    const claim = onlyClaim(run({ pods: [p], nodePools: [bare()], instanceTypes: types }));
    const type = types.find((t) => t.name === claim.instanceType);
    return [type?.capacity.get("cpu"), type?.capacity.get("memory")];
  };
  const main6 = { requests: { cpu: "6", memory: "2Gi" }, limits: { cpu: "6", memory: "2Gi" } };
  const main5 = { requests: { cpu: "5", memory: "1Gi" }, limits: { cpu: "5", memory: "1Gi" } };
  const sidecar = { requests: { cpu: "4.9", memory: "2.9Gi" }, sidecar: true };
  it(
    upstream(
      "provisioning/suite",
      "should schedule based on the max resource requests of containers and initContainers with sidecar containers when initcontainer comes first",
    ),
    () => {
      // max(init 10, containers 6 + sidecar 4.9) = 10.9 CPU and max(4Gi, 4.9Gi) memory: the 11-CPU, 5Gi type.
      const p = pod("p", { ...main6, initContainers: [{ requests: { cpu: "10", memory: "4Gi" } }, sidecar] });
      expect(launchedCapacity(p)).toEqual([11000, 5 * GI]);
    },
  );
  it(
    upstream(
      "provisioning/suite",
      "should schedule based on the max resource requests of containers and initContainers with sidecar containers when sidecar container comes first and init container resources are smaller than container resources",
    ),
    () => {
      // The init container runs beside the sidecar (9.9 CPU, 3.9Gi); the containers beside it need 10.9 CPU, 4.9Gi.
      const p = pod("p", { ...main6, initContainers: [sidecar, { requests: { cpu: "5", memory: "1Gi" } }] });
      expect(launchedCapacity(p)).toEqual([11000, 5 * GI]);
    },
  );
  it(
    upstream(
      "provisioning/suite",
      "should schedule based on the max resource requests of containers and initContainers with sidecar containers when sidecar container comes first and init container resources are bigger than container resources",
    ),
    () => {
      // The init container beside the sidecar needs 10.9 CPU and 4.9Gi, more than the containers beside it.
      const p = pod("p", { ...main5, initContainers: [sidecar, { requests: { cpu: "6", memory: "2Gi" } }] });
      expect(launchedCapacity(p)).toEqual([11000, 5 * GI]);
    },
  );
  it(upstream("provisioning/suite", "should schedule based on the pod level resources requests"), () => {
    // Pod-level requests (9.9 CPU, 3.9Gi) replace the container aggregate: the 10-CPU, 4Gi type.
    const base = pod("p", { ...main5, initContainers: [{ requests: { cpu: "6", memory: "2Gi" } }, { requests: { cpu: "4", memory: "2Gi" }, sidecar: true }] });
    const p: Pod = {
      ...base,
      spec: { ...base.spec, resources: { requests: { cpu: "9.9", memory: "3.9Gi" }, limits: { cpu: "10", memory: "4Gi" } } },
    };
    expect(launchedCapacity(p)).toEqual([10000, 4 * GI]);
  });
});

describe("NodeClaim Creation", () => {
  const ALL = fakeInstanceTypes().map((t) => t.name);
  it(upstream("provisioning/suite", "NodeClaim Creation › should create a nodeclaim request with expected requirements"), () => {
    const claim = onlyClaim(run({ pods: [pod("p")], nodePools: [bare()] }));
    expectRequirement(claim, IT, "In", ALL);
    expectRequirement(claim, "karpenter.sh/nodepool", "In", ["default"]);
    expect(claim.pods).toEqual(["default/p"]);
  });
  it(upstream("provisioning/suite", "NodeClaim Creation › should create a nodeclaim request with additional expected requirements"), () => {
    const np = bare({
      requirements: [
        { key: "custom-requirement-key", operator: "In", values: ["value"] },
        { key: "custom-requirement-key2", operator: "In", values: ["value"] },
      ],
    });
    const claim = onlyClaim(run({ pods: [pod("p")], nodePools: [np] }));
    expectRequirement(claim, IT, "In", ALL);
    expectRequirement(claim, "karpenter.sh/nodepool", "In", ["default"]);
    expectRequirement(claim, "custom-requirement-key", "In", ["value"]);
    expectRequirement(claim, "custom-requirement-key2", "In", ["value"]);
  });
  it(upstream("provisioning/suite", "NodeClaim Creation › should create a nodeclaim request restricting instance types on architecture"), () => {
    const claim = onlyClaim(run({ pods: [pod("p")], nodePools: [bare({ requirements: [{ key: "kubernetes.io/arch", operator: "In", values: ["arm64"] }] })] }));
    expectRequirement(claim, "kubernetes.io/arch", "In", ["arm64"]);
    expectRequirement(claim, IT, "In", ["arm-instance-type"]);
  });
  it(upstream("provisioning/suite", "NodeClaim Creation › should create a nodeclaim request restricting instance types on operating system"), () => {
    const claim = onlyClaim(run({ pods: [pod("p")], nodePools: [bare({ requirements: [{ key: "kubernetes.io/os", operator: "In", values: ["ios"] }] })] }));
    expectRequirement(claim, "kubernetes.io/os", "In", ["ios"]);
    expectRequirement(claim, IT, "In", ["arm-instance-type"]);
  });
  it(upstream("provisioning/suite", "NodeClaim Creation › should create a nodeclaim request restricting instance types based on pod resource requests"), () => {
    const p = pod("p", { requests: { "fake.com/vendor-a": "1" }, limits: { "fake.com/vendor-a": "1" } });
    const claim = onlyClaim(run({ pods: [p], nodePools: [bare()] }));
    expectRequirement(claim, IT, "In", ["gpu-vendor-instance-type"]);
  });
  it(upstream("provisioning/suite", "NodeClaim Creation › should create a nodeclaim with resource requests"), () => {
    const p = pod("p", { requests: { cpu: "1", memory: "1Mi", "fake.com/vendor-a": "1" }, limits: { "fake.com/vendor-a": "1" } });
    const claim = onlyClaim(run({ pods: [p], nodePools: [bare()] }));
    expect([...claim.requests].sort()).toEqual(
      [
        ["cpu", 1000],
        ["memory", MI],
        ["fake.com/vendor-a", 1],
        ["pods", 1],
      ].sort(),
    );
  });
  const oneCpu = { requests: { cpu: "1", memory: "1Mi" } };
  it(upstream("provisioning/suite", "NodeClaim Creation › should create a nodeclaim with resource requests with daemon overhead"), () => {
    const claim = onlyClaim(run({ pods: [pod("p", oneCpu)], nodePools: [bare()], daemonSets: [daemonSet("ds", oneCpu)] }));
    expect(Object.fromEntries(claim.requests)).toEqual({ cpu: 2000, memory: 2 * MI, pods: 2 });
  });
  it(
    upstream("provisioning/suite", "NodeClaim Creation › should not double-count daemon overhead when multiple pods are scheduled to the same nodeclaim"),
    () => {
      // Two pods of 1 CPU and one DaemonSet pod of 1 CPU: 3 CPU, not 4.
      const claim = onlyClaim(run({ pods: replicas("p", 2, oneCpu), nodePools: [bare()], daemonSets: [daemonSet("ds", oneCpu)] }));
      expect(claim.pods).toEqual(["default/p-0", "default/p-1"]);
      expect(Object.fromEntries(claim.requests)).toEqual({ cpu: 3000, memory: 3 * MI, pods: 3 });
    },
  );
});

describe("MinValuesPolicy", () => {
  /** Upstream's two 4-CPU, 4Gi arm64 linux types, each with one spot offering at 0.52. */
  const twoTypes = () =>
    ["test-zone-1-spot", "test-zone-2-spot"].map((zone, i) =>
      fakeInstanceType({
        name: `instance-type-${i + 1}`,
        arch: "arm64",
        operatingSystems: ["linux"],
        offerings: [{ zone, capacityType: "spot", price: 0.52 }],
      }),
    );
  /** One such type offered in two zones, at 0.52 and 0.54. */
  const twoZones = () => [
    fakeInstanceType({
      name: "instance-type-1",
      arch: "arm64",
      operatingSystems: ["linux"],
      offerings: [
        { zone: "test-zone-1", capacityType: "spot", price: 0.52 },
        { zone: "test-zone-2", capacityType: "spot", price: 0.54 },
      ],
    }),
  ];
  const threeTypes = (minValues?: number): NodeSelectorRequirementWithMinValues => ({
    key: IT,
    operator: "In",
    values: ["instance-type-1", "instance-type-2", "instance-type-3"],
    ...(minValues === undefined ? {} : { minValues }),
  });
  const threeZones: NodeSelectorRequirementWithMinValues = { key: ZONE, operator: "In", values: ["test-zone-1", "test-zone-2", "test-zone-3"], minValues: 3 };
  const p = () => pod("p", { requests: { cpu: "0.9", memory: "0.9Gi" } });
  const heavy = nodePool("heavy", { weight: 100, requirements: [threeTypes(3)] });
  const strict = { minValuesPolicy: "Strict" } as const;
  const bestEffort = { minValuesPolicy: "BestEffort" } as const;
  const notScheduled = (result: ScheduleResult) => {
    expect(result.nodeClaims).toEqual([]);
    expect(result.unschedulable.map((u) => u.pod)).toEqual(["default/p"]);
  };
  /** The relaxed claim upstream expects: instance-type-1 from `pool`, its instance-type requirement down to the two types. */
  const relaxedToTwoTypes = (claim: PlannedNodeClaim, pool: string) => {
    expect(claim.instanceType).toBe("instance-type-1");
    expect(claim.nodePool).toBe(pool);
    expect(claim.minValuesRelaxed).toBe(true);
    expect(requirementOf(claim, IT)).toEqual({ key: IT, operator: "In", values: ["instance-type-1", "instance-type-2"], minValues: 2 });
  };
  it(
    upstream(
      "provisioning/suite",
      "MinValuesPolicy › with instance type requirements › with MinValuesPolicy set to Strict › should not schedule when minValues requirement is not met",
    ),
    () => notScheduled(run({ pods: [p()], nodePools: [heavy], instanceTypes: twoTypes() }, strict)),
  );
  it(
    upstream(
      "provisioning/suite",
      "MinValuesPolicy › with instance type requirements › with MinValuesPolicy set to BestEffort › should schedule even when minValues requirement is not met",
    ),
    () => relaxedToTwoTypes(onlyClaim(run({ pods: [p()], nodePools: [heavy], instanceTypes: twoTypes() }, bestEffort)), "heavy"),
  );
  it(
    upstream(
      "provisioning/suite",
      "MinValuesPolicy › with instance type requirements › with MinValuesPolicy set to BestEffort › should relax minValues before falling back to other nodepools",
    ),
    () => {
      const light = nodePool("light", { weight: 10, requirements: [threeTypes()] });
      relaxedToTwoTypes(onlyClaim(run({ pods: [p()], nodePools: [heavy, light], instanceTypes: twoTypes() }, bestEffort)), "heavy");
    },
  );
  it(
    upstream(
      "provisioning/suite",
      "MinValuesPolicy › with instance type requirements › with MinValuesPolicy set to BestEffort › should choose nodepool with higher weight when relaxing minValues",
    ),
    () => {
      const light = nodePool("light", { weight: 10, requirements: [threeTypes(3)] });
      relaxedToTwoTypes(onlyClaim(run({ pods: [p()], nodePools: [light, heavy], instanceTypes: twoTypes() }, bestEffort)), "heavy");
    },
  );
  it(
    upstream(
      "provisioning/suite",
      "MinValuesPolicy › with zone requirements › with MinValuesPolicy set to Strict › should not schedule when zone minValues requirement is not met",
    ),
    () => notScheduled(run({ pods: [p()], nodePools: [bare({ requirements: [threeZones] })], instanceTypes: twoZones() }, strict)),
  );
  it(
    upstream(
      "provisioning/suite",
      "MinValuesPolicy › with zone requirements › with MinValuesPolicy set to BestEffort › should schedule even when zone minValues requirement is not met",
    ),
    () => {
      const claim = onlyClaim(run({ pods: [p()], nodePools: [bare({ requirements: [threeZones] })], instanceTypes: twoZones() }, bestEffort));
      expect(claim.instanceType).toBe("instance-type-1");
      expect(["test-zone-1", "test-zone-2"]).toContain(claim.zone);
      expect(claim.minValuesRelaxed).toBe(true);
      // The zone requirement keeps the NodePool's values; only its minValues drops to the two reachable zones.
      expect(requirementOf(claim, ZONE)).toEqual({ ...threeZones, minValues: 2 });
    },
  );
  it(
    upstream(
      "provisioning/suite",
      "MinValuesPolicy › with both instance type and zone requirements › with MinValuesPolicy set to BestEffort › should schedule when minValues requirement is not met",
    ),
    () => {
      const np = nodePool("heavy", { weight: 100, requirements: [threeTypes(3), threeZones] });
      const claim = onlyClaim(run({ pods: [p()], nodePools: [np], instanceTypes: twoZones() }, bestEffort));
      expect(claim.instanceType).toBe("instance-type-1");
      expect(["test-zone-1", "test-zone-2"]).toContain(claim.zone);
      expect(claim.minValuesRelaxed).toBe(true);
      expect(requirementOf(claim, IT)).toEqual({ key: IT, operator: "In", values: ["instance-type-1"], minValues: 1 });
      expect(requirementOf(claim, ZONE)).toEqual({ ...threeZones, minValues: 2 });
    },
  );
});

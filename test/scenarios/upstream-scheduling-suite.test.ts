/**
 * Upstream's scheduling suite (pkg/controllers/provisioning/scheduling/suite_test.go): Preferential Fallback,
 * Instance Type Compatibility and Binpacking, translated one `It` at a time on the fake catalogue. `NodeRequirements`
 * is one required node-affinity term; the suite's default NodePool allows every capacity type.
 */
import { describe, expect, it } from "vitest";
import { fakeInstanceType, syntheticInstanceTypes } from "../../src/testing/fake-catalog.js";
import type { Affinity, NodeSelectorRequirementWithMinValues } from "../../src/types/kubernetes.js";
import { landedLabels, nodePool, pod, preferredTerms, replicas, req, requiredTerms, run } from "./helpers.js";
import { upstream } from "./upstream/files.js";

const ZONE = "topology.kubernetes.io/zone";
const IT = "node.kubernetes.io/instance-type";
const ARCH = "kubernetes.io/arch";
const OS = "kubernetes.io/os";
const BOTH_ARCHS = [req(ARCH, "In", "arm64", "amd64")];
const AMD_ONLY = [req(ARCH, "In", "amd64")];

const pool = (requirements: readonly NodeSelectorRequirementWithMinValues[]) => nodePool("default", { requirements });

/** The distinct node (claim or existing node) names the pods landed on; throws if one was not scheduled. */
function nodesOf(result: ReturnType<typeof run>, names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    const claim = result.nodeClaims.find((c) => c.pods.includes(`default/${name}`));
    expect(claim, `${name} scheduled`).toBeDefined();
    out.add(claim?.name ?? "");
  }
  return out;
}

describe("Preferential Fallback", () => {
  it(upstream("scheduling/suite", "Preferential Fallback › Required › should not relax the final term"), () => {
    const result = run({
      pods: [pod("p", { affinity: requiredTerms([req(ZONE, "In", "invalid")]) })],
      nodePools: [pool([req(ZONE, "In", "test-zone-1"), req(IT, "In", "default-instance-type")])],
    });
    expect(landedLabels(result, "p")).toBeUndefined();
  });

  it(upstream("scheduling/suite", "Preferential Fallback › Required › should relax multiple terms"), () => {
    const affinity = requiredTerms(
      [req(ZONE, "In", "invalid")],
      [req(ZONE, "In", "invalid")],
      [req(ZONE, "In", "test-zone-1")],
      [req(ZONE, "In", "test-zone-2")],
    );
    expect(landedLabels(run({ pods: [pod("p", { affinity })] }), "p")?.get(ZONE)).toBe("test-zone-1");
  });

  it(upstream("scheduling/suite", "Preferential Fallback › Preferred › should relax all terms"), () => {
    const affinity = preferredTerms([1, [req(ZONE, "In", "invalid")]], [1, [req(IT, "In", "invalid")]]);
    expect(landedLabels(run({ pods: [pod("p", { affinity })] }), "p")).toBeDefined();
  });

  it(upstream("scheduling/suite", "Preferential Fallback › Preferred › should relax to use lighter weights"), () => {
    const affinity = preferredTerms([100, [req(IT, "In", "test-zone-3")]], [50, [req(ZONE, "In", "test-zone-2")]], [1, [req(ZONE, "In", "test-zone-1")]]);
    const result = run({ pods: [pod("p", { affinity })], nodePools: [pool([req(ZONE, "In", "test-zone-1", "test-zone-2")])] });
    expect(landedLabels(result, "p")?.get(ZONE)).toBe("test-zone-2");
  });

  it(upstream("scheduling/suite", "Preferential Fallback › Preferred › should schedule even if preference is conflicting with requirement"), () => {
    const affinity: Affinity = {
      nodeAffinity: {
        ...preferredTerms([1, [req(ZONE, "NotIn", "test-zone-3")]]).nodeAffinity,
        ...requiredTerms([req(ZONE, "In", "test-zone-3")]).nodeAffinity,
      },
    };
    expect(landedLabels(run({ pods: [pod("p", { affinity })] }), "p")?.get(ZONE)).toBe("test-zone-3");
  });

  it(upstream("scheduling/suite", "Preferential Fallback › Preferred › should schedule even if preference requirements are conflicting"), () => {
    const affinity = preferredTerms([1, [req(ZONE, "In", "invalid"), req(ZONE, "NotIn", "invalid")]]);
    expect(landedLabels(run({ pods: [pod("p", { affinity })] }), "p")).toBeDefined();
  });
});

describe("Instance Type Compatibility", () => {
  it(upstream("scheduling/suite", "Instance Type Compatibility › should not schedule if requesting more resources than any instance type has"), () => {
    expect(landedLabels(run({ pods: [pod("p", { requests: { cpu: "512" } })] }), "p")).toBeUndefined();
  });

  const twoNodes = (selectors: readonly Record<string, string>[]): void => {
    const pods = selectors.map((nodeSelector, i) => pod(`p${i}`, { nodeSelector }));
    const result = run({ pods, nodePools: [pool(BOTH_ARCHS)] });
    expect(nodesOf(result, ["p0", "p1"]).size).toBe(2);
  };
  it(upstream("scheduling/suite", "Instance Type Compatibility › should launch pods with different archs on different instances"), () => {
    twoNodes([{ [ARCH]: "amd64" }, { [ARCH]: "arm64" }]);
  });
  it(upstream("scheduling/suite", "Instance Type Compatibility › should launch pods with different operating systems on different instances"), () => {
    twoNodes([{ [OS]: "linux" }, { [OS]: "windows" }]);
  });
  it(
    upstream("scheduling/suite", "Instance Type Compatibility › should launch pods with different instance type node selectors on different instances"),
    () => {
      // The first pod uses the deprecated beta instance-type label, which is normalised to the stable one.
      twoNodes([{ "beta.kubernetes.io/instance-type": "small-instance-type" }, { [IT]: "default-instance-type" }]);
    },
  );
  it(upstream("scheduling/suite", "Instance Type Compatibility › should launch pods with different zone selectors on different instances"), () => {
    twoNodes([{ [ZONE]: "test-zone-1" }, { [ZONE]: "test-zone-2" }]);
  });

  it(
    upstream(
      "scheduling/suite",
      "Instance Type Compatibility › should exclude instance types that are not supported by the pod constraints (node affinity/instance type)",
    ),
    () => {
      const result = run({ pods: [pod("p", { affinity: requiredTerms([req(IT, "In", "arm-instance-type")]) })], nodePools: [pool(AMD_ONLY)] });
      expect(landedLabels(result, "p")).toBeUndefined();
    },
  );
  it(
    upstream(
      "scheduling/suite",
      "Instance Type Compatibility › should exclude instance types that are not supported by the pod constraints (node affinity/operating system)",
    ),
    () => {
      // Only the arm type offers ios, and the NodePool allows amd64 only.
      const result = run({ pods: [pod("p", { affinity: requiredTerms([req(OS, "In", "ios")]) })], nodePools: [pool(AMD_ONLY)] });
      expect(landedLabels(result, "p")).toBeUndefined();
    },
  );
  it(
    upstream("scheduling/suite", "Instance Type Compatibility › should exclude instance types that are not supported by the provider constraints (arch)"),
    () => {
      // Only the arm type has 14 CPUs; the pod's limit becomes its request.
      const result = run({ pods: [pod("p", { limits: { cpu: "14" } })], nodePools: [pool(AMD_ONLY)] });
      expect(landedLabels(result, "p")).toBeUndefined();
    },
  );

  const GPU1 = "karpenter.sh/super-great-gpu";
  const GPU2 = "karpenter.sh/even-better-gpu";
  /** fake.InstanceTypes(5) with 25 of GPU1 on the first type and 25 of GPU2 on the second. */
  const gpuCatalogue = () => [
    fakeInstanceType({ name: "fake-it-0", cpu: 1, memoryGi: 2, pods: 10, extended: new Map([[GPU1, 25]]) }),
    fakeInstanceType({ name: "fake-it-1", cpu: 2, memoryGi: 4, pods: 20, extended: new Map([[GPU2, 25]]) }),
    ...syntheticInstanceTypes(5).slice(2),
  ];
  it(
    upstream(
      "scheduling/suite",
      "Instance Type Compatibility › should launch pods with resources that aren't on any single instance type on different instances",
    ),
    () => {
      const pods = [pod("p0", { limits: { [GPU1]: "1" } }), pod("p1", { limits: { [GPU2]: "1" } })];
      expect(nodesOf(run({ pods, instanceTypes: gpuCatalogue() }), ["p0", "p1"]).size).toBe(2);
    },
  );
  it(
    upstream("scheduling/suite", "Instance Type Compatibility › should fail to schedule a pod with resources requests that aren't on a single instance type"),
    () => {
      const result = run({ pods: [pod("p", { limits: { [GPU1]: "1", [GPU2]: "1" } })], instanceTypes: gpuCatalogue() });
      expect(landedLabels(result, "p")).toBeUndefined();
    },
  );
});

describe("Binpacking", () => {
  const typeOf = (result: ReturnType<typeof run>, name: string): string | undefined => landedLabels(result, name)?.get(IT);

  it(upstream("scheduling/suite", "Binpacking › should schedule a small pod on the smallest instance"), () => {
    expect(typeOf(run({ pods: [pod("p", { requests: { memory: "100M" } })] }), "p")).toBe("small-instance-type");
  });
  it(upstream("scheduling/suite", "Binpacking › should schedule a small pod on the smallest possible instance type"), () => {
    expect(typeOf(run({ pods: [pod("p", { requests: { memory: "2000M" } })] }), "p")).toBe("small-instance-type");
  });
  it(upstream("scheduling/suite", "Binpacking › should take pod runtime class into consideration"), () => {
    // The RuntimeClass's 2 CPU pod overhead, as admission writes it into spec.overhead.
    expect(typeOf(run({ pods: [pod("p", { requests: { cpu: "1" }, overhead: { cpu: "2" } })] }), "p")).toBe("default-instance-type");
  });
  it(upstream("scheduling/suite", "Binpacking › should schedule multiple small pods on the smallest possible instance type"), () => {
    const result = run({ pods: replicas("p", 5, { requests: { memory: "10M" } }) });
    const names = Array.from({ length: 5 }, (_, i) => `p-${i}`);
    for (const n of names) expect(typeOf(result, n)).toBe("small-instance-type");
    expect(nodesOf(result, names).size).toBe(1);
  });

  const amd = { [ARCH]: "amd64" };
  it(upstream("scheduling/suite", "Binpacking › should create new nodes when a node is at capacity"), () => {
    const result = run({ pods: replicas("p", 40, { nodeSelector: amd, requests: { memory: "1.8G" } }) });
    const names = Array.from({ length: 40 }, (_, i) => `p-${i}`);
    for (const n of names) expect(typeOf(result, n)).toBe("default-instance-type");
    expect(nodesOf(result, names).size).toBe(20);
  });
  it(upstream("scheduling/suite", "Binpacking › should pack small and large pods together"), () => {
    const pods = [
      ...replicas("large", 40, { nodeSelector: amd, requests: { memory: "1.8G" } }),
      ...replicas("small", 20, { nodeSelector: amd, requests: { memory: "400M" } }),
    ];
    const result = run({ pods });
    const names = pods.map((p) => p.metadata.name ?? "");
    for (const n of names) expect(typeOf(result, n)).toBe("default-instance-type");
    expect(nodesOf(result, names).size).toBe(20);
  });
  it(upstream("scheduling/suite", "Binpacking › should pack nodes tightly"), () => {
    const result = run({
      pods: [pod("big", { requests: { cpu: "4.5" } }), pod("small", { requests: { cpu: "1" } })],
      instanceTypes: syntheticInstanceTypes(5),
    });
    expect(nodesOf(result, ["big", "small"]).size).toBe(2);
    expect(typeOf(result, "big")).not.toBe(typeOf(result, "small"));
  });
  it(upstream("scheduling/suite", "Binpacking › should handle zero-quantity resource requests"), () => {
    const result = run({ pods: [pod("p", { requests: { "foo.com/weird-resources": "0" }, limits: { "foo.com/weird-resources": "0" } })] });
    expect(landedLabels(result, "p")).toBeDefined();
  });
  it(upstream("scheduling/suite", "Binpacking › should not schedule pods that exceed every instance type's capacity"), () => {
    expect(landedLabels(run({ pods: [pod("p", { requests: { memory: "2Ti" } })] }), "p")).toBeUndefined();
  });
  it(upstream("scheduling/suite", "Binpacking › should create new nodes when a node is at capacity due to pod limits per node"), () => {
    const result = run({ pods: replicas("p", 25, { nodeSelector: amd, requests: { memory: "1m", cpu: "1m" } }) });
    const names = Array.from({ length: 25 }, (_, i) => `p-${i}`);
    for (const n of names) expect(typeOf(result, n)).toBe("small-instance-type");
    expect(nodesOf(result, names).size).toBe(5);
  });
  it(upstream("scheduling/suite", "Binpacking › should take into account initContainer resource requests when binpacking"), () => {
    const p = pod("p", { requests: { memory: "1Gi", cpu: "1" }, initContainers: [{ requests: { memory: "1Gi", cpu: "2" } }] });
    expect(typeOf(run({ pods: [p] }), "p")).toBe("default-instance-type");
  });
  it(
    upstream("scheduling/suite", "Binpacking › should not schedule pods when initContainer resource requests are greater than available instance types"),
    () => {
      const p = pod("p", { requests: { memory: "1Gi", cpu: "1" }, initContainers: [{ requests: { memory: "1Ti", cpu: "2" } }] });
      expect(landedLabels(run({ pods: [p] }), "p")).toBeUndefined();
    },
  );
  it(upstream("scheduling/suite", "Binpacking › should select for valid instance types, regardless of price"), () => {
    const offer = (price: number) => [{ zone: "test-zone-1a", capacityType: "on-demand", price }];
    const instanceTypes = [
      fakeInstanceType({ name: "medium", cpu: 2, memoryGi: 2, offerings: offer(3) }),
      fakeInstanceType({ name: "small", cpu: 1, memoryGi: 1, offerings: offer(2) }),
      fakeInstanceType({ name: "large", cpu: 4, memoryGi: 4, offerings: offer(1) }),
    ];
    const result = run({ pods: [pod("p", { limits: { cpu: "1m", memory: "1Mi" } })], instanceTypes });
    expect(typeOf(result, "p")).toBe("large");
    expect([...(result.nodeClaims[0]?.instanceTypeOptions ?? [])].sort()).toEqual(["large", "medium", "small"]);
  });
});

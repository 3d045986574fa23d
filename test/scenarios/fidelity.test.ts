/**
 * Regressions of issue 14's cases 1 and 2: quantities beyond 2^53 base units (upstream's benchmark NodePool) and
 * preferred node-affinity terms on restricted labels (relaxed, never validated).
 */
import { describe, expect, it } from "vitest";
import { fromKubernetes } from "../../src/kubernetes/index.js";
import { fakeInstanceType } from "../../src/testing/fake-catalog.js";
import { node, nodeClaim, nodePool, placement, pod, preferredTerms, req, run } from "./helpers.js";
import { upstream } from "./upstream/files.js";

describe("quantities beyond 2^53 base units", () => {
  // scheduling_benchmark_test.go builds its NodePool with limits {cpu: "10000000", memory: "10000000Gi"}.
  const limits = { cpu: "10000000", memory: "10000000Gi" };

  it("upstream's benchmark NodePool limits load through the Kubernetes reader and do not bind", () => {
    const input = fromKubernetes([
      {
        object: { apiVersion: "karpenter.sh/v1", kind: "NodePool", metadata: { name: "default" }, spec: { template: { spec: { requirements: [] } }, limits } },
      },
    ]);
    expect(input.nodePools[0]?.spec.limits).toEqual(limits);
    const result = run({ pods: [pod("p", { requests: { cpu: "1", memory: "1Gi" } })], nodePools: [nodePool("default", { limits })] });
    expect(result.unschedulable).toEqual([]);
    expect(result.nodeClaims).toHaveLength(1);
  });

  it("a limit one byte above 2^53 still lets a pod through, and a request beyond every capacity is reported, not thrown", () => {
    const result = run({
      pods: [pod("small", { requests: { memory: "1Gi" } }), pod("huge", { requests: { memory: "9007199254740993" } })],
      nodePools: [nodePool("default", { limits: { memory: "9007199254740993" } })],
    });
    expect(placement(result).has("default/small")).toBe(true);
    expect(result.unschedulable.map((u) => u.pod)).toEqual(["default/huge"]);
  });
});

describe("capacities, allocatable and limits beyond 2^53 decide as upstream's exact arithmetic", () => {
  it("a 10000000Gi memory limit binds only when the NodePool's nodes use it up", () => {
    const limits = { memory: "10000000Gi" };
    const used = (memory: string) => [nodeClaim("existing", "default", { allocatable: { memory } })];
    const withRoom = run({ pods: [pod("p", { requests: { memory: "1Gi" } })], nodePools: [nodePool("default", { limits })], nodeClaims: used("9999000Gi") });
    expect(withRoom.nodeClaims).toHaveLength(1);
    const full = run({ pods: [pod("p", { requests: { memory: "1Gi" } })], nodePools: [nodePool("default", { limits })], nodeClaims: used("10000000Gi") });
    expect(full.nodeClaims).toEqual([]);
    expect(full.unschedulable.map((u) => u.pod)).toEqual(["default/p"]);
  });

  it("a node with 2^60 + 1 bytes allocatable holds two 512Pi pods and not a third", () => {
    // 2^60 + 1 reads down to 2^60; upstream has one byte to spare, which no 512Pi pod can use either.
    const big = node("big", { allocatable: { cpu: "64", memory: "1152921504606846977", pods: "110" } });
    const result = run({ pods: ["a", "b", "c"].map((n) => pod(n, { requests: { memory: "512Pi" } })), nodes: [big] });
    expect(result.existingNodes.flatMap((n) => n.pods).sort()).toEqual(["default/a", "default/b"]);
    expect(result.unschedulable.map((u) => u.pod)).toEqual(["default/c"]);
  });

  it("a catalogue type with 2^31 Gi of memory loads and takes a 1Ei pod", () => {
    const huge = fakeInstanceType({ name: "huge", cpu: 4, memoryGi: 2 ** 31 });
    const result = run({ pods: [pod("p", { requests: { memory: "1Ei" } }), pod("q", { requests: { memory: "3Ei" } })], instanceTypes: [huge] });
    expect(result.nodeClaims.map((c) => [c.instanceType, [...c.pods]])).toEqual([["huge", ["default/p"]]]);
    expect(result.unschedulable.map((u) => u.pod)).toEqual(["default/q"]);
  });
});

describe("preferred node affinity is not validated like required affinity", () => {
  // Upstream validates only the node selector and required terms (provisioner.go validateAffinity); an impossible
  // preference on any key, restricted ones included, is relaxed away.
  function impossiblePreferenceIsRelaxed(key: string): void {
    const first = pod("pod1", { labels: { app: "foo" }, requests: { cpu: "2" } });
    const preferring = pod("node-preference", { labels: { app: "baz" }, requests: { cpu: "1" }, affinity: preferredTerms([1, [req(key, "In", "value-1")]]) });
    const result = run({ pods: [first, preferring] });
    expect(result.unschedulable).toEqual([]);
    const where = placement(result);
    expect(where.get("default/node-preference")).toBe(where.get("default/pod1"));
  }

  it(
    upstream(
      "provisioning/suite",
      "Preferential Fallback › Preferences › should ignore node preferredDuringSchedulingIgnoredDuringExecution affinity › corev1.LabelTopologyZone",
    ),
    () => {
      impossiblePreferenceIsRelaxed("topology.kubernetes.io/zone");
    },
  );

  it(
    upstream(
      "provisioning/suite",
      "Preferential Fallback › Preferences › should ignore node preferredDuringSchedulingIgnoredDuringExecution affinity › corev1.LabelHostname",
    ),
    () => {
      impossiblePreferenceIsRelaxed("kubernetes.io/hostname");
    },
  );

  it("a preference on a restricted karpenter.sh key is relaxed, not reported", () => {
    const result = run({ pods: [pod("p", { affinity: preferredTerms([1, [req("karpenter.sh/test", "In", "x")]]) })] });
    expect(result.unschedulable).toEqual([]);
    expect(result.nodeClaims).toHaveLength(1);
  });
});

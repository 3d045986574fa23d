/**
 * Upstream's DRA tests under its default `--ignore-dra-requests=true`, translated one by one (Karpenter v1.14.1
 * pkg/controllers/provisioning/scheduling/suite_test.go "Dynamic Resource Allocation (DRA)"). nodefit has no
 * switch for the flag: DRA scheduling is alpha upstream, so nodefit always behaves as its default does.
 */
import { describe, expect, test } from "vitest";
import type { Pod } from "../../src/types/kubernetes.js";
import { planConsolidation } from "../../src/consolidation/index.js";
import { catalog, node, NOW, pod as boundPod, pool } from "../consolidation/fixtures.js";
import { daemonSet, pod, run } from "../scenarios/helpers.js";
import { upstream } from "../scenarios/upstream/files.js";

function withClaims(p: Pod, where: "container" | "init" | "both"): Pod {
  const claims = [{ name: "gpu-claim" }];
  const containers = where === "init" ? p.spec.containers : p.spec.containers.map((c) => ({ ...c, resources: { ...c.resources, claims } }));
  const init = where === "container" ? {} : { initContainers: [{ name: "init", resources: { requests: { cpu: "500m" }, claims: [{ name: "init-claim" }] } }] };
  return { ...p, spec: { ...p.spec, containers, ...init, resourceClaims: [{ name: "gpu-claim" }] } };
}

describe("dynamic resource allocation in provisioning", () => {
  const entries = [
    ["container with resource claims", "container"],
    ["init container with resource claims", "init"],
    ["pod with both container and init container resource claims", "both"],
  ] as const;
  const HANDLES_DRA_PODS = {
    "container with resource claims": upstream(
      "scheduling/suite",
      "Dynamic Resource Allocation (DRA) › should handle DRA pods correctly › container with resource claims",
    ),
    "init container with resource claims": upstream(
      "scheduling/suite",
      "Dynamic Resource Allocation (DRA) › should handle DRA pods correctly › init container with resource claims",
    ),
    "pod with both container and init container resource claims": upstream(
      "scheduling/suite",
      "Dynamic Resource Allocation (DRA) › should handle DRA pods correctly › pod with both container and init container resource claims",
    ),
  } as const;
  for (const [entry, where] of entries) {
    test(HANDLES_DRA_PODS[entry], () => {
      const r = run({ pods: [withClaims(pod("dra", { requests: { cpu: "1", memory: "1Gi" } }), where)] });
      expect(r.nodeClaims).toEqual([]);
      expect(r.unschedulable.map((u) => [u.pod, u.code])).toEqual([["default/dra", "dynamic-resources-unsupported"]]);
    });
  }

  test(upstream("scheduling/suite", "Dynamic Resource Allocation (DRA) › should handle DRA pods correctly › non-DRA pod without resource claims"), () => {
    const r = run({ pods: [pod("plain", { requests: { cpu: "1", memory: "1Gi" } })] });
    expect(r.nodeClaims).toHaveLength(1);
    expect(r.unschedulable).toEqual([]);
  });

  test("the default half of upstream's IgnoreDRARequests DaemonSet test: a DaemonSet with DRA requirements is not overhead", () => {
    const app = pod("app", { requests: { cpu: "1" } });
    const plain = daemonSet("big-daemon", { requests: { cpu: "3" } });
    const dra: typeof plain = { ...plain, spec: { template: withClaims({ metadata: {}, spec: plain.spec.template.spec }, "container") } };
    const counted = run({ pods: [app], daemonSets: [plain] }).nodeClaims[0];
    const ignored = run({ pods: [app], daemonSets: [dra] }).nodeClaims[0];
    expect(ignored?.requests.get("cpu")).toBe(1000);
    expect(counted?.requests.get("cpu")).toBe(4000);
  });

  test("a pod with only pod-level resourceClaims is a DRA pod too (upstream's HasDRARequirements)", () => {
    const p = pod("p");
    expect(run({ pods: [{ ...p, spec: { ...p.spec, resourceClaims: [{ name: "x" }] } }] }).unschedulable.map((u) => u.code)).toEqual([
      "dynamic-resources-unsupported",
    ]);
  });
});

describe("DRA in consolidation (upstream: the simulation's DRAError keeps the candidate)", () => {
  test("a node whose pod uses DRA is not consolidated; the same node without the claim is", () => {
    const plain = boundPod("gpu-job", { node: "a" });
    const dra: Pod = { ...plain, spec: { ...plain.spec, resourceClaims: [{ name: "gpu" }] } };
    const plan = (p: Pod) =>
      planConsolidation({ nodes: [node("a"), node("b")], nodePools: [pool("default")], pods: [p], instanceTypes: catalog() }, { now: NOW });
    expect(plan(plain).commands.flatMap((c) => c.candidates)).toContain("a");
    expect(plan(dra).commands.flatMap((c) => c.candidates)).not.toContain("a");
  });
});

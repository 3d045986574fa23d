/**
 * The embedded GCP catalogue under the scheduler: NodePool and pod constraints on the GCP provider's labels
 * and GKE's machine family select the machine types the provider would.
 */
import { describe, expect, test } from "vitest";
import { schedule, type NodePool, type NodeSelectorRequirementWithMinValues, type Pod, type StringMap } from "nodefit";
import { GCP_LABELS, GCP_WELL_KNOWN_LABELS, defaultGcpCatalog } from "nodefit/gcp";

function pod(name: string, nodeSelector: StringMap = {}, cpu = "1"): Pod {
  return {
    metadata: { name, namespace: "default", uid: name },
    spec: { containers: [{ name: "app", resources: { requests: { cpu, memory: "2Gi" } } }], nodeSelector },
  };
}

function plan(requirements: readonly NodeSelectorRequirementWithMinValues[], pods: readonly Pod[] = [pod("a"), pod("b")]) {
  const nodePool: NodePool = { metadata: { name: "gcp" }, spec: { template: { metadata: { labels: {} }, spec: { requirements, taints: [] } } } };
  return schedule({ pods, nodePools: [nodePool], instanceTypes: defaultGcpCatalog() }, { wellKnownLabels: GCP_WELL_KNOWN_LABELS });
}

const ON_DEMAND = { key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand"] } as const;

describe("GCP labels constrain the scheduler", () => {
  test("instance-family n2d and shape highcpu: only n2d-highcpu types", () => {
    const result = plan([
      ON_DEMAND,
      { key: GCP_LABELS.family, operator: "In", values: ["n2d"] },
      { key: GCP_LABELS.shape, operator: "In", values: ["highcpu"] },
    ]);
    const options = result.nodeClaims.flatMap((c) => c.instanceTypeOptions);
    expect(options.length).toBeGreaterThan(0);
    expect(options.every((n) => n.startsWith("n2d-highcpu-"))).toBe(true);
    expect(result.summary.scheduled).toBe(2);
  });

  test("GKE's machine-family label selects a series from a pod's nodeSelector", () => {
    const result = plan([ON_DEMAND], [pod("c", { [GCP_LABELS.machineFamily]: "c3" })]);
    expect(result.nodeClaims.flatMap((c) => c.instanceTypeOptions).every((n) => n.startsWith("c3-"))).toBe(true);
  });

  test("arm64 lands on T2A in the zones T2A is offered in", () => {
    const result = plan([ON_DEMAND, { key: GCP_LABELS.arch, operator: "In", values: ["arm64"] }]);
    expect(result.nodeClaims.every((c) => c.instanceType.startsWith("t2a-"))).toBe(true);
    expect(result.nodeClaims.every((c) => ["us-central1-a", "us-central1-b", "us-central1-f"].includes(c.zone))).toBe(true);
  });

  test("instance-generation above 2 excludes e2, n2, n2d, t2a and t2d", () => {
    const result = plan([ON_DEMAND, { key: GCP_LABELS.generation, operator: "Gt", values: ["2"] }]);
    expect(result.nodeClaims.flatMap((c) => c.instanceTypeOptions).every((n) => n.startsWith("c3-"))).toBe(true);
  });

  test("a 1-CPU pod never gets the shared-core e2-medium: its 1060m reservation leaves 840m", () => {
    const result = plan(
      [ON_DEMAND, { key: "node.kubernetes.io/instance-type", operator: "In", values: ["e2-medium", "e2-standard-2"] }],
      [pod("one", {}, "1")],
    );
    expect(result.nodeClaims.map((c) => c.instanceType)).toEqual(["e2-standard-2"]);
  });
});

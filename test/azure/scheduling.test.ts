/**
 * The embedded Azure catalogue under the scheduler: NodePool and pod constraints on Azure's well-known labels
 * (sku family, vCPU bounds, architecture, spot priority) select the SKUs the provider would.
 */
import { describe, expect, test } from "vitest";
import { schedule, type NodePool, type NodeSelectorRequirementWithMinValues, type Pod, type StringMap } from "nodefit";
import { AZURE_LABELS, AZURE_WELL_KNOWN_LABELS, defaultAzureCatalog } from "nodefit/azure";

function pod(name: string, nodeSelector: StringMap = {}): Pod {
  return {
    metadata: { name, namespace: "default", uid: name },
    spec: { containers: [{ name: "app", resources: { requests: { cpu: "1", memory: "2Gi" } } }], nodeSelector },
  };
}

function nodePool(requirements: readonly NodeSelectorRequirementWithMinValues[]): NodePool {
  return { metadata: { name: "azure" }, spec: { template: { metadata: { labels: {} }, spec: { requirements, taints: [] } } } };
}

function plan(requirements: readonly NodeSelectorRequirementWithMinValues[], pods: readonly Pod[] = [pod("a"), pod("b")]) {
  return schedule({ pods, nodePools: [nodePool(requirements)], instanceTypes: defaultAzureCatalog() }, { wellKnownLabels: AZURE_WELL_KNOWN_LABELS });
}

const ON_DEMAND = { key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand"] } as const;

describe("Azure labels constrain the scheduler", () => {
  test("sku-family E with at most 8 vCPUs: only Es / Eas v5 SKUs up to 8 vCPUs are options", () => {
    const result = plan([
      ON_DEMAND,
      { key: AZURE_LABELS.skuFamily, operator: "In", values: ["E"] },
      { key: AZURE_LABELS.skuCpu, operator: "Lt", values: ["9"] },
    ]);
    expect(result.unschedulable).toEqual([]);
    const options = result.nodeClaims.flatMap((c) => c.instanceTypeOptions);
    expect(options.length).toBeGreaterThan(0);
    expect(options.every((name) => /^Standard_E[248]a?s_v5$/.test(name))).toBe(true);
  });

  test("arm64 only: Dps v5", () => {
    const result = plan([ON_DEMAND, { key: AZURE_LABELS.arch, operator: "In", values: ["arm64"] }]);
    expect(result.nodeClaims.flatMap((c) => c.instanceTypeOptions).every((n) => n.endsWith("ps_v5"))).toBe(true);
    expect(result.summary.scheduled).toBe(2);
  });

  test("a pod asking for premium storage never gets a plain D v5", () => {
    const result = plan([ON_DEMAND], [pod("p", { [AZURE_LABELS.premiumCapable]: "true" })]);
    expect(result.nodeClaims.flatMap((c) => c.instanceTypeOptions).some((n) => /^Standard_D\d+_v5$/.test(n))).toBe(false);
    expect(result.summary.scheduled).toBe(1);
  });

  test("a GPU label the catalogue never defines leaves the pod unschedulable", () => {
    const result = plan([ON_DEMAND], [pod("gpu", { [AZURE_LABELS.gpuManufacturer]: "nvidia" })]);
    expect(result.unschedulable.map((u) => u.pod)).toEqual(["default/gpu"]);
  });

  test("spot capacity is cheaper and the claim is spot", () => {
    const spot = plan([{ key: "karpenter.sh/capacity-type", operator: "In", values: ["spot"] }]);
    const onDemand = plan([ON_DEMAND]);
    expect(spot.nodeClaims.every((c) => c.capacityType === "spot")).toBe(true);
    expect(spot.summary.newHourlyCost).toBeLessThan(onDemand.summary.newHourlyCost);
  });
});

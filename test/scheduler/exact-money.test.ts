/**
 * Issue 17's money rule in the core: decisions stay float64, but the reported totals are exact decimal sums of
 * the prices as given (three claims at $0.1/h cost $0.3/h, not $0.30000000000000004/h).
 */
import { describe, expect, it } from "vitest";
import { createInstanceType, planConsolidation, schedule, type Node, type Pod } from "nodefit";

const small = createInstanceType({
  name: "tiny",
  capacity: { cpu: "1", memory: "1Gi", pods: "10" },
  offerings: [{ zone: "z1", capacityType: "on-demand", price: 0.1 }],
});
const nodePools = [{ metadata: { name: "default" }, spec: { template: { spec: { requirements: [] } } } }];
const pod = (i: number, nodeName?: string): Pod => ({
  metadata: { name: `p-${i}`, namespace: "default", uid: `uid-${i}` },
  spec: { containers: [{ name: "c", resources: { requests: { cpu: "800m" } } }], ...(nodeName === undefined ? {} : { nodeName }) },
});

describe("reported money is exact", () => {
  it("schedule: newHourlyCost of three $0.1 claims is 0.3", () => {
    const result = schedule({ pods: [pod(1), pod(2), pod(3)], nodePools, instanceTypes: [small] });
    expect(result.nodeClaims.map((c) => c.price)).toEqual([0.1, 0.1, 0.1]);
    expect(0.1 + 0.1 + 0.1).not.toBe(0.3);
    expect(result.summary.newHourlyCost).toBe(0.3);
  });

  it("planConsolidation: hourlyCostBefore of three $0.1 nodes is 0.3", () => {
    const node = (i: number): Node => ({
      metadata: {
        name: `n-${i}`,
        labels: {
          "node.kubernetes.io/instance-type": "tiny",
          "topology.kubernetes.io/zone": "z1",
          "karpenter.sh/capacity-type": "on-demand",
          "karpenter.sh/nodepool": "default",
        },
      },
      status: { allocatable: { cpu: "1", memory: "1Gi", pods: "10" }, capacity: { cpu: "1", memory: "1Gi", pods: "10" } },
    });
    const plan = planConsolidation(
      { nodes: [node(1), node(2), node(3)], nodePools, pods: [pod(1, "n-1"), pod(2, "n-2"), pod(3, "n-3")], instanceTypes: [small] },
      { now: "2026-06-01T00:00:00Z" },
    );
    expect(plan.summary.hourlyCostBefore).toBe(0.3);
    expect(plan.summary.hourlyCostAfter).toBe(0.3);
  });
});

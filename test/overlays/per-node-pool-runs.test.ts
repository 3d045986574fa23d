/**
 * NodeOverlays evaluated per NodePool, through `schedule` and `planConsolidation`: the catalogue
 * `applyNodeOverlays` returns given the NodePools carries one variant per NodePool outcome, and each NodePool's
 * template (new claims) and each node's NodePool (prices in consolidation) pick their own.
 */
import { describe, expect, test } from "vitest";
import { planConsolidation } from "../../src/consolidation/index.js";
import type { InstanceType } from "../../src/instance-types/index.js";
import { applyNodeOverlays } from "../../src/overlays/index.js";
import { LABEL_NODEPOOL } from "../../src/requirements/index.js";
import { fakeInstanceTypes } from "../../src/testing/fake-catalog.js";
import type { NodePool } from "../../src/types/kubernetes.js";
import type { NodeOverlay } from "../../src/types/node-overlay.js";
import { owned, withRequests } from "../scenarios/disruption-fixtures.js";
import { managedNode, nodePool, pod, run } from "../scenarios/helpers.js";

const overlay = (name: string, spec: NodeOverlay["spec"]): NodeOverlay => ({ metadata: { name }, spec });
const onPool = (name: string) => ({ key: LABEL_NODEPOOL, operator: "In", values: [name] });
const catalogue = fakeInstanceTypes();

describe("schedule with per-NodePool overlays", () => {
  test("extended resources an overlay gives one NodePool's types are scheduled there only", () => {
    const pools: NodePool[] = [nodePool("plain", { weight: 10 }), nodePool("fpga")];
    const fpga = overlay("fpga", { requirements: [onPool("fpga")], capacity: { "example.com/fpga": "4" } });
    const instanceTypes = applyNodeOverlays(catalogue, [fpga], pools).instanceTypes;
    const pods = [pod("needs-fpga", { requests: { cpu: "1", "example.com/fpga": "1" } }), pod("plain", { requests: { cpu: "1" } })];
    const r = run({ pods, nodePools: pools, instanceTypes });
    expect(r.unschedulable).toEqual([]);
    expect(r.nodeClaims.find((c) => c.pods.includes("default/needs-fpga"))?.nodePool).toBe("fpga");
    // Evaluated against the shared catalogue, the NodePool requirement matches nothing: no NodePool has the resource.
    const shared = run({ pods, nodePools: pools, instanceTypes: applyNodeOverlays(catalogue, [fpga]).instanceTypes });
    expect(shared.unschedulable.map((u) => u.pod)).toEqual(["default/needs-fpga"]);
  });

  test("a price an overlay sets for one NodePool prices that NodePool's claims only", () => {
    const pools: NodePool[] = [nodePool("discounted"), nodePool("list")];
    const instanceTypes = applyNodeOverlays(
      catalogue,
      [overlay("deal", { requirements: [onPool("discounted")], priceAdjustment: "-50%" })],
      pools,
    ).instanceTypes;
    const pinned = (name: string, poolName: string) => pod(name, { requests: { cpu: "1" }, nodeSelector: { [LABEL_NODEPOOL]: poolName } });
    const r = run({ pods: [pinned("cheap", "discounted"), pinned("full", "list")], nodePools: pools, instanceTypes });
    const price = (p: string) => r.nodeClaims.find((c) => c.pods.includes(p))?.price;
    // small-instance-type is the cheapest that fits: 0.4147483648 at list price.
    expect([price("default/cheap"), price("default/full")]).toEqual([0.2073741824, 0.4147483648]);
  });
});

describe("planConsolidation with per-NodePool overlays", () => {
  const pools: NodePool[] = ["a", "b"].map((name) => ({
    metadata: { name },
    spec: {
      template: { spec: { requirements: [] } },
      disruption: { consolidationPolicy: "WhenEmptyOrUnderutilized", consolidateAfter: "0s", budgets: [{ nodes: "100%" }] },
    },
  }));
  // One small on-demand node per NodePool, each nearly full (the two pods cannot share a node).
  const smallNode = (name: string, poolName: string) => {
    const n = managedNode(name, poolName, {
      labels: {
        "node.kubernetes.io/instance-type": "small-instance-type",
        "karpenter.sh/capacity-type": "on-demand",
        "topology.kubernetes.io/zone": "test-zone-1",
      },
      allocatable: { cpu: "1900m", memory: "2Gi", pods: "5" },
    });
    return { ...n, metadata: { ...n.metadata, creationTimestamp: "2025-01-01T00:00:00Z" } };
  };
  const nodes = [smallNode("node-a", "a"), smallNode("node-b", "b")];
  const pods = [withRequests(owned("pa", "node-a", "ReplicaSet"), { cpu: "1200m" }), withRequests(owned("pb", "node-b", "ReplicaSet"), { cpu: "1200m" })];
  // small-instance-type costs 100 in NodePool a only.
  const dear = overlay("dear", {
    requirements: [onPool("a"), { key: "node.kubernetes.io/instance-type", operator: "In", values: ["small-instance-type"] }],
    price: "100",
  });
  const plan = (instanceTypes: readonly InstanceType[]) => planConsolidation({ nodePools: pools, nodes, pods, instanceTypes }, { now: "2025-01-01T12:00:00Z" });

  test("a node is priced by its own NodePool's overlay: the dear node makes replacing both worth it", () => {
    const p = plan(applyNodeOverlays(catalogue, [dear], pools).instanceTypes);
    expect(p.summary.hourlyCostBefore).toBe(100.4147483648);
    // Both pods fit one default-instance-type (0.83 in either NodePool), far below node-a's 100.
    expect(p.commands.map((c) => [c.decision, c.candidates, c.replacements.map((r) => [r.instanceType, r.price])])).toEqual([
      ["replace", ["node-a", "node-b"], [["default-instance-type", 0.8294967296]]],
    ]);
  });

  test("control: the overlay evaluated against the shared catalogue changes nothing, so nothing is cheaper", () => {
    const p = plan(applyNodeOverlays(catalogue, [dear]).instanceTypes);
    expect(p.summary.hourlyCostBefore).toBe(0.8294967296);
    expect(p.commands).toEqual([]);
  });
});

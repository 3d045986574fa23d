/**
 * Regression (issue 13): a later command of a plan moved a pod "to" the NodeClaim of a node that an earlier
 * command deleted. A NodeClaim linked to its Node by `status.providerID` only (no `status.nodeName`, as before
 * the Node registers its name) was a second, in-flight target to the scheduler, under the claim's name.
 */
import { describe, expect, it } from "vitest";
import { planConsolidation } from "../../src/consolidation/index.js";
import { schedule } from "../../src/scheduler/index.js";
import type { Node, NodeClaim } from "../../src/types/kubernetes.js";
import { catalog, node, NOW, NOW_MS, pod, pool } from "./fixtures.js";
import { planViolations } from "./plan-validity.js";

function linked(name: string, type: string, zone = "test-zone-1"): { node: Node; claim: NodeClaim } {
  const n = node(name, { type, zone });
  const providerID = `aws:///${zone}/i-${name}`;
  return {
    node: { ...n, spec: { ...n.spec, providerID } },
    claim: {
      metadata: { name: `claim-${name}`, labels: { "karpenter.sh/nodepool": "default" } },
      spec: { requirements: [{ key: "node.kubernetes.io/instance-type", operator: "In", values: [type] }] },
      status: { providerID, allocatable: { cpu: "4", memory: "8Gi", pods: "110" }, conditions: [{ type: "Initialized", status: "True" }] },
    },
  };
}

describe("a NodeClaim linked to its Node by providerID is that Node, never a second target", () => {
  it("schedule() places on the node, by the node's name", () => {
    const a = linked("a", "c-4x");
    const result = schedule({
      pods: [pod("p-0", { cpu: "3" }), pod("p-1", { cpu: "3" })],
      nodePools: [pool("default")],
      instanceTypes: catalog(),
      nodes: [a.node],
      nodeClaims: [a.claim],
    });
    expect(result.existingNodes.map((n) => n.name)).toEqual(["a"]);
    expect(result.nodeClaims).toHaveLength(1);
  });

  it("no command moves a pod to a deleted node or to a NodeClaim name", () => {
    const nodes = [linked("a", "c-4x"), linked("b", "c-4x"), linked("c", "c-4x")];
    const input = {
      nodes: nodes.map((n) => n.node),
      nodeClaims: nodes.map((n) => n.claim),
      nodePools: [pool("default")],
      pods: [pod("w-0", { node: "a", cpu: "1" }), pod("w-1", { node: "b", cpu: "1" }), pod("w-2", { node: "c", cpu: "1" })],
      instanceTypes: catalog(),
    };
    const plan = planConsolidation(input, { now: NOW });
    expect(plan.commands.length).toBeGreaterThan(0);
    const claimNames = new Set(nodes.map((n) => n.claim.metadata.name));
    for (const c of plan.commands) for (const r of c.reschedules) expect(claimNames.has(r.to)).toBe(false);
    expect(planViolations(input, plan, NOW_MS)).toEqual([]);
  });
});

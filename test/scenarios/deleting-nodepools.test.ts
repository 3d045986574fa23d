/**
 * NodePools with a `deletionTimestamp`, as upstream treats them: the provisioner leaves them out before building
 * templates, so no new claim (and no consolidation replacement) comes from them, while their nodes stay disruption
 * candidates; with every NodePool deleting, upstream's consolidation simulations fail and only emptiness acts.
 */
import { describe, expect, it } from "vitest";
import type { NodePool } from "../../src/types/kubernetes.js";
import { catalogue, disruptionPool, MOST_EXPENSIVE, owned, suiteNode } from "./disruption-fixtures.js";
import { consolidate, nodePool, pod, run } from "./helpers.js";

const deleting = (np: NodePool): NodePool => ({ ...np, metadata: { ...np.metadata, deletionTimestamp: "2025-01-01T00:00:00Z" } });

describe("deleting NodePools", () => {
  it("a new claim comes from a live NodePool even when the deleting one weighs more", () => {
    const result = run({ pods: [pod("p")], nodePools: [deleting(nodePool("heavy", { weight: 100 })), nodePool("light")] });
    expect(result.nodeClaims.map((c) => c.nodePool)).toEqual(["light"]);
  });
  it("a deleting NodePool's node is still consolidated, replaced from a live NodePool", () => {
    const plan = consolidate(
      {
        nodePools: [deleting(disruptionPool("old", "WhenEmptyOrUnderutilized")), disruptionPool("new", "WhenEmptyOrUnderutilized")],
        nodes: [suiteNode("node-0", "old", MOST_EXPENSIVE)],
        pods: [owned("pod-0", "node-0", "ReplicaSet")],
        instanceTypes: catalogue,
      },
      { maxCommands: 1 },
    );
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "replace", candidates: ["node-0"] });
    expect(plan.commands[0]?.replacements.map((c) => c.nodePool)).toEqual(["new"]);
  });
  it("with every NodePool deleting, nodes with pods stay and an empty node is still removed", () => {
    const plan = consolidate({
      nodePools: [deleting(disruptionPool("old", "WhenEmptyOrUnderutilized"))],
      nodes: [suiteNode("busy-0", "old", MOST_EXPENSIVE), suiteNode("busy-1", "old", MOST_EXPENSIVE), suiteNode("idle", "old", MOST_EXPENSIVE)],
      pods: [owned("pod-0", "busy-0", "ReplicaSet"), owned("pod-1", "busy-1", "ReplicaSet")],
      instanceTypes: catalogue,
    });
    // With a live NodePool one busy node's pod would move onto the other and that node go; upstream's simulation
    // cannot run without a NodePool, and its emptiness method needs none.
    expect(plan.commands.map((c) => [c.method, [...c.candidates]])).toEqual([["emptiness", ["idle"]]]);
  });
  it("with a live NodePool the same cluster also loses a busy node", () => {
    const plan = consolidate({
      nodePools: [disruptionPool("old", "WhenEmptyOrUnderutilized")],
      nodes: [suiteNode("busy-0", "old", MOST_EXPENSIVE), suiteNode("busy-1", "old", MOST_EXPENSIVE), suiteNode("idle", "old", MOST_EXPENSIVE)],
      pods: [owned("pod-0", "busy-0", "ReplicaSet"), owned("pod-1", "busy-1", "ReplicaSet")],
      instanceTypes: catalogue,
    });
    expect(plan.commands.flatMap((c) => c.candidates).length).toBeGreaterThan(1);
  });
});

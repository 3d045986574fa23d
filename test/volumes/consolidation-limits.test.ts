/**
 * CSI volume limits in consolidation: a simulation moves a pod onto a remaining node only when the node's CSINode
 * attach limit for the pod's driver allows it, as upstream's simulations (the provisioning scheduler over the
 * cluster state, whose nodes carry their volume usage and limits) do.
 */
import { describe, expect, test } from "vitest";
import { planConsolidation, type ConsolidationPlan } from "../../src/consolidation/index.js";
import { planConsolidationWith } from "../../src/consolidation/plan.js";
import type { Pod } from "../../src/types/kubernetes.js";
import type { VolumeObjects } from "../../src/volumes/index.js";
import { catalogue, disruptionPool, owned, suiteNode } from "../scenarios/disruption-fixtures.js";
import { planViolations } from "../consolidation/plan-validity.js";
import { claim, csiNode, volume } from "./fixtures.js";
import { volumeArrivalProblem } from "./plan-volumes.js";

const CSI = "fake.csi.provider";
const NOW = "2025-01-01T12:00:00Z";

function withClaim(p: Pod, claimName: string): Pod {
  return { ...p, spec: { ...p.spec, volumes: [{ name: "data", persistentVolumeClaim: { claimName } }] } };
}

// node-a's pod could move to node-b (plenty of room); node-b's own pod is pinned by do-not-disrupt, so the only
// command on offer is deleting node-a (both nodes are the cheapest type: no replacement is cheaper).
const nodes = [suiteNode("node-a"), suiteNode("node-b")];
const pods = [
  withClaim(owned("pa", "node-a", "ReplicaSet"), "claim-a"),
  withClaim(owned("pb", "node-b", "ReplicaSet", false, {}, { "karpenter.sh/do-not-disrupt": "true" }), "claim-b"),
];
const storage = (limit: number | undefined): VolumeObjects => ({
  persistentVolumes: [volume("pv-a", { driver: CSI }), volume("pv-b", { driver: CSI })],
  persistentVolumeClaims: [claim("claim-a", { volumeName: "pv-a" }), claim("claim-b", { volumeName: "pv-b" })],
  ...(limit === undefined ? {} : { csiNodes: [csiNode("node-b", CSI, limit)] }),
});

function plan(volumes: VolumeObjects, shortcuts = true): ConsolidationPlan {
  const input = { nodePools: [disruptionPool("default", "WhenEmptyOrUnderutilized")], nodes, pods, instanceTypes: catalogue, volumes };
  const result = shortcuts ? planConsolidation(input, { now: NOW }) : planConsolidationWith(input, { now: NOW }, false);
  expect(planViolations(input, result, Date.parse(NOW))).toEqual([]);
  return result;
}

describe("CSI volume limits in consolidation simulations", () => {
  test("control: without a limit node-a is deleted and its pod moves to node-b", () => {
    const p = plan(storage(undefined));
    expect(p.commands.map((c) => [c.decision, c.candidates, c.reschedules])).toEqual([["delete", ["node-a"], [{ pod: "default/pa", to: "node-b" }]]]);
  });

  test("a node whose pod could only fit elsewhere by passing that node's driver limit is not deleted", () => {
    expect(plan(storage(1)).commands).toEqual([]);
    expect(plan(storage(1), false).commands).toEqual([]);
  });

  test("a limit with room left lets the pod move", () => {
    expect(plan(storage(2)).commands.map((c) => c.candidates)).toEqual([["node-a"]]);
  });
});

describe("the plan-validity checker's volume rules", () => {
  const zonal: VolumeObjects = {
    persistentVolumes: [
      volume("pv-z", { zones: ["test-zone-1"], driver: CSI }),
      volume("pv-local", { local: true, terms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["gone"] }] }] }),
    ],
    persistentVolumeClaims: [claim("z", { volumeName: "pv-z" }), claim("local", { volumeName: "pv-local" }), claim("other", { volumeName: "pv-b" })],
    csiNodes: [csiNode("full", CSI, 0)],
  };
  const zone = (z: string, name = "n") => ({ name, labels: new Map([["topology.kubernetes.io/zone", z]]) });
  const mover = withClaim(owned("m", "x", "ReplicaSet"), "z");

  test("a bound volume's zone and a CSI limit are checked; a local volume's hostname is not", () => {
    expect(volumeArrivalProblem(zonal, mover, zone("test-zone-1"), [])).toBeUndefined();
    expect(volumeArrivalProblem(zonal, mover, zone("test-zone-2"), [])).toContain("cannot attach");
    expect(volumeArrivalProblem(zonal, mover, zone("test-zone-1", "full"), [])).toContain("limit 0");
    expect(volumeArrivalProblem(zonal, withClaim(owned("l", "x", "ReplicaSet"), "local"), zone("test-zone-2"), [])).toBeUndefined();
    expect(volumeArrivalProblem(undefined, mover, zone("test-zone-2"), [])).toBeUndefined();
  });
});

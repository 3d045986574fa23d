/**
 * Upstream's consolidation test with a local volume (Karpenter v1.14.1 pkg/controllers/disruption/suite_test.go,
 * "Simulate Scheduling"): a local or hostPath volume's hostname affinity is ignored when simulating, since the
 * volume's node is the one going away, so a pod bound to it does not block replacing its node.
 */
import { describe, expect, test } from "vitest";
import { planConsolidation } from "../../src/consolidation/index.js";
import { planViolations } from "../consolidation/plan-validity.js";
import { catalogue, disruptionPool, MOST_EXPENSIVE, owned, suiteNode } from "../scenarios/disruption-fixtures.js";
import { upstream } from "../scenarios/upstream/files.js";
import { claim, HOSTNAME, storageClass, volume } from "./fixtures.js";

const NOW = "2025-01-01T12:00:00Z";

function input(local: boolean) {
  const node = suiteNode("node-1", "default", MOST_EXPENSIVE);
  const p = owned("pod", "node-1", "StatefulSet", false, { app: "test" });
  return {
    nodePools: [disruptionPool("default", "WhenEmptyOrUnderutilized")],
    nodes: [node],
    pods: [{ ...p, spec: { ...p.spec, volumes: [{ name: "data", persistentVolumeClaim: { claimName: "local-claim" } }] } }],
    instanceTypes: catalogue,
    volumes: {
      storageClasses: [storageClass("local-path", { provisioner: "kubernetes.io/no-provisioner" })],
      persistentVolumes: [volume("local-pv", { local, terms: [{ matchExpressions: [{ key: HOSTNAME, operator: "In", values: ["node-1"] }] }] })],
      persistentVolumeClaims: [claim("local-claim", { volumeName: "local-pv", storageClassName: "local-path" })],
    },
  };
}

describe("local volumes in consolidation", () => {
  test(upstream("disruption/suite", "can replace node with a local PV (ignoring hostname affinity)"), () => {
    const plan = planConsolidation(input(true), { now: NOW });
    expect(planViolations(input(true), plan, Date.parse(NOW))).toEqual([]);
    expect(plan.commands.map((c) => [c.decision, c.candidates, c.replacements.length])).toEqual([["replace", ["node-1"], 1]]);
  });

  test("control: a CSI volume with the same hostname affinity pins the pod, so the node is kept", () => {
    expect(planConsolidation(input(false), { now: NOW }).commands).toEqual([]);
  });
});

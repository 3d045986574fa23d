/**
 * Pods of deleting nodes (issues 12 and 14.4). Translated from upstream
 * `pkg/controllers/provisioning/scheduling/suite_test.go`, Describe "Deleting Nodes": the provisioner adds the
 * reschedulable pods of nodes marked for deletion to the pods it schedules; nodefit reads "marked for
 * deletion" from a deletionTimestamp on the Node or its NodeClaim, or `InstanceTerminating=True` on the NodeClaim
 * (upstream's `StateNode.Deleted`).
 */
import { describe, expect, test } from "vitest";
import { managedNode, node, nodeClaim, pod, run } from "../scenarios/helpers.js";
import type { Pod } from "../../src/types/kubernetes.js";

const SMALL = { labels: { "node.kubernetes.io/instance-type": "small-instance-type" }, allocatable: { cpu: "2", memory: "2Gi", pods: "5" } };

function deleting<T extends { metadata: object }>(o: T): T {
  return { ...o, metadata: { ...o.metadata, deletionTimestamp: "2025-01-01T00:00:00Z" } };
}

const running = (name: string, nodeName: string, extra: Partial<Pod["metadata"]> = {}): Pod => {
  const p = pod(name, { requests: { memory: "100M" }, nodeName });
  return { ...p, metadata: { ...p.metadata, ...extra } };
};

describe("Deleting Nodes (upstream scheduling/suite_test.go)", () => {
  test("should re-schedule pods from a deleting node when pods are active", () => {
    const r = run({ pods: [], nodes: [deleting(managedNode("n", "default", SMALL))], boundPods: [running("p", "n")] });
    expect(r.nodeClaims).toHaveLength(1);
    expect(r.nodeClaims[0]?.instanceType).toBe("small-instance-type");
    expect(r.nodeClaims[0]?.pods).toEqual(["default/p"]);
    expect(r.summary).toMatchObject({ pods: 1, scheduled: 1 });
  });

  test("the same when the NodeClaim is the one being deleted, and when the pod is passed in pods", () => {
    const claim = deleting(nodeClaim("claim-n", "default", { nodeName: "n", initialized: true }));
    const r = run({ pods: [running("p", "n")], nodes: [managedNode("n", "default", SMALL)], nodeClaims: [claim] });
    expect(r.nodeClaims.map((c) => c.pods)).toEqual([["default/p"]]);
  });

  test("a deleting node's pod goes to another existing node with room before a new claim", () => {
    const r = run({ pods: [], nodes: [deleting(node("n", SMALL)), node("m", SMALL)], boundPods: [running("p", "n")] });
    expect(r.nodeClaims).toEqual([]);
    expect(r.existingNodes).toEqual([{ name: "m", pods: ["default/p"] }]);
  });

  test("should not re-schedule pods from a deleting node when pods are not active", () => {
    const r = run({
      pods: [],
      nodes: [deleting(managedNode("n", "default", SMALL))],
      boundPods: [running("p", "n", { deletionTimestamp: "2025-01-01T00:00:00Z" })],
    });
    expect(r.nodeClaims).toEqual([]);
    expect(r.summary.pods).toBe(0);
  });

  test("should not re-schedule pods from a deleting node when pods are owned by a DaemonSet", () => {
    const owned = running("p", "n", { ownerReferences: [{ kind: "DaemonSet", name: "ds", uid: "ds", controller: true }] });
    const r = run({ pods: [], nodes: [deleting(managedNode("n", "default", SMALL))], boundPods: [owned] });
    expect(r.nodeClaims).toEqual([]);
  });

  test("a deleting node takes no new pods", () => {
    const r = run({ pods: [pod("new", { requests: { memory: "100M" } })], nodes: [deleting(node("n", SMALL))] });
    expect(r.existingNodes).toEqual([]);
    expect(r.nodeClaims.map((c) => c.pods)).toEqual([["default/new"]]);
  });

  test("a NodeClaim with InstanceTerminating=True is deleting too: its node takes no pod and its pods move", () => {
    const terminating = nodeClaim("claim-n", "default", {
      nodeName: "n",
      initialized: true,
      conditions: [{ type: "InstanceTerminating", status: "True" }],
    });
    const r = run({
      pods: [pod("new", { requests: { memory: "100M" } })],
      nodes: [managedNode("n", "default", SMALL)],
      nodeClaims: [terminating],
      boundPods: [running("p", "n")],
    });
    expect(r.existingNodes).toEqual([]);
    expect(r.nodeClaims.flatMap((c) => c.pods).sort()).toEqual(["default/new", "default/p"]);
  });

  test("InstanceTerminating=False changes nothing", () => {
    const claim = nodeClaim("claim-n", "default", { nodeName: "n", initialized: true, conditions: [{ type: "InstanceTerminating", status: "False" }] });
    const r = run({ pods: [pod("new", { requests: { memory: "100M" } })], nodes: [managedNode("n", "default", SMALL)], nodeClaims: [claim] });
    expect(r.existingNodes).toEqual([{ name: "n", pods: ["default/new"] }]);
  });
});

import { describe, expect, it } from "vitest";
import type { Pod } from "nodefit";
import { fromKubernetes } from "./from-kubernetes.js";
import { notProvisionable } from "./provisionable.js";
import { controlledBy, inFile, podWith } from "./test-documents.js";

const unschedulable = { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable" }] };

describe("which pending pods are provisionable", () => {
  it.each([
    ["a pod without status (plain manifests)", {}, undefined],
    ["a pod the kube-scheduler marked Unschedulable", { status: unschedulable }, undefined],
    ["a pending pod the kube-scheduler has not looked at yet", { status: { phase: "Pending" } }, undefined],
    ["a pod of a Deployment's ReplicaSet", { owner: controlledBy("ReplicaSet", "web-1"), status: unschedulable }, undefined],
    ["a preempting pod", { status: { ...unschedulable, nominatedNodeName: "n1" } }, "preempting"],
    ["a DaemonSet pod", { owner: controlledBy("DaemonSet", "logs"), status: unschedulable }, "daemonset"],
    ["a mirror pod", { owner: controlledBy("Node", "n1") }, "mirror"],
    ["a succeeded pod", { status: { phase: "Succeeded" } }, "terminal"],
    ["a failed pod", { status: { phase: "Failed" } }, "terminal"],
    ["a pod being deleted", { meta: { deletionTimestamp: "2026-01-01T00:00:00Z" } }, "terminating"],
    [
      "a pod held by a scheduling gate",
      { status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }] } },
      "scheduling-condition",
    ],
  ] as const)("%s", (_, options, reason) => {
    const object = podWith("p", options);
    expect(notProvisionable(object as unknown as Pod)).toBe(reason);
    const input = fromKubernetes(inFile("p.yaml", object));
    expect(input.pods.map((p) => p.metadata.name)).toEqual(reason === undefined ? ["p"] : []);
  });

  it("an owner of another group with the same kind name is not a DaemonSet", () => {
    const pod = podWith("p", { owner: { apiVersion: "apps.kruise.io/v1alpha1", kind: "DaemonSet", name: "x", controller: true } });
    expect(notProvisionable(pod as unknown as Pod)).toBeUndefined();
  });

  it("bound DaemonSet and mirror pods stay bound (they use their node's room)", () => {
    const input = fromKubernetes(
      inFile(
        "p.yaml",
        podWith("ds", { nodeName: "n1", owner: controlledBy("DaemonSet", "logs") }),
        podWith("static", { nodeName: "n1", owner: controlledBy("Node", "n1") }),
      ),
    );
    expect(input.boundPods.map((p) => p.metadata.name)).toEqual(["ds", "static"]);
  });

  it("keeps the status fields and metadata the planners read", () => {
    const status = { ...unschedulable, startTime: "2026-01-01T00:00:00Z", hostIP: "10.0.0.1" };
    const meta = { deletionTimestamp: "2026-01-02T00:00:00Z", uid: "u1" };
    const input = fromKubernetes(inFile("p.yaml", podWith("p", { nodeName: "n1", owner: controlledBy("ReplicaSet", "web-1", "r1"), status, meta })));
    const pod = input.boundPods[0];
    expect(pod?.status).toEqual({
      phase: "Pending",
      conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable" }],
      startTime: "2026-01-01T00:00:00Z",
    });
    expect(pod?.metadata.deletionTimestamp).toBe("2026-01-02T00:00:00Z");
    expect(pod?.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-1", uid: "r1", controller: true }]);
  });

  it("passes deletionTimestamp through on Nodes and NodeClaims", () => {
    const deleting = { deletionTimestamp: new Date("2026-01-02T00:00:00Z") };
    const input = fromKubernetes([
      { object: { apiVersion: "v1", kind: "Node", metadata: { name: "n1", ...deleting } } },
      { object: { apiVersion: "karpenter.sh/v1", kind: "NodeClaim", metadata: { name: "c1", deletionTimestamp: "2026-01-02T00:00:00Z" } } },
    ]);
    expect(input.nodes[0]?.metadata.deletionTimestamp).toEqual(new Date("2026-01-02T00:00:00Z"));
    expect(input.nodeClaims[0]?.metadata.deletionTimestamp).toBe("2026-01-02T00:00:00Z");
  });
});

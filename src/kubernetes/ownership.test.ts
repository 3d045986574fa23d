import { describe, expect, it } from "vitest";
import { fromKubernetes } from "./from-kubernetes.js";
import { controlledBy, deployment, inFile, podWith, workload } from "./test-documents.js";

/** The pending pods' names after reading `objects`. */
function pending(...objects: unknown[]): string[] {
  return fromKubernetes(inFile("dump.yaml", ...objects)).pods.map((p) => p.metadata.name ?? "");
}

const running = { phase: "Running" };

describe("ownership: workloads add only the pods that are not in the input", () => {
  it("a Deployment with a ReplicaSet of its own adds nothing; the ReplicaSet adds replicas minus its active pods", () => {
    const dump = [
      deployment("web", 3, { uid: "d1" }),
      workload("ReplicaSet", "web-new", { replicas: 3 }, { owner: controlledBy("Deployment", "web", "d1"), uid: "r2" }),
      workload("ReplicaSet", "web-old", { replicas: 0 }, { owner: controlledBy("Deployment", "web", "d1"), uid: "r1" }),
      podWith("web-new-aaaaa", { nodeName: "n1", owner: controlledBy("ReplicaSet", "web-new", "r2"), status: running }),
      podWith("web-new-bbbbb", {
        owner: controlledBy("ReplicaSet", "web-new", "r2"),
        status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable" }] },
      }),
    ];
    // 3 replicas, 2 pods in the input: one more pod, named after the ReplicaSet.
    expect(pending(...dump)).toEqual(["web-new-0", "web-new-bbbbb"]);
  });

  it("matches owners by uid when both sides have one, by kind and name otherwise", () => {
    const stale = podWith("web-x", { nodeName: "n1", owner: controlledBy("ReplicaSet", "web", "old-uid"), status: running });
    expect(pending(workload("ReplicaSet", "web", { replicas: 1 }, { uid: "new-uid" }), stale)).toEqual(["web-0"]);
    const byName = podWith("web-x", { nodeName: "n1", owner: controlledBy("ReplicaSet", "web"), status: running });
    expect(pending(workload("ReplicaSet", "web", { replicas: 1 }, { uid: "new-uid" }), byName)).toEqual([]);
    // A Deployment without uid owns a ReplicaSet that names it.
    expect(pending(deployment("web", 2), workload("ReplicaSet", "web-1", { replicas: 0 }, { owner: controlledBy("Deployment", "web") }))).toEqual([]);
  });

  it("a Deployment without ReplicaSets counts the pods it controls directly (hand-written manifests)", () => {
    const direct = podWith("web-0", { owner: controlledBy("Deployment", "web") });
    expect(pending(deployment("web", 3), direct)).toEqual(["web-1", "web-2", "web-0"]);
  });

  it("finished and terminating pods do not count as replicas; generated names skip the workload's own pods", () => {
    const rs = workload("ReplicaSet", "api", { replicas: 3 });
    const own = (name: string, extra: Parameters<typeof podWith>[1]): unknown => podWith(name, { owner: controlledBy("ReplicaSet", "api"), ...extra });
    const names = pending(
      rs,
      own("api-0", { nodeName: "n1", status: running }),
      own("api-1", { nodeName: "n1", status: { phase: "Failed" } }),
      own("api-2", { nodeName: "n1", status: running, meta: { deletionTimestamp: "2026-01-01T00:00:00Z" } }),
    );
    // api-0 is the only active pod: two more, at the first names no own pod holds.
    expect(names).toEqual(["api-3", "api-4"]);
  });

  it("a ReplicationController is read like a ReplicaSet", () => {
    const rc = workload("ReplicationController", "legacy", { replicas: 2 });
    expect(pending(rc)).toEqual(["legacy-0", "legacy-1"]);
    expect(pending(rc, podWith("legacy-q", { nodeName: "n1", owner: controlledBy("ReplicationController", "legacy"), status: running }))).toEqual(["legacy-0"]);
  });

  it("a StatefulSet adds the ordinals whose pod is absent, so a dump with its pods is accepted", () => {
    const sts = workload("StatefulSet", "db", { replicas: 4, volumeClaimTemplates: [{ metadata: { name: "data" } }] });
    const dbPod = (i: number): unknown => podWith(`db-${i}`, { nodeName: "n1", owner: controlledBy("StatefulSet", "db"), status: running });
    const input = fromKubernetes(inFile("dump.yaml", sts, dbPod(0), dbPod(2)));
    expect(input.pods.map((p) => p.metadata.name)).toEqual(["db-1", "db-3"]);
    expect(input.pods.map((p) => p.metadata.uid)).toEqual(["default/db/1", "default/db/3"]);
    expect(input.pods[1]?.spec.volumes).toEqual([{ name: "data", persistentVolumeClaim: { claimName: "data-db-3" } }]);
    expect(input.boundPods.map((p) => p.metadata.name)).toEqual(["db-0", "db-2"]);
    expect(pending(sts, dbPod(0), dbPod(1), dbPod(2), dbPod(3))).toEqual([]);
  });

  it.each([
    ["no status, no pods: min(parallelism, completions)", { parallelism: 3, completions: 2 }, undefined, [], 2],
    ["succeeded pods reduce the completions still needed", { parallelism: 3, completions: 5 }, { succeeded: 3, active: 1 }, [], 1],
    ["active pods in status are not added again", { parallelism: 2, completions: 4 }, { active: 2 }, [], 0],
    ["pods in the input count when status lags", { parallelism: 2, completions: 4 }, {}, ["Running", "Pending"], 0],
    ["failed pods do not count", { parallelism: 2, completions: 4 }, undefined, ["Failed", "Succeeded", "Running"], 1],
    ["never below zero", { parallelism: 1, completions: 1 }, { active: 3 }, [], 0],
    ["a work queue (no completions) adds nothing once a pod succeeded", { parallelism: 3 }, { succeeded: 1, active: 1 }, [], 0],
    ["a work queue with none succeeded runs parallelism", { parallelism: 3 }, { active: 1 }, [], 2],
    ["a suspended Job runs nothing", { parallelism: 2, suspend: true }, undefined, [], 0],
    ["a complete Job runs nothing", { parallelism: 2, completions: 9 }, { conditions: [{ type: "Complete", status: "True" }] }, [], 0],
  ] as const)("Job: %s", (_, spec, status, phases, expected) => {
    const job = workload("Job", "batch", spec, status === undefined ? {} : { status });
    const pods = phases.map((phase, i) => podWith(`batch-x${i}`, { nodeName: "n1", owner: controlledBy("Job", "batch"), status: { phase } }));
    expect(pending(job, ...pods).filter((n) => /^batch-[0-9]+$/.test(n))).toHaveLength(expected);
  });

  it("without pods in the input every workload expands in full, as before", () => {
    expect(pending(deployment("web", 2), workload("StatefulSet", "db", { replicas: 2 }), workload("Job", "j", { parallelism: 2 }))).toEqual([
      "web-0",
      "web-1",
      "db-0",
      "db-1",
      "j-0",
      "j-1",
    ]);
  });
});

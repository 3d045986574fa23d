import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { expandWorkload } from "./expand-workload.js";
import type { WorkloadObject } from "./schemas/workloads.js";

const template = { metadata: { labels: { app: "web" }, annotations: { note: "x" } }, spec: { containers: [{ name: "a" }] } };

function workload(spec: Partial<WorkloadObject["spec"]>, metadata: WorkloadObject["metadata"] = { name: "web" }): WorkloadObject {
  return { metadata, spec: { template, ...spec } };
}

describe("expandWorkload", () => {
  it("names pods <name>-<ordinal> from 0 with the template's labels and the workload as owner", () => {
    const pods = expandWorkload("Deployment", workload({ replicas: 3 }, { name: "web", uid: "u1", creationTimestamp: "2026-01-01T00:00:00Z" }), "prod");
    expect(pods.map((p) => p.metadata.name)).toEqual(["web-0", "web-1", "web-2"]);
    expect(pods.map((p) => p.metadata.uid)).toEqual(["prod/web/0", "prod/web/1", "prod/web/2"]);
    for (const p of pods) {
      expect(p.metadata.namespace).toBe("prod");
      expect(p.metadata.labels).toEqual({ app: "web" });
      expect(p.metadata.annotations).toEqual({ note: "x" });
      expect(p.metadata.creationTimestamp).toBe("2026-01-01T00:00:00Z");
      expect(p.metadata.ownerReferences).toEqual([{ kind: "Deployment", name: "web", uid: "u1", controller: true }]);
      expect(p.spec).toBe(template.spec);
    }
  });

  it("defaults replicas and parallelism to 1 and allows 0", () => {
    expect(expandWorkload("ReplicaSet", workload({}), "d")).toHaveLength(1);
    expect(expandWorkload("Job", workload({}), "d")).toHaveLength(1);
    expect(expandWorkload("StatefulSet", workload({ replicas: 0 }), "d")).toHaveLength(0);
  });

  it("runs at most completions pods of a Job", () => {
    expect(expandWorkload("Job", workload({ parallelism: 5, completions: 2 }), "d")).toHaveLength(2);
    expect(expandWorkload("Job", workload({ parallelism: 3 }), "d")).toHaveLength(3);
  });

  it("gives StatefulSet pods one claim per volume claim template", () => {
    const pods = expandWorkload("StatefulSet", workload({ replicas: 2, volumeClaimTemplates: [{ metadata: { name: "data" } }] }, { name: "db" }), "d");
    expect(pods.map((p) => p.spec.volumes)).toEqual([
      [{ name: "data", persistentVolumeClaim: { claimName: "data-db-0" } }],
      [{ name: "data", persistentVolumeClaim: { claimName: "data-db-1" } }],
    ]);
  });

  test.prop([fc.integer({ min: 0, max: 1200 })], { numRuns: 30 })("uids sort in ordinal order and are unique", (replicas) => {
    const pods = expandWorkload("Deployment", workload({ replicas }), "default");
    expect(pods).toHaveLength(replicas);
    const uids = pods.map((p) => p.metadata.uid ?? "");
    expect([...uids].sort()).toEqual(uids);
    expect(new Set(uids).size).toBe(replicas);
    pods.forEach((p, i) => expect(p.metadata.name).toBe(`web-${i}`));
  });
});

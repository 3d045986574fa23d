import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { Cluster, planConsolidation, schedule, toConsolidationJson, toScheduleJson } from "nodefit";
import { defaultAwsCatalog } from "nodefit/aws";
import { fromKubernetes, parseManifests } from "nodefit/kubernetes";

// The README's `Cluster` example, kept true by running it over examples/consolidation.
describe("README Cluster example", () => {
  it("answers after events as schedule / planConsolidation over the same objects do", async () => {
    const files = ["nodepool.yaml", "nodes.yaml", "pods.yaml"];
    const documents = (await Promise.all(files.map(async (f) => parseManifests(await readFile(`examples/consolidation/${f}`, "utf8"), f)))).flat();
    const snapshot = fromKubernetes(documents);
    const catalog = defaultAwsCatalog();
    const cluster = Cluster.fromSnapshot(snapshot, catalog);
    const node = snapshot.nodes[0];
    expect(node).toBeDefined();
    if (node === undefined) return;
    const pod = {
      metadata: { name: "late", namespace: "default" },
      spec: { containers: [{ name: "app", resources: { requests: { cpu: "3", memory: "4Gi" } } }] },
    };
    cluster.apply({ type: "ADDED", kind: "Pod", object: pod });
    cluster.apply({ type: "DELETED", kind: "Node", object: node });
    const { nodeClaims, existingNodes, unschedulable } = cluster.schedule();
    const now = new Date("2026-06-01T12:00:00Z");
    const plan = cluster.planConsolidation({ now });

    // The same answers as the one-shot calls over the cluster's objects after the events.
    const objects = cluster.snapshot();
    expect(objects.nodes.map((n) => n.metadata.name)).not.toContain(node.metadata.name);
    expect(objects.pods.map((p) => p.metadata.name)).toContain("late");
    const once = schedule({ ...objects, instanceTypes: catalog });
    expect(toScheduleJson(cluster.schedule())).toBe(toScheduleJson(once));
    expect(unschedulable).toEqual([]);
    const placed = [...nodeClaims.flatMap((c) => c.pods), ...existingNodes.flatMap((n) => n.pods)];
    expect(placed).toContain("default/late");
    expect(toConsolidationJson(plan)).toBe(toConsolidationJson(planConsolidation({ ...objects, instanceTypes: catalog }, { now })));
  });
});

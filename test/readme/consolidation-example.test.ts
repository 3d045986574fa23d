import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { planConsolidation, toConsolidationJson } from "nodefit";
import { defaultAwsCatalog } from "nodefit/aws";
import { fromKubernetes, parseManifests } from "nodefit/kubernetes";

// The README's planConsolidation example, kept true by running it over examples/consolidation.
describe("README consolidation example", () => {
  it("plans over fromKubernetes output as it is, running pods honoured", async () => {
    const files = ["nodepool.yaml", "nodes.yaml", "pods.yaml"];
    const docs = (await Promise.all(files.map(async (f) => parseManifests(await readFile(`examples/consolidation/${f}`, "utf8"), f)))).flat();
    const cluster = fromKubernetes(docs);
    expect(cluster.boundPods.length).toBeGreaterThan(0);
    const plan = planConsolidation({ ...cluster, instanceTypes: defaultAwsCatalog() }, { now: "2026-06-01T12:00:00Z" });
    // The same plan the CLI makes (it passes every pod in `pods`).
    const cli = planConsolidation(
      { ...cluster, pods: [...cluster.boundPods, ...cluster.pods], boundPods: [], instanceTypes: defaultAwsCatalog() },
      { now: "2026-06-01T12:00:00Z" },
    );
    expect(toConsolidationJson(plan)).toBe(toConsolidationJson(cli));
    expect(plan.commands.length).toBeGreaterThan(0);
    expect(plan.blocked.length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { editedExample, example } from "./fixtures.js";
import { runCli } from "./run-cli.js";

const NOW = ["--now", "2026-06-01T12:00:00Z"];

interface DiffJson {
  before: { nodes: number; unschedulable: number; hourlyCost: number };
  after: { nodes: number; unschedulable: number; hourlyCost: number };
  hourlyCostDelta: number;
  monthlyCostDelta: number;
  nodePools: { nodePool: string; nodesBefore: number; nodesAfter: number; hourlyCostDelta: number }[];
  instanceTypes: { instanceType: string; before: number; after: number }[];
  nodesRemoved: { name: string; planned: boolean }[];
  nodesAdded: { name: string; planned: boolean; instanceType: string }[];
  podsMoved: { pod: string; from: string; to: string }[];
  podsBecameUnschedulable: { pod: string; code: string }[];
  podsBecameSchedulable: string[];
}

async function diff(...args: string[]): Promise<DiffJson> {
  const run = await runCli("diff", ...args, "-o", "json");
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as DiffJson;
}

describe("nodefit diff", () => {
  it("finds no difference between an input and itself", async () => {
    for (const name of ["inflate", "mixed", "consolidation"]) {
      const d = await diff(example(name), example(name));
      expect(d.hourlyCostDelta).toBe(0);
      expect(d.nodesAdded).toEqual([]);
      expect(d.nodesRemoved).toEqual([]);
      expect(d.podsMoved).toEqual([]);
      expect(d.instanceTypes).toEqual([]);
    }
  });

  it("scaling inflate past its NodePool limit: a bigger node, pods left unschedulable, the cost delta", async () => {
    const big = editedExample("inflate", (text) => text.replace("replicas: 8", "replicas: 40"));
    const d = await diff(example("inflate"), big);
    expect(d.podsBecameUnschedulable.length).toBeGreaterThan(0);
    expect(d.podsBecameUnschedulable.every((u) => u.pod.startsWith("default/inflate-"))).toBe(true);
    expect(d.after.nodes).toBeGreaterThan(0);
    expect(d.hourlyCostDelta).toBeCloseTo(d.after.hourlyCost - d.before.hourlyCost, 9);
    expect(d.monthlyCostDelta).toBeCloseTo(d.hourlyCostDelta * 730, 6);
    const pool = d.nodePools.find((p) => p.nodePool === "default");
    expect(pool?.hourlyCostDelta).toBe(d.hourlyCostDelta);
    expect((await runCli("diff", example("inflate"), big, "--fail-on-unschedulable")).status).toBe(3);
    expect((await runCli("diff", big, example("inflate"), "--fail-on-unschedulable")).status).toBe(0);
    // Raising the limit: those pods become schedulable, on more nodes.
    const raised = editedExample("inflate", (text) => text.replace("replicas: 8", "replicas: 40").replace("cpu: 8", "cpu: 16"));
    const back = await diff(big, raised);
    expect(back.podsBecameSchedulable).toEqual(d.podsBecameUnschedulable.map((u) => u.pod).sort());
    expect(back.podsBecameUnschedulable).toEqual([]);
    expect(back.hourlyCostDelta).toBeGreaterThan(0);
    expect(back.nodesAdded.length).toBeGreaterThan(0);
  });

  it("--consolidate compares the clusters after consolidation: the plan's removed nodes and moved pods", async () => {
    const plan = JSON.parse((await runCli("consolidate", example("consolidation"), ...NOW, "-o", "json")).stdout) as {
      commands: { candidates: string[]; reschedules: { pod: string; to: string }[] }[];
      summary: { hourlyCostBefore: number; hourlyCostAfter: number };
    };
    // Before: a cluster where nothing consolidates (every node do-not-disrupt); after: the example as it is.
    const frozen = editedExample("consolidation", (text, file) =>
      file === "nodes.yaml" ? text.replace(/^( {2}name: (node-[a-z]))$/gm, '$1\n  annotations: { karpenter.sh/do-not-disrupt: "true" }') : text,
    );
    const d = await diff(frozen, example("consolidation"), "--consolidate", ...NOW);
    expect(d.nodesRemoved.map((n) => n.name).sort()).toEqual(plan.commands.flatMap((c) => c.candidates).sort());
    expect(d.podsMoved.map((m) => m.pod).sort()).toEqual(plan.commands.flatMap((c) => c.reschedules.map((r) => r.pod)).sort());
    expect(d.before.hourlyCost).toBe(plan.summary.hourlyCostBefore);
    expect(d.after.hourlyCost).toBe(plan.summary.hourlyCostAfter);
  });

  it("prints the same difference as table, YAML and Markdown", async () => {
    const big = editedExample("inflate", (text) => text.replace("replicas: 8", "replicas: 40"));
    const json = JSON.parse((await runCli("diff", example("inflate"), big, "-o", "json")).stdout) as unknown;
    expect(parse((await runCli("diff", example("inflate"), big, "-o", "yaml")).stdout)).toEqual(json);
    const table = (await runCli("diff", example("inflate"), big)).stdout;
    expect(table).toMatch(/^\d+ → \d+ nodes, \$[\d.]+\/h → \$[\d.]+\/h \(\+\$[\d.]+\/h, \+\$[\d.]+\/month\); unschedulable pods 0 → \d+\n/);
    expect(table).toContain("NEWLY UNSCHEDULABLE POD");
    const markdown = (await runCli("diff", example("inflate"), big, "-o", "markdown")).stdout;
    expect(markdown).toMatch(/^### nodefit diff\n/);
    expect(markdown).toContain("| NodePool | nodes | hourly before | hourly after | delta | monthly delta |");
    expect(markdown).toMatch(/\*\*\d+ pods become unschedulable\*\*/);
  });

  it("wants exactly two inputs", async () => {
    expect((await runCli("diff", example("inflate"))).status).toBe(2);
    expect((await runCli("diff", example("inflate"), example("inflate"), example("inflate"))).status).toBe(2);
  });
});

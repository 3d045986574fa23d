import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "./run-cli.js";

const example = new URL("../../examples/consolidation", import.meta.url).pathname;
const mixed = new URL("../../examples/mixed", import.meta.url).pathname;
const NOW = ["--now", "2026-06-01T12:00:00Z"];

interface Plan {
  commands: { method: string; decision: string; candidates: string[]; reschedules: { pod: string; to: string }[]; savings: number }[];
  blocked: { node: string; code: string; message: string }[];
  summary: { nodes: number; hourlyCostBefore: number; hourlyCostAfter: number };
}

describe("nodefit consolidate", () => {
  it("deletes the empty node first, then consolidates, and names what keeps the rest", async () => {
    const { status, stdout } = await runCli("consolidate", example, ...NOW, "-o", "json");
    expect(status).toBe(0);
    const plan = JSON.parse(stdout) as Plan;
    expect(plan.commands[0]).toMatchObject({ method: "emptiness", decision: "delete", candidates: ["node-e"] });
    const moved = plan.commands.flatMap((c) => c.reschedules.map((r) => r.pod));
    expect(moved).not.toContain("data/db-0");
    expect(moved).not.toContain("shop/api-0");
    expect(plan.blocked.find((b) => b.node === "node-c")?.code).toBe("do-not-disrupt");
    expect(plan.blocked.find((b) => b.node === "node-d")?.code).toBe("pdb");
    expect(plan.summary.nodes).toBe(5);
    expect(plan.summary.hourlyCostAfter).toBeLessThan(plan.summary.hourlyCostBefore);
    const saved = plan.commands.reduce((s, c) => s + c.savings, 0);
    expect(plan.summary.hourlyCostBefore - plan.summary.hourlyCostAfter).toBeCloseTo(saved, 6);
  });

  it("stops after --max-commands", async () => {
    const plan = JSON.parse((await runCli("consolidate", example, ...NOW, "--max-commands", "1", "-o", "json")).stdout) as Plan;
    expect(plan.commands).toHaveLength(1);
  });

  it("gives the same plan in every format", async () => {
    const json = JSON.parse((await runCli("consolidate", example, ...NOW, "-o", "json")).stdout) as unknown;
    expect(parse((await runCli("consolidate", example, ...NOW, "-o", "yaml")).stdout) as unknown).toEqual(json);
    const table = (await runCli("consolidate", example, ...NOW)).stdout;
    expect(table.split("\n")[0]).toMatch(/^\d+ commands? for 5 nodes: \$0\.\d{2,}\/h → \$0\.\d{2,}\/h/);
    expect(table).toContain("do-not-disrupt");
    const html = (await runCli("consolidate", example, ...NOW, "-o", "html")).stdout;
    expect(html).toContain("<h2>Before</h2>");
    expect(html).toContain("<h2>After</h2>");
    expect(html).toContain("node-e");
  });
});

describe("nodefit explain", () => {
  it("says why a node stays", async () => {
    const { status, stdout } = await runCli("explain", example, ...NOW, "--node", "node-c");
    expect(status).toBe(0);
    expect(stdout).toContain("node node-c: stays (do-not-disrupt)");
    expect(stdout).toContain("data/db-0");
  });

  it("says how a node is consolidated", async () => {
    const out = JSON.parse((await runCli("explain", example, ...NOW, "--node", "node-e", "-o", "json")).stdout) as { status: string; method: string };
    expect(out).toMatchObject({ status: "deleted", method: "emptiness" });
  });

  it("says where a pod goes", async () => {
    const out = JSON.parse((await runCli("explain", mixed, "--pod", "ml/train-1", "-o", "json")).stdout) as {
      status: string;
      placement: { kind: string; name: string; detail: string };
    };
    expect(out.status).toBe("scheduled");
    expect(out.placement.kind).toBe("new-node-claim");
    expect(out.placement.detail).toContain("NodePool gpu");
  });

  it("says, per NodePool, why a pod fits nowhere", async () => {
    const { writeFileSync, mkdtempSync, cpSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "nodefit-explain-"));
    cpSync(mixed, dir, { recursive: true });
    writeFileSync(
      join(dir, "huge.yaml"),
      `apiVersion: v1
kind: Pod
metadata: { name: huge, namespace: ml }
spec:
  tolerations: [{ key: nvidia.com/gpu, operator: Exists }]
  containers: [{ name: c, resources: { requests: { cpu: "100", memory: 1Gi } } }]
`,
    );
    const out = JSON.parse((await runCli("explain", dir, "--pod", "ml/huge", "-o", "json")).stdout) as {
      status: string;
      code: string;
      nodePools: { nodePool: string; reasons: string[] }[];
    };
    expect(out.status).toBe("unschedulable");
    expect(out.nodePools.map((n) => n.nodePool).sort()).toEqual(["general", "gpu"]);
    expect(out.nodePools.flatMap((n) => n.reasons).join("\n")).toMatch(/cpu/);
  });

  it("refuses a pod or node that is not in the manifests with exit status 2", async () => {
    expect((await runCli("explain", example, ...NOW, "--node", "node-z")).status).toBe(2);
    expect((await runCli("explain", example, "--pod", "shop/nope")).status).toBe(2);
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromKubernetes, parseManifests } from "nodefit/kubernetes";
import { describe, expect, it } from "vitest";
import { editedExample, example, exampleAsOneFile, portableInflate } from "./fixtures.js";
import { runCli } from "./run-cli.js";

const NOW = ["--now", "2026-06-01T12:00:00Z"];

function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "nodefit-out-")), name);
  writeFileSync(file, text);
  return file;
}

describe("catalog output as input", () => {
  for (const [provider, format] of [
    ["aws", "yaml"],
    ["gcp", "json"],
    ["azure", "yaml"],
  ] as const) {
    it(`catalog -p ${provider} -o ${format} is an InstanceTypeCatalog that schedules as the embedded one`, async () => {
      const printed = await runCli("catalog", "-p", provider, "-o", format);
      expect(printed.stdout).toMatch(format === "yaml" ? /^apiVersion: nodefit\.dev\/v1alpha1\nkind: InstanceTypeCatalog\n/ : /"kind": "InstanceTypeCatalog"/);
      const catalog = tempFile(`catalog.${format}`, printed.stdout);
      // The inflate NodePool asks for AWS labels; a portable pool runs on every provider.
      const dir = portableInflate();
      const embedded = await runCli("schedule", dir, "-p", provider, "-o", "json");
      const fromDocument = await runCli("schedule", dir, catalog, "-o", "json");
      expect(fromDocument.status, fromDocument.stderr).toBe(0);
      expect(fromDocument.stdout).toBe(embedded.stdout);
    });
  }

  it("the AWS round trip gives the same answer for the seed example's AWS-specific NodePool", async () => {
    const catalog = tempFile("catalog.yaml", (await runCli("catalog", "-o", "yaml")).stdout);
    expect((await runCli("schedule", example("inflate"), catalog, "-o", "json")).stdout).toBe(
      (await runCli("schedule", example("inflate"), "-o", "json")).stdout,
    );
  });
});

describe("-o nodeclaims", () => {
  it("prints karpenter.sh/v1 NodeClaims that nodefit reads back", async () => {
    const json = JSON.parse((await runCli("schedule", example("mixed"), "-o", "json")).stdout) as {
      nodeClaims: { name: string; instanceTypeOptions: string[] }[];
    };
    const { stdout, status } = await runCli("schedule", example("mixed"), "-o", "nodeclaims");
    expect(status).toBe(0);
    const docs = parseManifests(stdout, "claims.yaml");
    expect(docs.map((d) => (d.object as { kind: string }).kind)).toEqual(json.nodeClaims.map(() => "NodeClaim"));
    const read = fromKubernetes(docs);
    expect(read.nodeClaims.map((c) => c.metadata.name)).toEqual(json.nodeClaims.map((c) => c.name));
    for (const [i, claim] of read.nodeClaims.entries()) {
      const types = claim.spec?.requirements?.find((r) => r.key === "node.kubernetes.io/instance-type");
      expect(types?.values).toEqual(json.nodeClaims[i]?.instanceTypeOptions);
    }
  });

  it("carries the NodePool's nodeClassRef and expireAfter, and the requests", async () => {
    const { stdout } = await runCli("schedule", example("inflate"), "-o", "nodeclaims");
    const [doc] = parseManifests(stdout, "claims.yaml");
    const spec = (doc?.object as { spec: Record<string, unknown> }).spec;
    expect(spec["nodeClassRef"]).toEqual({ group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "default" });
    expect(spec["expireAfter"]).toBe("720h");
    expect((spec["resources"] as { requests: Record<string, string> }).requests["cpu"]).toBeDefined();
  });

  it("prints a consolidation plan's replacements", async () => {
    const { stdout, status } = await runCli("consolidate", example("consolidation"), ...NOW, "-o", "nodeclaims");
    expect(status).toBe(0);
    const plan = JSON.parse((await runCli("consolidate", example("consolidation"), ...NOW, "-o", "json")).stdout) as {
      commands: { replacements: unknown[] }[];
    };
    expect(fromKubernetes(stdout === "" ? [] : parseManifests(stdout, "c.yaml")).nodeClaims).toHaveLength(plan.commands.flatMap((c) => c.replacements).length);
  });
});

describe("-o markdown", () => {
  it("schedule: a heading, the summary with monthly cost, and a table of node claims", async () => {
    const { stdout } = await runCli("schedule", example("mixed"), "-o", "markdown");
    expect(stdout).toMatch(/^### nodefit schedule\n\n\*\*\d+ of \d+ pods scheduled\*\* · \d+ new node claims · \$[\d.]+\/h \(\$[\d.]+\/month\)/);
    expect(stdout).toContain("| node claim | NodePool | instance type | zone | capacity | price | pods |");
    expect(stdout).toContain("| `gpu-1` | gpu | `gpu.12xlarge` |");
  });

  it("consolidate: commands and the nodes that stay", async () => {
    const { stdout } = await runCli("consolidate", example("consolidation"), ...NOW, "-o", "markdown");
    expect(stdout).toMatch(/^### nodefit consolidate\n/);
    expect(stdout).toContain("| 1 | emptiness | delete | `node-e` |");
    expect(stdout).toContain("<details><summary>2 nodes stay</summary>");
  });
});

describe("views do not depend on document order", () => {
  for (const format of ["html", "markdown", "table", "json"]) {
    it(`consolidate -o ${format}`, async () => {
      const forward = exampleAsOneFile("consolidation", (d) => d);
      const backward = exampleAsOneFile("consolidation", (d) => [...d].reverse());
      const a = await runCli("consolidate", forward, ...NOW, "-o", format);
      const b = await runCli("consolidate", backward, ...NOW, "-o", format);
      expect(a.status).toBe(0);
      expect(b.stdout).toBe(a.stdout);
    });
  }

  it("schedule -o html", async () => {
    const forward = exampleAsOneFile("mixed", (d) => d);
    const backward = exampleAsOneFile("mixed", (d) => [...d].reverse());
    expect((await runCli("schedule", backward, "-o", "html")).stdout).toBe((await runCli("schedule", forward, "-o", "html")).stdout);
  });
});

describe("reported money", () => {
  it("consolidation figures are the planner's, exactly", async () => {
    const plan = JSON.parse((await runCli("consolidate", example("consolidation"), ...NOW, "-o", "json")).stdout) as {
      commands: { savings: number }[];
      summary: { hourlyCostBefore: number; hourlyCostAfter: number };
    };
    const table = (await runCli("consolidate", example("consolidation"), ...NOW)).stdout;
    expect(table).toContain(`$${plan.summary.hourlyCostBefore.toFixed(2)}/h → $${plan.summary.hourlyCostAfter.toFixed(2)}/h`);
    for (const c of plan.commands) expect(table).toContain(`$${String(c.savings)}/h`);
  });
});

describe("human units in the views", () => {
  it("prints the planner's remaining consolidateAfter as a duration, keeping seconds in JSON", async () => {
    const dir = editedExample("consolidation", (text, file) =>
      file === "nodepool.yaml" ? text.replace(/consolidateAfter: .*/, "consolidateAfter: 17000h") : text,
    );
    const table = (await runCli("consolidate", dir, ...NOW)).stdout;
    // 17,000 h after the nodes' creation on 2026-05-01 is 58,478,400 s after 2026-06-01T12:00Z: 676 days 20 hours.
    expect(table).toContain("less than consolidateAfter ago (676d20h left)");
    expect((await runCli("consolidate", dir, ...NOW, "-o", "markdown")).stdout).toContain("(676d20h left)");
    expect((await runCli("consolidate", dir, ...NOW, "-o", "json")).stdout).toContain("(58478400s left)");
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "./run-cli.js";

const inflate = new URL("../../examples/inflate", import.meta.url).pathname;

function tempManifests(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "nodefit-cli-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("nodefit schedule", () => {
  it("schedules the seed walkthrough onto one node of the embedded catalogue", async () => {
    const { status, stdout, stderr } = await runCli("schedule", inflate, "--output", "json");
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as {
      nodeClaims: { nodePool: string; instanceType: string; capacityType: string; pods: string[]; price: number }[];
      unschedulable: unknown[];
      summary: { pods: number; scheduled: number; newNodeClaims: number; newHourlyCost: number };
    };
    expect(result.summary).toMatchObject({ pods: 8, scheduled: 8, newNodeClaims: 1 });
    expect(result.unschedulable).toEqual([]);
    const [claim] = result.nodeClaims;
    expect(claim?.nodePool).toBe("default");
    expect(claim?.capacityType).toBe("on-demand");
    expect(claim?.pods).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `default/inflate-${i}`));
    // 8 × 250m = 2 CPU does not fit a 2-vCPU type's 1930m allocatable: a 4-vCPU type is needed.
    expect(claim?.instanceType).toMatch(/\.xlarge$/);
    expect(result.summary.newHourlyCost).toBe(claim?.price);
    // The EC2NodeClass is read (not skipped), so nothing is reported as missing or skipped.
    expect(stderr).toBe("");
  });

  it("prints the same JSON every time", async () => {
    const a = await runCli("schedule", inflate, "-o", "json");
    const b = await runCli("schedule", inflate, "-o", "json");
    expect(a.stdout).toBe(b.stdout);
  });

  it("leads the table with a summary line", async () => {
    const { status, stdout } = await runCli("schedule", inflate);
    expect(status).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(/^Scheduled 8 of 8 pods: 1 new node claim, \$0\.\d{4}\/h/);
    expect(stdout).toContain("default-1");
  });

  it("writes YAML that holds the same object as the JSON", async () => {
    const json = JSON.parse((await runCli("schedule", inflate, "-o", "json")).stdout) as unknown;
    const yaml = parse((await runCli("schedule", inflate, "-o", "yaml")).stdout) as unknown;
    expect(yaml).toEqual(json);
  });

  it("writes a self-contained HTML report", async () => {
    const { status, stdout } = await runCli("schedule", inflate, "-o", "html");
    expect(status).toBe(0);
    expect(stdout).toMatch(/^<!doctype html>/);
    expect(stdout).toContain("default/inflate-7");
    expect(stdout).not.toMatch(/<script|https?:\/\//);
  });

  it("uses an InstanceTypeCatalog document instead of the embedded catalogue", async () => {
    const dir = tempManifests({
      "catalog.yaml": `apiVersion: nodefit.dev/v1alpha1
kind: InstanceTypeCatalog
metadata: { name: example }
instanceTypes:
  - name: small
    labels: { kubernetes.io/arch: amd64, size: small }
    capacity: { cpu: "2", memory: 2Gi, pods: "5" }
    overhead: { kubeReserved: { cpu: 100m, memory: 10Mi } }
    offerings:
      - { zone: test-zone-1, capacityType: spot, price: 0.41 }
`,
      "pool.yaml": `apiVersion: karpenter.sh/v1
kind: NodePool
metadata: { name: default }
spec:
  template:
    spec:
      requirements: [{ key: size, operator: In, values: [small] }]
`,
      "pods.yaml": `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, resources: { requests: { cpu: 500m } } }]
`,
    });
    const { status, stdout } = await runCli("schedule", dir, "-o", "json");
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as { nodeClaims: { instanceType: string; zone: string; pods: string[] }[] };
    expect(result.nodeClaims.map((c) => [c.instanceType, c.zone, c.pods.length])).toEqual([["small", "test-zone-1", 3]]);
  });

  it("exits 1 naming the file, document and field of bad input, with no stack trace", async () => {
    const dir = tempManifests({
      "web.yaml": `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      containers: [{ name: web, resources: { requests: { cpu: abc } } }]
`,
    });
    const { status, stdout, stderr } = await runCli("schedule", dir);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("web.yaml");
    expect(stderr).toContain("Deployment shop/web");
    expect(stderr).toContain("spec.template.spec.containers[0].resources.requests.cpu");
    expect(stderr).toContain('"abc"');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 1 for a path that does not exist", async () => {
    const { status, stderr } = await runCli("schedule", "/nonexistent/manifests");
    expect(status).toBe(1);
    expect(stderr).toContain("/nonexistent/manifests");
  });
});

describe("usage", () => {
  it.each([
    [["schedule"], "give at least one file"],
    [["frobnicate"], 'unknown command "frobnicate"'],
    [["schedule", "x", "--output", "xml"], "--output must be one of"],
    [["schedule", "x", "--bogus"], "bogus"],
    [["consolidate", "x", "--now", "yesterday"], "RFC 3339"],
    [["consolidate", "x", "--max-commands", "-1"], "max-commands"],
    [["explain", "x"], "exactly one of --pod"],
    [["catalog", "--provider", "ibm"], "--provider must be"],
  ])("%j exits 2 with the usage", async (argv, message) => {
    const { status, stderr } = await runCli(...argv);
    expect(status).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain("Usage:");
  });

  it("prints help for each command and exits 0", async () => {
    for (const topic of ["schedule", "consolidate", "explain", "catalog"]) {
      const { status, stdout } = await runCli(topic, "--help");
      expect(status).toBe(0);
      expect(stdout).toContain(`nodefit ${topic}`);
    }
    const { status, stdout } = await runCli("--help");
    expect(status).toBe(0);
    expect(stdout).toContain("nodefit schedule <paths...>");
  });
});

import { describe, expect, it } from "vitest";
import { editedExample, example, portableInflate } from "./fixtures.js";
import { runCli } from "./run-cli.js";

interface ScheduleJson {
  nodeClaims: { instanceType: string; labels: Record<string, string> }[];
  unschedulable: { pod: string }[];
}

describe("nodefit schedule options", () => {
  it("--provider picks an embedded catalogue", async () => {
    // The inflate NodePool asks for AWS labels; a portable pool runs on every provider.
    const dir = portableInflate();
    const types = new Map<string, string>();
    for (const provider of ["aws", "azure", "gcp"]) {
      const run = await runCli("schedule", dir, "--provider", provider, "-o", "json");
      expect(run.status, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout) as ScheduleJson;
      types.set(provider, result.nodeClaims[0]?.instanceType ?? "");
    }
    const catalog = async (provider: string): Promise<string[]> =>
      (JSON.parse((await runCli("catalog", "-p", provider, "-o", "json")).stdout) as { instanceTypes: { name: string }[] }).instanceTypes.map((t) => t.name);
    for (const [provider, type] of types) expect(await catalog(provider), provider).toContain(type);
    expect(new Set(types.values()).size).toBe(3);
  });

  it("--provider and a catalogue document together are bad usage", async () => {
    const run = await runCli("schedule", example("mixed"), "--provider", "gcp");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--provider gcp and InstanceTypeCatalog documents");
  });

  it("--fail-on-unschedulable exits 3 when a pod is left over, and 0 otherwise", async () => {
    // 40 × 250m is 10 CPU, beyond the NodePool's 8-CPU limit.
    const big = editedExample("inflate", (text) => text.replace("replicas: 8", "replicas: 40"));
    const run = await runCli("schedule", big, "--fail-on-unschedulable", "-o", "json");
    expect(run.status).toBe(3);
    expect((JSON.parse(run.stdout) as ScheduleJson).unschedulable.length).toBeGreaterThan(0);
    expect((await runCli("schedule", big)).status).toBe(0);
    expect((await runCli("schedule", example("inflate"), "--fail-on-unschedulable")).status).toBe(0);
  });

  it("refuses --now dates the calendar does not have, accepts a leap second", async () => {
    const refused = await runCli("consolidate", example("consolidation"), "--now", "2026-02-30T00:00:00Z");
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("2026-02-30T00:00:00Z");
    const leap = await runCli("consolidate", example("consolidation"), "--now", "2016-12-31T23:59:60Z", "-o", "json");
    const next = await runCli("consolidate", example("consolidation"), "--now", "2017-01-01T00:00:00Z", "-o", "json");
    expect(leap.status).toBe(0);
    expect(leap.stdout).toBe(next.stdout);
  });

  it("reads standard input only once", async () => {
    const run = await runCli("schedule", "-", "-");
    expect(run.status).toBe(2);
  });

  it("prints its version from package.json", async () => {
    const { version } = (await import("../../package.json", { with: { type: "json" } })).default as { version: string };
    expect((await runCli("--version")).stdout).toBe(`nodefit ${version}\n`);
  });
});

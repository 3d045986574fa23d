/**
 * Karpenter's own example manifests (the AWS provider's `examples/` at v1.14.1: NodePools with their
 * EC2NodeClasses in `v1/`, workloads in `workloads/`) run through the CLI. They are never committed: the test
 * reads them from `$NODEFIT_KARPENTER_EXAMPLES` (a folder holding `v1/` and `workloads/`), or extracts them with
 * `git archive` from the upstream mirror when it exists, and is skipped, saying why, when neither is there.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";

const MIRROR = "/work/.mirror/aws+karpenter-provider-aws/repo";
const TAG = "v1.14.1";

/** The examples folder and whether this test made it (and must remove it). */
function locate(): { readonly dir: string; readonly temporary: boolean } | string {
  const given = process.env["NODEFIT_KARPENTER_EXAMPLES"];
  if (given !== undefined && given !== "") {
    return existsSync(join(given, "v1")) ? { dir: given, temporary: false } : `NODEFIT_KARPENTER_EXAMPLES=${given} holds no v1/ folder`;
  }
  if (!existsSync(MIRROR)) return `Karpenter's examples not found: set NODEFIT_KARPENTER_EXAMPLES or provide the mirror at ${MIRROR}`;
  const dir = mkdtempSync(join(tmpdir(), "nodefit-karpenter-examples-"));
  try {
    const archive = execFileSync("git", ["-C", MIRROR, "archive", "--format=tar", TAG, "examples"], { maxBuffer: 64 * 1024 * 1024 });
    execFileSync("tar", ["-x", "-C", dir], { input: archive });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return `Karpenter's examples could not be extracted from ${MIRROR} at ${TAG}: ${(error as Error).message.split("\n")[0] ?? ""}`;
  }
  return { dir: join(dir, "examples"), temporary: true };
}

const found = locate();
const SUITE = `Karpenter's example manifests (${TAG}) through the CLI`;

// Reported as one skipped test whose name says why.
if (typeof found === "string") describe(SUITE, () => it.skip(found, () => undefined));

describe.runIf(typeof found !== "string")(SUITE, () => {
  if (typeof found === "string") return;
  afterAll(() => {
    if (found.temporary) rmSync(join(found.dir, ".."), { recursive: true, force: true });
  });
  const nodePools = readdirSync(join(found.dir, "v1"))
    .filter((f) => f.endsWith(".yaml"))
    .sort();
  const workloads = join(found.dir, "workloads");

  it("holds NodePool examples and workloads", () => {
    expect(nodePools.length).toBeGreaterThan(10);
    expect(readdirSync(workloads)).toContain("inflate.yaml");
  });

  it.each(nodePools)("schedules the example workloads with v1/%s", async (file) => {
    const run = await runCli("schedule", join(found.dir, "v1", file), workloads, "--output", "json");
    expect(run.stderr).not.toContain("Error");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { summary: { pods: number; scheduled: number }; unschedulable: { code: string }[] };
    expect(json.summary.pods).toBeGreaterThan(0);
    expect(json.summary.scheduled + json.unschedulable.length).toBe(json.summary.pods);
  });

  it("the inflate walkthrough with the general-purpose NodePool places every pod", async () => {
    const run = await runCli("schedule", join(found.dir, "v1", "general-purpose.yaml"), join(workloads, "inflate.yaml"), "--output", "json");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { summary: { pods: number; scheduled: number } };
    expect(json.summary.scheduled).toBe(json.summary.pods);
  });
});

import { closeSync, existsSync, openSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { spawnCli } from "./spawn-cli.js";

// The CLI as a real process: pipes closed early, a full disk, standard input from a real pipe, exit statuses.
const inflate = new URL("../../examples/inflate", import.meta.url).pathname;

describe("nodefit as a process", () => {
  it("ends quietly with 0 when the reader closes the pipe (| head -1)", async () => {
    for (const args of [["catalog", "-o", "yaml"], ["catalog", "-o", "json"], ["catalog"]]) {
      const run = await spawnCli(args, { closeAfterFirstChunk: true });
      expect(run.stderr, args.join(" ")).toBe("");
      expect(run.status, args.join(" ")).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(0);
    }
  });

  it.skipIf(!existsSync("/dev/full"))("reports a full disk in one line with 74, not the invalid-input 1", async () => {
    const fd = openSync("/dev/full", "w");
    try {
      const run = await spawnCli(["catalog", "-o", "yaml"], { stdout: fd });
      expect(run.status).toBe(74);
      expect(run.stderr).toBe("nodefit: cannot write the output: ENOSPC\n");
    } finally {
      closeSync(fd);
    }
  });

  it("reads documents from standard input for the path -", async () => {
    const text = readdirSync(inflate)
      .filter((f) => f.endsWith(".yaml"))
      .sort()
      .map((f) => readFileSync(join(inflate, f), "utf8"))
      .join("\n---\n");
    const piped = await spawnCli(["schedule", "-", "-o", "json"], { stdin: text });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe((await runCli("schedule", inflate, "-o", "json")).stdout);
  });

  it("names standard input in messages about its documents", async () => {
    const run = await spawnCli(["schedule", "-"], {
      stdin: "apiVersion: v1\nkind: Pod\nmetadata: { name: x }\nspec: { containers: [{ name: c, resources: { requests: { cpu: abc } } }] }\n",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("<stdin>");
    expect(run.stderr).toContain('"abc"');
  });

  it("exits 2 with the usage on standard error when run without a command", async () => {
    const run = await spawnCli([]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Usage:");
  });
});

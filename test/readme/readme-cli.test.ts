import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { execFileSync } from "node:child_process";

// The README's CLI examples, run as written (a `> file` redirection writes to a temporary file that later
// commands read under the same name).
const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

function cliExamples(): string[] {
  const start = readme.indexOf("## CLI\n");
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
  return blocks
    .flatMap((b) => b.split("\n"))
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line.startsWith("nodefit ") && !line.includes("<") && !line.includes("["));
}

describe("README CLI section", () => {
  it("has examples", () => {
    expect(cliExamples().length).toBeGreaterThanOrEqual(6);
  });

  it("every example runs and exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nodefit-readme-"));
    const files = new Map<string, string>();
    for (const line of cliExamples()) {
      const [command, target] = line.split(/\s*>\s*/);
      const args = (command ?? "")
        .split(/\s+/)
        .slice(1)
        .map((a) => files.get(a) ?? a);
      const run = await runCli(...args);
      expect(run.status, `${line}\n${run.stderr}`).toBe(0);
      expect(run.stdout.length, line).toBeGreaterThan(0);
      if (target !== undefined) {
        const path = join(dir, target);
        writeFileSync(path, run.stdout);
        files.set(target, path);
      }
    }
  });

  it("the first screen's command runs through the package's bin", async () => {
    const first = /npm install && npx (nodefit [^\n#]+?)\s+#/.exec(readme)?.[1] ?? "";
    expect(first).toBe("nodefit schedule examples/inflate");
    // bin/nodefit.js, what `npx nodefit` runs: here, in a clone, from the sources (see docs/package.md).
    const root = new URL("../../", import.meta.url).pathname;
    const stdout = execFileSync(process.execPath, ["bin/nodefit.js", ...first.split(" ").slice(1)], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    expect(stdout).toMatch(/^Scheduled 8 of 8 pods/);
  });
});

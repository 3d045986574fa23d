import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";

// The HTML report, rendered by a real browser: every node and every pod of the example must be on the page.
// CI installs Debian's chromium (.ci/run); elsewhere the test is skipped, saying why.
const CHROMIUM = "/usr/bin/chromium";
const root = new URL("../../", import.meta.url);
const bin = (args: readonly string[]): string => execFileSync(process.execPath, ["dist/cli/main.js", ...args], { cwd: root, encoding: "utf8" });

describe.skipIf(!existsSync(CHROMIUM))(`HTML report in headless Chromium (needs ${CHROMIUM}; .ci/run installs it)`, () => {
  it("shows every node claim and pod of the mixed example", async () => {
    const json = JSON.parse(bin(["schedule", "examples/mixed", "-o", "json"])) as { nodeClaims: { name: string; pods: string[] }[] };
    const dir = mkdtempSync(join(tmpdir(), "nodefit-html-"));
    const file = join(dir, "report.html");
    writeFileSync(file, bin(["schedule", "examples/mixed", "-o", "html"]));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`file://${file}`);
      const boxes = await page.locator("section.node h3").allTextContents();
      expect(boxes.map((t) => t.split(" ")[0])).toEqual(json.nodeClaims.map((c) => c.name));
      // Pod lists sit in closed <details>; open them and check every pod is rendered and visible.
      await page.locator("details").evaluateAll((els) => els.forEach((e) => e.setAttribute("open", "")));
      for (const claim of json.nodeClaims) {
        for (const pod of claim.pods) await expect(page.getByText(pod, { exact: false }).first().isVisible()).resolves.toBe(true);
      }
      const segments = await page.locator(".seg").count();
      expect(segments).toBe(2 * json.nodeClaims.reduce((n, c) => n + c.pods.length, 0));
    } finally {
      await browser.close();
    }
  });
});

describe("the built bin on the examples", () => {
  it("schedules inflate", () => {
    expect(bin(["schedule", "examples/inflate"])).toMatch(/^Scheduled 8 of 8 pods: 1 new node claim/);
  });
  it("consolidates the consolidation example", () => {
    const plan = JSON.parse(bin(["consolidate", "examples/consolidation", "--now", "2026-06-01T12:00:00Z", "-o", "json"])) as {
      commands: { method: string; candidates: string[] }[];
      blocked: { node: string; code: string }[];
    };
    expect(plan.commands.map((c) => c.method)).toContain("emptiness");
    expect(plan.blocked).toEqual(
      expect.arrayContaining([expect.objectContaining({ node: "node-c", code: "do-not-disrupt" }), expect.objectContaining({ node: "node-d", code: "pdb" })]),
    );
  });
  it("exits 1 on malformed input without a stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "nodefit-bad-"));
    writeFileSync(
      join(dir, "bad.yaml"),
      "apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: c, resources: { requests: { cpu: 1K } } }] }\n",
    );
    try {
      bin(["schedule", dir]);
      expect.unreachable("the bin should have failed");
    } catch (error) {
      const e = error as { status: number; stderr: string };
      expect(e.status).toBe(1);
      expect(e.stderr).toContain("bad.yaml");
      expect(e.stderr).toContain("1K");
      expect(e.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

/**
 * docs/testing.md's rule, checked over every tracked test file: unit tests beside the module they are named
 * after, everything else under test/, nothing elsewhere.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const SKIP = new Set(["node_modules", "dist", ".git", "coverage", "docs"]);

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...testFiles(path));
    else if (entry.name.endsWith(".test.ts")) out.push(relative(root, path));
  }
  return out.sort();
}

describe("where tests live (docs/testing.md)", () => {
  const files = testFiles(root);

  it("finds the tests", () => {
    expect(files.filter((f) => f.startsWith("src/")).length).toBeGreaterThan(50);
    expect(files.filter((f) => f.startsWith("test/")).length).toBeGreaterThan(50);
  });

  it("every test is under src/ or test/", () => {
    expect(files.filter((f) => !f.startsWith("src/") && !f.startsWith("test/"))).toEqual([]);
  });

  it("every unit test in src/ is named after a module beside it", () => {
    const orphans = files
      .filter((f) => f.startsWith("src/"))
      .filter((f) => {
        const name = f.slice(dirname(f).length + 1);
        const module = name.slice(0, name.indexOf("."));
        return !existsSync(join(root, dirname(f), `${module}.ts`));
      });
    expect(orphans).toEqual([]);
  });
});

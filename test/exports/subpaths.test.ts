import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Each public subpath with one function (or value) that must be reachable through it. Kept in step
// with package.json's exports map by the first test.
const probes: ReadonlyArray<{ readonly subpath: string; readonly expression: string }> = [
  { subpath: "nodefit", expression: "typeof m.VERSION" },
  { subpath: "nodefit/advanced", expression: "typeof m.ResourceSpace" },
  { subpath: "nodefit/kubernetes", expression: "typeof m.VERSION" },
  { subpath: "nodefit/aws", expression: "typeof m.VERSION" },
  { subpath: "nodefit/azure", expression: "typeof m.VERSION" },
  { subpath: "nodefit/gcp", expression: "typeof m.VERSION" },
  { subpath: "nodefit/testing", expression: "m.fakeInstanceTypes().length" },
  { subpath: "nodefit/worker", expression: "typeof m.scheduleAsync" },
];

const root = new URL("../../", import.meta.url);

function runNode(args: readonly string[]): string {
  return execFileSync(process.execPath, [...args], { cwd: root, encoding: "utf8" }).trim();
}

describe("built package", () => {
  it("exports exactly the probed subpaths", () => {
    const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { exports: Record<string, unknown> };
    const listed = Object.keys(pkg.exports)
      .filter((k) => k !== "./package.json")
      .map((k) => (k === "." ? "nodefit" : `nodefit/${k.slice(2)}`));
    expect(listed.sort()).toEqual(probes.map((p) => p.subpath).sort());
  });

  for (const { subpath, expression } of probes) {
    it(`${subpath} works with import`, () => {
      const out = runNode(["--input-type=module", "-e", `import * as m from ${JSON.stringify(subpath)}; console.log(${expression});`]);
      expect(out).not.toBe("undefined");
      expect(out.length).toBeGreaterThan(0);
    });
    it(`${subpath} works with require`, () => {
      const out = runNode(["-e", `const m = require(${JSON.stringify(subpath)}); console.log(${expression});`]);
      expect(out).not.toBe("undefined");
      expect(out.length).toBeGreaterThan(0);
    });
  }

  it("the bin prints its usage", () => {
    const out = runNode(["dist/cli/main.js", "--help"]);
    expect(out).toContain("nodefit schedule");
  });

  it("the launcher prints the version package.json holds", () => {
    const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { version: string };
    expect(runNode(["bin/nodefit.js", "--version"])).toBe(`nodefit ${pkg.version}`);
  });

  for (const [kind, load] of [
    ["import", 'const { scheduleAsync } = await import("nodefit/worker"); const { fakeInstanceTypes } = await import("nodefit/testing");'],
    ["require", 'const { scheduleAsync } = require("nodefit/worker"); const { fakeInstanceTypes } = require("nodefit/testing");'],
  ] as const) {
    it(`nodefit/worker runs the scheduler in a worker thread (${kind})`, () => {
      const script = `${load}
        const pods = [{ metadata: { name: "p" }, spec: { containers: [{ name: "c", resources: { requests: { cpu: "100m" } } }] } }];
        scheduleAsync({ pods, nodePools: [{ metadata: { name: "default" }, spec: {} }], instanceTypes: fakeInstanceTypes() })
          .then((r) => console.log(JSON.stringify(r.summary.scheduled)));`;
      const args = kind === "import" ? ["--input-type=module", "-e", script] : ["-e", `(async () => { ${script} })()`];
      expect(runNode(args)).toBe("1");
    });
  }

  for (const bin of ["dist/cli/main.js", "bin/nodefit.js"]) {
    it.skipIf(spawnSync("bash", ["--version"]).status !== 0)(`${bin} ends quietly with 0 under | head -1`, () => {
      const script = `node ${bin} catalog -o yaml | head -1; echo "status \${PIPESTATUS[0]}"`;
      const run = spawnSync("bash", ["-c", script], { cwd: root, encoding: "utf8" });
      expect(run.stdout).toBe("apiVersion: nodefit.dev/v1alpha1\nstatus 0\n");
      expect(run.stderr).toBe("");
    });
  }
});

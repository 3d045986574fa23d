import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as Record<string, unknown>;
const tsup = readFileSync(new URL("../../tsup.config.ts", import.meta.url), "utf8");
const typedoc = JSON.parse(readFileSync(new URL("../../typedoc.json", import.meta.url), "utf8")) as {
  entryPoints: string[];
};

describe("package manifest", () => {
  it("is side-effect free ESM that needs Node 20", () => {
    expect(pkg["sideEffects"]).toBe(false);
    expect(pkg["type"]).toBe("module");
    expect(pkg["engines"]).toEqual({ node: ">=20" });
  });

  it("builds and documents every exported subpath", () => {
    const exportsMap = pkg["exports"] as Record<string, { import: { default: string } }>;
    for (const [key, entry] of Object.entries(exportsMap)) {
      if (key === "./package.json") continue;
      const built = entry.import.default.replace(/^\.\/dist\//, "").replace(/\.js$/, "");
      expect(tsup, `tsup entry for ${key}`).toContain(`"${built}"`.replace('"index"', "index"));
    }
    expect(typedoc.entryPoints.length).toBe(Object.keys(exportsMap).length - 1);
  });

  it("has the Apache-2.0 license text it declares", () => {
    expect(pkg["license"]).toBe("Apache-2.0");
    const license = readFileSync(new URL("../../LICENSE", import.meta.url), "utf8");
    expect(license).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(license).toContain("END OF TERMS AND CONDITIONS");
    expect(pkg["files"]).toEqual(expect.arrayContaining(["dist", "bin", "LICENSE"]));
  });

  it("builds when packed, not on consumers' installs", () => {
    const scripts = pkg["scripts"] as Record<string, string>;
    expect(scripts["prepare"]).toBeUndefined();
    expect(scripts["prepack"]).toBe("tsup");
  });

  it("runs its bin through the launcher, which a fresh clone can run from source", () => {
    expect(pkg["bin"]).toEqual({ nodefit: "./bin/nodefit.js" });
    expect(existsSync(new URL("../../bin/nodefit.js", import.meta.url))).toBe(true);
  });

  it("maps every subpath in typesVersions, for moduleResolution node", () => {
    const exportsMap = pkg["exports"] as Record<string, { import: { types: string } }>;
    const typesVersions = (pkg["typesVersions"] as Record<string, Record<string, string[]>>)["*"] ?? {};
    const subpaths = Object.keys(exportsMap).filter((k) => k !== "." && k !== "./package.json");
    expect(Object.keys(typesVersions).sort()).toEqual(subpaths.map((k) => k.slice(2)).sort());
    for (const key of subpaths) expect(typesVersions[key.slice(2)]).toEqual([exportsMap[key]?.import.types]);
  });

  it("writes its version once, in package.json", () => {
    const version = pkg["version"] as string;
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
      });
    const quoted = new RegExp(`["'\`]${version.replace(/\./g, "\\.")}["'\`]`);
    expect(files(new URL("../../src", import.meta.url).pathname).filter((f) => quoted.test(readFileSync(f, "utf8")))).toEqual([]);
  });

  it("titles every documented module by its import path and includes docs/*.md in the site", () => {
    const config = typedoc as unknown as { plugin: string[]; projectDocuments: string[] };
    expect(config.projectDocuments).toEqual(["docs/*.md"]);
    const plugin = readFileSync(new URL(`../../${config.plugin[0] ?? ""}`, import.meta.url), "utf8");
    const exportsMap = pkg["exports"] as Record<string, unknown>;
    for (const key of Object.keys(exportsMap).filter((k) => k !== "./package.json")) {
      expect(plugin).toContain(`"${key === "." ? "nodefit" : `nodefit/${key.slice(2)}`}"`);
    }
  });
});

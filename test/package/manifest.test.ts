import { readFileSync } from "node:fs";
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
});

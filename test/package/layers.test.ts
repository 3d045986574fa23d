import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// DESIGN.md's layer rule as a test: a module imports only from layers below it; the core never imports an
// adapter, the CLI, zod, yaml or test helpers; edges reach the core only through the package name.
const SRC = new URL("../../src/", import.meta.url).pathname;

const LAYER: Readonly<Record<string, number>> = {
  types: 0,
  errors: 0,
  limits: 0,
  _internal: 1,
  resources: 2,
  requirements: 2,
  taints: 2,
  "instance-types": 3,
  volumes: 3,
  topology: 4,
  overlays: 4,
  scheduler: 5,
  consolidation: 6,
};
const CORE_PACKAGES_ALLOWED = new Set<string>(["mnemonist"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
  return [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm)].map((m) => m[1] ?? "");
}

const layerOf = (relativePath: string): string => relativePath.split("/")[0]?.replace(/\.(ts|js)$/, "") ?? "";

describe("layers", () => {
  const files = sourceFiles(SRC).map((f) => ({ file: f, rel: relative(SRC, f) }));

  it("finds the sources", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it("core modules import only from their own layer or below, and no edge package", () => {
    const problems: string[] = [];
    for (const { file, rel } of files) {
      const own = layerOf(rel);
      const ownLevel = LAYER[own];
      if (ownLevel === undefined) continue; // an edge module, checked below
      for (const spec of importsOf(file)) {
        if (spec.startsWith(".")) {
          const target = layerOf(relative(SRC, join(file, "..", spec)));
          const level = LAYER[target];
          if (target === own) continue;
          if (level === undefined || level > ownLevel || (level === ownLevel && level >= 2 && target !== own)) {
            problems.push(`${rel} imports ${spec} (layer ${target})`);
          }
        } else if (!spec.startsWith("node:") && !CORE_PACKAGES_ALLOWED.has(spec)) {
          problems.push(`${rel} imports the package ${spec}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("edge modules reach the core only through the package name", () => {
    const problems: string[] = [];
    for (const { file, rel } of files) {
      const own = layerOf(rel);
      if (LAYER[own] !== undefined || own === "index" || own === "advanced") continue;
      for (const spec of importsOf(file)) {
        if (!spec.startsWith(".")) continue;
        const target = layerOf(relative(SRC, join(file, "..", spec)));
        if (LAYER[target] !== undefined && target !== "types" && target !== "errors") problems.push(`${rel} imports ${spec}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

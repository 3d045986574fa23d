/**
 * Issue 8 (5): mutated valid manifests (fields dropped, types swapped, huge or hostile values injected,
 * YAML text damaged) give either a valid result or nodefit's documented error; no other exception escapes,
 * from the library or from the CLI.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect } from "vitest";
import type { KubernetesDocument } from "nodefit/kubernetes";
import { runCli } from "../cli/run-cli.js";
import { exampleDocuments, exampleFiles, isDocumentedError, scheduleJson } from "../hostile/pipeline.js";

type Path = ReadonlyArray<string | number>;

/** Every path to a value inside `value` (the root excluded). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== "object" || value === null) return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

/** A copy of `value` with the value at `path` replaced (or removed when `replacement` is `DROP`). */
function withValueAt(value: unknown, path: Path, replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value)) {
    const items = [...value];
    if (rest.length === 0 && replacement === DROP) items.splice(Number(head), 1);
    else items[Number(head)] = withValueAt(items[Number(head)], rest, replacement);
    return items;
  }
  const record = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && replacement === DROP) delete record[String(head)];
  else
    Object.defineProperty(record, String(head), {
      value: withValueAt(record[String(head)], rest, replacement),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return record;
}

const DROP = Symbol("drop");

let deep: unknown = "leaf";
for (let i = 0; i < 150; i++) deep = { k: deep };

/** Values that break types, ranges and assumptions; none accepted and large enough to make a run slow. */
const hostileValue = fc.constantFrom<unknown>(
  DROP,
  null,
  "",
  "abc",
  "1K",
  "-1",
  "1e400",
  "__proto__",
  "constructor",
  "x".repeat(70_000),
  0,
  -1,
  1.5,
  2 ** 53 + 2,
  Number.POSITIVE_INFINITY,
  Number.NaN,
  true,
  [],
  [null],
  {},
  JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": "x"}'),
  deep,
  { "": "" },
);

const documents = exampleDocuments("mixed");
const paths = documents.map((document) => pathsOf(document.object));

const mutation = fc.tuple(fc.nat(documents.length - 1), fc.nat(), hostileValue);

/** Applies each mutation to one document, at one of its paths. */
function mutate(mutations: ReadonlyArray<readonly [number, number, unknown]>): KubernetesDocument[] {
  const out = [...documents];
  for (const [doc, pick, value] of mutations) {
    const candidates = paths[doc] ?? [];
    const path = candidates[pick % Math.max(candidates.length, 1)] ?? [];
    const target = out[doc] as KubernetesDocument;
    out[doc] = { ...target, object: withValueAt(target.object, path, value) };
  }
  return out;
}

/** The outcome class of running the library pipeline. */
function outcome(input: readonly KubernetesDocument[]): "result" | "documented error" {
  try {
    JSON.parse(scheduleJson(input));
    return "result";
  } catch (error) {
    if (isDocumentedError(error)) return "documented error";
    throw error;
  }
}

describe("fuzzing mutated manifests", () => {
  test.prop([fc.array(mutation, { minLength: 1, maxLength: 3 })], { numRuns: 60 })(
    "the library gives a result or the documented error, nothing else",
    (mutations) => {
      expect(["result", "documented error"]).toContain(outcome(mutate(mutations)));
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    },
  );

  const folder = mkdtempSync(join(tmpdir(), "nodefit-fuzz-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const files = exampleFiles("mixed");
  const damage = fc.record({
    file: fc.nat(files.length - 1),
    at: fc.nat(),
    cut: fc.nat({ max: 40 }),
    insert: fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(":", "- ", "]", "{", "&a", "*a", "!!binary", "\t", "---\n", "\n  x: [", "'", '"', "%YAML 1.2\n", "? ", "|\n", "__proto__: 1\n"),
    ),
  });

  test.prop([damage], { numRuns: 30 })("the CLI exits 0 or 1 on damaged YAML text and never prints a stack trace", async ({ file, at, cut, insert }) => {
    const written = files.map(([name, text], i) => {
      const path = join(folder, name.replaceAll("/", "-"));
      const position = at % (text.length + 1);
      writeFileSync(path, i === file ? text.slice(0, position) + insert + text.slice(position + cut) : text);
      return path;
    });
    const run = await runCli("schedule", ...written, "--output", "json");
    expect([0, 1]).toContain(run.status);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    if (run.status === 0) JSON.parse(run.stdout);
    else expect(run.stderr.startsWith("nodefit: ")).toBe(true);
  });
});

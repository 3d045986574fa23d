/**
 * Issue 16: the fast readers (JSON.parse, js-yaml) answer only where they read a text exactly as the YAML
 * reader does. On generated manifests written as JSON and as YAML in several styles, and on mutations of them
 * (characters that mean something to YAML inserted, deleted or replaced), whenever the fast path answers, its
 * documents equal the YAML reader's (same numbers, same values, null fields kept); whenever the YAML
 * reader finds an error, the fast path does not answer.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { Composer, Parser, stringify } from "yaml";
import { fastDocuments } from "../../src/kubernetes/fast-parse.js";
import { plainData } from "../../src/kubernetes/plain-data.js";
import { mutate, textMutation } from "./text-mutations.js";

/** What the YAML reader makes of the text: each document (null when empty), or "error" (syntax, limits). */
function exactReading(text: string): unknown[] | "error" {
  const documents: unknown[] = [];
  for (const document of new Composer().compose(new Parser().parse(text))) {
    if (document.errors.length > 0) return "error";
    let object: unknown;
    try {
      object = document.toJS({ maxAliasCount: 1000 });
    } catch {
      return "error";
    }
    if (object === null || object === undefined) {
      documents.push(null);
      continue;
    }
    if (!plainData(object).ok) return "error";
    documents.push(object);
  }
  return documents;
}

const KEYS = [
  "apiVersion",
  "__proto__",
  "kind",
  "metadata",
  "name",
  "labels",
  "app",
  "cpu",
  "1",
  "0x1F",
  "true",
  "null",
  "~",
  "",
  "a b",
  "a:b",
  "#x",
  "-",
  "nvidia.com/gpu",
];
const SCALARS = fc.oneof(
  fc.constantFrom(
    "v1",
    "Pod",
    "500m",
    "1Gi",
    "2026-01-01T00:00:00Z",
    "0o17",
    "0x1F",
    "1_000",
    "0b101",
    ".inf",
    "-.Inf",
    ".nan",
    "1e3",
    "+1",
    "-0",
    "007",
    "1.50",
  ),
  fc.constantFrom(
    "yes",
    "no",
    "on",
    "off",
    "True",
    "FALSE",
    "Null",
    "~",
    "",
    " lead",
    "trail ",
    "a: b",
    "- x",
    "# c",
    "'q'",
    '"d"',
    "multi\nline",
    "tab\there",
    "é ☃ 😀",
  ),
  fc.constantFrom("a long value with several words in it that folds", "x: y # not a comment", "line one\nline two\n", "  both  ends  ", 'quote\'s "inside"'),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
);
const VALUE: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, SCALARS, tie("list"), tie("map")),
  list: fc.array(tie("value"), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), tie("value"), { maxKeys: 5 }),
})).value;
const DOCUMENT = fc.record({
  apiVersion: fc.constant("v1"),
  kind: fc.constantFrom("Pod", "Node"),
  metadata: fc.record({ name: fc.string({ maxLength: 8 }) }),
  spec: VALUE,
});

/** Runs scale with FAST_PARSE_RUNS (a multiplier) for a longer local soak. */
const SCALE = Number(process.env["FAST_PARSE_RUNS"] ?? "1");

const STYLES = ["json", "json-pretty", "yaml", "yaml-flow", "yaml-quoted", "yaml-literal", "yaml-narrow"] as const;

function write(documents: readonly unknown[], style: (typeof STYLES)[number]): string {
  switch (style) {
    case "json":
      return documents.length === 1 ? JSON.stringify(documents[0]) : JSON.stringify({ apiVersion: "v1", kind: "List", items: documents });
    case "json-pretty":
      return JSON.stringify(documents.length === 1 ? documents[0] : documents, null, 2);
    case "yaml":
      return documents.map((d) => stringify(d, { aliasDuplicateObjects: false })).join("---\n");
    case "yaml-flow":
      return documents.map((d) => stringify(d, { aliasDuplicateObjects: false, collectionStyle: "flow" })).join("---\n");
    case "yaml-quoted":
      return documents.map((d) => stringify(d, { aliasDuplicateObjects: false, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" })).join("---\n");
    case "yaml-narrow":
      return documents.map((d) => stringify(d, { aliasDuplicateObjects: false, lineWidth: 16, minContentWidth: 0, blockQuote: "folded" })).join("---\n");
    case "yaml-literal":
      return `# a comment\n---\n${documents.map((d) => stringify(d, { aliasDuplicateObjects: false, blockQuote: "literal", lineWidth: 20 })).join("...\n---\n")}`;
  }
}

const MUTATION = textMutation([
  "",
  ":",
  " ",
  "  ",
  "\n",
  "-",
  "- ",
  "---\n",
  "...",
  "#",
  "'",
  '"',
  "{",
  "}",
  "[",
  "]",
  ",",
  "|",
  ">",
  "\\",
  "\t",
  "\r\n",
  "? ",
  "&a ",
  "*a",
  "!t ",
  "%YAML 1.1\n",
  "\ufeff",
  "null",
  "1",
  "e",
]);

/** The documents a reader gives, numbered from 1 as messages number them; empty ones keep their number only. */
function numbered(documents: readonly unknown[]): [number, unknown][] {
  return documents.flatMap((d, i): [number, unknown][] => (d === null || d === undefined ? [] : [[i + 1, d]]));
}

function expectSame(text: string): void {
  const exact = exactReading(text);
  const fast = fastDocuments(text);
  if (fast === undefined) return;
  expect(exact, `the YAML reader refuses what the fast path read:\n${text}`).not.toBe("error");
  expect(numbered(fast), text).toStrictEqual(numbered(exact as unknown[]));
}

describe("fast readers", () => {
  test.prop([fc.array(DOCUMENT, { minLength: 1, maxLength: 3 }), fc.constantFrom(...STYLES)], { numRuns: 300 * SCALE })(
    "read written manifests exactly as the YAML reader",
    (documents, style) => {
      const text = write(documents, style);
      expectSame(text);
    },
  );

  test.prop([fc.array(DOCUMENT, { minLength: 1, maxLength: 2 }), fc.constantFrom(...STYLES), fc.array(MUTATION, { minLength: 1, maxLength: 3 })], {
    numRuns: 600 * SCALE,
  })("answer only as the YAML reader does on mutated manifests", (documents, style, mutations) => {
    expectSame(mutate(write(documents, style), mutations));
  });

  test("the examples and the benchmark's shapes are read by the fast path, as the YAML reader reads them", () => {
    const files = readdirSync("examples", { recursive: true, encoding: "utf8" }).filter((f) => /\.(?:ya?ml|json)$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(join("examples", file), "utf8");
      expect(fastDocuments(text), file).toBeDefined();
      expectSame(text);
    }
  });

  test("a JSON key written twice is left to the YAML reader, which refuses it", () => {
    expect(fastDocuments('{"kind": "Pod", "kind": "Node"}')).toBeUndefined();
    expect(fastDocuments('{"a": {"b": 1, "b": 2}}')).toBeUndefined();
    expect(fastDocuments('{"a": "x\\":", "b": 1}')).toStrictEqual([{ a: 'x":', b: 1 }]);
  });
});

/**
 * Issue 16: the block-YAML reader (src/kubernetes/block-yaml.ts) answers only where it reads a text exactly as
 * the YAML reader does, and it does answer for the block YAML `yaml.stringify` writes (the benchmark's form).
 * Texts are written from generated values in block style, then mutated with the characters that mean
 * something to YAML; whenever the block reader answers, its documents equal the YAML reader's.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { Composer, Parser, stringify } from "yaml";
import { readBlockYaml } from "../../src/kubernetes/block-yaml.js";
import { resolvePlain } from "../../src/kubernetes/fast-parse.js";
import { mutate, textMutation } from "./text-mutations.js";

/** What the YAML reader makes of the text: each document (null when empty), or "error". */
function exactReading(text: string): unknown[] | "error" {
  const documents: unknown[] = [];
  for (const document of new Composer().compose(new Parser().parse(text))) {
    if (document.errors.length > 0) return "error";
    try {
      documents.push(document.toJS({ maxAliasCount: 1000 }) ?? null);
    } catch {
      return "error";
    }
  }
  return documents;
}

const KEYS = fc.constantFrom(
  "apiVersion",
  "kind",
  "metadata",
  "name",
  "labels",
  "app",
  "cpu",
  "app.kubernetes.io/name",
  "a_b",
  "x-y",
  "1",
  "true",
  "null",
  "k",
);
const SCALAR = fc.oneof(
  fc.constantFrom(
    "v1",
    "500m",
    "1Gi",
    "2026-01-01T00:00:00Z",
    "0o17",
    "0x1F",
    "1_000",
    ".inf",
    "-1",
    "+1",
    "-0",
    "007",
    "1.50",
    "1e3",
    "-.5",
    "yes",
    "True",
    "~",
    "",
  ),
  fc.constantFrom(
    "a: b",
    "- x",
    "# c",
    "a #b",
    "a#b",
    "'q'",
    '"d"',
    "x:",
    "http://a/b",
    "[a]",
    "{a}",
    "a, b",
    "it's",
    'say "hi"',
    "back\\slash",
    "é ☃ 😀",
    " lead",
    "trail ",
  ),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 8 }),
);
const VALUE: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, SCALAR, tie("list"), tie("map")),
  list: fc.array(tie("value"), { maxLength: 4 }),
  map: fc.dictionary(KEYS, tie("value"), { maxKeys: 5 }),
})).value;
const DOCUMENT = fc.record({
  apiVersion: fc.constant("v1"),
  kind: fc.constant("Pod"),
  metadata: fc.record({ name: fc.string({ maxLength: 8 }) }),
  spec: VALUE,
});

const write = (documents: readonly unknown[], lineWidth: number): string =>
  documents.map((d) => stringify(d, { aliasDuplicateObjects: false, lineWidth })).join("---\n");

const MUTATION = textMutation([
  "",
  ":",
  " ",
  "  ",
  "\n",
  "-",
  "- ",
  "---\n",
  "---",
  "...",
  "#",
  " #",
  "'",
  "''",
  '"',
  "{",
  "}",
  "[",
  "]",
  ",",
  "|",
  ">",
  "\\",
  "? ",
  "~",
  "1",
  "x",
  "\u0085",
  "\ufeff",
]);

/** Runs scale with FAST_PARSE_RUNS (a multiplier) for a longer local soak. */
const SCALE = Number(process.env["FAST_PARSE_RUNS"] ?? "1");
const answered = { written: 0, mutated: 0 };

function expectSame(text: string): unknown[] | undefined {
  const block = readBlockYaml(text, resolvePlain);
  if (block === undefined) return undefined;
  const exact = exactReading(text);
  expect(exact, `the YAML reader refuses what the block reader read:\n${text}`).not.toBe("error");
  expect(block, text).toStrictEqual(exact);
  return block;
}

describe("block-YAML reader", () => {
  test.prop([fc.array(DOCUMENT, { minLength: 1, maxLength: 3 }), fc.constantFrom(0, 80)], { numRuns: 400 * SCALE })(
    "reads written documents as the YAML reader does",
    (documents, lineWidth) => {
      if (expectSame(write(documents, lineWidth)) !== undefined) answered.written++;
    },
  );

  test.prop([fc.array(DOCUMENT, { minLength: 1, maxLength: 2 }), fc.array(MUTATION, { minLength: 1, maxLength: 3 })], { numRuns: 3000 * SCALE })(
    "answers only as the YAML reader does on mutated texts",
    (documents, mutations) => {
      if (expectSame(mutate(write(documents, 0), mutations)) !== undefined) answered.mutated++;
    },
  );

  test("answered often enough for the comparisons to mean something", () => {
    expect(answered.written).toBeGreaterThan(80 * SCALE);
    expect(answered.mutated).toBeGreaterThan(80 * SCALE);
  });

  test("reads the benchmark's form", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "bench-1", namespace: "default", labels: { "my-label": "e" }, creationTimestamp: "2026-01-01T00:00:00Z" },
      spec: {
        containers: [{ name: "app", resources: { requests: { cpu: "1", memory: "4Gi" } } }],
        topologySpreadConstraints: [
          { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "x" } } },
        ],
        tolerations: [{ operator: "Exists" }],
        nodeSelector: {},
        volumes: [],
      },
    };
    const text = write([pod, pod], 0);
    expect(expectSame(text)).toStrictEqual([pod, pod]);
    expect(expectSame(`# head\n---\n${text}`)).toStrictEqual([pod, pod]);
  });
});

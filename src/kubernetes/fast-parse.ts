import { FAILSAFE_SCHEMA, Type, loadAll } from "js-yaml";
import { readBlockYaml } from "./block-yaml.js";
import type { ManifestProblem } from "./manifest-error.js";
import { cleanParsed } from "./plain-data.js";
import type { KubernetesDocument } from "./types.js";

/**
 * The fast readers of manifest text, tried before the exact YAML reader (`yaml`, ~8× slower and with a syntax
 * tree per document): `JSON.parse` for a JSON file, js-yaml for block YAML. Each answers only where its
 * result is certain to equal the exact reader's; anything else (an error, a duplicate key, anchors and
 * aliases, tags, directives, a key a YAML reader may resolve to a number, a value past a limit) returns
 * `undefined` and the exact reader reads the whole text, for its results and its messages with line and column.
 *
 * @module
 */

// The scalars of the YAML 1.2 core schema as the `yaml` package resolves them (its schema/core tests, in its
// order), so a plain scalar means the same in both readers; js-yaml's own core schema differs (`0b1`, `1_0`).
// Each test first looks at the first character: most plain scalars are names, which none of them can be.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

/** Whether a scalar starting with this character may be a number: a digit, a sign or a dot. */
function numberStart(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}

const CORE_SCALARS = [
  new Type("tag:yaml.org,2002:null", { kind: "scalar", resolve: (s: string) => (s.length <= 4 ? NULL.test(s) : false), construct: () => null }),
  new Type("tag:yaml.org,2002:bool", {
    kind: "scalar",
    resolve: (s: string) => (s.length === 4 || s.length === 5) && BOOL.test(s),
    construct: (s: string) => s[0] === "t" || s[0] === "T",
  }),
  new Type("tag:yaml.org,2002:int", {
    kind: "scalar",
    resolve: (s: string) => numberStart(s) && INT.test(s),
    construct: (s: string) =>
      s.startsWith("0o") ? Number.parseInt(s.slice(2), 8) : s.startsWith("0x") ? Number.parseInt(s.slice(2), 16) : Number.parseInt(s, 10),
  }),
  new Type("tag:yaml.org,2002:float", {
    kind: "scalar",
    resolve: (s: string) => numberStart(s) && FLOAT.test(s),
    construct: (s: string) =>
      /^[-+]?\.(?:inf|Inf|INF)$/.test(s)
        ? s[0] === "-"
          ? Number.NEGATIVE_INFINITY
          : Number.POSITIVE_INFINITY
        : /^\.(?:nan|NaN|NAN)$/.test(s)
          ? Number.NaN
          : Number.parseFloat(s),
  }),
];
const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: CORE_SCALARS });

/**
 * A plain scalar as js-yaml resolves it with the reader's schema: the first type that takes it, else the string.
 *
 * @param plain - the scalar as written
 * @returns null, a boolean, a number or the string
 * @internal
 */
export function resolvePlain(plain: string): unknown {
  for (const type of CORE_SCALARS) if (type.resolve(plain)) return type.construct(plain);
  return plain;
}

/**
 * What only the exact reader reads alike (each found by the differential fuzz test, or a rule of the limits):
 * - a directive (`%YAML 1.1` changes the schema); a tag (`!!int`, `!foo`);
 * - an anchor or alias (the exact reader counts them against MAX_YAML_ALIASES);
 * - an explicit key (`? `), or a collection as a key (`[a, b]: x`, which js-yaml turns into "a,b");
 * - a flow collection running over lines (a line ending in `{`, `[` or `,`): the exact reader is stricter
 *   about comments and plain strings inside one (JSON goes to JSON.parse);
 * - a list item left empty on its line (`- ` or `- - `): js-yaml misplaces the items after it;
 * - a comment touching a bracket, comma, colon or quote (`]#`), which only the exact reader refuses;
 * - a tab or a carriage return (kept by the exact reader inside a quoted string running over lines);
 * - a document marker with anything but a space after it (`---#`, `... ---`).
 * Matched loosely (a `&` or `!` starting a word inside a string matches too): a match only costs speed.
 */
const EXACT_ONLY = /[{[,] *$|[\]}] *:|^%|^---(?![ \n]|$)|^\.\.\.(?!\n|$)|(?:^| )- *(?:#.*)?$|(?:^|[\s[{,])[&*!]|(?:^|[\s[{,])\?(?:\s|$)|[[\]{}"',:]#|[\t\r]/m;

/** Where the closing quote of the JSON string opened at `open` is (the text is valid JSON). */
function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

/**
 * The number of keys written in a valid JSON text (strings followed by `:`), to compare with the keys
 * `JSON.parse` kept: fewer kept means a key was written twice, which YAML refuses. `undefined` when a key
 * is longer than an implicit YAML key may be (1,024 characters) or its `:` is on a later line (YAML wants
 * both on one line), which the exact reader judges.
 */
function writtenKeys(text: string): number | undefined {
  let keys = 0;
  let open = text.indexOf('"');
  while (open !== -1) {
    const close = closingQuote(text, open);
    let next = close + 1;
    let c = text.charCodeAt(next);
    let lineBreak = false;
    while (c === 32 || c === 10 || c === 13 || c === 9) {
      if (c === 10 || c === 13) lineBreak = true;
      c = text.charCodeAt(++next);
    }
    if (c === 58) {
      keys++;
      if (close - open > 1000 || lineBreak) return undefined;
    }
    open = text.indexOf('"', next);
  }
  return keys;
}

/** The values of a JSON text, when `JSON.parse` reads it as the exact reader would. */
function readJson(text: string): unknown[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const written = writtenKeys(text);
  if (written === undefined) return undefined;
  const cleaned = cleanParsed(value, false);
  return cleaned.ok && cleaned.keys === written ? [value] : undefined;
}

/**
 * A js-yaml listener that notes a quoted string running over lines (the exact reader refuses a `---` line
 * inside one, js-yaml reads it): at the close of a scalar ending in a quote, whether a line break lies
 * between where its node opened and its end. Loose: a node opened at the end of the line before counts too.
 */
function quotedOverLines(text: string): {
  readonly listener: (event: "open" | "close", state: { readonly position: number; readonly kind: string | null }) => void;
  found: boolean;
} {
  const opened: number[] = [];
  const watch = {
    found: false,
    listener(event: "open" | "close", state: { readonly position: number; readonly kind: string | null }): void {
      if (event === "open") {
        opened.push(state.position);
        return;
      }
      const start = opened.pop() ?? 0;
      const end = state.position;
      const last = text.charCodeAt(end - 1);
      if (state.kind === "scalar" && (last === 34 || last === 39) && text.lastIndexOf("\n", end - 1) > start) watch.found = true;
    },
  };
  return watch;
}

/** The documents of a YAML text, when js-yaml reads it as the exact reader would. */
function readYaml(withMark: string): unknown[] | undefined {
  // js-yaml drops a byte-order mark before reading; so does the exact reader. Dropped here, positions agree.
  const text = withMark.charCodeAt(0) === 0xfeff ? withMark.slice(1) : withMark;
  if (EXACT_ONLY.test(text)) return undefined;
  // The plainest block YAML (most manifests) is read by a reader of that form alone, three times faster.
  const block = readBlockYaml(text, resolvePlain);
  if (block !== undefined) {
    for (const document of block) if (!cleanParsed(document, true).ok) return undefined;
    return block;
  }
  const watch = quotedOverLines(text);
  let documents: unknown[];
  try {
    documents = loadAll(text, undefined, { schema: SCHEMA, listener: watch.listener });
  } catch {
    return undefined;
  }
  if (watch.found) return undefined;
  for (const document of documents) if (!cleanParsed(document, true).ok) return undefined;
  return documents;
}

/**
 * The documents of one file's text in order (`null` for an empty one, which keeps its place in the
 * numbering), within the document limits, or `undefined` when only
 * the exact YAML reader can say what the text holds (or what is wrong with it).
 *
 * @param text - the file's content
 * @returns the documents, or `undefined`
 * @internal
 */
export function fastDocuments(text: string): unknown[] | undefined {
  const first = /\S/.exec(text)?.[0];
  if (first === "{" || first === "[") {
    const json = readJson(text);
    if (json !== undefined) return json;
  }
  return readYaml(text);
}

/**
 * One file's documents and problems as `parseManifestText` returns them, when the fast readers can read the
 * text; `undefined` when only the exact reader can.
 *
 * @param text - the file's content
 * @param file - the file name, for messages
 * @returns the documents (an empty file is a problem), or `undefined`
 * @internal
 */
export function fastManifestText(
  text: string,
  file: string,
): { readonly documents: readonly KubernetesDocument[]; readonly problems: readonly ManifestProblem[] } | undefined {
  const fast = fastDocuments(text);
  if (fast === undefined) return undefined;
  const documents: KubernetesDocument[] = [];
  let index = 0;
  for (const object of fast) {
    index++;
    if (object !== null && object !== undefined) documents.push({ object, file, index });
  }
  if (documents.length === 0) return { documents, problems: [{ document: { file }, path: [], message: "is empty: it holds no Kubernetes object" }] };
  return { documents, problems: [] };
}

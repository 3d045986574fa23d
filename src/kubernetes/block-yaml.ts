/**
 * A reader of the plainest block YAML, the form `yaml.stringify` and most hand-written manifests take: block
 * mappings and sequences by indentation, one-line plain and quoted scalars, `{}` and `[]`, full-line comments,
 * `---` between documents. It reads such text about three times faster than js-yaml, with nothing kept per
 * line. Anything else (flow collections with content, block scalars, a scalar running over lines, escapes, an
 * inline comment, a quoted or scalar-looking key, `__proto__`, a duplicate key, an empty document, trailing
 * spaces, ...) gives `undefined`, and js-yaml (then the exact reader) reads the text as before. Called by
 * `fast-parse.ts` after its own checks (no tabs, carriage returns, directives, anchors, aliases or tags); the
 * differential tests hold it to js-yaml and to the exact reader.
 *
 * @internal
 * @module
 */

/** Thrown to give up on the text; never escapes {@link readBlockYaml}. */
class GiveUp {}
const GIVE_UP = new GiveUp();

// A key this reader takes: a plain name as Kubernetes writes them (labels, annotations, resource names).
const KEY = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
// First characters that make a plain scalar something else (or that this reader leaves to js-yaml); a `-` is
// one only before a space or alone (`-1` is a number).
const SPECIAL_START = /^(?:[?:,[\]{}#&*!|>'"%@`\s]|-(?: |$))/;
// What js-yaml refuses anywhere in a text (its non-printable pattern): the text is left to it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be found
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/** What one text's reading remembers: the keys found good, the plain scalars resolved (primitives only). */
interface Memo {
  readonly keys: Set<string>;
  readonly plain: Map<string, unknown>;
}

class BlockReader {
  constructor(
    private readonly lines: string[],
    /** Each line's indentation, or -1 for a blank or comment line. */
    private readonly indents: Int32Array,
    /** The current line. */
    private i: number,
    private readonly end: number,
    private readonly resolve: (plain: string) => unknown,
    private readonly memo: Memo,
  ) {}

  /** Whether `key` is a key this reader takes: a plain name that resolves to itself. */
  private goodKey(key: string): boolean {
    if (this.memo.keys.has(key)) return true;
    if (!KEY.test(key) || this.resolve(key) !== key || key === "__proto__") return false;
    this.memo.keys.add(key);
    return true;
  }

  /** The indentation of the next content line (moving `i` to it), or -1 at the end of the document. */
  private nextIndent(): number {
    const { indents, end } = this;
    let i = this.i;
    while (i < end && indents[i]! < 0) i++;
    this.i = i;
    return i === end ? -1 : indents[i]!;
  }

  /** The document: one block node, and nothing after it. */
  document(): unknown {
    const indent = this.nextIndent();
    if (indent < 0) throw GIVE_UP;
    const line = this.lines[this.i]!;
    const value = isItem(line, indent) ? this.sequence(indent) : this.mapping(indent);
    if (this.nextIndent() !== -1) throw GIVE_UP;
    return value;
  }

  /** A block mapping whose keys are at column `indent`; the current line is its first entry. */
  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (;;) {
      const line = this.lines[this.i]!;
      if (isItem(line, indent)) throw GIVE_UP;
      const colon = line.indexOf(":", indent);
      if (colon < 0) throw GIVE_UP;
      const key = line.slice(indent, colon);
      if (!this.goodKey(key) || Object.hasOwn(out, key)) throw GIVE_UP;
      this.i++;
      if (colon === line.length - 1) {
        const n = this.nextIndent();
        if (n > indent) out[key] = this.block(n);
        else if (n === indent && isItem(this.lines[this.i]!, n)) out[key] = this.sequence(n);
        else out[key] = null;
      } else {
        if (line.charCodeAt(colon + 1) !== 32) throw GIVE_UP;
        out[key] = this.scalar(line.slice(colon + 2));
        if (this.nextIndent() > indent) throw GIVE_UP;
      }
      const n = this.nextIndent();
      if (n < indent) return out;
      if (n > indent) throw GIVE_UP;
    }
  }

  /** A block sequence whose `- ` marks are at column `indent`; the current line is its first item. */
  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const line = this.lines[this.i]!;
      if (!isItem(line, indent) || line.length === indent + 1) throw GIVE_UP;
      const rest = line.slice(indent + 2);
      if (rest.startsWith("- ") || rest === "-" || rest.charCodeAt(0) === 32) throw GIVE_UP;
      const colon = rest.indexOf(":");
      if (colon > 0 && (colon === rest.length - 1 || rest.charCodeAt(colon + 1) === 32) && KEY.test(rest.slice(0, colon))) {
        // `- key: value`: a mapping whose keys are two columns in; read as if the line were written so.
        this.lines[this.i] = " ".repeat(indent + 2) + rest;
        this.indents[this.i] = indent + 2;
        out.push(this.mapping(indent + 2));
      } else {
        this.i++;
        out.push(this.scalar(rest));
        if (this.nextIndent() > indent) throw GIVE_UP;
      }
      const n = this.nextIndent();
      if (n < indent) return out;
      if (n > indent || !isItem(this.lines[this.i]!, n)) {
        // A mapping key at the column of the marks ends a sequence nested compactly under it.
        if (n === indent) return out;
        throw GIVE_UP;
      }
    }
  }

  /** A mapping or sequence starting on the current line, at column `indent`. */
  private block(indent: number): unknown {
    return isItem(this.lines[this.i]!, indent) ? this.sequence(indent) : this.mapping(indent);
  }

  /** A one-line scalar (what follows `key: ` or `- `). */
  private scalar(text: string): unknown {
    const last = text.charCodeAt(text.length - 1);
    if (text.length === 0 || last === 32) throw GIVE_UP;
    const first = text.charCodeAt(0);
    if (first === 34) {
      // "…": no escapes, no inner quote.
      if (text.length < 2 || last !== 34 || text.indexOf('"', 1) !== text.length - 1 || text.includes("\\")) throw GIVE_UP;
      return text.slice(1, -1);
    }
    if (first === 39) {
      // '…': '' is a quote.
      if (text.length < 2 || last !== 39) throw GIVE_UP;
      const inner = text.slice(1, -1);
      if (inner.replaceAll("''", "").includes("'")) throw GIVE_UP;
      return inner.replaceAll("''", "'");
    }
    if (text === "{}") return {};
    if (text === "[]") return [];
    const { plain } = this.memo;
    const known = plain.get(text);
    if (known !== undefined || plain.has(text)) return known;
    if (SPECIAL_START.test(text) || text.includes(": ") || text.includes(" #") || last === 58) throw GIVE_UP;
    const value = this.resolve(text);
    plain.set(text, value);
    return value;
  }
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** Whether the line holds a sequence item (`- ` or a lone `-`) at column `indent`. */
function isItem(line: string, indent: number): boolean {
  return line.charCodeAt(indent) === 45 && (line.length === indent + 1 || line.charCodeAt(indent + 1) === 32);
}

/**
 * The documents of a plain block-YAML text, or `undefined` when the text is anything more (see the module).
 *
 * @param text - the text, without a byte-order mark, tabs or carriage returns
 * @param resolve - what a plain scalar means (the core schema `fast-parse.ts` reads with)
 * @returns one value per document, or `undefined`
 * @internal
 */
export function readBlockYaml(text: string, resolve: (plain: string) => unknown): unknown[] | undefined {
  if (NON_PRINTABLE.test(text)) return undefined;
  const lines = text.split("\n");
  const documents: unknown[] = [];
  const memo: Memo = { keys: new Set(), plain: new Map() };
  const indents = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const n = indentOf(line);
    indents[i] = n < line.length && line.charCodeAt(n) !== 35 ? n : -1;
  }
  let start = 0;
  let markers = 0;
  try {
    for (let i = 0; i <= lines.length; i++) {
      const line = i < lines.length ? lines[i]! : "---";
      if (line === "..." || (line.startsWith("---") && line !== "---")) return undefined;
      if (line !== "---") continue;
      const empty = onlyBlank(indents, start, i);
      // A first marker with nothing but comments before it opens the first document; any other closes one.
      if (!(empty && markers === 0 && i < lines.length)) {
        if (empty) return undefined;
        documents.push(new BlockReader(lines, indents, start, i, resolve, memo).document());
      }
      if (i < lines.length) markers++;
      start = i + 1;
    }
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
  return documents;
}

/** Whether lines [from, to) hold nothing but blanks and comments. */
function onlyBlank(indents: Int32Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (indents[i]! >= 0) return false;
  return true;
}

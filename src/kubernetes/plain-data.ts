import type { PathSegment } from "nodefit";
import { MAX_DOCUMENT_DEPTH, MAX_DOCUMENT_VALUES, MAX_STRING_LENGTH } from "nodefit";

/** Why a value cannot be read as manifest data, and where inside it. */
export interface DataProblem {
  readonly path: readonly PathSegment[];
  readonly message: string;
}

/** The outcome of {@link plainData}: the copy, or the first problem found. */
export type PlainDataResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: DataProblem };

/** Thrown inside the walk to stop at the first problem; never escapes {@link plainData}. */
class Refusal {
  constructor(readonly message: string) {}
}

const formatter = new Intl.NumberFormat("en-US");

function checkString(text: string, what: string): void {
  if (text.length > MAX_STRING_LENGTH) {
    throw new Refusal(
      `${what} of ${formatter.format(text.length)} characters is longer than the limit of ${formatter.format(MAX_STRING_LENGTH)} (MAX_STRING_LENGTH)`,
    );
  }
}

/** `Object`, `Array`, `Date`, or the built-in type of anything else (`Map`, `Set`, `Uint8Array`, ...). */
function builtinTag(value: object): string {
  return Object.prototype.toString.call(value).slice("[object ".length, -1);
}

/** The message of something thrown by the caller's object, without trusting it to render itself. */
function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return "it threw a value that cannot be shown";
  }
}

/** Where the walk is (`path`, `ancestors`: restored on return) and how many more values it may copy. */
interface Walk {
  readonly path: PathSegment[];
  readonly ancestors: Set<object>;
  left: number;
}

function tooManyValues(): Refusal {
  return new Refusal(
    `the document holds more than ${formatter.format(MAX_DOCUMENT_VALUES)} values, counting each YAML alias or repeated object as a copy (MAX_DOCUMENT_VALUES)`,
  );
}

/**
 * Copies one value. A throw leaves `walk.path` at the failing value, which {@link plainData} reports.
 * Every value, and every slot of a list, spends one unit of the document's budget, so shared objects
 * (YAML aliases) are paid for each time they are copied.
 */
function copy(value: unknown, walk: Walk): unknown {
  const { path, ancestors } = walk;
  if (--walk.left < 0) throw tooManyValues();
  if (typeof value === "string") {
    checkString(value, "a string");
    return value;
  }
  if (typeof value === "function" || typeof value === "symbol") throw new Refusal(`a ${typeof value} is not manifest data`);
  if (typeof value !== "object" || value === null) return value;
  const tag = builtinTag(value);
  if (tag === "Date") return value;
  if (tag !== "Object" && tag !== "Array") throw new Refusal(`a ${tag} is not manifest data (expected an object, a list, a string, a number or a boolean)`);
  if (ancestors.size >= MAX_DOCUMENT_DEPTH) {
    throw new Refusal(`nests deeper than the limit of ${MAX_DOCUMENT_DEPTH} levels (MAX_DOCUMENT_DEPTH)`);
  }
  if (ancestors.has(value)) throw new Refusal("refers back to an object that contains it (a reference cycle)");
  ancestors.add(value);
  let out: unknown;
  if (Array.isArray(value)) {
    const length = value.length;
    // Refused by its length before any slot is read: a sparse list of length 2^32-1 costs its maker nothing.
    if (length > walk.left) {
      throw new Refusal(
        `a list of ${formatter.format(length)} items brings the document past ${formatter.format(MAX_DOCUMENT_VALUES)} values (MAX_DOCUMENT_VALUES)`,
      );
    }
    const items: unknown[] = [];
    for (let i = 0; i < length; i++) {
      path.push(i);
      items.push(copy(value[i], walk));
      path.pop();
    }
    out = items;
  } else {
    const record: Record<string, unknown> = {};
    // Class instances (client-node models) hold their fields as own enumerable properties.
    for (const key of Object.keys(value)) {
      path.push(key);
      checkString(key, "a key");
      const entry: unknown = (value as Readonly<Record<string, unknown>>)[key];
      // The API server treats a null field as absent; tools write them (`creationTimestamp: null`).
      if (entry !== null && entry !== undefined) {
        const item = copy(entry, walk);
        // Only `__proto__` is special to assignment; it is defined so it stays an ordinary key.
        if (key === "__proto__") Object.defineProperty(record, key, { value: item, enumerable: true, writable: true, configurable: true });
        else record[key] = item;
      }
      path.pop();
    }
    out = record;
  }
  ancestors.delete(value);
  return out;
}

/**
 * A deep copy of one parsed or API-server object as plain data, without `null` (or `undefined`) object
 * fields, checked against the document limits: nesting at most {@link MAX_DOCUMENT_DEPTH} levels, no
 * string or key longer than {@link MAX_STRING_LENGTH}, no reference cycle, only JSON-like values
 * (Dates are kept for timestamps), at most {@link MAX_DOCUMENT_VALUES} values once expanded (a list
 * past it is refused by its length, before any item is read). Never throws: a getter or proxy trap that
 * throws while being read is reported as a problem too. The walk's recursion is bounded by the depth
 * limit and its work by the value limit.
 *
 * @param value - the object; never modified
 * @returns `{ ok: true, value }` with the copy, or `{ ok: false, problem }` with the first problem's path
 * @internal
 * @example
 * ```ts
 * plainData({ metadata: { name: "a", uid: null } }); // { ok: true, value: { metadata: { name: "a" } } }
 * ```
 */
export function plainData(value: unknown): PlainDataResult {
  const path: PathSegment[] = [];
  try {
    return { ok: true, value: copy(value, { path, ancestors: new Set(), left: MAX_DOCUMENT_VALUES }) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: { path, message: error.message } };
    // A getter or proxy trap of the caller's object threw while being read.
    return { ok: false, problem: { path, message: `cannot be read: ${describeThrown(error)}` } };
  }
}

/** The outcome of {@link cleanParsed}: how many keys the value's objects held, or that it needs a closer look. */
export type CleanResult = { readonly ok: true; readonly keys: number } | { readonly ok: false };

/**
 * Plain keys a YAML reader may turn into something else (null, a boolean or a number) before making them keys.
 * Keys that were collections (`[a, b]: x`, `{ a }: x`) are recognised by how js-yaml writes them: with a
 * comma, or `[object Object]` (the exact reader writes them as YAML); no Kubernetes key holds a comma.
 */
const SCALAR_LOOKING_KEY = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[.0-9].*|)$/;

/** The walk of {@link cleanParsed}; false when the value breaks a limit or has a scalar-looking key. */
function clean(value: unknown, depth: number, walk: { left: number; keys: number; readonly keyCheck: boolean }): boolean {
  if (--walk.left < 0) return false;
  if (typeof value === "string") return value.length <= MAX_STRING_LENGTH;
  if (typeof value !== "object" || value === null) return true;
  if (depth >= MAX_DOCUMENT_DEPTH) return false;
  if (Array.isArray(value)) {
    const length = value.length;
    if (length > walk.left) return false;
    for (let i = 0; i < length; i++) if (!clean(value[i], depth + 1, walk)) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    walk.keys++;
    if (key.length > MAX_STRING_LENGTH) return false;
    if (walk.keyCheck && ((key.length < 64 && SCALAR_LOOKING_KEY.test(key)) || key.includes(",") || key === "[object Object]")) return false;
    const entry = record[key];
    // Null fields cost nothing, as plainData drops them; they stay, so every reader returns the same documents.
    if (entry !== null && entry !== undefined && !clean(entry, depth + 1, walk)) return false;
  }
  return true;
}

/**
 * Checks a value a parser has just built (JSON.parse, js-yaml: fresh objects and lists of strings, numbers,
 * booleans and null, no shared parts, no cycles) against the limits {@link plainData} checks, counting as it
 * counts (null object fields are free), without copying or changing it. When it is not `ok`, the caller reads
 * the text again with the exact YAML reader, which names the problem as before.
 *
 * @param value - the parsed value
 * @param keyCheck - refuse keys a YAML reader may have resolved from a plain scalar (`1`, `true`, `null`, ``)
 *   or from a collection
 * @returns the number of keys its objects held, or not `ok`
 * @internal
 */
export function cleanParsed(value: unknown, keyCheck: boolean): CleanResult {
  const walk = { left: MAX_DOCUMENT_VALUES, keys: 0, keyCheck };
  return clean(value, 0, walk) ? { ok: true, keys: walk.keys } : { ok: false };
}

/**
 * Whether a parsed value holds a null (or undefined) anywhere: {@link plainData} drops those fields, so a value
 * without one, fresh from a parser and within the limits ({@link cleanParsed}), is its own plain-data copy.
 *
 * @param value - a value made by JSON.parse or js-yaml
 * @returns whether a null or undefined is inside
 * @internal
 */
export function holdsNull(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== "object") return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (holdsNull(value[i])) return true;
    return false;
  }
  const record = value as Readonly<Record<string, unknown>>;
  for (const key in record) if (holdsNull(record[key])) return true;
  return false;
}

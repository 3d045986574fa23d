/**
 * Checks that accept well-formed values fast, without zod: each returns the value zod's schema would return
 * for it, or {@link FAIL} when it is not certain of that. A check is sound, never complete: it may fail a value
 * zod accepts (that only costs speed, zod then reads it), but never accepts a value zod refuses or returns
 * anything else. The zod schemas stay the reference and the explanation of every refusal; a differential
 * property test (test/kubernetes/fast-validation.property.test.ts) holds the two together.
 *
 * @internal
 * @module
 */

/** The answer of a check that is not sure the value is valid. */
export const FAIL: unique symbol = Symbol("fail");

/** A check: the value zod's schema would produce, or {@link FAIL}. */
export type Check = (value: unknown) => unknown;

/** A field of an object check: its check and whether it may be absent. */
export type Field = readonly [check: Check, optional: boolean];

/**
 * A plain record as zod's object schemas and nodefit's map schemas accept it (not a list, not a Date).
 *
 * @param value - anything
 * @returns whether it is a record
 */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A string (`z.string()`). */
export const str: Check = (value) => (typeof value === "string" ? value : FAIL);

/** A non-empty string (nodefit's `nameSchema`). */
export const name: Check = (value) => (typeof value === "string" && value.length > 0 ? value : FAIL);

/** A boolean (`z.boolean()`). */
export const bool: Check = (value) => (typeof value === "boolean" ? value : FAIL);

/**
 * A finite number within bounds (`z.number().min(min)`).
 *
 * @param min - the least value allowed
 * @returns the check
 */
export function num(min: number = Number.NEGATIVE_INFINITY): Check {
  return (value) => (typeof value === "number" && Number.isFinite(value) && value >= min ? value : FAIL);
}

/**
 * A safe integer within bounds (`z.int().min(min).max(max)`).
 *
 * @param min - the least value allowed
 * @param max - the greatest value allowed
 * @returns the check
 */
export function int(min: number = Number.NEGATIVE_INFINITY, max: number = Number.POSITIVE_INFINITY): Check {
  return (value) => (typeof value === "number" && Number.isSafeInteger(value) && value >= min && value <= max ? value : FAIL);
}

/**
 * One of a fixed set of strings (nodefit's `oneOf`, zod's `enum` and `literal`).
 *
 * @param values - the allowed values
 * @returns the check
 */
export function oneOf(values: readonly string[]): Check {
  const allowed = new Set(values);
  return (value) => (typeof value === "string" && allowed.has(value) ? value : FAIL);
}

/**
 * A string matching a pattern (`z.string().regex(pattern)`).
 *
 * @param pattern - a pattern without the global or sticky flag
 * @returns the check
 */
export function matching(pattern: RegExp): Check {
  return (value) => (typeof value === "string" && pattern.test(value) ? value : FAIL);
}

/**
 * A list of items (`z.array(item).min(min)`): a new list of what `item` returned.
 *
 * @param item - the check of each item
 * @param min - the fewest items allowed
 * @returns the check
 */
export function list(item: Check, min: number = 0): Check {
  return (value) => {
    if (!Array.isArray(value) || value.length < min) return FAIL;
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const checked = item(value[i]);
      if (checked === FAIL) return FAIL;
      out[i] = checked;
    }
    return out;
  };
}

/**
 * A field that may be absent (`.optional()`).
 *
 * @param check - the field's check
 * @returns the field
 */
export function optional(check: Check): Field {
  return [check, true];
}

/**
 * A field that must be present.
 *
 * @param check - the field's check
 * @returns the field
 */
export function required(check: Check): Field {
  return [check, false];
}

/**
 * An object (`z.object(shape)`, which strips unknown keys): a new object with the shape's keys in the shape's
 * order, each present when the input has it. An input key holding `undefined` fails (zod would keep it as
 * `undefined`; the documents nodefit reads never hold one).
 *
 * @param shape - the fields, in zod's order
 * @returns the check
 */
export function object(shape: Readonly<Record<string, Field>>): Check {
  const keys = Object.keys(shape);
  const checks = keys.map((key) => shape[key]![0]);
  const optionals = keys.map((key) => shape[key]![1]);
  const count = keys.length;
  return (value) => {
    if (!isRecord(value)) return FAIL;
    const out: Record<string, unknown> = {};
    for (let k = 0; k < count; k++) {
      const key = keys[k]!;
      const entry = value[key];
      if (entry === undefined) {
        // Absent (or held as undefined, which zod would keep and this check leaves to it).
        if (optionals[k] && !Object.hasOwn(value, key)) continue;
        return FAIL;
      }
      const checked = checks[k]!(entry);
      if (checked === FAIL) return FAIL;
      out[key] = checked;
    }
    return out;
  };
}

/**
 * A check whose result must also pass `accept` (`.refine()` / `.superRefine()` without issues).
 *
 * @param check - the check
 * @param accept - true when the refinement adds no issue to the checked value
 * @returns the check
 */
export function refined<T>(check: Check, accept: (value: T) => boolean): Check {
  return (value) => {
    const checked = check(value);
    return checked === FAIL || !accept(checked as T) ? FAIL : checked;
  };
}

/**
 * A check whose result is transformed (`.transform()`).
 *
 * @param check - the check
 * @param transform - the schema's transform
 * @returns the check
 */
export function mapped<T>(check: Check, transform: (value: T) => unknown): Check {
  return (value) => {
    const checked = check(value);
    return checked === FAIL ? FAIL : transform(checked as T);
  };
}

/**
 * Own enumerable entries copied with define semantics, so `__proto__` stays an ordinary key (what the map
 * schemas' transform does).
 *
 * @param record - the map
 * @returns the copy
 */
export function copyEntries(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record));
}

/**
 * A map whose every value passes `accept`, as nodefit's map schemas return it: a plain object is returned as it
 * is (the schemas' copy would equal it, key order included, and what is checked here is already a private copy
 * or a parser's own object), anything else copied as the schemas copy it.
 *
 * @param accept - true when the entry is valid
 * @returns the check
 */
export function map(accept: (key: string, value: unknown) => boolean): Check {
  return (value) => {
    if (!isRecord(value)) return FAIL;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) return FAIL;
      if (!accept(key, value[key])) return FAIL;
    }
    return Object.getPrototypeOf(value) === Object.prototype && !Object.hasOwn(value, "__proto__") ? value : copyEntries(value);
  };
}

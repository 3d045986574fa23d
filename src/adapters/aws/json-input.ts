/**
 * Checks for JSON a user brings from the AWS CLI: each bad field is an `InputError` whose message names the
 * file and the field (`spot.json: SpotPriceHistory[3].SpotPrice: ...`) and whose path is the field's path.
 */
import { InputError, formatPath, type PathSegment } from "nodefit";

/** The shape of a field the adapter reads; fields not described are ignored (the AWS CLI prints many). */
export type JsonShape = "string" | "number" | "boolean" | { readonly object: ReadonlyMap<string, JsonShape> } | { readonly array: JsonShape };

/** A plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * An input error naming the source (a file name, or nothing for library callers) and the field.
 *
 * @param source - the file the JSON came from, when known
 * @param path - the field's path inside the document
 * @param message - what is wrong
 * @returns the error to throw
 */
export function jsonInputError(source: string | undefined, path: readonly PathSegment[], message: string): InputError {
  const where = [source, path.length === 0 ? undefined : formatPath(path)].filter((s) => s !== undefined).join(": ");
  return new InputError(where === "" ? message : `${where}: ${message}`, path);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Checks a value against a shape, recursively; absent (undefined or null) optional fields pass.
 *
 * @param value - the value
 * @param shape - what it must be
 * @param path - where it is
 * @param source - the file, for messages
 * @throws InputError naming the first field that does not match
 */
export function checkJsonShape(value: unknown, shape: JsonShape, path: readonly PathSegment[], source: string | undefined): void {
  if (value === undefined || value === null) return;
  if (typeof shape === "string") {
    const ok = shape === "number" ? typeof value === "number" && Number.isFinite(value) : typeof value === shape;
    if (!ok) throw jsonInputError(source, path, `expected a ${shape}, got ${describe(value)}`);
    return;
  }
  if ("array" in shape) {
    if (!Array.isArray(value)) throw jsonInputError(source, path, `expected a list, got ${describe(value)}`);
    value.forEach((item: unknown, i: number) => checkJsonShape(item, shape.array, [...path, i], source));
    return;
  }
  if (!isJsonObject(value)) throw jsonInputError(source, path, `expected an object, got ${describe(value)}`);
  for (const [key, field] of shape.object) {
    if (Object.hasOwn(value, key)) checkJsonShape(value[key], field, [...path, key], source);
  }
}

/**
 * The list under `key` of a top-level JSON object, as the AWS CLI prints it (`{ "InstanceTypes": [...] }`).
 *
 * @param json - the parsed document
 * @param key - the list's key
 * @param source - the file, for messages
 * @returns the list
 * @throws InputError when the document is not such an object
 */
export function topLevelList(json: unknown, key: string, source: string | undefined): readonly unknown[] {
  if (!isJsonObject(json) || !Object.hasOwn(json, key)) {
    throw jsonInputError(source, [], `expected the JSON the AWS CLI prints: an object with a "${key}" list`);
  }
  const list = json[key];
  if (!Array.isArray(list)) throw jsonInputError(source, [key], `expected a list, got ${describe(list)}`);
  return list;
}

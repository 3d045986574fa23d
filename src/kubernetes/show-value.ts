/** How many characters of one value a message quotes before cutting it. */
const SHOWN_CHARACTERS = 100;

const formatter = new Intl.NumberFormat("en-US");

/**
 * Cuts a long text for a message: its first `max` characters, then `…` and the full length, so a 1 MiB
 * label key gives a one-line message, not a megabyte. A surrogate pair is never split.
 *
 * @param text - any text taken from the input
 * @param max - how many characters to keep
 * @returns the text itself when short enough, else e.g. `aaaa… (1,048,576 characters)`
 * @internal
 */
export function cutText(text: string, max: number = SHOWN_CHARACTERS): string {
  return text.length <= max ? text : `${head(text, max)}… (${formatter.format(text.length)} characters)`;
}

/** The first `max` characters, one fewer when the last would be half of a surrogate pair. */
function head(text: string, max: number): string {
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/**
 * Renders an input value for an error message: strings quoted as JSON (cut after 100 characters),
 * numbers and booleans as written, objects and arrays by their kind so a message never dumps a whole
 * subtree.
 *
 * @param value - any value read from a manifest
 * @returns a short description of the value
 * @internal
 */
export function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") {
    if (value.length <= SHOWN_CHARACTERS) return JSON.stringify(value);
    return `${JSON.stringify(head(value, SHOWN_CHARACTERS))}… (${formatter.format(value.length)} characters)`;
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return `the date ${Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()}`;
  return "an object";
}

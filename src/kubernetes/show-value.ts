/**
 * Renders an input value for an error message: strings quoted as JSON, numbers and booleans as
 * written, objects and arrays by their kind so a message never dumps a whole subtree.
 *
 * @param value - any value read from a manifest
 * @returns a short description of the value
 * @internal
 */
export function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return `the date ${Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()}`;
  return "an object";
}

/**
 * Integer label values, as bounded requirements read them.
 *
 * @module
 */

const INTEGER = /^[+-]?[0-9]+$/;

/**
 * Reads a label value as a base-10 integer the way Go's `strconv.Atoi` does (optional sign, digits
 * only). Magnitudes beyond the safe-integer range become ±Infinity: every bound is a safe integer, so
 * the comparison with a bound stays exact.
 *
 * @param value - a label value
 * @returns the integer, ±Infinity when too large, or undefined when the value is not an integer
 * @internal
 */
export function parseLabelInteger(value: string): number | undefined {
  if (!INTEGER.test(value)) return undefined;
  const n = Number(value);
  if (Number.isSafeInteger(n)) return n + 0; // + 0 turns "-0" into 0
  return n < 0 ? -Infinity : Infinity;
}

/**
 * Whether a value is an integer inside the inclusive bounds. Without bounds every value is inside;
 * with a bound a value that is not an integer never is.
 *
 * @param value - a label value
 * @param gte - the inclusive lower bound, if any
 * @param lte - the inclusive upper bound, if any
 * @returns true if the value satisfies the bounds
 * @internal
 */
export function withinBounds(value: string, gte: number | undefined, lte: number | undefined): boolean {
  if (gte === undefined && lte === undefined) return true;
  const n = parseLabelInteger(value);
  if (n === undefined) return false;
  return (gte === undefined || n >= gte) && (lte === undefined || n <= lte);
}

/**
 * The larger of two optional numbers; undefined only when both are.
 *
 * @internal
 */
export function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

/**
 * The smaller of two optional numbers; undefined only when both are.
 *
 * @internal
 */
export function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}

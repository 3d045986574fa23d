/**
 * Exact sums of prices (issue 17's money rule): decisions stay float64 as upstream's, but a reported total is
 * the decimal sum of the prices as given. A price read from YAML or JSON is a float64 whose shortest round-trip
 * text (`String(x)`) is the text that was written, so summing those decimals exactly and converting once gives
 * `0.3` for `0.1 + 0.2`, never `0.30000000000000004`. BigInt arithmetic, no dependency: the core stays small.
 *
 * @module
 * @internal
 */

/** `x` as `coefficient × 10^exponent`, read from its shortest text (`1.5e-7`, `-0.25`, `3`). */
function decimalOf(x: number): readonly [bigint, number] {
  const [mantissa = "0", exponent] = String(x).split("e");
  const negative = mantissa.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? mantissa.slice(1) : mantissa).split(".");
  const coefficient = BigInt(whole + fraction);
  return [negative ? -coefficient : coefficient, Number(exponent ?? 0) - fraction.length];
}

/**
 * The exact decimal sum of `values`, as the nearest float64. Non-finite values make the sum the float sum (NaN
 * or an infinity, as arithmetic would give).
 *
 * @param values - prices as given
 * @returns the sum, correctly rounded once
 * @internal
 * @example
 * ```ts
 * exactSum([0.1, 0.2]); // 0.3
 * ```
 */
export function exactSum(values: Iterable<number>): number {
  const terms: (readonly [bigint, number])[] = [];
  let float = 0;
  for (const value of values) {
    float += value;
    if (Number.isFinite(value)) terms.push(decimalOf(value));
  }
  if (!Number.isFinite(float) || terms.length === 0) return float;
  const scale = Math.min(0, ...terms.map(([, e]) => e));
  let sum = 0n;
  for (const [c, e] of terms) sum += c * 10n ** BigInt(e - scale);
  return Number(`${sum}e${scale}`);
}

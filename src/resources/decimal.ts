/**
 * Exact decimal helpers over `bigint`: a value is `coefficient × 10^exponent`.
 *
 * The exponent stays a plain number so that `1e999999999` never materialises a billion-digit
 * integer; every helper checks magnitudes by digit count before it multiplies.
 *
 * @internal
 * @module
 */

const POWERS_OF_TEN: bigint[] = [1n];

/**
 * `10^n` for a non-negative integer `n`.
 *
 * @internal
 */
export function pow10(n: number): bigint {
  if (n < 64) {
    while (POWERS_OF_TEN.length <= n) POWERS_OF_TEN.push((POWERS_OF_TEN[POWERS_OF_TEN.length - 1] ?? 1n) * 10n);
    return POWERS_OF_TEN[n] ?? 1n;
  }
  return 10n ** BigInt(n);
}

/**
 * Absolute value of a bigint.
 *
 * @internal
 */
export function absBig(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/**
 * The number of decimal digits of `|value|` (1 for zero).
 *
 * @internal
 */
export function digitCount(value: bigint): number {
  return absBig(value).toString().length;
}

/**
 * Moves trailing decimal zeros of the coefficient into the exponent; zero becomes `0 × 10^0`.
 *
 * @internal
 */
export function stripZeros(coefficient: bigint, exponent: number): readonly [bigint, number] {
  if (coefficient === 0n) return [0n, 0];
  let c = coefficient;
  let e = exponent;
  while (c % 10n === 0n) {
    c /= 10n;
    e += 1;
  }
  return [c, e === 0 ? 0 : e];
}

/**
 * `coefficient × 10^exponent` rounded away from zero to an integer number of `10^-scale` units,
 * e.g. `scale = 3` gives thousandths. Returns undefined when `|result|` would exceed `limit`.
 *
 * @internal
 */
export function toScaledInteger(coefficient: bigint, exponent: number, scale: number, limit: bigint): bigint | undefined {
  if (coefficient === 0n) return 0n;
  const shift = exponent + scale;
  const negative = coefficient < 0n;
  const magnitude = absBig(coefficient);
  let result: bigint;
  if (shift >= 0) {
    // A result with more digits than the limit cannot fit; checking first avoids huge powers.
    if (digitCount(magnitude) + shift > limit.toString().length) return undefined;
    result = magnitude * pow10(shift);
  } else if (digitCount(magnitude) <= -shift) {
    // |value| < 1 unit but not zero: rounding away from zero gives one unit.
    result = 1n;
  } else {
    const divisor = pow10(-shift);
    result = magnitude / divisor + (magnitude % divisor === 0n ? 0n : 1n);
  }
  if (result > limit) return undefined;
  return negative ? -result : result;
}

/**
 * Compares `|coefficient × 10^exponent|` with a non-negative integer bound: -1, 0 or 1.
 *
 * @internal
 */
export function compareMagnitude(coefficient: bigint, exponent: number, bound: bigint): number {
  const magnitude = absBig(coefficient);
  if (magnitude === 0n) return bound === 0n ? 0 : -1;
  if (bound === 0n) return 1;
  const boundDigits = bound.toString().length;
  const valueDigits = digitCount(magnitude) + exponent;
  if (valueDigits > boundDigits + 1) return 1;
  if (valueDigits < boundDigits - 1) return -1;
  // Close in size: compare exactly on a common scale.
  const left = exponent >= 0 ? magnitude * pow10(exponent) : magnitude;
  const right = exponent >= 0 ? bound : bound * pow10(-exponent);
  return left === right ? 0 : left > right ? 1 : -1;
}

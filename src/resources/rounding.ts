/**
 * Directed conversion of exact decimal values to float64 amounts.
 *
 * Kubernetes keeps quantities exactly (int64 or arbitrary precision); nodefit's arithmetic runs on
 * plain numbers, which hold every integer up to 2^53 exactly and only every second, fourth, ...
 * integer beyond. A value that cannot be held exactly is rounded in the direction its caller
 * chooses, so that the rounding can only make a decision more conservative: a capacity or a
 * limit is rounded down (never more room than written), a request up (never less demand).
 *
 * @module
 */
import { absBig, pow10 } from "./decimal.js";

/**
 * Which way an amount that a float64 cannot hold exactly is rounded: `"up"` gives the smallest
 * representable amount at or above the exact value (use it for requests and reservations),
 * `"down"` the largest at or below it (use it for capacities, allocatable and limits).
 *
 * Fractions of a base unit (a thousandth of a CPU, a byte) follow the same direction, so an
 * amount written in whole base units below 2^53 is exact either way. Beyond the largest finite
 * double (about 1.8e308 units) both directions saturate at it. Negative values (which only
 * validation ever sees) round by magnitude, `"up"` away from zero, so a negative request never
 * reads as zero, as Kubernetes' `MilliValue` rounds.
 * @category Resources
 */
export type Rounding = "up" | "down";

/** The largest finite double as an exact integer. */
const MAX_FINITE = BigInt(Number.MAX_VALUE);

/**
 * `coefficient × 10^exponent / 10^-scale`, i.e. the value counted in `10^-scale` units, as the
 * nearest float64 in the direction of `rounding` by magnitude (saturating at ±`Number.MAX_VALUE`).
 *
 * @internal
 */
export function toDirectedNumber(coefficient: bigint, exponent: number, scale: number, rounding: Rounding): number {
  if (coefficient === 0n) return 0;
  const negative = coefficient < 0n;
  const magnitudeUp = rounding === "up";
  const magnitude = integerMagnitude(absBig(coefficient), exponent + scale, magnitudeUp);
  const result = magnitude > MAX_FINITE ? Number.MAX_VALUE : directedMagnitude(magnitude, magnitudeUp);
  return negative ? -result : result;
}

/**
 * `magnitude × 10^shift` rounded to an integer (up or down), with the size checked by digit count
 * first so that `1e999999999` never materialises a billion-digit integer.
 */
function integerMagnitude(magnitude: bigint, shift: number, up: boolean): bigint {
  if (shift >= 0) {
    // Beyond the largest double saturates anyway; one more than its digit count is enough to know.
    if (magnitude.toString().length + shift > MAX_FINITE.toString().length + 1) return MAX_FINITE + 1n;
    return magnitude * pow10(shift);
  }
  if (magnitude.toString().length <= -shift) return up ? 1n : 0n;
  const divisor = pow10(-shift);
  const whole = magnitude / divisor;
  return up && magnitude % divisor !== 0n ? whole + 1n : whole;
}

/** The float64 nearest to a non-negative integer at most `Number.MAX_VALUE`, in the given direction. */
function directedMagnitude(magnitude: bigint, up: boolean): number {
  const nearest = Number(magnitude);
  // Every finite double beyond 2^53 is an integer, so the comparison below is exact.
  const held = BigInt(nearest);
  if (held === magnitude) return nearest;
  if (up) return held > magnitude ? nearest : nextAbove(nearest);
  return held < magnitude ? nearest : nextBelow(nearest);
}

const BITS = new DataView(new ArrayBuffer(8));

/** The next double above a positive finite double. */
function nextAbove(x: number): number {
  BITS.setFloat64(0, x);
  BITS.setBigUint64(0, BITS.getBigUint64(0) + 1n);
  return BITS.getFloat64(0);
}

/** The next double below a positive double. */
function nextBelow(x: number): number {
  BITS.setFloat64(0, x);
  BITS.setBigUint64(0, BITS.getBigUint64(0) - 1n);
  return BITS.getFloat64(0);
}

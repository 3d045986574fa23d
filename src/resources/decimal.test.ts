import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { compareMagnitude, stripZeros, toScaledInteger } from "./decimal.js";

const coefficient = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
const exponent = fc.integer({ min: -30, max: 30 });

/** Reference: the exact rational c × 10^e as numerator / denominator. */
function rational(c: bigint, e: number): readonly [bigint, bigint] {
  return e >= 0 ? [c * 10n ** BigInt(e), 1n] : [c, 10n ** BigInt(-e)];
}

describe("exact decimal helpers", () => {
  test.prop([coefficient, exponent, fc.integer({ min: 0, max: 9 })])("toScaledInteger rounds away from zero", (c, e, scale) => {
    const [num, den] = rational(c, e + scale);
    const magnitude = num < 0n ? -num : num;
    const rounded = magnitude / den + (magnitude % den === 0n ? 0n : 1n);
    const expected = num < 0n ? -rounded : rounded;
    const limit = 10n ** 60n;
    expect(toScaledInteger(c, e, scale, limit)).toBe(expected);
  });

  test.prop([coefficient, exponent, fc.bigInt({ min: 0n, max: 10n ** 22n })])("toScaledInteger refuses exactly the results beyond the limit", (c, e, limit) => {
    const unlimited = toScaledInteger(c, e, 0, 10n ** 60n) ?? 0n;
    const magnitude = unlimited < 0n ? -unlimited : unlimited;
    expect(toScaledInteger(c, e, 0, limit)).toBe(magnitude > limit ? undefined : unlimited);
  });

  test.prop([coefficient, exponent, fc.bigInt({ min: 0n, max: 10n ** 22n })])("compareMagnitude compares exactly", (c, e, bound) => {
    const [num, den] = rational(c < 0n ? -c : c, e);
    const left = num;
    const right = bound * den;
    expect(compareMagnitude(c, e, bound)).toBe(left === right ? 0 : left > right ? 1 : -1);
  });

  test.prop([coefficient, exponent])("stripZeros keeps the value and leaves no trailing zero", (c, e) => {
    const [c2, e2] = stripZeros(c, e);
    const [n1, d1] = rational(c, e);
    const [n2, d2] = rational(c2, e2);
    expect(n1 * d2).toBe(n2 * d1);
    if (c2 !== 0n) expect(c2 % 10n).not.toBe(0n);
    else expect(e2).toBe(0);
  });

  it("never builds huge powers for huge exponents", () => {
    expect(toScaledInteger(1n, 2_000_000_000, 0, 2n ** 53n)).toBeUndefined();
    expect(toScaledInteger(7n, -2_000_000_000, 9, 2n ** 53n)).toBe(1n);
    expect(compareMagnitude(1n, 2_000_000_000, 2n ** 63n)).toBe(1);
    expect(compareMagnitude(1n, -2_000_000_000, 1n)).toBe(-1);
  });
});

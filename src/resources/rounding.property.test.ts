import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { arbResourceName } from "../testing/arbitraries/resources.js";
import { quantityAmount } from "./amount.js";
import { quantityOf, type Quantity } from "./quantity.js";

/** A quantity from tiny to far beyond 2^53 base units (up to 40 digits, exponents -12..30). */
const arbWideQuantity: fc.Arbitrary<Quantity> = fc
  .tuple(
    fc.bigInt({ min: 0n, max: 10n ** 40n }),
    fc.integer({ min: -12, max: 30 }),
    fc.constantFrom("DecimalSI", "BinarySI", "DecimalExponent") as fc.Arbitrary<"DecimalSI">,
  )
  .map(([c, e, format]) => quantityOf(c, e, format));

/** The power of ten of one base unit, as amount.ts counts it. */
const unitScale = (resource: string): number => (resource === "cpu" ? 3 : 0);

/** Compares an integer-valued float with the exact value `q` counted in base units: -1, 0 or 1. */
function compareExact(amount: number, q: Quantity, resource: string): number {
  const shift = q.exponent + unitScale(resource);
  const left = BigInt(amount) * 10n ** BigInt(Math.max(0, -shift));
  const right = q.coefficient * 10n ** BigInt(Math.max(0, shift));
  return left === right ? 0 : left < right ? -1 : 1;
}

/** The next double above / below a non-negative double. */
function neighbour(x: number, step: 1n | -1n): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + step);
  return view.getFloat64(0);
}

describe("directed rounding of amounts", () => {
  test.prop([arbResourceName, arbWideQuantity])("rounded down ≤ exact ≤ rounded up", (resource, q) => {
    const down = quantityAmount(resource, q, "down");
    const up = quantityAmount(resource, q, "up");
    expect(Number.isInteger(down) && Number.isInteger(up)).toBe(true);
    expect(compareExact(down, q, resource)).toBeLessThanOrEqual(0);
    expect(compareExact(up, q, resource)).toBeGreaterThanOrEqual(0);
  });

  test.prop([arbResourceName, arbWideQuantity])("each is the nearest double on its side (no double lies between it and the value)", (resource, q) => {
    const down = quantityAmount(resource, q, "down");
    const up = quantityAmount(resource, q, "up");
    // The next integer-valued double above `down` is already above the value, and likewise below `up`.
    const afterDown = down < 2 ** 53 ? down + 1 : neighbour(down, 1n);
    expect(compareExact(afterDown, q, resource)).toBe(1);
    if (up > 0) {
      const beforeUp = up <= 2 ** 53 ? up - 1 : neighbour(up, -1n);
      expect(compareExact(beforeUp, q, resource)).toBe(-1);
    }
  });

  test.prop([arbResourceName, fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n })])(
    "whole base units within 2^53 are exact in both directions",
    (resource, units) => {
      const q = quantityOf(units, -unitScale(resource), "DecimalSI");
      expect(quantityAmount(resource, q, "down")).toBe(Number(units));
      expect(quantityAmount(resource, q, "up")).toBe(Number(units));
    },
  );

  test.prop([arbResourceName, arbWideQuantity, arbWideQuantity])("both directions are monotone", (resource, a, b) => {
    const [low, high] = compareQuantities(a, b) <= 0 ? [a, b] : [b, a];
    expect(quantityAmount(resource, low, "down")).toBeLessThanOrEqual(quantityAmount(resource, high, "down"));
    expect(quantityAmount(resource, low, "up")).toBeLessThanOrEqual(quantityAmount(resource, high, "up"));
  });
});

function compareQuantities(a: Quantity, b: Quantity): number {
  const e = Math.min(a.exponent, b.exponent);
  const x = a.coefficient * 10n ** BigInt(a.exponent - e);
  const y = b.coefficient * 10n ** BigInt(b.exponent - e);
  return x === y ? 0 : x < y ? -1 : 1;
}

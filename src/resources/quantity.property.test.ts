import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { arbCanonicalQuantityString, arbQuantity, arbQuantityString } from "../testing/arbitraries/resources.js";
import { parseQuantity, quantitiesEqual } from "./quantity.js";
import { formatQuantity } from "./quantity-format.js";

/** `coefficient × 10^shift` written as plain decimal text, e.g. (15n, -1) → "1.5". */
function spellDecimal(coefficient: bigint, shift: number): string {
  const sign = coefficient < 0n ? "-" : "";
  const digits = (coefficient < 0n ? -coefficient : coefficient).toString();
  if (shift >= 0) return `${sign}${digits}${"0".repeat(shift)}`;
  const padded = digits.padStart(-shift + 1, "0");
  return `${sign}${padded.slice(0, shift)}.${padded.slice(shift)}`;
}

const CANONICAL_SHAPE = /^-?(0|[1-9][0-9]*)(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|e-?[1-9][0-9]*)?$/;

describe("quantity laws", () => {
  test.prop([arbCanonicalQuantityString()])("parse then format is the identity on canonical strings", (text) => {
    expect(formatQuantity(parseQuantity(text))).toBe(text);
  });

  test.prop([arbQuantityString()])("format then parse keeps the value", (text) => {
    const parsed = parseQuantity(text);
    const again = parseQuantity(formatQuantity(parsed));
    expect(quantitiesEqual(again, parsed)).toBe(true);
  });

  test.prop([arbQuantityString()])("format keeps the format, except small or fractional binary values", (text) => {
    const parsed = parseQuantity(text);
    const again = parseQuantity(formatQuantity(parsed));
    if (parsed.format === "BinarySI") expect(["BinarySI", "DecimalSI"]).toContain(again.format);
    else if (parsed.coefficient !== 0n && !(parsed.format === "DecimalExponent" && /^-?[0-9]+$/.test(formatQuantity(parsed)))) {
      expect(again.format).toBe(parsed.format);
    }
  });

  test.prop([arbQuantity()])("canonical strings have no fraction, no plus sign and no leading zeros", (q) => {
    expect(formatQuantity(q)).toMatch(CANONICAL_SHAPE);
  });

  test.prop([arbQuantity(), fc.constantFrom("n", "u", "m", "", "k")])("any DecimalSI spelling of a value prints the same", (q, suffix) => {
    fc.pre(q.format === "DecimalSI");
    const power = { n: -9, u: -6, m: -3, "": 0, k: 3 }[suffix] ?? 0;
    const spelled = spellDecimal(q.coefficient, q.exponent - power);
    expect(formatQuantity(parseQuantity(`${spelled}${suffix}`))).toBe(formatQuantity(q));
  });

  test.prop([arbQuantityString()])("a leading minus negates the value", (text) => {
    fc.pre(!text.startsWith("-") && !text.startsWith("+"));
    const positive = parseQuantity(text);
    const negative = parseQuantity(`-${text}`);
    expect(negative.coefficient).toBe(-positive.coefficient);
    expect(negative.exponent).toBe(positive.exponent);
  });
});

describe("a BinarySI value that is not a multiple of 1024", () => {
  test.prop([fc.integer({ min: 1025, max: 2 ** 40 }).filter((n) => n % 1024 !== 0)])("prints as bare digits, like Kubernetes", (n) => {
    expect(formatQuantity({ format: "BinarySI", coefficient: BigInt(n), exponent: 0 })).toBe(String(n));
  });
});

import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { exactSum } from "./exact-sum.js";

describe("exactSum (issue 17: reported money is exact decimal arithmetic over the prices as given)", () => {
  it("sums prices as written", () => {
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(exactSum([0.096, 0.192, 0.0416])).toBe(0.3296);
    expect(exactSum([1.5e-7, 2])).toBe(2.00000015);
    expect(exactSum([-0.1, 0.3])).toBe(0.2);
    expect(exactSum([])).toBe(0);
    expect(exactSum([1, Number.NaN])).toBeNaN();
  });

  // decimal.js (the CLI's money arithmetic) as the oracle: the same exact sum, rounded once to a float64.
  test.prop([fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 30 })], { numRuns: 200 })("equals decimal.js's exact sum", (prices) => {
    const oracle = prices.reduce((s, p) => s.plus(new Decimal(p)), new Decimal(0));
    expect(exactSum(prices)).toBe(Number(oracle.toString()));
  });
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { formatDelta, formatHourly, formatMonthly, sumMoney } from "./money.js";

// Exact reference: prices as integers of 10^-8 dollars.
const SCALE = 10n ** 8n;
const toUnits = (text: string): bigint => {
  const [whole = "0", fraction = ""] = text.split(".");
  return BigInt(whole) * SCALE + BigInt(fraction.padEnd(8, "0"));
};
const fromUnits = (units: bigint, decimals: number): string => {
  const whole = units / SCALE;
  const fraction = (units % SCALE).toString().padStart(8, "0").slice(0, decimals);
  return decimals === 0 ? `${whole}` : `${whole}.${fraction}`;
};

describe("reported money", () => {
  it("sums prices as given, without float noise", () => {
    expect(formatHourly(sumMoney([0.1, 0.2]))).toBe("$0.30/h");
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(formatHourly(sumMoney([0.0416, 0.0832, 0.0104]))).toBe("$0.1352/h");
  });

  it("prints as many decimals as the prices carry, at least two", () => {
    expect(formatHourly(0.096)).toBe("$0.096/h");
    expect(formatHourly(0.1504)).toBe("$0.1504/h");
    expect(formatHourly(0.00376512)).toBe("$0.00376512/h");
    expect(formatHourly(2)).toBe("$2.00/h");
    expect(formatMonthly(0.1504)).toBe("$109.792/month");
  });

  it("signs differences", () => {
    expect(formatDelta(sumMoney([0.5]).minus(0.25))).toBe("+$0.25/h");
    expect(formatDelta(sumMoney([0.25]).minus(0.5), true)).toBe("-$182.50/month");
    expect(formatDelta(sumMoney([]))).toBe("$0.00/h");
  });

  test.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99_999_999 })), { maxLength: 50 })], { numRuns: 100 })(
    "a sum of prices equals the exact sum of their written decimals",
    (parts) => {
      const texts = parts.map(([whole, fraction]) => `${whole}.${fraction.toString().padStart(8, "0")}`);
      const exact = texts.reduce((s, t) => s + toUnits(t), 0n);
      const printed = formatHourly(sumMoney(texts.map(Number))).replace(/^\$|\/h$/g, "");
      const decimals = printed.split(".")[1]?.length ?? 0;
      expect(printed).toBe(fromUnits(exact, decimals));
      expect(toUnits(printed)).toBe(exact);
    },
  );
});

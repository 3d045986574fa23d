import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { arbResourceName } from "../testing/arbitraries/resources.js";
import { formatAmount, isMemoryLikeResource, quantityToAmount } from "./amount.js";

describe("quantityToAmount", () => {
  const cases: ReadonlyArray<readonly [string, string | number, number]> = [
    ["cpu", "1", 1000],
    ["cpu", 1, 1000],
    ["cpu", 0.5, 500],
    ["cpu", "1.5", 1500],
    ["cpu", "100m", 100],
    ["cpu", "250m", 250],
    ["cpu", "0.0001", 1], // rounded up to a whole millicore
    ["cpu", "1.0005", 1001],
    ["cpu", "1n", 1],
    ["cpu", "1e-400", 1],
    ["cpu", "-0.0005", -1], // away from zero, like Kubernetes' MilliValue
    ["cpu", "0", 0],
    ["cpu", "2k", 2_000_000],
    ["memory", "1.5Gi", 1610612736],
    ["memory", "1Mi", 1048576],
    ["memory", "129e6", 129000000],
    ["memory", "128974848", 128974848],
    ["memory", "123Mi", 128974848],
    ["memory", "0.5", 1],
    ["memory", "1500m", 2],
    ["memory", "-1.5", -2],
    ["memory", "9007199254740991", 2 ** 53 - 1],
    ["ephemeral-storage", "10G", 10_000_000_000],
    ["hugepages-2Mi", "4Mi", 4194304],
    ["pods", 110, 110],
    ["pods", "1k", 1000],
    ["nvidia.com/gpu", "1", 1],
    ["nvidia.com/gpu", "500m", 1],
    ["__proto__", "3", 3],
  ];
  it.each(cases)("%s %j → %d", (resource, input, expected) => {
    expect(quantityToAmount(resource, input)).toBe(expected);
  });

  // Beyond 2^53 a float64 holds every second (then fourth, ...) integer: "up" and "down" pick the neighbours.
  const directed: ReadonlyArray<readonly [string, string | number, number, number]> = [
    ["memory", "9007199254740992", 2 ** 53, 2 ** 53],
    ["memory", "9007199254740993", 2 ** 53 + 2, 2 ** 53],
    ["memory", "-9007199254740993", -(2 ** 53 + 2), -(2 ** 53)], // by magnitude: "up" is away from zero
    ["memory", "8Pi", 2 ** 53, 2 ** 53],
    ["memory", "10000000Gi", 1e7 * 2 ** 30, 1e7 * 2 ** 30], // upstream's benchmark limit: a multiple of 2^30, exact
    ["memory", "9Ei", 2 ** 63, 2 ** 63 - 1024], // Kubernetes caps binary values at 2^63 - 1
    ["memory", "1e400", Number.MAX_VALUE, Number.MAX_VALUE], // saturates at the largest finite double
    ["memory", "-1e400", -Number.MAX_VALUE, -Number.MAX_VALUE],
    ["cpu", "9007199254740.993", 2 ** 53 + 2, 2 ** 53],
    ["cpu", "1.0005", 1001, 1000],
    ["cpu", "0.0001", 1, 0],
    ["cpu", "-0.0005", -1, -0],
    ["memory", "1500m", 2, 1],
    ["pods", "110", 110, 110],
  ];
  it.each(directed)("%s %j → up %d, down %d", (resource, input, up, down) => {
    expect(quantityToAmount(resource, input)).toBe(up);
    expect(quantityToAmount(resource, input, "up")).toBe(up);
    expect(quantityToAmount(resource, input, "down")).toBe(down);
  });

  it("accepts the largest safe amount of millicores", () => {
    expect(quantityToAmount("cpu", "9007199254740.991")).toBe(2 ** 53 - 1);
  });

  it.each(["1K", "abc", "1gi", ""])("refuses %j with the resource in the path and the text in the message", (input) => {
    expect(() => quantityToAmount("memory", input)).toThrow(
      expect.objectContaining({ code: "invalid-quantity", path: ["memory"], message: expect.stringContaining(JSON.stringify(input)) }),
    );
  });
});

describe("formatAmount", () => {
  const cases: ReadonlyArray<readonly [string, number, string]> = [
    ["cpu", 1500, "1500m"],
    ["cpu", 2000, "2"],
    ["cpu", 100, "100m"],
    ["cpu", 1, "1m"],
    ["cpu", 0, "0"],
    ["cpu", -250, "-250m"],
    ["cpu", 1_000_000, "1k"],
    ["memory", 1610612736, "1536Mi"],
    ["memory", 2 ** 31, "2Gi"],
    ["memory", 17 * 2 ** 30, "17Gi"],
    ["memory", 1.5e9, "1500M"],
    ["memory", 1000, "1k"],
    ["memory", 1024, "1Ki"],
    ["memory", 512, "512"],
    ["memory", 2 ** 53 - 1, "9007199254740991"],
    ["memory", -(2 ** 30), "-1Gi"],
    ["ephemeral-storage", 20 * 2 ** 30, "20Gi"],
    ["storage", 2 ** 40, "1Ti"],
    ["hugepages-2Mi", 2 * 2 ** 20, "2Mi"],
    ["pods", 110, "110"],
    ["pods", 1000, "1k"],
    ["nvidia.com/gpu", 4, "4"],
    ["nvidia.com/gpu", 1024, "1024"],
  ];
  it.each(cases)("%s %d → %s", (resource, amount, expected) => {
    expect(formatAmount(resource, amount)).toBe(expected);
  });

  it.each([
    ["memory", 2 ** 53, "8Pi"],
    ["memory", 2 ** 63, "9223372036854775808"], // binary suffixes stop at Kubernetes' 2^63 - 1 cap
    ["cpu", 2 ** 60, "1152921504606846976m"],
  ] as const)("prints the large amount %s %d exactly as %s", (resource, amount, expected) => {
    expect(formatAmount(resource, amount)).toBe(expected);
    expect(quantityToAmount(resource, expected)).toBe(amount);
  });

  it("prints the largest finite double exactly (309 digits: past the parser's 256-character cap)", () => {
    expect(formatAmount("memory", Number.MAX_VALUE)).toBe(BigInt(Number.MAX_VALUE).toString());
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses the amount %d", (amount) => {
    expect(() => formatAmount("cpu", amount)).toThrow(expect.objectContaining({ code: "invalid-quantity", path: ["cpu"] }));
  });

  test.prop([arbResourceName, fc.maxSafeInteger().filter((n) => n >= Number.MIN_SAFE_INTEGER)])(
    "reading a formatted amount gives the amount back",
    (resource, amount) => {
      expect(quantityToAmount(resource, formatAmount(resource, amount))).toBe(amount);
    },
  );

  test.prop([fc.integer({ min: 1, max: 2 ** 43 - 1 })])("memory in whole KiB prints with a binary suffix", (kib) => {
    expect(formatAmount("memory", kib * 1024)).toMatch(/^[0-9]+[KMGTPE]i$/);
  });
});

describe("isMemoryLikeResource", () => {
  it.each([
    ["memory", true],
    ["ephemeral-storage", true],
    ["storage", true],
    ["hugepages-1Gi", true],
    ["cpu", false],
    ["pods", false],
    ["nvidia.com/gpu", false],
    ["Memory", false],
  ] as const)("%s → %s", (resource, expected) => {
    expect(isMemoryLikeResource(resource)).toBe(expected);
  });
});

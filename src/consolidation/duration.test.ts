import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { parseDuration, parseNillableDuration, timestampMs } from "./duration.js";

describe("parseDuration", () => {
  it.each([
    ["0", 0],
    ["0s", 0],
    ["30s", 30_000],
    ["5m", 300_000],
    ["1h30m", 5_400_000],
    ["720h", 2_592_000_000],
    ["1.5h", 5_400_000],
    ["250ms", 250],
  ])("%s → %d ms", (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(["", "5", "-5m", "5x", "m", "1h 30m", "true"])("rejects %j", (text) => expect(parseDuration(text)).toBeUndefined());

  it("reads Never as null", () => {
    expect(parseNillableDuration("Never")).toBeNull();
    expect(parseNillableDuration("10m")).toBe(600_000);
  });

  it("reads timestamps from strings and Dates", () => {
    expect(timestampMs("2024-06-01T12:00:00Z")).toBe(Date.UTC(2024, 5, 1, 12));
    expect(timestampMs(new Date(5))).toBe(5);
    expect(timestampMs("not a time")).toBeUndefined();
    expect(timestampMs(undefined)).toBeUndefined();
  });

  test.prop([fc.nat({ max: 10_000 }), fc.nat({ max: 59 }), fc.nat({ max: 59 })])("h, m and s parts add up", (h, m, s) => {
    expect(parseDuration(`${h}h${m}m${s}s`)).toBe(((h * 60 + m) * 60 + s) * 1000);
  });
});

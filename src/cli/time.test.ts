import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { parseRfc3339 } from "./time.js";

describe("parseRfc3339", () => {
  it("refuses dates the calendar does not have instead of rolling them over", () => {
    expect(parseRfc3339("2026-02-30T00:00:00Z")).toBeUndefined();
    expect(parseRfc3339("2026-02-29T00:00:00Z")).toBeUndefined();
    expect(parseRfc3339("2026-04-31T00:00:00Z")).toBeUndefined();
    expect(parseRfc3339("2026-13-01T00:00:00Z")).toBeUndefined();
    expect(parseRfc3339("2026-01-01T24:00:00Z")).toBeUndefined();
    expect(parseRfc3339("2026-01-01T00:60:00Z")).toBeUndefined();
    expect(parseRfc3339("2026-01-01T00:00:00+24:00")).toBeUndefined();
    expect(parseRfc3339("2026-01-01 00:00:00Z")).toBeUndefined();
  });

  it("accepts February 29 in leap years only", () => {
    expect(parseRfc3339("2024-02-29T00:00:00Z")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(parseRfc3339("2000-02-29T00:00:00Z")?.toISOString()).toBe("2000-02-29T00:00:00.000Z");
    expect(parseRfc3339("2100-02-29T00:00:00Z")).toBeUndefined();
  });

  it("reads a leap second as the first instant of the next minute, and only at minute 59", () => {
    expect(parseRfc3339("2016-12-31T23:59:60Z")?.toISOString()).toBe("2017-01-01T00:00:00.000Z");
    expect(parseRfc3339("2016-12-31T18:59:60-05:00")?.toISOString()).toBe("2017-01-01T00:00:00.000Z");
    expect(parseRfc3339("2016-12-31T23:58:60Z")).toBeUndefined();
    expect(parseRfc3339("2016-12-31T23:59:61Z")).toBeUndefined();
  });

  it("applies offsets and fractions", () => {
    expect(parseRfc3339("2026-01-01T01:30:00+01:30")?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(parseRfc3339("2026-01-01T00:00:00.1234Z")?.toISOString()).toBe("2026-01-01T00:00:00.123Z");
    expect(parseRfc3339("0099-03-01T00:00:00Z")?.getUTCFullYear()).toBe(99);
  });

  test.prop([fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true })], { numRuns: 200 })(
    "reads back every instant Date prints",
    (date) => {
      expect(parseRfc3339(date.toISOString())?.getTime()).toBe(date.getTime());
    },
  );
});

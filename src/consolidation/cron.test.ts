import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { cronMatches, isCronWindowActive, lastFiringBetween, parseCron, type CronSchedule } from "./cron.js";

function parsed(expr: string): CronSchedule {
  const r = parseCron(expr);
  if (!r.ok) throw new Error(r.error);
  return r.schedule;
}

const at = (iso: string): number => Date.parse(iso);
const MINUTE = 60_000;

describe("parseCron", () => {
  it.each([
    ["* * * * *", "2024-06-01T12:34:00Z", true],
    ["30 12 * * *", "2024-06-01T12:30:59Z", true],
    ["30 12 * * *", "2024-06-01T12:31:00Z", false],
    ["0-10/5 * * * *", "2024-06-01T12:05:00Z", true],
    ["0-10/5 * * * *", "2024-06-01T12:06:00Z", false],
    ["*/15 * * * *", "2024-06-01T12:45:00Z", true],
    ["5/20 * * * *", "2024-06-01T12:45:00Z", true],
    ["5/20 * * * *", "2024-06-01T12:40:00Z", false],
    ["0 9,17 * * *", "2024-06-01T17:00:00Z", true],
    ["0 9 * * MON-FRI", "2024-06-03T09:00:00Z", true], // Monday
    ["0 9 * * mon-fri", "2024-06-01T09:00:00Z", false], // Saturday
    ["0 0 1 JAN *", "2024-01-01T00:00:00Z", true],
    ["0 0 1 jan *", "2024-02-01T00:00:00Z", false],
    ["@hourly", "2024-06-01T07:00:00Z", true],
    ["@hourly", "2024-06-01T07:01:00Z", false],
    ["@daily", "2024-06-01T00:00:00Z", true],
    ["@midnight", "2024-06-01T01:00:00Z", false],
    ["@weekly", "2024-06-02T00:00:00Z", true], // Sunday
    ["@monthly", "2024-06-01T00:00:00Z", true],
    ["@yearly", "2024-01-01T00:00:00Z", true],
    ["@annually", "2024-06-01T00:00:00Z", false],
    // day of month OR day of week when both are restricted
    ["0 0 13 * FRI", "2024-06-14T00:00:00Z", true], // Friday the 14th
    ["0 0 13 * FRI", "2024-06-13T00:00:00Z", true], // Thursday the 13th
    ["0 0 13 * FRI", "2024-06-12T00:00:00Z", false],
    // AND when one of them is a star
    ["0 0 * * FRI", "2024-06-13T00:00:00Z", false],
    ["0 0 */1 * FRI", "2024-06-13T00:00:00Z", false],
    // a star with a step above 1 counts as restricted (OR)
    ["0 0 */2 * FRI", "2024-06-14T00:00:00Z", true],
    ["0 0 */2 * FRI", "2024-06-03T00:00:00Z", true],
  ])("%s at %s → %s", (expr, iso, expected) => {
    expect(cronMatches(parsed(expr), at(iso))).toBe(expected);
  });

  it.each([
    ["* * * *", /5 cron fields/],
    ["61 * * * *", /minute value 61 out of range/],
    ["* 24 * * *", /hour value 24/],
    ["* * 0 * *", /day of month value 0/],
    ["* * * 13 *", /month value 13/],
    ["* * * * 7", /day of week value 7/],
    ["*/0 * * * *", /step/],
    ["5-1 * * * *", /beyond end/],
    ["a * * * *", /invalid value/],
    ["1-2-3 * * * *", /hyphens/],
    ["@often", /unknown cron macro/],
  ])("rejects %s", (expr, message) => {
    const r = parseCron(expr);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe("cron windows", () => {
  it("is active within duration after a firing and not after", () => {
    const s = parsed("0 9 * * *");
    expect(isCronWindowActive(s, 60 * MINUTE, at("2024-06-01T09:00:00Z"))).toBe(true);
    expect(isCronWindowActive(s, 60 * MINUTE, at("2024-06-01T09:59:59Z"))).toBe(true);
    expect(isCronWindowActive(s, 60 * MINUTE, at("2024-06-01T10:00:00Z"))).toBe(false);
    expect(isCronWindowActive(s, 60 * MINUTE, at("2024-06-01T08:59:59Z"))).toBe(false);
  });

  it("handles a duration longer than the recurrence", () => {
    expect(isCronWindowActive(parsed("@hourly"), 3 * 60 * MINUTE, at("2024-06-01T07:30:00Z"))).toBe(true);
  });

  it("finds rare firings by skipping whole months and days", () => {
    const leap = parsed("0 0 29 2 *");
    expect(lastFiringBetween(leap, at("2024-06-01T00:00:00Z"), at("2020-01-01T00:00:00Z"))).toBe(at("2024-02-29T00:00:00Z"));
    expect(lastFiringBetween(parsed("0 0 31 2 *"), at("2024-06-01T00:00:00Z"), at("2023-06-01T00:00:00Z"))).toBeUndefined();
  });

  it("a zero duration is never active", () => {
    expect(isCronWindowActive(parsed("* * * * *"), 0, at("2024-06-01T00:00:00Z"))).toBe(false);
  });
});

const field = (min: number, max: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant("*"),
    fc.integer({ min, max }).map(String),
    fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
    fc.tuple(fc.integer({ min, max }), fc.integer({ min: 1, max: 7 })).map(([a, s]) => `${a}/${s}`),
    fc.integer({ min: 1, max: 7 }).map((s) => `*/${s}`),
    fc.uniqueArray(fc.integer({ min, max }), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(",")),
  );
const cronExpr = fc
  .tuple(field(0, 59), field(0, 23), field(1, 31), field(1, 12), field(0, 6))
  .map((parts) => parts.join(" "));
const instant = fc.integer({ min: at("2020-01-01T00:00:00Z"), max: at("2030-01-01T00:00:00Z") });

describe("cron properties", () => {
  test.prop([cronExpr])("every generated expression parses", (expr) => {
    expect(parseCron(expr).ok).toBe(true);
  });

  test.prop([cronExpr, instant, fc.integer({ min: 0, max: 2 * 24 * 60 })], { numRuns: 60 })(
    "lastFiringBetween agrees with a minute-by-minute scan",
    (expr, now, minutes) => {
      const s = parsed(expr);
      const after = now - minutes * MINUTE;
      let expected: number | undefined;
      for (let t = Math.floor(now / MINUTE) * MINUTE; t > after; t -= MINUTE) {
        if (cronMatches(s, t)) {
          expected = t;
          break;
        }
      }
      expect(lastFiringBetween(s, now, after)).toBe(expected);
    },
  );

  test.prop([instant])("* * * * * matches every minute", (t) => {
    expect(cronMatches(parsed("* * * * *"), t)).toBe(true);
  });
});

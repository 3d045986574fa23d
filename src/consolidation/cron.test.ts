import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { cronCanFire, cronMatches, isCronWindowActive, lastFiringBetween, parseCron, walkBackToFiring, type CronSchedule } from "./cron.js";

function parsed(expr: string): CronSchedule {
  const r = parseCron(expr);
  if (!r.ok) throw new Error(r.error);
  return r.schedule;
}

const at = (iso: string): number => Date.parse(iso);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

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
const cronExpr = fc.tuple(field(0, 59), field(0, 23), field(1, 31), field(1, 12), field(0, 6)).map((parts) => parts.join(" "));
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

describe("cron walks are bounded (issue 18)", () => {
  it("an impossible schedule with a huge duration answers at once: budgets [{ schedule: 0 0 31 2 *, duration: 17000000h }]", () => {
    const feb31 = parsed("0 0 31 2 *");
    expect(cronCanFire(feb31)).toBe(false);
    const now = at("2026-06-01T00:00:00Z");
    expect(walkBackToFiring(feb31, now, now - 17_000_000 * HOUR)).toEqual({ firing: undefined, steps: 0 });
    expect(isCronWindowActive(feb31, 17_000_000 * HOUR, now)).toBe(false);
    expect(cronCanFire(parsed("0 0 31 4,6,9,11 *"))).toBe(false);
    expect(cronCanFire(parsed("0 0 30,31 2 *"))).toBe(false);
  });

  it.each(["0 0 29 2 *", "0 0 31 2 MON", "0 0 * 2 MON", "0 0 31 1-12 *", "@yearly"])("%s can fire", (expr) => {
    expect(cronCanFire(parsed(expr))).toBe(true);
  });

  it("walks correctly through years before 100, where Date.UTC would read year 99 as 1999", () => {
    expect(lastFiringBetween(parsed("0 0 1 6 *"), at("0100-03-01T00:00:00Z"), -Infinity)).toBe(at("0099-06-01T00:00:00Z"));
    // Year 100 is not a leap year: the February 29th before 0101 is in 0096.
    expect(lastFiringBetween(parsed("0 0 29 2 *"), at("0101-01-01T00:00:00Z"), -Infinity)).toBe(at("0096-02-29T00:00:00Z"));
    expect(lastFiringBetween(parsed("30 12 15 * *"), at("0001-01-20T00:00:00Z"), -Infinity)).toBe(at("0001-01-15T12:30:00Z"));
    expect(lastFiringBetween(parsed("30 12 15 * *"), at("0001-01-10T00:00:00Z"), -Infinity)).toBe(at("0000-12-15T12:30:00Z"));
  });

  it("a window reaching back before the earliest Date or past a whole calendar cycle stays bounded", () => {
    const now = at("2026-06-01T00:00:00Z");
    expect(isCronWindowActive(parsed("0 0 31 2 *"), 1e300, now)).toBe(false);
    expect(walkBackToFiring(parsed("0 0 29 2 *"), now, -Infinity).firing).toBe(at("2024-02-29T00:00:00Z"));
    expect(walkBackToFiring(parsed("* * * * *"), -8.64e15, -Infinity)).toEqual({ firing: -8.64e15, steps: 1 });
    expect(walkBackToFiring(parsed("* * * * *"), Number.NaN, 0)).toEqual({ firing: undefined, steps: 0 });
  });

  it("the longest gap between firings (February 29th across 2100) takes a few hundred steps", () => {
    const walk = walkBackToFiring(parsed("0 0 29 2 *"), at("2104-02-28T23:59:00Z"), -Infinity);
    expect(walk.firing).toBe(at("2096-02-29T00:00:00Z"));
    expect(walk.steps).toBeLessThanOrEqual(MAX_STEPS);
  });
});

/** 8 years × (12 month steps + 31 day steps), plus a partial day's hours and minutes twice over. */
const MAX_STEPS = 8 * (12 + 31) + 2 * (31 + 24 + 60);

/** An oracle independent of the walk: day by day backwards, then minute by minute inside the first matching day. */
function lastFiringByDays(s: CronSchedule, now: number, after: number): number | undefined {
  const top = Math.floor(now / MINUTE) * MINUTE;
  for (let dayStart = Math.floor(top / DAY) * DAY; dayStart + DAY > after && dayStart > top - 9 * 366 * DAY; dayStart -= DAY) {
    for (let t = Math.min(top, dayStart + DAY - MINUTE); t >= dayStart && t > after; t -= MINUTE) {
      if (cronMatches(s, t)) return t;
    }
  }
  return undefined;
}

const rareField = (values: readonly number[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant("*"),
    fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 2 }).map((xs) => xs.join(",")),
  );
const rareExpr = fc
  .tuple(rareField([0, 30, 59]), rareField([0, 12, 23]), rareField([1, 15, 28, 29, 30, 31]), rareField([1, 2, 4, 12]), rareField([0, 3, 6]))
  .map((parts) => parts.join(" "));

describe("bounded cron walk properties", () => {
  test.prop([rareExpr, instant, fc.integer({ min: 0, max: 17_000_000 })], { numRuns: 40 })(
    "any schedule and a duration up to 17,000,000h: the walk agrees with a day-by-day scan and takes at most MAX_STEPS steps",
    (expr, now, hours) => {
      const s = parsed(expr);
      const after = now - hours * HOUR;
      const walk = walkBackToFiring(s, now, after);
      expect(walk.steps).toBeLessThanOrEqual(MAX_STEPS);
      expect(walk.firing).toBe(cronCanFire(s) ? lastFiringByDays(s, now, after) : undefined);
    },
  );
});

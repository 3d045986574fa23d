/**
 * A small 5-field cron matcher with the semantics of the parser Karpenter uses for budget schedules
 * (robfig/cron `ParseStandard`), always evaluated in UTC.
 *
 * Fields: minute (0-59), hour (0-23), day of month (1-31), month (1-12 or JAN-DEC), day of week (0-6 or
 * SUN-SAT). Each field is a comma list of `*`, `?`, `n`, `a-b`, optionally followed by `/step`; `n/step` means
 * `n-max/step`. Macros: `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight`, `@hourly`.
 * As in that parser, day of week `7` is out of range, and day of month and day of week are ORed when both
 * are restricted, ANDed when either is a star (`*`, `?`, or a star with step 1).
 *
 * @module
 */

/**
 * A parsed cron schedule: the allowed values of each field.
 *
 * @category Consolidation
 */
export interface CronSchedule {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly daysOfWeek: ReadonlySet<number>;
  /** Whether day of month / day of week were written as a star (changes how the two combine). */
  readonly dayOfMonthStar: boolean;
  readonly dayOfWeekStar: boolean;
}

/**
 * The outcome of {@link parseCron}: a schedule or the reason the text is not one.
 *
 * @category Consolidation
 */
export type CronParseResult = { readonly ok: true; readonly schedule: CronSchedule } | { readonly ok: false; readonly error: string };

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: ReadonlyMap<string, number>;
}

const MONTH_NAMES: ReadonlyMap<string, number> = new Map(
  ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map((n, i) => [n, i + 1]),
);
const DAY_NAMES: ReadonlyMap<string, number> = new Map(["sun", "mon", "tue", "wed", "thu", "fri", "sat"].map((n, i) => [n, i]));

const FIELDS: readonly FieldSpec[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTH_NAMES },
  { name: "day of week", min: 0, max: 6, names: DAY_NAMES },
];

const MACROS: ReadonlyMap<string, string> = new Map([
  ["@yearly", "0 0 1 1 *"],
  ["@annually", "0 0 1 1 *"],
  ["@monthly", "0 0 1 * *"],
  ["@weekly", "0 0 * * 0"],
  ["@daily", "0 0 * * *"],
  ["@midnight", "0 0 * * *"],
  ["@hourly", "0 * * * *"],
]);

/**
 * Parses a 5-field cron expression or macro.
 *
 * @param expression - e.g. `0 9 * * MON-FRI`, `@daily`
 * @returns the schedule, or the reason it is invalid
 * @example
 * ```ts
 * parseCron("*\/15 9-17 * * mon-fri").ok; // true
 * parseCron("61 * * * *"); // { ok: false, error: "minute value 61 out of range 0-59" }
 * ```
 * @category Consolidation
 */
export function parseCron(expression: string): CronParseResult {
  const trimmed = expression.trim();
  const text = trimmed.startsWith("@") ? MACROS.get(trimmed.toLowerCase()) : trimmed;
  if (text === undefined) return { ok: false, error: `unknown cron macro ${JSON.stringify(trimmed)}` };
  const parts = text.split(/\s+/);
  if (parts.length !== 5) return { ok: false, error: `expected 5 cron fields, got ${parts.length}` };
  const sets: Set<number>[] = [];
  const stars: boolean[] = [];
  for (let i = 0; i < 5; i++) {
    const parsed = parseField(parts[i] as string, FIELDS[i] as FieldSpec);
    if (typeof parsed === "string") return { ok: false, error: parsed };
    sets.push(parsed.values);
    stars.push(parsed.star);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = sets as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  return {
    ok: true,
    schedule: { minutes, hours, daysOfMonth, months, daysOfWeek, dayOfMonthStar: stars[2] === true, dayOfWeekStar: stars[4] === true },
  };
}

function parseField(text: string, spec: FieldSpec): { values: Set<number>; star: boolean } | string {
  const values = new Set<number>();
  let star = false;
  for (const item of text.split(",")) {
    const slash = item.split("/");
    if (slash.length > 2) return `${spec.name}: too many slashes in ${JSON.stringify(item)}`;
    const range = slash[0] as string;
    let start: number;
    let end: number;
    let itemStar = false;
    if (range === "*" || range === "?") {
      start = spec.min;
      end = spec.max;
      itemStar = true;
    } else {
      const bounds = range.split("-");
      if (bounds.length > 2) return `${spec.name}: too many hyphens in ${JSON.stringify(item)}`;
      const low = parseValue(bounds[0] as string, spec);
      if (typeof low === "string") return low;
      start = low;
      end = low;
      if (bounds.length === 2) {
        const high = parseValue(bounds[1] as string, spec);
        if (typeof high === "string") return high;
        end = high;
      } else if (slash.length === 2) {
        end = spec.max;
      }
    }
    let step = 1;
    if (slash.length === 2) {
      const s = slash[1] as string;
      if (!/^[0-9]+$/.test(s) || Number(s) === 0) return `${spec.name}: step must be a positive integer, got ${JSON.stringify(s)}`;
      step = Number(s);
      if (step > 1) itemStar = false;
    }
    if (start > end) return `${spec.name}: range start ${start} is beyond end ${end}`;
    for (let v = start; v <= end; v += step) values.add(v);
    star ||= itemStar;
  }
  return { values, star };
}

function parseValue(text: string, spec: FieldSpec): number | string {
  const named = spec.names?.get(text.toLowerCase());
  if (named !== undefined) return named;
  if (!/^[0-9]+$/.test(text)) return `${spec.name}: invalid value ${JSON.stringify(text)}`;
  const n = Number(text);
  if (n < spec.min || n > spec.max) return `${spec.name} value ${n} out of range ${spec.min}-${spec.max}`;
  return n;
}

const MINUTE = 60_000;

/**
 * Whether the schedule fires at the (UTC) minute containing the instant.
 *
 * @param schedule - a parsed schedule
 * @param ms - epoch milliseconds
 * @returns true when minute, hour, day, month and weekday all match
 * @category Consolidation
 */
export function cronMatches(schedule: CronSchedule, ms: number): boolean {
  const d = new Date(ms);
  return schedule.months.has(d.getUTCMonth() + 1) && dayMatches(schedule, d) && schedule.hours.has(d.getUTCHours()) && schedule.minutes.has(d.getUTCMinutes());
}

function dayMatches(schedule: CronSchedule, d: Date): boolean {
  const dom = schedule.daysOfMonth.has(d.getUTCDate());
  const dow = schedule.daysOfWeek.has(d.getUTCDay());
  return schedule.dayOfMonthStar || schedule.dayOfWeekStar ? dom && dow : dom || dow;
}

/** Days in each month of a leap year: the most each month can hold. */
const MAX_DAYS_IN_MONTH: readonly number[] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The Gregorian calendar repeats every 400 years: 146,097 days, a whole number of weeks, so every
 * (date, weekday, leap year) combination recurs with this period. A schedule that does not fire within
 * one period before an instant never fired before it.
 */
const CALENDAR_CYCLE_MS = 146_097 * 86_400_000;

/** The earliest instant a JavaScript Date can hold (about 271,821 BC). */
const EARLIEST_DATE_MS = -8.64e15;

/**
 * Whether the schedule can fire at all. Only day of month ANDed with a starred day of week can make it
 * impossible: `0 0 31 2 *` (February 31st) or `0 0 31 4,6,9,11 *` name no real day. Day of week alone
 * (or ORed with day of month) fires every week of every allowed month.
 *
 * @param schedule - a parsed schedule
 * @returns false when no instant ever matches
 */
export function cronCanFire(schedule: CronSchedule): boolean {
  if (!schedule.dayOfWeekStar || schedule.dayOfMonthStar) return true;
  for (const month of schedule.months) {
    const days = MAX_DAYS_IN_MONTH[month - 1] ?? 0;
    for (const day of schedule.daysOfMonth) if (day <= days) return true;
  }
  return false;
}

/**
 * The instant a UTC calendar position starts. `Date.UTC` reads years 0-99 as 1900-1999, so the year is
 * set separately; out-of-range positions give NaN, which ends a walk.
 */
function utcStart(year: number, month: number, day: number, hour: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.setUTCHours(hour, 0, 0, 0);
}

/** The result of {@link walkBackToFiring}: the firing found, and how many steps the walk took. */
export interface CronWalk {
  readonly firing: number | undefined;
  readonly steps: number;
}

/**
 * {@link lastFiringBetween} with its step count, so tests can bound the work. Each step skips a whole
 * month, day or hour that cannot match, or one minute; the search never goes further back than one
 * calendar cycle ({@link CALENDAR_CYCLE_MS}) nor before the earliest Date, and a schedule that can never
 * fire ({@link cronCanFire}) takes no step. A schedule that can fire does so at least once every eight
 * years (February 29th skips 2100), so a walk takes at most a few thousand steps.
 *
 * @param schedule - a parsed schedule
 * @param at - the latest instant to consider
 * @param after - the search stops at this instant (exclusive)
 * @returns the firing (or undefined) and the number of steps
 * @internal
 */
export function walkBackToFiring(schedule: CronSchedule, at: number, after: number): CronWalk {
  if (!Number.isFinite(at) || Number.isNaN(after) || !cronCanFire(schedule)) return { firing: undefined, steps: 0 };
  const floor = Math.max(after, at - CALENDAR_CYCLE_MS, EARLIEST_DATE_MS - 1);
  let t = Math.floor(at / MINUTE) * MINUTE;
  let steps = 0;
  while (t > floor) {
    steps++;
    const d = new Date(t);
    const year = d.getUTCFullYear();
    if (!schedule.months.has(d.getUTCMonth() + 1)) {
      t = utcStart(year, d.getUTCMonth(), 1, 0) - MINUTE;
    } else if (!dayMatches(schedule, d)) {
      t = utcStart(year, d.getUTCMonth(), d.getUTCDate(), 0) - MINUTE;
    } else if (!schedule.hours.has(d.getUTCHours())) {
      t = utcStart(year, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours()) - MINUTE;
    } else if (!schedule.minutes.has(d.getUTCMinutes())) {
      t -= MINUTE;
    } else {
      return { firing: t, steps };
    }
  }
  return { firing: undefined, steps };
}

/**
 * The latest firing at or before `at` and strictly after `after` (both epoch milliseconds), searching
 * backwards and skipping whole months, days and hours that cannot match. The work is bounded whatever
 * the interval: a schedule that can never fire answers at once, and the search goes back at most one
 * 400-year calendar cycle.
 *
 * @param schedule - a parsed schedule
 * @param at - the latest instant to consider
 * @param after - the search stops at this instant (exclusive)
 * @returns the firing instant (a whole UTC minute), or undefined when none lies in `(after, at]`
 * @category Consolidation
 */
export function lastFiringBetween(schedule: CronSchedule, at: number, after: number): number | undefined {
  return walkBackToFiring(schedule, at, after).firing;
}

/**
 * Whether a schedule with a duration is active at `now`: as Karpenter decides it, the first firing after
 * `now − duration` is at or before `now`.
 *
 * @param schedule - a parsed schedule
 * @param durationMs - how long each window lasts
 * @param now - epoch milliseconds
 * @returns true inside a window
 * @example
 * ```ts
 * const s = parseCron("@daily");
 * s.ok && isCronWindowActive(s.schedule, 3_600_000, Date.parse("2024-01-02T00:30:00Z")); // true
 * ```
 * @category Consolidation
 */
export function isCronWindowActive(schedule: CronSchedule, durationMs: number, now: number): boolean {
  return lastFiringBetween(schedule, now, now - durationMs) !== undefined;
}

// `--now` as RFC 3339 says: a real calendar date (no February 30, which `Date` would quietly turn into
// March 2), hours 00-23, minutes 00-59, seconds 00-59, and second 60 only at minute 59 (a leap second,
// which RFC 3339 §5.7 allows and JavaScript time cannot hold: it is read as the first instant of the next
// minute, the same instant POSIX time gives it).

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0);
}

/**
 * Parses an RFC 3339 timestamp strictly.
 *
 * @param text - e.g. `2026-01-01T00:00:00Z` or `2026-06-30T23:59:60+00:00`
 * @returns the instant, or undefined when the text is not a valid RFC 3339 date-time
 */
export function parseRfc3339(text: string): Date | undefined {
  const m = RFC3339.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 60 || (second === 60 && minute !== 59)) return undefined;
  const offsetHours = m[10] === undefined ? 0 : Number(m[10]);
  const offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const sign = m[9] === "-" ? -1 : 1;
  const fraction = m[7] === undefined ? 0 : Math.floor(Number(`0${m[7]}`) * 1000);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second === 60 ? 59 : second, second === 60 ? 0 : fraction);
  date.setTime(date.getTime() + (second === 60 ? 1000 : 0) - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

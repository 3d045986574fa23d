/**
 * Go-style durations (`30s`, `5m`, `1h30m`, `720h`) as Karpenter's API writes them, and timestamps.
 *
 * @module
 */

const UNIT_MS: ReadonlyMap<string, number> = new Map([
  ["ns", 1e-6],
  ["us", 1e-3],
  ["µs", 1e-3],
  ["μs", 1e-3],
  ["ms", 1],
  ["s", 1000],
  ["m", 60_000],
  ["h", 3_600_000],
]);

const PART = /([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Parses a Go duration string (a sequence of decimal numbers with units `ns`, `us`, `ms`, `s`, `m`, `h`; `0`
 * alone is zero). Negative durations are refused because no Karpenter field accepts them.
 *
 * @param text - the duration, e.g. `1h30m`
 * @returns the duration in milliseconds, or undefined when the text is not a duration
 * @example
 * ```ts
 * parseDuration("1h30m"); // 5400000
 * parseDuration("soon"); // undefined
 * ```
 * @category Consolidation
 */
export function parseDuration(text: string): number | undefined {
  if (text === "0") return 0;
  if (text === "") return undefined;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const at = PART.lastIndex;
    const match = PART.exec(text);
    if (match === null || match.index !== at) return undefined;
    total += Number(match[1]) * (UNIT_MS.get(match[2] as string) as number);
  }
  return Number.isFinite(total) ? total : undefined;
}

/**
 * Parses a NodePool's `consolidateAfter` / `expireAfter` style value: a duration or `Never`.
 *
 * @param text - the field's value
 * @returns milliseconds, `null` for `Never`, or undefined when the text is neither
 * @example
 * ```ts
 * parseNillableDuration("Never"); // null
 * parseNillableDuration("30s"); // 30000
 * ```
 */
export function parseNillableDuration(text: string): number | null | undefined {
  if (text === "Never") return null;
  return parseDuration(text);
}

/**
 * Reads a Kubernetes timestamp (RFC 3339 string or Date) as epoch milliseconds.
 *
 * @param value - the timestamp
 * @returns milliseconds since the epoch, or undefined when missing or unparsable
 */
export function timestampMs(value: string | Date | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

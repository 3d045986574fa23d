// Human units for tables, as kubectl prints them: memory in Ki/Mi/Gi/Ti with at most one decimal, CPU as
// cores or millicores, durations as their two largest units (`16h40m`). JSON and YAML keep exact quantities.

const BINARY_UNITS: readonly (readonly [string, number])[] = [
  ["Ti", 2 ** 40],
  ["Gi", 2 ** 30],
  ["Mi", 2 ** 20],
  ["Ki", 2 ** 10],
];

function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/**
 * Bytes in the largest binary unit that keeps the number at least 1 (`1000000Ki` → `976.6Mi`).
 *
 * @param bytes - a byte count
 * @returns e.g. `15.3Gi`, `512Mi`, `0`
 */
export function humanBytes(bytes: number): string {
  for (const [unit, size] of BINARY_UNITS) {
    if (Math.abs(bytes) >= size) return `${oneDecimal(bytes / size)}${unit}`;
  }
  return String(bytes);
}

/**
 * Millicores as kubectl prints CPU: whole cores without a unit, anything else in millicores.
 *
 * @param milli - millicores
 * @returns e.g. `4`, `3920m`
 */
export function humanCpu(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

const DURATION_UNITS: readonly (readonly [string, number])[] = [
  ["d", 86_400],
  ["h", 3_600],
  ["m", 60],
  ["s", 1],
];

/**
 * A duration as its two largest non-zero units, the way `kubectl` and Go print them (`60000` → `16h40m`,
 * `60350700` → `698d12h`). Seconds are rounded up, so "less than a second left" never prints as `0s`.
 *
 * @param seconds - a non-negative duration in seconds
 * @returns e.g. `16h40m`, `45s`, `0s`
 */
export function humanDuration(seconds: number): string {
  let rest = Math.ceil(Math.max(0, seconds));
  const parts: string[] = [];
  for (const [unit, size] of DURATION_UNITS) {
    if (parts.length === 2) break;
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
    else if (parts.length === 1) break;
  }
  return parts.length === 0 ? "0s" : parts.join("");
}

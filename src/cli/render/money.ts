import { Decimal } from "decimal.js";

// The money rule (issue 17): decisions stay float64 as upstream's; every figure the CLI reports (sums,
// savings, monthly figures, differences) is exact decimal arithmetic over the prices as given, printed with
// as many decimals as those prices carry (at least two). A price read from YAML or JSON is a float64 whose
// shortest round-trip text is the text that was written, so `new Decimal(price)` recovers the price as given,
// and a sum or difference of such decimals never has more decimals than its terms.

/** Hours in a month, as cloud price pages count them (365 × 24 ÷ 12). */
export const HOURS_PER_MONTH = 730;

/**
 * The exact sum of prices as given.
 *
 * @param prices - prices (float64 as read) or exact amounts
 * @returns the decimal sum
 */
export function sumMoney(prices: Iterable<number | Decimal>): Decimal {
  let total = new Decimal(0);
  for (const price of prices) total = total.plus(price);
  return total;
}

function dollars(value: Decimal): string {
  return `$${value.toFixed(Math.max(2, value.decimalPlaces()))}`;
}

/**
 * An hourly amount as the views print it, e.g. `$0.1504/h`, `$0.20/h`.
 *
 * @param value - dollars per hour
 * @returns the text
 */
export function formatHourly(value: number | Decimal): string {
  return `${dollars(new Decimal(value))}/h`;
}

/**
 * An hourly amount as a monthly one (× {@link HOURS_PER_MONTH}), e.g. `$109.792/month`.
 *
 * @param value - dollars per hour
 * @returns the text
 */
export function formatMonthly(value: number | Decimal): string {
  return `${dollars(new Decimal(value).times(HOURS_PER_MONTH))}/month`;
}

/**
 * A signed difference, e.g. `+$0.096/h` or `-$70.08/month` (no sign when zero).
 *
 * @param value - dollars per hour
 * @param monthly - print the monthly figure instead
 * @returns the text
 */
export function formatDelta(value: Decimal, monthly = false): string {
  const text = monthly ? formatMonthly(value.abs()) : formatHourly(value.abs());
  return value.isZero() ? text : `${value.isNegative() ? "-" : "+"}${text}`;
}

/**
 * NodeOverlay prices: the two accepted spellings and how they change an offering's price.
 *
 * @module
 */

/**
 * `price`: an unsigned decimal (Karpenter's CRD pattern).
 *
 * @category Node overlays
 */
export const OVERLAY_PRICE_PATTERN: RegExp = /^\d+(\.\d+)?$/;

/**
 * `priceAdjustment`: a signed decimal, `+N%`, a negative percentage above -100%, or exactly `-100%`
 * (Karpenter's CRD pattern).
 * @category Node overlays
 */
export const OVERLAY_PRICE_ADJUSTMENT_PATTERN: RegExp = /^(([+-]{1}(\d*\.?\d+))|(\+{1}\d*\.?\d+%)|(^(-\d{1,2}(\.\d+)?%)$)|(-100%))$/;

/**
 * An offering's price after an overlay, as upstream's `AdjustedPrice`: an unsigned value replaces the price; a
 * signed one adds to it; a signed percentage scales it. An adjusted price below zero becomes zero.
 *
 * @param price - the offering's price per hour
 * @param change - the overlay's `price` or `priceAdjustment` (already validated)
 * @returns the new price, never negative
 * @example
 * ```ts
 * adjustedPrice(2, "-30%"); // 1.4
 * adjustedPrice(2, "-5");   // 0
 * adjustedPrice(2, "0.5");  // 0.5
 * ```
 * @category Node overlays
 */
export function adjustedPrice(price: number, change: string): number {
  if (change === "") return price;
  if (!change.startsWith("+") && !change.startsWith("-")) return Number.parseFloat(change);
  const adjusted = change.endsWith("%") ? price * (1 + Number.parseFloat(change.slice(0, -1)) / 100) : price + Number.parseFloat(change);
  // biome-ignore lint/complexity/useMathMinMax: a NaN adjustment must give 0, which Math.max would keep as NaN
  return adjusted >= 0 ? adjusted : 0;
}

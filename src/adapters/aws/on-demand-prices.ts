/**
 * On-demand prices from a small JSON file the user writes or generates: `{ "m5.large": 0.096, ... }`, USD
 * (or the region's currency) per hour. The embedded table covers us-east-1 for the embedded families; this
 * is how other regions, GPU families and new generations get prices.
 */
import { isJsonObject, jsonInputError } from "./json-input.js";

/**
 * Options of {@link onDemandPricesFromJson}.
 *
 * @category Prices
 */
export interface OnDemandPriceOptions {
  /** The file the JSON came from, named in error messages. */
  readonly source?: string | undefined;
}

/**
 * Reads an on-demand price table.
 *
 * @param json - an object of instance-type name → hourly price (a non-negative number)
 * @param options - the file name for error messages
 * @returns price by instance type, sorted by name; pass it as `onDemandPrices` (it replaces the embedded table)
 * @throws InputError naming the file and type of a price that is not a non-negative number
 * @example
 * ```ts
 * onDemandPricesFromJson({ "g5.xlarge": 1.006 }).get("g5.xlarge"); // 1.006
 * ```
 *
 * @category Prices
 */
export function onDemandPricesFromJson(json: unknown, options: OnDemandPriceOptions = {}): ReadonlyMap<string, number> {
  const source = options.source;
  if (!isJsonObject(json)) throw jsonInputError(source, [], 'expected an object of instance type to hourly price, such as { "m5.large": 0.096 }');
  const out = new Map<string, number>();
  for (const name of Object.keys(json).sort()) {
    const price = json[name];
    if (typeof price !== "number" || !Number.isFinite(price) || price < 0) {
      throw jsonInputError(source, [name], `expected a price per hour (a non-negative number), got ${JSON.stringify(price) ?? String(price)}`);
    }
    out.set(name, price);
  }
  return out;
}

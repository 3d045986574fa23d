/**
 * Spot prices from the JSON `aws ec2 describe-spot-price-history` prints: the latest Linux price of each
 * instance type in each zone, the table Karpenter's AWS provider keeps after its spot-price refresh.
 */
import { checkJsonShape, jsonInputError, topLevelList, type JsonShape } from "./json-input.js";

/**
 * The product descriptions Karpenter asks EC2 for (`pricing.go`); Windows, SUSE and RHEL prices are ignored.
 *
 * @category Prices
 */
export const AWS_SPOT_PRODUCT_DESCRIPTIONS: readonly string[] = ["Linux/UNIX", "Linux/UNIX (Amazon VPC)"];

/**
 * One entry of `SpotPriceHistory`, as the AWS CLI and `@aws-sdk/client-ec2` print it.
 *
 * @category Prices
 */
export interface SpotPriceRecord {
  readonly AvailabilityZone?: string | undefined;
  readonly InstanceType?: string | undefined;
  readonly ProductDescription?: string | undefined;
  /** USD per hour as a decimal string, e.g. `"0.034600"`. */
  readonly SpotPrice?: string | undefined;
  /** RFC 3339 (`2026-11-30T10:04:11+00:00`), or a `Date` from the SDK. */
  readonly Timestamp?: string | Date | undefined;
}

const RECORD: JsonShape = {
  object: new Map<string, JsonShape>([
    ["AvailabilityZone", "string"],
    ["InstanceType", "string"],
    ["ProductDescription", "string"],
    ["SpotPrice", "string"],
  ]),
};

/**
 * Options of {@link spotPricesFromHistory}.
 *
 * @category Prices
 */
export interface SpotPriceOptions {
  /** The file the JSON came from, named in error messages. */
  readonly source?: string | undefined;
}

function timestampOf(record: Readonly<Record<string, unknown>>, path: readonly (string | number)[], source: string | undefined): number {
  const raw = record["Timestamp"];
  const time = raw instanceof Date ? raw.getTime() : typeof raw === "string" ? Date.parse(raw) : Number.NaN;
  if (!Number.isFinite(time)) throw jsonInputError(source, [...path, "Timestamp"], `expected an RFC 3339 time, got ${JSON.stringify(raw) ?? String(raw)}`);
  return time;
}

function required(record: Readonly<Record<string, unknown>>, key: string, path: readonly (string | number)[], source: string | undefined): string {
  const value = record[key];
  if (typeof value !== "string" || value === "") throw jsonInputError(source, [...path, key], "is required");
  return value;
}

/**
 * The latest spot price per instance type and zone. Only Linux records count (the product descriptions
 * Karpenter asks for); among records of one type and zone the latest `Timestamp` wins, and of equal times the
 * later record (as upstream, which keeps the last one EC2 returns).
 *
 * @param json - the parsed output of `aws ec2 describe-spot-price-history --output json` (or the SDK's
 *   `DescribeSpotPriceHistoryCommand` output): an object with a `SpotPriceHistory` list
 * @param options - the file name for error messages
 * @returns USD per hour by instance type, then zone; pass it as `spotPrices` to the catalogue builders
 * @throws InputError naming the file and field of a record without a zone, type, price or time, or when the
 *   file holds no Linux price at all
 * @example
 * ```ts
 * const spot = spotPricesFromHistory(JSON.parse(readFileSync("spot.json", "utf8")), { source: "spot.json" });
 * spot.get("m5.large")?.get("us-east-1a"); // 0.0346
 * const types = defaultAwsCatalog({ spotPrices: spot });
 * ```
 *
 * @category Prices
 */
export function spotPricesFromHistory(json: unknown, options: SpotPriceOptions = {}): ReadonlyMap<string, ReadonlyMap<string, number>> {
  const source = options.source;
  const list = topLevelList(json, "SpotPriceHistory", source);
  const latest = new Map<string, Map<string, { readonly time: number; readonly price: number }>>();
  list.forEach((entry: unknown, i: number) => {
    const path = ["SpotPriceHistory", i];
    checkJsonShape(entry, RECORD, path, source);
    if (entry === null || typeof entry !== "object") throw jsonInputError(source, path, "expected an object");
    const record = entry as Readonly<Record<string, unknown>>;
    const description = required(record, "ProductDescription", path, source);
    if (!AWS_SPOT_PRODUCT_DESCRIPTIONS.includes(description)) return;
    const type = required(record, "InstanceType", path, source);
    const zone = required(record, "AvailabilityZone", path, source);
    const text = required(record, "SpotPrice", path, source);
    const price = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(price))
      throw jsonInputError(source, [...path, "SpotPrice"], `expected a decimal price such as "0.0346", got ${JSON.stringify(text)}`);
    const time = timestampOf(record, path, source);
    let zones = latest.get(type);
    if (zones === undefined) latest.set(type, (zones = new Map()));
    const seen = zones.get(zone);
    if (seen === undefined || time >= seen.time) zones.set(zone, { time, price });
  });
  if (latest.size === 0) {
    throw jsonInputError(
      source,
      ["SpotPriceHistory"],
      `holds no ${AWS_SPOT_PRODUCT_DESCRIPTIONS.join(" or ")} price; query with --product-descriptions "Linux/UNIX"`,
    );
  }
  const out = new Map<string, ReadonlyMap<string, number>>();
  for (const type of [...latest.keys()].sort()) {
    const zones = latest.get(type) ?? new Map<string, { readonly price: number }>();
    out.set(type, new Map([...zones].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([zone, v]) => [zone, v.price])));
  }
  return out;
}

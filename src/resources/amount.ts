import { QuantityError, type PathSegment } from "../errors.js";
import type { QuantityInput } from "../types/kubernetes.js";
import { parseQuantity, quantityOf, type Quantity } from "./quantity.js";
import { formatQuantity } from "./quantity-format.js";
import { toDirectedNumber, type Rounding } from "./rounding.js";

/**
 * The resource whose amounts are counted in thousandths (millicores).
 *
 * @category Resources
 */
export const CPU = "cpu";

/**
 * Whether a resource is measured in bytes and reads best with binary suffixes: `memory`,
 * `ephemeral-storage`, `storage` and every `hugepages-*` size.
 *
 * @param resource - the resource name
 * @returns true for byte-sized resources
 * @category Resources
 */
export function isMemoryLikeResource(resource: string): boolean {
  return resource === "memory" || resource === "ephemeral-storage" || resource === "storage" || resource.startsWith("hugepages-");
}

/** The power of ten of one base unit: -3 (millicores) for `cpu`, 0 for everything else. */
function unitExponent(resource: string): number {
  return resource === CPU ? -3 : 0;
}

/**
 * Converts a parsed quantity to a resource's base units.
 *
 * The value is exact when it is a whole number of base units within 2^53; otherwise it is the
 * nearest float64 in the direction of `rounding` (see {@link Rounding}).
 *
 * @param resource - the resource name (`cpu` counts millicores)
 * @param quantity - the parsed quantity
 * @param rounding - `"up"` for requests (the default), `"down"` for capacities and limits
 * @returns the amount, an integer-valued finite number
 * @category Resources
 */
export function quantityAmount(resource: string, quantity: Quantity, rounding: Rounding = "up"): number {
  return toDirectedNumber(quantity.coefficient, quantity.exponent, -unitExponent(resource), rounding);
}

/**
 * Reads a manifest quantity as an amount in the resource's base units.
 *
 * `cpu` becomes millicores, every other resource whole units (bytes for memory, counts for pods
 * and extended resources). A fraction of a base unit, and an amount a float64 cannot hold
 * exactly (beyond 2^53), is rounded in the direction of `rounding`: the default `"up"` suits
 * requests (`"1.0005"` CPU → 1001); capacities, allocatable and limits read with `"down"`, so
 * that rounding never adds room. Negative values parse; callers that forbid them check the sign.
 *
 * @param resource - the resource name
 * @param input - the quantity text or number
 * @param rounding - `"up"` (the default) or `"down"`
 * @returns an integer-valued finite amount
 * @throws QuantityError naming the text when it does not parse; its `path` is `[resource]`
 * @example
 * ```ts
 * quantityToAmount("cpu", "1.5");      // 1500
 * quantityToAmount("memory", "1.5Gi"); // 1610612736
 * quantityToAmount("pods", 110);       // 110
 * quantityToAmount("memory", "10000000Gi", "down"); // 10737418240000000 (exact: a multiple of 2^30)
 * ```
 * @category Resources
 */
export function quantityToAmount(resource: string, input: QuantityInput, rounding: Rounding = "up"): number {
  return quantityAmountAt(resource, input, [resource], rounding);
}

/**
 * {@link quantityToAmount} with an explicit error path.
 *
 * @internal
 */
export function quantityAmountAt(resource: string, input: QuantityInput, path: readonly PathSegment[], rounding: Rounding = "up"): number {
  const cached = typeof input === "string" ? cachedAmount(resource, input, rounding) : undefined;
  if (cached !== undefined) return cached;
  let quantity: Quantity;
  try {
    quantity = parseQuantity(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new QuantityError(`${resource}: ${message}`, path);
  }
  const amount = quantityAmount(resource, quantity, rounding);
  if (typeof input === "string") rememberAmount(resource, input, rounding, amount);
  return amount;
}

/** Parsed amounts of quantity strings, per unit class (cpu or not) and rounding: a cluster repeats a few strings many times. */
const AMOUNTS: readonly Map<string, number>[] = [new Map(), new Map(), new Map(), new Map()];
const MAX_REMEMBERED = 4096;

function amountTable(resource: string, rounding: Rounding): Map<string, number> {
  return AMOUNTS[(resource === CPU ? 0 : 1) + (rounding === "up" ? 0 : 2)] as Map<string, number>;
}

/**
 * The amount a string parsed to before for a resource of the same unit class and rounding.
 *
 * @internal
 */
export function cachedAmount(resource: string, text: string, rounding: Rounding = "up"): number | undefined {
  return amountTable(resource, rounding).get(text);
}

function rememberAmount(resource: string, text: string, rounding: Rounding, amount: number): void {
  const table = amountTable(resource, rounding);
  if (table.size >= MAX_REMEMBERED) table.clear();
  table.set(text, amount);
}

/**
 * Formats an amount in base units the way Kubernetes prints it.
 *
 * `cpu` millicores print as DecimalSI (`1500m`, `2`); byte-sized resources print with binary
 * suffixes when the amount is a multiple of 1024 (`1536Mi`, `17Gi`) and as DecimalSI otherwise
 * (`1500M`, `1000`); counts print as DecimalSI (`110`, `1k`).
 *
 * @param resource - the resource name
 * @param amount - a finite integer-valued amount in the resource's base units (beyond 2^53 it is
 *   printed exactly as the float64 holds it)
 * @returns the canonical quantity string
 * @throws QuantityError when the amount is not a finite integer
 * @example
 * ```ts
 * formatAmount("cpu", 1500);          // "1500m"
 * formatAmount("memory", 2 ** 31);    // "2Gi"
 * formatAmount("memory", 1.5e9);      // "1500M"
 * ```
 * @category Resources
 */
export function formatAmount(resource: string, amount: number): string {
  if (!Number.isInteger(amount)) {
    throw new QuantityError(`amount ${String(amount)} of ${resource} is not a finite integer`, [resource]);
  }
  // Kubernetes caps binary quantities at 2^63 - 1, so larger amounts print in decimal to keep their value.
  const binary = isMemoryLikeResource(resource) && amount !== 0 && amount % 1024 === 0 && Math.abs(amount) < 2 ** 63;
  return formatQuantity(quantityOf(BigInt(amount), unitExponent(resource), binary ? "BinarySI" : "DecimalSI"));
}

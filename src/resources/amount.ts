import { QuantityError, type PathSegment } from "../errors.js";
import type { QuantityInput } from "../types/kubernetes.js";
import { toScaledInteger } from "./decimal.js";
import { parseQuantity, quantityOf, type Quantity } from "./quantity.js";
import { formatQuantity } from "./quantity-format.js";

/** The resource whose amounts are counted in thousandths (millicores). */
export const CPU = "cpu";
const MAX_AMOUNT = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Whether a resource is measured in bytes and reads best with binary suffixes: `memory`,
 * `ephemeral-storage`, `storage` and every `hugepages-*` size.
 *
 * @param resource - the resource name
 * @returns true for byte-sized resources
 */
export function isMemoryLikeResource(resource: string): boolean {
  return (
    resource === "memory" || resource === "ephemeral-storage" || resource === "storage" || resource.startsWith("hugepages-")
  );
}

/** The power of ten of one base unit: -3 (millicores) for `cpu`, 0 for everything else. */
function unitExponent(resource: string): number {
  return resource === CPU ? -3 : 0;
}

/**
 * Converts a parsed quantity to a resource's base units, rounding up (away from zero).
 *
 * @param resource - the resource name (`cpu` counts millicores)
 * @param quantity - the parsed quantity
 * @param path - where the value sits, for the error
 * @returns the amount as a safe integer
 * @throws QuantityError when the amount is not a safe integer (beyond 2^53 - 1 in magnitude)
 */
export function quantityAmount(resource: string, quantity: Quantity, path: readonly PathSegment[] = [resource]): number {
  return amountOrThrow(resource, quantity, path, formatQuantity(quantity));
}

function amountOrThrow(resource: string, quantity: Quantity, path: readonly PathSegment[], text: string): number {
  const amount = toScaledInteger(quantity.coefficient, quantity.exponent, -unitExponent(resource), MAX_AMOUNT);
  if (amount === undefined) {
    const unit = resource === CPU ? "millicores" : "units";
    throw new QuantityError(`quantity ${JSON.stringify(text)} of ${resource} is beyond 2^53 ${unit}`, path);
  }
  return Number(amount);
}

/**
 * Reads a manifest quantity as an amount in the resource's base units.
 *
 * `cpu` becomes millicores rounded up (`"1.0005"` → 1001); every other resource becomes whole
 * units rounded up (bytes for memory, counts for pods and extended resources). Negative values
 * parse; callers that forbid them check the sign.
 *
 * @param resource - the resource name
 * @param input - the quantity text or number
 * @returns a safe integer amount
 * @throws QuantityError naming the text when it does not parse or exceeds 2^53 base units; its
 *   `path` is `[resource]`
 * @example
 * ```ts
 * quantityToAmount("cpu", "1.5");      // 1500
 * quantityToAmount("memory", "1.5Gi"); // 1610612736
 * quantityToAmount("pods", 110);       // 110
 * ```
 */
export function quantityToAmount(resource: string, input: QuantityInput): number {
  return quantityAmountAt(resource, input, [resource]);
}

/**
 * {@link quantityToAmount} with an explicit error path.
 *
 * @internal
 */
export function quantityAmountAt(resource: string, input: QuantityInput, path: readonly PathSegment[]): number {
  const cached = typeof input === "string" ? cachedAmount(resource, input) : undefined;
  if (cached !== undefined) return cached;
  let quantity: Quantity;
  try {
    quantity = parseQuantity(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new QuantityError(`${resource}: ${message}`, path);
  }
  const amount = amountOrThrow(resource, quantity, path, String(input));
  if (typeof input === "string") rememberAmount(resource, input, amount);
  return amount;
}

/** Parsed amounts of quantity strings, per unit class (cpu or not): a cluster repeats a few strings many times. */
const AMOUNTS: readonly Map<string, number>[] = [new Map(), new Map()];
const MAX_REMEMBERED = 4096;

/**
 * The amount a string parsed to before for a resource of the same unit class.
 *
 * @internal
 */
export function cachedAmount(resource: string, text: string): number | undefined {
  return (AMOUNTS[resource === CPU ? 0 : 1] as Map<string, number>).get(text);
}

function rememberAmount(resource: string, text: string, amount: number): void {
  const table = AMOUNTS[resource === CPU ? 0 : 1] as Map<string, number>;
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
 * @param amount - a safe integer in the resource's base units
 * @returns the canonical quantity string
 * @throws QuantityError when the amount is not a safe integer
 * @example
 * ```ts
 * formatAmount("cpu", 1500);          // "1500m"
 * formatAmount("memory", 2 ** 31);    // "2Gi"
 * formatAmount("memory", 1.5e9);      // "1500M"
 * ```
 */
export function formatAmount(resource: string, amount: number): string {
  if (!Number.isSafeInteger(amount)) {
    throw new QuantityError(`amount ${String(amount)} of ${resource} is not a safe integer`, [resource]);
  }
  const binary = isMemoryLikeResource(resource) && amount !== 0 && amount % 1024 === 0;
  return formatQuantity(quantityOf(BigInt(amount), unitExponent(resource), binary ? "BinarySI" : "DecimalSI"));
}

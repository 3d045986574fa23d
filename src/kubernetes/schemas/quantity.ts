import { quantityToAmount } from "nodefit";
import { MAX_QUANTITY_LENGTH } from "nodefit";
import { showValue } from "../show-value.js";

// The Kubernetes quantity grammar: signed decimal number, then one binary, decimal or exponent suffix.
// Written so that each character has one way to match (no nested or adjacent digit runs), which keeps
// matching linear in the string's length.
const QUANTITY = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;

/**
 * Why a value is not a usable resource quantity for `resource`, or undefined when it is one.
 * Negative amounts are refused, as the API server refuses negative requests and limits.
 *
 * @param resource - the resource name (decides the unit, e.g. milli-CPU for `cpu`)
 * @param value - the value as found in the manifest
 * @returns a message fragment (`"abc" is not a quantity`) or undefined
 * @internal
 */
export function quantityProblem(resource: string, value: unknown): string | undefined {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN is not a quantity";
    // YAML reads an unquoted 1e400 as a float, which overflows to Infinity before nodefit sees it.
    if (!Number.isFinite(value)) return `${showValue(value)} is not a quantity: the number is beyond the largest float (quote it to keep it as written)`;
  } else if (typeof value === "string") {
    if (value.length > MAX_QUANTITY_LENGTH) {
      return `a quantity of ${value.length} characters is longer than the limit of ${MAX_QUANTITY_LENGTH} (MAX_QUANTITY_LENGTH): ${showValue(value.slice(0, 20))}...`;
    }
    if (!QUANTITY.test(value)) return `${showValue(value)} is not a quantity`;
  } else {
    return `${showValue(value)} is not a quantity (expected a string or a number)`;
  }
  let amount: number;
  try {
    amount = quantityToAmount(resource, value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `${showValue(value)} is not a usable quantity: ${reason}`;
  }
  if (amount < 0) return `${showValue(value)} must not be negative`;
  return undefined;
}

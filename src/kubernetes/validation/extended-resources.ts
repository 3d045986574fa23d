import { parseQuantity } from "nodefit";
import { showValue } from "../show-value.js";

/**
 * Whether a resource name is an extended resource (a device such as `nvidia.com/gpu`), as Kubernetes
 * decides it: it has a domain prefix outside `kubernetes.io/`, and is not a quota name (`requests.`).
 *
 * @param name - the resource name
 * @returns true for an extended resource
 */
export function isExtendedResourceName(name: string): boolean {
  return name.includes("/") && !name.includes("kubernetes.io/") && !name.startsWith("requests.");
}

/**
 * Why a quantity of an extended resource would be refused by the API server, or undefined: extended
 * resources come in whole units (`"0.5"` of a GPU is refused, not rounded up). Quantities that do not
 * parse are left to the quantity check.
 *
 * @param name - the resource name
 * @param quantity - the quantity as written
 * @returns the reason, or undefined
 */
export function extendedResourceProblem(name: string, quantity: unknown): string | undefined {
  if (!isExtendedResourceName(name) || (typeof quantity !== "string" && typeof quantity !== "number")) return undefined;
  let whole: boolean;
  try {
    const q = parseQuantity(quantity);
    whole = q.exponent >= 0 || q.coefficient % 10n ** BigInt(-q.exponent) === 0n;
  } catch {
    return undefined;
  }
  return whole ? undefined : `${showValue(quantity)} of the extended resource ${showValue(name)} is not a whole number; extended resources come in whole units`;
}

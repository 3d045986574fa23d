import { absBig, compareMagnitude, pow10 } from "./decimal.js";
import type { Quantity } from "./quantity.js";

const DECIMAL_SUFFIX_BY_POWER: ReadonlyMap<number, string> = new Map([
  [-9, "n"],
  [-6, "u"],
  [-3, "m"],
  [0, ""],
  [3, "k"],
  [6, "M"],
  [9, "G"],
  [12, "T"],
  [15, "P"],
  [18, "E"],
]);
const BINARY_SUFFIXES: readonly string[] = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
/** Binary output needs the integer value; beyond this many digits it cannot be a capped binary value. */
const MAX_BINARY_EXPONENT = 40;

/** Mantissa and exponent with the exponent lowered to a multiple of three (no precision lost). */
function engineering(magnitude: bigint, exponent: number): readonly [bigint, number] {
  const excess = ((exponent % 3) + 3) % 3;
  return [magnitude * pow10(excess), exponent - excess];
}

function decimalSI(magnitude: bigint, exponent: number): string {
  const [mantissa, power] = engineering(magnitude, exponent);
  // Kubernetes has no suffix above E (10^18) and would print the bare mantissa, losing the
  // magnitude; writing the excess into the mantissa keeps the value and still parses back.
  if (power > 18) return `${mantissa * pow10(power - 18)}E`;
  return `${mantissa}${DECIMAL_SUFFIX_BY_POWER.get(power) ?? ""}`;
}

function decimalExponent(magnitude: bigint, exponent: number): string {
  const [mantissa, power] = engineering(magnitude, exponent);
  return power === 0 ? `${mantissa}` : `${mantissa}e${power}`;
}

/** The largest exact 1024-power form, or undefined when binary output does not apply. */
function binarySI(magnitude: bigint, exponent: number): string | undefined {
  if (exponent < 0 || exponent > MAX_BINARY_EXPONENT) return undefined;
  if (compareMagnitude(magnitude, exponent, 1023n) <= 0) return undefined;
  let value = magnitude * pow10(exponent);
  let power = 0;
  while (power < BINARY_SUFFIXES.length - 1 && value % 1024n === 0n) {
    value /= 1024n;
    power += 1;
  }
  return `${value}${BINARY_SUFFIXES[power] ?? ""}`;
}

/**
 * Formats a quantity in Kubernetes' canonical form, as `kubectl` prints it.
 *
 * No precision is lost, no fraction is written, the exponent or suffix is as large as possible,
 * and the sign appears only when negative. DecimalSI and DecimalExponent use exponents that are
 * multiples of three (`1.5` → `1500m`, `1000m` → `1`, `1e3` stays `1e3`); BinarySI uses the largest
 * exact power of 1024 (`1.5Gi` → `1536Mi`, `1024Mi` → `1Gi`) and falls back to DecimalSI when the
 * value is below 1024 in magnitude or not an integer (`1025` stays `1025`, `0.5Ki` → `512`).
 *
 * One deliberate difference: above `E` Kubernetes prints the bare mantissa (`1000E` → `1`); this
 * prints `1000E`, which keeps the value.
 *
 * @param quantity - a parsed quantity
 * @returns the canonical string
 * @example
 * ```ts
 * formatQuantity(parseQuantity("307200Ki")); // "300Mi"
 * formatQuantity(parseQuantity("0.5"));      // "500m"
 * ```
 * @category Resources
 */
export function formatQuantity(quantity: Quantity): string {
  const { coefficient, exponent, format } = quantity;
  if (coefficient === 0n) return "0";
  const sign = coefficient < 0n ? "-" : "";
  const magnitude = absBig(coefficient);
  if (format === "DecimalExponent") return sign + decimalExponent(magnitude, exponent);
  if (format === "BinarySI") {
    const binary = binarySI(magnitude, exponent);
    if (binary !== undefined) return sign + binary;
  }
  return sign + decimalSI(magnitude, exponent);
}

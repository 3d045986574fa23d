import { QuantityError } from "../errors.js";
import type { QuantityInput } from "../types/kubernetes.js";
import { absBig, compareMagnitude, stripZeros, toScaledInteger } from "./decimal.js";

/**
 * How a quantity is written, remembered from parsing so that formatting keeps it: `BinarySI`
 * (`Ki`…`Ei`), `DecimalSI` (`n`…`E` and no suffix) or `DecimalExponent` (`1e3`).
 * @category Resources
 */
export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

/**
 * An exact Kubernetes quantity: `coefficient × 10^exponent` in its remembered format.
 *
 * Values are already rounded up (away from zero) to whole nano units, as Kubernetes does on
 * parsing. The coefficient carries no trailing zeros (zero is `0n × 10^0`), so two quantities
 * with the same value and format are structurally equal.
 * @category Resources
 */
export interface Quantity {
  readonly format: QuantityFormat;
  /** The signed integer coefficient. */
  readonly coefficient: bigint;
  /** The power of ten; at least -9 for parsed quantities. */
  readonly exponent: number;
}

/** Kubernetes' `<signedNumber><suffix>` scan: sign, digits, optional fraction, then the suffix. */
const QUANTITY_SHAPE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*[+-]?[0-9]*)$/;
/** The longest quantity string accepted. */
const MAX_QUANTITY_TEXT = 256;
const EXPONENT_SUFFIX = /^[eE]([+-]?[0-9]+)$/;
const DECIMAL_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ["n", -9],
  ["u", -6],
  ["m", -3],
  ["", 0],
  ["k", 3],
  ["M", 6],
  ["G", 9],
  ["T", 12],
  ["P", 15],
  ["E", 18],
]);
const BINARY_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ["Ki", 10],
  ["Mi", 20],
  ["Gi", 30],
  ["Ti", 40],
  ["Pi", 50],
  ["Ei", 60],
]);
const INT32_MAX = 2 ** 31 - 1;
/** Kubernetes caps binary quantities at the int64 maximum. */
const BINARY_MAX = 2n ** 63n - 1n;

interface Suffix {
  readonly base: 2 | 10;
  readonly power: number;
  readonly format: QuantityFormat;
}

function interpretSuffix(suffix: string): Suffix | undefined {
  const decimal = DECIMAL_SUFFIXES.get(suffix);
  if (decimal !== undefined) return { base: 10, power: decimal, format: "DecimalSI" };
  const binary = BINARY_SUFFIXES.get(suffix);
  if (binary !== undefined) return { base: 2, power: binary, format: "BinarySI" };
  const exponent = EXPONENT_SUFFIX.exec(suffix)?.[1];
  if (exponent === undefined) return undefined;
  const power = Number(exponent);
  // Go reads the exponent as int64 and silently wraps it to int32; refusing is the honest choice.
  if (!Number.isSafeInteger(power) || Math.abs(power) > INT32_MAX) return undefined;
  return { base: 10, power, format: "DecimalExponent" };
}

function invalid(text: string, why: string): QuantityError {
  return new QuantityError(`invalid quantity ${JSON.stringify(text)}: ${why}`);
}

/** Renders a YAML/JSON number the way it is written, refusing NaN and infinities. */
function inputText(input: QuantityInput): string {
  if (typeof input === "string") return input;
  if (typeof input !== "number" || !Number.isFinite(input)) {
    throw invalid(String(input), "not a finite number or a quantity string");
  }
  return String(input);
}

/**
 * Rounds away from zero to whole nano units, caps binary values at 2^63-1 and demotes binary
 * values below one to DecimalSI, as Kubernetes' parser does.
 */
function settle(negative: boolean, magnitude: bigint, exponent: number, format: QuantityFormat): Quantity {
  let c = magnitude;
  let e = exponent;
  if (c !== 0n && e < -9) {
    // Anything below one nano becomes one nano: asking for some resource gets some resource.
    c = toScaledInteger(c, e, 9, c) ?? 1n;
    e = -9;
  }
  let f = format;
  if (f === "BinarySI" && compareMagnitude(c, e, BINARY_MAX) > 0) {
    c = BINARY_MAX;
    e = 0;
  }
  if (f === "BinarySI" && c !== 0n && compareMagnitude(c, e, 1n) < 0) f = "DecimalSI";
  const [coefficient, normalised] = stripZeros(negative ? -c : c, e);
  return { format: f, coefficient, exponent: normalised };
}

/**
 * Parses a Kubernetes resource quantity exactly, with apimachinery's grammar and rounding.
 *
 * Accepts an optional sign, digits with an optional fraction (`1.5`, `.5`, `1.`), then one
 * case-sensitive suffix: decimal `n u m k M G T P E`, binary `Ki Mi Gi Ti Pi Ei`, or an exponent
 * `e3` / `E-3` / `e+3`. Numbers (YAML `cpu: 1`) are read as their shortest decimal text. Like
 * apimachinery, a number part with no digits reads as zero (`"-"`, `"m"`).
 *
 * @param input - the quantity as it appears in a manifest
 * @returns the exact value in its remembered format
 * @throws QuantityError when the text is not a quantity (the message quotes it)
 * @example
 * ```ts
 * parseQuantity("1.5Gi"); // { format: "BinarySI", coefficient: 1610612736n, exponent: 0 }
 * parseQuantity("500m");  // { format: "DecimalSI", coefficient: 5n, exponent: -1 }
 * ```
 * @category Resources
 */
export function parseQuantity(input: QuantityInput): Quantity {
  const text = inputText(input);
  if (text === "") throw invalid(text, "empty string");
  // No real quantity comes near this; the cap also keeps the pattern's backtracking cheap on hostile input.
  if (text.length > MAX_QUANTITY_TEXT) throw invalid(`${text.slice(0, 32)}…`, `longer than ${MAX_QUANTITY_TEXT} characters`);
  const match = QUANTITY_SHAPE.exec(text);
  if (match === null) throw invalid(text, "expected <number><suffix>");
  const [, sign = "", whole = "", fraction = "", suffixText = ""] = match;
  const suffix = interpretSuffix(suffixText);
  if (suffix === undefined) throw invalid(text, `unknown suffix ${JSON.stringify(suffixText)}`);
  const digits = BigInt(`${whole}${fraction}` === "" ? "0" : `${whole}${fraction}`);
  if (suffix.base === 10) {
    return settle(sign === "-", digits, suffix.power - fraction.length, suffix.format);
  }
  return settle(sign === "-", digits * 2n ** BigInt(suffix.power), 0 - fraction.length, suffix.format);
}

/**
 * Builds a quantity from an integer count of `10^exponent` units, e.g. millicores with exponent -3.
 *
 * @param units - the signed integer amount
 * @param exponent - the power of ten of one unit
 * @param format - the format to remember
 * @returns the normalised quantity
 * @category Resources
 */
export function quantityOf(units: bigint, exponent: number, format: QuantityFormat): Quantity {
  return settle(units < 0n, absBig(units), exponent, format);
}

/**
 * Whether two quantities have the same value (formats may differ).
 *
 * @param a - one quantity
 * @param b - another quantity
 * @returns true when `a` and `b` denote the same number
 * @category Resources
 */
export function quantitiesEqual(a: Quantity, b: Quantity): boolean {
  return a.coefficient === b.coefficient && a.exponent === b.exponent;
}

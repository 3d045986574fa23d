/**
 * fast-check arbitraries for Kubernetes quantities and resource lists. Resource names come from a
 * small pool (including names that are awkward as object keys) so that generated lists overlap.
 *
 * @module
 */
import fc from "fast-check";
import { formatAmount, formatQuantity, parseQuantity, quantityOf, type Quantity, type QuantityFormat, type ResourceList } from "nodefit";

const FORMATS: readonly QuantityFormat[] = ["DecimalSI", "BinarySI", "DecimalExponent"];
const DECIMAL_SUFFIXES: readonly string[] = ["n", "u", "m", "", "k", "M", "G", "T", "P", "E"];
const BINARY_SUFFIXES: readonly string[] = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

/** Resource names: the well-known ones, an extended resource, and keys that break plain objects. */
export const RESOURCE_NAMES: readonly string[] = ["cpu", "memory", "pods", "ephemeral-storage", "hugepages-2Mi", "nvidia.com/gpu", "__proto__", "constructor"];

/** A resource name from {@link RESOURCE_NAMES}. */
export const arbResourceName: fc.Arbitrary<string> = fc.constantFrom(...RESOURCE_NAMES);

/** A quantity format. */
export const arbQuantityFormat: fc.Arbitrary<QuantityFormat> = fc.constantFrom(...FORMATS);

/**
 * A valid quantity string in any spelling Kubernetes accepts: optional sign, digits with or
 * without a fraction (`1.5`, `.5`, `1.`), and a decimal, binary or exponent suffix.
 *
 * @returns an arbitrary of quantity strings that `parseQuantity` accepts
 * @example
 * ```ts
 * fc.assert(fc.property(arbQuantityString(), (s) => parseQuantity(s) !== undefined));
 * ```
 */
export function arbQuantityString(): fc.Arbitrary<string> {
  const digits = fc.stringMatching(/^[0-9]{1,12}$/);
  const number = fc.oneof(
    digits,
    fc.tuple(digits, fc.stringMatching(/^[0-9]{0,9}$/)).map(([a, b]) => `${a}.${b}`),
    fc.stringMatching(/^[0-9]{1,9}$/).map((b) => `.${b}`),
  );
  const suffix = fc.oneof(
    fc.constantFrom(...DECIMAL_SUFFIXES, ...BINARY_SUFFIXES),
    fc.tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "+", "-"), fc.integer({ min: 0, max: 24 })).map(([e, sign, power]) => `${e}${sign}${power}`),
  );
  return fc.tuple(fc.constantFrom("", "", "-", "+"), number, suffix).map(([sign, n, s]) => `${sign}${n}${s}`);
}

/**
 * A quantity value: an integer coefficient times a power of ten from nano (-9) up, in any format.
 *
 * @param options - `maxDigits` bounds the coefficient (default 15); `signed` allows negatives
 * @returns an arbitrary of normalised quantities
 */
export function arbQuantity(options: { readonly maxDigits?: number; readonly signed?: boolean } = {}): fc.Arbitrary<Quantity> {
  const max = 10n ** BigInt(options.maxDigits ?? 15) - 1n;
  const coefficient = fc.bigInt({ min: options.signed === false ? 0n : -max, max });
  return fc.tuple(coefficient, fc.integer({ min: -9, max: 21 }), arbQuantityFormat).map(([c, e, format]) => quantityOf(c, e, format));
}

/**
 * A canonical quantity string: one that `formatQuantity(parseQuantity(s))` maps to itself.
 *
 * Printing a value once is not always enough: a BinarySI value that is not a multiple of 1024
 * prints as bare digits (`10000`), which then read back as DecimalSI and print as `10k`, exactly
 * as in Kubernetes. Printing the re-read value gives the fixed point.
 *
 * @returns an arbitrary of canonical strings
 */
export function arbCanonicalQuantityString(): fc.Arbitrary<string> {
  return arbQuantity().map((q) => formatQuantity(parseQuantity(formatQuantity(q))));
}

/**
 * An amount in base units for a resource list: non-negative and small enough that sums of a
 * few dozen stay safe integers.
 */
export const arbAmount: fc.Arbitrary<number> = fc.integer({ min: 0, max: 2 ** 40 });

/**
 * A resource list over {@link RESOURCE_NAMES} with non-negative amounts (zeros included).
 *
 * @param amount - the arbitrary for each amount (default {@link arbAmount})
 * @returns an arbitrary of resource lists
 */
export function arbResourceList(amount: fc.Arbitrary<number> = arbAmount): fc.Arbitrary<ResourceList> {
  return fc
    .uniqueArray(fc.tuple(arbResourceName, amount), { selector: ([name]) => name, maxLength: RESOURCE_NAMES.length })
    .map((entries): ResourceList => new Map(entries));
}

/**
 * A `{ resource: quantity }` map as a manifest writes it, with canonical quantity strings for
 * non-negative amounts. Built with `Object.fromEntries`, so `__proto__` is an own key.
 *
 * @param amount - the arbitrary for each amount in base units (default {@link arbAmount})
 * @returns an arbitrary of resource maps
 */
export function arbResourceMap(amount: fc.Arbitrary<number> = arbAmount): fc.Arbitrary<Readonly<Record<string, string>>> {
  return fc
    .uniqueArray(
      fc.tuple(arbResourceName, amount).map(([name, value]) => [name, formatAmount(name, value)] as const),
      { selector: ([name]) => name, maxLength: 4 },
    )
    .map((entries) => Object.fromEntries(entries));
}

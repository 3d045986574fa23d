/**
 * Brands: how nodefit recognises its own objects across module copies. An application that loads nodefit
 * twice (once through `require`, once through `import`, or two versions in one bundle) has two
 * `InstanceTypeIndex` classes, and `instanceof` fails across them. A brand is a property keyed by a symbol from
 * the global registry (`Symbol.for`), which every copy shares, carrying the kind's name and the brand's
 * version; a kind whose shape changes bumps its version so an old copy's object is refused, not misread.
 *
 * @module
 * @internal
 */

const BRAND: unique symbol = Symbol.for("nodefit.brand") as never;

/** Objects that carry a brand. */
interface Branded {
  readonly [BRAND]?: string;
}

/**
 * Marks `value` as a `kind` (version `version`), as a non-enumerable, read-only property: JSON, spreading and
 * structural equality do not see it.
 *
 * @param value - a freshly built object (call it in the constructor)
 * @param kind - the kind's name, e.g. `InstanceTypeIndex`
 * @param version - the kind's shape version (default 1)
 * @returns the same object
 * @internal
 */
export function brand<T extends object>(value: T, kind: string, version = 1): T {
  Object.defineProperty(value, BRAND, { value: `${kind}@${version}`, enumerable: false, writable: false, configurable: false });
  return value;
}

/**
 * Whether `value` was branded as `kind` at this version, by this or any other copy of nodefit.
 *
 * @param value - anything
 * @param kind - the kind's name
 * @param version - the kind's shape version (default 1)
 * @returns true for a branded object of that kind and version
 * @internal
 */
export function hasBrand(value: unknown, kind: string, version = 1): boolean {
  return typeof value === "object" && value !== null && (value as Branded)[BRAND] === `${kind}@${version}`;
}

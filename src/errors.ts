/**
 * A step in the path to a bad field: an object key or an array index.
 *
 * @category Errors
 */
export type PathSegment = string | number;

/**
 * The documented kinds of {@link NodefitError}, stable across versions:
 *
 * - `invalid-input`: a manifest, NodePool, node, catalogue entry or option that nodefit refuses (the path and
 *   message name the file, document and field);
 * - `invalid-quantity`: a string that is not a Kubernetes quantity, or one out of range;
 * - `invalid-requirement`: a label requirement that Kubernetes or Karpenter would reject.
 * @category Errors
 */
export type NodefitErrorCode = "invalid-input" | "invalid-quantity" | "invalid-requirement";

/**
 * The one error type nodefit throws for invalid input. Tell kinds apart by {@link NodefitError.code},
 * never by `instanceof`, so two copies of the package (ESM and CJS) still agree. When the error wraps
 * another (a YAML parser's, a file system's), that one is the standard `cause`.
 * @category Errors
 */
export class NodefitError extends Error {
  /** A stable, machine-readable kind, e.g. `invalid-quantity`. */
  readonly code: NodefitErrorCode;
  /** Where the bad value sits inside the input, outermost first. Empty when unknown. */
  readonly path: readonly PathSegment[];

  /**
   * @param code - the kind
   * @param message - what is wrong, naming the bad value
   * @param path - where it sits
   * @param options - `cause`: the error this one wraps
   */
  constructor(code: NodefitErrorCode, message: string, path: readonly PathSegment[] = [], options?: ErrorOptions) {
    super(message, options);
    this.name = "NodefitError";
    this.code = code;
    this.path = path;
  }
}

/**
 * A string that is not a Kubernetes quantity, or one out of range.
 *
 * @category Errors
 */
export class QuantityError extends NodefitError {
  constructor(message: string, path: readonly PathSegment[] = [], options?: ErrorOptions) {
    super("invalid-quantity", message, path, options);
    this.name = "QuantityError";
  }
}

/**
 * A label requirement that Kubernetes or Karpenter would reject.
 *
 * @category Errors
 */
export class RequirementError extends NodefitError {
  constructor(message: string, path: readonly PathSegment[] = [], options?: ErrorOptions) {
    super("invalid-requirement", message, path, options);
    this.name = "RequirementError";
  }
}

/**
 * Any other invalid input (a NodePool, a node, a catalogue entry).
 *
 * @category Errors
 */
export class InputError extends NodefitError {
  constructor(message: string, path: readonly PathSegment[] = [], options?: ErrorOptions) {
    super("invalid-input", message, path, options);
    this.name = "InputError";
  }
}

/**
 * Renders a path as `a.b[0].c`, the way error messages quote a field.
 *
 * @param path - the path segments, outermost first
 * @returns the dotted path, or an empty string for an empty path
 * @category Errors
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}

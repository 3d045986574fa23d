/** A step in the path to a bad field: an object key or an array index. */
export type PathSegment = string | number;

/**
 * The one error type nodefit throws for invalid input. Tell kinds apart by {@link NodefitError.code},
 * never by `instanceof`, so two copies of the package (ESM and CJS) still agree.
 */
export class NodefitError extends Error {
  /** A stable, machine-readable kind, e.g. `invalid-quantity`. */
  readonly code: string;
  /** Where the bad value sits inside the input, outermost first. Empty when unknown. */
  readonly path: readonly PathSegment[];

  constructor(code: string, message: string, path: readonly PathSegment[] = []) {
    super(message);
    this.name = "NodefitError";
    this.code = code;
    this.path = path;
  }
}

/** A string that is not a Kubernetes quantity, or one out of range. */
export class QuantityError extends NodefitError {
  constructor(message: string, path: readonly PathSegment[] = []) {
    super("invalid-quantity", message, path);
    this.name = "QuantityError";
  }
}

/** A label requirement that Kubernetes or Karpenter would reject. */
export class RequirementError extends NodefitError {
  constructor(message: string, path: readonly PathSegment[] = []) {
    super("invalid-requirement", message, path);
    this.name = "RequirementError";
  }
}

/** Any other invalid input (a NodePool, a node, a catalogue entry). */
export class InputError extends NodefitError {
  constructor(message: string, path: readonly PathSegment[] = []) {
    super("invalid-input", message, path);
    this.name = "InputError";
  }
}

/**
 * Renders a path as `a.b[0].c`, the way error messages quote a field.
 *
 * @param path - the path segments, outermost first
 * @returns the dotted path, or an empty string for an empty path
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}

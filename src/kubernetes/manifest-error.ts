import { InputError, formatPath } from "nodefit";
import type { PathSegment } from "nodefit";
import { cutText } from "./show-value.js";

/** The longest message one problem's line quotes; the full message stays in {@link ManifestProblem}. */
const MESSAGE_CHARACTERS = 1_000;

/**
 * Where a document came from and what it is, as far as known, for error messages.
 *
 * @category Errors
 */
export interface DocumentLabel {
  /** The file it was read from. */
  readonly file?: string | undefined;
  /** Its position, counting from 1 (in its file when read from one); absent for a whole-file problem. */
  readonly index?: number | undefined;
  readonly kind?: string | undefined;
  /** Set for namespaced kinds (defaulted to `default`), absent for cluster-scoped ones. */
  readonly namespace?: string | undefined;
  readonly name?: string | undefined;
}

/**
 * One problem found in one document.
 *
 * @category Errors
 */
export interface ManifestProblem {
  readonly document: DocumentLabel;
  /** The bad field inside the document, outermost first; empty for the document as a whole. */
  readonly path: readonly PathSegment[];
  /** What is wrong, e.g. `"abc" is not a quantity`. */
  readonly message: string;
  /** For a syntax error: where in the file, counting lines and columns from 1. */
  readonly position?: { readonly line: number; readonly column: number } | undefined;
}

/**
 * Describes a document as `file: document N (Kind namespace/name)`.
 *
 * @param label - what is known about the document
 * @returns the description used at the start of an error line
 * @internal
 */
export function describeDocument(label: DocumentLabel): string {
  const file = label.file === undefined ? undefined : cutText(label.file, 1_000);
  const parts = [file, label.index === undefined ? undefined : `document ${label.index}`].filter((p) => p !== undefined);
  const where = parts.length === 0 ? "input" : parts.join(": ");
  if (label.kind === undefined) return where;
  const name = label.name === undefined ? undefined : cutText(label.name);
  const id = name === undefined ? "" : label.namespace === undefined ? ` ${name}` : ` ${cutText(label.namespace)}/${name}`;
  return `${where} (${cutText(label.kind)}${id})`;
}

/**
 * Renders one problem as one line: document, field path, message. Long names, keys and messages are
 * cut (see {@link cutText}), so a line stays a line whatever the input holds.
 *
 * @param problem - the problem
 * @returns e.g. `web.yaml: document 2 (Deployment default/web): spec.replicas: expected an integer, got "x"`
 * @internal
 */
export function formatProblem(problem: ManifestProblem): string {
  const path = formatPath(problem.path.map((segment) => (typeof segment === "string" ? cutText(segment) : segment)));
  const at = problem.position === undefined ? "" : `line ${problem.position.line}, column ${problem.position.column}: `;
  return `${describeDocument(problem.document)}: ${at}${path === "" ? "" : `${path}: `}${cutText(problem.message, MESSAGE_CHARACTERS)}`;
}

/**
 * Invalid Kubernetes input: every problem found, one per line in the message, and as data in
 * {@link ManifestError.problems}. Its `code` is `invalid-input`, like every {@link InputError}; its
 * `path` is the first problem's field path.
 *
 * @category Errors
 */
export class ManifestError extends InputError {
  /** Every problem found, in document order. */
  readonly problems: readonly ManifestProblem[];

  constructor(problems: readonly ManifestProblem[]) {
    super(problems.map(formatProblem).join("\n"), problems[0]?.path ?? []);
    this.name = "ManifestError";
    this.problems = problems;
  }
}

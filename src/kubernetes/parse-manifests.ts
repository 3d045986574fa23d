import { parseAllDocuments } from "yaml";
import { ManifestError } from "./manifest-error.js";
import type { ManifestProblem } from "./manifest-error.js";
import { plainData } from "./plain-data.js";
import type { KubernetesDocument } from "./types.js";

/** The outcome of parsing one file's text: its documents, or what is wrong with it. */
export interface ParsedManifests {
  readonly documents: readonly KubernetesDocument[];
  readonly problems: readonly ManifestProblem[];
}

/**
 * Parses one file's text (YAML, multi-document YAML, or JSON) into documents without throwing.
 * Empty documents (`---` with nothing after it) are skipped but keep their place in the numbering,
 * so "document 3" is the third document of the file.
 *
 * @param text - the file's content
 * @param file - the file name, for messages
 * @returns the documents and the problems (syntax errors with line and column; an empty file)
 * @internal
 */
export function parseManifestText(text: string, file: string): ParsedManifests {
  const documents: KubernetesDocument[] = [];
  const problems: ManifestProblem[] = [];
  if (typeof text !== "string") return { documents, problems: [{ document: { file }, path: [], message: `expected the file's text, got ${typeof text}` }] };
  parseAllDocuments(text).forEach((document, i) => {
    const label = { file, index: i + 1 };
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        const at = error.linePos?.[0];
        // yaml appends " at line L, column C:" and a code excerpt; nodefit states the position itself.
        const reason = error.message.split(/ at line \d+, column \d+/)[0] ?? error.message;
        problems.push({
          document: label,
          path: [],
          message: reason,
          ...(at === undefined ? {} : { position: { line: at.line, column: at.col } }),
        });
      }
      return;
    }
    let object: unknown;
    try {
      object = document.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      problems.push({ document: label, path: [], message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (object === null || object === undefined) return;
    // Depth and string length are checked here too, so a file past a limit fails with its name even
    // when the caller never passes it on.
    const checked = plainData(object);
    if (!checked.ok) {
      problems.push({ document: label, path: checked.problem.path, message: checked.problem.message });
      return;
    }
    documents.push({ object, file, index: i + 1 });
  });
  if (documents.length === 0 && problems.length === 0) problems.push({ document: { file }, path: [], message: "is empty: it holds no Kubernetes object" });
  return { documents, problems };
}

/**
 * Parses one file's text (YAML, multi-document YAML, or JSON) into documents, for
 * {@link fromKubernetes}. Pure: usable in a browser with text from anywhere.
 *
 * @param text - the file's content
 * @param file - the file name, quoted in messages
 * @returns the non-empty documents, each with its file and position (from 1)
 * @throws ManifestError on a syntax error (with line and column) or when the text holds no document
 * @example
 * ```ts
 * const input = fromKubernetes(parseManifests("apiVersion: v1\nkind: Node\nmetadata: { name: a }\n", "nodes.yaml"));
 * ```
 */
export function parseManifests(text: string, file: string): KubernetesDocument[] {
  const { documents, problems } = parseManifestText(text, file);
  if (problems.length > 0) throw new ManifestError(problems);
  return [...documents];
}

import { MAX_YAML_ALIASES } from "nodefit";
import { Composer, LineCounter, Parser, isAlias, visit } from "yaml";
import type { Document } from "yaml";
import { fastManifestText } from "./fast-parse.js";
import { ManifestError } from "./manifest-error.js";
import type { ManifestProblem } from "./manifest-error.js";
import { plainData } from "./plain-data.js";
import type { KubernetesDocument } from "./types.js";

/** The outcome of parsing one file's text: its documents, or what is wrong with it. */
export interface ParsedManifests {
  readonly documents: readonly KubernetesDocument[];
  readonly problems: readonly ManifestProblem[];
}

/** Whether the document holds more anchors (`&a`) and aliases (`*a`) than {@link MAX_YAML_ALIASES}. */
function tooManyAliases(document: Document.Parsed): boolean {
  let count = 0;
  visit(document, {
    Node(_key, node) {
      if (isAlias(node) || (node as { readonly anchor?: unknown }).anchor !== undefined) count++;
      return count > MAX_YAML_ALIASES ? visit.BREAK : undefined;
    },
  });
  return count > MAX_YAML_ALIASES;
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
  // Most files are JSON or plain block YAML, which a fast reader reads exactly as the YAML reader below;
  // its documents are checked against the limits without the throw-away copy the reader below makes.
  const fast = fastManifestText(text, file);
  if (fast !== undefined) return fast;
  // One document at a time, so each document's syntax tree is dropped once it is read: parsing all
  // of a 130,000-document file first held 1 GB of trees (21 s); streaming holds the objects only.
  const lines = new LineCounter();
  let index = 0;
  for (const document of new Composer().compose(new Parser(lines.addNewLine).parse(text))) {
    index++;
    readDocument(document, { file, index }, lines, documents, problems);
  }
  if (documents.length === 0 && problems.length === 0) problems.push({ document: { file }, path: [], message: "is empty: it holds no Kubernetes object" });
  return { documents, problems };
}

/** Reads one parsed YAML document into `documents`, or its problems into `problems`. */
function readDocument(
  document: Document.Parsed,
  label: { readonly file: string; readonly index: number },
  lines: LineCounter,
  documents: KubernetesDocument[],
  problems: ManifestProblem[],
): void {
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const at = lines.linePos(error.pos[0]);
      problems.push({ document: label, path: [], message: error.message, position: { line: at.line, column: at.col } });
    }
    return;
  }
  let object: unknown;
  try {
    // Counted before toJS: the YAML reader resolves each alias by scanning every anchor and alias
    // before it. What the aliases expand to is counted by plainData (MAX_DOCUMENT_VALUES).
    if (tooManyAliases(document)) {
      problems.push({
        document: label,
        path: [],
        message: `holds more than ${MAX_YAML_ALIASES.toLocaleString("en-US")} YAML anchors and aliases (MAX_YAML_ALIASES)`,
      });
      return;
    }
    // yaml's own check (maxAliasCount) counts, per anchor, its references times the aliases nested in it,
    // not the size they expand to: 999 references to one 20,000-item list pass it. The size is plainData's.
    object = document.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    problems.push({ document: label, path: [], message: error instanceof Error ? error.message : String(error) });
    return;
  }
  if (object === null || object === undefined) return;
  // Depth, size and string length are checked here too, so a file past a limit fails with its name
  // even when the caller never passes it on.
  const checked = plainData(object);
  if (!checked.ok) {
    problems.push({ document: label, path: checked.problem.path, message: checked.problem.message });
    return;
  }
  documents.push({ object, file: label.file, index: label.index });
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
 *
 * @category Manifests
 */
export function parseManifests(text: string, file: string): KubernetesDocument[] {
  const { documents, problems } = parseManifestText(text, file);
  if (problems.length > 0) throw new ManifestError(problems);
  return [...documents];
}

import { readFile, readdir, readlink, realpath, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { InputLimits } from "./input-limits.js";
import { ManifestError } from "./manifest-error.js";
import type { ManifestProblem } from "./manifest-error.js";
import type { ParsedManifests } from "./parse-manifests.js";
import type { KubernetesDocument } from "./types.js";
import { decodeUtf8 } from "./utf8.js";

const MANIFEST_EXTENSIONS: ReadonlySet<string> = new Set([".yaml", ".yml", ".json"]);

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Appends one by one: spreading a long list into `push` overflows the stack (130,000 documents did). */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Why a folder entry that `stat` cannot follow is unreadable: most often a link to a missing target. */
async function unreadable(path: string, error: unknown): Promise<string> {
  if ((error as { code?: unknown }).code === "ENOENT") {
    try {
      return `is a symbolic link to ${JSON.stringify(await readlink(path))}, which does not exist`;
    } catch {
      // Not a link after all (removed while reading): the original error says what happened.
    }
  }
  return `cannot be read: ${reason(error)}`;
}

/**
 * The manifest files under a folder, recursively, in name order; symlinked folders are visited once.
 * Hidden entries (names starting with `.`: `.git`, editor lock files `.#x.yaml`, swap files
 * `.x.yaml.swp`) are skipped; editor backups (`x.yaml~`, `#x.yaml#`) have no manifest extension. An
 * entry named like a manifest that cannot be read (a broken link) is a problem naming it, so a
 * NodePool is never dropped silently; other unreadable entries are skipped.
 */
async function manifestFiles(folder: string, visited: Set<string>, problems: ManifestProblem[]): Promise<string[]> {
  const real = await realpath(folder);
  if (visited.has(real)) return [];
  visited.add(real);
  const files: string[] = [];
  for (const name of (await readdir(folder)).sort(byName)) {
    if (name.startsWith(".")) continue;
    const path = join(folder, name);
    const manifestName = MANIFEST_EXTENSIONS.has(extname(name).toLowerCase());
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      if (manifestName) problems.push({ document: { file: path }, path: [], message: await unreadable(path, error) });
      continue;
    }
    if (info.isDirectory()) {
      try {
        appendAll(files, await manifestFiles(path, visited, problems));
      } catch (error) {
        problems.push({ document: { file: path }, path: [], message: `cannot be read: ${reason(error)}` });
      }
    } else if (info.isFile() && manifestName) files.push(path);
  }
  return files;
}

/** A file's text, or the problem that stops it being read (unreadable, or not UTF-8). */
async function readText(file: string): Promise<string | ManifestProblem> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { document: { file }, path: [], message: `cannot be read: ${reason(error)}` };
  }
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return decoded.text;
  const { offset } = decoded;
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
  return { document: { file }, path: [], message: `is not UTF-8 text: byte 0x${byte} at offset ${offset} (line ${line}) is not part of a UTF-8 character` };
}

/**
 * {@link loadManifests} with the reader of each file's text given: the CLI reads with the fast readers
 * alone, so it loads the exact YAML reader only for a file that needs it.
 *
 * @param paths - files and folders, read in the order given
 * @param parse - reads one file's text
 * @returns every non-empty document, with its file and position in the file (from 1)
 * @throws ManifestError as {@link loadManifests}; whatever `parse` throws
 * @internal
 */
export async function readManifestFiles(paths: readonly string[], parse: (text: string, file: string) => ParsedManifests): Promise<KubernetesDocument[]> {
  const documents: KubernetesDocument[] = [];
  const problems: ManifestProblem[] = [];
  const limits = new InputLimits();
  for (const path of paths) {
    let files: string[];
    const before = problems.length;
    try {
      const info = await stat(path);
      files = info.isDirectory() ? await manifestFiles(path, new Set(), problems) : [path];
      if (files.length === 0 && problems.length === before)
        problems.push({ document: { file: path }, path: [], message: "holds no .yaml, .yml or .json file" });
    } catch (error) {
      problems.push({ document: { file: path }, path: [], message: `cannot be read: ${reason(error)}` });
      continue;
    }
    for (const file of files) {
      const text = await readText(file);
      if (typeof text !== "string") {
        problems.push(text);
        continue;
      }
      const parsed = parse(text, file);
      appendAll(documents, parsed.documents);
      appendAll(problems, parsed.problems);
      for (const document of parsed.documents) limits.add(document);
    }
  }
  appendAll(problems, limits.problems);
  if (problems.length > 0) throw new ManifestError(problems);
  return documents;
}

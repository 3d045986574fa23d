import { readFile, readdir, realpath, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { ManifestError } from "./manifest-error.js";
import type { ManifestProblem } from "./manifest-error.js";
import { parseManifestText } from "./parse-manifests.js";
import type { KubernetesDocument } from "./types.js";

const MANIFEST_EXTENSIONS: ReadonlySet<string> = new Set([".yaml", ".yml", ".json"]);

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The manifest files under a folder, recursively, in name order; symlinked folders are visited once. */
async function manifestFiles(folder: string, visited: Set<string>): Promise<string[]> {
  const real = await realpath(folder);
  if (visited.has(real)) return [];
  visited.add(real);
  const files: string[] = [];
  for (const name of (await readdir(folder)).sort(byName)) {
    const path = join(folder, name);
    const info = await stat(path);
    if (info.isDirectory()) files.push(...(await manifestFiles(path, visited)));
    else if (info.isFile() && MANIFEST_EXTENSIONS.has(extname(name).toLowerCase())) files.push(path);
  }
  return files;
}

/**
 * Reads Kubernetes manifests from files and folders: YAML (multi-document allowed) or JSON.
 * Folders are read recursively in name order, taking `.yaml`, `.yml` and `.json` files; a file named
 * directly is read whatever its extension. Every problem of every file is reported at once.
 *
 * @param paths - files and folders, read in the order given
 * @returns every non-empty document, with its file and position in the file (from 1)
 * @throws ManifestError when a path cannot be read, a folder holds no manifest, a file is empty,
 *   or a file has a syntax error (with line and column)
 * @example
 * ```ts
 * const input = fromKubernetes(await loadManifests(["./manifests", "nodepool.yaml"]));
 * ```
 */
export async function loadManifests(paths: readonly string[]): Promise<KubernetesDocument[]> {
  const documents: KubernetesDocument[] = [];
  const problems: ManifestProblem[] = [];
  for (const path of paths) {
    let files: string[];
    try {
      const info = await stat(path);
      files = info.isDirectory() ? await manifestFiles(path, new Set()) : [path];
      if (files.length === 0) problems.push({ document: { file: path }, path: [], message: "holds no .yaml, .yml or .json file" });
    } catch (error) {
      problems.push({ document: { file: path }, path: [], message: `cannot be read: ${reason(error)}` });
      continue;
    }
    for (const file of files) {
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        problems.push({ document: { file }, path: [], message: `cannot be read: ${reason(error)}` });
        continue;
      }
      const parsed = parseManifestText(text, file);
      documents.push(...parsed.documents);
      problems.push(...parsed.problems);
    }
  }
  if (problems.length > 0) throw new ManifestError(problems);
  return documents;
}

import { readManifestFiles } from "./manifest-files.js";
import { parseManifestText } from "./parse-manifests.js";
import type { KubernetesDocument } from "./types.js";

/**
 * Reads Kubernetes manifests from files and folders: YAML (multi-document allowed) or JSON.
 * Folders are read recursively in name order, taking `.yaml`, `.yml` and `.json` files and skipping
 * hidden entries (names starting with `.`, such as editor lock files `.#x.yaml`); a file named directly
 * is read whatever its extension. Files must be UTF-8. Every problem of every file is reported at once.
 *
 * @param paths - files and folders, read in the order given
 * @returns every non-empty document, with its file and position in the file (from 1)
 * @throws ManifestError when a path cannot be read, a folder holds no manifest, a file is empty or
 *   not UTF-8 (with the offset of the first bad byte), a link named like a manifest is broken, a
 *   file has a syntax error (with line and column), or the input passes `MAX_NODE_POOLS` or
 *   `MAX_TOPOLOGY_SPREAD_WORK`
 * @example
 * ```ts
 * const input = fromKubernetes(await loadManifests(["./manifests", "nodepool.yaml"]));
 * ```
 *
 * @category Manifests
 */
export async function loadManifests(paths: readonly string[]): Promise<KubernetesDocument[]> {
  return readManifestFiles(paths, parseManifestText);
}

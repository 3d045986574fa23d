/**
 * The CLI's first reading of its input, with the fast readers and checks alone (JSON.parse / js-yaml and the
 * hand-written checks of src/kubernetes/fast/): no zod, no `yaml`, not even nodefit/kubernetes is loaded, which
 * was a third of a 5,000-pod run's fixed cost. Anything they cannot answer for (a file only the exact YAML
 * reader reads, a document the fast checks do not accept, any problem at all) gives `undefined`, and the
 * caller reads the input again through nodefit/kubernetes, which finds the same documents and words every
 * problem exactly as before.
 *
 * The modules imported here are bundled into the CLI (the edges of src/ import one another by path), so this
 * copy of the reader shares no classes with nodefit/kubernetes: nothing here is told apart by `instanceof`.
 *
 * @module
 */
import type { InstanceType } from "nodefit";
import type { KubernetesDocument, KubernetesInput } from "nodefit/kubernetes";
import { catalogLabel, type CatalogData, instanceTypesOf } from "../kubernetes/catalog-entries.js";
import { FAIL, FAST_KINDS, fastCatalog } from "../kubernetes/fast/schemas.js";
import { fastManifestText } from "../kubernetes/fast-parse.js";
import { readManifestFiles } from "../kubernetes/manifest-files.js";
import { holdsNull, plainData } from "../kubernetes/plain-data.js";
import { readKubernetes } from "../kubernetes/read-kubernetes.js";

/** Thrown inside the fast reading when only the exact readers can go on; never escapes this module. */
class NeedsExact {}
const NEEDS_EXACT = new NeedsExact();

function fastParse(text: string, file: string): ReturnType<typeof fastManifestText> & object {
  const parsed = fastManifestText(text, file);
  if (parsed === undefined || parsed.problems.length > 0) throw NEEDS_EXACT;
  return parsed;
}

/**
 * The Kubernetes input of `paths` (files and folders, no standard input), read by the fast readers alone.
 *
 * @param paths - the command line's paths
 * @param strict - `--strict`
 * @returns what `fromKubernetes(await loadManifests(paths))` returns, or `undefined` when only it can say
 */
export async function fastKubernetesInput(paths: readonly string[], strict: boolean): Promise<KubernetesInput | undefined> {
  if (paths.includes("-")) return undefined;
  try {
    const documents = await readManifestFiles(paths, fastParse);
    const result = readKubernetes(
      documents,
      { strict },
      (kind, object) => {
        const data = FAST_KINDS.get(kind)?.(object);
        if (data === undefined || data === FAIL) throw NEEDS_EXACT;
        return { ok: true, data };
      },
      // The documents are the parsers' own, checked against the limits, and never seen outside this run.
      (value) => (holdsNull(value) ? plainData(value) : { ok: true, value }),
    );
    return result.ok ? result.value : undefined;
  } catch {
    // Unreadable files and everything else are reported by the exact reading, as before.
    return undefined;
  }
}

/**
 * The instance types of one InstanceTypeCatalog document, when its fast check accepts it.
 *
 * @param doc - the catalogue document
 * @returns what `readInstanceTypeCatalog` returns for it, or `undefined` when only it can say
 */
export function fastCatalogTypes(doc: KubernetesDocument): InstanceType[] | undefined {
  const data = fastCatalog(doc.object);
  if (data === FAIL) return undefined;
  try {
    return instanceTypesOf(data as CatalogData, catalogLabel(doc.object, { file: doc.file, index: doc.index }));
  } catch {
    return undefined;
  }
}

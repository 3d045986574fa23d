import { InputError, type InstanceType, type ScheduleInput } from "nodefit";
import { fromKubernetes, loadManifests, parseManifests, readInstanceTypeCatalog, type KubernetesDocument, type KubernetesInput } from "nodefit/kubernetes";
import type { Provider } from "./args.js";
import { CATALOG_PROVIDERS } from "./commands/catalog-providers.js";
import { UsageError, type CliIo } from "./io.js";

/** The file name documents read from standard input carry in messages. */
export const STDIN_NAME = "<stdin>";

/** How {@link loadInput} finds the catalogue. */
export interface LoadOptions {
  /** Use this provider's embedded catalogue (refused when the input holds InstanceTypeCatalog documents). */
  readonly provider?: Provider | undefined;
}

// Paths in the order given; `-` (at most once) is standard input.
async function readDocuments(paths: readonly string[], io: CliIo): Promise<KubernetesDocument[]> {
  if (paths.filter((p) => p === "-").length > 1) throw new UsageError("standard input (-) can be read only once");
  const documents: KubernetesDocument[] = [];
  let files: string[] = [];
  const flush = async (): Promise<void> => {
    if (files.length > 0) for (const doc of await loadManifests(files)) documents.push(doc);
    files = [];
  };
  for (const path of paths) {
    if (path !== "-") {
      files.push(path);
      continue;
    }
    await flush();
    if (io.readStdin === undefined) throw new UsageError("standard input (-) is not available here");
    for (const doc of parseManifests(await io.readStdin(), STDIN_NAME)) documents.push(doc);
  }
  await flush();
  return documents;
}

/** What every command that reads manifests works on. */
export interface LoadedInput {
  readonly kubernetes: KubernetesInput;
  readonly instanceTypes: readonly InstanceType[];
  /** Where the catalogue came from, for the summary line. */
  readonly catalogName: string;
}

/**
 * Reads the manifests at `paths`, with the catalogues they hold or else the embedded AWS one.
 *
 * @param paths - files and folders given on the command line; `-` reads standard input
 * @param io - where the one-line count of skipped documents goes
 * @param options - which embedded catalogue to use when the input has none
 * @returns the loaded input
 * @throws InputError (via the loader) naming the file, document and field of bad input
 */
export async function loadInput(paths: readonly string[], io: CliIo, options: LoadOptions = {}): Promise<LoadedInput> {
  io.progress?.("nodefit: reading manifests…");
  const documents = await readDocuments(paths, io);
  const kubernetes = fromKubernetes(documents);
  io.progress?.(undefined);
  if (kubernetes.skipped.size > 0) {
    const counts = [...kubernetes.skipped].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, n]) => `${n} ${kind}`);
    io.stderr(`nodefit: skipped documents that do not affect scheduling: ${counts.join(", ")}\n`);
  }
  if (options.provider !== undefined && kubernetes.catalogs.length > 0) {
    throw new UsageError(`--provider ${options.provider} and InstanceTypeCatalog documents both name a catalogue: give one`);
  }
  if (kubernetes.catalogs.length === 0) {
    const provider = options.provider ?? "aws";
    const load = CATALOG_PROVIDERS.get(provider);
    if (load === undefined) throw new UsageError(`no embedded catalogue for ${provider}`);
    return { kubernetes, instanceTypes: load(), catalogName: provider === "aws" ? "embedded AWS (us-east-1)" : `embedded ${provider}` };
  }
  const instanceTypes: InstanceType[] = [];
  const seen = new Set<string>();
  for (const doc of kubernetes.catalogs) {
    for (const type of readInstanceTypeCatalog(doc.object, { file: doc.file, index: doc.index })) {
      if (seen.has(type.name)) {
        const where = doc.file === undefined ? "" : `${doc.file}: `;
        throw new InputError(`${where}document ${doc.index ?? 1} (InstanceTypeCatalog): instance type "${type.name}" is already defined by an earlier catalogue`);
      }
      seen.add(type.name);
      instanceTypes.push(type);
    }
  }
  return { kubernetes, instanceTypes, catalogName: `${kubernetes.catalogs.length} catalogue document(s)` };
}

/**
 * The scheduler's input for the loaded manifests.
 *
 * @param input - what {@link loadInput} returned
 * @returns pending pods, NodePools, the catalogue, existing nodes and everything bound to them
 */
export function scheduleInputOf(input: LoadedInput): ScheduleInput {
  const { kubernetes } = input;
  return {
    pods: kubernetes.pods,
    nodePools: kubernetes.nodePools,
    instanceTypes: input.instanceTypes,
    nodes: kubernetes.nodes,
    nodeClaims: kubernetes.nodeClaims,
    boundPods: kubernetes.boundPods,
    daemonSets: kubernetes.daemonSets,
  };
}

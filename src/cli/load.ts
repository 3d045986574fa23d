import { applyNodeOverlays, InputError, type InstanceType, type OverlayEffect, type ScheduleInput, type ScheduleOptions } from "nodefit";
import type { KubernetesDocument, KubernetesInput } from "nodefit/kubernetes";
import type { Provider } from "./args.js";
import { hasAwsInputs, type AwsCliInputs } from "./aws-flags.js";
import { fastCatalogTypes, fastKubernetesInput } from "./fast-input.js";
import { UsageError, type CliIo } from "./io.js";

// nodefit/kubernetes (with zod and the exact YAML reader) and the embedded catalogues are loaded only when a
// run needs them: most runs are read by the fast readers alone (./fast-input.ts).
const kubernetesModule = (): Promise<typeof import("nodefit/kubernetes")> => import("nodefit/kubernetes");

/** The file name documents read from standard input carry in messages. */
export const STDIN_NAME = "<stdin>";

/** How {@link loadInput} finds the catalogue. */
export interface LoadOptions {
  /** Use this provider's embedded catalogue (refused when the input holds InstanceTypeCatalog documents). */
  readonly provider?: Provider | undefined;
  /** AWS files from the command line (instance types, spot and on-demand prices), for the AWS catalogue. */
  readonly aws?: AwsCliInputs | undefined;
  /** Unknown kinds of every API group are errors (`--strict`). */
  readonly strict?: boolean | undefined;
}

// Paths in the order given; `-` (at most once) is standard input.
async function readDocuments(paths: readonly string[], io: CliIo): Promise<KubernetesDocument[]> {
  if (paths.filter((p) => p === "-").length > 1) throw new UsageError("standard input (-) can be read only once");
  const { loadManifests, parseManifests } = await kubernetesModule();
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
  /** Scheduler options the catalogue implies (the AWS launch order with the AWS catalogue). */
  readonly scheduleOptions: ScheduleOptions;
  /** The NodeOverlays applied to the catalogue and the instance types each changed. */
  readonly overlays?: readonly OverlayEffect[];
}

/**
 * Reads the manifests at `paths`, with the catalogues they hold or else the embedded AWS one.
 *
 * @param paths - files and folders given on the command line; `-` reads standard input
 * @param io - where the one-line count of skipped documents goes
 * @param options - which embedded catalogue to use when the input has none, the AWS files, `--strict`
 * @returns the loaded input
 * @throws InputError (via the loader) naming the file, document and field of bad input
 */
export async function loadInput(paths: readonly string[], io: CliIo, options: LoadOptions = {}): Promise<LoadedInput> {
  io.progress?.("nodefit: reading manifests…");
  const strict = options.strict === true;
  const kubernetes = (await fastKubernetesInput(paths, strict)) ?? (await kubernetesModule()).fromKubernetes(await readDocuments(paths, io), { strict });
  io.progress?.(undefined);
  if (kubernetes.skipped.size > 0) {
    const counts = [...kubernetes.skipped].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, n]) => `${n} ${kind}`);
    io.stderr(`nodefit: skipped documents that do not affect scheduling: ${counts.join(", ")}\n`);
  }
  return withOverlays(await loadCatalog(kubernetes, io, options), io);
}

/** The catalogue with the NodeOverlays applied; overlays that were not applied are named on standard error. */
function withOverlays(loaded: LoadedInput, io: CliIo): LoadedInput {
  if (loaded.kubernetes.nodeOverlays.length === 0) return loaded;
  const result = applyNodeOverlays(loaded.instanceTypes, loaded.kubernetes.nodeOverlays, loaded.kubernetes.nodePools);
  for (const c of result.conflicts) io.stderr(`nodefit: NodeOverlay ${c.overlay} not applied (${c.reason}): ${c.message}\n`);
  return { ...loaded, instanceTypes: result.instanceTypes, overlays: result.applied };
}

/** The catalogue the input names: its InstanceTypeCatalog documents, the AWS files, or an embedded one. */
async function loadCatalog(kubernetes: KubernetesInput, io: CliIo, options: LoadOptions): Promise<LoadedInput> {
  if (options.provider !== undefined && kubernetes.catalogs.length > 0) {
    throw new UsageError(`--provider ${options.provider} and InstanceTypeCatalog documents both name a catalogue: give one`);
  }
  if (hasAwsInputs(options.aws)) {
    if (kubernetes.catalogs.length > 0) throw new InputError("--aws-* files and InstanceTypeCatalog documents cannot be used together: give one catalogue");
    if ((options.provider ?? "aws") !== "aws")
      throw new UsageError(`--aws-* files build the AWS catalogue; they cannot be used with --provider ${options.provider}`);
  }
  if (kubernetes.catalogs.length === 0) {
    const provider = options.provider ?? "aws";
    // The AWS catalogue is shaped per NodePool by its EC2NodeClass, and claims report AWS's launch order.
    if (provider === "aws") return { kubernetes, ...(await (await import("./aws-inputs.js")).loadAwsCatalog(kubernetes, options.aws, io)) };
    const load = (await import("./commands/catalog-providers.js")).CATALOG_PROVIDERS.get(provider);
    if (load === undefined) throw new UsageError(`no embedded catalogue for ${provider}`);
    return { kubernetes, instanceTypes: load(), catalogName: `embedded ${provider}`, scheduleOptions: {} };
  }
  const instanceTypes: InstanceType[] = [];
  const seen = new Set<string>();
  for (const doc of kubernetes.catalogs) {
    const types = fastCatalogTypes(doc) ?? (await kubernetesModule()).readInstanceTypeCatalog(doc.object, { file: doc.file, index: doc.index });
    for (const type of types) {
      if (seen.has(type.name)) {
        const where = doc.file === undefined ? "" : `${doc.file}: `;
        throw new InputError(
          `${where}document ${doc.index ?? 1} (InstanceTypeCatalog): instance type "${type.name}" is already defined by an earlier catalogue`,
        );
      }
      seen.add(type.name);
      instanceTypes.push(type);
    }
  }
  return {
    kubernetes,
    instanceTypes,
    catalogName: `${kubernetes.catalogs.length} catalogue document(s)`,
    scheduleOptions: catalogScheduleOptions(kubernetes.catalogs),
  };
}

/** The launch order the catalogue documents name (`capacityTypePriority`); documents that name one must agree. */
function catalogScheduleOptions(catalogs: readonly KubernetesDocument[]): ScheduleOptions {
  let chosen: { readonly order: readonly string[]; readonly doc: KubernetesDocument } | undefined;
  for (const doc of catalogs) {
    const order = (doc.object as { readonly capacityTypePriority?: readonly string[] }).capacityTypePriority;
    if (order === undefined) continue;
    if (chosen !== undefined && order.join("\0") !== chosen.order.join("\0")) {
      const where = doc.file === undefined ? "" : `${doc.file}: `;
      throw new InputError(
        `${where}document ${doc.index ?? 1} (InstanceTypeCatalog): capacityTypePriority: [${order.join(", ")}] differs from [${chosen.order.join(", ")}] of an earlier catalogue`,
      );
    }
    chosen = { order, doc };
  }
  return chosen === undefined ? {} : { capacityTypePriority: chosen.order };
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
    volumes: kubernetes.volumes,
  };
}

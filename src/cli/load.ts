import { applyNodeOverlays, InputError, type InstanceType, type OverlayEffect, type ScheduleInput } from "nodefit";
import { defaultAwsCatalog } from "nodefit/aws";
import { fromKubernetes, loadManifests, readInstanceTypeCatalog, type KubernetesInput } from "nodefit/kubernetes";
import type { CliIo } from "./io.js";

/** What every command that reads manifests works on. */
export interface LoadedInput {
  readonly kubernetes: KubernetesInput;
  readonly instanceTypes: readonly InstanceType[];
  /** Where the catalogue came from, for the summary line. */
  readonly catalogName: string;
  /** The NodeOverlays applied to the catalogue and the instance types each changed. */
  readonly overlays?: readonly OverlayEffect[];
}

/**
 * Reads the manifests at `paths`, with the catalogues they hold or else the embedded AWS one.
 *
 * @param paths - files and folders given on the command line
 * @param io - where the one-line count of skipped documents goes
 * @returns the loaded input
 * @throws InputError (via the loader) naming the file, document and field of bad input
 */
export async function loadInput(paths: readonly string[], io: CliIo): Promise<LoadedInput> {
  const documents = await loadManifests(paths);
  const kubernetes = fromKubernetes(documents);
  if (kubernetes.skipped.size > 0) {
    const counts = [...kubernetes.skipped].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, n]) => `${n} ${kind}`);
    io.stderr(`nodefit: skipped documents that do not affect scheduling: ${counts.join(", ")}\n`);
  }
  return withOverlays(loadCatalog(kubernetes), io);
}

/** The catalogue with the NodeOverlays applied; overlays that were not applied are named on standard error. */
function withOverlays(loaded: LoadedInput, io: CliIo): LoadedInput {
  if (loaded.kubernetes.nodeOverlays.length === 0) return loaded;
  const result = applyNodeOverlays(loaded.instanceTypes, loaded.kubernetes.nodeOverlays);
  for (const c of result.conflicts) io.stderr(`nodefit: NodeOverlay ${c.overlay} not applied (${c.reason}): ${c.message}\n`);
  return { ...loaded, instanceTypes: result.instanceTypes, overlays: result.applied };
}

function loadCatalog(kubernetes: KubernetesInput): LoadedInput {
  if (kubernetes.catalogs.length === 0) {
    return { kubernetes, instanceTypes: defaultAwsCatalog(), catalogName: "embedded AWS (us-east-1)" };
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
    volumes: kubernetes.volumes,
  };
}

import { InputError, type InstanceType, type ScheduleInput, type ScheduleOptions } from "nodefit";
import { fromKubernetes, loadManifests, readInstanceTypeCatalog, type KubernetesInput } from "nodefit/kubernetes";
import { hasAwsInputs, loadAwsCatalog, type AwsCliInputs } from "./aws-inputs.js";
import type { CliIo } from "./io.js";

/** What every command that reads manifests works on. */
export interface LoadedInput {
  readonly kubernetes: KubernetesInput;
  readonly instanceTypes: readonly InstanceType[];
  /** Where the catalogue came from, for the summary line. */
  readonly catalogName: string;
  /** Scheduler options the catalogue implies (the AWS launch order with the AWS catalogue). */
  readonly scheduleOptions: ScheduleOptions;
}

/**
 * Reads the manifests at `paths`, with the catalogues they hold or else the embedded AWS one.
 *
 * @param paths - files and folders given on the command line
 * @param io - where the one-line count of skipped documents goes
 * @param options - `aws`: AWS files from the command line (instance types, spot and on-demand prices); `strict`:
 *   unknown kinds of every API group are errors (`--strict`)
 * @returns the loaded input
 * @throws InputError (via the loader) naming the file, document and field of bad input
 */
export async function loadInput(
  paths: readonly string[],
  io: CliIo,
  options: { readonly aws?: AwsCliInputs | undefined; readonly strict?: boolean } = {},
): Promise<LoadedInput> {
  const documents = await loadManifests(paths);
  const kubernetes = fromKubernetes(documents, { strict: options.strict === true });
  if (kubernetes.skipped.size > 0) {
    const counts = [...kubernetes.skipped].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, n]) => `${n} ${kind}`);
    io.stderr(`nodefit: skipped documents that do not affect scheduling: ${counts.join(", ")}\n`);
  }
  if (kubernetes.catalogs.length === 0) return { kubernetes, ...(await loadAwsCatalog(kubernetes, options.aws, io)) };
  if (hasAwsInputs(options.aws)) throw new InputError("--aws-* files and InstanceTypeCatalog documents cannot be used together: give one catalogue");
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
  return { kubernetes, instanceTypes, catalogName: `${kubernetes.catalogs.length} catalogue document(s)`, scheduleOptions: {} };
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

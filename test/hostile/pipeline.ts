/**
 * The CLI's pipeline in memory, for the hostile, fuzz and determinism suites: manifest text or objects
 * in, the scheduler's or the planner's JSON out, with the catalogue chosen as the CLI chooses it.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { planConsolidation, schedule, toConsolidationJson, toScheduleJson, type ConsolidationInput, type InstanceType } from "nodefit";
import { AWS_WELL_KNOWN_LABELS, defaultAwsCatalog } from "nodefit/aws";
import { fromKubernetes, loadManifests, parseManifests, readInstanceTypeCatalog, type KubernetesDocument, type KubernetesInput } from "nodefit/kubernetes";

import { consolidationInput } from "../../src/cli/commands/consolidate.js";
const EXAMPLES = new URL("../../examples/", import.meta.url).pathname;

/** The YAML files of one example folder, as `[file name, text]` in name order. */
export function exampleFiles(example: string): ReadonlyArray<readonly [string, string]> {
  const folder = join(EXAMPLES, example);
  return readdirSync(folder)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => [`${example}/${name}`, readFileSync(join(folder, name), "utf8")] as const);
}

/** The parsed documents of one example folder. */
export function exampleDocuments(example: string): KubernetesDocument[] {
  return exampleFiles(example).flatMap(([file, text]) => parseManifests(text, file));
}

let awsCatalog: readonly InstanceType[] | undefined;

/** The catalogue and well-known labels the CLI would use for this input. */
export function catalogueOf(kubernetes: KubernetesInput): { readonly instanceTypes: readonly InstanceType[]; readonly wellKnownLabels: ReadonlySet<string> } {
  if (kubernetes.catalogs.length === 0) {
    awsCatalog ??= defaultAwsCatalog();
    return { instanceTypes: awsCatalog, wellKnownLabels: AWS_WELL_KNOWN_LABELS };
  }
  const instanceTypes = kubernetes.catalogs.flatMap((doc) => readInstanceTypeCatalog(doc.object, doc));
  const wellKnownLabels = new Set(instanceTypes.flatMap((type) => [...type.requirements.keys()]));
  return { instanceTypes, wellKnownLabels };
}

/** `nodefit schedule --output json` on these documents. */
export function scheduleJson(documents: readonly KubernetesDocument[]): string {
  return scheduleJsonOf(fromKubernetes(documents));
}

/** `nodefit schedule --output json` on input already read (or built by hand, past the edge's checks). */
export function scheduleJsonOf(kubernetes: KubernetesInput): string {
  const { instanceTypes, wellKnownLabels } = catalogueOf(kubernetes);
  const result = schedule(
    {
      pods: kubernetes.pods,
      nodePools: kubernetes.nodePools,
      instanceTypes,
      nodes: kubernetes.nodes,
      nodeClaims: kubernetes.nodeClaims,
      boundPods: kubernetes.boundPods,
      daemonSets: kubernetes.daemonSets,
    },
    { wellKnownLabels },
  );
  return toScheduleJson(result);
}

/** `nodefit consolidate --output json` on these documents, at a fixed instant. */
export function consolidationJson(documents: readonly KubernetesDocument[], now = "2026-06-01T00:00:00Z"): string {
  return consolidationJsonOf(fromKubernetes(documents), now);
}

/** The planner's input as the CLI builds it from documents read (the catalogue as the CLI chooses it, unless given). */
export function consolidationInputOf(
  kubernetes: KubernetesInput,
  instanceTypes: readonly InstanceType[] = catalogueOf(kubernetes).instanceTypes,
): ConsolidationInput {
  return consolidationInput(kubernetes, instanceTypes);
}

/** `nodefit consolidate --output json` on input already read (or built by hand, past the edge's checks). */
export function consolidationJsonOf(kubernetes: KubernetesInput, now = "2026-06-01T00:00:00Z"): string {
  return toConsolidationJson(planConsolidation(consolidationInputOf(kubernetes), { now }));
}

/** Whether a thrown value is nodefit's documented input error: a NodefitError with an `invalid-` code and a path. */
export function isDocumentedError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, path } = error as Error & { code?: unknown; path?: unknown };
  return typeof code === "string" && code.startsWith("invalid-") && Array.isArray(path);
}

/** The message of the documented error `loadManifests` rejects with; fails the test when it loads. */
export async function loadFailure(paths: readonly string[]): Promise<string> {
  try {
    await loadManifests(paths);
  } catch (error) {
    if (!isDocumentedError(error)) throw error;
    return (error as Error).message;
  }
  throw new Error("expected loadManifests to refuse the input");
}

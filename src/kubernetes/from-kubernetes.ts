import { validateKind } from "./kind-schemas.js";
import type { KubernetesObjects } from "./objects.js";
import { readKubernetes } from "./read-kubernetes.js";
import type { FromKubernetesOptions, KubernetesDocument, KubernetesInput, KubernetesResult } from "./types.js";

/**
 * Like {@link fromKubernetes}, but returns the error instead of throwing it.
 *
 * @param input - the objects, each with the file and position it came from, or objects by kind
 * @param options - see {@link FromKubernetesOptions}
 * @returns `{ ok: true, value }` or `{ ok: false, error }` (an `invalid-input` error)
 * @example
 * ```ts
 * const result = safeFromKubernetes(await loadManifests(["./manifests"]));
 * if (!result.ok) console.error(result.error.message);
 * ```
 *
 * @category Manifests
 */
export function safeFromKubernetes(input: readonly KubernetesDocument[] | KubernetesObjects, options: FromKubernetesOptions = {}): KubernetesResult {
  return readKubernetes(input, options, validateKind);
}

/**
 * Turns Kubernetes objects into nodefit's input: validates every kind nodefit reads, expands
 * workloads into pending pods, splits pods into pending and bound, and counts skipped kinds.
 *
 * Never mutates its input. Every problem of every document is collected into one
 * {@link ManifestError} (code `invalid-input`), one line per problem naming the file, the document
 * and the field, e.g. `web.yaml: document 2 (Deployment default/web):
 * spec.template.spec.containers[0].resources.requests.cpu: "abc" is not a quantity`.
 *
 * Objects listed from the API server can be passed by kind instead ({@link KubernetesObjects}), without
 * `kind` on the items: `fromKubernetes({ pods: (await core.listPodForAllNamespaces()).items, nodes })`.
 * Errors then name the list and the position (`input (Pod shop/web-1): pods[3].spec: ...`).
 *
 * @param input - the objects, each with the file and position it came from, or objects by kind
 * @param options - see {@link FromKubernetesOptions}
 * @returns the pods, NodePools, nodes, node claims, DaemonSets, PDBs and catalogues
 * @throws ManifestError when any document is invalid
 * @example
 * ```ts
 * const input = fromKubernetes([{ object: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" },
 *   spec: { replicas: 2, template: { spec: { containers: [{ resources: { requests: { cpu: "1" } } }] } } } } }]);
 * input.pods.map((p) => p.metadata.name); // ["web-0", "web-1"]
 * ```
 *
 * @category Manifests
 */
export function fromKubernetes(input: readonly KubernetesDocument[] | KubernetesObjects, options: FromKubernetesOptions = {}): KubernetesInput {
  const result = safeFromKubernetes(input, options);
  if (!result.ok) throw result.error;
  return result.value;
}

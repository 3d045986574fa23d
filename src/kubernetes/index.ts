/**
 * Kubernetes objects in, nodefit's input out: zod-validated Pods, workloads (expanded into pods),
 * DaemonSets, Nodes, NodePools, NodeClaims, PodDisruptionBudgets and instance-type catalogues, with
 * errors that name the file, the document and the field.
 *
 * `loadManifests` reads files (Node.js only); everything else is pure and runs in a browser.
 *
 * @packageDocumentation
 */
export { VERSION } from "nodefit";
export type { FromKubernetesOptions, KubernetesDocument, KubernetesInput, KubernetesResult } from "./types.js";
export { fromKubernetes, safeFromKubernetes } from "./from-kubernetes.js";
export type { KubernetesObjectLike, KubernetesObjects, NodeLike, ObjectMetaLike, PodLike, WorkloadLike } from "./objects.js";
export { expandWorkload } from "./expand-workload.js";
export type { WorkloadObject } from "./schemas/workloads.js";
export type { Ec2NodeClassObject } from "./schemas/ec2nodeclass.js";
export { ManifestError } from "./manifest-error.js";
export type { DocumentLabel, ManifestProblem } from "./manifest-error.js";
export { parseManifests } from "./parse-manifests.js";
export { loadManifests } from "./load-manifests.js";
export {
  MAX_DOCUMENT_DEPTH,
  MAX_DOCUMENT_VALUES,
  MAX_INSTANCE_TYPES_IN_CATALOG,
  MAX_NODES,
  MAX_PODS,
  MAX_QUANTITY_LENGTH,
  MAX_NODE_POOLS,
  MAX_STRING_LENGTH,
  MAX_TOPOLOGY_SPREAD_WORK,
  MAX_YAML_ALIASES,
} from "nodefit";
export { INSTANCE_TYPE_CATALOG_API_VERSION, INSTANCE_TYPE_CATALOG_KIND, readInstanceTypeCatalog } from "./instance-type-catalog.js";
export type { CatalogSource } from "./instance-type-catalog.js";

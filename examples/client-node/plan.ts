/**
 * A controller's use of nodefit with `@kubernetes/client-node`: list pods, nodes and NodePools from the API
 * server and pass the lists as they come (items without `kind`, optional `metadata` and `spec`, Date
 * timestamps) to `fromKubernetes`, then schedule.
 *
 * nodefit does not depend on `@kubernetes/client-node`, so the few model shapes used here are declared below as
 * structural copies of the package's `V1Pod`, `V1Node`, ... (same field names, same optionality). With the real
 * package, delete them and import `CoreV1Api`, `CustomObjectsApi`, `V1Pod` from it: nothing else changes.
 *
 * Type-checked with the project (`tsconfig.json` includes `examples/`), run by `test/kubernetes/client-node.test.ts`.
 */
import { schedule, toScheduleJson, type InstanceType } from "nodefit";
import { fromKubernetes } from "nodefit/kubernetes";

/** As `@kubernetes/client-node`'s `V1OwnerReference`. */
export interface V1OwnerReference {
  apiVersion: string;
  blockOwnerDeletion?: boolean;
  controller?: boolean;
  kind: string;
  name: string;
  uid: string;
}

/** As `V1ObjectMeta`: every field optional, timestamps parsed into Dates. */
export interface V1ObjectMeta {
  annotations?: { [key: string]: string };
  creationTimestamp?: Date;
  deletionTimestamp?: Date;
  labels?: { [key: string]: string };
  name?: string;
  namespace?: string;
  ownerReferences?: Array<V1OwnerReference>;
  resourceVersion?: string;
  uid?: string;
}

/** As `V1Container` (the fields this example sets). */
export interface V1Container {
  image?: string;
  name: string;
  resources?: { limits?: { [key: string]: string }; requests?: { [key: string]: string } };
}

/** As `V1PodSpec` (abridged). */
export interface V1PodSpec {
  containers: Array<V1Container>;
  nodeName?: string;
  nodeSelector?: { [key: string]: string };
  priority?: number;
  schedulerName?: string;
}

/** As `V1PodCondition`. */
export interface V1PodCondition {
  lastTransitionTime?: Date;
  message?: string;
  reason?: string;
  status: string;
  type: string;
}

/** As `V1PodStatus` (abridged). */
export interface V1PodStatus {
  conditions?: Array<V1PodCondition>;
  nominatedNodeName?: string;
  phase?: string;
  startTime?: Date;
}

/** As `V1Pod`: `metadata`, `spec` and `status` are optional in the model. */
export interface V1Pod {
  apiVersion?: string;
  kind?: string;
  metadata?: V1ObjectMeta;
  spec?: V1PodSpec;
  status?: V1PodStatus;
}

/** As `V1Taint`. */
export interface V1Taint {
  effect: string;
  key: string;
  timeAdded?: Date;
  value?: string;
}

/** As `V1Node` (abridged). */
export interface V1Node {
  apiVersion?: string;
  kind?: string;
  metadata?: V1ObjectMeta;
  spec?: { providerID?: string; taints?: Array<V1Taint>; unschedulable?: boolean };
  status?: { allocatable?: { [key: string]: string }; capacity?: { [key: string]: string } };
}

/** As `V1PodList` / `V1NodeList`: the items carry no `kind`. */
export interface V1List<T> {
  apiVersion?: string;
  items: Array<T>;
  kind?: string;
  metadata?: { resourceVersion?: string };
}

/** The two `CoreV1Api` calls used here. */
export interface CoreV1Api {
  listPodForAllNamespaces(): Promise<V1List<V1Pod>>;
  listNode(): Promise<V1List<V1Node>>;
}

/** `CustomObjectsApi.listClusterCustomObject`, which returns untyped JSON (`any` in client-node). */
export interface CustomObjectsApi {
  listClusterCustomObject(param: { group: string; version: string; plural: string }): Promise<{ items?: object[] }>;
}

/**
 * What Karpenter would launch for the cluster's pending pods right now.
 *
 * @param core - a `CoreV1Api` client
 * @param custom - a `CustomObjectsApi` client
 * @param instanceTypes - the catalogue, e.g. `defaultAwsCatalog()` from `nodefit/aws`
 * @returns the schedule as nodefit's JSON
 */
export async function planPendingPods(core: CoreV1Api, custom: CustomObjectsApi, instanceTypes: readonly InstanceType[]): Promise<string> {
  const nodePools = await custom.listClusterCustomObject({ group: "karpenter.sh", version: "v1", plural: "nodepools" });
  const input = fromKubernetes({
    pods: (await core.listPodForAllNamespaces()).items,
    nodes: (await core.listNode()).items,
    nodePools: nodePools.items ?? [],
  });
  return toScheduleJson(schedule({ ...input, instanceTypes }));
}

/**
 * The lists are typed: a list of nodes where pods belong does not compile.
 *
 * @param core - a `CoreV1Api` client
 */
export async function wrongList(core: CoreV1Api): Promise<void> {
  // @ts-expect-error a V1Node's spec has none of a pod's fields
  fromKubernetes({ pods: (await core.listNode()).items });
}

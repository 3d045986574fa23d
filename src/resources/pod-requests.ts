import type { PathSegment } from "../errors.js";
import type { Container, PodSpec, ResourceRequirements } from "../types/kubernetes.js";
import { addResourcesInto, maxResourcesInto } from "./arithmetic.js";
import { resourceList, type ResourceList } from "./resource-list.js";

/**
 * Requests after API-server defaulting: a resource with a limit and no request requests its limit.
 * Reading raw manifests, we apply that defaulting here.
 */
function defaultedRequests(resources: ResourceRequirements | undefined, path: readonly PathSegment[]): ResourceList {
  const requests = resourceList(resources?.requests, [...path, "requests"]);
  const limits = resourceList(resources?.limits, [...path, "limits"]);
  if (limits.size === 0) return requests;
  const merged = new Map(requests);
  for (const [name, limit] of limits) {
    if (!merged.has(name)) merged.set(name, limit);
  }
  return merged;
}

function containerRequests(container: Container, path: readonly PathSegment[]): ResourceList {
  return defaultedRequests(container.resources, [...path, "resources"]);
}

/** Pod-level resources may set only these; others in `spec.resources` are ignored. */
function isPodLevelResource(name: string): boolean {
  return name === "cpu" || name === "memory" || name.startsWith("hugepages-");
}

/** Whether an init container is a sidecar: it keeps running beside the app containers. */
function isSidecar(container: Container): boolean {
  return container.restartPolicy === "Always";
}

/** Sum of app containers and sidecars, raised to the peak demand of any init container's phase. */
function aggregateContainerRequests(spec: PodSpec): Map<string, number> {
  const total = new Map<string, number>();
  spec.containers.forEach((container, i) => addResourcesInto(total, containerRequests(container, ["containers", i])));
  const sidecars = new Map<string, number>();
  const initPeak = new Map<string, number>();
  (spec.initContainers ?? []).forEach((container, i) => {
    const requests = containerRequests(container, ["initContainers", i]);
    if (isSidecar(container)) {
      addResourcesInto(total, requests);
      addResourcesInto(sidecars, requests);
      maxResourcesInto(initPeak, sidecars);
    } else {
      // A regular init container runs alone beside the sidecars started before it.
      const phase = new Map(sidecars);
      addResourcesInto(phase, requests);
      maxResourcesInto(initPeak, phase);
    }
  });
  maxResourcesInto(total, initPeak);
  return total;
}

/**
 * A pod's effective resource requests, as the Kubernetes scheduler computes them, plus `pods: 1`.
 *
 * Per resource: the sum of the app containers and the sidecars (init containers with
 * `restartPolicy: Always`), raised to the peak of the init phase, where each regular init
 * container needs its own request plus the sidecars started before it and each sidecar needs
 * itself plus the sidecars before it. Pod-level `spec.resources` requests then replace `cpu`,
 * `memory` and `hugepages-*` where set, and `spec.overhead` is added. A missing container (or
 * pod-level) request defaults to its limit, as the API server defaults it. Missing requests are
 * 0; zero requests are kept.
 *
 * @param spec - the pod spec
 * @returns the requests in base units, always with `pods` = 1
 * @throws QuantityError when a quantity is invalid; its `path` points at it, e.g.
 *   `["initContainers", 0, "resources", "limits", "memory"]`
 * @example
 * ```ts
 * podRequests({
 *   initContainers: [{ resources: { requests: { cpu: "2" } } }],
 *   containers: [{ resources: { requests: { cpu: "500m" }, limits: { memory: "1Gi" } } }],
 * }); // Map { "cpu" => 2000, "memory" => 1073741824, "pods" => 1 }
 * ```
 * @category Resources
 */
export function podRequests(spec: PodSpec): ResourceList {
  const requests = aggregateContainerRequests(spec);
  for (const [name, amount] of defaultedRequests(spec.resources, ["resources"])) {
    if (isPodLevelResource(name)) requests.set(name, amount);
  }
  addResourcesInto(requests, resourceList(spec.overhead, ["overhead"]));
  requests.set("pods", 1);
  return requests;
}

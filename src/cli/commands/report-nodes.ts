import { quantityToAmount, type InstanceType, type Node, type Pod } from "nodefit";
import type { ReportNode, ReportPod } from "../render/html.js";
import { podRequestsOf } from "./pod-requests.js";

const nameOf = (pod: Pod): string => `${pod.metadata.namespace ?? "default"}/${pod.metadata.name ?? ""}`;

/** Pods by `namespace/name`. */
export function podIndex(pods: readonly Pod[]): ReadonlyMap<string, Pod> {
  return new Map(pods.map((p) => [nameOf(p), p]));
}

/** Pods as the report draws them, from their names. */
export function reportPods(names: readonly string[], pods: ReadonlyMap<string, Pod>): ReportPod[] {
  return names.map((name) => {
    const pod = pods.get(name);
    const r = pod === undefined ? new Map<string, number>() : podRequestsOf(pod);
    return { name, cpu: r.get("cpu") ?? 0, memory: r.get("memory") ?? 0 };
  });
}

/** An allocatable amount, read down beyond 2^53 as the scheduler reads it (V4). */
function amount(resource: string, value: string | number | undefined): number {
  if (value === undefined) return 0;
  try {
    return quantityToAmount(resource, value, "down");
  } catch {
    return 0;
  }
}

/**
 * An existing node as the report draws it, with the pods bound to it; its price comes from the catalogue
 * by its instance-type, zone and capacity-type labels.
 */
export function existingReportNode(node: Node, bound: readonly Pod[], pods: ReadonlyMap<string, Pod>, catalog: readonly InstanceType[]): ReportNode {
  const labels = new Map(Object.entries(node.metadata.labels ?? {}));
  const name = node.metadata.name ?? "";
  const instanceType = labels.get("node.kubernetes.io/instance-type") ?? "";
  const zone = labels.get("topology.kubernetes.io/zone") ?? "";
  const capacityType = labels.get("karpenter.sh/capacity-type") ?? "";
  const offering = catalog.find((t) => t.name === instanceType)?.offerings.find((o) => o.zone === zone && o.capacityType === capacityType);
  const allocatable = node.status?.allocatable ?? {};
  return {
    name,
    status: "existing",
    instanceType,
    zone,
    capacityType,
    price: offering?.price ?? 0,
    cpu: amount("cpu", allocatable["cpu"]),
    memory: amount("memory", allocatable["memory"]),
    // By name, not document order: the report must not change when the input's documents are reordered.
    pods: reportPods(
      bound
        .filter((p) => p.spec.nodeName === name)
        .map(nameOf)
        .sort(),
      pods,
    ),
  };
}

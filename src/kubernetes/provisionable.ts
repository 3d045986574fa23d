import type { Pod } from "nodefit";

/** Why a pending pod of the input is not one Karpenter would provision capacity for. */
export type IgnoredPodReason = "terminal" | "terminating" | "preempting" | "daemonset" | "mirror" | "scheduling-condition";

type OwnerReference = { readonly apiVersion?: string | undefined; readonly kind: string };

/** Whether an owner reference names `kind` of `apiVersion` (manifests may leave the apiVersion out). */
function ownedBy(pod: Pod, kind: string, apiVersion: string): boolean {
  const references: readonly OwnerReference[] = pod.metadata.ownerReferences ?? [];
  return references.some((r) => r.kind === kind && (r.apiVersion ?? apiVersion) === apiVersion);
}

type Condition = { readonly type?: string; readonly status?: string | undefined; readonly reason?: string | undefined };

/**
 * Why a pending pod (no `spec.nodeName`) is not provisionable, or `undefined` when it is.
 *
 * Follows upstream's `IsProvisionable`: never a pod owned by a DaemonSet (the DaemonSet is overhead on
 * every node) or by a Node (a mirror pod: the kubelet runs it), never a pod that is preempting
 * (`status.nominatedNodeName`: the kube-scheduler is already making room for it), and never a finished
 * pod (phase Succeeded or Failed) or one being deleted. Upstream also waits for the kube-scheduler's
 * `PodScheduled=False` condition with reason `Unschedulable`; nodefit does the kube-scheduler's part
 * itself (existing nodes are tried first), so a pod with no `PodScheduled` condition (plain manifests, or
 * a pod the kube-scheduler has not looked at yet) is provisionable. A `PodScheduled` condition with any
 * other reason means another scheduler (or a binding in flight) owns the pod, and upstream leaves it alone.
 *
 * @param pod - a pod without `spec.nodeName`
 * @returns the reason it is ignored, or `undefined`
 * @internal
 */
export function notProvisionable(pod: Pod): IgnoredPodReason | undefined {
  const status = pod.status as
    | { readonly phase?: string | undefined; readonly nominatedNodeName?: string | undefined; readonly conditions?: readonly Condition[] | undefined }
    | undefined;
  if (status?.phase === "Succeeded" || status?.phase === "Failed") return "terminal";
  if (pod.metadata.deletionTimestamp != null) return "terminating";
  if ((status?.nominatedNodeName ?? "") !== "") return "preempting";
  if (ownedBy(pod, "DaemonSet", "apps/v1")) return "daemonset";
  if (ownedBy(pod, "Node", "v1")) return "mirror";
  const scheduled = (status?.conditions ?? []).find((c) => c.type === "PodScheduled");
  if (scheduled !== undefined && !(scheduled.status === "False" && scheduled.reason === "Unschedulable")) return "scheduling-condition";
  return undefined;
}

import type { Pod, Volume } from "nodefit";
import type { WorkloadObject } from "./schemas/workloads.js";

/**
 * How many pods a workload runs when none of them exists yet: `spec.replicas` (default 1), or for a
 * Job `spec.parallelism` (default 1) capped by `spec.completions`, as the Job controller never runs
 * more pods than completions it still needs.
 */
function workloadPodCount(kind: string, workload: WorkloadObject): number {
  const spec = workload.spec;
  if (kind === "Job") return Math.min(spec.parallelism ?? 1, spec.completions ?? Number.POSITIVE_INFINITY);
  return spec.replicas ?? 1;
}

/**
 * The pending pods a Deployment, ReplicaSet, ReplicationController, StatefulSet or Job stands for:
 * `<name>-<ordinal>`, in the workload's namespace, with the template's labels, annotations and spec.
 *
 * Creation order is ordinal order: every pod takes the workload's creationTimestamp, and the uid
 * `<namespace>/<name>/<ordinal>` zero-pads the ordinal so that the scheduler's tie-break by uid
 * keeps ordinals in order. A StatefulSet pod also gets one volume per claim template, naming the
 * claim `<template>-<name>-<ordinal>` as the StatefulSet controller does.
 *
 * @param kind - `Deployment`, `ReplicaSet`, `ReplicationController`, `StatefulSet` or `Job`
 * @param workload - the validated workload
 * @param namespace - the workload's namespace (already defaulted)
 * @param ordinals - which pods to build, ascending; default every one from 0 (all replicas, or for a
 *   Job `min(parallelism, completions)`). `fromKubernetes` passes only those not already in its input.
 * @returns the pods, in ordinal order
 * @example
 * ```ts
 * expandWorkload("Deployment", { metadata: { name: "web" }, spec: { replicas: 2, template } }, "default")
 *   .map((p) => p.metadata.name); // ["web-0", "web-1"]
 * ```
 *
 * @category Manifests
 */
export function expandWorkload(kind: string, workload: WorkloadObject, namespace: string, ordinals?: readonly number[]): readonly Pod[] {
  const name = workload.metadata.name ?? "";
  const chosen = ordinals ?? Array.from({ length: workloadPodCount(kind, workload) }, (_, i) => i);
  const width = String(Math.max(chosen.at(-1) ?? 0, 0)).length;
  const template = workload.spec.template;
  const owner = { kind, name, controller: true, ...(workload.metadata.uid === undefined ? {} : { uid: workload.metadata.uid }) };
  const pods: Pod[] = [];
  for (const ordinal of chosen) {
    const claims: readonly Volume[] = (workload.spec.volumeClaimTemplates ?? []).map((claim) => ({
      name: claim.metadata.name,
      persistentVolumeClaim: { claimName: `${claim.metadata.name}-${name}-${ordinal}` },
    }));
    const spec = claims.length === 0 ? template.spec : { ...template.spec, volumes: [...(template.spec.volumes ?? []), ...claims] };
    pods.push({
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: `${name}-${ordinal}`,
        namespace,
        uid: `${namespace}/${name}/${String(ordinal).padStart(width, "0")}`,
        ...(template.metadata?.labels === undefined ? {} : { labels: template.metadata.labels }),
        ...(template.metadata?.annotations === undefined ? {} : { annotations: template.metadata.annotations }),
        ...(workload.metadata.creationTimestamp === undefined ? {} : { creationTimestamp: workload.metadata.creationTimestamp }),
        ownerReferences: [owner],
      },
      spec,
    });
  }
  return pods;
}

import type { Pod, Volume } from "nodefit";
import type { WorkloadObject } from "./schemas/workloads.js";

/**
 * How many pods a workload runs: `spec.replicas` (default 1), or for a Job `spec.parallelism`
 * (default 1) capped by `spec.completions`, as the Job controller never runs more pods than
 * completions it still needs.
 *
 * @param kind - `Deployment`, `ReplicaSet`, `StatefulSet` or `Job`
 * @param workload - the validated workload
 * @returns the number of pods {@link expandWorkload} creates
 * @internal
 */
export function workloadPodCount(kind: string, workload: WorkloadObject): number {
  const spec = workload.spec;
  if (kind === "Job") return Math.min(spec.parallelism ?? 1, spec.completions ?? Number.POSITIVE_INFINITY);
  return spec.replicas ?? 1;
}

/**
 * The pending pods a Deployment, ReplicaSet, StatefulSet or Job stands for: `<name>-<ordinal>` from
 * 0, in the workload's namespace, with the template's labels, annotations and spec.
 *
 * Creation order is ordinal order: every pod takes the workload's creationTimestamp, and the uid
 * `<namespace>/<name>/<ordinal>` zero-pads the ordinal so that the scheduler's tie-break by uid
 * keeps ordinals in order. A StatefulSet pod also gets one volume per claim template, naming the
 * claim `<template>-<name>-<ordinal>` as the StatefulSet controller does.
 *
 * @param kind - `Deployment`, `ReplicaSet`, `StatefulSet` or `Job`
 * @param workload - the validated workload
 * @param namespace - the workload's namespace (already defaulted)
 * @returns the pods, in ordinal order
 * @example
 * ```ts
 * expandWorkload("Deployment", { metadata: { name: "web" }, spec: { replicas: 2, template } }, "default")
 *   .map((p) => p.metadata.name); // ["web-0", "web-1"]
 * ```
 */
export function expandWorkload(kind: string, workload: WorkloadObject, namespace: string): readonly Pod[] {
  const name = workload.metadata.name ?? "";
  const count = workloadPodCount(kind, workload);
  const width = String(Math.max(count - 1, 0)).length;
  const template = workload.spec.template;
  const owner = { kind, name, controller: true, ...(workload.metadata.uid === undefined ? {} : { uid: workload.metadata.uid }) };
  const pods: Pod[] = [];
  for (let ordinal = 0; ordinal < count; ordinal++) {
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

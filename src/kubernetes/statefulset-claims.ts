import type { PersistentVolumeClaim } from "nodefit";
import type { WorkloadObject } from "./schemas/workloads.js";

/**
 * The claims a StatefulSet's controller creates from its `volumeClaimTemplates`: `<template>-<set>-<ordinal>`
 * in the set's namespace, unbound, with the template's class (absent: the default class). Used for claims the
 * input does not hold, as the controller would create them when it creates the pods.
 *
 * @param workload - the StatefulSet
 * @param namespace - its namespace
 * @param count - how many pods it runs
 * @returns the claims, in ordinal then template order
 * @internal
 */
export function statefulSetClaims(workload: WorkloadObject, namespace: string, count: number): readonly PersistentVolumeClaim[] {
  const name = workload.metadata.name ?? "";
  const out: PersistentVolumeClaim[] = [];
  for (let ordinal = 0; ordinal < count; ordinal++) {
    for (const template of workload.spec.volumeClaimTemplates ?? []) {
      const storageClassName = template.spec?.storageClassName;
      out.push({
        metadata: { name: `${template.metadata.name}-${name}-${ordinal}`, namespace },
        spec: storageClassName === undefined ? {} : { storageClassName },
      });
    }
  }
  return out;
}

import type { ObjectMeta, Pod } from "nodefit";
import type { WorkloadObject } from "./schemas/workloads.js";

/** The kinds that expand into pods. */
export type WorkloadKind = "Deployment" | "ReplicaSet" | "ReplicationController" | "StatefulSet" | "Job";

/** A workload as the ownership rules see it: its kind, the validated object and its (defaulted) namespace. */
export interface OwnedWorkload {
  readonly kind: WorkloadKind;
  readonly workload: WorkloadObject;
  readonly namespace: string;
}

type OwnerReference = NonNullable<ObjectMeta["ownerReferences"]>[number];

/**
 * The reference to an object's controller: the owner reference marked `controller: true`, or, in
 * hand-written manifests that mark none, the first one.
 *
 * @param metadata - the object's metadata
 * @returns the controller reference, if any
 * @internal
 */
export function controllerOf(metadata: ObjectMeta): OwnerReference | undefined {
  const references = metadata.ownerReferences ?? [];
  return references.find((r) => r.controller === true) ?? references[0];
}

/** Whether a pod has finished (phase Succeeded or Failed). */
function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === "Succeeded" || phase === "Failed";
}

/** Whether a controller counts the pod as one of its replicas: not finished, not being deleted (Kubernetes' `IsPodActive`). */
function isActive(pod: Pod): boolean {
  return !isTerminal(pod) && pod.metadata.deletionTimestamp == null;
}

/** Whether a Job condition says the Job has finished. */
function finished(workload: WorkloadObject): boolean {
  return (workload.status?.conditions ?? []).some((c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True");
}

/** `kind`, namespace and name as one map key. */
function ownerKey(kind: string, namespace: string, name: string): string {
  return `${kind}\u0000${namespace}\u0000${name}`;
}

/** Objects grouped by the controller they name, for lookup by the controller's kind, namespace and name. */
class ByController<T> {
  private readonly map = new Map<string, { readonly object: T; readonly reference: OwnerReference }[]>();

  /**
   * @param objects - the objects to index
   * @param where - an object's metadata and (defaulted) namespace
   */
  constructor(objects: readonly T[], where: (object: T) => readonly [ObjectMeta, string]) {
    for (const object of objects) {
      const [metadata, namespace] = where(object);
      const reference = controllerOf(metadata);
      if (reference === undefined) continue;
      const key = ownerKey(reference.kind, namespace, reference.name);
      const list = this.map.get(key);
      if (list === undefined) this.map.set(key, [{ object, reference }]);
      else list.push({ object, reference });
    }
  }

  /**
   * The objects whose controller is `owner`: by uid when both sides have one (a uid mismatch is an
   * owner of the same name that was deleted and re-created), by kind and name otherwise.
   */
  of(kind: string, namespace: string, owner: ObjectMeta): readonly T[] {
    const candidates = this.map.get(ownerKey(kind, namespace, owner.name ?? "")) ?? [];
    return candidates
      .filter(({ reference }) => reference.uid === undefined || owner.uid === undefined || reference.uid === owner.uid)
      .map(({ object }) => object);
  }
}

/**
 * What the workloads of one input still have to create, given the pods the input already holds.
 *
 * The pods in the input are the truth and controllers only add what is missing, as the controllers
 * themselves would: a Deployment with a ReplicaSet of its own in the input adds nothing (its
 * ReplicaSets speak for it), and without one, like a ReplicaSet; a ReplicaSet or ReplicationController
 * adds `spec.replicas` minus its active pods; a StatefulSet adds the ordinals whose `<name>-<i>` pod is absent; a Job adds
 * `min(parallelism, completions - succeeded) - active`. Without pods or owned ReplicaSets in the
 * input (plain manifests) every workload expands in full.
 *
 * @internal
 */
export class Ownership {
  private readonly pods: ByController<Pod>;
  private readonly replicaSets: ByController<OwnedWorkload>;
  /** Ordinals of the pods named `<base>-<ordinal>`, by namespace and base, for StatefulSets. */
  private readonly ordinals = new Map<string, number[]>();

  /**
   * @param pods - every pod of the input (pending, bound and finished), namespaces defaulted
   * @param workloads - every workload of the input
   */
  constructor(pods: readonly Pod[], workloads: readonly OwnedWorkload[]) {
    const namespaceOf = (pod: Pod): string => pod.metadata.namespace ?? "default";
    this.pods = new ByController(pods, (pod) => [pod.metadata, namespaceOf(pod)]);
    this.replicaSets = new ByController(
      workloads.filter((w) => w.kind === "ReplicaSet"),
      (w) => [w.workload.metadata, w.namespace],
    );
    for (const pod of pods) {
      const match = /^(.*)-(0|[1-9][0-9]{0,15})$/.exec(pod.metadata.name ?? "");
      if (match === null) continue;
      const key = ownerKey("", namespaceOf(pod), match[1] ?? "");
      const list = this.ordinals.get(key);
      if (list === undefined) this.ordinals.set(key, [Number(match[2])]);
      else list.push(Number(match[2]));
    }
  }

  /** The input's pods controlled by the workload. */
  private owned({ kind, workload, namespace }: OwnedWorkload): readonly Pod[] {
    return this.pods.of(kind, namespace, workload.metadata);
  }

  /** The StatefulSet's ordinals below `replicas` whose pod is in the input. */
  private presentOrdinals({ workload, namespace }: OwnedWorkload, replicas: number): ReadonlySet<number> {
    const ordinals = this.ordinals.get(ownerKey("", namespace, workload.metadata.name ?? "")) ?? [];
    return new Set(ordinals.filter((ordinal) => ordinal < replicas));
  }

  /**
   * How many pods the workload still has to create.
   *
   * @param entry - the workload
   * @returns a count, never negative
   */
  missing(entry: OwnedWorkload): number {
    const { kind, workload } = entry;
    const spec = workload.spec;
    switch (kind) {
      case "Deployment":
        // Its ReplicaSets speak for it; without them, pods it controls directly (hand-written, or read back
        // from an earlier expansion) are its replicas.
        if (this.replicaSets.of(kind, entry.namespace, workload.metadata).length > 0) return 0;
        return Math.max(0, (spec.replicas ?? 1) - this.owned(entry).filter(isActive).length);
      case "ReplicaSet":
      case "ReplicationController":
        return Math.max(0, (spec.replicas ?? 1) - this.owned(entry).filter(isActive).length);
      case "StatefulSet": {
        const replicas = spec.replicas ?? 1;
        return replicas - this.presentOrdinals(entry, replicas).size;
      }
      case "Job": {
        if (spec.suspend === true || finished(workload)) return 0;
        const pods = this.owned(entry);
        // The larger of the status and the pods in the input: status survives pods that were cleaned up,
        // pods are newer than a status the controller has not yet written.
        const active = Math.max(workload.status?.active ?? 0, pods.filter(isActive).length);
        const succeeded = Math.max(workload.status?.succeeded ?? 0, pods.filter((p) => p.status?.phase === "Succeeded").length);
        const parallelism = spec.parallelism ?? 1;
        // Without completions, the Job is done once any pod succeeded (a work queue).
        const wanted = spec.completions === undefined ? (succeeded > 0 ? 0 : parallelism) : Math.min(parallelism, spec.completions - succeeded);
        return Math.max(0, wanted - active);
      }
    }
  }

  /**
   * The ordinals of the pods the workload still has to create ({@link Ownership.missing} of them):
   * a StatefulSet's absent ordinals; for the others the lowest ordinals whose `<name>-<i>` is not a
   * pod the workload already controls.
   *
   * @param entry - the workload
   * @returns the ordinals, ascending
   */
  missingOrdinals(entry: OwnedWorkload): readonly number[] {
    const count = this.missing(entry);
    const ordinals: number[] = [];
    if (entry.kind === "StatefulSet") {
      const present = this.presentOrdinals(entry, entry.workload.spec.replicas ?? 1);
      for (let i = 0; ordinals.length < count; i++) if (!present.has(i)) ordinals.push(i);
      return ordinals;
    }
    const taken = new Set(this.owned(entry).map((p) => p.metadata.name));
    const name = entry.workload.metadata.name ?? "";
    for (let i = 0; ordinals.length < count; i++) if (!taken.has(`${name}-${i}`)) ordinals.push(i);
    return ordinals;
  }
}

/**
 * The storage objects indexed by name once per run.
 *
 * @module
 */
import type { CSINode, PersistentVolume, PersistentVolumeClaim, StorageClass } from "../types/storage.js";
import type { VolumeObjects } from "./types.js";

/**
 * The annotation that marks a StorageClass as the cluster default.
 *
 * @category Volumes
 */
export const DEFAULT_STORAGE_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

/**
 * Storage objects by name: claims by `namespace/name`, volumes, classes and CSINodes by name.
 *
 * @category Volumes
 */
export interface VolumeIndex {
  readonly claims: ReadonlyMap<string, PersistentVolumeClaim>;
  readonly volumes: ReadonlyMap<string, PersistentVolume>;
  readonly classes: ReadonlyMap<string, StorageClass>;
  readonly csiNodes: ReadonlyMap<string, CSINode>;
  /** The class a claim without `storageClassName` gets, as the DefaultStorageClass admission plugin picks it. */
  readonly defaultClass: string | undefined;
}

function millis(t: string | Date | undefined): number {
  if (t === undefined) return 0;
  const ms = t instanceof Date ? t.getTime() : Date.parse(t);
  return Number.isNaN(ms) ? 0 : ms;
}

/**
 * The default StorageClass: among classes annotated `is-default-class: "true"`, the newest (as Kubernetes'
 * admission plugin picks it), ties by name.
 */
function defaultClassOf(classes: readonly StorageClass[]): string | undefined {
  let best: StorageClass | undefined;
  for (const c of classes) {
    if (c.metadata.annotations?.[DEFAULT_STORAGE_CLASS_ANNOTATION] !== "true") continue;
    if (best === undefined) {
      best = c;
      continue;
    }
    const a = millis(c.metadata.creationTimestamp);
    const b = millis(best.metadata.creationTimestamp);
    if (a > b || (a === b && (c.metadata.name ?? "") < (best.metadata.name ?? ""))) best = c;
  }
  return best?.metadata.name;
}

/**
 * Indexes storage objects by name. A second object of the same name is ignored (the first wins), as the
 * edge refuses duplicates before this point.
 *
 * @param objects - the storage objects
 * @returns the index
 * @category Volumes
 */
export function indexVolumeObjects(objects: VolumeObjects): VolumeIndex {
  const claims = new Map<string, PersistentVolumeClaim>();
  for (const c of objects.persistentVolumeClaims ?? []) {
    const key = `${c.metadata.namespace ?? "default"}/${c.metadata.name ?? ""}`;
    if (!claims.has(key)) claims.set(key, c);
  }
  const byName = <T extends { readonly metadata: { readonly name?: string | undefined } }>(list: readonly T[] | undefined): Map<string, T> => {
    const out = new Map<string, T>();
    for (const o of list ?? []) if (!out.has(o.metadata.name ?? "")) out.set(o.metadata.name ?? "", o);
    return out;
  };
  const storageClasses = objects.storageClasses ?? [];
  return {
    claims,
    volumes: byName(objects.persistentVolumes),
    classes: byName(storageClasses),
    csiNodes: byName(objects.csiNodes),
    defaultClass: defaultClassOf(storageClasses),
  };
}

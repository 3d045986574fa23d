/**
 * Which PersistentVolumeClaims a pod's volumes use, as upstream's `GetPersistentVolumeClaim` finds them.
 *
 * @module
 */
import type { Pod, Volume } from "../types/kubernetes.js";
import type { PersistentVolumeClaim } from "../types/storage.js";
import type { VolumeIndex } from "./volume-index.js";

/**
 * One claim-backed volume of a pod.
 *
 * @category Volumes
 */
export interface PodClaim {
  /** The pod's volume name. */
  readonly volume: string;
  /** `namespace/name` of the claim. */
  readonly key: string;
  /** The claim; undefined when it is not in the input. */
  readonly claim: PersistentVolumeClaim | undefined;
  /** True when the claim was made from the pod's ephemeral volume template (it was not in the input). */
  readonly fromTemplate: boolean;
}

/**
 * The claim of an ephemeral volume not in the input, as the ephemeral-volume controller creates it from the
 * template: same name rule, the template's class.
 */
function templateClaim(namespace: string, name: string, volume: Volume): PersistentVolumeClaim {
  const storageClassName = volume.ephemeral?.volumeClaimTemplate?.spec?.storageClassName;
  return { metadata: { name, namespace }, spec: storageClassName === undefined ? {} : { storageClassName } };
}

/**
 * The pod's claim-backed volumes in volume order: a `persistentVolumeClaim` names its claim; a generic
 * ephemeral volume's claim is `<pod name>-<volume name>` (Kubernetes' naming rule). Other volume types
 * (emptyDir, hostPath, configMap, ...) have no claim and are left out.
 *
 * @param pod - the pod
 * @param index - the storage objects
 * @returns the claims, each with the object when the input has it
 * @category Volumes
 */
export function podClaims(pod: Pod, index: VolumeIndex): readonly PodClaim[] {
  const namespace = pod.metadata.namespace ?? "default";
  const out: PodClaim[] = [];
  for (const volume of pod.spec.volumes ?? []) {
    const volumeName = volume.name ?? "";
    if (volume.persistentVolumeClaim !== undefined) {
      const key = `${namespace}/${volume.persistentVolumeClaim.claimName}`;
      out.push({ volume: volumeName, key, claim: index.claims.get(key), fromTemplate: false });
    } else if (volume.ephemeral !== undefined) {
      const name = `${pod.metadata.name ?? ""}-${volumeName}`;
      const key = `${namespace}/${name}`;
      const claim = index.claims.get(key);
      out.push({ volume: volumeName, key, claim: claim ?? templateClaim(namespace, name, volume), fromTemplate: claim === undefined });
    }
  }
  return out;
}

/**
 * The StorageClass a claim uses: its `storageClassName`; when it names none (the field is absent, not `""`),
 * the default class, as the API server's DefaultStorageClass admission would have set it.
 *
 * @param claim - the claim
 * @param index - the storage objects
 * @returns the class name, `""` for none
 * @category Volumes
 */
export function claimStorageClass(claim: PersistentVolumeClaim, index: VolumeIndex): string {
  return claim.spec?.storageClassName ?? index.defaultClass ?? "";
}

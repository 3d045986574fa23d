/**
 * Builders for storage objects, shaped like upstream's test helpers (`test.PersistentVolumeClaim`,
 * `test.PersistentVolume`, `test.StorageClass`): a claim naming a volume carries the bind-completed
 * annotation; a volume defaults to a CSI volume of driver `test.driver`; a class to provisioner
 * `test-provisioner`.
 */
import type { NodeSelectorTerm, Pod } from "../../src/types/kubernetes.js";
import type { CSINode, PersistentVolume, PersistentVolumeClaim, StorageClass } from "../../src/types/storage.js";
import { pod, type PodOptions } from "../scenarios/helpers.js";

export const ZONE = "topology.kubernetes.io/zone";
export const HOSTNAME = "kubernetes.io/hostname";

export function claim(
  name: string,
  o: { storageClassName?: string; volumeName?: string; namespace?: string; phase?: string; deleting?: boolean } = {},
): PersistentVolumeClaim {
  return {
    metadata: {
      name,
      namespace: o.namespace ?? "default",
      ...(o.volumeName !== undefined ? { annotations: { "pv.kubernetes.io/bind-completed": "yes" } } : {}),
      ...(o.deleting === true ? { deletionTimestamp: "2025-01-01T00:00:00Z" } : {}),
    },
    spec: {
      ...(o.storageClassName !== undefined ? { storageClassName: o.storageClassName } : {}),
      ...(o.volumeName !== undefined ? { volumeName: o.volumeName } : {}),
    },
    ...(o.phase !== undefined ? { status: { phase: o.phase } } : {}),
  };
}

export function volume(
  name: string,
  o: {
    zones?: readonly string[];
    terms?: readonly NodeSelectorTerm[];
    local?: boolean;
    hostPath?: boolean;
    driver?: string;
    inTreeEbs?: boolean;
    deleting?: boolean;
  } = {},
): PersistentVolume {
  const terms = o.terms ?? (o.zones !== undefined ? [{ matchExpressions: [{ key: ZONE, operator: "In", values: o.zones }] }] : undefined);
  const source =
    o.local === true
      ? { local: { path: "/mnt/local-disks" } }
      : o.hostPath === true
        ? { hostPath: { path: "/mnt/local-disks" } }
        : o.inTreeEbs === true
          ? { awsElasticBlockStore: { volumeID: "vol-1" } }
          : { csi: { driver: o.driver ?? "test.driver", volumeHandle: "test-handle" } };
  return {
    metadata: { name, ...(o.deleting === true ? { deletionTimestamp: "2025-01-01T00:00:00Z" } : {}) },
    spec: { ...source, ...(terms !== undefined ? { nodeAffinity: { required: { nodeSelectorTerms: terms } } } : {}) },
  };
}

export function storageClass(
  name: string,
  o: {
    zones?: readonly string[];
    allowedTopologies?: StorageClass["allowedTopologies"];
    provisioner?: string;
    bindingMode?: string;
    isDefault?: boolean;
    created?: string;
  } = {},
): StorageClass {
  const allowedTopologies = o.allowedTopologies ?? (o.zones !== undefined ? [{ matchLabelExpressions: [{ key: ZONE, values: o.zones }] }] : undefined);
  return {
    metadata: {
      name,
      ...(o.isDefault === true ? { annotations: { "storageclass.kubernetes.io/is-default-class": "true" } } : {}),
      ...(o.created !== undefined ? { creationTimestamp: o.created } : {}),
    },
    provisioner: o.provisioner ?? "test-provisioner",
    ...(o.bindingMode !== undefined ? { volumeBindingMode: o.bindingMode } : {}),
    ...(allowedTopologies !== undefined ? { allowedTopologies } : {}),
  };
}

export function csiNode(nodeName: string, driver: string, count: number): CSINode {
  return { metadata: { name: nodeName }, spec: { drivers: [{ name: driver, nodeID: "fake-node-id", allocatable: { count } }] } };
}

/** A pod using the named claims (volumes `vol-0`, `vol-1`, ...). */
export function podWithClaims(name: string, claims: readonly string[], o: PodOptions = {}): Pod {
  const p = pod(name, o);
  return { ...p, spec: { ...p.spec, volumes: claims.map((claimName, i) => ({ name: `vol-${i}`, persistentVolumeClaim: { claimName } })) } };
}

/** A pod with one generic ephemeral volume `tmp` (claim `<pod>-tmp`). */
export function podWithEphemeral(name: string, storageClassName: string | undefined, o: PodOptions = {}): Pod {
  const p = pod(name, o);
  const template = storageClassName === undefined ? {} : { spec: { storageClassName } };
  return { ...p, spec: { ...p.spec, volumes: [{ name: "tmp", ephemeral: { volumeClaimTemplate: template } }] } };
}

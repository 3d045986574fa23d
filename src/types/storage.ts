/**
 * Structural shapes of the storage objects scheduling reads: PersistentVolumeClaim, PersistentVolume,
 * StorageClass (`storage.k8s.io/v1`) and CSINode (`storage.k8s.io/v1`). Only the fields upstream Karpenter's
 * volume topology and volume limits look at.
 *
 * @module
 */
import type { NodeSelectorTerm, ObjectMeta } from "./kubernetes.js";

/**
 * A v1 PersistentVolumeClaim.
 *
 * @category Kubernetes objects
 */
export interface PersistentVolumeClaim {
  readonly apiVersion?: string | undefined;
  readonly kind?: string | undefined;
  readonly metadata: ObjectMeta;
  readonly spec?:
    | {
        /** `""` asks for no class; absent means the cluster's default class. */
        readonly storageClassName?: string | undefined;
        /** The PersistentVolume the claim is bound to. */
        readonly volumeName?: string | undefined;
      }
    | undefined;
  readonly status?: { readonly phase?: string | undefined } | undefined;
}

/**
 * A v1 PersistentVolume.
 *
 * @category Kubernetes objects
 */
export interface PersistentVolume {
  readonly apiVersion?: string | undefined;
  readonly kind?: string | undefined;
  readonly metadata: ObjectMeta;
  readonly spec?:
    | {
        readonly storageClassName?: string | undefined;
        /** Nodes the volume can be reached from; its terms are ORed. */
        readonly nodeAffinity?: { readonly required?: { readonly nodeSelectorTerms: readonly NodeSelectorTerm[] } | undefined } | undefined;
        readonly csi?: { readonly driver: string; readonly volumeHandle?: string | undefined } | undefined;
        /** In-tree EBS volume (counted under the EBS CSI driver). */
        readonly awsElasticBlockStore?: { readonly volumeID?: string | undefined } | undefined;
        readonly local?: { readonly path?: string | undefined } | undefined;
        readonly hostPath?: { readonly path?: string | undefined } | undefined;
      }
    | undefined;
}

/**
 * One term of a StorageClass's `allowedTopologies`; its expressions are ANDed, terms ORed.
 *
 * @category Kubernetes objects
 */
export interface TopologySelectorTerm {
  readonly matchLabelExpressions?: readonly { readonly key: string; readonly values: readonly string[] }[] | undefined;
}

/**
 * A storage.k8s.io/v1 StorageClass.
 *
 * @category Kubernetes objects
 */
export interface StorageClass {
  readonly apiVersion?: string | undefined;
  readonly kind?: string | undefined;
  readonly metadata: ObjectMeta;
  readonly provisioner: string;
  /** `Immediate` (Kubernetes' default) or `WaitForFirstConsumer`. */
  readonly volumeBindingMode?: string | undefined;
  readonly allowedTopologies?: readonly TopologySelectorTerm[] | undefined;
}

/**
 * A storage.k8s.io/v1 CSINode: per CSI driver, how many volumes the node can attach.
 *
 * @category Kubernetes objects
 */
export interface CSINode {
  readonly apiVersion?: string | undefined;
  readonly kind?: string | undefined;
  /** Named after its node. */
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly drivers: readonly {
      readonly name: string;
      readonly nodeID?: string | undefined;
      readonly allocatable?: { readonly count?: number | undefined } | undefined;
    }[];
  };
}

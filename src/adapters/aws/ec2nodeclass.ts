/**
 * The parts of a `karpenter.k8s.aws/v1 EC2NodeClass` that change what a node can hold: the AMI family, kubelet
 * settings, block devices, the instance-store policy, network interfaces and the zones of its subnets.
 */
import { InputError, type ResourceMap, type StringMap } from "nodefit";
import { AWS_AMI_FAMILIES, isAwsAmiFamily, type AwsAmiFamily } from "./ami-family.js";
import type { AwsBlockDeviceMapping, AwsInstanceTypeOptions, AwsNetworkInterface } from "./options.js";

/**
 * The API group and kind a NodePool's `nodeClassRef` names for an EC2NodeClass.
 *
 * @category Node classes
 */
export const EC2_NODE_CLASS_GROUP = "karpenter.k8s.aws";
/**
 * See {@link EC2_NODE_CLASS_GROUP}.
 *
 * @category Node classes
 */
export const EC2_NODE_CLASS_KIND = "EC2NodeClass";

/**
 * `spec.kubelet` of an EC2NodeClass (the fields that change capacity or overhead).
 *
 * @category Node classes
 */
export interface Ec2NodeClassKubelet {
  readonly maxPods?: number | undefined;
  readonly podsPerCore?: number | undefined;
  readonly systemReserved?: ResourceMap | undefined;
  readonly kubeReserved?: ResourceMap | undefined;
  readonly evictionHard?: StringMap | undefined;
  /** Accepted; soft eviction does not change allocatable (as upstream). */
  readonly evictionSoft?: StringMap | undefined;
}

/**
 * An EC2NodeClass as `kubectl get ec2nodeclasses -o yaml` prints it (the fields nodefit reads).
 *
 * @category Node classes
 */
export interface Ec2NodeClass {
  readonly apiVersion?: string | undefined;
  readonly kind?: string | undefined;
  readonly metadata?: { readonly name?: string | undefined } | undefined;
  readonly spec?:
    | {
        readonly amiFamily?: string | undefined;
        readonly amiSelectorTerms?: readonly { readonly alias?: string | undefined }[] | undefined;
        readonly kubelet?: Ec2NodeClassKubelet | undefined;
        readonly blockDeviceMappings?: readonly AwsBlockDeviceMapping[] | undefined;
        readonly instanceStorePolicy?: string | undefined;
        readonly networkInterfaces?: readonly AwsNetworkInterface[] | undefined;
      }
    | undefined;
  readonly status?: { readonly subnets?: readonly { readonly id?: string | undefined; readonly zone?: string | undefined }[] | undefined } | undefined;
}

/**
 * The AMI family of a class, as upstream decides it: `spec.amiFamily`, else the family of the first
 * `amiSelectorTerms` alias (`al2023@latest` → `AL2023`), else `Custom`.
 *
 * @param nodeClass - the EC2NodeClass
 * @returns the family
 * @throws InputError naming the field of an unknown family or a malformed alias
 * @example ec2NodeClassAmiFamily({ spec: { amiSelectorTerms: [{ alias: "bottlerocket@latest" }] } }) // "Bottlerocket"
 *
 * @category Node classes
 */
export function ec2NodeClassAmiFamily(nodeClass: Ec2NodeClass): AwsAmiFamily {
  const spec = nodeClass.spec;
  if (spec?.amiFamily !== undefined) {
    if (!isAwsAmiFamily(spec.amiFamily)) {
      throw new InputError(`unknown amiFamily "${spec.amiFamily}"; expected one of ${AWS_AMI_FAMILIES.join(", ")}`, ["spec", "amiFamily"]);
    }
    return spec.amiFamily;
  }
  const terms = spec?.amiSelectorTerms ?? [];
  const at = terms.findIndex((t) => (t.alias ?? "") !== "");
  if (at < 0) return "Custom";
  const alias = terms[at]?.alias ?? "";
  const parts = alias.split("@");
  const family = AWS_AMI_FAMILIES.find((f) => f !== "Custom" && f.toLowerCase() === parts[0]);
  if (parts.length !== 2 || family === undefined) {
    const names = AWS_AMI_FAMILIES.filter((f) => f !== "Custom").map((f) => f.toLowerCase());
    throw new InputError(`alias "${alias}" is not <family>@<version> with family one of ${names.join(", ")}`, ["spec", "amiSelectorTerms", at, "alias"]);
  }
  return family;
}

/**
 * The adapter options an EC2NodeClass stands for; merge them over the catalogue's prices and tables.
 *
 * @param nodeClass - the EC2NodeClass
 * @returns AMI family, kubelet settings, block devices, instance-store policy, network interfaces, and the
 *   zones of `status.subnets` (absent when the status lists no subnet: every zone stays open)
 * @throws InputError naming the field of a value upstream would refuse
 * @example
 * ```ts
 * ec2NodeClassOptions({ spec: { kubelet: { maxPods: 20 } }, status: { subnets: [{ zone: "us-east-1a" }] } });
 * // { amiFamily: "Custom", maxPods: 20, zones: ["us-east-1a"], ... }
 * ```
 *
 * @category Node classes
 */
export function ec2NodeClassOptions(nodeClass: Ec2NodeClass): AwsInstanceTypeOptions {
  const spec = nodeClass.spec;
  const kubelet = spec?.kubelet;
  const policy = spec?.instanceStorePolicy;
  if (policy !== undefined && policy !== "RAID0") throw new InputError(`instanceStorePolicy must be RAID0, got "${policy}"`, ["spec", "instanceStorePolicy"]);
  for (const field of ["maxPods", "podsPerCore"] as const) {
    const value = kubelet?.[field];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new InputError(`${field} must be a whole number of at least 0, got ${String(value)}`, ["spec", "kubelet", field]);
    }
  }
  const zones = [...new Set((nodeClass.status?.subnets ?? []).flatMap((s) => (s.zone === undefined || s.zone === "" ? [] : [s.zone])))].sort();
  const options: AwsInstanceTypeOptions = {
    amiFamily: ec2NodeClassAmiFamily(nodeClass),
    maxPods: kubelet?.maxPods,
    podsPerCore: kubelet?.podsPerCore,
    kubeReserved: kubelet?.kubeReserved,
    systemReserved: kubelet?.systemReserved,
    evictionHard: kubelet?.evictionHard,
    evictionSoft: kubelet?.evictionSoft,
    blockDeviceMappings: spec?.blockDeviceMappings,
    instanceStorePolicy: policy,
    networkInterfaces: spec?.networkInterfaces,
    ...(zones.length > 0 ? { zones } : {}),
  };
  return options;
}

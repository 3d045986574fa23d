/**
 * The options of the AWS adapter: the parts of an `EC2NodeClass`, Karpenter's global settings and the
 * cloud's price and zone data that change an instance type's labels, capacity, overhead or offerings.
 */
import type { QuantityInput, ResourceMap, StringMap } from "nodefit";
import type { AwsAmiFamily } from "./ami-family.js";
import type { AwsVpcLimits } from "./types.js";

/**
 * One entry of `EC2NodeClass.spec.blockDeviceMappings` (the fields that size ephemeral storage).
 *
 * @category Catalogue
 */
export interface AwsBlockDeviceMapping {
  readonly deviceName?: string | undefined;
  /** The volume kubelet and the container runtime use. */
  readonly rootVolume?: boolean | undefined;
  readonly ebs?: { readonly volumeSize?: QuantityInput | undefined } | undefined;
}

/**
 * One entry of `EC2NodeClass.spec.networkInterfaces`; EFA-only interfaces take ENIs away from pods.
 *
 * @category Catalogue
 */
export interface AwsNetworkInterface {
  readonly networkCardIndex: number;
  readonly deviceIndex?: number | undefined;
  readonly interfaceType: "interface" | "efa-only";
}

/**
 * Resource amounts keyed by resource name, as an object (EC2NodeClass YAML) or a `Map`.
 *
 * @category Catalogue
 */
export type AwsResourceInput = ResourceMap | ReadonlyMap<string, QuantityInput>;

/**
 * Eviction signals (`memory.available`, `nodefs.available`) to quantities or percentages.
 *
 * @category Catalogue
 */
export type AwsEvictionInput = StringMap | ReadonlyMap<string, string>;

/**
 * Options mirroring an `EC2NodeClass` and Karpenter's settings; every one is optional.
 *
 * @category Catalogue
 */
export interface AwsInstanceTypeOptions {
  /** Default `AL2023`. */
  readonly amiFamily?: AwsAmiFamily | undefined;
  /** kubelet `maxPods`: replaces the ENI-limited pod count. */
  readonly maxPods?: number | undefined;
  /** kubelet `podsPerCore`: caps pods at `podsPerCore × vCPUs` (ignored on Bottlerocket). */
  readonly podsPerCore?: number | undefined;
  /** Karpenter's `RESERVED_ENIS` (default 0; 1 with VPC CNI custom networking). */
  readonly reservedENIs?: number | undefined;
  /** kubelet `kubeReserved`: replaces the computed default per resource. */
  readonly kubeReserved?: AwsResourceInput | undefined;
  /** kubelet `systemReserved`. */
  readonly systemReserved?: AwsResourceInput | undefined;
  /** kubelet `evictionHard`: `memory.available` and `nodefs.available` replace the defaults (100Mi, 10%). */
  readonly evictionHard?: AwsEvictionInput | undefined;
  /** kubelet `evictionSoft`: accepted for completeness; soft eviction does not change allocatable. */
  readonly evictionSoft?: AwsEvictionInput | undefined;
  readonly blockDeviceMappings?: readonly AwsBlockDeviceMapping[] | undefined;
  /** `RAID0` puts ephemeral storage on the instance-store volumes of types that have them. */
  readonly instanceStorePolicy?: "RAID0" | undefined;
  readonly networkInterfaces?: readonly AwsNetworkInterface[] | undefined;
  /** Karpenter's `VM_MEMORY_OVERHEAD_PERCENT` (default 0.075). */
  readonly vmMemoryOverheadPercent?: number | undefined;
  /** Default `us-east-1`. */
  readonly region?: string | undefined;
  /**
   * Zones the NodeClass's subnets cover. Default: every zone of `zonesByType`, or the region's `a`, `b`
   * and `c` zones when that is absent too.
   */
  readonly zones?: readonly string[] | undefined;
  /** `DescribeInstanceTypeOfferings`: zones each type is offered in. Missing type: offered in every zone. */
  readonly zonesByType?: ReadonlyMap<string, readonly string[]> | undefined;
  /** On-demand price per hour by type. A type without one has unavailable on-demand offerings. */
  readonly onDemandPrices?: ReadonlyMap<string, number> | undefined;
  /**
   * Spot price per hour by type, then zone. Until given, spot is priced at on-demand in every zone (as
   * Karpenter does before its first spot-price refresh); once given, a zone without a price is unavailable.
   */
  readonly spotPrices?: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined;
  /** Baseline network bandwidth in Mbps by type (the `instance-network-bandwidth` label). */
  readonly networkBandwidthMbps?: ReadonlyMap<string, number> | undefined;
  /** Branch-ENI limits by type (the `vpc.amazonaws.com/pod-eni` resource; Windows private IPv4 addresses). */
  readonly vpcLimits?: ReadonlyMap<string, AwsVpcLimits> | undefined;
  /** Memory capacity a running node of the type reported, in MiB; replaces the estimate (upstream's cache). */
  readonly observedMemoryMiB?: ReadonlyMap<string, number> | undefined;
  /**
   * Restricts the types to these NodePools (a `karpenter.sh/nodepool In [...]` requirement), so that one
   * catalogue can hold a variant of each type per EC2NodeClass; see `awsCatalogForNodePools`.
   */
  readonly nodePools?: readonly string[] | undefined;
}

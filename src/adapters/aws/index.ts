/**
 * The AWS catalogue adapter: EC2 `DescribeInstanceTypes` records to nodefit instance types with the labels,
 * capacity, overhead and offerings Karpenter's AWS provider computes, plus an embedded default catalogue.
 *
 * @example
 * ```ts
 * import { defaultAwsCatalog } from "nodefit/aws";
 * const types = defaultAwsCatalog({ amiFamily: "AL2023", zones: ["us-east-1a", "us-east-1b"] });
 * ```
 *
 * @packageDocumentation
 */
export { VERSION } from "nodefit";
export { AWS_AMI_FAMILIES, amiFamilyTraits, isAwsAmiFamily, type AwsAmiFamily, type AwsAmiFamilyTraits } from "./ami-family.js";
export { awsCapacity, eniLayout, eniLimitedPodsOf, ephemeralStorageBytes, podCapacity } from "./capacity.js";
export { awsCatalogTables, defaultAwsCatalog, embeddedAwsTables, embeddedCatalogOptions, type AwsCatalogTables } from "./catalog.js";
export {
  awsCatalogFromDescribe,
  describeOptions,
  instanceTypeRecordsFromJson,
  regionOfZones,
  type DescribeInstanceTypesOptions,
} from "./describe-instance-types.js";
export {
  EC2_NODE_CLASS_GROUP,
  EC2_NODE_CLASS_KIND,
  ec2NodeClassAmiFamily,
  ec2NodeClassOptions,
  type Ec2NodeClass,
  type Ec2NodeClassKubelet,
} from "./ec2nodeclass.js";
export {
  AWS_CAPACITY_TYPE_PRIORITY,
  awsCatalogForNodePools,
  type AwsNodePoolCatalog,
  type AwsNodePoolCatalogOptions,
} from "./node-pool-catalog.js";
export { onDemandPricesFromJson, type OnDemandPriceOptions } from "./on-demand-prices.js";
export { AWS_SPOT_PRODUCT_DESCRIPTIONS, spotPricesFromHistory, type SpotPriceOptions, type SpotPriceRecord } from "./spot-prices.js";
export { AWS_CATALOG_FAMILIES, AWS_CATALOG_REGION, AWS_CATALOG_ZONES, type AwsCatalogFamily } from "./catalog-data.js";
export {
  ARM64_CMA_RESERVE_MIB,
  DEFAULT_VM_MEMORY_OVERHEAD_PERCENT,
  defaultStorageEvictionBytes,
  eniLimitedPods,
  kubeReservedCpuMillis,
  kubeReservedMemoryMiB,
  percentageEviction,
  vmMemoryCapacityMiB,
} from "./formulas.js";
export { awsInstanceType, awsInstanceTypes } from "./instance-type.js";
export { AWS_LABELS, AWS_WELL_KNOWN_LABELS, awsLabels, kubeArchitecture, lowerKebab, type AwsLabelContext } from "./labels.js";
export { awsOfferings, capacityTypesOf, offeringZones } from "./offerings.js";
export type {
  AwsBlockDeviceMapping,
  AwsEvictionInput,
  AwsInstanceTypeOptions,
  AwsNetworkInterface,
  AwsResourceInput,
} from "./options.js";
export { awsOverhead, evictionSignal, evictionThreshold, type AwsOverhead } from "./overhead.js";
export type {
  AwsVpcLimits,
  GpuDeviceInfo,
  InferenceDeviceInfo,
  InstanceTypeInfo,
  NetworkCardInfo,
  NeuronDeviceInfo,
  NetworkInfo,
} from "./types.js";

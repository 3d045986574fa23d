/**
 * Input shapes of the AWS adapter. The `InstanceTypeInfo` family mirrors the EC2 `DescribeInstanceTypes`
 * response field for field (PascalCase, as `@aws-sdk/client-ec2` returns it), so a caller can pass SDK
 * output straight in; only the fields Karpenter reads are declared, every one optional as in the SDK.
 */

/**
 * One GPU device entry of `GpuInfo.Gpus`.
 *
 * @category Catalogue
 */
export interface GpuDeviceInfo {
  readonly Name?: string | undefined;
  readonly Manufacturer?: string | undefined;
  readonly Count?: number | undefined;
  readonly MemoryInfo?: { readonly SizeInMiB?: number | undefined } | undefined;
}

/**
 * One inference accelerator entry (Inferentia v1) of `InferenceAcceleratorInfo.Accelerators`.
 *
 * @category Catalogue
 */
export interface InferenceDeviceInfo {
  readonly Name?: string | undefined;
  readonly Manufacturer?: string | undefined;
  readonly Count?: number | undefined;
}

/**
 * One Neuron device entry (Inferentia2, Trainium) of `NeuronInfo.NeuronDevices`.
 *
 * @category Catalogue
 */
export interface NeuronDeviceInfo {
  readonly Name?: string | undefined;
  readonly Count?: number | undefined;
  readonly CoreInfo?: { readonly Count?: number | undefined } | undefined;
}

/**
 * One network card of `NetworkInfo.NetworkCards`.
 *
 * @category Catalogue
 */
export interface NetworkCardInfo {
  readonly NetworkCardIndex?: number | undefined;
  readonly MaximumNetworkInterfaces?: number | undefined;
}

/**
 * `NetworkInfo` of an EC2 instance type.
 *
 * @category Catalogue
 */
export interface NetworkInfo {
  readonly DefaultNetworkCardIndex?: number | undefined;
  readonly NetworkCards?: readonly NetworkCardInfo[] | undefined;
  /** All ENIs over all cards; pods use the default card's count instead. */
  readonly MaximumNetworkInterfaces?: number | undefined;
  readonly Ipv4AddressesPerInterface?: number | undefined;
  readonly EncryptionInTransitSupported?: boolean | undefined;
  readonly EfaInfo?: { readonly MaximumEfaInterfaces?: number | undefined } | undefined;
  /** Marketing text such as `"Up to 12.5 Gigabit"`; not used for the bandwidth label. */
  readonly NetworkPerformance?: string | undefined;
}

/**
 * An EC2 instance type as `DescribeInstanceTypes` describes it (the fields Karpenter reads).
 *
 * @category Catalogue
 */
export interface InstanceTypeInfo {
  readonly InstanceType: string;
  /** `on-demand`, `spot`, `capacity-block`. Missing means both on-demand and spot. */
  readonly SupportedUsageClasses?: readonly string[] | undefined;
  /** `nitro` or `xen`; absent for bare metal. */
  readonly Hypervisor?: string | undefined;
  readonly BareMetal?: boolean | undefined;
  /** `supported` or `unsupported`. */
  readonly NitroEnclavesSupport?: string | undefined;
  readonly ProcessorInfo?:
    | {
        readonly SupportedArchitectures?: readonly string[] | undefined;
        readonly Manufacturer?: string | undefined;
        readonly SustainedClockSpeedInGhz?: number | undefined;
      }
    | undefined;
  readonly VCpuInfo?: { readonly DefaultVCpus?: number | undefined } | undefined;
  readonly MemoryInfo?: { readonly SizeInMiB?: number | undefined } | undefined;
  readonly NetworkInfo?: NetworkInfo | undefined;
  readonly InstanceStorageInfo?:
    | {
        readonly TotalSizeInGB?: number | undefined;
        /** `required`, `supported` or `unsupported`. */
        readonly NvmeSupport?: string | undefined;
      }
    | undefined;
  readonly GpuInfo?: { readonly Gpus?: readonly GpuDeviceInfo[] | undefined } | undefined;
  readonly InferenceAcceleratorInfo?: { readonly Accelerators?: readonly InferenceDeviceInfo[] | undefined } | undefined;
  readonly NeuronInfo?: { readonly NeuronDevices?: readonly NeuronDeviceInfo[] | undefined } | undefined;
  readonly EbsInfo?:
    | {
        /** `default`, `supported` or `unsupported`; the EBS bandwidth label needs `default`. */
        readonly EbsOptimizedSupport?: string | undefined;
        readonly EbsOptimizedInfo?: { readonly MaximumBandwidthInMbps?: number | undefined } | undefined;
      }
    | undefined;
}

/**
 * Per-type VPC limits (the shape of Karpenter's generated ENI table): branch interfaces for security
 * groups per pod, and the ENI layout used when `DescribeInstanceTypes` data lacks it.
 *
 * @category Catalogue
 */
export interface AwsVpcLimits {
  readonly interface: number;
  readonly ipv4PerInterface: number;
  readonly isTrunkingCompatible: boolean;
  readonly branchInterface: number;
  readonly defaultNetworkCardIndex: number;
  readonly networkCards: readonly { readonly maximumNetworkInterfaces: number; readonly networkCardIndex: number }[];
  readonly hypervisor: string;
  readonly isBareMetal: boolean;
}

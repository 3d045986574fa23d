/**
 * `DescribeInstanceTypes` records of the worked examples in the AWS reference (§1.4–1.5), written out by
 * hand so the formula tests need no oracle files.
 */
import type { AwsVpcLimits, InstanceTypeInfo } from "nodefit/aws";

const card = (enis: number, index = 0): { NetworkCardIndex: number; MaximumNetworkInterfaces: number } => ({
  NetworkCardIndex: index,
  MaximumNetworkInterfaces: enis,
});

/** m5.large: 2 vCPU, 8 GiB, 3 ENIs × 10 IPv4. */
export const M5_LARGE: InstanceTypeInfo = {
  InstanceType: "m5.large",
  SupportedUsageClasses: ["on-demand", "spot"],
  Hypervisor: "nitro",
  BareMetal: false,
  ProcessorInfo: { SupportedArchitectures: ["x86_64"], Manufacturer: "Intel", SustainedClockSpeedInGhz: 3.1 },
  VCpuInfo: { DefaultVCpus: 2 },
  MemoryInfo: { SizeInMiB: 8192 },
  NetworkInfo: {
    DefaultNetworkCardIndex: 0,
    NetworkCards: [card(3)],
    MaximumNetworkInterfaces: 3,
    Ipv4AddressesPerInterface: 10,
    EncryptionInTransitSupported: false,
  },
  EbsInfo: { EbsOptimizedSupport: "default", EbsOptimizedInfo: { MaximumBandwidthInMbps: 4750 } },
};

/** a1.medium: Graviton1, 1 vCPU, 2 GiB, 2 ENIs × 4 IPv4. */
export const A1_MEDIUM: InstanceTypeInfo = {
  InstanceType: "a1.medium",
  Hypervisor: "nitro",
  ProcessorInfo: { SupportedArchitectures: ["arm64"], Manufacturer: "AWS", SustainedClockSpeedInGhz: 2.3 },
  VCpuInfo: { DefaultVCpus: 1 },
  MemoryInfo: { SizeInMiB: 2048 },
  NetworkInfo: { DefaultNetworkCardIndex: 0, NetworkCards: [card(2)], MaximumNetworkInterfaces: 2, Ipv4AddressesPerInterface: 4 },
};

/** p5.48xlarge: 192 vCPU, 2 TiB, 8 × H100, 32 EFA, 32 network cards of which the default has 2 ENIs. */
export const P5_48XLARGE: InstanceTypeInfo = {
  InstanceType: "p5.48xlarge",
  Hypervisor: "nitro",
  ProcessorInfo: { SupportedArchitectures: ["x86_64"], Manufacturer: "AMD", SustainedClockSpeedInGhz: 3.6 },
  VCpuInfo: { DefaultVCpus: 192 },
  MemoryInfo: { SizeInMiB: 2097152 },
  NetworkInfo: {
    DefaultNetworkCardIndex: 0,
    NetworkCards: Array.from({ length: 32 }, (_, i) => card(2, i)),
    MaximumNetworkInterfaces: 64,
    Ipv4AddressesPerInterface: 50,
    EncryptionInTransitSupported: true,
    EfaInfo: { MaximumEfaInterfaces: 32 },
  },
  InstanceStorageInfo: { TotalSizeInGB: 30400, NvmeSupport: "required" },
  GpuInfo: { Gpus: [{ Name: "H100", Manufacturer: "NVIDIA", Count: 8, MemoryInfo: { SizeInMiB: 81920 } }] },
};

/** m5.metal: 96 vCPU, 384 GiB, 15 ENIs × 50 IPv4, no hypervisor. */
export const M5_METAL: InstanceTypeInfo = {
  InstanceType: "m5.metal",
  BareMetal: true,
  ProcessorInfo: { SupportedArchitectures: ["x86_64"], Manufacturer: "Intel", SustainedClockSpeedInGhz: 3.1 },
  VCpuInfo: { DefaultVCpus: 96 },
  MemoryInfo: { SizeInMiB: 393216 },
  NetworkInfo: { DefaultNetworkCardIndex: 0, NetworkCards: [card(15)], MaximumNetworkInterfaces: 15, Ipv4AddressesPerInterface: 50 },
};

const limits = (enis: number, ipv4: number, branch: number): AwsVpcLimits => ({
  interface: enis,
  ipv4PerInterface: ipv4,
  isTrunkingCompatible: branch > 0,
  branchInterface: branch,
  defaultNetworkCardIndex: 0,
  networkCards: [{ maximumNetworkInterfaces: enis, networkCardIndex: 0 }],
  hypervisor: "nitro",
  isBareMetal: false,
});

/** Branch-ENI limits of the worked examples. */
export const WORKED_LIMITS: ReadonlyMap<string, AwsVpcLimits> = new Map([
  ["m5.large", limits(3, 10, 9)],
  ["a1.medium", limits(2, 4, 10)],
  ["p5.48xlarge", limits(64, 50, 120)],
  ["m5.metal", limits(15, 50, 120)],
]);

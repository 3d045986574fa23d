/**
 * Rebuilds `DescribeInstanceTypes`-shaped records from the oracle's labels plus its VPC limits, so the
 * adapter's formulas can be checked against every type Karpenter documents, not only the embedded ones.
 */
import type { InstanceTypeInfo } from "nodefit/aws";
import type { AwsVpcLimits } from "nodefit/aws";
import type { ReferenceType } from "./oracle.js";

const K = "karpenter.k8s.aws/";
const EC2_ARCH: Readonly<Record<string, string>> = { amd64: "x86_64", arm64: "arm64" };
// DescribeInstanceTypes spells GPU manufacturers this way; the labels lower-case them.
const GPU_MANUFACTURER: Readonly<Record<string, string>> = { nvidia: "NVIDIA", amd: "AMD", habana: "Habana" };

// Inferentia2 and Trainium come as NeuronInfo; Inferentia v1 and other makers' accelerators as InferenceAcceleratorInfo.
const NEURON_DEVICES: ReadonlySet<string> = new Set(["inferentia2", "trainium", "trainium2"]);
const ACCELERATOR_MANUFACTURER: Readonly<Record<string, string>> = { aws: "AWS" };

const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));

/**
 * A record carrying exactly what the reference labels and VPC limits say about a type.
 *
 * @param name - the instance type
 * @param ref - its reference labels
 * @param limits - its VPC limits, if listed
 * @returns the record
 */
export function recordFromReference(name: string, ref: ReferenceType, limits: AwsVpcLimits | undefined): InstanceTypeInfo {
  const l = ref.labels;
  const arch = EC2_ARCH[l["kubernetes.io/arch"] ?? ""] ?? "x86_64";
  const mhz = num(l[`${K}instance-cpu-sustained-clock-speed-mhz`]);
  const nvme = num(l[`${K}instance-local-nvme`]);
  const ebs = num(l[`${K}instance-ebs-bandwidth`]);
  const gpuCount = num(l[`${K}instance-gpu-count`]);
  const accelerator = l[`${K}instance-accelerator-name`];
  const acceleratorCount = num(l[`${K}instance-accelerator-count`]) ?? 0;
  const hypervisor = limits?.hypervisor ?? l[`${K}instance-hypervisor`] ?? "";
  return {
    InstanceType: name,
    ...(hypervisor === "" ? {} : { Hypervisor: hypervisor }),
    BareMetal: limits?.isBareMetal ?? hypervisor === "",
    ProcessorInfo: {
      SupportedArchitectures: [arch],
      Manufacturer: l[`${K}instance-cpu-manufacturer`],
      ...(mhz === undefined ? {} : { SustainedClockSpeedInGhz: mhz / 1000 }),
    },
    VCpuInfo: { DefaultVCpus: num(l[`${K}instance-cpu`]) },
    MemoryInfo: { SizeInMiB: num(l[`${K}instance-memory`]) },
    NetworkInfo: {
      ...(limits === undefined
        ? {}
        : {
            DefaultNetworkCardIndex: limits.defaultNetworkCardIndex,
            NetworkCards: limits.networkCards.map((c) => ({ NetworkCardIndex: c.networkCardIndex, MaximumNetworkInterfaces: c.maximumNetworkInterfaces })),
            MaximumNetworkInterfaces: limits.interface,
            Ipv4AddressesPerInterface: limits.ipv4PerInterface,
          }),
      EncryptionInTransitSupported: l[`${K}instance-encryption-in-transit-supported`] === "true",
    },
    ...(nvme === undefined ? {} : { InstanceStorageInfo: { TotalSizeInGB: nvme, NvmeSupport: "required" } }),
    ...(ebs === undefined ? {} : { EbsInfo: { EbsOptimizedSupport: "default", EbsOptimizedInfo: { MaximumBandwidthInMbps: ebs } } }),
    ...(gpuCount === undefined
      ? {}
      : {
          GpuInfo: {
            Gpus: [
              {
                Name: l[`${K}instance-gpu-name`],
                Manufacturer: GPU_MANUFACTURER[l[`${K}instance-gpu-manufacturer`] ?? ""] ?? l[`${K}instance-gpu-manufacturer`],
                Count: gpuCount,
                MemoryInfo: { SizeInMiB: num(l[`${K}instance-gpu-memory`]) },
              },
            ],
          },
        }),
    ...(accelerator === undefined
      ? {}
      : NEURON_DEVICES.has(accelerator)
        ? { NeuronInfo: { NeuronDevices: [{ Name: accelerator, Count: acceleratorCount }] } }
        : {
            InferenceAcceleratorInfo: {
              Accelerators: [
                {
                  Name: accelerator,
                  Manufacturer: ACCELERATOR_MANUFACTURER[l[`${K}instance-accelerator-manufacturer`] ?? ""] ?? l[`${K}instance-accelerator-manufacturer`],
                  Count: acceleratorCount,
                },
              ],
            },
          }),
  };
}

/**
 * The baseline bandwidth table the labels imply.
 *
 * @param reference - the reference types
 * @returns Mbps by type
 */
export function bandwidthFromReference(reference: ReadonlyMap<string, ReferenceType>): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const [name, ref] of reference) {
    const mbps = num(ref.labels[`${K}instance-network-bandwidth`]);
    if (mbps !== undefined) out.set(name, mbps);
  }
  return out;
}

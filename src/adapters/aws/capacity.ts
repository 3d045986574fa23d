/**
 * Capacity of an EC2 instance type as Karpenter's AWS provider computes it: CPU, memory after the VM
 * overhead, ENI-limited pods, ephemeral storage from the AMI family and block devices, and the extended
 * resources of GPUs, Neuron devices, EFA and branch ENIs.
 */
import { quantityToAmount, type ResourceList } from "nodefit";
import type { AwsAmiFamily, AwsAmiFamilyTraits } from "./ami-family.js";
import { eniLimitedPods, vmMemoryCapacityMiB } from "./formulas.js";
import type { AwsInstanceTypeOptions } from "./options.js";
import type { AwsVpcLimits, InstanceTypeInfo } from "./types.js";

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
const WINDOWS_PODS = 110;

/**
 * The ENIs of the default network card and the IPv4 addresses per ENI, from the record or else the VPC limits.
 *
 * @param info - the record
 * @param limits - the type's VPC limits, used where the record lacks network data
 * @returns the default card's index, its ENIs and the IPv4 addresses per ENI
 *
 * @category Capacity
 */
export function eniLayout(
  info: InstanceTypeInfo,
  limits?: AwsVpcLimits,
): { readonly defaultCardIndex: number; readonly enis: number; readonly ipv4PerInterface: number } {
  const network = info.NetworkInfo;
  const defaultCardIndex = network?.DefaultNetworkCardIndex ?? limits?.defaultNetworkCardIndex ?? 0;
  const card = network?.NetworkCards?.find((c) => (c.NetworkCardIndex ?? 0) === defaultCardIndex);
  const limitsCard = limits?.networkCards.find((c) => c.networkCardIndex === defaultCardIndex);
  const enis = card?.MaximumNetworkInterfaces ?? network?.MaximumNetworkInterfaces ?? limitsCard?.maximumNetworkInterfaces ?? limits?.interface ?? 0;
  const ipv4PerInterface = network?.Ipv4AddressesPerInterface ?? limits?.ipv4PerInterface ?? 0;
  return { defaultCardIndex, enis, ipv4PerInterface };
}

/**
 * ENI-limited pods of a type under a NodeClass: EFA-only interfaces on the default card and reserved ENIs
 * are not available to pods.
 *
 * @param info - the record
 * @param reservedENIs - ENIs reserved by Karpenter's setting
 * @param options - network interfaces and VPC limits
 * @returns the pod count
 *
 * @category Capacity
 */
export function eniLimitedPodsOf(info: InstanceTypeInfo, reservedENIs: number, options: AwsInstanceTypeOptions): number {
  const layout = eniLayout(info, options.vpcLimits?.get(info.InstanceType));
  const efaOnly = (options.networkInterfaces ?? []).filter((n) => n.interfaceType === "efa-only" && n.networkCardIndex === layout.defaultCardIndex).length;
  return eniLimitedPods(layout.enis, layout.ipv4PerInterface, reservedENIs + efaOnly);
}

/**
 * The pod capacity: kubelet `maxPods`, else ENI-limited pods (Windows: 110), then capped by `podsPerCore`.
 *
 * @param info - the record
 * @param traits - the AMI family's flags
 * @param options - kubelet settings and network data
 * @returns the number of pods
 *
 * @category Capacity
 */
export function podCapacity(info: InstanceTypeInfo, traits: AwsAmiFamilyTraits, options: AwsInstanceTypeOptions): number {
  let pods: number;
  if (options.maxPods !== undefined) pods = options.maxPods;
  else if (traits.supportsEniLimitedPodDensity) pods = eniLimitedPodsOf(info, options.reservedENIs ?? 0, options);
  else pods = WINDOWS_PODS;
  const perCore = options.podsPerCore ?? 0;
  if (perCore > 0 && traits.podsPerCoreEnabled) pods = Math.min(perCore * (info.VCpuInfo?.DefaultVCpus ?? 0), pods);
  return pods;
}

/**
 * Ephemeral storage in bytes: RAID0 instance store, a root-volume block device, the family's ephemeral
 * device, or the family default, first match wins.
 *
 * @param info - the record
 * @param family - the AMI family
 * @param traits - its flags
 * @param options - block device mappings and instance-store policy
 * @returns bytes
 *
 * @category Capacity
 */
export function ephemeralStorageBytes(info: InstanceTypeInfo, family: AwsAmiFamily, traits: AwsAmiFamilyTraits, options: AwsInstanceTypeOptions): number {
  const instanceStoreGB = info.InstanceStorageInfo?.TotalSizeInGB;
  if (options.instanceStorePolicy === "RAID0" && instanceStoreGB !== undefined && instanceStoreGB > 0) return instanceStoreGB * 1e9;
  const mappings = options.blockDeviceMappings ?? [];
  const sized = (i: number): number | undefined => {
    const size = mappings[i]?.ebs?.volumeSize;
    return size === undefined ? undefined : quantityToAmount("ephemeral-storage", size, "down");
  };
  const root = mappings.findIndex((m) => m.rootVolume === true && m.ebs?.volumeSize !== undefined);
  if (root >= 0) return sized(root) ?? 0;
  if (mappings.length > 0) {
    if (family === "Custom") return sized(mappings.length - 1) ?? 20 * GIB;
    const device = mappings.findIndex((m) => m.deviceName === traits.ephemeralDevice && m.ebs?.volumeSize !== undefined);
    if (device >= 0) return sized(device) ?? 0;
  }
  return traits.defaultEphemeralGiB * GIB;
}

/**
 * The full capacity of an instance type under a NodeClass.
 *
 * @param info - the record
 * @param family - the AMI family
 * @param traits - its flags
 * @param options - the NodeClass and settings
 * @returns capacity in base units (millicores, bytes, counts)
 * @example awsCapacity(m5Large, "AL2023", amiFamilyTraits("AL2023"), {}).get("pods") // 29
 *
 * @category Capacity
 */
export function awsCapacity(info: InstanceTypeInfo, family: AwsAmiFamily, traits: AwsAmiFamilyTraits, options: AwsInstanceTypeOptions): ResourceList {
  const capacity = new Map<string, number>();
  const vcpus = info.VCpuInfo?.DefaultVCpus ?? 0;
  capacity.set("cpu", vcpus * 1000);
  const observed = options.observedMemoryMiB?.get(info.InstanceType);
  const arm64 = info.ProcessorInfo?.SupportedArchitectures?.[0] === "arm64";
  const memoryMiB = observed ?? vmMemoryCapacityMiB(info.MemoryInfo?.SizeInMiB ?? 0, arm64, options.vmMemoryOverheadPercent);
  capacity.set("memory", memoryMiB * MIB);
  capacity.set("ephemeral-storage", ephemeralStorageBytes(info, family, traits, options));
  capacity.set("pods", podCapacity(info, traits, options));
  addDevices(info, options, capacity);
  const limits = options.vpcLimits?.get(info.InstanceType);
  if (limits?.isTrunkingCompatible === true && limits.branchInterface > 0) capacity.set("vpc.amazonaws.com/pod-eni", limits.branchInterface);
  if (traits.windowsBuild !== undefined) {
    const ipv4 = limits?.ipv4PerInterface ?? info.NetworkInfo?.Ipv4AddressesPerInterface ?? 0;
    if (ipv4 > 1) capacity.set("vpc.amazonaws.com/PrivateIPv4Address", ipv4 - 1);
  }
  return capacity;
}

const GPU_RESOURCES: ReadonlyMap<string, string> = new Map([
  ["NVIDIA", "nvidia.com/gpu"],
  ["AMD", "amd.com/gpu"],
  ["Habana", "habana.ai/gaudi"],
]);

/** GPUs by manufacturer, Neuron devices and cores, EFA; zero amounts are left out. */
function addDevices(info: InstanceTypeInfo, options: AwsInstanceTypeOptions, capacity: Map<string, number>): void {
  const add = (resource: string, amount: number): void => {
    if (amount > 0) capacity.set(resource, (capacity.get(resource) ?? 0) + amount);
  };
  for (const gpu of info.GpuInfo?.Gpus ?? []) {
    const resource = GPU_RESOURCES.get(gpu.Manufacturer ?? "");
    if (resource !== undefined) add(resource, gpu.Count ?? 0);
  }
  const neuron = info.NeuronInfo?.NeuronDevices ?? [];
  if (neuron.length > 0) {
    for (const device of neuron) add("aws.amazon.com/neuron", device.Count ?? 0);
    const first = neuron[0];
    add("aws.amazon.com/neuroncore", (first?.Count ?? 0) * (first?.CoreInfo?.Count ?? 0));
  } else {
    // Inferentia v1 types described without NeuronInfo: AWS's accelerators are the Neuron devices
    // (other makers' accelerators, e.g. Qualcomm's on dl2q, are not).
    for (const device of info.InferenceAcceleratorInfo?.Accelerators ?? []) {
      if (device.Manufacturer === "AWS") add("aws.amazon.com/neuron", device.Count ?? 0);
    }
  }
  const maxEfa = info.NetworkInfo?.EfaInfo?.MaximumEfaInterfaces ?? 0;
  // With explicit network interfaces the EFA devices are the EFA-only ones; types without EFA have none.
  const efaOnly = (options.networkInterfaces ?? []).filter((n) => n.interfaceType === "efa-only").length;
  add("vpc.amazonaws.com/efa", options.networkInterfaces === undefined || maxEfa === 0 ? maxEfa : efaOnly);
}

/**
 * The labels Karpenter's AWS provider puts on an instance type, computed from its `DescribeInstanceTypes`
 * record. Label values are strings; numbers are written in decimal without units.
 */
import type { InstanceTypeInfo } from "./types.js";

const GROUP = "karpenter.k8s.aws";

/**
 * `karpenter.k8s.aws/*` and upstream label keys the AWS adapter sets.
 *
 * @category Labels
 */
export const AWS_LABELS = {
  arch: "kubernetes.io/arch",
  os: "kubernetes.io/os",
  instanceType: "node.kubernetes.io/instance-type",
  region: "topology.kubernetes.io/region",
  zone: "topology.kubernetes.io/zone",
  zoneId: "topology.k8s.aws/zone-id",
  windowsBuild: "node.kubernetes.io/windows-build",
  capacityType: "karpenter.sh/capacity-type",
  category: "karpenter.k8s.aws/instance-category",
  family: "karpenter.k8s.aws/instance-family",
  generation: "karpenter.k8s.aws/instance-generation",
  size: "karpenter.k8s.aws/instance-size",
  cpu: "karpenter.k8s.aws/instance-cpu",
  cpuManufacturer: "karpenter.k8s.aws/instance-cpu-manufacturer",
  cpuSustainedClockSpeedMhz: "karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz",
  memory: "karpenter.k8s.aws/instance-memory",
  hypervisor: "karpenter.k8s.aws/instance-hypervisor",
  encryptionInTransitSupported: "karpenter.k8s.aws/instance-encryption-in-transit-supported",
  capabilityFlex: "karpenter.k8s.aws/instance-capability-flex",
  networkBandwidth: "karpenter.k8s.aws/instance-network-bandwidth",
  ebsBandwidth: "karpenter.k8s.aws/instance-ebs-bandwidth",
  localNvme: "karpenter.k8s.aws/instance-local-nvme",
  gpuName: "karpenter.k8s.aws/instance-gpu-name",
  gpuManufacturer: "karpenter.k8s.aws/instance-gpu-manufacturer",
  gpuCount: "karpenter.k8s.aws/instance-gpu-count",
  gpuMemory: "karpenter.k8s.aws/instance-gpu-memory",
  acceleratorName: "karpenter.k8s.aws/instance-accelerator-name",
  acceleratorManufacturer: "karpenter.k8s.aws/instance-accelerator-manufacturer",
  acceleratorCount: "karpenter.k8s.aws/instance-accelerator-count",
  tenancy: "karpenter.k8s.aws/instance-tenancy",
  nitroSandbox: "karpenter.k8s.aws/nitro-sandbox",
  capacityReservationId: "karpenter.k8s.aws/capacity-reservation-id",
  capacityReservationType: "karpenter.k8s.aws/capacity-reservation-type",
  capacityReservationInterruptible: "karpenter.k8s.aws/capacity-reservation-interruptible",
} as const;

/**
 * Labels the AWS provider registers as well known: a NodePool may constrain them, and an instance type
 * without a value for one of them answers `DoesNotExist`.
 *
 * @category Labels
 */
export const AWS_WELL_KNOWN_LABELS: ReadonlySet<string> = new Set<string>([
  AWS_LABELS.zoneId,
  AWS_LABELS.windowsBuild,
  ...Object.values(AWS_LABELS).filter((key) => key.startsWith(`${GROUP}/`)),
]);

/** Kubernetes' name for an EC2 architecture; architectures Kubernetes does not run are absent. */
const KUBE_ARCH: ReadonlyMap<string, string> = new Map([
  ["x86_64", "amd64"],
  ["arm64", "arm64"],
]);

// Group 1 is the category, group 3 the generation: `m` and `5` in m5.large, `u` and `1` in u-6tb1.metal.
const NAME_PATTERN = /(^[a-z]+)(-[0-9]+tb)?([0-9]+).*\./;

/**
 * The Kubernetes architecture of a type: the first of its EC2 architectures Kubernetes knows.
 *
 * @param info - the type's record
 * @returns `amd64`, `arm64`, or undefined when none applies
 *
 * @category Labels
 */
export function kubeArchitecture(info: InstanceTypeInfo): string | undefined {
  for (const arch of info.ProcessorInfo?.SupportedArchitectures ?? []) {
    const kube = KUBE_ARCH.get(arch);
    if (kube !== undefined) return kube;
  }
  return undefined;
}

/**
 * Lower-case with spaces as dashes, as Karpenter writes manufacturer and device names.
 *
 * @param text - e.g. `Radeon Pro V520`
 * @returns e.g. `radeon-pro-v520`
 *
 * @category Labels
 */
export function lowerKebab(text: string): string {
  return text.toLowerCase().split(" ").join("-");
}

/**
 * Where a label's value comes from besides the record itself.
 *
 * @category Labels
 */
export interface AwsLabelContext {
  readonly region: string;
  /** `kubernetes.io/os` and, for Windows, the build; `undefined` build means Linux. */
  readonly windowsBuild?: string | undefined;
  /** Baseline network bandwidth in Mbps (Karpenter's generated bandwidth table). */
  readonly networkBandwidthMbps?: number | undefined;
}

/**
 * Every label Karpenter's AWS provider sets on the type (offering labels such as zone and capacity type
 * excluded; those come from offerings).
 *
 * @param info - the `DescribeInstanceTypes` record
 * @param context - region, Windows build and bandwidth
 * @returns label key to value
 * @example awsLabels(m5Large, { region: "us-east-1" }).get("karpenter.k8s.aws/instance-family") // "m5"
 *
 * @category Labels
 */
export function awsLabels(info: InstanceTypeInfo, context: AwsLabelContext): ReadonlyMap<string, string> {
  const labels = new Map<string, string>();
  const name = info.InstanceType;
  const arch = kubeArchitecture(info);
  labels.set(AWS_LABELS.instanceType, name);
  if (arch !== undefined) labels.set(AWS_LABELS.arch, arch);
  const windows = context.windowsBuild !== undefined && arch === "amd64";
  labels.set(AWS_LABELS.os, windows ? "windows" : "linux");
  if (windows && context.windowsBuild !== undefined) labels.set(AWS_LABELS.windowsBuild, context.windowsBuild);
  labels.set(AWS_LABELS.region, context.region);

  const match = NAME_PATTERN.exec(name);
  if (match?.[1] !== undefined && match[3] !== undefined) {
    labels.set(AWS_LABELS.category, match[1]);
    labels.set(AWS_LABELS.generation, match[3]);
  }
  const dot = name.indexOf(".");
  const family = dot >= 0 ? name.slice(0, dot) : name;
  if (dot >= 0) {
    labels.set(AWS_LABELS.family, family);
    labels.set(AWS_LABELS.size, name.slice(dot + 1));
  }
  labels.set(AWS_LABELS.capabilityFlex, String(family.includes("-flex")));
  // Bare-metal types have no hypervisor; Karpenter still sets the label, to the empty string.
  labels.set(AWS_LABELS.hypervisor, info.Hypervisor ?? "");
  labels.set(AWS_LABELS.encryptionInTransitSupported, String(info.NetworkInfo?.EncryptionInTransitSupported ?? false));

  const vcpus = info.VCpuInfo?.DefaultVCpus;
  if (vcpus !== undefined) labels.set(AWS_LABELS.cpu, String(vcpus));
  const memory = info.MemoryInfo?.SizeInMiB;
  if (memory !== undefined) labels.set(AWS_LABELS.memory, String(memory));
  const manufacturer = info.ProcessorInfo?.Manufacturer;
  if (manufacturer !== undefined) labels.set(AWS_LABELS.cpuManufacturer, lowerKebab(manufacturer));
  const ghz = info.ProcessorInfo?.SustainedClockSpeedInGhz;
  if (ghz !== undefined) labels.set(AWS_LABELS.cpuSustainedClockSpeedMhz, String(Math.round(ghz * 1000)));

  const storage = info.InstanceStorageInfo;
  if (storage?.TotalSizeInGB !== undefined && storage.NvmeSupport !== "unsupported") {
    labels.set(AWS_LABELS.localNvme, String(storage.TotalSizeInGB));
  }
  if (context.networkBandwidthMbps !== undefined) labels.set(AWS_LABELS.networkBandwidth, String(context.networkBandwidthMbps));
  const ebs = info.EbsInfo;
  const ebsMbps = ebs?.EbsOptimizedInfo?.MaximumBandwidthInMbps;
  if (ebs?.EbsOptimizedSupport === "default" && ebsMbps !== undefined) labels.set(AWS_LABELS.ebsBandwidth, String(ebsMbps));

  setDeviceLabels(info, labels);
  return labels;
}

/** GPU and accelerator labels: only when the type has exactly one kind of device. */
function setDeviceLabels(info: InstanceTypeInfo, labels: Map<string, string>): void {
  const gpus = info.GpuInfo?.Gpus ?? [];
  const gpu = gpus.length === 1 ? gpus[0] : undefined;
  if (gpu !== undefined) {
    if (gpu.Name !== undefined) labels.set(AWS_LABELS.gpuName, lowerKebab(gpu.Name));
    if (gpu.Manufacturer !== undefined) labels.set(AWS_LABELS.gpuManufacturer, lowerKebab(gpu.Manufacturer));
    if (gpu.Count !== undefined) labels.set(AWS_LABELS.gpuCount, String(gpu.Count));
    if (gpu.MemoryInfo?.SizeInMiB !== undefined) labels.set(AWS_LABELS.gpuMemory, String(gpu.MemoryInfo.SizeInMiB));
  }
  const neuron = info.NeuronInfo?.NeuronDevices ?? [];
  const inferentia = info.InferenceAcceleratorInfo?.Accelerators ?? [];
  if (neuron.length === 1 && neuron[0] !== undefined) {
    const device = neuron[0];
    if (device.Name !== undefined) labels.set(AWS_LABELS.acceleratorName, lowerKebab(device.Name));
    labels.set(AWS_LABELS.acceleratorManufacturer, "aws");
    if (device.Count !== undefined) labels.set(AWS_LABELS.acceleratorCount, String(device.Count));
  } else if (neuron.length === 0 && inferentia.length === 1 && inferentia[0] !== undefined) {
    const device = inferentia[0];
    if (device.Name !== undefined) labels.set(AWS_LABELS.acceleratorName, lowerKebab(device.Name));
    if (device.Manufacturer !== undefined) labels.set(AWS_LABELS.acceleratorManufacturer, lowerKebab(device.Manufacturer));
    if (device.Count !== undefined) labels.set(AWS_LABELS.acceleratorCount, String(device.Count));
  }
}

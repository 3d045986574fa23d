/**
 * The labels the community Karpenter GCP provider (reference §2.2) puts on a machine type, plus GKE's own
 * `cloud.google.com/machine-family` node label. Values are strings; numbers are decimal without units.
 */
import type { GceMachineType } from "./types.js";

/**
 * Label keys of the GCP adapter.
 *
 * @category Labels
 */
export const GCP_LABELS = {
  arch: "kubernetes.io/arch",
  os: "kubernetes.io/os",
  instanceType: "node.kubernetes.io/instance-type",
  region: "topology.kubernetes.io/region",
  zone: "topology.kubernetes.io/zone",
  capacityType: "karpenter.sh/capacity-type",
  zoneId: "topology.k8s.gcp/zone-id",
  category: "karpenter.k8s.gcp/instance-category",
  family: "karpenter.k8s.gcp/instance-family",
  shape: "karpenter.k8s.gcp/instance-shape",
  generation: "karpenter.k8s.gcp/instance-generation",
  size: "karpenter.k8s.gcp/instance-size",
  cpu: "karpenter.k8s.gcp/instance-cpu",
  cpuModel: "karpenter.k8s.gcp/instance-cpu-model",
  memory: "karpenter.k8s.gcp/instance-memory",
  gpuName: "karpenter.k8s.gcp/instance-gpu-name",
  gpuManufacturer: "karpenter.k8s.gcp/instance-gpu-manufacturer",
  gpuCount: "karpenter.k8s.gcp/instance-gpu-count",
  gpuMemory: "karpenter.k8s.gcp/instance-gpu-memory",
  gkeAccelerator: "cloud.google.com/gke-accelerator",
  machineFamily: "cloud.google.com/machine-family",
} as const;

/**
 * Labels registered as well known: the provider's `karpenter.k8s.gcp/*` keys, zone id and accelerator, and
 * GKE's machine family (a nodefit addition so NodePools can select on it). Types without a value answer
 * `DoesNotExist`. The provider's GKE readiness-gate labels are left out on purpose: nodefit would turn them
 * into `DoesNotExist` and so keep the DaemonSets they gate off every node.
 *
 * @category Labels
 */
export const GCP_WELL_KNOWN_LABELS: ReadonlySet<string> = new Set<string>([
  GCP_LABELS.zoneId,
  GCP_LABELS.category,
  GCP_LABELS.family,
  GCP_LABELS.shape,
  GCP_LABELS.generation,
  GCP_LABELS.size,
  GCP_LABELS.cpu,
  GCP_LABELS.cpuModel,
  GCP_LABELS.memory,
  GCP_LABELS.gpuName,
  GCP_LABELS.gpuManufacturer,
  GCP_LABELS.gpuCount,
  GCP_LABELS.gpuMemory,
  GCP_LABELS.gkeAccelerator,
  GCP_LABELS.machineFamily,
]);

/**
 * The parts of a machine type name the labels use.
 *
 * @category Labels
 */
export interface GceNameParts {
  /** First dash part: `n2`, `e2`, `c3d`. */
  readonly family: string;
  /** Second dash part: `standard`, `highmem`, `highcpu` (`medium` for `e2-medium`, as upstream). */
  readonly shape: string;
  /** The last dash part, or the second-to-last when the name has more than three parts. */
  readonly size: string;
  /** A digit of the family: the middle one of a three-letter family (`n2d` → 2), else the last (`e2` → 2). */
  readonly generation: string;
}

/**
 * Splits a machine type name as the provider does.
 *
 * @param name - e.g. `c4-highmem-16-lssd`
 * @returns family, shape, size and generation; undefined for names with fewer than two dash parts
 * @example gceNameParts("c4-highmem-16-lssd")?.size // "16"
 *
 * @category Labels
 */
export function gceNameParts(name: string): GceNameParts | undefined {
  const parts = name.split("-");
  const family = parts[0] ?? "";
  const shape = parts[1];
  const size = parts[parts.length - (parts.length > 3 ? 2 : 1)];
  if (shape === undefined || size === undefined || family === "") return undefined;
  const generation = family.length === 3 ? family.charAt(1) : family.charAt(family.length - 1);
  return { family, shape, size, generation };
}

/**
 * Kubernetes' architecture of a machine type (`ARM64` → arm64, anything else → amd64).
 *
 * @param machineType - the record
 * @returns `amd64` or `arm64`
 *
 * @category Labels
 */
export function gceKubeArchitecture(machineType: GceMachineType): string {
  return machineType.architecture === "ARM64" ? "arm64" : "amd64";
}

/**
 * Total accelerators of a machine type: the sum of `guestAcceleratorCount` over its entries.
 *
 * @param machineType - the record
 * @returns GPU count (0 without accelerators)
 *
 * @category Labels
 */
export function gceAcceleratorCount(machineType: GceMachineType): number {
  return (machineType.accelerators ?? []).reduce((n, a) => n + a.guestAcceleratorCount, 0);
}

/**
 * The single-valued labels of a machine type (zone, zone id and capacity type come from offerings).
 *
 * @param machineType - the record
 * @param region - the region, e.g. `us-central1`
 * @returns label key to value
 * @example gcpLabels(n2Standard4, "us-central1").get("karpenter.k8s.gcp/instance-shape") // "standard"
 *
 * @category Labels
 */
export function gcpLabels(machineType: GceMachineType, region: string): ReadonlyMap<string, string> {
  const labels = new Map<string, string>();
  labels.set(GCP_LABELS.os, "linux");
  labels.set(GCP_LABELS.region, region);
  labels.set(GCP_LABELS.cpu, String(machineType.guestCpus));
  labels.set(GCP_LABELS.memory, String(machineType.memoryMb));
  const accelerator = machineType.accelerators?.[0];
  if (accelerator !== undefined) {
    labels.set(GCP_LABELS.gpuName, accelerator.guestAcceleratorType);
    labels.set(GCP_LABELS.gpuCount, String(gceAcceleratorCount(machineType)));
    labels.set(GCP_LABELS.gkeAccelerator, accelerator.guestAcceleratorType);
  }
  const parts = gceNameParts(machineType.name);
  if (parts !== undefined) {
    labels.set(GCP_LABELS.family, parts.family);
    labels.set(GCP_LABELS.machineFamily, parts.family);
    labels.set(GCP_LABELS.shape, parts.shape);
    labels.set(GCP_LABELS.size, parts.size);
    labels.set(GCP_LABELS.generation, parts.generation);
    labels.set(GCP_LABELS.arch, gceKubeArchitecture(machineType));
  }
  return labels;
}

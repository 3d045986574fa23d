/**
 * The labels Karpenter's Azure provider puts on an instance type (reference §2.1 "Labels"), computed from a
 * SKU record and the AKSNodeClass settings. Values are strings; numbers are decimal without units.
 */
import { azureEphemeralOsMaxSizeGB } from "./formulas.js";
import { azureSkuVersion, parseAzureVmSize } from "./size-name.js";
import type { AzureGpuManufacturer, AzureSkuInfo } from "./types.js";

/**
 * Label keys of the Azure adapter: `karpenter.azure.com/*`, the AKS domain and the upstream ones it sets.
 *
 * @category Labels
 */
export const AZURE_LABELS = {
  arch: "kubernetes.io/arch",
  os: "kubernetes.io/os",
  instanceType: "node.kubernetes.io/instance-type",
  region: "topology.kubernetes.io/region",
  zone: "topology.kubernetes.io/zone",
  capacityType: "karpenter.sh/capacity-type",
  skuName: "karpenter.azure.com/sku-name",
  skuFamily: "karpenter.azure.com/sku-family",
  skuSeries: "karpenter.azure.com/sku-series",
  skuVersion: "karpenter.azure.com/sku-version",
  skuCpu: "karpenter.azure.com/sku-cpu",
  skuMemory: "karpenter.azure.com/sku-memory",
  acceleratedNetworking: "karpenter.azure.com/sku-networking-accelerated",
  premiumCapable: "karpenter.azure.com/sku-storage-premium-capable",
  ultraSSD: "karpenter.azure.com/sku-storage-ultra-ssd",
  ephemeralOsMaxSize: "karpenter.azure.com/sku-storage-ephemeralos-maxsize",
  gpuName: "karpenter.azure.com/sku-gpu-name",
  gpuManufacturer: "karpenter.azure.com/sku-gpu-manufacturer",
  gpuCount: "karpenter.azure.com/sku-gpu-count",
  placementScope: "karpenter.azure.com/placement-scope",
  hyperVGeneration: "karpenter.azure.com/sku-hyperv-generation",
  aksCpu: "kubernetes.azure.com/sku-cpu",
  aksMemory: "kubernetes.azure.com/sku-memory",
  aksCluster: "kubernetes.azure.com/cluster",
  aksMode: "kubernetes.azure.com/mode",
  aksScaleSetPriority: "kubernetes.azure.com/scalesetpriority",
  aksPriority: "kubernetes.azure.com/priority",
  aksOsSku: "kubernetes.azure.com/os-sku",
  aksFipsEnabled: "kubernetes.azure.com/fips_enabled",
} as const;

/**
 * Labels the Azure provider registers as well known: a NodePool may constrain them, and an instance type
 * without a value for one answers `DoesNotExist`. `sku-hyperv-generation` is restricted instead.
 *
 * @category Labels
 */
export const AZURE_WELL_KNOWN_LABELS: ReadonlySet<string> = new Set<string>([
  AZURE_LABELS.skuName,
  AZURE_LABELS.skuFamily,
  AZURE_LABELS.skuSeries,
  AZURE_LABELS.skuVersion,
  AZURE_LABELS.skuCpu,
  AZURE_LABELS.skuMemory,
  AZURE_LABELS.aksCpu,
  AZURE_LABELS.aksMemory,
  AZURE_LABELS.acceleratedNetworking,
  AZURE_LABELS.premiumCapable,
  AZURE_LABELS.ultraSSD,
  AZURE_LABELS.ephemeralOsMaxSize,
  AZURE_LABELS.gpuName,
  AZURE_LABELS.gpuManufacturer,
  AZURE_LABELS.gpuCount,
  AZURE_LABELS.placementScope,
  AZURE_LABELS.aksCluster,
  AZURE_LABELS.aksMode,
  AZURE_LABELS.aksScaleSetPriority,
  AZURE_LABELS.aksPriority,
  AZURE_LABELS.aksOsSku,
  AZURE_LABELS.aksFipsEnabled,
]);

/**
 * Kubernetes' name for an Azure `CpuArchitectureType`; unknown ones pass through, as upstream does.
 *
 * @category Labels
 */
export function azureKubeArchitecture(architecture: string): string {
  if (architecture === "x64") return "amd64";
  if (architecture === "Arm64") return "arm64";
  return architecture;
}

/**
 * The SKU's memory in MiB as the `sku-memory` label writes it (`MemoryGB` is GiB; fractions kept to the MiB).
 *
 * @param memoryGiB - `MemoryGB`
 * @returns whole MiB
 *
 * @category Labels
 */
export function azureSkuMemoryMiB(memoryGiB: number): number {
  return Math.trunc(memoryGiB * 1024);
}

/**
 * The GPU maker: the record's own field, else inferred from the accelerator written in the size name.
 *
 * @param sku - the record
 * @returns `nvidia`, `amd`, or undefined for SKUs without GPUs
 *
 * @category Labels
 */
export function azureGpuManufacturer(sku: AzureSkuInfo): AzureGpuManufacturer | undefined {
  if ((sku.gpus ?? 0) <= 0) return undefined;
  if (sku.gpuManufacturer !== undefined) return sku.gpuManufacturer;
  const accelerator = parseAzureVmSize(sku.name)?.accelerator ?? "";
  return /^(MI\d|V\d)/.test(accelerator) ? "amd" : "nvidia";
}

/**
 * Where label values come from besides the SKU record.
 *
 * @category Labels
 */
export interface AzureLabelContext {
  readonly region: string;
  /** `kubernetes.azure.com/os-sku`: `Ubuntu` or `AzureLinux`. */
  readonly osSku: string;
  /** `kubernetes.azure.com/cluster`, already normalised; absent leaves the label undefined. */
  readonly cluster?: string | undefined;
  readonly fips?: boolean | undefined;
}

/**
 * The single-valued labels of a SKU (offering-derived and multi-valued labels excluded: zone, capacity type,
 * placement scope, mode, priorities and ultra SSD are requirements built beside these).
 *
 * @param sku - the SKU record
 * @param context - region, OS SKU, cluster and FIPS
 * @returns label key to value
 * @example azureLabels(d4sV5, { region: "eastus", osSku: "Ubuntu" }).get("karpenter.azure.com/sku-series") // "Ds_v5"
 *
 * @category Labels
 */
export function azureLabels(sku: AzureSkuInfo, context: AzureLabelContext): ReadonlyMap<string, string> {
  const labels = new Map<string, string>();
  labels.set(AZURE_LABELS.arch, azureKubeArchitecture(sku.architecture));
  labels.set(AZURE_LABELS.os, "linux");
  labels.set(AZURE_LABELS.region, context.region);
  labels.set(AZURE_LABELS.skuName, sku.name);
  const size = parseAzureVmSize(sku.name);
  if (size !== undefined) {
    labels.set(AZURE_LABELS.skuFamily, size.family);
    labels.set(AZURE_LABELS.skuSeries, size.series);
    labels.set(AZURE_LABELS.skuVersion, azureSkuVersion(size));
  }
  const cpu = String(sku.vCPUs);
  const memory = String(azureSkuMemoryMiB(sku.memoryGB));
  labels.set(AZURE_LABELS.skuCpu, cpu);
  labels.set(AZURE_LABELS.skuMemory, memory);
  labels.set(AZURE_LABELS.aksCpu, cpu);
  labels.set(AZURE_LABELS.aksMemory, memory);
  labels.set(AZURE_LABELS.acceleratedNetworking, String(sku.acceleratedNetworking ?? false));
  labels.set(AZURE_LABELS.premiumCapable, String(sku.premiumIO ?? false));
  const ephemeral = azureEphemeralOsMaxSizeGB(sku.cachedDiskBytes, sku.maxResourceVolumeMB);
  if (ephemeral > 0) labels.set(AZURE_LABELS.ephemeralOsMaxSize, String(ephemeral));
  const gpus = sku.gpus ?? 0;
  labels.set(AZURE_LABELS.gpuCount, String(gpus));
  const manufacturer = azureGpuManufacturer(sku);
  if (manufacturer !== undefined) {
    labels.set(AZURE_LABELS.gpuManufacturer, manufacturer);
    if (size?.accelerator !== undefined) labels.set(AZURE_LABELS.gpuName, size.accelerator);
  }
  labels.set(AZURE_LABELS.aksOsSku, context.osSku);
  if (context.cluster !== undefined) labels.set(AZURE_LABELS.aksCluster, context.cluster);
  if (context.fips === true) labels.set(AZURE_LABELS.aksFipsEnabled, "true");
  return labels;
}

/**
 * `kubernetes.azure.com/cluster` from the node resource group: parentheses become dashes, at most 63
 * characters, and a trailing `-`, `_` or `.` is replaced (or followed, when short) by `z`.
 *
 * @param resourceGroup - the cluster's node resource group, e.g. `MC_rg_cluster_eastus`
 * @returns the label value
 * @example normalizeAzureClusterLabel("MC_rg_(x)") // "MC_rg_-x-z"
 *
 * @category Labels
 */
export function normalizeAzureClusterLabel(resourceGroup: string): string {
  let value = resourceGroup.replaceAll("(", "-").replaceAll(")", "-");
  if (value.length > 63) value = value.slice(0, 63);
  if (/[-_.]$/.test(value)) return value.length > 62 ? `${value.slice(0, -1)}z` : `${value}z`;
  return value;
}

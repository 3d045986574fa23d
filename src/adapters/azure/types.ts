/**
 * Input shapes of the Azure adapter: a VM SKU as the Azure Resource SKUs API (`Microsoft.Compute/skus`,
 * resource type `virtualMachines`) describes it, reduced to the capabilities Karpenter's Azure provider reads
 * (reference §2.1). Capability values are given typed, not as the API's strings, so a caller maps
 * `capabilities[].name/value` once (`vCPUs`, `MemoryGB`, `CpuArchitectureType`, `AcceleratedNetworkingEnabled`,
 * `PremiumIO`, `UltraSSDAvailable`, `LowPriorityCapable`, `GPUs`, `MaxResourceVolumeMB`, `CachedDiskBytes`,
 * `HyperVGenerations`) and `locationInfo[].zones`.
 */

/**
 * GPU makers the Azure provider labels (`karpenter.azure.com/sku-gpu-manufacturer`).
 *
 * @category Catalogue
 */
export type AzureGpuManufacturer = "nvidia" | "amd";

/**
 * One VM SKU of a region.
 *
 * @category Catalogue
 */
export interface AzureSkuInfo {
  /** The SKU name, e.g. `Standard_D4s_v5`. */
  readonly name: string;
  /** The API's `family` (e.g. `standardDSv5Family`); informational, labels come from the size name. */
  readonly family?: string | undefined;
  /** `vCPUs`. */
  readonly vCPUs: number;
  /** `MemoryGB`; despite the name the API reports GiB, and fractions (e.g. 0.75) occur. */
  readonly memoryGB: number;
  /** `CpuArchitectureType`: `x64` or `Arm64`. */
  readonly architecture: "x64" | "Arm64" | (string & {});
  /** `AcceleratedNetworkingEnabled`; default false. */
  readonly acceleratedNetworking?: boolean | undefined;
  /** `PremiumIO`; default false. */
  readonly premiumIO?: boolean | undefined;
  /** `UltraSSDAvailable` in at least one zone; default false. */
  readonly ultraSSD?: boolean | undefined;
  /** `LowPriorityCapable`: whether spot VMs of this SKU exist; default true. */
  readonly lowPriorityCapable?: boolean | undefined;
  /** `GPUs`; default 0. */
  readonly gpus?: number | undefined;
  /**
   * Who makes the GPUs. Upstream decides from lists of SKU names; absent here, it is inferred from the
   * accelerator in the size name (`MI*`, `V710` → amd, otherwise nvidia).
   */
  readonly gpuManufacturer?: AzureGpuManufacturer | undefined;
  /** `MaxResourceVolumeMB` (the temp disk; the API's MB are MiB). */
  readonly maxResourceVolumeMB?: number | undefined;
  /** `CachedDiskBytes`. */
  readonly cachedDiskBytes?: number | undefined;
  /** `HyperVGenerations`, e.g. `["V1", "V2"]`. */
  readonly hyperVGenerations?: readonly string[] | undefined;
  /** Availability zones of the SKU in the region (`"1"`, `"2"`, `"3"`); empty or absent: regional only. */
  readonly zones?: readonly string[] | undefined;
}

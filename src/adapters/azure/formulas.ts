/**
 * Karpenter's Azure sizing formulas (reference §2.1 "Capacity / overhead") as pure functions over numbers.
 * Floating-point steps follow the provider's order so truncation lands on the same integer.
 */

const GIB = 2 ** 30;

/**
 * The provider's default `VM_MEMORY_OVERHEAD_PERCENT` (§2.1).
 *
 * @category Capacity
 */
export const AZURE_VM_MEMORY_OVERHEAD_PERCENT = 0.075;

/**
 * The hard-eviction threshold for `memory.available` AKS sets (§2.1), in MiB.
 *
 * @category Overhead
 */
export const AZURE_EVICTION_MEMORY_MIB = 750;

/**
 * `AKSNodeClass.spec.osDiskSizeGB` default (§2.1), decimal GB.
 *
 * @category Capacity
 */
export const AZURE_DEFAULT_OS_DISK_SIZE_GB = 128;

/**
 * A progressive tax schedule: each bracket's rate applies to the part of the amount below its upper bound.
 *
 * @category Overhead
 */
export type TaxBrackets = readonly (readonly [upperBound: number, rate: number])[];

/**
 * Kube-reserved memory brackets on GiB (§2.1): 25% of the first 4, 20% to 8, 10% to 16, 6% to 128, 2% above.
 *
 * @category Overhead
 */
export const AZURE_MEMORY_TAX_GIB: TaxBrackets = [
  [4, 0.25],
  [8, 0.2],
  [16, 0.1],
  [128, 0.06],
  [Number.MAX_VALUE, 0.02],
];

/**
 * Kube-reserved CPU brackets on vCPUs (§2.1): 6% of the first, 4% of the second, 2% of 3–4, 1% above.
 *
 * @category Overhead
 */
export const AZURE_CPU_TAX_VCPU: TaxBrackets = [
  [1, 0.06],
  [2, 0.04],
  [4, 0.02],
  [Number.MAX_VALUE, 0.01],
];

/**
 * The tax an amount owes under progressive brackets: the sum over brackets of (min(amount, upper) − lower) × rate.
 *
 * @param brackets - ascending brackets; the first starts at 0
 * @param amount - the amount (GiB or vCPUs)
 * @returns the tax, unrounded
 * @example taxOf(AZURE_CPU_TAX_VCPU, 2) // 0.1
 *
 * @category Overhead
 */
export function taxOf(brackets: TaxBrackets, amount: number): number {
  let tax = 0;
  let lower = 0;
  for (const [upper, rate] of brackets) {
    if (lower > amount) continue;
    tax += (Math.min(upper, amount) - lower) * rate;
    lower = upper;
  }
  return tax;
}

/**
 * Kube-reserved CPU, `int(1000 × tax(vCPUs))` millicores (§2.1).
 *
 * @param vcpus - the SKU's vCPUs
 * @returns reserved millicores
 * @example azureKubeReservedCpuMillis(4) // 140
 *
 * @category Overhead
 */
export function azureKubeReservedCpuMillis(vcpus: number): number {
  return Math.trunc(1000 * taxOf(AZURE_CPU_TAX_VCPU, vcpus));
}

/**
 * Kube-reserved memory, `int(1024 × tax(GiB))` MiB (§2.1), on the SKU's full memory (before the VM overhead).
 *
 * @param memoryGiB - the SKU's `MemoryGB` (GiB)
 * @returns reserved MiB
 * @example azureKubeReservedMemoryMiB(8) // 1843
 *
 * @category Overhead
 */
export function azureKubeReservedMemoryMiB(memoryGiB: number): number {
  return Math.trunc(1024 * taxOf(AZURE_MEMORY_TAX_GIB, memoryGiB));
}

/**
 * Memory capacity: whole GiB of the SKU (fractions truncated) less `ceil(bytes × overhead)` bytes (§2.1).
 *
 * @param memoryGiB - the SKU's `MemoryGB`
 * @param overheadPercent - `VM_MEMORY_OVERHEAD_PERCENT` as a fraction (0.075 by default)
 * @returns memory capacity in bytes
 * @example azureMemoryCapacityBytes(8) // 7945689497 (Standard_D2s_v3)
 *
 * @category Capacity
 */
export function azureMemoryCapacityBytes(memoryGiB: number, overheadPercent: number = AZURE_VM_MEMORY_OVERHEAD_PERCENT): number {
  const bytes = Math.trunc(memoryGiB) * GIB;
  return bytes - Math.ceil(bytes * overheadPercent);
}

/**
 * The network plugin settings that choose the default pod count.
 *
 * @category Capacity
 */
export interface AzureNetworkSettings {
  /** `azure` (default), `kubenet` or `none`. */
  readonly networkPlugin?: "azure" | "kubenet" | "none" | (string & {}) | undefined;
  /** `overlay` (default) or `""` (node subnet) for the azure plugin. */
  readonly networkPluginMode?: "overlay" | "" | (string & {}) | undefined;
  /** `AKSNodeClass.spec.maxPods`: wins over the plugin default. */
  readonly maxPods?: number | undefined;
}

/**
 * Pods per node (§2.1): `maxPods` when set, else 250 for the `none` plugin and for Azure CNI overlay, 30 for
 * Azure CNI on the node subnet, and 110 otherwise (kubenet).
 *
 * @param settings - plugin, mode and maxPods; defaults `azure` + `overlay`
 * @returns the pod capacity
 * @example azureMaxPods({ networkPlugin: "azure", networkPluginMode: "" }) // 30
 *
 * @category Capacity
 */
export function azureMaxPods(settings: AzureNetworkSettings = {}): number {
  if (settings.maxPods !== undefined) return settings.maxPods;
  const plugin = settings.networkPlugin ?? "azure";
  const mode = settings.networkPluginMode ?? "overlay";
  if (plugin === "none") return 250;
  if (plugin === "azure" && mode === "overlay") return 250;
  if (plugin === "azure" && mode === "") return 30;
  return 110;
}

/**
 * The `sku-storage-ephemeralos-maxsize` value: the larger of the cached disk and the temp disk (the API's
 * `MaxResourceVolumeMB` is MiB), in whole decimal GB.
 *
 * @param cachedDiskBytes - `CachedDiskBytes`
 * @param maxResourceVolumeMB - `MaxResourceVolumeMB`
 * @returns GB, 0 when the SKU has neither
 * @example azureEphemeralOsMaxSizeGB(0, 16384) // 17
 *
 * @category Capacity
 */
export function azureEphemeralOsMaxSizeGB(cachedDiskBytes: number = 0, maxResourceVolumeMB: number = 0): number {
  const bytes = Math.max(cachedDiskBytes, maxResourceVolumeMB * 2 ** 20);
  return Math.trunc(bytes / 1e9);
}

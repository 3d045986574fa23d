/**
 * The Azure catalogue adapter: Azure Resource SKU records to nodefit instance types with the labels,
 * capacity, overhead and offerings Karpenter's Azure provider computes (AKS), plus an embedded default
 * catalogue for eastus.
 *
 * @example
 * ```ts
 * import { defaultAzureCatalog } from "nodefit/azure";
 * const types = defaultAzureCatalog({ imageFamily: "AzureLinux", networkPluginMode: "" });
 * ```
 *
 * @packageDocumentation
 */
export { VERSION } from "nodefit";
export { azureCatalogTables, defaultAzureCatalog, type AzureCatalogTables } from "./catalog.js";
export {
  AZURE_CATALOG_REGION,
  AZURE_CATALOG_SERIES,
  AZURE_CATALOG_SPOT_FRACTION,
  AZURE_CATALOG_ZONES,
  type AzureCatalogSeries,
} from "./catalog-data.js";
export {
  AZURE_CPU_TAX_VCPU,
  AZURE_DEFAULT_OS_DISK_SIZE_GB,
  AZURE_EVICTION_MEMORY_MIB,
  AZURE_MEMORY_TAX_GIB,
  AZURE_VM_MEMORY_OVERHEAD_PERCENT,
  azureEphemeralOsMaxSizeGB,
  azureKubeReservedCpuMillis,
  azureKubeReservedMemoryMiB,
  azureMaxPods,
  azureMemoryCapacityBytes,
  taxOf,
  type AzureNetworkSettings,
  type TaxBrackets,
} from "./formulas.js";
export { azureInstanceType, azureInstanceTypes, isAzureSkuSupported } from "./instance-type.js";
export {
  AZURE_LABELS,
  AZURE_WELL_KNOWN_LABELS,
  azureGpuManufacturer,
  azureKubeArchitecture,
  azureLabels,
  azureSkuMemoryMiB,
  normalizeAzureClusterLabel,
  type AzureLabelContext,
} from "./labels.js";
export { AZURE_MISSING_PRICE, AZURE_REGIONAL_ZONE, AZURE_ZONAL_REGIONS, azureOfferingZones, azureOfferings } from "./offerings.js";
export type { AzureImageFamily, AzureInstanceTypeOptions, AzurePlacementScope, AzureResourceInput } from "./options.js";
export { azureCapacity, azureOverhead, type AzureOverhead } from "./overhead.js";
export { azureSkuVersion, parseAzureVmSize, type AzureVmSize } from "./size-name.js";
export type { AzureGpuManufacturer, AzureSkuInfo } from "./types.js";

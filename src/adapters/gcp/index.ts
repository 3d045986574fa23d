/**
 * The GCP catalogue adapter: Compute Engine machine types to nodefit instance types with the labels,
 * capacity, overhead and offerings the community Karpenter GCP provider computes from GKE's node sizing
 * rules, plus an embedded default catalogue for us-central1.
 *
 * @example
 * ```ts
 * import { defaultGcpCatalog } from "nodefit/gcp";
 * const types = defaultGcpCatalog({ bootDiskSizeGiB: 50, podsPerCore: 16 });
 * ```
 *
 * @packageDocumentation
 */
export { VERSION } from "nodefit";
export { defaultGcpCatalog, gcpCatalogTables, type GcpCatalogTables } from "./catalog.js";
export {
  GCP_CATALOG_REGION,
  GCP_CATALOG_SERIES,
  GCP_CATALOG_SHARED_CORE,
  GCP_CATALOG_SPOT_FRACTION,
  type GcpCatalogSeries,
  type GcpCatalogShape,
  type GcpSharedCoreType,
} from "./catalog-data.js";
export {
  GCP_DEFAULT_BOOT_DISK_GIB,
  GCP_VM_MEMORY_OVERHEAD_PERCENT,
  GKE_DEFAULT_MAX_PODS,
  GKE_EVICTION_MEMORY_MIB,
  GKE_KUBE_PROXY_CPU_MILLIS,
  GKE_SHARED_CORE_CPU_MILLIS,
  gcpMemoryCapacityBytes,
  gkeEphemeralReservation,
  gkeKubeReservedCpuMillis,
  gkeKubeReservedMemoryMiB,
  gkeMaxPods,
  type GkeEphemeralReservation,
} from "./formulas.js";
export { gcpInstanceType, gcpInstanceTypes } from "./instance-type.js";
export {
  GCP_LABELS,
  GCP_WELL_KNOWN_LABELS,
  gceAcceleratorCount,
  gceKubeArchitecture,
  gceNameParts,
  gcpLabels,
  type GceNameParts,
} from "./labels.js";
export { gcpOfferingZones, gcpOfferings } from "./offerings.js";
export type { GcpInstanceTypeOptions, GcpResourceInput } from "./options.js";
export { gcpCapacity, gcpOverhead, type GcpOverhead } from "./overhead.js";
export type { GceAccelerator, GceMachineType } from "./types.js";

/**
 * The options of the Azure adapter: the parts of an `AKSNodeClass`, the provider's operator settings and the
 * price data that change an instance type's labels, capacity, overhead or offerings (reference §2.1).
 */
import type { QuantityInput, ResourceMap } from "nodefit";

/**
 * `AKSNodeClass.spec.imageFamily` values of Linux images.
 *
 * @category Catalogue
 */
export type AzureImageFamily = "Ubuntu" | "Ubuntu2204" | "Ubuntu2404" | "AzureLinux";

/**
 * Resource amounts keyed by resource name, as an object (YAML) or a `Map`.
 *
 * @category Catalogue
 */
export type AzureResourceInput = ResourceMap | ReadonlyMap<string, QuantityInput>;

/**
 * Which offerings to generate: zonal (`<region>-<n>`), regional (zone `"0"`), or both (default).
 *
 * @category Catalogue
 */
export type AzurePlacementScope = "zonal" | "regional";

/**
 * Options mirroring an AKSNodeClass and the provider's settings; every one is optional.
 *
 * @category Catalogue
 */
export interface AzureInstanceTypeOptions {
  /** Default `eastus`. */
  readonly region?: string | undefined;
  /** Default `Ubuntu`; chooses `kubernetes.azure.com/os-sku` (`Ubuntu` or `AzureLinux`). */
  readonly imageFamily?: AzureImageFamily | undefined;
  /** `spec.osDiskSizeGB`, the ephemeral-storage capacity in decimal GB; default 128. */
  readonly osDiskSizeGB?: number | undefined;
  /** `spec.maxPods`; replaces the network plugin's default. */
  readonly maxPods?: number | undefined;
  /** Operator setting `NETWORK_PLUGIN`: `azure` (default), `kubenet` or `none`. */
  readonly networkPlugin?: "azure" | "kubenet" | "none" | undefined;
  /** Operator setting `NETWORK_PLUGIN_MODE`: `overlay` (default) or `""` (Azure CNI node subnet). */
  readonly networkPluginMode?: "overlay" | "" | undefined;
  /** `spec.fipsMode: FIPS` sets `kubernetes.azure.com/fips_enabled=true`. */
  readonly fipsMode?: "FIPS" | "Disabled" | undefined;
  /** The node resource group; becomes the normalised `kubernetes.azure.com/cluster` label. */
  readonly nodeResourceGroup?: string | undefined;
  /** `VM_MEMORY_OVERHEAD_PERCENT` (default 0.075). */
  readonly vmMemoryOverheadPercent?: number | undefined;
  /** kubelet `kubeReserved`: replaces the computed default per resource (not an upstream AKSNodeClass field). */
  readonly kubeReserved?: AzureResourceInput | undefined;
  /** kubelet `systemReserved` (upstream reserves nothing here). */
  readonly systemReserved?: AzureResourceInput | undefined;
  /** Offerings to generate; default both. Restrict to match a NodePool that selects `placement-scope`. */
  readonly placementScopes?: readonly AzurePlacementScope[] | undefined;
  /** Pay-as-you-go price per hour by SKU name. A SKU without one is priced at 999 and unavailable on demand. */
  readonly onDemandPrices?: ReadonlyMap<string, number> | undefined;
  /**
   * Spot price per hour by SKU name. Until given, spot is priced at on demand (as the provider does before
   * its first spot-price refresh); once given, a SKU without one is priced at 999 and unavailable as spot.
   */
  readonly spotPrices?: ReadonlyMap<string, number> | undefined;
  /** Savings-plan price by SKU; replaces the on-demand price where lower. */
  readonly savingsPlanPrices?: ReadonlyMap<string, number> | undefined;
  /** Offerings known to be out of capacity, as `zone/capacityType` by SKU name (e.g. `eastus-1/spot`). */
  readonly unavailableOfferings?: ReadonlyMap<string, readonly string[]> | undefined;
}

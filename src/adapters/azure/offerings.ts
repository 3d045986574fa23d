/**
 * Offerings of an Azure SKU (reference §2.1 "Offerings"): an on-demand and a spot offering per zone, zones
 * named `<region>-<n>`, plus the regional offering whose zone value is `"0"` (every SKU gets it; zonal SKUs
 * in zonal regions get the numbered zones too).
 */
import type { OfferingSpec } from "nodefit";
import type { AzureInstanceTypeOptions } from "./options.js";
import type { AzureSkuInfo } from "./types.js";

/**
 * The zone value of regional (non-zonal) VMs.
 *
 * @category Offerings
 */
export const AZURE_REGIONAL_ZONE = "0";

/**
 * The price the provider gives an offering it has no price for.
 *
 * @category Prices
 */
export const AZURE_MISSING_PRICE = 999;

/**
 * Regions with availability zones, from the provider's list (reference §2.1 names `pkg/utils/zones`);
 * SKUs elsewhere are regional only.
 *
 * @category Offerings
 */
export const AZURE_ZONAL_REGIONS: ReadonlySet<string> = new Set([
  "brazilsouth",
  "canadacentral",
  "centralus",
  "eastus",
  "eastus2",
  "southcentralus",
  "usgovvirginia",
  "westus2",
  "westus3",
  "francecentral",
  "italynorth",
  "germanywestcentral",
  "norwayeast",
  "northeurope",
  "uksouth",
  "westeurope",
  "swedencentral",
  "switzerlandnorth",
  "polandcentral",
  "qatarcentral",
  "uaenorth",
  "israelcentral",
  "southafricanorth",
  "australiaeast",
  "centralindia",
  "japaneast",
  "koreacentral",
  "southeastasia",
  "eastasia",
  "chinanorth3",
]);

/**
 * The zones a SKU gets offerings in: `<region>-<n>` for each of its zones (in a zonal region), then `"0"`.
 *
 * @param sku - the record
 * @param region - the region
 * @param options - `placementScopes` drops zonal or regional zones
 * @returns zone values, numbered zones sorted, the regional zone last
 *
 * @category Offerings
 */
export function azureOfferingZones(sku: AzureSkuInfo, region: string, options: AzureInstanceTypeOptions = {}): readonly string[] {
  const scopes = options.placementScopes ?? ["zonal", "regional"];
  const zonal = AZURE_ZONAL_REGIONS.has(region) && scopes.includes("zonal") ? [...new Set(sku.zones ?? [])].sort().map((z) => `${region}-${z}`) : [];
  return scopes.includes("regional") ? [...zonal, AZURE_REGIONAL_ZONE] : zonal;
}

/**
 * Offerings of one SKU: on demand and spot in every zone, priced from the tables, spot available only when
 * the SKU is `LowPriorityCapable` and priced.
 *
 * @param sku - the record
 * @param zones - from {@link azureOfferingZones}
 * @param options - prices and known-unavailable offerings
 * @returns offering specs, zone-major, on demand before spot
 * @example azureOfferings(d2sV5, ["eastus-1", "0"], { onDemandPrices: new Map([["Standard_D2s_v5", 0.096]]) })
 *
 * @category Offerings
 */
export function azureOfferings(sku: AzureSkuInfo, zones: readonly string[], options: AzureInstanceTypeOptions): readonly OfferingSpec[] {
  const listed = options.onDemandPrices?.get(sku.name);
  const plan = options.savingsPlanPrices?.get(sku.name);
  const onDemand = listed !== undefined && plan !== undefined ? Math.min(listed, plan) : listed;
  const spot = options.spotPrices === undefined ? onDemand : options.spotPrices.get(sku.name);
  const spotCapable = sku.lowPriorityCapable ?? true;
  const unavailable = new Set(options.unavailableOfferings?.get(sku.name) ?? []);
  const out: OfferingSpec[] = [];
  for (const zone of zones) {
    out.push({
      zone,
      capacityType: "on-demand",
      price: onDemand ?? AZURE_MISSING_PRICE,
      available: onDemand !== undefined && !unavailable.has(`${zone}/on-demand`),
    });
    out.push({
      zone,
      capacityType: "spot",
      price: spot ?? AZURE_MISSING_PRICE,
      available: spotCapable && spot !== undefined && !unavailable.has(`${zone}/spot`),
    });
  }
  return out;
}

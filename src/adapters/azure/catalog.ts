/**
 * Expands the embedded series table into Resource-SKU-shaped records plus price tables, and builds the
 * default Azure catalogue from them, lazily and once.
 */
import type { InstanceType } from "nodefit";
import { AZURE_CATALOG_REGION, AZURE_CATALOG_SERIES, AZURE_CATALOG_SPOT_FRACTION, AZURE_CATALOG_ZONES } from "./catalog-data.js";
import { azureInstanceTypes } from "./instance-type.js";
import type { AzureInstanceTypeOptions } from "./options.js";
import type { AzureSkuInfo } from "./types.js";

/**
 * The embedded catalogue as SKU records and price tables.
 *
 * @category Catalogue
 */
export interface AzureCatalogTables {
  readonly skus: readonly AzureSkuInfo[];
  readonly onDemandPrices: ReadonlyMap<string, number>;
  readonly spotPrices: ReadonlyMap<string, number>;
}

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * The embedded catalogue expanded into records and price tables (built on every call; see
 * {@link defaultAzureCatalog} for the memoised instance types).
 *
 * @returns SKU records, pay-as-you-go and spot prices
 * @example azureCatalogTables().onDemandPrices.get("Standard_D2s_v5") // 0.096
 *
 * @category Catalogue
 */
export function azureCatalogTables(): AzureCatalogTables {
  const skus: AzureSkuInfo[] = [];
  const onDemandPrices = new Map<string, number>();
  const spotPrices = new Map<string, number>();
  for (const series of AZURE_CATALOG_SERIES) {
    series.sizes.forEach((vcpus, i) => {
      const name = `${series.prefix}${vcpus}${series.suffix}`;
      const temp = series.tempGiBPerVcpu === undefined ? undefined : series.tempGiBPerVcpu * vcpus * 1024;
      skus.push({
        name,
        family: series.family,
        vCPUs: vcpus,
        memoryGB: series.memGiB?.[vcpus] ?? vcpus * series.gibPerVcpu,
        architecture: series.architecture,
        acceleratedNetworking: true,
        premiumIO: series.premiumIO,
        lowPriorityCapable: true,
        hyperVGenerations: series.hyperV,
        zones: AZURE_CATALOG_ZONES,
        ...(temp === undefined ? {} : { maxResourceVolumeMB: temp }),
      });
      const price = series.usd?.[i] ?? round6(series.usdPerVcpu * vcpus);
      onDemandPrices.set(name, price);
      spotPrices.set(name, round6(price * AZURE_CATALOG_SPOT_FRACTION));
    });
  }
  return { skus, onDemandPrices, spotPrices };
}

/**
 * The embedded default catalogue (D, Ds, Dds, Das, Dps v5, Fs v2, Es and Eas v5 in eastus) as nodefit
 * instance types. The catalogue's own region and prices fill whatever the options leave out. Without
 * options the result is built on first use and shared.
 *
 * @param options - AKSNodeClass settings and overrides, as for `azureInstanceTypes`
 * @returns the instance types, in series then size order (the memo lives in this function's closure; importing the module builds nothing)
 * @example
 * ```ts
 * const types = defaultAzureCatalog();
 * types.find((t) => t.name === "Standard_D2s_v5")?.allocatable.get("pods"); // 250
 * ```
 *
 * @category Catalogue
 */
export const defaultAzureCatalog: (options?: AzureInstanceTypeOptions) => readonly InstanceType[] = /* @__PURE__ */ (() => {
  let tables: AzureCatalogTables | undefined;
  let shared: readonly InstanceType[] | undefined;
  const build = (options: AzureInstanceTypeOptions | undefined): readonly InstanceType[] => {
    tables ??= azureCatalogTables();
    return azureInstanceTypes(tables.skus, {
      ...options,
      region: options?.region ?? AZURE_CATALOG_REGION,
      onDemandPrices: options?.onDemandPrices ?? tables.onDemandPrices,
      spotPrices: options?.spotPrices ?? tables.spotPrices,
    });
  };
  return (options?: AzureInstanceTypeOptions): readonly InstanceType[] => {
    if (options !== undefined) return build(options);
    shared ??= build(undefined);
    return shared;
  };
})();

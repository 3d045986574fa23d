/**
 * The embedded default Azure catalogue: the general-purpose D v5 series (D, Ds, Dds, Das, Dps), the
 * compute-optimised Fs v2 and the memory-optimised Es v5 and Eas v5, every common size, in `eastus`.
 *
 * Sources: Microsoft Learn, "Sizes for virtual machines in Azure" (learn.microsoft.com/azure/virtual-machines/
 * sizes: the Dv5/Dsv5, Ddv5/Ddsv5, Dasv5, Dpsv5, Fsv2, Esv5 and Easv5 series pages — vCPUs, memory GiB, temp
 * storage GiB, premium storage, accelerated networking, Hyper-V generations), the Azure Resource SKUs API's
 * `locationInfo` for eastus (zones 1, 2, 3), and the Azure Retail Prices API / "Linux Virtual Machines
 * Pricing" page for East US (pay-as-you-go, Linux, USD per hour). Written down as facts by hand.
 *
 * Approximations, stated so users know what to override:
 * - Prices: each series has one pay-as-you-go price per vCPU-hour (its 2-vCPU price / 2); a size costs that ×
 *   vCPUs, rounded to 6 decimals, which is how Azure prices these series (Fs v2 is listed per size).
 * - Spot: Azure spot prices float with demand and are not recorded; every series is priced at 20% of its
 *   pay-as-you-go price, a typical eastus discount for these series. Pass `spotPrices` for real ones.
 * - `CachedDiskBytes` is not recorded, so `sku-storage-ephemeralos-maxsize` comes from the temp disk alone.
 * - Ultra SSD availability is not recorded (`sku-storage-ultra-ssd` is `false`).
 */

/**
 * One series of the embedded catalogue.
 *
 * @category Catalogue
 */
export interface AzureCatalogSeries {
  /** Size name before the vCPU count, e.g. `Standard_D`. */
  readonly prefix: string;
  /** Size name after the vCPU count, e.g. `s_v5`. */
  readonly suffix: string;
  /** The Resource SKUs API `family`. */
  readonly family: string;
  readonly architecture: "x64" | "Arm64";
  /** vCPU counts of the sizes. */
  readonly sizes: readonly number[];
  /** Memory GiB per vCPU, unless `memGiB` gives a size's own. */
  readonly gibPerVcpu: number;
  readonly memGiB?: { readonly [vcpus: number]: number };
  /** Temp disk GiB per vCPU (`MaxResourceVolumeMB` / 1024); absent for diskless series. */
  readonly tempGiBPerVcpu?: number;
  readonly premiumIO: boolean;
  readonly hyperV: readonly string[];
  /** Pay-as-you-go USD per vCPU-hour in eastus. */
  readonly usdPerVcpu: number;
  /** Explicit per-size prices where the series is listed per size (aligned with `sizes`). */
  readonly usd?: readonly number[];
}

/**
 * The region the embedded prices are for.
 *
 * @category Catalogue
 */
export const AZURE_CATALOG_REGION = "eastus";

/**
 * Zones every embedded SKU is offered in (Resource SKUs `locationInfo`).
 *
 * @category Catalogue
 */
export const AZURE_CATALOG_ZONES: readonly string[] = ["1", "2", "3"];

/**
 * Spot price as a fraction of pay-as-you-go (an approximation; see the module header).
 *
 * @category Catalogue
 */
export const AZURE_CATALOG_SPOT_FRACTION = 0.2;

const GEN12: readonly string[] = ["V1", "V2"];

/**
 * The embedded series, general purpose first.
 *
 * @category Catalogue
 */
export const AZURE_CATALOG_SERIES: readonly AzureCatalogSeries[] = [
  {
    prefix: "Standard_D",
    suffix: "_v5",
    family: "standardDv5Family",
    architecture: "x64",
    sizes: [2, 4, 8, 16, 32, 48, 64, 96],
    gibPerVcpu: 4,
    premiumIO: false,
    hyperV: GEN12,
    usdPerVcpu: 0.048,
  },
  {
    prefix: "Standard_D",
    suffix: "s_v5",
    family: "standardDSv5Family",
    architecture: "x64",
    sizes: [2, 4, 8, 16, 32, 48, 64, 96],
    gibPerVcpu: 4,
    premiumIO: true,
    hyperV: GEN12,
    usdPerVcpu: 0.048,
  },
  {
    prefix: "Standard_D",
    suffix: "ds_v5",
    family: "standardDDSv5Family",
    architecture: "x64",
    sizes: [2, 4, 8, 16, 32, 48, 64, 96],
    gibPerVcpu: 4,
    tempGiBPerVcpu: 37.5,
    premiumIO: true,
    hyperV: GEN12,
    usdPerVcpu: 0.0565,
  },
  {
    prefix: "Standard_D",
    suffix: "as_v5",
    family: "standardDASv5Family",
    architecture: "x64",
    sizes: [2, 4, 8, 16, 32, 48, 64, 96],
    gibPerVcpu: 4,
    premiumIO: true,
    hyperV: GEN12,
    usdPerVcpu: 0.043,
  },
  {
    prefix: "Standard_D",
    suffix: "ps_v5",
    family: "standardDPSv5Family",
    architecture: "Arm64",
    sizes: [2, 4, 8, 16, 32, 48, 64],
    gibPerVcpu: 4,
    memGiB: { 64: 208 },
    premiumIO: true,
    hyperV: ["V2"],
    usdPerVcpu: 0.0385,
  },
  {
    prefix: "Standard_F",
    suffix: "s_v2",
    family: "standardFSv2Family",
    architecture: "x64",
    sizes: [2, 4, 8, 16, 32, 48, 64, 72],
    gibPerVcpu: 2,
    tempGiBPerVcpu: 8,
    premiumIO: true,
    hyperV: GEN12,
    usdPerVcpu: 0.0423,
    usd: [0.0846, 0.169, 0.338, 0.677, 1.353, 2.03, 2.706, 3.045],
  },
  {
    prefix: "Standard_E",
    suffix: "s_v5",
    family: "standardESv5Family",
    architecture: "x64",
    sizes: [2, 4, 8, 16, 20, 32, 48, 64, 96],
    gibPerVcpu: 8,
    memGiB: { 96: 672 },
    premiumIO: true,
    hyperV: GEN12,
    usdPerVcpu: 0.063,
  },
  {
    prefix: "Standard_E",
    suffix: "as_v5",
    family: "standardEASv5Family",
    architecture: "x64",
    sizes: [2, 4, 8, 16, 20, 32, 48, 64, 96],
    gibPerVcpu: 8,
    memGiB: { 96: 672 },
    premiumIO: true,
    hyperV: GEN12,
    usdPerVcpu: 0.0565,
  },
];

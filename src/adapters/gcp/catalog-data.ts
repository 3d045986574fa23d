/**
 * The embedded default GCP catalogue: the general-purpose E2, N2, N2D, C3, Tau T2D and Tau T2A machine series
 * (standard, highmem and highcpu shapes, every predefined size, plus the shared-core e2-micro, e2-small and
 * e2-medium) in `us-central1`.
 *
 * Sources: Google Cloud documentation, "General-purpose machine family for Compute Engine"
 * (cloud.google.com/compute/docs/general-purpose-machines: vCPUs and memory of every predefined type,
 * shared-core E2, Arm T2A) and "Regions and zones" (zones offering each series), and the Compute Engine
 * pricing page / Cloud Billing Catalog API for us-central1 (on-demand vCPU-hour and GB-hour resource prices
 * per series, shared-core prices per type; USD). Written down as facts by hand.
 *
 * Approximations, stated so users know what to override:
 * - On-demand prices: a predefined type costs vCPUs × the series' vCPU price + GB × its memory price, rounded
 *   to 6 decimals, which is how Compute Engine prices them; T2A's resource prices are the least certain.
 * - Spot: spot prices change up to once a month and are not recorded; every type is priced at 30% of on
 *   demand, a typical us-central1 discount for these series. Pass `spotPrices` for real ones.
 * - Zones: E2, N2, N2D, C3 and T2D in us-central1-a, b, c and f; T2A in a, b and f.
 * - Local SSD variants (`-lssd`) and GPU types are not included.
 */

/**
 * One shape (`standard`, `highmem`, `highcpu`) of a series.
 *
 * @category Catalogue
 */
export interface GcpCatalogShape {
  readonly shape: string;
  /** vCPU counts of the sizes. */
  readonly sizes: readonly number[];
  /** Memory GB per vCPU. */
  readonly gbPerVcpu: number;
}

/**
 * One machine series of the embedded catalogue.
 *
 * @category Catalogue
 */
export interface GcpCatalogSeries {
  /** e.g. `n2`, `t2a`. */
  readonly series: string;
  readonly architecture: "X86_64" | "ARM64";
  readonly shapes: readonly GcpCatalogShape[];
  /** On-demand USD per vCPU-hour in us-central1. */
  readonly usdPerVcpu: number;
  /** On-demand USD per GB-hour of memory in us-central1. */
  readonly usdPerGb: number;
  /** Zone letters the series is offered in. */
  readonly zones: readonly string[];
}

/**
 * One shared-core type: two vCPUs time-shared, fixed memory and price.
 *
 * @category Catalogue
 */
export interface GcpSharedCoreType {
  readonly name: string;
  readonly memoryGb: number;
  readonly usd: number;
}

/**
 * The region the embedded prices are for.
 *
 * @category Catalogue
 */
export const GCP_CATALOG_REGION = "us-central1";

/**
 * Spot price as a fraction of on demand (an approximation; see the module header).
 *
 * @category Catalogue
 */
export const GCP_CATALOG_SPOT_FRACTION = 0.3;

const ABCF: readonly string[] = ["a", "b", "c", "f"];
const N_SIZES: readonly number[] = [2, 4, 8, 16, 32, 48, 64, 80, 96, 128];
const C3_SIZES: readonly number[] = [4, 8, 22, 44, 88, 176];

/**
 * The embedded series.
 *
 * @category Catalogue
 */
export const GCP_CATALOG_SERIES: readonly GcpCatalogSeries[] = [
  {
    series: "e2",
    architecture: "X86_64",
    usdPerVcpu: 0.021811,
    usdPerGb: 0.002923,
    zones: ABCF,
    shapes: [
      { shape: "standard", sizes: [2, 4, 8, 16, 32], gbPerVcpu: 4 },
      { shape: "highmem", sizes: [2, 4, 8, 16], gbPerVcpu: 8 },
      { shape: "highcpu", sizes: [2, 4, 8, 16, 32], gbPerVcpu: 1 },
    ],
  },
  {
    series: "n2",
    architecture: "X86_64",
    usdPerVcpu: 0.031611,
    usdPerGb: 0.004237,
    zones: ABCF,
    shapes: [
      { shape: "standard", sizes: N_SIZES, gbPerVcpu: 4 },
      { shape: "highmem", sizes: N_SIZES, gbPerVcpu: 8 },
      { shape: "highcpu", sizes: [2, 4, 8, 16, 32, 48, 64, 80, 96], gbPerVcpu: 1 },
    ],
  },
  {
    series: "n2d",
    architecture: "X86_64",
    usdPerVcpu: 0.027502,
    usdPerGb: 0.003686,
    zones: ABCF,
    shapes: [
      { shape: "standard", sizes: [...N_SIZES, 224], gbPerVcpu: 4 },
      { shape: "highmem", sizes: [2, 4, 8, 16, 32, 48, 64, 80, 96], gbPerVcpu: 8 },
      { shape: "highcpu", sizes: [...N_SIZES, 224], gbPerVcpu: 1 },
    ],
  },
  {
    series: "c3",
    architecture: "X86_64",
    usdPerVcpu: 0.03398,
    usdPerGb: 0.00455,
    zones: ABCF,
    shapes: [
      { shape: "standard", sizes: C3_SIZES, gbPerVcpu: 4 },
      { shape: "highmem", sizes: C3_SIZES, gbPerVcpu: 8 },
      { shape: "highcpu", sizes: C3_SIZES, gbPerVcpu: 2 },
    ],
  },
  {
    series: "t2d",
    architecture: "X86_64",
    usdPerVcpu: 0.027502,
    usdPerGb: 0.003686,
    zones: ABCF,
    shapes: [{ shape: "standard", sizes: [1, 2, 4, 8, 16, 32, 48, 60], gbPerVcpu: 4 }],
  },
  {
    series: "t2a",
    architecture: "ARM64",
    usdPerVcpu: 0.022,
    usdPerGb: 0.004125,
    zones: ["a", "b", "f"],
    shapes: [{ shape: "standard", sizes: [1, 2, 4, 8, 16, 32, 48], gbPerVcpu: 4 }],
  },
];

/**
 * Shared-core E2 types (two time-shared vCPUs each), in E2's zones.
 *
 * @category Catalogue
 */
export const GCP_CATALOG_SHARED_CORE: readonly GcpSharedCoreType[] = [
  { name: "e2-micro", memoryGb: 1, usd: 0.008376 },
  { name: "e2-small", memoryGb: 2, usd: 0.016751 },
  { name: "e2-medium", memoryGb: 4, usd: 0.033503 },
];

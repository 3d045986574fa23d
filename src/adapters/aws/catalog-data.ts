/**
 * The embedded default EC2 catalogue: the current-generation general-purpose (m, t), compute (c) and
 * memory (r) families a Karpenter user launches most, generation 5 onwards, Intel, AMD and Graviton.
 *
 * Sources: the Amazon EC2 instance type documentation (docs.aws.amazon.com/ec2/latest/instancetypes:
 * "Specifications" pages for general purpose, compute optimized and memory optimized types — vCPUs,
 * memory, network bandwidth baseline, EBS bandwidth, instance store; "Maximum IP addresses per network
 * interface" — ENIs and IPv4 addresses per ENI; the EKS "security groups for pods" branch-interface
 * limits), and the public AWS Price List for Amazon EC2 in us-east-1 (Linux, shared tenancy, on-demand,
 * USD per hour). Written down as facts by hand; not generated from any other project's files.
 *
 * Approximations, stated so users know what to override:
 * - Zones: every type is listed in us-east-1a, b, c, d and f. Exact per-type zone lists change often and
 *   are not recorded; pass `zonesByType` (from DescribeInstanceTypeOfferings) for the real ones.
 * - Prices: each family has one price per vCPU-hour (its `large` price / 2); a size costs that × vCPUs,
 *   rounded to 6 decimals. AWS prices these families linearly by size, except that some metal sizes
 *   (Graviton2, and the `metal-24xl` sizes) carry a premium of about 6–10% that this table does not record;
 *   pass `onDemandPrices` where exact metal prices matter.
 * - Branch ENIs (`vpc.amazonaws.com/pod-eni`) follow one ladder by size with per-family exceptions.
 *
 * Layout: one row per family; per-size columns are aligned with the family's `sizes` list.
 */

/**
 * One family of the embedded catalogue. Per-size arrays align with `sizes`.
 *
 * @category Catalogue
 */
export interface AwsCatalogFamily {
  /** e.g. `m5`, `m7i-flex`. */
  readonly family: string;
  readonly arch: "x86_64" | "arm64";
  /** `ProcessorInfo.Manufacturer`: `Intel`, `AMD` or `AWS`. */
  readonly cpu: "Intel" | "AMD" | "AWS";
  /** Sustained all-core clock, GHz. */
  readonly ghz: number;
  readonly encryptionInTransit: boolean;
  /** Memory GiB per vCPU, unless `memGiB` lists each size. */
  readonly gibPerVcpu?: number;
  /** Space-separated sizes; `metal:96` gives a metal size's vCPUs. */
  readonly sizes: string;
  readonly memGiB?: readonly number[];
  /** Baseline network bandwidth, Mbps. */
  readonly netMbps: readonly number[];
  /** Maximum EBS bandwidth, Mbps. */
  readonly ebsMbps: readonly number[];
  /** Local NVMe instance store, GB. */
  readonly nvmeGB?: readonly number[];
  /** ENI layout per size where it differs from the standard ladder: `[enis per card, IPv4 per ENI, cards]`. */
  readonly eni?: { readonly [size: string]: readonly [number, number, number?] };
  /** Sustained clock per size where it differs from `ghz`. */
  readonly ghzBySize?: { readonly [size: string]: number };
  /** Branch ENIs (security groups per pod) per size where they differ from the standard ladder. */
  readonly branch?: { readonly [size: string]: number };
  /** EFA interfaces per size where they differ from the default (one on the largest and metal sizes of EFA families). */
  readonly efa?: { readonly [size: string]: number };
  /** Burstable (t) families use the burstable ENI ladder and have no branch ENIs. */
  readonly burstable?: boolean;
  /** On-demand USD per hour for 2 vCPUs (the `large` size), us-east-1 Linux. */
  readonly usdPer2Vcpu: number;
  /** Explicit per-size prices where the family is not linear (burstable families). */
  readonly usd?: readonly number[];
}

const S_M5 = "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge metal:96";
const S_M5A = "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge";
const S_C5 = "large xlarge 2xlarge 4xlarge 9xlarge 12xlarge 18xlarge 24xlarge metal:96";
const S_C5N = "large xlarge 2xlarge 4xlarge 9xlarge 18xlarge metal:72";
const S_M5ZN = "large xlarge 2xlarge 3xlarge 6xlarge 12xlarge metal:48";
const S_T = "nano micro small medium large xlarge 2xlarge";
const S_G = "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge metal:64";
const S_C6GN = "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge";
const S_6I = "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge metal:128";
const S_6A = "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge metal:192";
const S_7I = "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl";
const S_7A = "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge metal-48xl";
const S_8G = "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl";
const S_FLEX = "large xlarge 2xlarge 4xlarge 8xlarge";

// Network baseline (Mbps) and EBS maximum (Mbps) ladders shared by several families.
const NET_M5 = [750, 1250, 2500, 5000, 10000, 12000, 20000, 25000, 25000];
const EBS_M5 = [4750, 4750, 4750, 4750, 6800, 9500, 13600, 19000, 19000];
const NET_M5N = [2100, 4100, 8125, 16250, 25000, 50000, 75000, 100000, 100000];
const NET_M5A = [750, 1250, 2500, 5000, 7500, 10000, 12000, 20000];
const EBS_M5A = [2880, 2880, 2880, 2880, 4750, 6780, 9500, 13750];
const EBS_R5A = [2880, 2880, 2880, 2880, 4750, 6780, 9500, 13570];
const NET_C5 = [750, 1250, 2500, 5000, 12000, 12000, 25000, 25000, 25000];
const EBS_C5 = [4750, 4750, 4750, 4750, 9500, 9500, 19000, 19000, 19000];
const NET_C5A = [750, 1250, 2500, 5000, 10000, 12000, 20000, 20000];
const EBS_C5A = [3170, 3170, 3170, 3170, 3170, 4750, 6300, 9500];
const NET_T = [32, 64, 128, 256, 512, 1024, 2048];
const EBS_T = [2085, 2085, 2085, 2085, 2780, 2780, 2780];
const MEM_T = [0.5, 1, 2, 4, 8, 16, 32];
const NET_G2 = [500, 750, 1250, 2500, 5000, 12000, 20000, 25000, 25000];
const EBS_G2 = [4750, 4750, 4750, 4750, 4750, 9500, 14250, 19000, 19000];
const NET_G3 = [520, 937, 1876, 3750, 7500, 15000, 22500, 30000, 30000];
const EBS_G3 = [10000, 10000, 10000, 10000, 10000, 10000, 15000, 20000, 20000];
const NET_6I = [781, 1562, 3125, 6250, 12500, 18750, 25000, 37500, 50000, 50000];
const EBS_6I = [10000, 10000, 10000, 10000, 10000, 15000, 20000, 30000, 40000, 40000];
const NET_6IN = [3125, 6250, 12500, 25000, 50000, 75000, 100000, 150000, 200000, 200000];
const EBS_6IN = [25000, 25000, 25000, 25000, 25000, 37500, 50000, 75000, 100000, 100000];
const NET_6A = [781, 1562, 3125, 6250, 12500, 18750, 25000, 37500, 50000, 50000, 50000];
const EBS_6A = [10000, 10000, 10000, 10000, 10000, 15000, 20000, 30000, 40000, 40000, 40000];
const NET_7I = [781, 1562, 3125, 6250, 12500, 18750, 25000, 37500, 50000, 37500, 50000];
const EBS_7I = [10000, 10000, 10000, 10000, 10000, 15000, 20000, 30000, 40000, 30000, 40000];
const NET_7A = [390, 781, 1562, 3125, 6250, 12500, 18750, 25000, 37500, 50000, 50000, 50000];
const EBS_7A = [10000, 10000, 10000, 10000, 10000, 10000, 15000, 20000, 30000, 40000, 40000, 40000];
const NET_8G = [520, 937, 1875, 3750, 7500, 15000, 22500, 30000, 40000, 50000, 40000, 50000];
const EBS_8G = [10000, 10000, 10000, 10000, 10000, 10000, 15000, 20000, 30000, 40000, 30000, 40000];
const NET_FLEX = [390, 781, 1562, 3125, 6250];
const EBS_FLEX = [10000, 10000, 10000, 10000, 10000];

// Local NVMe (GB) ladders.
const NVME_M5D = [75, 150, 300, 600, 1200, 1800, 2400, 3600, 3600];
const NVME_M5AD = [75, 150, 300, 600, 1200, 1800, 2400, 3600];
const NVME_C5D = [50, 100, 200, 400, 900, 1800, 1800, 3600, 3600];
const NVME_C5AD = [75, 150, 300, 600, 1200, 1800, 2400, 3800];
const NVME_GD = [59, 118, 237, 474, 950, 1900, 2850, 3800, 3800];
const NVME_6ID = [118, 237, 474, 950, 1900, 2850, 3800, 5700, 7600, 7600];

// The 100-Gbps "n" families split their largest sizes' ENIs over two network cards.
const TWO_CARDS: { readonly [size: string]: readonly [number, number, number?] } = { "32xlarge": [8, 50, 2], metal: [8, 50, 2] };

// Branch ENIs of the 6th and 7th generation Intel and AMD families, where they leave the 5th generation ladder.
const BRANCH_6: { readonly [size: string]: number } = { "8xlarge": 84, "12xlarge": 114 };
const BRANCH_6N: { readonly [size: string]: number } = { ...BRANCH_6, "32xlarge": 106, metal: 106 };
const EFA_6N: { readonly [size: string]: number } = { "32xlarge": 2, metal: 2 };
const BRANCH_FLEX: { readonly [size: string]: number } = { large: 3, xlarge: 8, "2xlarge": 18, "4xlarge": 34 };
const GHZ_C5: { readonly [size: string]: number } = { "12xlarge": 3.6, "24xlarge": 3.6, metal: 3.6 };
const GHZ_5AD: { readonly [size: string]: number } = { "8xlarge": 2.5, "16xlarge": 2.5 };
const GHZ_8G: { readonly [size: string]: number } = { "48xlarge": 2.7, "metal-48xl": 2.7 };
const EFA_8G: { readonly [size: string]: number } = { "24xlarge": 1 };
const EFA_7I: { readonly [size: string]: number } = { "metal-24xl": 0 };

const x86 = "x86_64" as const;
const arm = "arm64" as const;

/**
 * The families of the embedded catalogue.
 *
 * @category Catalogue
 */
export const AWS_CATALOG_FAMILIES: readonly AwsCatalogFamily[] = [
  // 5th generation Intel (Skylake / Cascade Lake)
  {
    family: "m5",
    branch: { metal: 120 },
    arch: x86,
    cpu: "Intel",
    ghz: 3.1,
    encryptionInTransit: false,
    gibPerVcpu: 4,
    sizes: S_M5,
    netMbps: NET_M5,
    ebsMbps: EBS_M5,
    usdPer2Vcpu: 0.096,
  },
  {
    family: "m5d",
    arch: x86,
    cpu: "Intel",
    ghz: 3.1,
    encryptionInTransit: false,
    gibPerVcpu: 4,
    sizes: S_M5,
    netMbps: NET_M5,
    ebsMbps: EBS_M5,
    nvmeGB: NVME_M5D,
    usdPer2Vcpu: 0.113,
  },
  {
    family: "m5n",
    arch: x86,
    cpu: "Intel",
    ghz: 3.1,
    encryptionInTransit: true,
    gibPerVcpu: 4,
    sizes: S_M5,
    netMbps: NET_M5N,
    ebsMbps: EBS_M5,
    usdPer2Vcpu: 0.119,
  },
  {
    family: "m5dn",
    arch: x86,
    cpu: "Intel",
    ghz: 3.1,
    encryptionInTransit: true,
    gibPerVcpu: 4,
    sizes: S_M5,
    netMbps: NET_M5N,
    ebsMbps: EBS_M5,
    nvmeGB: NVME_M5D,
    usdPer2Vcpu: 0.136,
  },
  {
    family: "m5zn",
    arch: x86,
    cpu: "Intel",
    ghz: 4.5,
    encryptionInTransit: true,
    gibPerVcpu: 4,
    sizes: S_M5ZN,
    netMbps: [3000, 5000, 10000, 15000, 50000, 100000, 100000],
    ebsMbps: [3170, 3170, 3170, 4750, 9500, 19000, 19000],
    eni: { "12xlarge": [15, 50] },
    branch: { large: 13, xlarge: 29, "2xlarge": 62, "3xlarge": 92, "6xlarge": 114, "12xlarge": 107 },
    usdPer2Vcpu: 0.1652,
  },
  {
    family: "r5",
    branch: { metal: 120 },
    arch: x86,
    cpu: "Intel",
    ghz: 3.1,
    encryptionInTransit: false,
    gibPerVcpu: 8,
    sizes: S_M5,
    netMbps: NET_M5,
    ebsMbps: EBS_M5,
    usdPer2Vcpu: 0.126,
  },
  {
    family: "r5d",
    arch: x86,
    cpu: "Intel",
    ghz: 3.1,
    encryptionInTransit: false,
    gibPerVcpu: 8,
    sizes: S_M5,
    netMbps: NET_M5,
    ebsMbps: EBS_M5,
    nvmeGB: NVME_M5D,
    usdPer2Vcpu: 0.144,
  },
  {
    family: "r5n",
    arch: x86,
    cpu: "Intel",
    ghz: 3.1,
    encryptionInTransit: true,
    gibPerVcpu: 8,
    sizes: S_M5,
    netMbps: NET_M5N,
    ebsMbps: EBS_M5,
    usdPer2Vcpu: 0.149,
  },
  {
    family: "r5dn",
    arch: x86,
    cpu: "Intel",
    ghz: 3.1,
    encryptionInTransit: true,
    gibPerVcpu: 8,
    sizes: S_M5,
    netMbps: NET_M5N,
    ebsMbps: EBS_M5,
    nvmeGB: NVME_M5D,
    usdPer2Vcpu: 0.167,
  },
  {
    family: "r5b",
    arch: x86,
    cpu: "Intel",
    ghz: 3.1,
    encryptionInTransit: false,
    gibPerVcpu: 8,
    sizes: S_M5,
    netMbps: NET_M5,
    ebsMbps: [10000, 10000, 10000, 10000, 20000, 30000, 40000, 60000, 60000],
    usdPer2Vcpu: 0.149,
  },
  {
    family: "c5",
    ghzBySize: GHZ_C5,
    arch: x86,
    cpu: "Intel",
    ghz: 3.4,
    encryptionInTransit: false,
    gibPerVcpu: 2,
    sizes: S_C5,
    netMbps: NET_C5,
    ebsMbps: EBS_C5,
    usdPer2Vcpu: 0.085,
  },
  {
    family: "c5d",
    ghzBySize: GHZ_C5,
    arch: x86,
    cpu: "Intel",
    ghz: 3.4,
    encryptionInTransit: false,
    gibPerVcpu: 2,
    sizes: S_C5,
    netMbps: NET_C5,
    ebsMbps: EBS_C5,
    nvmeGB: NVME_C5D,
    usdPer2Vcpu: 0.096,
  },
  {
    family: "c5n",
    efa: { "9xlarge": 1 },
    arch: x86,
    cpu: "Intel",
    ghz: 3.4,
    encryptionInTransit: true,
    sizes: S_C5N,
    memGiB: [5.25, 10.5, 21, 42, 96, 192, 192],
    netMbps: [3000, 5000, 10000, 15000, 50000, 100000, 100000],
    ebsMbps: [4750, 4750, 4750, 4750, 9500, 19000, 19000],
    usdPer2Vcpu: 0.108,
  },
  // 5th generation AMD (EPYC 7000 / 7002)
  {
    family: "m5a",
    arch: x86,
    cpu: "AMD",
    ghz: 2.5,
    encryptionInTransit: false,
    gibPerVcpu: 4,
    sizes: S_M5A,
    netMbps: NET_M5A,
    ebsMbps: EBS_M5A,
    usdPer2Vcpu: 0.086,
  },
  {
    family: "m5ad",
    ghzBySize: GHZ_5AD,
    arch: x86,
    cpu: "AMD",
    ghz: 2.2,
    encryptionInTransit: false,
    gibPerVcpu: 4,
    sizes: S_M5A,
    netMbps: NET_M5A,
    ebsMbps: EBS_M5A,
    nvmeGB: NVME_M5AD,
    usdPer2Vcpu: 0.103,
  },
  {
    family: "r5a",
    arch: x86,
    cpu: "AMD",
    ghz: 2.5,
    encryptionInTransit: false,
    gibPerVcpu: 8,
    sizes: S_M5A,
    netMbps: NET_M5A,
    ebsMbps: EBS_R5A,
    usdPer2Vcpu: 0.113,
  },
  {
    family: "r5ad",
    ghzBySize: GHZ_5AD,
    arch: x86,
    cpu: "AMD",
    ghz: 2.2,
    encryptionInTransit: false,
    gibPerVcpu: 8,
    sizes: S_M5A,
    netMbps: NET_M5A,
    ebsMbps: EBS_R5A,
    nvmeGB: NVME_M5AD,
    usdPer2Vcpu: 0.131,
  },
  {
    family: "c5a",
    arch: x86,
    cpu: "AMD",
    ghz: 3.3,
    encryptionInTransit: true,
    gibPerVcpu: 2,
    sizes: S_M5A,
    netMbps: NET_C5A,
    ebsMbps: EBS_C5A,
    usdPer2Vcpu: 0.077,
  },
  {
    family: "c5ad",
    arch: x86,
    cpu: "AMD",
    ghz: 3.3,
    encryptionInTransit: true,
    gibPerVcpu: 2,
    sizes: S_M5A,
    netMbps: NET_C5A,
    ebsMbps: EBS_C5A,
    nvmeGB: NVME_C5AD,
    usdPer2Vcpu: 0.086,
  },
  // Burstable
  {
    family: "t3",
    arch: x86,
    cpu: "Intel",
    ghz: 2.5,
    encryptionInTransit: false,
    sizes: S_T,
    memGiB: MEM_T,
    netMbps: NET_T,
    ebsMbps: EBS_T,
    burstable: true,
    usdPer2Vcpu: 0.0832,
    usd: [0.0052, 0.0104, 0.0208, 0.0416, 0.0832, 0.1664, 0.3328],
  },
  {
    family: "t3a",
    eni: { small: [2, 4] },
    arch: x86,
    cpu: "AMD",
    ghz: 2.2,
    encryptionInTransit: false,
    sizes: S_T,
    memGiB: MEM_T,
    netMbps: NET_T,
    ebsMbps: EBS_T,
    burstable: true,
    usdPer2Vcpu: 0.0752,
    usd: [0.0047, 0.0094, 0.0188, 0.0376, 0.0752, 0.1504, 0.3008],
  },
  {
    family: "t4g",
    arch: arm,
    cpu: "AWS",
    ghz: 2.5,
    encryptionInTransit: false,
    sizes: S_T,
    memGiB: MEM_T,
    netMbps: NET_T,
    ebsMbps: EBS_T,
    burstable: true,
    usdPer2Vcpu: 0.0672,
    usd: [0.0042, 0.0084, 0.0168, 0.0336, 0.0672, 0.1344, 0.2688],
  },
  // Graviton2
  {
    family: "m6g",
    arch: arm,
    cpu: "AWS",
    ghz: 2.5,
    encryptionInTransit: false,
    gibPerVcpu: 4,
    sizes: S_G,
    netMbps: NET_G2,
    ebsMbps: EBS_G2,
    usdPer2Vcpu: 0.077,
  },
  {
    family: "m6gd",
    arch: arm,
    cpu: "AWS",
    ghz: 2.5,
    encryptionInTransit: false,
    gibPerVcpu: 4,
    sizes: S_G,
    netMbps: NET_G2,
    ebsMbps: EBS_G2,
    nvmeGB: NVME_GD,
    usdPer2Vcpu: 0.0904,
  },
  {
    family: "c6g",
    arch: arm,
    cpu: "AWS",
    ghz: 2.5,
    encryptionInTransit: false,
    gibPerVcpu: 2,
    sizes: S_G,
    netMbps: NET_G2,
    ebsMbps: EBS_G2,
    usdPer2Vcpu: 0.068,
  },
  {
    family: "c6gd",
    arch: arm,
    cpu: "AWS",
    ghz: 2.5,
    encryptionInTransit: false,
    gibPerVcpu: 2,
    sizes: S_G,
    netMbps: NET_G2,
    ebsMbps: EBS_G2,
    nvmeGB: NVME_GD,
    usdPer2Vcpu: 0.0768,
  },
  {
    family: "c6gn",
    arch: arm,
    cpu: "AWS",
    ghz: 2.5,
    encryptionInTransit: true,
    gibPerVcpu: 2,
    sizes: S_C6GN,
    netMbps: [1600, 3000, 6300, 12500, 25000, 50000, 75000, 100000],
    ebsMbps: [9500, 9500, 9500, 9500, 9500, 19000, 28500, 38000],
    usdPer2Vcpu: 0.0864,
  },
  {
    family: "r6g",
    arch: arm,
    cpu: "AWS",
    ghz: 2.5,
    encryptionInTransit: false,
    gibPerVcpu: 8,
    sizes: S_G,
    netMbps: NET_G2,
    ebsMbps: EBS_G2,
    usdPer2Vcpu: 0.1008,
  },
  {
    family: "r6gd",
    arch: arm,
    cpu: "AWS",
    ghz: 2.5,
    encryptionInTransit: false,
    gibPerVcpu: 8,
    sizes: S_G,
    netMbps: NET_G2,
    ebsMbps: EBS_G2,
    nvmeGB: NVME_GD,
    usdPer2Vcpu: 0.1152,
  },
  // 6th generation Intel (Ice Lake)
  {
    family: "m6i",
    branch: BRANCH_6,
    arch: x86,
    cpu: "Intel",
    ghz: 3.5,
    encryptionInTransit: true,
    gibPerVcpu: 4,
    sizes: S_6I,
    netMbps: NET_6I,
    ebsMbps: EBS_6I,
    usdPer2Vcpu: 0.096,
  },
  {
    family: "m6id",
    branch: BRANCH_6,
    arch: x86,
    cpu: "Intel",
    ghz: 3.5,
    encryptionInTransit: true,
    gibPerVcpu: 4,
    sizes: S_6I,
    netMbps: NET_6I,
    ebsMbps: EBS_6I,
    nvmeGB: NVME_6ID,
    usdPer2Vcpu: 0.1187,
  },
  {
    family: "m6in",
    branch: BRANCH_6N,
    efa: EFA_6N,
    arch: x86,
    cpu: "Intel",
    ghz: 3.5,
    encryptionInTransit: true,
    gibPerVcpu: 4,
    sizes: S_6I,
    netMbps: NET_6IN,
    ebsMbps: EBS_6IN,
    eni: TWO_CARDS,
    usdPer2Vcpu: 0.13923,
  },
  {
    family: "m6idn",
    branch: BRANCH_6N,
    efa: EFA_6N,
    arch: x86,
    cpu: "Intel",
    ghz: 3.5,
    encryptionInTransit: true,
    gibPerVcpu: 4,
    sizes: S_6I,
    netMbps: NET_6IN,
    ebsMbps: EBS_6IN,
    nvmeGB: NVME_6ID,
    eni: TWO_CARDS,
    usdPer2Vcpu: 0.15911,
  },
  {
    family: "c6i",
    branch: BRANCH_6,
    arch: x86,
    cpu: "Intel",
    ghz: 3.5,
    encryptionInTransit: true,
    gibPerVcpu: 2,
    sizes: S_6I,
    netMbps: NET_6I,
    ebsMbps: EBS_6I,
    usdPer2Vcpu: 0.085,
  },
  {
    family: "c6id",
    branch: BRANCH_6,
    arch: x86,
    cpu: "Intel",
    ghz: 3.5,
    encryptionInTransit: true,
    gibPerVcpu: 2,
    sizes: S_6I,
    netMbps: NET_6I,
    ebsMbps: EBS_6I,
    nvmeGB: NVME_6ID,
    usdPer2Vcpu: 0.1008,
  },
  {
    family: "c6in",
    branch: BRANCH_6N,
    efa: EFA_6N,
    arch: x86,
    cpu: "Intel",
    ghz: 3.5,
    encryptionInTransit: true,
    gibPerVcpu: 2,
    sizes: S_6I,
    netMbps: NET_6IN,
    ebsMbps: EBS_6IN,
    eni: TWO_CARDS,
    usdPer2Vcpu: 0.11342,
  },
  {
    family: "r6i",
    branch: BRANCH_6,
    arch: x86,
    cpu: "Intel",
    ghz: 3.5,
    encryptionInTransit: true,
    gibPerVcpu: 8,
    sizes: S_6I,
    netMbps: NET_6I,
    ebsMbps: EBS_6I,
    usdPer2Vcpu: 0.126,
  },
  {
    family: "r6id",
    branch: BRANCH_6,
    arch: x86,
    cpu: "Intel",
    ghz: 3.5,
    encryptionInTransit: true,
    gibPerVcpu: 8,
    sizes: S_6I,
    netMbps: NET_6I,
    ebsMbps: EBS_6I,
    nvmeGB: NVME_6ID,
    usdPer2Vcpu: 0.1512,
  },
  {
    family: "r6in",
    branch: BRANCH_6N,
    efa: EFA_6N,
    arch: x86,
    cpu: "Intel",
    ghz: 3.5,
    encryptionInTransit: true,
    gibPerVcpu: 8,
    sizes: S_6I,
    netMbps: NET_6IN,
    ebsMbps: EBS_6IN,
    eni: TWO_CARDS,
    usdPer2Vcpu: 0.17433,
  },
  {
    family: "r6idn",
    branch: BRANCH_6N,
    efa: EFA_6N,
    arch: x86,
    cpu: "Intel",
    ghz: 3.5,
    encryptionInTransit: true,
    gibPerVcpu: 8,
    sizes: S_6I,
    netMbps: NET_6IN,
    ebsMbps: EBS_6IN,
    nvmeGB: NVME_6ID,
    eni: TWO_CARDS,
    usdPer2Vcpu: 0.19509,
  },
  // 6th generation AMD (EPYC 7003)
  {
    family: "m6a",
    branch: BRANCH_6,
    arch: x86,
    cpu: "AMD",
    ghz: 3.6,
    encryptionInTransit: true,
    gibPerVcpu: 4,
    sizes: S_6A,
    netMbps: NET_6A,
    ebsMbps: EBS_6A,
    usdPer2Vcpu: 0.0864,
  },
  {
    family: "c6a",
    branch: BRANCH_6,
    arch: x86,
    cpu: "AMD",
    ghz: 3.6,
    encryptionInTransit: true,
    gibPerVcpu: 2,
    sizes: S_6A,
    netMbps: NET_6A,
    ebsMbps: EBS_6A,
    usdPer2Vcpu: 0.0765,
  },
  {
    family: "r6a",
    branch: BRANCH_6,
    arch: x86,
    cpu: "AMD",
    ghz: 3.6,
    encryptionInTransit: true,
    gibPerVcpu: 8,
    sizes: S_6A,
    netMbps: NET_6A,
    ebsMbps: EBS_6A,
    usdPer2Vcpu: 0.1134,
  },
  // Graviton3
  {
    family: "m7g",
    arch: arm,
    cpu: "AWS",
    ghz: 2.6,
    encryptionInTransit: true,
    gibPerVcpu: 4,
    sizes: S_G,
    netMbps: NET_G3,
    ebsMbps: EBS_G3,
    usdPer2Vcpu: 0.0816,
  },
  {
    family: "m7gd",
    arch: arm,
    cpu: "AWS",
    ghz: 2.6,
    encryptionInTransit: true,
    gibPerVcpu: 4,
    sizes: S_G,
    netMbps: NET_G3,
    ebsMbps: EBS_G3,
    nvmeGB: NVME_GD,
    usdPer2Vcpu: 0.1068,
  },
  {
    family: "c7g",
    arch: arm,
    cpu: "AWS",
    ghz: 2.6,
    encryptionInTransit: true,
    gibPerVcpu: 2,
    sizes: S_G,
    netMbps: NET_G3,
    ebsMbps: EBS_G3,
    usdPer2Vcpu: 0.0725,
  },
  {
    family: "c7gd",
    arch: arm,
    cpu: "AWS",
    ghz: 2.6,
    encryptionInTransit: true,
    gibPerVcpu: 2,
    sizes: S_G,
    netMbps: NET_G3,
    ebsMbps: EBS_G3,
    nvmeGB: NVME_GD,
    usdPer2Vcpu: 0.0907,
  },
  {
    family: "c7gn",
    arch: arm,
    cpu: "AWS",
    ghz: 2.6,
    encryptionInTransit: true,
    gibPerVcpu: 2,
    sizes: S_G,
    netMbps: [3125, 6250, 12500, 25000, 50000, 100000, 150000, 200000, 200000],
    ebsMbps: [10000, 10000, 10000, 10000, 10000, 20000, 30000, 40000, 40000],
    usdPer2Vcpu: 0.1248,
  },
  {
    family: "r7g",
    arch: arm,
    cpu: "AWS",
    ghz: 2.6,
    encryptionInTransit: true,
    gibPerVcpu: 8,
    sizes: S_G,
    netMbps: NET_G3,
    ebsMbps: EBS_G3,
    usdPer2Vcpu: 0.1071,
  },
  {
    family: "r7gd",
    arch: arm,
    cpu: "AWS",
    ghz: 2.6,
    encryptionInTransit: true,
    gibPerVcpu: 8,
    sizes: S_G,
    netMbps: NET_G3,
    ebsMbps: EBS_G3,
    nvmeGB: NVME_GD,
    usdPer2Vcpu: 0.1361,
  },
  // 7th generation Intel (Sapphire Rapids)
  {
    family: "m7i",
    branch: BRANCH_6,
    efa: EFA_7I,
    arch: x86,
    cpu: "Intel",
    ghz: 3.2,
    encryptionInTransit: true,
    gibPerVcpu: 4,
    sizes: S_7I,
    netMbps: NET_7I,
    ebsMbps: EBS_7I,
    usdPer2Vcpu: 0.1008,
  },
  {
    family: "m7i-flex",
    branch: BRANCH_FLEX,
    arch: x86,
    cpu: "Intel",
    ghz: 3.2,
    encryptionInTransit: true,
    gibPerVcpu: 4,
    sizes: S_FLEX,
    netMbps: NET_FLEX,
    ebsMbps: EBS_FLEX,
    usdPer2Vcpu: 0.09576,
  },
  {
    family: "c7i",
    branch: BRANCH_6,
    efa: EFA_7I,
    arch: x86,
    cpu: "Intel",
    ghz: 3.2,
    encryptionInTransit: true,
    gibPerVcpu: 2,
    sizes: S_7I,
    netMbps: NET_7I,
    ebsMbps: EBS_7I,
    usdPer2Vcpu: 0.08925,
  },
  {
    family: "c7i-flex",
    branch: BRANCH_FLEX,
    arch: x86,
    cpu: "Intel",
    ghz: 3.2,
    encryptionInTransit: true,
    gibPerVcpu: 2,
    sizes: S_FLEX,
    netMbps: NET_FLEX,
    ebsMbps: EBS_FLEX,
    usdPer2Vcpu: 0.08479,
  },
  {
    family: "r7i",
    branch: BRANCH_6,
    efa: EFA_7I,
    arch: x86,
    cpu: "Intel",
    ghz: 3.2,
    encryptionInTransit: true,
    gibPerVcpu: 8,
    sizes: S_7I,
    netMbps: NET_7I,
    ebsMbps: EBS_7I,
    usdPer2Vcpu: 0.1323,
  },
  // 7th generation AMD (EPYC 9004)
  {
    family: "m7a",
    branch: BRANCH_6,
    arch: x86,
    cpu: "AMD",
    ghz: 3.7,
    encryptionInTransit: true,
    gibPerVcpu: 4,
    sizes: S_7A,
    netMbps: NET_7A,
    ebsMbps: EBS_7A,
    usdPer2Vcpu: 0.11592,
  },
  {
    family: "c7a",
    branch: BRANCH_6,
    arch: x86,
    cpu: "AMD",
    ghz: 3.7,
    encryptionInTransit: true,
    gibPerVcpu: 2,
    sizes: S_7A,
    netMbps: NET_7A,
    ebsMbps: EBS_7A,
    usdPer2Vcpu: 0.10264,
  },
  {
    family: "r7a",
    branch: BRANCH_6,
    arch: x86,
    cpu: "AMD",
    ghz: 3.7,
    encryptionInTransit: true,
    gibPerVcpu: 8,
    sizes: S_7A,
    netMbps: NET_7A,
    ebsMbps: EBS_7A,
    usdPer2Vcpu: 0.15215,
  },
  // Graviton4
  {
    family: "m8g",
    ghzBySize: GHZ_8G,
    efa: EFA_8G,
    arch: arm,
    cpu: "AWS",
    ghz: 2.8,
    encryptionInTransit: true,
    gibPerVcpu: 4,
    sizes: S_8G,
    netMbps: NET_8G,
    ebsMbps: EBS_8G,
    usdPer2Vcpu: 0.08976,
  },
  {
    family: "c8g",
    ghzBySize: GHZ_8G,
    efa: EFA_8G,
    arch: arm,
    cpu: "AWS",
    ghz: 2.8,
    encryptionInTransit: true,
    gibPerVcpu: 2,
    sizes: S_8G,
    netMbps: NET_8G,
    ebsMbps: EBS_8G,
    usdPer2Vcpu: 0.07976,
  },
  {
    family: "r8g",
    ghzBySize: GHZ_8G,
    efa: EFA_8G,
    arch: arm,
    cpu: "AWS",
    ghz: 2.8,
    encryptionInTransit: true,
    gibPerVcpu: 8,
    sizes: S_8G,
    netMbps: NET_8G,
    ebsMbps: EBS_8G,
    usdPer2Vcpu: 0.11782,
  },
];

/**
 * The zones every embedded type is listed in (see the header: not per-type facts).
 *
 * @category Catalogue
 */
export const AWS_CATALOG_ZONES: readonly string[] = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1f"];

/**
 * The region the embedded prices are for.
 *
 * @category Catalogue
 */
export const AWS_CATALOG_REGION = "us-east-1";

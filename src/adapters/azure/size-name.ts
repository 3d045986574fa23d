/**
 * Azure VM size names, taken apart the way the Azure provider's labels need them (family, series, version,
 * accelerator), following Azure's published naming convention:
 * `[Family][Sub-family]*[# vCPUs][-constrained vCPUs]*[Additive features][_Accelerator]*[_Version]*`
 * (learn.microsoft.com/azure/virtual-machines/vm-naming-conventions).
 */

/**
 * The parts of a VM size name.
 *
 * @category Catalogue
 */
export interface AzureVmSize {
  /** One upper-case letter: `D` in `Standard_D4s_v5`, `N` in `Standard_NC24ads_A100_v4`. */
  readonly family: string;
  /** Upper-case letters after the family (`C` in NC…); empty when none. */
  readonly subfamily: string;
  /** The vCPU count as written in the name. */
  readonly cpus: string;
  /** Constrained vCPUs (`2` in `M8-2ms_v2`); such sizes are not offered by the provider. */
  readonly constrainedCpus?: string;
  /** Lower-case feature letters, e.g. `ads`. */
  readonly features: string;
  /** GPU or accelerator model written in the name, e.g. `A100`, `T4`. */
  readonly accelerator?: string;
  /** Confidential child capability (`_cc`). */
  readonly confidentialChild: boolean;
  /** `v5`, or empty when the name has none. */
  readonly version: string;
  /** Family + subfamily + features + `_` + version, e.g. `Dads_v5`, `NCads_v4`, `NV`. */
  readonly series: string;
}

// Named groups keep the grammar readable; the trailing `_<n>` and `_NDR` parts occur in M-series and ND GB200
// names and do not contribute to any label.
const SIZE_PATTERN =
  /^(?<family>[A-Z])(?<sub>[A-Z]{0,2})(?<cpus>\d+)(?:-(?<constrained>\d+))?(?<features>[a-z]*)(?:_NDR)?(?:_(?:xl_)?(?<accel>[A-Z][A-Za-z]*\d+[A-Z]*))?(?<cc>_cc)?(?:_\d+)?(?:_(?<version>[vV]\d+))?(?:_Promo)?$/;

/**
 * Parses a VM size or SKU name (the `Standard_` / `Basic_` tier prefix is optional).
 *
 * @param name - e.g. `Standard_D4s_v5`
 * @returns the parts, or undefined when the name does not follow the convention
 * @example parseAzureVmSize("Standard_NC24ads_A100_v4")?.series // "NCads_v4"
 *
 * @category Catalogue
 */
export function parseAzureVmSize(name: string): AzureVmSize | undefined {
  const size = name.replace(/^(Standard|Basic)_/, "");
  const groups = SIZE_PATTERN.exec(size)?.groups;
  if (groups === undefined) return undefined;
  const family = groups["family"] ?? "";
  const subfamily = groups["sub"] ?? "";
  const features = groups["features"] ?? "";
  const version = groups["version"] ?? "";
  const constrained = groups["constrained"];
  const accelerator = groups["accel"];
  return {
    family,
    subfamily,
    cpus: groups["cpus"] ?? "",
    ...(constrained === undefined ? {} : { constrainedCpus: constrained }),
    features,
    ...(accelerator === undefined ? {} : { accelerator }),
    confidentialChild: groups["cc"] !== undefined,
    version,
    series: `${family}${subfamily}${features}${version === "" ? "" : `_${version}`}`,
  };
}

/**
 * The `sku-version` label value: the version without its `v`, and `1` for names without a version.
 *
 * @param size - the parsed size
 * @returns e.g. `5` for `Standard_D4s_v5`, `1` for `Standard_NV24`
 *
 * @category Catalogue
 */
export function azureSkuVersion(size: AzureVmSize): string {
  return size.version === "" ? "1" : size.version.slice(1);
}

/**
 * Turns Azure Resource SKU records into nodefit instance types, the way Karpenter's Azure provider resolves
 * them for an AKSNodeClass (reference §2.1).
 */
import { createInstanceType, InputError, Requirement, type InstanceType } from "nodefit";
import { AZURE_LABELS, AZURE_WELL_KNOWN_LABELS, azureLabels, normalizeAzureClusterLabel } from "./labels.js";
import { AZURE_REGIONAL_ZONE, azureOfferingZones, azureOfferings } from "./offerings.js";
import type { AzureImageFamily, AzureInstanceTypeOptions } from "./options.js";
import { azureCapacity, azureOverhead } from "./overhead.js";
import { parseAzureVmSize } from "./size-name.js";
import type { AzureSkuInfo } from "./types.js";

const OS_SKU: ReadonlyMap<AzureImageFamily, string> = new Map<AzureImageFamily, string>([
  ["Ubuntu", "Ubuntu"],
  ["Ubuntu2204", "Ubuntu"],
  ["Ubuntu2404", "Ubuntu"],
  ["AzureLinux", "AzureLinux"],
]);

/**
 * One Azure VM SKU as Karpenter's Azure provider sees it under an AKSNodeClass.
 *
 * @param sku - the SKU record (capabilities of the Resource SKUs API)
 * @param options - AKSNodeClass settings, network plugin and prices
 * @returns the instance type with labels, capacity, overhead and offerings
 * @throws InputError when the record has no name or non-positive vCPUs or memory
 * @example
 * ```ts
 * const it = azureInstanceType({ name: "Standard_D2s_v5", vCPUs: 2, memoryGB: 8, architecture: "x64", zones: ["1"] },
 *   { onDemandPrices: new Map([["Standard_D2s_v5", 0.096]]) });
 * it.allocatable.get("cpu"); // 1900
 * ```
 *
 * @category Catalogue
 */
export function azureInstanceType(sku: AzureSkuInfo, options: AzureInstanceTypeOptions = {}): InstanceType {
  validate(sku);
  const region = options.region ?? "eastus";
  const offerings = azureOfferings(sku, azureOfferingZones(sku, region, options), options);
  const labels = new Map(
    azureLabels(sku, {
      region,
      osSku: OS_SKU.get(options.imageFamily ?? "Ubuntu") ?? "Ubuntu",
      cluster: options.nodeResourceGroup === undefined ? undefined : normalizeAzureClusterLabel(options.nodeResourceGroup),
      fips: options.fipsMode === "FIPS",
    }),
  );
  // Upstream puts placement scope and the spot priorities on each offering; nodefit's offerings carry only
  // zone and capacity type, so they become type-level requirements over the available offerings, and a
  // NodePool that pins `placement-scope` should pass the same scopes as `placementScopes`.
  const available = offerings.filter((o) => o.available !== false);
  const scopes = [...new Set(available.map((o) => (o.zone === AZURE_REGIONAL_ZONE ? "regional" : "zonal")))];
  const requirements = [
    Requirement.create(AZURE_LABELS.aksMode, "In", ["system", "user"]),
    Requirement.create(AZURE_LABELS.aksScaleSetPriority, "In", ["regular", "spot"]),
    Requirement.create(AZURE_LABELS.aksPriority, "In", ["regular", "spot"]),
    Requirement.create(AZURE_LABELS.ultraSSD, "In", sku.ultraSSD === true ? ["true", "false"] : ["false"]),
    scopes.length > 0 ? Requirement.create(AZURE_LABELS.placementScope, "In", scopes) : Requirement.create(AZURE_LABELS.placementScope, "DoesNotExist"),
  ];
  const generations = (sku.hyperVGenerations ?? []).map((g) => g.replace(/^V/i, ""));
  if (generations.length > 0) requirements.push(Requirement.create(AZURE_LABELS.hyperVGeneration, "In", generations));
  return createInstanceType({
    name: sku.name,
    labels,
    requirements,
    capacity: azureCapacity(sku, options),
    overhead: azureOverhead(sku, options),
    offerings,
    wellKnownLabels: AZURE_WELL_KNOWN_LABELS,
  });
}

/**
 * Whether the provider offers a SKU at all (reference §2.1 via `instancetypes.go`): at least 2 vCPUs and
 * 3.5 GiB, no constrained-vCPU sizes, no confidential (`DC`, `EC`) sizes, a parsable size name.
 *
 * @param sku - the record
 * @returns true when the provider would list it
 *
 * @category Catalogue
 */
export function isAzureSkuSupported(sku: AzureSkuInfo): boolean {
  const size = parseAzureVmSize(sku.name);
  if (size === undefined || size.constrainedCpus !== undefined) return false;
  if (sku.vCPUs < 2 || sku.memoryGB < 3.5) return false;
  return !/^(DC|EC)/.test(sku.name.replace(/^Standard_/, ""));
}

/**
 * Every SKU the provider supports, as nodefit instance types, in the order given.
 *
 * @param skus - SKU records of one region
 * @param options - AKSNodeClass settings and prices, shared by every SKU
 * @returns the instance types
 * @example azureInstanceTypes(records, { region: "westus2", imageFamily: "AzureLinux" })
 *
 * @category Catalogue
 */
export function azureInstanceTypes(skus: readonly AzureSkuInfo[], options: AzureInstanceTypeOptions = {}): readonly InstanceType[] {
  return skus.filter(isAzureSkuSupported).map((sku) => azureInstanceType(sku, options));
}

function validate(sku: AzureSkuInfo): void {
  if (typeof sku.name !== "string" || sku.name === "") throw new InputError("an Azure SKU record needs a name", ["name"]);
  if (!(Number.isInteger(sku.vCPUs) && sku.vCPUs > 0)) {
    throw new InputError(`vCPUs must be a positive integer, got ${String(sku.vCPUs)}`, ["vCPUs"]);
  }
  if (!(typeof sku.memoryGB === "number" && sku.memoryGB > 0)) {
    throw new InputError(`memoryGB must be a positive number, got ${String(sku.memoryGB)}`, ["memoryGB"]);
  }
}

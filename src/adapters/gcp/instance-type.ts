/**
 * Turns Compute Engine machine types into nodefit instance types, the way the community Karpenter GCP
 * provider resolves them for a GCENodeClass (reference §2.2).
 */
import { createInstanceType, InputError, Requirement, type InstanceType } from "nodefit";
import { GCP_LABELS, GCP_WELL_KNOWN_LABELS, gcpLabels } from "./labels.js";
import { gcpOfferingZones, gcpOfferings } from "./offerings.js";
import type { GcpInstanceTypeOptions } from "./options.js";
import { gcpCapacity, gcpOverhead } from "./overhead.js";
import type { GceMachineType } from "./types.js";

/**
 * One machine type as the GCP provider sees it under a GCENodeClass.
 *
 * @param machineType - the `machineTypes` record
 * @param options - GCENodeClass settings, zones and prices
 * @returns the instance type with labels, capacity, overhead and offerings
 * @throws InputError when the record has no name or non-positive CPUs or memory
 * @example
 * ```ts
 * const it = gcpInstanceType({ name: "n2-standard-2", guestCpus: 2, memoryMb: 8192 },
 *   { onDemandPrices: new Map([["n2-standard-2", 0.097118]]) });
 * it.allocatable.get("cpu"); // 1830
 * ```
 *
 * @category Catalogue
 */
export function gcpInstanceType(machineType: GceMachineType, options: GcpInstanceTypeOptions = {}): InstanceType {
  return build(machineType, options, gcpOfferingZones(options));
}

/**
 * Every machine type with at least one offering, as nodefit instance types, in the order given.
 *
 * @param machineTypes - `machineTypes` records of one region
 * @param options - GCENodeClass settings, zones and prices, shared by every type
 * @returns the instance types
 * @example gcpInstanceTypes(records, { region: "europe-west4", zones: ["europe-west4-a"] })
 *
 * @category Catalogue
 */
export function gcpInstanceTypes(machineTypes: readonly GceMachineType[], options: GcpInstanceTypeOptions = {}): readonly InstanceType[] {
  const zones = gcpOfferingZones(options);
  return machineTypes.map((mt) => build(mt, options, zones)).filter((it) => it.offerings.length > 0);
}

function build(machineType: GceMachineType, options: GcpInstanceTypeOptions, zones: readonly string[]): InstanceType {
  validate(machineType);
  const offerings = gcpOfferings(machineType, zones, options);
  const offeredZones = [...new Set(offerings.map((o) => o.zone))].sort();
  // The provider's zone id is the zone name itself.
  const zoneId = offeredZones.length > 0 ? [Requirement.create(GCP_LABELS.zoneId, "In", offeredZones)] : [];
  const capacity = gcpCapacity(machineType, options);
  return createInstanceType({
    name: machineType.name,
    labels: gcpLabels(machineType, options.region ?? "us-central1"),
    requirements: zoneId,
    capacity,
    overhead: gcpOverhead(machineType, capacity, options),
    offerings,
    wellKnownLabels: GCP_WELL_KNOWN_LABELS,
  });
}

function validate(machineType: GceMachineType): void {
  if (typeof machineType.name !== "string" || machineType.name === "") {
    throw new InputError("a machine type record needs a name", ["name"]);
  }
  if (!(Number.isInteger(machineType.guestCpus) && machineType.guestCpus > 0)) {
    throw new InputError(`guestCpus must be a positive integer, got ${String(machineType.guestCpus)}`, ["guestCpus"]);
  }
  if (!(Number.isInteger(machineType.memoryMb) && machineType.memoryMb > 0)) {
    throw new InputError(`memoryMb must be a positive integer, got ${String(machineType.memoryMb)}`, ["memoryMb"]);
  }
}

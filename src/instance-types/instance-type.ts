/**
 * The instance-type model: a launchable machine shape with its label requirements, capacity, overhead,
 * allocatable resources and offerings.
 *
 * @module
 */
import { InputError, type NodefitError, type PathSegment } from "../errors.js";
import { LABEL_CAPACITY_TYPE, LABEL_INSTANCE_TYPE, LABEL_NODEPOOL, LABEL_ZONE, Requirement, Requirements, WELL_KNOWN_LABELS } from "../requirements/index.js";
import { resourceList, type ResourceList, type Rounding } from "../resources/index.js";
import type { ResourceMap, StringMap } from "../types/kubernetes.js";
import { allocatableOf, type InstanceTypeOverhead } from "./allocatable.js";
import { createOffering, LABEL_RESERVATION_ID, offeringKey, type Offering, type OfferingSpec } from "./offering.js";

export type { InstanceTypeOverhead } from "./allocatable.js";

/**
 * A machine shape a NodePool may launch. Immutable; build one with {@link createInstanceType}.
 *
 * @category Instance types
 */
export interface InstanceType {
  readonly name: string;
  /**
   * Every label the type defines: its own labels, `instance-type In [name]`, zone and capacity type from its
   * available offerings, and `DoesNotExist` for every other well-known label.
   */
  readonly requirements: Requirements;
  /** Capacity in base units (`cpu` in millicores). */
  readonly capacity: ResourceList;
  readonly overhead: InstanceTypeOverhead;
  /** Capacity minus overhead, memory minus huge pages; what pods can request. */
  readonly allocatable: ResourceList;
  readonly offerings: readonly Offering[];
}

/**
 * Resources given either as a parsed {@link ResourceList} or as Kubernetes quantities.
 *
 * @category Instance types
 */
export type ResourcesInput = ResourceList | ResourceMap;

/**
 * The input {@link createInstanceType} accepts.
 *
 * @category Instance types
 */
export interface InstanceTypeSpec {
  /** The instance type's name; becomes `node.kubernetes.io/instance-type In [name]`. */
  readonly name: string;
  /** Single-valued labels; each becomes `key In [value]`. */
  readonly labels?: StringMap | ReadonlyMap<string, string> | undefined;
  /** Extra requirements, for multi-valued or bounded labels (e.g. `kubernetes.io/os In [linux, windows]`). */
  readonly requirements?: Requirements | readonly Requirement[] | undefined;
  readonly capacity: ResourcesInput;
  /** Missing parts hold nothing back. */
  readonly overhead?:
    | {
        readonly kubeReserved?: ResourcesInput | undefined;
        readonly systemReserved?: ResourcesInput | undefined;
        readonly evictionThreshold?: ResourcesInput | undefined;
      }
    | undefined;
  readonly offerings: readonly OfferingSpec[];
  /**
   * Labels that count as well-known for this catalogue, on top of nodefit's `WELL_KNOWN_LABELS`; the type gets
   * `DoesNotExist` for each one it does not define.
   */
  readonly wellKnownLabels?: Iterable<string> | undefined;
}

/** Labels derived from the name and offerings; a spec may not set them itself. */
const DERIVED_LABELS: ReadonlySet<string> = new Set([LABEL_INSTANCE_TYPE, LABEL_ZONE, LABEL_CAPACITY_TYPE, LABEL_RESERVATION_ID]);

/**
 * Builds an instance type: validates the spec, derives the instance-type, zone, capacity-type and reservation
 * requirements, adds `DoesNotExist` for every undefined well-known label (except `karpenter.sh/nodepool`, which
 * node claims carry and instance types never do) and computes allocatable.
 *
 * @param spec - name, labels, extra requirements, capacity, overhead, offerings and the catalogue's well-known labels
 * @returns the instance type
 * @throws InputError with the field path for an empty name, a negative or invalid quantity, a label or
 *   requirement on a derived key, a bad offering or two offerings with the same zone, capacity type and reservation
 * @example
 * ```ts
 * const it = createInstanceType({
 *   name: "small", labels: { "kubernetes.io/arch": "amd64" }, capacity: { cpu: "2", memory: "2Gi", pods: "5" },
 *   overhead: { kubeReserved: { cpu: "100m" } }, offerings: [{ zone: "z1", capacityType: "spot", price: 0.41 }],
 * });
 * it.allocatable.get("cpu"); // 1900
 * ```
 * @category Instance types
 */
export function createInstanceType(spec: InstanceTypeSpec): InstanceType {
  if (typeof spec.name !== "string" || spec.name === "") {
    throw new InputError(`instance type name must be a non-empty string, got ${JSON.stringify(spec.name)}`, ["name"]);
  }
  // Beyond 2^53 capacity reads down and overhead up, so allocatable is never more than written (V4).
  const capacity = readResources(spec.capacity, ["capacity"], "down");
  const overhead: InstanceTypeOverhead = {
    kubeReserved: readResources(spec.overhead?.kubeReserved, ["overhead", "kubeReserved"], "up"),
    systemReserved: readResources(spec.overhead?.systemReserved, ["overhead", "systemReserved"], "up"),
    evictionThreshold: readResources(spec.overhead?.evictionThreshold, ["overhead", "evictionThreshold"], "up"),
  };
  const offerings = readOfferings(spec.offerings);
  const requirements = buildRequirements(spec, offerings);
  return { name: spec.name, requirements, capacity, overhead, allocatable: allocatableOf(capacity, overhead), offerings };
}

function readResources(input: ResourcesInput | undefined, path: readonly PathSegment[], rounding: Rounding): ResourceList {
  if (input === undefined) return new Map();
  let list: ResourceList;
  try {
    list = input instanceof Map ? new Map(input) : resourceList(input as ResourceMap, [], rounding);
  } catch (error) {
    throw rewrap(error, path);
  }
  for (const [name, amount] of list) {
    // Any finite whole number: amounts beyond 2^53 are held rounded (V4), as parsed quantities are.
    if (!Number.isInteger(amount) || amount < 0) {
      throw new InputError(`${name} must be a non-negative amount, got ${String(amount)}`, [...path, name]);
    }
  }
  return list;
}

function readOfferings(specs: readonly OfferingSpec[]): readonly Offering[] {
  if (!Array.isArray(specs)) throw new InputError("offerings must be a list", ["offerings"]);
  const seen = new Set<string>();
  return specs.map((spec, i) => {
    const offering = createOffering(spec, ["offerings", i]);
    const key = offeringKey(offering);
    if (seen.has(key)) {
      const id = offering.reservationId === undefined ? "" : ` reservation ${offering.reservationId}`;
      throw new InputError(`duplicate offering ${offering.capacityType} in ${offering.zone}${id}`, ["offerings", i]);
    }
    seen.add(key);
    return offering;
  });
}

function buildRequirements(spec: InstanceTypeSpec, offerings: readonly Offering[]): Requirements {
  const own: Requirement[] = [];
  const labels = spec.labels instanceof Map ? spec.labels : Object.entries(spec.labels ?? {});
  for (const [key, value] of labels) own.push(checked(() => Requirement.create(key, "In", [value]), ["labels", key]));
  const extra = spec.requirements === undefined ? [] : [...spec.requirements];
  extra.forEach((r, i) => own.push(checked(() => r, ["requirements", i])));
  const available = offerings.filter((o) => o.available);
  const derived = [
    Requirement.create(LABEL_INSTANCE_TYPE, "In", [spec.name]),
    inOrDoesNotExist(
      LABEL_ZONE,
      available.map((o) => o.zone),
    ),
    inOrDoesNotExist(
      LABEL_CAPACITY_TYPE,
      available.map((o) => o.capacityType),
    ),
    inOrDoesNotExist(
      LABEL_RESERVATION_ID,
      available.flatMap((o) => (o.reservationId === undefined ? [] : [o.reservationId])),
    ),
  ];
  let requirements = Requirements.of([...own, ...derived]);
  const wellKnown = new Set([...WELL_KNOWN_LABELS, ...(spec.wellKnownLabels ?? [])]);
  wellKnown.delete(LABEL_NODEPOOL);
  const missing = [...wellKnown].filter((key) => !requirements.has(key)).sort();
  if (missing.length > 0) requirements = requirements.add(...missing.map((key) => Requirement.create(key, "DoesNotExist")));
  return requirements;
}

function checked(make: () => Requirement, path: readonly PathSegment[]): Requirement {
  let requirement: Requirement;
  try {
    requirement = make();
  } catch (error) {
    throw rewrap(error, path);
  }
  if (DERIVED_LABELS.has(requirement.key)) {
    throw new InputError(`${requirement.key} is derived from the name and offerings and may not be set`, path);
  }
  return requirement;
}

function inOrDoesNotExist(key: string, values: readonly string[]): Requirement {
  const unique = [...new Set(values)].sort();
  return unique.length === 0 ? Requirement.create(key, "DoesNotExist") : Requirement.create(key, "In", unique);
}

function rewrap(error: unknown, path: readonly PathSegment[]): NodefitError {
  if (error instanceof Error && "code" in error) {
    const inner = (error as NodefitError).path ?? [];
    const tail = inner.length > 0 && inner[0] === path[path.length - 1] ? inner.slice(1) : inner;
    return new InputError(error.message, [...path, ...tail]);
  }
  return new InputError(String(error), path);
}

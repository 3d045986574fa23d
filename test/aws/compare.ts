/**
 * Compares a built instance type with a reference entry: the labels Karpenter documents and the
 * allocatable amounts, each difference as one readable line.
 */
import { formatAmount, type InstanceType } from "nodefit";
import { AWS_LABELS } from "nodefit/aws";
import type { ReferenceType } from "./oracle.js";

/** The resources whose allocatable the conformance test requires to match exactly. */
export const CORE_RESOURCES: readonly string[] = ["cpu", "memory", "pods", "ephemeral-storage"];

// Labels that come from the region, the offerings or the NodeClass; Karpenter's reference omits them.
const NOT_DOCUMENTED: ReadonlySet<string> = new Set([
  AWS_LABELS.region,
  AWS_LABELS.zone,
  AWS_LABELS.zoneId,
  AWS_LABELS.capacityType,
  AWS_LABELS.windowsBuild,
  AWS_LABELS.tenancy,
  AWS_LABELS.nitroSandbox,
  AWS_LABELS.capacityReservationId,
  AWS_LABELS.capacityReservationType,
  AWS_LABELS.capacityReservationInterruptible,
]);
const COMPARED_LABELS: readonly string[] = Object.values(AWS_LABELS).filter((k) => !NOT_DOCUMENTED.has(k));

/** The single value a type defines for a label, or undefined when it answers DoesNotExist. */
function labelValue(it: InstanceType, key: string): string | undefined {
  const req = it.requirements.get(key);
  if (req.operator !== "In" || req.values.size !== 1) return req.isEmpty() ? undefined : `<${req.toString()}>`;
  return [...req.values][0];
}

/**
 * Label differences between a type and its reference entry.
 *
 * @param it - the built type
 * @param ref - the reference entry
 * @returns one line per differing label
 */
export function labelMismatches(it: InstanceType, ref: ReferenceType): string[] {
  const keys = new Set([...Object.keys(ref.labels), ...COMPARED_LABELS]);
  const out: string[] = [];
  for (const key of [...keys].sort()) {
    const expected = ref.labels[key];
    const actual = labelValue(it, key);
    if (expected !== actual) out.push(`${key}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  return out;
}

/**
 * Allocatable differences for the given resources (a missing amount reads as absent).
 *
 * @param it - the built type
 * @param ref - the reference entry
 * @param resources - which resources to compare
 * @returns one line per differing resource
 */
export function allocatableMismatches(it: InstanceType, ref: ReferenceType, resources: readonly string[] = CORE_RESOURCES): string[] {
  const out: string[] = [];
  for (const resource of resources) {
    const amount = it.allocatable.get(resource);
    const actual = amount === undefined || amount === 0 ? undefined : formatAmount(resource, amount);
    const expected = ref.allocatable[resource];
    if (expected !== actual) out.push(`${resource}: expected ${String(expected)}, got ${String(actual)}`);
  }
  return out;
}

/** Percentage with one decimal. */
export const rate = (hits: number, total: number): string => `${hits}/${total} (${total === 0 ? "n/a" : ((100 * hits) / total).toFixed(1)}%)`;

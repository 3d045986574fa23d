// Instance types cross to a worker thread by structured clone, which keeps Maps and plain data but drops
// classes: requirements (a `Requirements` object) travel as the NodeSelectorRequirements they are equivalent
// to and are rebuilt on the other side. Everything else in the inputs and results is plain data or Maps.
import type { InstanceType, NodeSelectorRequirementWithMinValues, Offering, Requirements } from "nodefit";
import type { InstanceTypeIndex } from "nodefit/advanced";

type Plain<T> = Omit<T, "requirements"> & { readonly requirements: readonly NodeSelectorRequirementWithMinValues[] };

/** An instance type as it crosses to a worker. */
export interface TransferableInstanceType extends Omit<Plain<InstanceType>, "offerings"> {
  readonly offerings: readonly Plain<Offering>[];
}

function plainRequirements(requirements: Requirements): NodeSelectorRequirementWithMinValues[] {
  return [...requirements].flatMap((r) => r.toNodeSelectorRequirements());
}

/**
 * Instance types as plain, cloneable data.
 *
 * @param types - a catalogue or an instance-type index
 * @returns the same types with requirements as NodeSelectorRequirements
 */
export function toTransferable(types: readonly InstanceType[] | InstanceTypeIndex): TransferableInstanceType[] {
  const list: readonly InstanceType[] = Array.isArray(types) ? types : (types as InstanceTypeIndex).types;
  return list.map((t) => ({
    ...t,
    requirements: plainRequirements(t.requirements),
    offerings: t.offerings.map((o) => ({ ...o, requirements: plainRequirements(o.requirements) })),
  }));
}

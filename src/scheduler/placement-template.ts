/**
 * A NodePool template with its dense data for the hot loop: its instance types as an option set of the run's
 * index, each type's DaemonSet group, and each group's overhead as a vector.
 *
 * @module
 */
import type { CatalogueVectors } from "../instance-types/catalogue-vectors.js";
import type { InstanceType } from "../instance-types/index.js";
import type { OptionSet } from "../instance-types/option-set.js";
import type { NodeClaimTemplate } from "./nodeclaim-template.js";

/** A template ready for placement. */
export interface PlacementTemplate extends NodeClaimTemplate {
  /** {@link NodeClaimTemplate.instanceTypes} as options of the run's index. */
  readonly options: OptionSet;
  /** DaemonSet group per catalogue id (0 for ids outside the template, which never occur as options). */
  readonly groupById: Int32Array;
  /** Overhead vector per DaemonSet group. */
  readonly overheads: readonly Float64Array[];
  /** Position of the template in the scheduler's weight order (memo tables key on it). */
  readonly position: number;
}

/**
 * Attaches the dense data to a compiled template.
 *
 * @param template - the compiled template
 * @param vectors - the run's catalogue vectors
 * @param position - its index in weight order
 * @returns the placement template
 */
export function placementTemplate(template: NodeClaimTemplate, vectors: CatalogueVectors, position: number): PlacementTemplate {
  const options = vectors.index.optionsOf(template.instanceTypes);
  const groupById = new Int32Array(vectors.types.length);
  template.instanceTypes.forEach((type: InstanceType, i) => {
    groupById[options.ids[i] as number] = template.groupOf.get(type) ?? 0;
  });
  const overheads = template.daemonGroups.map((g) => vectors.vector(g.overhead));
  return { ...template, options, groupById, overheads, position };
}

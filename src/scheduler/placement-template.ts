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
  let dense = placements.get(template);
  if (dense === undefined || dense.vectors !== vectors) {
    const options = vectors.index.optionsOf(template.instanceTypes);
    const groupById = new Int32Array(vectors.types.length);
    for (let i = 0; i < options.ids.length; i++) groupById[options.ids[i] as number] = template.groupOf.get(template.instanceTypes[i] as InstanceType) ?? 0;
    const overheads = template.daemonGroups.map((g) => vectors.vector(g.overhead));
    dense = { vectors, options, groupById, overheads };
    placements.set(template, dense);
  }
  return { ...template, options: dense.options, groupById: dense.groupById, overheads: dense.overheads, position };
}

/**
 * The dense data of templates a series of runs shares (a consolidation plan compiles its NodePools once and
 * schedules over the same index many times); recomputed when a run's rows differ.
 */
const placements = new WeakMap<
  NodeClaimTemplate,
  { readonly vectors: CatalogueVectors; readonly options: OptionSet; readonly groupById: Int32Array; readonly overheads: readonly Float64Array[] }
>();

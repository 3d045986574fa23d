/**
 * A NodePool template with its dense data for the hot loop: the ids of its instance types, each id's
 * DaemonSet group, and each group's overhead as a vector.
 *
 * @module
 */
import type { InstanceType } from "../instance-types/index.js";
import type { NodeClaimTemplate } from "./nodeclaim-template.js";
import type { CatalogueVectors } from "./vectors.js";

/** A template ready for placement. */
export interface PlacementTemplate extends NodeClaimTemplate {
  /** Catalogue ids of {@link NodeClaimTemplate.instanceTypes}, aligned with it. */
  readonly ids: Int32Array;
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
  const ids = vectors.idsOf(template.instanceTypes);
  const groupById = new Int32Array(vectors.types.length);
  template.instanceTypes.forEach((type: InstanceType, i) => {
    groupById[ids[i] as number] = template.groupOf.get(type) ?? 0;
  });
  const overheads = template.daemonGroups.map((g) => vectors.vector(g.overhead));
  return { ...template, ids, groupById, overheads, position };
}

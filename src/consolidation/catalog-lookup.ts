/**
 * The planner's catalogue by instance-type name.
 *
 * @module
 */
import type { InstanceType } from "../instance-types/index.js";
import { LABEL_NODEPOOL } from "../requirements/index.js";

/**
 * Instance types by name. A provider may give one variant of a type per NodePool (the AWS adapter does, one per
 * EC2NodeClass, each restricted by `karpenter.sh/nodepool`); a lookup that names the NodePool gets that
 * NodePool's variant, so a node is priced and a replacement is built from its own class's type.
 */
export class CatalogLookup {
  private readonly byName = new Map<string, InstanceType[]>();
  private readonly all: readonly InstanceType[];

  /**
   * @param types - the catalogue, in its own order (the first variant of a name answers lookups without a NodePool)
   */
  constructor(types: readonly InstanceType[]) {
    this.all = [...types];
    for (const t of this.all) {
      const variants = this.byName.get(t.name);
      if (variants === undefined) this.byName.set(t.name, [t]);
      else variants.push(t);
    }
  }

  /**
   * The type called `name`; with `nodePool`, the variant whose requirements admit that NodePool.
   *
   * @param name - an instance-type name
   * @param nodePool - the NodePool the type is launched or running for, when known
   * @returns the type, or undefined when the catalogue has none of that name
   */
  get(name: string, nodePool?: string): InstanceType | undefined {
    const variants = this.byName.get(name);
    if (variants === undefined || variants.length === 1 || nodePool === undefined) return variants?.[0];
    return variants.find((t) => t.requirements.get(LABEL_NODEPOOL).has(nodePool)) ?? variants[0];
  }

  /**
   * Every type, every variant included.
   *
   * @returns the catalogue in its own order
   */
  values(): IterableIterator<InstanceType> {
    return this.all.values();
  }
}

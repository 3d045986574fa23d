/**
 * A node claim's instance-type options as one value: positions in an {@link InstanceTypeIndex}, with the types
 * resolved from the index on demand. Replaces the parallel "types" and "ids" arrays the scheduler carried; the
 * types are only materialised where a list is read (minValues, reservations, finalisation, failure messages).
 *
 * @internal
 * @module
 */
import type { InstanceType } from "./instance-type.js";
import type { InstanceTypeIndex } from "./instance-type-index.js";

/**
 * Some instance types of one index, in a fixed order. Immutable.
 *
 * @internal
 */
export class OptionSet {
  /** The index the ids point into. */
  readonly index: InstanceTypeIndex;
  /** Positions in {@link OptionSet.index}, in option order. */
  readonly ids: Int32Array;
  #types: readonly InstanceType[] | undefined;

  /**
   * @param index - the index
   * @param ids - positions in it, in option order (not copied: the caller hands them over)
   * @param types - the types at those positions, when the caller already has them
   */
  constructor(index: InstanceTypeIndex, ids: Int32Array, types?: readonly InstanceType[]) {
    this.index = index;
    this.ids = ids;
    this.#types = types;
  }

  /** How many options. */
  get size(): number {
    return this.ids.length;
  }

  /** The options' instance types, in option order (resolved once). */
  get types(): readonly InstanceType[] {
    let types = this.#types;
    if (types === undefined) {
      const all = this.index.types;
      const list = new Array<InstanceType>(this.ids.length);
      for (let i = 0; i < this.ids.length; i++) list[i] = all[this.ids[i] as number] as InstanceType;
      this.#types = types = list;
    }
    return types;
  }

  /**
   * The options kept by a predicate on their ids, in order; this set itself when all are kept.
   *
   * @param keep - whether to keep the option at an id
   * @returns the kept options
   */
  filter(keep: (id: number) => boolean): OptionSet {
    const kept: number[] = [];
    for (let i = 0; i < this.ids.length; i++) if (keep(this.ids[i] as number)) kept.push(this.ids[i] as number);
    return kept.length === this.ids.length ? this : new OptionSet(this.index, Int32Array.from(kept));
  }
}

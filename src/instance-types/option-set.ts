/**
 * A node claim's instance-type options as one value: a set of positions in an {@link InstanceTypeIndex}, held as
 * a bitset (membership, the form narrowing changes word by word) or as ids (an order, the form finalisation
 * sorts by price), each form derived from the other on first use, with the types resolved from the index on
 * demand. Replaces the parallel "types" and "ids" arrays the scheduler carried; the list of types is only
 * materialised where one is read (minValues, reservations, finalisation, failure messages).
 *
 * @internal
 * @module
 */
import { emptyBitset, setBitInto, type Bitset } from "./_bitset.js";
import type { InstanceType } from "./instance-type.js";
import type { InstanceTypeIndex } from "./instance-type-index.js";

/**
 * Some instance types of one index. Immutable.
 *
 * @internal
 */
export class OptionSet {
  /** The index the positions point into. */
  readonly index: InstanceTypeIndex;
  #ids: Int32Array | undefined;
  #bits: Bitset | undefined;
  #size: number;
  #types: readonly InstanceType[] | undefined;

  private constructor(index: InstanceTypeIndex, ids: Int32Array | undefined, bits: Bitset | undefined, size: number) {
    this.index = index;
    this.#ids = ids;
    this.#bits = bits;
    this.#size = size;
  }

  /**
   * Options in a given order.
   *
   * @param index - the index
   * @param ids - positions in it, in option order (not copied: the caller hands them over)
   * @param types - the types at those positions, when the caller already has them
   * @returns the option set
   */
  static ofIds(index: InstanceTypeIndex, ids: Int32Array, types?: readonly InstanceType[]): OptionSet {
    const set = new OptionSet(index, ids, undefined, ids.length);
    set.#types = types;
    return set;
  }

  /**
   * Options in catalogue order.
   *
   * @param index - the index
   * @param bits - the positions (not copied: the caller hands them over)
   * @param size - how many bits are set
   * @returns the option set
   */
  static ofBits(index: InstanceTypeIndex, bits: Bitset, size: number): OptionSet {
    return new OptionSet(index, undefined, bits, size);
  }

  /** How many options. */
  get size(): number {
    return this.#size;
  }

  /** Positions in {@link OptionSet.index}, in option order (catalogue order for a set made from bits). */
  get ids(): Int32Array {
    let ids = this.#ids;
    if (ids === undefined) {
      const bits = this.#bits as Bitset;
      ids = new Int32Array(this.#size);
      let k = 0;
      for (let w = 0; w < bits.length; w++) {
        let word = bits[w] as number;
        while (word !== 0) {
          const low = word & -word;
          ids[k++] = (w << 5) + 31 - Math.clz32(low);
          word = (word ^ low) >>> 0;
        }
      }
      this.#ids = ids;
    }
    return ids;
  }

  /** The positions as a bitset over the index (shared: do not change; a position listed twice is one bit). */
  get bits(): Bitset {
    let bits = this.#bits;
    if (bits === undefined) {
      bits = emptyBitset(this.index.size);
      const ids = this.#ids as Int32Array;
      for (let i = 0; i < ids.length; i++) setBitInto(bits, ids[i] as number);
      this.#bits = bits;
    }
    return bits;
  }

  /** The options' instance types, in option order (resolved once). */
  get types(): readonly InstanceType[] {
    let types = this.#types;
    if (types === undefined) {
      const all = this.index.types;
      const ids = this.ids;
      const list = new Array<InstanceType>(ids.length);
      for (let i = 0; i < ids.length; i++) list[i] = all[ids[i] as number] as InstanceType;
      this.#types = types = list;
    }
    return types;
  }

  /**
   * The options kept by a predicate on their positions, in order; this set itself when all are kept.
   *
   * @param keep - whether to keep the option at a position
   * @returns the kept options
   */
  filter(keep: (id: number) => boolean): OptionSet {
    const ids = this.ids;
    const kept: number[] = [];
    for (let i = 0; i < ids.length; i++) if (keep(ids[i] as number)) kept.push(ids[i] as number);
    return kept.length === ids.length ? this : OptionSet.ofIds(this.index, Int32Array.from(kept));
  }
}

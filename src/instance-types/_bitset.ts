/**
 * Fixed-size bitsets over instance-type positions, stored as 32-bit words. Private to the instance-type
 * index: the hot path answers requirement questions with word-wise AND / ANDNOT instead of per-type walks.
 *
 * Functions ending in `Into` mutate their first argument, which callers create locally; everything else
 * returns a new bitset and leaves its inputs alone.
 *
 * @internal
 * @module
 */

/**
 * A set of positions `0..size-1`; bit `i` of word `i >>> 5` is position `i`.
 *
 * @category Instance types
 */
export type Bitset = Uint32Array;

/**
 * Creates an empty bitset able to hold `size` positions.
 *
 * @param size - how many positions the set covers
 * @returns a bitset with every bit clear
 */
export function emptyBitset(size: number): Bitset {
  return new Uint32Array((size + 31) >>> 5);
}

/**
 * Creates a bitset with every position `0..size-1` set (and the padding bits of the last word clear).
 *
 * @param size - how many positions the set covers
 * @returns the full set
 */
export function fullBitset(size: number): Bitset {
  const out = emptyBitset(size);
  out.fill(0xffffffff);
  const rest = size & 31;
  if (rest !== 0) out[out.length - 1] = (2 ** rest - 1) >>> 0;
  return out;
}

/**
 * Sets one position.
 *
 * @param set - the bitset to change
 * @param position - the position to add
 */
export function setBitInto(set: Bitset, position: number): void {
  const word = position >>> 5;
  set[word] = ((set[word] ?? 0) | (1 << (position & 31))) >>> 0;
}

/**
 * Whether a position is set.
 *
 * @param set - the bitset
 * @param position - the position to test
 * @returns true when the bit is set
 */
export function hasBit(set: Bitset, position: number): boolean {
  return (((set[position >>> 5] ?? 0) >>> (position & 31)) & 1) === 1;
}

/**
 * Intersects `target` with `other` in place.
 *
 * @param target - the accumulator, changed
 * @param other - the set to intersect with
 */
export function andInto(target: Bitset, other: Bitset): void {
  for (let i = 0; i < target.length; i++) target[i] = ((target[i] ?? 0) & (other[i] ?? 0)) >>> 0;
}

/**
 * Removes `other`'s positions from `target` in place.
 *
 * @param target - the accumulator, changed
 * @param other - the positions to remove
 */
export function andNotInto(target: Bitset, other: Bitset): void {
  for (let i = 0; i < target.length; i++) target[i] = ((target[i] ?? 0) & ~(other[i] ?? 0)) >>> 0;
}

/**
 * Adds `other`'s positions to `target` in place.
 *
 * @param target - the accumulator, changed
 * @param other - the positions to add
 */
export function orInto(target: Bitset, other: Bitset): void {
  for (let i = 0; i < target.length; i++) target[i] = ((target[i] ?? 0) | (other[i] ?? 0)) >>> 0;
}

/**
 * The intersection of two bitsets of the same size.
 *
 * @param a - first set
 * @param b - second set
 * @returns a new set holding the positions in both
 */
export function and(a: Bitset, b: Bitset): Bitset {
  const out = a.slice();
  andInto(out, b);
  return out;
}

/**
 * The difference of two bitsets of the same size.
 *
 * @param a - the set to take from
 * @param b - the positions to leave out
 * @returns a new set holding the positions in `a` but not in `b`
 */
export function andNot(a: Bitset, b: Bitset): Bitset {
  const out = a.slice();
  andNotInto(out, b);
  return out;
}

/**
 * The union of two bitsets of the same size.
 *
 * @param a - first set
 * @param b - second set
 * @returns a new set holding the positions in either
 */
export function or(a: Bitset, b: Bitset): Bitset {
  const out = a.slice();
  orInto(out, b);
  return out;
}

/** Population count of one 32-bit word (SWAR). */
function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * How many positions are set.
 *
 * @param set - the bitset
 * @returns the number of set bits
 */
export function count(set: Bitset): number {
  let total = 0;
  for (const word of set) total += popcount(word);
  return total;
}

/**
 * Whether no position is set.
 *
 * @param set - the bitset
 * @returns true for the empty set
 */
export function isEmptyBitset(set: Bitset): boolean {
  for (const word of set) if (word !== 0) return false;
  return true;
}

/**
 * The set positions in ascending order.
 *
 * @param set - the bitset
 * @returns an iterator over the positions whose bit is set
 */
export function* iterate(set: Bitset): Generator<number, void, undefined> {
  for (let w = 0; w < set.length; w++) {
    let word = set[w] ?? 0;
    while (word !== 0) {
      const low = word & -word;
      yield (w << 5) + (31 - Math.clz32(low));
      word = (word ^ low) >>> 0;
    }
  }
}

/**
 * Calls `visit` with each set position in ascending order; the allocation-free form of {@link iterate}.
 *
 * @param set - the bitset
 * @param visit - called once per set position
 */
export function forEachBit(set: Bitset, visit: (position: number) => void): void {
  for (let w = 0; w < set.length; w++) {
    let word = set[w] ?? 0;
    const base = w << 5;
    while (word !== 0) {
      const low = word & -word;
      visit(base + 31 - Math.clz32(low));
      word = (word ^ low) >>> 0;
    }
  }
}

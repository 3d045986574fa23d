import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { and, andNot, count, emptyBitset, forEachBit, fullBitset, hasBit, isEmptyBitset, iterate, or, setBitInto, type Bitset } from "./_bitset.js";

const arbSized = fc
  .integer({ min: 0, max: 100 })
  .chain((size) =>
    fc.tuple(
      fc.constant(size),
      fc.uniqueArray(fc.nat({ max: Math.max(0, size - 1) }), { maxLength: size }),
      fc.uniqueArray(fc.nat({ max: Math.max(0, size - 1) }), { maxLength: size }),
    ),
  )
  .map(([size, a, b]) => (size === 0 ? ([0, [], []] as [number, number[], number[]]) : ([size, a, b] as [number, number[], number[]])));

function fromPositions(size: number, positions: readonly number[]): Bitset {
  const set = emptyBitset(size);
  for (const p of positions) setBitInto(set, p);
  return set;
}

describe("bitset", () => {
  test.prop([arbSized])("and / andNot / or agree with set algebra; iterate is ascending and count matches", ([size, a, b]) => {
    const x = fromPositions(size, a);
    const y = fromPositions(size, b);
    const sa = new Set(a);
    const sb = new Set(b);
    expect([...iterate(and(x, y))]).toEqual([...sa].filter((p) => sb.has(p)).sort((p, q) => p - q));
    expect([...iterate(andNot(x, y))]).toEqual([...sa].filter((p) => !sb.has(p)).sort((p, q) => p - q));
    expect([...iterate(or(x, y))]).toEqual([...new Set([...sa, ...sb])].sort((p, q) => p - q));
    expect(count(x)).toBe(sa.size);
    expect(isEmptyBitset(x)).toBe(sa.size === 0);
    for (let p = 0; p < size; p++) expect(hasBit(x, p)).toBe(sa.has(p));
    const visited: number[] = [];
    forEachBit(x, (p) => visited.push(p));
    expect(visited).toEqual([...iterate(x)]);
  });

  test.prop([fc.integer({ min: 0, max: 200 })])("fullBitset holds exactly 0..size-1", (size) => {
    const full = fullBitset(size);
    expect(count(full)).toBe(size);
    expect([...iterate(full)]).toEqual(Array.from({ length: size }, (_, i) => i));
  });

  test.prop([arbSized])("binary operations never mutate their inputs", ([size, a, b]) => {
    const x = fromPositions(size, a);
    const y = fromPositions(size, b);
    const before = [x.slice(), y.slice()];
    and(x, y);
    andNot(x, y);
    or(x, y);
    expect([x, y]).toEqual(before);
  });
});

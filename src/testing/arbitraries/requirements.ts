/**
 * fast-check arbitraries for label requirements. Values come from a small alphabet of words and
 * small integers, so that generated requirements overlap, exclude and bound each other often enough
 * to make intersections interesting.
 *
 * @module
 */
import fc from "fast-check";
import { Requirement, Requirements } from "nodefit";
import type { NodeSelectorRequirementWithMinValues } from "nodefit";

/** The label keys requirement sets are built over, including keys that are awkward as object keys. */
export const REQUIREMENT_KEYS: readonly string[] = ["topology.kubernetes.io/zone", "kubernetes.io/arch", "example.com/generation", "__proto__", "constructor"];

/** A label value: a word, a small integer, or an integer-like oddity (`-1`, `07`). */
export const arbLabelValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("a", "b", "c"),
  fc.integer({ min: 0, max: 6 }).map(String),
  fc.constantFrom("-1", "07"),
);

/** A label key from {@link REQUIREMENT_KEYS}. */
export const arbLabelKey: fc.Arbitrary<string> = fc.constantFrom(...REQUIREMENT_KEYS);

/** A bound for `Gt` / `Lt` / `Gte` / `Lte`: small, with the largest safe integer now and then. */
const arbBound: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: fc.integer({ min: 0, max: 6 }).map(String) },
  { weight: 1, arbitrary: fc.constant(String(Number.MAX_SAFE_INTEGER)) },
);

/**
 * A valid node selector expression (with optional minValues) on a key, as a NodePool writes it.
 *
 * @param key - the key; a fixed one by default so that several expressions meet
 * @returns an arbitrary of expressions every operator can produce
 * @example
 * ```ts
 * fc.assert(fc.property(arbNodeSelectorRequirement(), (e) => {
 *   Requirement.create(e.key, e.operator, e.values, e.minValues); // never throws
 * }));
 * ```
 */
export function arbNodeSelectorRequirement(key = "example.com/k"): fc.Arbitrary<NodeSelectorRequirementWithMinValues> {
  type Entry = NodeSelectorRequirementWithMinValues;
  const withMinValues = (entry: Entry, most: number): fc.Arbitrary<Entry> =>
    fc.option(fc.integer({ min: 1, max: most }), { nil: undefined }).map((minValues) => (minValues === undefined ? entry : { ...entry, minValues }));
  const values = (minLength: number, maxLength: number): fc.Arbitrary<string[]> => fc.uniqueArray(arbLabelValue, { minLength, maxLength });
  return fc.oneof(
    values(1, 4).chain((v) => withMinValues({ key, operator: "In", values: v }, v.length)),
    values(1, 3).chain((v) => withMinValues({ key, operator: "NotIn", values: v }, 3)),
    fc.constantFrom("Exists", "DoesNotExist").chain((operator) => withMinValues({ key, operator }, 3)),
    fc.tuple(fc.constantFrom("Gt", "Lt", "Gte", "Lte"), arbBound).chain(([operator, bound]) => withMinValues({ key, operator, values: [bound] }, 3)),
  );
}

/**
 * A requirement built directly from one expression.
 *
 * @param key - the key; a fixed one by default
 * @returns an arbitrary of single-operator requirements
 */
export function arbSimpleRequirement(key = "example.com/k"): fc.Arbitrary<Requirement> {
  return arbNodeSelectorRequirement(key).map((e) => Requirement.create(e.key, e.operator, e.values ?? [], e.minValues));
}

/**
 * A requirement that is the intersection of one to three single-operator requirements on a key, so
 * mixed forms (`NotIn` with bounds, concrete sets cut by bounds, crossed bounds) appear.
 *
 * @param key - the key; a fixed one by default so that generated requirements can be intersected
 * @returns an arbitrary of requirements
 * @example
 * ```ts
 * fc.assert(fc.property(arbRequirement(), arbRequirement(), (a, b) => a.intersect(b).equals(b.intersect(a))));
 * ```
 */
export function arbRequirement(key = "example.com/k"): fc.Arbitrary<Requirement> {
  const simple = arbSimpleRequirement(key);
  // Mostly one or two parts: longer chains collapse to DoesNotExist too often to be interesting.
  return fc.oneof(
    { weight: 3, arbitrary: simple },
    { weight: 2, arbitrary: fc.tuple(simple, simple).map(([a, b]) => a.intersect(b)) },
    { weight: 1, arbitrary: fc.tuple(simple, simple, simple).map(([a, b, c]) => a.intersect(b).intersect(c)) },
  );
}

/**
 * A requirement set over {@link REQUIREMENT_KEYS}, with zero to four requirements.
 *
 * @returns an arbitrary of requirement sets
 */
export function arbRequirements(): fc.Arbitrary<Requirements> {
  return fc.array(arbLabelKey.chain(arbRequirement), { maxLength: 4 }).map((items) => Requirements.of(items));
}

/**
 * Node labels over {@link REQUIREMENT_KEYS}, as a map.
 *
 * @returns an arbitrary of label maps
 */
export function arbLabels(): fc.Arbitrary<ReadonlyMap<string, string>> {
  return fc.array(fc.tuple(arbLabelKey, arbLabelValue), { maxLength: 4 }).map((pairs) => new Map(pairs));
}

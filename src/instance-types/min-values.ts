/**
 * minValues: a NodePool's demand for flexibility, e.g. "at least 3 distinct instance families among the types
 * a node claim may launch as".
 *
 * @module
 */
import { Requirements } from "../requirements/index.js";
import type { InstanceType } from "./instance-type.js";

/**
 * One requirement key whose minValues the instance types did not reach.
 *
 * @category Instance types
 */
export interface MinValuesShortfall {
  readonly key: string;
  /** What the requirement asks for. */
  readonly minValues: number;
  /** How many distinct values the instance types offer for the key. */
  readonly achieved: number;
}

/**
 * The outcome of {@link satisfiesMinValues}.
 *
 * @category Instance types
 */
export type MinValuesResult =
  | { readonly satisfied: true; readonly needed: number }
  | { readonly satisfied: false; readonly needed: number; readonly shortfalls: readonly MinValuesShortfall[] };

/**
 * Walks the instance types in the given order and accumulates, per requirement key with minValues, the
 * distinct values the types define for it (their `In` values); reports how many types were needed before every
 * key reached its minimum, or the keys that never did. The count depends on the order, so pass types ordered
 * by price.
 *
 * @param types - the instance types, in the order a launch would consider them
 * @param requirements - the node claim's requirements
 * @returns `{ satisfied: true, needed }` (needed is 0 without minValues), or the shortfalls sorted by key
 * @example
 * ```ts
 * satisfiesMinValues(orderByPrice(types, reqs), reqs);
 * ```
 * @category Instance types
 */
export function satisfiesMinValues(types: readonly InstanceType[], requirements: Requirements): MinValuesResult {
  const wanted = [...requirements].filter((r) => r.minValues !== undefined);
  if (wanted.length === 0) return { satisfied: true, needed: 0 };
  const seen = new Map<string, Set<string>>(wanted.map((r) => [r.key, new Set<string>()]));
  for (let i = 0; i < types.length; i++) {
    const type = types[i] as InstanceType;
    let all = true;
    for (const r of wanted) {
      const values = seen.get(r.key) as Set<string>;
      const own = type.requirements.get(r.key);
      if (!own.complement) for (const v of own.values) values.add(v);
      if (values.size < (r.minValues ?? 0)) all = false;
    }
    if (all) return { satisfied: true, needed: i + 1 };
  }
  const shortfalls = wanted
    .map((r) => ({ key: r.key, minValues: r.minValues ?? 0, achieved: seen.get(r.key)?.size ?? 0 }))
    .filter((s) => s.achieved < s.minValues)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { satisfied: false, needed: types.length, shortfalls };
}

/**
 * Lowers each short requirement's minValues to what was achieved, as Karpenter's BestEffort policy does.
 *
 * @param requirements - the node claim's requirements
 * @param shortfalls - from {@link satisfiesMinValues}
 * @returns requirements whose minValues no longer exceed what the instance types offer
 */
export function relaxMinValues(requirements: Requirements, shortfalls: readonly MinValuesShortfall[]): Requirements {
  if (shortfalls.length === 0) return requirements;
  const achieved = new Map(shortfalls.map((s) => [s.key, s.achieved]));
  const relaxed = [...requirements].map((r) => {
    const n = achieved.get(r.key);
    return n === undefined ? r : r.withMinValues(n > 0 ? n : undefined);
  });
  return Requirements.of(relaxed);
}

/**
 * Renders minValues shortfalls the way Karpenter words them.
 *
 * @param shortfalls - the keys that missed their minimum
 * @returns e.g. `minValues requirement is not met for label(s) (label(s)=[kubernetes.io/arch])`
 * @category Instance types
 */
export function formatMinValuesShortfall(shortfalls: readonly MinValuesShortfall[]): string {
  return `minValues requirement is not met for label(s) (label(s)=[${shortfalls.map((s) => s.key).join(" ")}])`;
}

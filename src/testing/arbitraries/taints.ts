/**
 * fast-check arbitraries for taints and tolerations. Keys and values come from small pools so that
 * generated tolerations and taints collide often enough to exercise matching.
 *
 * @module
 */
import fc from "fast-check";
import type { Taint, Toleration } from "nodefit";

/** The three taint effects Kubernetes knows. */
export const TAINT_EFFECTS: readonly string[] = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

/** A taint effect: `NoSchedule`, `PreferNoSchedule` or `NoExecute`. */
export const taintEffectArbitrary: fc.Arbitrary<string> = fc.constantFrom(...TAINT_EFFECTS);

/** A taint key from a small pool, including keys that are awkward as object keys. */
export const taintKeyArbitrary: fc.Arbitrary<string> = fc.constantFrom(
  "dedicated",
  "example.com/gpu",
  "node.kubernetes.io/not-ready",
  "readiness.k8s.io/network",
  "__proto__",
  "constructor",
);

/** A taint value from a small pool: empty, words and base-10 integers (for `Lt` / `Gt`). */
export const taintValueArbitrary: fc.Arbitrary<string> = fc.oneof(fc.constantFrom("", "true", "gpu", "a=b"), fc.integer({ min: -5, max: 5 }).map(String));

/**
 * A taint, with or without a value.
 *
 * @returns an arbitrary of taints
 * @example
 * ```ts
 * fc.assert(fc.property(taintArbitrary(), (t) => formatTaint(t).startsWith(t.key)));
 * ```
 */
export function taintArbitrary(): fc.Arbitrary<Taint> {
  return fc.record({ key: taintKeyArbitrary, value: taintValueArbitrary, effect: taintEffectArbitrary }, { requiredKeys: ["key", "effect"] });
}

/**
 * A toleration: any operator Kubernetes or its comparison feature gate knows (plus an unknown one),
 * optional key, value and effect.
 *
 * @returns an arbitrary of tolerations
 * @example
 * ```ts
 * fc.assert(fc.property(tolerationArbitrary(), taintArbitrary(), (tol, t) => typeof toleratesTaint(tol, t) === "boolean"));
 * ```
 */
export function tolerationArbitrary(): fc.Arbitrary<Toleration> {
  return fc.record(
    {
      key: fc.oneof(taintKeyArbitrary, fc.constant("")),
      operator: fc.constantFrom("", "Equal", "Exists", "Lt", "Gt", "Bogus"),
      value: taintValueArbitrary,
      effect: fc.oneof(taintEffectArbitrary, fc.constant("")),
    },
    { requiredKeys: [] },
  );
}

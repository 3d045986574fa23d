import type { Taint, Toleration } from "../types/kubernetes.js";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const BASE10_INTEGER = /^[+-]?[0-9]+$/;

/** Parses like Go's `strconv.ParseInt(s, 10, 64)`: base-10, optional sign, int64 range; else undefined. */
function parseInt64(text: string | undefined): bigint | undefined {
  if (text === undefined || !BASE10_INTEGER.test(text)) return undefined;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}

/**
 * Whether one toleration tolerates one taint, with Kubernetes semantics.
 *
 * The effect must be empty or equal; the key must be empty or equal; then the operator decides:
 * `Equal` (also the default when empty) compares values as strings (missing = empty), `Exists`
 * always matches, `Lt` / `Gt` compare both values as base-10 64-bit integers (`taint < toleration`,
 * `taint > toleration`) and fail when either does not parse. Any other operator tolerates nothing.
 *
 * @param toleration - the pod's toleration
 * @param taint - the node's taint
 * @returns true when the toleration tolerates the taint
 * @example
 * ```ts
 * toleratesTaint({ operator: "Exists" }, { key: "gpu", value: "true", effect: "NoSchedule" }); // true
 * toleratesTaint({ key: "gpu", value: "false" }, { key: "gpu", value: "true", effect: "NoSchedule" }); // false
 * ```
 * @category Taints
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  const effect = toleration.effect ?? "";
  if (effect !== "" && effect !== taint.effect) return false;
  const key = toleration.key ?? "";
  if (key !== "" && key !== taint.key) return false;
  switch (toleration.operator ?? "") {
    case "":
    case "Equal":
      return (toleration.value ?? "") === (taint.value ?? "");
    case "Exists":
      return true;
    case "Lt":
    case "Gt": {
      const limit = parseInt64(toleration.value);
      const actual = parseInt64(taint.value);
      if (limit === undefined || actual === undefined) return false;
      return toleration.operator === "Lt" ? actual < limit : actual > limit;
    }
    default:
      return false;
  }
}

/** Whether at least one of the tolerations tolerates the taint. */
function anyTolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const toleration of tolerations) {
    if (toleratesTaint(toleration, taint)) return true;
  }
  return false;
}

/**
 * Every taint that no toleration tolerates, in the taints' order.
 *
 * Every effect counts, `PreferNoSchedule` included, as in Karpenter: a soft taint is made
 * tolerable by preference relaxation, not ignored here.
 *
 * @param tolerations - the pod's tolerations (`undefined` = none)
 * @param taints - the node's taints (`undefined` = none)
 * @returns the untolerated taints; empty when the pod tolerates them all
 * @example
 * ```ts
 * untoleratedTaints([], [{ key: "a", effect: "NoSchedule" }, { key: "b", effect: "PreferNoSchedule" }]);
 * // both taints
 * ```
 * @category Taints
 */
export function untoleratedTaints(tolerations: readonly Toleration[] | undefined, taints: readonly Taint[] | undefined): readonly Taint[] {
  if (taints === undefined || taints.length === 0) return [];
  const list = tolerations ?? [];
  return taints.filter((taint) => !anyTolerates(list, taint));
}

/**
 * Whether every taint is tolerated by at least one toleration (every effect counts).
 *
 * @param tolerations - the pod's tolerations (`undefined` = none)
 * @param taints - the node's taints (`undefined` = none)
 * @returns true when {@link untoleratedTaints} would be empty
 * @example
 * ```ts
 * toleratesAll([{ key: "gpu", operator: "Exists" }], [{ key: "gpu", effect: "NoSchedule" }]); // true
 * ```
 * @category Taints
 */
export function toleratesAll(tolerations: readonly Toleration[] | undefined, taints: readonly Taint[] | undefined): boolean {
  if (taints === undefined) return true;
  const list = tolerations ?? [];
  for (const taint of taints) {
    if (!anyTolerates(list, taint)) return false;
  }
  return true;
}

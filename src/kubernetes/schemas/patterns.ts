/**
 * The patterns and value sets the zod schemas and their fast checks (`../fast/schemas.ts`) both use; here, without
 * zod, so the fast checks load none of it.
 *
 * @internal
 * @module
 */

/** RFC 3339 as the API server writes it (seconds required, fraction and offset optional forms). */
export const RFC3339: RegExp = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** A signed whole number, as `Gt`/`Lt` values and toleration values are written. */
export const INTEGER: RegExp = /^[+-]?[0-9]+$/;

/** Taint effects. */
export const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"] as const;

/** The node selector operators of a pod's node affinity. */
export const POD_OPERATORS = ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"] as const;

// Patterns of Karpenter v1's CRD validation.
/** `expireAfter`, `consolidateAfter`: a duration like "720h", or "Never". */
export const EXPIRY: RegExp = /^(([0-9]+(s|m|h))+|Never)$/;
/** A NodePool's or NodeClaim's `terminationGracePeriod` (the CRD's pattern: a duration, never "Never"). */
export const GRACE_PERIOD: RegExp = /^([0-9]+(s|m|h))+$/;
/** A disruption budget's `nodes`: a count or a percentage. */
export const BUDGET_NODES: RegExp = /^((100|[0-9]{1,2})%|[0-9]+)$/;
/** A disruption budget's `duration`: hours and minutes. */
export const BUDGET_DURATION: RegExp = /^((([0-9]+(h|m))|([0-9]+h[0-9]+m))(0s)?)$/;

/**
 * What a node selector operator needs of its values, as the API server and Karpenter check it (the zod schemas
 * word the problem, the fast checks only refuse): the problem, undefined when the values fit, or null for an
 * operator this rule does not know (its own field check reports it).
 *
 * @param operator - the operator
 * @param values - its values
 * @returns the problem, undefined, or null
 */
export function operatorValuesProblem(operator: string, values: readonly string[]): string | undefined | null {
  switch (operator) {
    case "In":
    case "NotIn":
      return values.length === 0 ? `operator ${operator} needs at least one value` : undefined;
    case "Exists":
    case "DoesNotExist":
      return values.length > 0 ? `operator ${operator} takes no values` : undefined;
    case "Gt":
    case "Lt":
    case "Gte":
    case "Lte": {
      const only = values[0];
      return values.length !== 1 || only === undefined || !INTEGER.test(only) ? `operator ${operator} needs exactly one integer value` : undefined;
    }
    default:
      return null;
  }
}

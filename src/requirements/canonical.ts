/**
 * Validation of a requirement as written (key, operator, values, minValues) and its translation to
 * the canonical form: complement flag, value set and inclusive integer bounds.
 *
 * @module
 */
import { RequirementError } from "../errors.js";

/**
 * Every operator a node selector or Karpenter requirement may use.
 *
 * @category Requirements
 */
export type Operator = "In" | "NotIn" | "Exists" | "DoesNotExist" | "Gt" | "Lt" | "Gte" | "Lte";

/**
 * The operators, in the order error messages list them.
 *
 * @category Requirements
 */
export const OPERATORS: readonly Operator[] = ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt", "Gte", "Lte"];

/**
 * The largest minValues Karpenter accepts.
 *
 * @category Requirements
 */
export const MAX_MIN_VALUES = 50;

/**
 * A requirement's predicate in canonical form.
 *
 * @internal
 */
export interface CanonicalForm {
  readonly complement: boolean;
  readonly values: ReadonlySet<string>;
  readonly gte: number | undefined;
  readonly lte: number | undefined;
}

const NOTHING: ReadonlySet<string> = new Set();
const INTEGER = /^[+-]?[0-9]+$/;

function fail(key: string, message: string, path: readonly (string | number)[]): never {
  throw new RequirementError(`requirement "${key}": ${message}`, path);
}

function boundValue(key: string, operator: string, values: readonly string[]): number {
  if (values.length !== 1) fail(key, `operator ${operator} needs exactly one value, got ${values.length}`, ["values"]);
  const text = values[0] as string;
  const n = INTEGER.test(text) ? Number(text) + 0 : NaN;
  if (!(n >= 0) || !Number.isSafeInteger(n)) {
    const limit = Number.MAX_SAFE_INTEGER;
    fail(key, `operator ${operator} needs a non-negative integer no larger than ${limit}, got "${text}"`, ["values", 0]);
  }
  return n;
}

/**
 * Validates an operator with its values and returns the canonical predicate: `Gt n` becomes `>= n+1`,
 * `Lt n` becomes `<= n-1`, bounded operators are "Exists with bounds", and `Gt` of the largest safe
 * integer can match nothing, so it is `DoesNotExist`.
 *
 * @param key - the (normalised) key, for messages
 * @param operator - the operator as written
 * @param values - the values as written
 * @returns the canonical form
 * @throws RequirementError for an unknown operator or values the operator does not accept
 * @internal
 */
export function canonicalForm(key: string, operator: string, values: readonly string[]): CanonicalForm {
  switch (operator) {
    case "In":
      if (values.length === 0) fail(key, "operator In needs at least one value", ["values"]);
      return { complement: false, values: new Set(values), gte: undefined, lte: undefined };
    case "NotIn":
      return { complement: true, values: new Set(values), gte: undefined, lte: undefined };
    case "Exists":
    case "DoesNotExist":
      if (values.length !== 0) fail(key, `operator ${operator} takes no values, got ${values.length}`, ["values"]);
      return { complement: operator === "Exists", values: NOTHING, gte: undefined, lte: undefined };
    case "Gt": {
      const n = boundValue(key, operator, values);
      if (n === Number.MAX_SAFE_INTEGER) return { complement: false, values: NOTHING, gte: undefined, lte: undefined };
      return { complement: true, values: NOTHING, gte: n + 1, lte: undefined };
    }
    case "Gte":
      return { complement: true, values: NOTHING, gte: boundValue(key, operator, values), lte: undefined };
    case "Lt":
      return { complement: true, values: NOTHING, gte: undefined, lte: boundValue(key, operator, values) - 1 };
    case "Lte":
      return { complement: true, values: NOTHING, gte: undefined, lte: boundValue(key, operator, values) };
    default:
      return fail(key, `unknown operator "${operator}" (expected one of ${OPERATORS.join(", ")})`, ["operator"]);
  }
}

/**
 * Validates minValues: an integer from 1 to 50 and, for `In`, no more than the number of values.
 *
 * @param key - the (normalised) key, for messages
 * @param minValues - the minValues as written
 * @param inValues - the number of distinct values when the operator is `In`, otherwise undefined
 * @throws RequirementError when minValues is out of range
 * @internal
 */
export function checkMinValues(key: string, minValues: number, inValues: number | undefined): void {
  if (!Number.isInteger(minValues) || minValues < 1 || minValues > MAX_MIN_VALUES) {
    fail(key, `minValues must be an integer from 1 to ${MAX_MIN_VALUES}, got ${minValues}`, ["minValues"]);
  }
  if (inValues !== undefined && minValues > inValues) {
    fail(key, `minValues ${minValues} is more than the ${inValues} values of operator In`, ["minValues"]);
  }
}

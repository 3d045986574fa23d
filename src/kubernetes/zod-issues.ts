import type { z } from "zod";
import type { PathSegment } from "nodefit";
import { showValue } from "./show-value.js";

type RawIssue = z.core.$ZodRawIssue;

const EXPECTED_NAMES: ReadonlyMap<string, string> = new Map([
  ["string", "a string"],
  ["number", "a number"],
  ["int", "an integer"],
  ["boolean", "a boolean"],
  ["object", "an object"],
  ["array", "a list"],
  ["date", "a date"],
]);

function expectedName(expected: unknown): string {
  return EXPECTED_NAMES.get(String(expected)) ?? String(expected);
}

/**
 * The message for one zod issue, in nodefit's words (schemas give custom issues their own text).
 * Passed as the per-parse `error` option, with `reportInput` so the bad value can be quoted.
 *
 * @param issue - the raw issue zod is about to record
 * @returns the message
 * @internal
 */
export function issueMessage(issue: RawIssue): string {
  const input: unknown = issue.input;
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) return "is required";
      return `expected ${expectedName(issue.expected)}, got ${showValue(input)}`;
    case "invalid_union": {
      if (input === undefined) return "is required";
      const options = issue.errors
        .map((branch) => branch.find((inner) => inner.code === "invalid_type"))
        .flatMap((inner) => (inner !== undefined && inner.code === "invalid_type" ? [expectedName(inner.expected)] : []));
      return options.length > 0 ? `expected ${options.join(" or ")}, got ${showValue(input)}` : `${showValue(input)} is not valid here`;
    }
    case "too_small":
      if (issue.origin === "array") return `needs at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === "string") return "must not be empty";
      return `${showValue(input)} is less than the minimum ${String(issue.minimum)}`;
    case "too_big":
      if (issue.origin === "array") return `allows at most ${String(issue.maximum)} item(s)`;
      return `${showValue(input)} is more than the maximum ${String(issue.maximum)}`;
    case "invalid_value":
      return `${showValue(input)} is not one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      return `${showValue(input)} is not in the expected format`;
    default:
      return issue.message ?? `${showValue(input)} is not valid here`;
  }
}

/**
 * A zod issue path as nodefit path segments (zod allows symbols; manifests never produce them).
 *
 * @param path - the issue's path
 * @returns the same path with symbols turned into strings
 * @internal
 */
export function issuePath(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment));
}

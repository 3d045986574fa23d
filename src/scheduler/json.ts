/**
 * The `nodefit schedule --output json` document: exactly DESIGN.md's shape, keys in a fixed order, maps
 * with sorted keys, so identical results give byte-identical text.
 *
 * @module
 */
import { claimJson, obj, render } from "./json-document.js";
import type { ScheduleResult } from "./types.js";

/**
 * Renders a schedule result as the CLI's JSON document (two-space indentation, no trailing newline).
 *
 * @param result - what {@link schedule} returned
 * @returns the JSON text; identical results give identical text
 * @example
 * ```ts
 * const text = toScheduleJson(schedule(input));
 * JSON.parse(text).summary.newNodeClaims;
 * ```
 * @category Scheduling
 */
export function toScheduleJson(result: ScheduleResult): string {
  const doc = obj([
    ["nodeClaims", result.nodeClaims.map(claimJson)],
    [
      "existingNodes",
      result.existingNodes.map((n) =>
        obj([
          ["name", n.name],
          ["pods", n.pods],
        ]),
      ),
    ],
    [
      "unschedulable",
      result.unschedulable.map((u) =>
        obj([
          ["pod", u.pod],
          ["code", u.code],
          ["message", u.message],
        ]),
      ),
    ],
    [
      "summary",
      obj([
        ["pods", result.summary.pods],
        ["scheduled", result.summary.scheduled],
        ["newNodeClaims", result.summary.newNodeClaims],
        ["newHourlyCost", result.summary.newHourlyCost],
      ]),
    ],
  ]);
  return render(doc, "");
}

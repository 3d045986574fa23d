/**
 * The `nodefit consolidate --output json` document: exactly DESIGN.md's shape, keys in a fixed order, maps
 * with sorted keys, so identical plans give byte-identical text.
 *
 * @module
 */
import { claimJson, obj, render } from "../scheduler/json-document.js";
import type { ConsolidationPlan } from "./types.js";

/** Rounds money to 1e-9 so float noise from sums never reaches the output. */
function money(x: number): number {
  const r = Math.round(x * 1e9) / 1e9;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * Renders a plan as the CLI's JSON document (two-space indentation, no trailing newline): `commands` (method,
 * decision, candidates, replacements shaped as the scheduler's node claims, reschedules, savings), `blocked`
 * and `summary`. Money is rounded to 1e-9.
 *
 * @param plan - what {@link planConsolidation} returned
 * @returns the JSON text; identical plans give identical text
 * @example
 * ```ts
 * JSON.parse(toConsolidationJson(planConsolidation(input, { now: "2024-06-01T12:00:00Z" }))).summary.hourlyCostAfter;
 * ```
 * @category Consolidation
 */
export function toConsolidationJson(plan: ConsolidationPlan): string {
  const doc = obj([
    [
      "commands",
      plan.commands.map((c) =>
        obj([
          ["method", c.method],
          ["decision", c.decision],
          ["candidates", c.candidates],
          ["replacements", c.replacements.map(claimJson)],
          [
            "reschedules",
            c.reschedules.map((r) =>
              obj([
                ["pod", r.pod],
                ["to", r.to],
              ]),
            ),
          ],
          ["savings", money(c.savings)],
        ]),
      ),
    ],
    [
      "blocked",
      plan.blocked.map((b) =>
        obj([
          ["node", b.node],
          ["code", b.code],
          ["message", b.message],
        ]),
      ),
    ],
    [
      "summary",
      obj([
        ["nodes", plan.summary.nodes],
        ["hourlyCostBefore", money(plan.summary.hourlyCostBefore)],
        ["hourlyCostAfter", money(plan.summary.hourlyCostAfter)],
        // Only when the plan was cut short, so a complete plan's JSON is unchanged.
        ...(plan.summary.stopped === undefined ? [] : [["stopped", plan.summary.stopped] as const]),
      ]),
    ],
  ]);
  return render(doc, "");
}

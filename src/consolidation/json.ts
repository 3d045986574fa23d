/**
 * The `nodefit consolidate --output json` document: exactly DESIGN.md's shape, keys in a fixed order, maps
 * with sorted keys, so identical plans give byte-identical text.
 *
 * @module
 */
import { resourceListToRecord } from "../resources/index.js";
import type { PlannedNodeClaim } from "../scheduler/index.js";
import type { ConsolidationPlan } from "./types.js";

type Json = null | boolean | number | string | readonly Json[] | JsonObject;
/** Entries in output order; never a plain object, so user keys such as `__proto__` stay data. */
interface JsonObject {
  readonly entries: readonly (readonly [string, Json])[];
}

const obj = (entries: readonly (readonly [string, Json])[]): JsonObject => ({ entries });

function sortedMap(pairs: Iterable<readonly [string, string]>): JsonObject {
  return obj([...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Rounds money to 1e-9 so float noise from sums never reaches the output. */
function money(x: number): number {
  const r = Math.round(x * 1e9) / 1e9;
  return Object.is(r, -0) ? 0 : r;
}

function claimJson(c: PlannedNodeClaim): JsonObject {
  return obj([
    ["name", c.name],
    ["nodePool", c.nodePool],
    ["instanceType", c.instanceType],
    ["zone", c.zone],
    ["capacityType", c.capacityType],
    ["price", c.price],
    ["instanceTypeOptions", c.instanceTypeOptions],
    ["pods", c.pods],
    ["requests", sortedMap(Object.entries(resourceListToRecord(c.requests)))],
    [
      "requirements",
      c.requirements.map((r) =>
        obj([
          ["key", r.key],
          ["operator", r.operator],
          ...(r.values !== undefined ? [["values", r.values] as const] : []),
          ...(r.minValues !== undefined ? [["minValues", r.minValues] as const] : []),
        ]),
      ),
    ],
    ["labels", sortedMap(c.labels)],
    ["taints", c.taints.map((t) => obj([["key", t.key], ...(t.value !== undefined ? [["value", t.value] as const] : []), ["effect", t.effect]]))],
  ]);
}

function render(value: Json, indent: string): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value as readonly Json[];
    if (items.length === 0) return "[]";
    return `[\n${items.map((v) => inner + render(v, inner)).join(",\n")}\n${indent}]`;
  }
  const { entries } = value as JsonObject;
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${render(v, inner)}`).join(",\n")}\n${indent}}`;
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
          ["reschedules", c.reschedules.map((r) => obj([["pod", r.pod], ["to", r.to]]))],
          ["savings", money(c.savings)],
        ]),
      ),
    ],
    ["blocked", plan.blocked.map((b) => obj([["node", b.node], ["code", b.code], ["message", b.message]]))],
    [
      "summary",
      obj([
        ["nodes", plan.summary.nodes],
        ["hourlyCostBefore", money(plan.summary.hourlyCostBefore)],
        ["hourlyCostAfter", money(plan.summary.hourlyCostAfter)],
      ]),
    ],
  ]);
  return render(doc, "");
}

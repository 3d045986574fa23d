/**
 * The `nodefit schedule --output json` document: exactly DESIGN.md's shape, keys in a fixed order, maps
 * with sorted keys, so identical results give byte-identical text.
 *
 * @module
 */
import { resourceListToRecord } from "../resources/index.js";
import type { PlannedNodeClaim, ScheduleResult } from "./types.js";

type Json = null | boolean | number | string | readonly Json[] | JsonObject;
/** Entries in output order; a plain object is never used, so `__proto__` label keys are safe. */
interface JsonObject {
  readonly entries: readonly (readonly [string, Json])[];
}

function obj(entries: readonly (readonly [string, Json])[]): JsonObject {
  return { entries };
}

function sortedMap(map: ReadonlyMap<string, string> | Record<string, string>): JsonObject {
  const pairs = map instanceof Map ? [...(map as ReadonlyMap<string, string>)] : Object.entries(map);
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return obj(pairs);
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
    ["requests", sortedMap(resourceListToRecord(c.requests))],
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
    [
      "taints",
      c.taints.map((t) => obj([["key", t.key], ...(t.value !== undefined ? [["value", t.value] as const] : []), ["effect", t.effect]])),
    ],
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
 * Renders a schedule result as the CLI's JSON document (two-space indentation, no trailing newline).
 *
 * @param result - what {@link schedule} returned
 * @returns the JSON text; identical results give identical text
 * @example
 * ```ts
 * const text = toScheduleJson(schedule(input));
 * JSON.parse(text).summary.newNodeClaims;
 * ```
 */
export function toScheduleJson(result: ScheduleResult): string {
  const doc = obj([
    ["nodeClaims", result.nodeClaims.map(claimJson)],
    ["existingNodes", result.existingNodes.map((n) => obj([["name", n.name], ["pods", n.pods]]))],
    ["unschedulable", result.unschedulable.map((u) => obj([["pod", u.pod], ["code", u.code], ["message", u.message]]))],
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

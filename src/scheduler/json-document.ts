/**
 * The ordered JSON document both CLI outputs are built from: keys in a fixed order, maps with sorted keys,
 * never a plain object (so user keys such as `__proto__` stay data), and node claims in DESIGN.md's shape.
 *
 * @internal
 * @module
 */
import { resourceListToRecord } from "../resources/index.js";
import type { PlannedNodeClaim } from "./types.js";

/** @internal */
export type Json = null | boolean | number | string | readonly Json[] | JsonObject;
/** Entries in output order; a plain object is never used, so `__proto__` label keys are safe. */
export interface JsonObject {
  readonly entries: readonly (readonly [string, Json])[];
}

/** @internal */
export function obj(entries: readonly (readonly [string, Json])[]): JsonObject {
  return { entries };
}

/** @internal */
export function sortedMap(map: ReadonlyMap<string, string> | Record<string, string>): JsonObject {
  const pairs = map instanceof Map ? [...(map as ReadonlyMap<string, string>)] : Object.entries(map);
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return obj(pairs);
}

/** @internal */
export function claimJson(c: PlannedNodeClaim): JsonObject {
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
    ["taints", c.taints.map((t) => obj([["key", t.key], ...(t.value !== undefined ? [["value", t.value] as const] : []), ["effect", t.effect]]))],
  ]);
}

/** @internal */
export function render(value: Json, indent: string): string {
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

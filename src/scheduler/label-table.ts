/**
 * Which catalogue types meet one requirement at label level (as `InstanceType.requirements.intersects`
 * judges a single key), computed once per catalogue and requirement predicate instead of once per narrowing.
 *
 * @module
 */
import type { InstanceType } from "../instance-types/index.js";
import type { Requirement } from "../requirements/index.js";
import { predicateKey } from "./offering-view.js";
import type { CatalogueVectors } from "./vectors.js";

const MAX_TABLES = 4096;
const tables = new WeakMap<CatalogueVectors, Map<string, Uint8Array>>();

function absenceOnly(r: Requirement): boolean {
  const op = r.operator;
  return op === "NotIn" || op === "DoesNotExist";
}

/**
 * Whether a type's labels meet one requirement: the type does not define the key, or its requirement on it
 * intersects, or both only say the label may be absent.
 *
 * @param type - an instance type
 * @param r - a requirement
 * @returns true when the type meets it
 */
export function meetsRequirement(type: InstanceType, r: Requirement): boolean {
  const own = type.requirements;
  if (!own.has(r.key)) return true;
  const mine = own.get(r.key);
  return mine.intersects(r) || (absenceOnly(mine) && absenceOnly(r));
}

/**
 * Per type id, 1 when the type meets the requirement (see {@link meetsRequirement}), else 0.
 *
 * @param vectors - the catalogue
 * @param r - the requirement (minValues does not matter)
 * @returns the table, cached with the catalogue
 */
export function labelTable(vectors: CatalogueVectors, r: Requirement): Uint8Array {
  let byKey = tables.get(vectors);
  if (byKey === undefined) tables.set(vectors, (byKey = new Map()));
  const key = `${r.key}\u0000${predicateKey(r)}`;
  let table = byKey.get(key);
  if (table === undefined) {
    if (byKey.size >= MAX_TABLES) byKey.clear();
    table = new Uint8Array(vectors.types.length);
    vectors.types.forEach((type, id) => {
      table![id] = meetsRequirement(type, r) ? 1 : 0;
    });
    byKey.set(key, table);
  }
  return table;
}

/**
 * A deep copy of parsed manifest data without `null` (or `undefined`) object fields. The API server treats a null
 * field as absent, and tools write them (`creationTimestamp: null`, `resources: {}` with nulls), so
 * the schemas only have to know "absent". Keys are defined, not assigned, so `__proto__` and
 * `constructor` stay ordinary keys; Dates and other class instances are kept as they are.
 *
 * @param value - parsed data; never modified
 * @returns the copy
 * @internal
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== "object" || value === null || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  // Class instances (client-node models) hold their fields as own enumerable properties.
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null || entry === undefined) continue;
    Object.defineProperty(out, key, { value: withoutNulls(entry), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

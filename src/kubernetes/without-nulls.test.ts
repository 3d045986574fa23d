import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { deepFreeze } from "./test-documents.js";
import { withoutNulls } from "./without-nulls.js";

function hasNullField(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullField);
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).some((v) => v === null || hasNullField(v));
}

describe("withoutNulls", () => {
  it("drops null fields at every depth and keeps everything else", () => {
    const date = new Date(0);
    expect(withoutNulls({ a: null, b: { c: null, d: 1 }, e: [{ f: null }, null], g: date })).toEqual({ b: { d: 1 }, e: [{}, null], g: date });
  });

  it("keeps __proto__ as an own key", () => {
    const out = withoutNulls(JSON.parse('{"__proto__": {"polluted": true}, "a": null}')) as Record<string, unknown>;
    expect(Object.getOwnPropertyNames(out)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { polluted?: unknown }).polluted).toBeUndefined();
  });

  test.prop([fc.jsonValue()])("removes every null field, never mutates, and is idempotent", (value) => {
    const frozen = deepFreeze(structuredClone(value));
    const once = withoutNulls(frozen);
    expect(frozen).toEqual(value);
    expect(hasNullField(once)).toBe(false);
    expect(withoutNulls(once)).toEqual(once);
  });
});

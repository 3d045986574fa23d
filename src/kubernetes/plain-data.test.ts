import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { MAX_DOCUMENT_DEPTH, MAX_DOCUMENT_VALUES, MAX_STRING_LENGTH } from "../limits.js";
import { plainData } from "./plain-data.js";
import { deepFreeze } from "./test-documents.js";

function hasNullField(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullField);
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).some((v) => v === null || hasNullField(v));
}

function copied(value: unknown): unknown {
  const result = plainData(value);
  if (!result.ok) throw new Error(`unexpected problem: ${result.problem.message}`);
  return result.value;
}

/** `depth` objects nested inside each other under key `a`. */
function nested(depth: number): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe("plainData", () => {
  it("drops null fields at every depth and keeps everything else", () => {
    const date = new Date(0);
    expect(copied({ a: null, b: { c: null, d: 1 }, e: [{ f: null }, null], g: date, h: 10n })).toEqual({ b: { d: 1 }, e: [{}, null], g: date, h: 10n });
  });

  it("keeps __proto__ as an own key", () => {
    const out = copied(JSON.parse('{"__proto__": {"polluted": true}, "a": null}')) as Record<string, unknown>;
    expect(Object.getOwnPropertyNames(out)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("accepts exactly MAX_DOCUMENT_DEPTH levels and refuses one more, with the path to the deepest level", () => {
    expect(plainData(nested(MAX_DOCUMENT_DEPTH)).ok).toBe(true);
    const result = plainData(nested(MAX_DOCUMENT_DEPTH + 1));
    expect(result).toEqual({
      ok: false,
      problem: { path: Array.from({ length: MAX_DOCUMENT_DEPTH }, () => "a"), message: expect.stringContaining("MAX_DOCUMENT_DEPTH") },
    });
  });

  it("refuses 100,000 levels of nesting without overflowing the stack", () => {
    let list: unknown = [];
    for (let i = 0; i < 100_000; i++) list = [list];
    const result = plainData(list);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/deeper than the limit of 100 levels/);
  });

  it("refuses reference cycles but keeps shared (acyclic) objects", () => {
    const cyclic: Record<string, unknown> = { a: { b: 1 } };
    (cyclic["a"] as Record<string, unknown>)["back"] = cyclic;
    expect(plainData(cyclic)).toEqual({
      ok: false,
      problem: { path: ["a", "back"], message: "refers back to an object that contains it (a reference cycle)" },
    });
    const shared = { x: 1 };
    expect(copied({ a: shared, b: [shared, shared] })).toEqual({ a: { x: 1 }, b: [{ x: 1 }, { x: 1 }] });
  });

  it("refuses strings and keys longer than MAX_STRING_LENGTH", () => {
    const long = "x".repeat(MAX_STRING_LENGTH + 1);
    expect(plainData({ a: [long] })).toEqual({
      ok: false,
      problem: {
        path: ["a", 0],
        message: expect.stringMatching(/^a string of 1,048,577 characters is longer than the limit of 1,048,576 \(MAX_STRING_LENGTH\)$/),
      },
    });
    const result = plainData({ labels: { [long]: "v" } });
    expect(result.ok ? [] : result.problem.path).toEqual(["labels", long]);
    expect(plainData({ a: "x".repeat(MAX_STRING_LENGTH) }).ok).toBe(true);
  });

  it("refuses values that are not data: Maps, Sets, typed arrays, functions, symbols", () => {
    const cases: ReadonlyArray<readonly [unknown, string]> = [
      [new Map([["a", "b"]]), "a Map is not manifest data"],
      [new Set(["a"]), "a Set is not manifest data"],
      [new Uint8Array(2), "a Uint8Array is not manifest data"],
      [() => 1, "a function is not manifest data"],
      [Symbol("s"), "a symbol is not manifest data"],
    ];
    for (const [value, message] of cases) {
      const result = plainData({ metadata: { labels: value } });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problem.path).toEqual(["metadata", "labels"]);
        expect(result.problem.message.startsWith(message)).toBe(true);
      }
    }
  });

  it("reports getters and proxies that throw as problems, never as exceptions", () => {
    const getter = {};
    Object.defineProperty(getter, "spec", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    expect(plainData({ a: getter })).toEqual({ ok: false, problem: { path: ["a", "spec"], message: "cannot be read: boom" } });
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new TypeError("no keys");
        },
      },
    );
    expect(plainData(proxy)).toEqual({ ok: false, problem: { path: [], message: "cannot be read: no keys" } });
    const nasty = {
      get message(): string {
        throw new Error("again");
      },
    };
    const thrower = {};
    Object.defineProperty(thrower, "x", {
      enumerable: true,
      get: () => {
        throw Object.setPrototypeOf(nasty, Error.prototype);
      },
    });
    expect(plainData(thrower)).toEqual({ ok: false, problem: { path: ["x"], message: "cannot be read: it threw a value that cannot be shown" } });
  });

  it("keeps class instances' own fields (client-node models)", () => {
    class V1ObjectMeta {
      name = "a";
      namespace: string | undefined = undefined;
    }
    expect(copied({ metadata: new V1ObjectMeta() })).toEqual({ metadata: { name: "a" } });
  });

  test.prop([fc.jsonValue()])("removes every null field, never mutates, and is idempotent", (value) => {
    const frozen = deepFreeze(structuredClone(value));
    const once = copied(frozen);
    expect(frozen).toEqual(value);
    expect(hasNullField(once)).toBe(false);
    expect(copied(once)).toEqual(once);
  });

  it("counts a shared object once per reference, and every slot of a list (MAX_DOCUMENT_VALUES)", () => {
    // Root, list, then `refs` copies of a list of `n` numbers: 2 + refs × (n + 1) values.
    const n = 999;
    const shared = new Array<number>(n).fill(1);
    const refs = Math.floor((MAX_DOCUMENT_VALUES - 2) / (n + 1));
    expect(plainData({ l: new Array<unknown>(refs).fill(shared) }).ok).toBe(true);
    const over = plainData({ l: new Array<unknown>(refs + 1).fill(shared) });
    expect(over.ok).toBe(false);
    expect(plainData({ l: new Array<unknown>(MAX_DOCUMENT_VALUES - 2) }).ok).toBe(true);
    expect(plainData({ l: new Array<unknown>(MAX_DOCUMENT_VALUES - 1) })).toEqual({
      ok: false,
      problem: { path: ["l"], message: "a list of 999,999 items brings the document past 1,000,000 values (MAX_DOCUMENT_VALUES)" },
    });
  });
});

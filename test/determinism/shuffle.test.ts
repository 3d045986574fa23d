/**
 * Issue 8 (4): the same input gives byte-identical JSON; shuffling the documents, or the items of any
 * list whose order Kubernetes does not define (and the keys of every map), gives the same result; the
 * input is never mutated (it is deep-frozen, so a write would throw).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { KubernetesDocument } from "nodefit/kubernetes";
import { deepFreeze } from "../../src/kubernetes/test-documents.js";
import { consolidationJson, exampleDocuments, scheduleJson } from "../hostile/pipeline.js";

/** Lists that are sets: Kubernetes (or nodefit's catalogue format) gives their order no meaning. */
const UNORDERED_LISTS: ReadonlySet<string> = new Set([
  "requirements",
  "matchExpressions",
  "tolerations",
  "taints",
  "startupTaints",
  "instanceTypes",
  "offerings",
  "items",
  "values",
  "budgets",
  "conditions",
  "wellKnownLabels",
]);
/** Maps: their key order has no meaning. */
const MAPS: ReadonlySet<string> = new Set([
  "labels",
  "annotations",
  "nodeSelector",
  "matchLabels",
  "capacity",
  "allocatable",
  "requests",
  "limits",
  "overhead",
  "kubeReserved",
  "systemReserved",
  "evictionThreshold",
]);

/** A small seeded generator, so a failing shuffle replays from fast-check's seed. */
function generator(seed: number): (n: number) => number {
  let state = seed >>> 0 || 1;
  return (n) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

function shuffled<T>(items: readonly T[], next: (n: number) => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = next(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A copy of `value` with unordered lists and map keys shuffled at every depth. */
function shuffleUnordered(value: unknown, next: (n: number) => number, key = ""): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => shuffleUnordered(item, next));
    return UNORDERED_LISTS.has(key) ? shuffled(items, next) : items;
  }
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, shuffleUnordered(v, next, k)] as const);
  return Object.fromEntries(MAPS.has(key) ? shuffled(entries, next) : entries);
}

function shuffledDocuments(documents: readonly KubernetesDocument[], seed: number): KubernetesDocument[] {
  const next = generator(seed);
  return shuffled(documents, next).map((document) => ({ ...document, object: shuffleUnordered(document.object, next) }));
}

const mixed = deepFreeze(exampleDocuments("mixed"));
const inflate = deepFreeze(exampleDocuments("inflate"));
const consolidation = deepFreeze(exampleDocuments("consolidation"));

describe("determinism", () => {
  const mixedJson = scheduleJson(mixed);
  const inflateJson = scheduleJson(inflate);
  const planJson = consolidationJson(consolidation);

  test.prop([fc.integer()], { numRuns: 15 })(
    "the same frozen input gives byte-identical schedule JSON, whatever the order of documents and unordered lists",
    (seed) => {
      expect(scheduleJson(mixed)).toBe(mixedJson);
      expect(scheduleJson(deepFreeze(shuffledDocuments(mixed, seed)))).toBe(mixedJson);
    },
  );

  test.prop([fc.integer()], { numRuns: 4 })("the embedded AWS catalogue: the same under shuffling", (seed) => {
    expect(scheduleJson(deepFreeze(shuffledDocuments(inflate, seed)))).toBe(inflateJson);
  });

  test.prop([fc.integer()], { numRuns: 4 })("the consolidation plan is the same under shuffling, and never mutates its input", (seed) => {
    expect(consolidationJson(consolidation)).toBe(planJson);
    expect(consolidationJson(deepFreeze(shuffledDocuments(consolidation, seed)))).toBe(planJson);
  });
});

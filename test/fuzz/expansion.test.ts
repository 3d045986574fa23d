/**
 * Issue 18: YAML whose aliases nest and repeat in random ways either loads within MAX_DOCUMENT_VALUES
 * (counted with every alias expanded) or is refused with the documented error naming a limit; the
 * accepted documents are exactly as large as the YAML says, so the budget counts what it claims to.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { MAX_DOCUMENT_VALUES, parseManifests } from "nodefit/kubernetes";
import { isDocumentedError } from "../hostile/pipeline.js";

/** Values in a plain value, counting shared objects once per reference (as the budget does). */
function expandedValues(value: unknown): number {
  if (Array.isArray(value)) return 1 + value.reduce((n: number, v) => n + expandedValues(v), 0);
  if (typeof value === "object" && value !== null) return 1 + Object.values(value).reduce((n: number, v) => n + expandedValues(v), 0);
  return 1;
}

/**
 * Layers of anchors: layer 0 a list of `width` numbers, each later layer a list of `fan` aliases of the
 * layer before. `size` is the document's value count with every alias expanded.
 */
const aliasDocument = fc
  .record({ width: fc.integer({ min: 1, max: 3_000 }), fan: fc.integer({ min: 1, max: 40 }), layers: fc.integer({ min: 1, max: 5 }) })
  .map(({ width, fan, layers }) => {
    let text = `apiVersion: v1\nkind: ConfigMap\nl0: &l0 [${Array.from({ length: width }, (_, i) => i).join(",")}]\n`;
    let layer = 1 + width;
    let size = 3 + layer;
    for (let i = 1; i < layers; i++) {
      text += `l${i}: &l${i} [${Array.from({ length: fan }, () => `*l${i - 1}`).join(", ")}]\n`;
      layer = 1 + fan * layer;
      size += layer;
    }
    return { text, size };
  });

describe("alias expansion", () => {
  test.prop([aliasDocument], { numRuns: 40 })("loads within MAX_DOCUMENT_VALUES or is refused with a documented error", ({ text, size }) => {
    let documents: ReturnType<typeof parseManifests> | undefined;
    try {
      documents = parseManifests(text, "fuzz.yaml");
    } catch (error) {
      expect(isDocumentedError(error)).toBe(true);
      // yaml's own alias check may refuse earlier; past the budget nothing loads.
      expect((error as Error).message).toMatch(/^fuzz\.yaml: document 1: .*(MAX_DOCUMENT_VALUES|Excessive alias count)/);
      return;
    }
    expect(size).toBeLessThanOrEqual(MAX_DOCUMENT_VALUES);
    expect(expandedValues(documents[0]?.object)).toBe(size);
  });
});

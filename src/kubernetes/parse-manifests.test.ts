import { describe, expect, it } from "vitest";
import type { ManifestError } from "./manifest-error.js";
import { parseManifestText, parseManifests } from "./parse-manifests.js";

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect((error as ManifestError).code).toBe("invalid-input");
    return (error as ManifestError).message;
  }
  throw new Error("expected an error");
}

describe("parseManifests", () => {
  it("reads multi-document YAML, numbering documents from 1 and skipping empty ones", () => {
    const text = "apiVersion: v1\nkind: Node\nmetadata: { name: a }\n---\n---\n# comment only\n---\nkind: Pod\n";
    expect(parseManifests(text, "x.yaml")).toEqual([
      { object: { apiVersion: "v1", kind: "Node", metadata: { name: "a" } }, file: "x.yaml", index: 1 },
      { object: { kind: "Pod" }, file: "x.yaml", index: 4 },
    ]);
  });

  it("reads JSON", () => {
    expect(parseManifests('{"apiVersion": "v1", "kind": "Node", "metadata": {"name": "a"}}', "n.json")).toEqual([
      { object: { apiVersion: "v1", kind: "Node", metadata: { name: "a" } }, file: "n.json", index: 1 },
    ]);
  });

  it("reports syntax errors with file, document, line and column", () => {
    const text = "kind: Node\n---\nmetadata:\n  labels: [a, b\nspec: {}\n";
    expect(messageOf(() => parseManifests(text, "bad.yaml"))).toBe(
      "bad.yaml: document 2: line 5, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]",
    );
    expect(messageOf(() => parseManifests("a:\n  b: 1\n c: 2\n", "indent.yaml"))).toBe(
      "indent.yaml: document 1: line 3, column 1: All mapping items must start at the same column",
    );
    expect(messageOf(() => parseManifests("a: 1\na: 2\n", "dup.yaml"))).toBe("dup.yaml: document 1: line 2, column 1: Map keys must be unique");
  });

  it("reports an unresolved alias", () => {
    expect(messageOf(() => parseManifests("x: *nowhere\n", "alias.yaml"))).toMatch(/^alias\.yaml: document 1: /);
  });

  it.each(["", "\n\n", "# nothing here\n", "---\n", "---\n---\n"])("rejects an empty file %j", (text) => {
    expect(messageOf(() => parseManifests(text, "empty.yaml"))).toBe("empty.yaml: is empty: it holds no Kubernetes object");
  });

  it("keeps __proto__ keys as own data", () => {
    const [document] = parseManifestText("metadata:\n  labels:\n    __proto__: x\n", "p.yaml").documents;
    const labels = (document?.object as { metadata: { labels: Record<string, string> } }).metadata.labels;
    expect(Object.getOwnPropertyNames(labels)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
  });
});

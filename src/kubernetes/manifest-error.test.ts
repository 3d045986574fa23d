import { describe, expect, it } from "vitest";
import { ManifestError, describeDocument, formatProblem } from "./manifest-error.js";

describe("describeDocument and formatProblem", () => {
  it.each([
    [{ file: "a.yaml", index: 2, kind: "Deployment", namespace: "default", name: "web" }, "a.yaml: document 2 (Deployment default/web)"],
    [{ file: "a.yaml", index: 1, kind: "Node", name: "n" }, "a.yaml: document 1 (Node n)"],
    [{ index: 3, kind: "Pod" }, "document 3 (Pod)"],
    [{ file: "a.yaml" }, "a.yaml"],
    [{}, "input"],
  ])("%o → %s", (label, text) => {
    expect(describeDocument(label)).toBe(text);
  });

  it("renders path and position", () => {
    expect(formatProblem({ document: { file: "f", index: 1 }, path: ["spec", "containers", 0, "name"], message: "is required" })).toBe(
      "f: document 1: spec.containers[0].name: is required",
    );
    expect(formatProblem({ document: { file: "f", index: 1 }, path: [], message: "bad", position: { line: 3, column: 7 } })).toBe(
      "f: document 1: line 3, column 7: bad",
    );
  });

  it("is an invalid-input error carrying every problem", () => {
    const problems = [
      { document: { index: 1 }, path: ["a"], message: "x" },
      { document: { index: 2 }, path: ["b"], message: "y" },
    ];
    const error = new ManifestError(problems);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("invalid-input");
    expect(error.name).toBe("ManifestError");
    expect(error.path).toEqual(["a"]);
    expect(error.problems).toBe(problems);
    expect(error.message).toBe("document 1: a: x\ndocument 2: b: y");
  });
});

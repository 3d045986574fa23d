import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { arbLabels, arbNodeSelectorRequirement } from "../testing/arbitraries/requirements.js";
import type { StringMap } from "../types/kubernetes.js";
import {
  requirementsFromLabels,
  requirementsFromNodeSelectorRequirements,
  requirementsFromNodeSelectorTerm,
  requirementsFromSelector,
} from "./from-kubernetes.js";
import { Requirement } from "./requirement.js";

function thrown(build: () => unknown): unknown {
  try {
    build();
  } catch (error) {
    return error;
  }
  return expect.unreachable("expected an error");
}

describe("requirementsFromLabels / requirementsFromSelector", () => {
  it("makes one In [value] per label, from an object or a map", () => {
    const labels = { "beta.kubernetes.io/arch": "arm64", team: "a" };
    for (const set of [requirementsFromLabels(labels), requirementsFromSelector(new Map(Object.entries(labels)))]) {
      expect(set.toString()).toBe("kubernetes.io/arch In [arm64], team In [a]");
    }
    expect(requirementsFromLabels(undefined).size).toBe(0);
  });

  it("reads __proto__ and constructor as ordinary label keys", () => {
    const labels = JSON.parse('{"__proto__": "x", "constructor": "y"}') as StringMap;
    const set = requirementsFromLabels(labels);
    expect(set.keys()).toEqual(["__proto__", "constructor"]);
    expect(set.get("__proto__").has("x")).toBe(true);
  });

  it("points at the bad label", () => {
    expect(thrown(() => requirementsFromSelector({ "": "x" }, ["spec", "nodeSelector"]))).toMatchObject({
      code: "invalid-requirement",
      path: ["spec", "nodeSelector", "", "key"],
    });
  });

  test.prop([arbLabels()])("a node's labels satisfy their own requirements", (labels) => {
    const set = requirementsFromLabels(labels);
    for (const [key, value] of labels) expect(set.get(key).has(value)).toBe(true);
    expect(set.size).toBe(labels.size);
  });
});

describe("requirementsFromNodeSelectorRequirements", () => {
  it("intersects entries on the same key and keeps minValues", () => {
    const set = requirementsFromNodeSelectorRequirements([
      { key: "karpenter.sh/capacity-type", operator: "In", values: ["spot", "on-demand", "reserved"], minValues: 2 },
      { key: "karpenter.sh/capacity-type", operator: "NotIn", values: ["reserved"] },
      { key: "example.com/gen", operator: "Gt", values: ["2"] },
      { key: "example.com/gen", operator: "Lt", values: ["6"] },
    ]);
    expect(set.toString()).toBe("example.com/gen Exists >=3 <=5, karpenter.sh/capacity-type In [on-demand spot] minValues 2");
    expect(set.hasMinValues()).toBe(true);
  });

  it("names the bad entry in the error path", () => {
    const error = thrown(() =>
      requirementsFromNodeSelectorRequirements(
        [
          { key: "a", operator: "Exists" },
          { key: "b", operator: "Gt", values: ["x"] },
        ],
        ["spec", "requirements"],
      ),
    );
    expect(error).toMatchObject({
      code: "invalid-requirement",
      message: `requirement "b": operator Gt needs a non-negative integer no larger than ${Number.MAX_SAFE_INTEGER}, got "x"`,
      path: ["spec", "requirements", 1, "values", 0],
    });
  });

  test.prop([fc.array(arbNodeSelectorRequirement(), { maxLength: 4 })])("equals intersecting the entries one by one", (list) => {
    const expected = list
      .map((e) => Requirement.create(e.key, e.operator, e.values ?? [], e.minValues))
      .reduce((acc: Requirement | undefined, r) => (acc === undefined ? r : acc.intersect(r)), undefined);
    const set = requirementsFromNodeSelectorRequirements(list);
    if (expected === undefined) expect(set.size).toBe(0);
    else expect(set.get("example.com/k").equals(expected)).toBe(true);
  });
});

describe("requirementsFromNodeSelectorTerm", () => {
  it("reads matchExpressions and ignores matchFields", () => {
    const set = requirementsFromNodeSelectorTerm({
      matchExpressions: [{ key: "failure-domain.beta.kubernetes.io/zone", operator: "In", values: ["a"] }],
      matchFields: [{ key: "metadata.name", operator: "In", values: ["node-1"] }],
    });
    expect(set.keys()).toEqual(["topology.kubernetes.io/zone"]);
    expect(requirementsFromNodeSelectorTerm(undefined).size).toBe(0);
    expect(requirementsFromNodeSelectorTerm({}).size).toBe(0);
  });

  it("points into matchExpressions", () => {
    expect(thrown(() => requirementsFromNodeSelectorTerm({ matchExpressions: [{ key: "a", operator: "Near" }] }, ["term"]))).toMatchObject({
      path: ["term", "matchExpressions", 0, "operator"],
    });
  });
});

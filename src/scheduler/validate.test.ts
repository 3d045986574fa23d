import { describe, expect, it } from "vitest";
import { WELL_KNOWN_LABELS } from "../requirements/index.js";
import type { NodeSelectorRequirement, PodSpec } from "../types/kubernetes.js";
import { validatePodSpec } from "./validate.js";

const base: PodSpec = { containers: [{ name: "app" }] };
const required = (...expressions: NodeSelectorRequirement[]): PodSpec => ({
  ...base,
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: expressions }] } } },
});
const preferred = (spec: PodSpec, ...expressions: NodeSelectorRequirement[]): PodSpec => ({
  ...spec,
  affinity: {
    nodeAffinity: {
      ...spec.affinity?.nodeAffinity,
      preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: expressions } }],
    },
  },
});
const codeOf = (spec: PodSpec): string | undefined => validatePodSpec(spec, WELL_KNOWN_LABELS)?.code;

describe("validatePodSpec: upstream's ValidateRequirement on the node selector and required terms", () => {
  it("accepts ordinary pods", () => {
    expect(codeOf(base)).toBeUndefined();
    expect(codeOf({ ...base, nodeSelector: { "kubernetes.io/arch": "arm64", team: "a" } })).toBeUndefined();
    expect(codeOf(required({ key: "example.com/gen", operator: "Gt", values: ["5"] }))).toBeUndefined();
  });

  it("refuses a node selector entry that is not a valid label (key or value), as upstream does before scheduling", () => {
    expect(validatePodSpec({ ...base, nodeSelector: { team: "a b" } }, WELL_KNOWN_LABELS)).toEqual({
      code: "invalid-pod",
      message: 'nodeSelector: invalid value "a b" for key team: not a valid label value',
    });
    expect(codeOf({ ...base, nodeSelector: { "-team": "a" } })).toBe("invalid-pod");
  });

  it("refuses capacity types none of which is known, and accepts a list with one known", () => {
    expect(validatePodSpec({ ...base, nodeSelector: { "karpenter.sh/capacity-type": "cheap" } }, WELL_KNOWN_LABELS)?.message).toBe(
      "nodeSelector: no valid values found in [cheap] for karpenter.sh/capacity-type, expected one of: on-demand, spot, reserved",
    );
    expect(codeOf(required({ key: "karpenter.sh/capacity-type", operator: "In", values: ["cheap", "spot"] }))).toBeUndefined();
    expect(codeOf(required({ key: "karpenter.sh/capacity-type", operator: "NotIn", values: ["cheap"] }))).toBeUndefined();
  });

  it("refuses In without values and bounds that are not one non-negative integer", () => {
    expect(codeOf(required({ key: "team", operator: "In", values: [] }))).toBe("invalid-pod");
    expect(codeOf(required({ key: "example.com/gen", operator: "Gt", values: ["-1"] }))).toBe("invalid-pod");
    expect(codeOf(required({ key: "example.com/gen", operator: "Lt", values: ["1", "2"] }))).toBe("invalid-pod");
    expect(codeOf(required({ key: "example.com/gen", operator: "Gte", values: ["x"] }))).toBe("invalid-pod");
  });

  it("keeps restricted labels their own code", () => {
    expect(codeOf({ ...base, nodeSelector: { "kubernetes.io/hostname": "a" } })).toBe("restricted-label");
    expect(codeOf(required({ key: "karpenter.sh/custom", operator: "Exists" }))).toBe("restricted-label");
  });
});

describe("validatePodSpec: upstream's validateKarpenterManagedLabelCanExist over the pod's requirements", () => {
  const excluded = { key: "karpenter.sh/nodepool", operator: "DoesNotExist" } as const;

  it("refuses a pod whose first required term excludes NodePools", () => {
    expect(codeOf(required(excluded))).toBe("nodepool-excluded");
  });

  it("reads the heaviest preferred term too, as scheduling's first pass does", () => {
    expect(codeOf(preferred(base, excluded))).toBe("nodepool-excluded");
  });

  it("refuses requirements that together leave no NodePool", () => {
    const spec = preferred(required({ key: "karpenter.sh/nodepool", operator: "In", values: ["a"] }), {
      key: "karpenter.sh/nodepool",
      operator: "NotIn",
      values: ["a"],
    });
    expect(codeOf(spec)).toBe("nodepool-excluded");
    expect(codeOf(required({ key: "karpenter.sh/nodepool", operator: "In", values: ["a"] }))).toBeUndefined();
  });

  it("is not thrown off by a preferred term the requirement model cannot hold", () => {
    expect(codeOf(preferred(base, { key: "example.com/gen", operator: "Gt", values: ["-1"] }))).toBeUndefined();
  });
});

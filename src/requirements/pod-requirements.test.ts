import { describe, expect, it } from "vitest";
import type { PodSpec, PreferredSchedulingTerm } from "../types/kubernetes.js";
import { hasPreferredNodeAffinity, podRequirements, preferredNodeAffinityTerms } from "./pod-requirements.js";

const prefer = (weight: number, zone: string): PreferredSchedulingTerm => ({
  weight,
  preference: { matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: [zone] }] },
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const spec: PodSpec = deepFreeze({
  containers: [],
  nodeSelector: { "kubernetes.io/arch": "arm64" },
  affinity: {
    nodeAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [prefer(10, "a"), prefer(50, "b"), prefer(50, "c")],
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["a", "b", "c"] }] },
          { matchExpressions: [{ key: "example.com/other", operator: "Exists" }] },
        ],
      },
    },
  },
});

describe("podRequirements", () => {
  it("adds nodeSelector, the heaviest preferred term (first of equal weights) and the first required term", () => {
    expect(podRequirements(spec).toString()).toBe("kubernetes.io/arch In [arm64], topology.kubernetes.io/zone In [b]");
  });

  it("leaves preferences out when strict", () => {
    expect(podRequirements(spec, { strict: true }).toString()).toBe("kubernetes.io/arch In [arm64], topology.kubernetes.io/zone In [a b c]");
  });

  it("does not touch the pod (it is frozen) and sorts preferences stably", () => {
    expect(preferredNodeAffinityTerms(spec).map((t) => t.weight)).toEqual([50, 50, 10]);
    expect(preferredNodeAffinityTerms(spec)[0]).toBe(spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.[1]);
    expect(spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.map((t) => t.weight)).toEqual([10, 50, 50]);
  });

  it("can make requirements that no node satisfies", () => {
    const conflicting: PodSpec = {
      containers: [],
      nodeSelector: { "topology.kubernetes.io/zone": "z" },
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["a"] }] }],
          },
        },
      },
    };
    expect(podRequirements(conflicting).get("topology.kubernetes.io/zone").isEmpty()).toBe(true);
  });

  it("is empty for a pod without constraints", () => {
    expect(podRequirements({ containers: [] }).size).toBe(0);
    expect(hasPreferredNodeAffinity({ containers: [] })).toBe(false);
    expect(hasPreferredNodeAffinity(spec)).toBe(true);
  });

  it("names the bad field of the heaviest preferred term", () => {
    const bad: PodSpec = {
      containers: [],
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [prefer(1, "a"), { weight: 2, preference: { matchExpressions: [{ key: "k", operator: "In" }] } }],
        },
      },
    };
    expect(() => podRequirements(bad)).toThrow('requirement "k": operator In needs at least one value');
    try {
      podRequirements(bad);
    } catch (error) {
      expect(error).toMatchObject({
        path: ["affinity", "nodeAffinity", "preferredDuringSchedulingIgnoredDuringExecution", 1, "preference", "matchExpressions", 0, "values"],
      });
    }
    expect(podRequirements(bad, { strict: true }).size).toBe(0);
  });
});

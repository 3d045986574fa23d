/**
 * An existing node its bound pods already overfill takes no pod, not even one that requests none of the
 * overfilled resource: upstream's `resources.Fits` (pkg/utils/resources) answers false as soon as any remaining
 * amount is negative. Found by the property "no hard requirement, taint or anti-affinity is broken".
 */
import { describe, expect, it } from "vitest";
import { node, placement, pod, run } from "../scenarios/helpers.js";

describe("an overfilled existing node", () => {
  const existing = node("full", { allocatable: { cpu: "1", memory: "4Gi", pods: "10" } });
  const bound = pod("bound", { requests: { cpu: "1500m" }, nodeName: "full" });

  it("takes no pod while bound pods overfill it, even one requesting no cpu", () => {
    const result = run({ pods: [pod("light", { requests: { memory: "64Mi" } })], nodes: [existing], boundPods: [bound] });
    expect(result.existingNodes).toEqual([]);
    expect(placement(result).get("default/light")).toMatch(/^default-/);
  });

  it("takes the same pod once the bound pods fit", () => {
    const fitting = pod("bound", { requests: { cpu: "500m" }, nodeName: "full" });
    const result = run({ pods: [pod("light", { requests: { memory: "64Mi" } })], nodes: [existing], boundPods: [fitting] });
    expect(placement(result).get("default/light")).toBe("full");
  });
});

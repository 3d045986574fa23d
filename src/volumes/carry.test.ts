import { describe, expect, test } from "vitest";
import type { Pod } from "../types/kubernetes.js";
import { volumeAlternativesOf, withVolumeAlternatives } from "./carry.js";
import { podVolumeRequirements } from "./topology.js";
import { indexVolumeObjects } from "./volume-index.js";

const ZONE = "topology.kubernetes.io/zone";
const pod = (claims: readonly string[]): Pod => ({
  metadata: { name: "p", namespace: "ns" },
  spec: { containers: [{}], volumes: claims.map((claimName, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName } })) },
});
const index = indexVolumeObjects({
  persistentVolumeClaims: [{ metadata: { name: "c", namespace: "ns" }, spec: { storageClassName: "sc" } }],
  storageClasses: [
    {
      metadata: { name: "sc" },
      provisioner: "p",
      volumeBindingMode: "WaitForFirstConsumer",
      allowedTopologies: [{ matchLabelExpressions: [{ key: ZONE, values: ["a"] }] }, { matchLabelExpressions: [{ key: ZONE, values: ["b"] }] }],
    },
  ],
});

describe("withVolumeAlternatives", () => {
  const r = podVolumeRequirements(pod(["c"]), index);
  const alternatives = r.ok ? r.alternatives : [];

  test("the fixture has two alternatives", () => {
    expect(alternatives).toHaveLength(2);
  });

  test("the alternatives ride beside the spec: the affinity, the JSON and the input are untouched, copies keep them", () => {
    const p = pod(["c"]);
    const before = JSON.stringify(p);
    const carried = withVolumeAlternatives(p, alternatives);
    expect(volumeAlternativesOf(carried.spec)).toBe(alternatives);
    expect(JSON.stringify(carried)).toBe(before);
    expect(volumeAlternativesOf(p.spec)).toEqual([]);
    // Relaxation and unbinding copy the spec with a spread.
    expect(volumeAlternativesOf({ ...carried.spec, tolerations: [] })).toBe(alternatives);
  });

  test("no alternatives: the same pod object", () => {
    const p = pod([]);
    expect(withVolumeAlternatives(p, [])).toBe(p);
  });
});

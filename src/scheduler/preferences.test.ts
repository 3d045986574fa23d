import { describe, expect, test } from "vitest";
import type { Pod } from "../types/kubernetes.js";
import { relax } from "./preferences.js";

const term = (zone: string) => ({ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: [zone] }] });
const podAffinityTerm = { labelSelector: { matchLabels: { a: "b" } }, topologyKey: "kubernetes.io/hostname" };

const full: Pod = Object.freeze({
  metadata: { name: "p" },
  spec: {
    containers: [],
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term("a"), term("b")] },
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 1, preference: term("c") },
          { weight: 5, preference: term("d") },
        ],
      },
      podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm }] },
      podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm }] },
    },
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "z", whenUnsatisfiable: "ScheduleAnyway" }],
  },
});

describe("relax", () => {
  test("applies upstream's steps in order, one at a time, never touching the input", () => {
    const before = JSON.stringify(full);
    const steps: string[] = [];
    let pod: Pod = full;
    for (let r = relax(pod, true); r !== undefined; r = relax(pod, true)) {
      steps.push(r.step);
      pod = r.pod;
    }
    expect(steps).toEqual([
      "required-node-affinity-term",
      "preferred-pod-affinity",
      "preferred-pod-anti-affinity",
      "preferred-node-affinity",
      "preferred-node-affinity",
      "schedule-anyway-spread",
      "tolerate-prefer-no-schedule",
    ]);
    expect(JSON.stringify(full)).toBe(before);
    expect(pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms).toEqual([term("b")]);
  });

  test("the heaviest preferred node-affinity term goes first", () => {
    let pod: Pod = full;
    for (let i = 0; i < 4; i++) pod = relax(pod, false)!.pod;
    expect(pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution).toEqual([{ weight: 1, preference: term("c") }]);
  });

  test("without a PreferNoSchedule NodePool the last step is skipped", () => {
    const bare: Pod = { metadata: { name: "p" }, spec: { containers: [] } };
    expect(relax(bare, false)).toBeUndefined();
    expect(relax(bare, true)?.pod.spec.tolerations).toEqual([{ operator: "Exists", effect: "PreferNoSchedule" }]);
  });
});

import { describe, expect, it } from "vitest";
import { NOW_MS, pod } from "../../test/consolidation/fixtures.js";
import { isDoNotDisruptActive, isReschedulable } from "./pods.js";

const dnd = (value: string, started?: string) => {
  const p = pod("p", { node: "n1", annotations: { "karpenter.sh/do-not-disrupt": value }, ...(started === undefined ? {} : { created: started }) });
  return p;
};

describe("isReschedulable", () => {
  it.each([
    ["a ReplicaSet pod", pod("a", { node: "n" }), true],
    ["a DaemonSet pod", pod("a", { node: "n", owner: "DaemonSet" }), false],
    ["a mirror pod", pod("a", { node: "n", owner: "Node" }), false],
    ["a finished pod", pod("a", { node: "n", phase: "Succeeded" }), false],
    ["a terminating Deployment pod", { ...pod("a", { node: "n" }), metadata: { ...pod("a").metadata, deletionTimestamp: "2024-01-01T00:00:00Z" } }, false],
    [
      "a terminating StatefulSet pod",
      {
        ...pod("a", { node: "n", owner: "StatefulSet" }),
        metadata: { ...pod("a", { owner: "StatefulSet" }).metadata, deletionTimestamp: "2024-01-01T00:00:00Z" },
      },
      true,
    ],
  ])("%s → %s", (_, p, expected) => expect(isReschedulable(p)).toBe(expected));
});

describe("isDoNotDisruptActive", () => {
  it("true always blocks", () => expect(isDoNotDisruptActive(dnd("true"), NOW_MS)).toBe(true));
  it("a duration blocks only while the pod is younger", () => {
    expect(isDoNotDisruptActive(dnd("10m", "2024-06-01T11:55:00Z"), NOW_MS)).toBe(true);
    expect(isDoNotDisruptActive(dnd("10m", "2024-06-01T11:50:00Z"), NOW_MS)).toBe(false);
    expect(isDoNotDisruptActive(dnd("1h"), NOW_MS)).toBe(false);
  });
  it("prefers status.startTime over the creation time", () => {
    const p = { ...dnd("10m", "2024-06-01T10:00:00Z"), status: { phase: "Running", startTime: "2024-06-01T11:58:00Z" } };
    expect(isDoNotDisruptActive(p, NOW_MS)).toBe(true);
  });
  it("ignores invalid values and finished pods", () => {
    expect(isDoNotDisruptActive(dnd("yes"), NOW_MS)).toBe(false);
    expect(isDoNotDisruptActive({ ...dnd("true"), status: { phase: "Failed" } }, NOW_MS)).toBe(false);
  });
});

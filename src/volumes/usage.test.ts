import { describe, expect, test } from "vitest";
import type { Pod } from "../types/kubernetes.js";
import { csiNodeLimits, exceedsVolumeLimits, NodeVolumeLimits, podDriverVolumes, SharedVolumeUsage } from "./usage.js";
import { indexVolumeObjects } from "./volume-index.js";

const pod = (name: string, claims: readonly string[], nodeName?: string): Pod => ({
  metadata: { name, namespace: "ns" },
  spec: {
    containers: [{}],
    ...(nodeName === undefined ? {} : { nodeName }),
    volumes: claims.map((claimName, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName } })),
  },
});

describe("volume usage", () => {
  const objects = {
    persistentVolumeClaims: [
      { metadata: { name: "a", namespace: "ns" }, spec: { volumeName: "pv-a" } },
      { metadata: { name: "b", namespace: "ns" }, spec: { storageClassName: "intree" } },
      { metadata: { name: "c", namespace: "ns" }, spec: { storageClassName: "csi" } },
    ],
    persistentVolumes: [{ metadata: { name: "pv-a" }, spec: { awsElasticBlockStore: { volumeID: "vol-1" } } }],
    storageClasses: [
      { metadata: { name: "intree" }, provisioner: "kubernetes.io/aws-ebs" },
      { metadata: { name: "csi" }, provisioner: "example.com/csi" },
    ],
  };

  test("drivers come from the bound volume or the class, in-tree names translated; missing claims are skipped", () => {
    const v = podDriverVolumes(pod("p", ["a", "b", "c", "missing"]), indexVolumeObjects(objects));
    expect([...v].map(([d, keys]) => [d, [...keys]])).toEqual([
      ["ebs.csi.aws.com", ["ns/a", "ns/b"]],
      ["example.com/csi", ["ns/c"]],
    ]);
  });

  test("limits: allocatable without a count reads as 0; drivers without allocatable have none", () => {
    const limits = csiNodeLimits({
      metadata: { name: "n" },
      spec: { drivers: [{ name: "x", allocatable: {} }, { name: "y" }, { name: "z", allocatable: { count: 3 } }] },
    });
    expect([...limits]).toEqual([
      ["x", 0],
      ["z", 3],
    ]);
  });

  test("the union is counted: a claim already attached counts once", () => {
    const inUse = new Map([["d", new Set(["ns/a", "ns/b"])]]);
    expect(exceedsVolumeLimits(inUse, new Map([["d", 2]]), new Map([["d", new Set(["ns/a"])]]))).toBeUndefined();
    expect(exceedsVolumeLimits(inUse, new Map([["d", 2]]), new Map([["d", new Set(["ns/c"])]]))).toEqual({ driver: "d", count: 3, limit: 2 });
  });

  test("NodeVolumeLimits counts bound pods, then placed pods; nodes without a CSINode are unlimited", () => {
    const state = NodeVolumeLimits.build(
      { ...objects, csiNodes: [{ metadata: { name: "n1" }, spec: { drivers: [{ name: "ebs.csi.aws.com", allocatable: { count: 2 } }] } }] },
      [pod("bound", ["a"], "n1")],
    );
    expect(state?.check("n1", pod("p1", ["b"]))).toBeUndefined();
    state?.add("n1", pod("p1", ["b"]));
    expect(state?.check("n1", pod("p2", ["b"]))).toBeUndefined();
    expect(state?.check("n1", pod("p3", ["a", "b", "c"]))).toBeUndefined();
    expect(state?.check("n2", pod("p4", ["b"]))).toBeUndefined();
    expect(NodeVolumeLimits.build(objects, [])).toBeUndefined();
  });

  test("a pod over the limit is refused with the driver and the counts", () => {
    const state = NodeVolumeLimits.build(
      { ...objects, csiNodes: [{ metadata: { name: "n1" }, spec: { drivers: [{ name: "ebs.csi.aws.com", allocatable: { count: 1 } }] } }] },
      [pod("bound", ["a"], "n1")],
    );
    expect(state?.check("n1", pod("p", ["b"]))).toBe("would exceed the volume limit of ebs.csi.aws.com (2 > 1) for ns/p");
  });

  test("runs sharing one usage start from the running pods only: a run's placements stay its own", () => {
    const limited = { ...objects, csiNodes: [{ metadata: { name: "n1" }, spec: { drivers: [{ name: "ebs.csi.aws.com", allocatable: { count: 1 } }] } }] };
    const shared = new SharedVolumeUsage();
    const running = [pod("bound", ["a"], "n1")];
    const first = NodeVolumeLimits.buildShared(limited, running, shared);
    first?.add("n1", pod("p1", ["b"]));
    expect(first?.check("n1", pod("p2", ["a"]))).toBe("would exceed the volume limit of ebs.csi.aws.com (2 > 1) for ns/p2");
    // The same pods in a new list: the next run has only the running pod's claim on n1.
    const second = NodeVolumeLimits.buildShared(limited, [...running], shared);
    expect(second?.check("n1", pod("p2", ["a"]))).toBeUndefined();
  });
});

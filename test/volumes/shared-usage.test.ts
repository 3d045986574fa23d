/**
 * The CSI volume usage a model keeps across runs (`SharedVolumeUsage`) gives every run the answers a fresh
 * `NodeVolumeLimits.build` gives: whatever pods start, stop or repeat between runs, whether the running-pod
 * list is the same array or a new one, and whatever the earlier runs placed (a run's `add` is its own).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { Pod } from "../../src/types/kubernetes.js";
import type { VolumeObjects } from "../../src/volumes/index.js";
import { NodeVolumeLimits, SharedVolumeUsage } from "../../src/volumes/usage.js";
import { claim, storageClass } from "./fixtures.js";

const DRIVER = "example.com/csi";
const NODES = ["n0", "n1", "n2"];
const CLAIMS = ["c0", "c1", "c2", "c3", "c4", "c5"];

function objectsWith(limits: readonly number[]): VolumeObjects {
  return {
    persistentVolumeClaims: CLAIMS.map((name) => claim(name, { storageClassName: "csi" })),
    storageClasses: [storageClass("csi", { provisioner: DRIVER, bindingMode: "WaitForFirstConsumer" })],
    // n2 has no CSINode limit: it is never counted.
    csiNodes: limits.map((count, i) => ({ metadata: { name: NODES[i] ?? "" }, spec: { drivers: [{ name: DRIVER, allocatable: { count } }] } })),
  };
}

function podOf(name: string, claims: readonly string[], nodeName: string | undefined): Pod {
  return {
    metadata: { name, namespace: "default" },
    spec: {
      containers: [{ name: "app" }],
      ...(nodeName === undefined ? {} : { nodeName }),
      volumes: claims.map((claimName, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName } })),
    },
  };
}

const arbPod = fc.record({ claims: fc.subarray(CLAIMS, { maxLength: 3 }), node: fc.constantFrom(...NODES) });
const arbRun = fc.record({
  /** Positions in the pod pool running in this run (a pod object keeps its node; moving is another object). */
  running: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
  /** The previous run's list itself, as a consolidation plan's simulations hand it over. */
  sameList: fc.boolean(),
  /** A copy of the storage objects (a storage event in a long-lived cluster). */
  newObjects: fc.boolean(),
  /** Pods the run places, in order: checked, then added where they fit. */
  placed: fc.array(arbPod, { maxLength: 6 }),
});

describe("shared CSI volume usage", () => {
  test.prop(
    [
      fc.array(arbPod, { minLength: 10, maxLength: 10 }),
      fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 2 }),
      fc.array(arbRun, { minLength: 1, maxLength: 8 }),
    ],
    {
      numRuns: 150,
    },
  )("every run answers as a fresh build", (pool, limits, runs) => {
    const pods = pool.map((p, i) => podOf(`run-${i}`, p.claims, p.node));
    const shared = new SharedVolumeUsage();
    let objects = objectsWith(limits);
    let list: readonly Pod[] = [];
    runs.forEach((run, r) => {
      if (run.newObjects) objects = { ...objects };
      if (!run.sameList || r === 0) list = run.running.map((i) => pods[i] as Pod);
      const reused = NodeVolumeLimits.buildShared(objects, list, shared);
      const fresh = NodeVolumeLimits.build(objects, [...list]);
      expect(reused === undefined).toBe(fresh === undefined);
      if (reused === undefined || fresh === undefined) return;
      run.placed.forEach((p, i) => {
        const pod = podOf(`placed-${r}-${i}`, p.claims, undefined);
        for (const node of NODES) expect(reused.check(node, pod)).toBe(fresh.check(node, pod));
        if (fresh.check(p.node, pod) !== undefined) return;
        reused.add(p.node, pod);
        fresh.add(p.node, pod);
      });
    });
  });
});

/**
 * Issue 15 property: a pod never lands outside its volumes' zones, whatever the mix of bound volumes,
 * WaitForFirstConsumer classes, zone affinity and spread.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { Pod } from "../../src/types/kubernetes.js";
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../../src/types/storage.js";
import { managedNode, req, requiredTerms, run } from "../scenarios/helpers.js";
import { claim, podWithClaims, storageClass, volume, ZONE } from "./fixtures.js";

const ZONES = ["test-zone-1", "test-zone-2", "test-zone-3"];
const arbZones = fc.subarray(ZONES, { minLength: 1, maxLength: 2 });

const arbVolumeUse = fc.record({ bound: fc.boolean(), zones: arbZones });
const arbPod = fc.record({
  volumes: fc.array(arbVolumeUse, { minLength: 1, maxLength: 2 }),
  affinity: fc.option(arbZones, { nil: undefined }),
  spread: fc.boolean(),
  cpu: fc.constantFrom("100m", "1", "3"),
});

describe("volume topology properties", () => {
  test.prop([fc.array(arbPod, { minLength: 1, maxLength: 5 }), fc.subarray(ZONES)], { numRuns: 40 })(
    "a pod never lands outside its volumes' zones",
    (specs, nodeZones) => {
      const claims: PersistentVolumeClaim[] = [];
      const volumes: PersistentVolume[] = [];
      const classes: StorageClass[] = [];
      const allowed = new Map<string, Set<string>>();
      const pods: Pod[] = specs.map((s, i) => {
        const names = s.volumes.map((v, j) => {
          const name = `c-${i}-${j}`;
          if (v.bound) {
            volumes.push(volume(`pv-${i}-${j}`, { zones: v.zones }));
            claims.push(claim(name, { volumeName: `pv-${i}-${j}` }));
          } else {
            classes.push(storageClass(`sc-${i}-${j}`, { zones: v.zones, bindingMode: "WaitForFirstConsumer" }));
            claims.push(claim(name, { storageClassName: `sc-${i}-${j}` }));
          }
          return name;
        });
        // A pod may only go where every one of its volumes can be.
        allowed.set(`default/p-${i}`, new Set(ZONES.filter((z) => s.volumes.every((v) => v.zones.includes(z)))));
        return podWithClaims(`p-${i}`, names, {
          requests: { cpu: s.cpu },
          labels: { app: "x" },
          ...(s.affinity === undefined ? {} : { affinity: requiredTerms([req(ZONE, "In", ...s.affinity)]) }),
          ...(s.spread
            ? {
                topologySpreadConstraints: [
                  { maxSkew: 1, topologyKey: ZONE, whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "x" } } },
                ],
              }
            : {}),
        });
      });
      // Existing nodes in some zones, each with room for a pod or two: the alternatives narrow them too.
      const nodes = nodeZones.map((zone, i) =>
        managedNode(`node-${i}`, "default", { labels: { [ZONE]: zone }, allocatable: { cpu: "4", memory: "8Gi", pods: "10" } }),
      );
      const result = run({ pods, nodes, volumes: { persistentVolumeClaims: claims, persistentVolumes: volumes, storageClasses: classes } });
      for (const c of result.nodeClaims) for (const p of c.pods) expect(allowed.get(p)?.has(c.zone)).toBe(true);
      for (const n of result.existingNodes) for (const p of n.pods) expect(allowed.get(p)?.has(nodeZones[Number(n.name.slice(5))] ?? "")).toBe(true);
      expect(result.summary.scheduled + result.unschedulable.length).toBe(pods.length);
    },
  );
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { node } from "../../src/testing/builders.js";
import { buildClusterBase, clusterFromBase } from "../../src/scheduler/cluster.js";

const POOLS = ["a", "b", "c"] as const;

/** Nodes in up to three NodePools (some in none), with varied resources, some only on a few nodes. */
const arbNodes = fc
  .array(
    fc.record({
      pool: fc.option(fc.constantFrom(...POOLS), { nil: undefined }),
      cpu: fc.integer({ min: 1, max: 64 }),
      memoryGi: fc.integer({ min: 1, max: 512 }),
      gpus: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((specs) =>
    specs.map((s, i) =>
      node(`n${i}`, {
        ...(s.pool === undefined ? {} : { nodePool: s.pool }),
        allocatable: { cpu: String(s.cpu), memory: `${s.memoryGi}Gi`, pods: "110", ...(s.gpus === undefined ? {} : { "nvidia.com/gpu": String(s.gpus) }) },
      }),
    ),
  );

describe("clusterFromBase", () => {
  test.prop([arbNodes.chain((nodes) => fc.tuple(fc.constant(nodes), fc.subarray(nodes.map((n) => n.metadata.name ?? ""))))])(
    "a simulation's NodePool usage equals the usage of a base built without its removed nodes",
    ([nodes, removedNames]) => {
      const removed = new Set(removedNames);
      const simulated = clusterFromBase(buildClusterBase(nodes, [], [], []), new Set(), removed).poolUsage;
      const fresh = clusterFromBase(
        buildClusterBase(
          nodes.filter((n) => !removed.has(n.metadata.name ?? "")),
          [],
          [],
          [],
        ),
      ).poolUsage;
      // Read as the limits read it: a missing pool or resource is 0.
      for (const pool of POOLS) {
        for (const resource of ["cpu", "memory", "pods", "nvidia.com/gpu", "nodes"]) {
          expect(simulated.get(pool)?.get(resource) ?? 0).toBe(fresh.get(pool)?.get(resource) ?? 0);
        }
      }
    },
  );
});

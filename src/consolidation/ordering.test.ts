import { CatalogLookup } from "./catalog-lookup.js";
import { ClusterModel } from "../scheduler/cluster-model.js";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { catalog, node, NOW_MS, pod, pool } from "../../test/consolidation/fixtures.js";
import { InstanceTypeIndex } from "../instance-types/index.js";
import type { NodePool, Pod } from "../types/kubernetes.js";
import { toCandidate, type Candidate } from "./candidates.js";
import { nodeState } from "./cluster.js";
import type { PlanContext } from "./context.js";
import { largestPrefix } from "./methods/multi-node.js";
import { resolveConsolidationOptions } from "./options.js";
import { interleaveByPool, sortCandidates, sortDrifted } from "./ordering.js";

const types = catalog();
const pools = new Map<string, NodePool>([
  ["default", pool("default")],
  ["other", pool("other")],
]);
const ctx: PlanContext = {
  options: resolveConsolidationOptions({ now: new Date(NOW_MS) }),
  pools,
  nodePools: [...pools.values()],
  catalog: new CatalogLookup(types),
  index: InstanceTypeIndex.build(types),
  model: new ClusterModel(),
  daemonSets: [],
  pdbs: [],
  work: { left: Number.MAX_SAFE_INTEGER },
};

function candidate(name: string, type: string, pods: readonly Pod[], poolName = "default", created?: string): Candidate {
  return toCandidate(
    nodeState(node(name, { type, pool: poolName, ...(created === undefined ? {} : { created }) }), undefined, pods, ctx.pools, ctx.catalog),
    ctx,
  );
}

describe("candidate costs and order", () => {
  it("computes price, reschedule cost, savings ratio and disruption cost", () => {
    const pods = [pod("x", { node: "a" }), pod("y", { node: "a", owner: "DaemonSet" })];
    const c = candidate("a", "c-4x", pods, "default", "2024-05-17T12:00:00Z");
    expect(c).toMatchObject({ price: 0.2, rescheduleCost: 2, savingsRatio: 0.1, empty: false });
    // two pods of cost 1, half of the default 720h lifetime left
    expect(c.disruptionCost).toBeCloseTo(1, 9);
    // past expireAfter a node costs nothing to disrupt
    expect(candidate("b", "c-4x", pods, "default", "2024-04-01T00:00:00Z").disruptionCost).toBe(0);
  });

  it("sorts by savings ratio, best first, then disruption cost and name", () => {
    const a = candidate("a", "c-4x", [pod("x", { node: "a" })]); // 0.2 / 2
    const b = candidate("b", "c-8x", [pod("x", { node: "b" }), pod("y", { node: "b" }), pod("z", { node: "b" })]); // 0.4 / 4
    const c = candidate("c", "c-16x", [pod("x", { node: "c" })]); // 0.8 / 2
    const d = candidate("d", "c-2x", []); // 0.1 / 1
    expect(sortCandidates([a, b, c, d]).map((x) => x.name)).toEqual(["c", "a", "b", "d"]);
  });

  it("interleaves NodePools round-robin", () => {
    const list = [
      candidate("a1", "c-16x", [], "default"),
      candidate("a2", "c-8x", [], "default"),
      candidate("a3", "c-4x", [], "default"),
      candidate("b1", "c-2x", [], "other"),
    ];
    expect(interleaveByPool(sortCandidates(list)).map((c) => c.name)).toEqual(["a1", "b1", "a2", "a3"]);
  });

  it("orders drifted nodes empty first, then oldest", () => {
    const busy = candidate("busy", "c-2x", [pod("x", { node: "busy" })], "default", "2024-01-01T00:00:00Z");
    const young = candidate("young", "c-2x", [], "default", "2024-05-30T00:00:00Z");
    const old = candidate("old", "c-2x", [], "default", "2024-02-01T00:00:00Z");
    expect(sortDrifted([busy, young, old]).map((c) => c.name)).toEqual(["old", "young", "busy"]);
  });

  const shapes = fc.array(
    fc.record({ type: fc.constantFrom("c-1x", "c-2x", "c-4x", "c-8x", "c-16x"), pods: fc.nat({ max: 4 }), pool: fc.constantFrom("default", "other") }),
    {
      maxLength: 12,
    },
  );
  const build = (xs: { type: string; pods: number; pool: string }[]) =>
    xs.map((x, i) =>
      candidate(
        `n${i}`,
        x.type,
        Array.from({ length: x.pods }, (_, j) => pod(`p${j}`, { node: `n${i}` })),
        x.pool,
      ),
    );

  test.prop([shapes])("sorting is a permutation with non-increasing savings ratio", (xs) => {
    const sorted = sortCandidates(build(xs));
    expect(sorted.map((c) => c.name).sort()).toEqual(
      build(xs)
        .map((c) => c.name)
        .sort(),
    );
    for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1]!.savingsRatio).toBeGreaterThanOrEqual(sorted[i]!.savingsRatio);
  });

  test.prop([shapes])("interleaving keeps each pool's order and every candidate", (xs) => {
    const sorted = sortCandidates(build(xs));
    const mixed = interleaveByPool(sorted);
    expect(mixed).toHaveLength(sorted.length);
    for (const p of ["default", "other"]) {
      expect(mixed.filter((c) => c.poolName === p).map((c) => c.name)).toEqual(sorted.filter((c) => c.poolName === p).map((c) => c.name));
    }
  });
});

describe("largestPrefix (multi-node binary search)", () => {
  const cands = (n: number) => Array.from({ length: n }, (_, i) => candidate(`n${i}`, "c-2x", []));

  test.prop([fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 101 })])(
    "finds the largest valid prefix of length ≥ 2 when validity is monotone",
    (n, k) => {
      let calls = 0;
      const found = largestPrefix(cands(n), (prefix) => {
        calls++;
        return prefix.length <= k ? prefix.length : undefined;
      });
      const expected = Math.min(n, k) >= 2 ? Math.min(n, k) : undefined;
      expect(found).toBe(expected);
      expect(calls).toBeLessThanOrEqual(Math.ceil(Math.log2(Math.max(n, 2))) + 1);
    },
  );

  it("never tries a single node", () => {
    const seen: number[] = [];
    largestPrefix(cands(5), (p) => {
      seen.push(p.length);
      return undefined;
    });
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(2);
  });
});

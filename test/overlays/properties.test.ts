/**
 * Issue 15 properties of `applyNodeOverlays`: prices never go negative; an overlay that matches nothing
 * changes nothing; the input catalogue is never changed.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { applyNodeOverlays } from "../../src/overlays/index.js";
import { ARB_ZONES, arbCatalog } from "../../src/testing/arbitraries/instance-types.js";
import type { NodePool } from "../../src/types/kubernetes.js";
import type { NodeOverlay } from "../../src/types/node-overlay.js";

const arbChange: fc.Arbitrary<{ price: string } | { priceAdjustment: string }> = fc.oneof(
  fc.double({ min: 0, max: 50, noNaN: true }).map((x) => ({ price: x.toFixed(3) })),
  fc.double({ min: -50, max: 50, noNaN: true }).map((x) => ({ priceAdjustment: `${x < 0 ? "-" : "+"}${Math.abs(x).toFixed(3)}` })),
  fc.integer({ min: 0, max: 100 }).map((x) => ({ priceAdjustment: `-${x}%` })),
  fc.integer({ min: 0, max: 500 }).map((x) => ({ priceAdjustment: `+${x}%` })),
);

const POOLS = ["p1", "p2", "p3"];
/** NodePools given (or not) to evaluate overlays per NodePool; p2 carries a template label overlays may name. */
const arbPools: fc.Arbitrary<NodePool[] | undefined> = fc.option(
  fc.subarray(POOLS, { minLength: 1 }).map((names) =>
    names.map((name) => ({
      metadata: { name },
      spec: { template: { ...(name === "p2" ? { metadata: { labels: { team: "x" } } } : {}), spec: { requirements: [] } } },
    })),
  ),
  { nil: undefined },
);

const arbOverlay: fc.Arbitrary<NodeOverlay> = fc
  .record({
    name: fc.constantFrom("a", "b", "c", "d"),
    weight: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    zones: fc.subarray([...ARB_ZONES]),
    pools: fc.subarray(POOLS),
    team: fc.boolean(),
    change: arbChange,
  })
  .map(({ name, weight, zones, pools, team, change }) => ({
    metadata: { name },
    spec: {
      requirements: [
        ...(zones.length > 0 ? [{ key: "topology.kubernetes.io/zone", operator: "In", values: zones }] : []),
        ...(pools.length > 0 ? [{ key: "karpenter.sh/nodepool", operator: "In", values: pools }] : []),
        ...(team ? [{ key: "team", operator: "In", values: ["x"] }] : []),
      ],
      ...(weight === undefined ? {} : { weight }),
      ...change,
    },
  }));

describe("applyNodeOverlays properties", () => {
  test.prop([arbCatalog(4), fc.array(arbOverlay, { maxLength: 4 }), arbPools], { numRuns: 60 })(
    "overlays never make a price negative",
    (catalogue, overlays, pools) => {
      const { instanceTypes } = applyNodeOverlays(catalogue, overlays, pools);
      for (const t of instanceTypes) for (const o of t.offerings) expect(o.price).toBeGreaterThanOrEqual(0);
    },
  );

  test.prop([arbCatalog(4), arbChange, arbPools], { numRuns: 60 })("an overlay that matches nothing changes nothing", (catalogue, change, pools) => {
    const nothing: NodeOverlay = {
      metadata: { name: "nothing" },
      spec: {
        requirements: [{ key: "node.kubernetes.io/instance-type", operator: "In", values: ["no-such-type"] }],
        ...change,
        capacity: { "example.com/fpga": "4" },
      },
    };
    const result = applyNodeOverlays(catalogue, [nothing], pools);
    expect(result.instanceTypes).toEqual(catalogue);
    expect(result.instanceTypes.every((t, i) => t === catalogue[i])).toBe(true);
    expect(result.applied).toEqual([{ overlay: "nothing", instanceTypes: [] }]);
  });

  test.prop([arbCatalog(4), fc.array(arbOverlay, { maxLength: 4 }), arbPools], { numRuns: 40 })(
    "the input catalogue is never changed",
    (catalogue, overlays, pools) => {
      const before = catalogue.map((t) => [t.name, [...t.capacity], t.offerings.map((o) => o.price)]);
      applyNodeOverlays(catalogue, overlays, pools);
      expect(catalogue.map((t) => [t.name, [...t.capacity], t.offerings.map((o) => o.price)])).toEqual(before);
    },
  );

  test.prop([arbCatalog(4), fc.array(arbOverlay, { maxLength: 4 }), arbPools], { numRuns: 60 })(
    "per NodePool, every NodePool sees each type exactly once, and as the overlays limited to it would make it",
    (catalogue, overlays, pools) => {
      if (pools === undefined) return;
      const { instanceTypes } = applyNodeOverlays(catalogue, overlays, pools);
      for (const pool of pools) {
        const name = pool.metadata.name ?? "";
        const seen = instanceTypes.filter((t) => t.requirements.get("karpenter.sh/nodepool").has(name));
        expect(seen.map((t) => t.name)).toEqual(catalogue.map((t) => t.name));
        // Same prices as applying the overlays with this NodePool alone, when no overlay conflicts anywhere.
        const alone = applyNodeOverlays(catalogue, overlays, [pool]);
        const all = applyNodeOverlays(catalogue, overlays, pools);
        if (all.conflicts.length === 0 && alone.conflicts.length === 0) {
          expect(seen.map((t) => t.offerings.map((o) => o.price))).toEqual(alone.instanceTypes.map((t) => t.offerings.map((o) => o.price)));
        }
      }
    },
  );

  test.prop([arbCatalog(4), fc.array(arbOverlay, { maxLength: 4 }), arbPools], { numRuns: 40 })(
    "overlays that name no NodePool label give the same catalogue with or without the NodePools",
    (catalogue, overlays, pools) => {
      const plain = overlays.map((o) => ({
        ...o,
        spec: { ...o.spec, requirements: (o.spec.requirements ?? []).filter((r) => r.key === "topology.kubernetes.io/zone") },
      }));
      expect(applyNodeOverlays(catalogue, plain, pools)).toEqual(applyNodeOverlays(catalogue, plain));
    },
  );
});

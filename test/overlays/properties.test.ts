/**
 * Issue 15 properties of `applyNodeOverlays`: prices never go negative; an overlay that matches nothing
 * changes nothing; the input catalogue is never changed.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { applyNodeOverlays } from "../../src/overlays/index.js";
import { ARB_ZONES, arbCatalog } from "../../src/testing/arbitraries/instance-types.js";
import type { NodeOverlay } from "../../src/types/node-overlay.js";

const arbChange: fc.Arbitrary<{ price: string } | { priceAdjustment: string }> = fc.oneof(
  fc.double({ min: 0, max: 50, noNaN: true }).map((x) => ({ price: x.toFixed(3) })),
  fc.double({ min: -50, max: 50, noNaN: true }).map((x) => ({ priceAdjustment: `${x < 0 ? "-" : "+"}${Math.abs(x).toFixed(3)}` })),
  fc.integer({ min: 0, max: 100 }).map((x) => ({ priceAdjustment: `-${x}%` })),
  fc.integer({ min: 0, max: 500 }).map((x) => ({ priceAdjustment: `+${x}%` })),
);

const arbOverlay: fc.Arbitrary<NodeOverlay> = fc
  .record({
    name: fc.constantFrom("a", "b", "c", "d"),
    weight: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    zones: fc.subarray([...ARB_ZONES]),
    change: arbChange,
  })
  .map(({ name, weight, zones, change }) => ({
    metadata: { name },
    spec: {
      ...(zones.length > 0 ? { requirements: [{ key: "topology.kubernetes.io/zone", operator: "In", values: zones }] } : {}),
      ...(weight === undefined ? {} : { weight }),
      ...change,
    },
  }));

describe("applyNodeOverlays properties", () => {
  test.prop([arbCatalog(4), fc.array(arbOverlay, { maxLength: 4 })], { numRuns: 60 })("overlays never make a price negative", (catalogue, overlays) => {
    const { instanceTypes } = applyNodeOverlays(catalogue, overlays);
    for (const t of instanceTypes) for (const o of t.offerings) expect(o.price).toBeGreaterThanOrEqual(0);
  });

  test.prop([arbCatalog(4), arbChange], { numRuns: 60 })("an overlay that matches nothing changes nothing", (catalogue, change) => {
    const nothing: NodeOverlay = {
      metadata: { name: "nothing" },
      spec: {
        requirements: [{ key: "node.kubernetes.io/instance-type", operator: "In", values: ["no-such-type"] }],
        ...change,
        capacity: { "example.com/fpga": "4" },
      },
    };
    const result = applyNodeOverlays(catalogue, [nothing]);
    expect(result.instanceTypes).toEqual(catalogue);
    expect(result.instanceTypes.every((t, i) => t === catalogue[i])).toBe(true);
    expect(result.applied).toEqual([{ overlay: "nothing", instanceTypes: [] }]);
  });

  test.prop([arbCatalog(4), fc.array(arbOverlay, { maxLength: 4 })], { numRuns: 40 })("the input catalogue is never changed", (catalogue, overlays) => {
    const before = catalogue.map((t) => [t.name, [...t.capacity], t.offerings.map((o) => o.price)]);
    applyNodeOverlays(catalogue, overlays);
    expect(catalogue.map((t) => [t.name, [...t.capacity], t.offerings.map((o) => o.price)])).toEqual(before);
  });
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { pod } from "../../test/consolidation/fixtures.js";
import { evictionCost, lifetimeRemaining, rescheduleDisruptionCost, reschedulingCost } from "./disruption-cost.js";

const withCost = (deletionCost: string | undefined, priority?: number) =>
  pod("p", {
    ...(deletionCost === undefined ? {} : { annotations: { "controller.kubernetes.io/pod-deletion-cost": deletionCost } }),
    ...(priority === undefined ? {} : { priority }),
  });

describe("evictionCost", () => {
  it.each([
    [undefined, undefined, 1],
    [String(2 ** 27), undefined, 2],
    [String(-(2 ** 27)), undefined, 0],
    [undefined, 2 ** 25, 2],
    [undefined, -(2 ** 26), -1],
    [String(2 ** 31 - 1), 2 ** 30, 10],
    [String(-(2 ** 31)), -(2 ** 30), -10],
    ["not-a-number", undefined, 1],
  ])("deletion cost %s, priority %s → %d", (dc, prio, expected) => {
    expect(evictionCost(withCost(dc, prio))).toBeCloseTo(expected, 9);
  });

  test.prop([fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })])(
    "stays within [-10, 10] and grows with priority",
    (dc, prio) => {
      const c = evictionCost(withCost(String(dc), prio));
      expect(c).toBeGreaterThanOrEqual(-10);
      expect(c).toBeLessThanOrEqual(10);
      expect(evictionCost(withCost(String(dc), prio + 2 ** 25))).toBeGreaterThanOrEqual(c);
    },
  );
});

describe("node costs", () => {
  it("sums eviction costs", () => {
    expect(reschedulingCost([withCost(undefined), withCost(String(2 ** 27))])).toBeCloseTo(3, 9);
    expect(reschedulingCost([])).toBe(0);
  });

  it("counts only positive costs above the per-node base", () => {
    expect(rescheduleDisruptionCost([])).toBe(1);
    expect(rescheduleDisruptionCost([withCost(undefined), withCost(String(-(2 ** 28)))])).toBeCloseTo(2, 9);
  });

  it.each([
    [null, 5, 1],
    [100, 0, 1],
    [100, 25, 0.75],
    [100, 100, 0],
    [100, 250, 0],
  ])("lifetime remaining with expireAfter %s at age %d → %d", (expire, age, expected) => {
    expect(lifetimeRemaining(expire, age)).toBe(expected);
  });

  test.prop([fc.integer({ min: 1, max: 1e9 }), fc.nat({ max: 2e9 })])("lifetime remaining is in [0, 1] and falls with age", (expire, age) => {
    const r = lifetimeRemaining(expire, age);
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThanOrEqual(1);
    expect(lifetimeRemaining(expire, age + 1)).toBeLessThanOrEqual(r);
  });
});

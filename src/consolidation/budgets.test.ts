import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { pool } from "../../test/consolidation/fixtures.js";
import { describeAllowance, evaluateBudget, poolAllowance } from "./budgets.js";

const NOON = Date.parse("2024-06-01T12:00:00Z"); // a Saturday

describe("evaluateBudget", () => {
  it.each([
    ["3", 10, 3],
    ["0", 10, 0],
    ["10%", 5, 1],
    ["50%", 3, 2],
    ["100%", 7, 7],
    ["0%", 7, 0],
    ["34%", 3, 2],
  ])("nodes %s of %d → %d", (nodes, count, allowed) => {
    expect(evaluateBudget({ nodes }, count, NOON)).toEqual({ active: true, allowed });
  });

  it.each([["101%"], ["-1"], ["ten"], ["5.5"], ["%"]])("fails closed on nodes %s", (nodes) => {
    const e = evaluateBudget({ nodes }, 10, NOON);
    expect(e.allowed).toBe(0);
    expect(e.invalid).toMatch(/not a count or a percentage/);
  });

  it("is active only inside its cron window", () => {
    const window = { nodes: "0", schedule: "0 9 * * *", duration: "8h" };
    expect(evaluateBudget(window, 10, NOON)).toEqual({ active: true, allowed: 0 });
    expect(evaluateBudget(window, 10, Date.parse("2024-06-01T17:00:00Z"))).toEqual({ active: false, allowed: Infinity });
    expect(evaluateBudget(window, 10, Date.parse("2024-06-01T08:59:00Z")).active).toBe(false);
  });

  it("reads weekday names and macros in schedules", () => {
    expect(evaluateBudget({ nodes: "0", schedule: "0 0 * * mon-fri", duration: "24h" }, 4, NOON).active).toBe(false);
    expect(evaluateBudget({ nodes: "0", schedule: "0 0 * * sat,sun", duration: "24h" }, 4, NOON).active).toBe(true);
    expect(evaluateBudget({ nodes: "1", schedule: "@daily", duration: "12h30m" }, 4, NOON).active).toBe(true);
  });

  it.each([
    [{ nodes: "1", schedule: "@daily" }, /set together/],
    [{ nodes: "1", duration: "1h" }, /set together/],
    [{ nodes: "1", schedule: "61 * * * *", duration: "1h" }, /schedule "61 \* \* \* \*" is invalid/],
    [{ nodes: "1", schedule: "@daily", duration: "30s" }, /hours and minutes/],
  ])("fails closed on %j", (budget, message) => {
    const e = evaluateBudget(budget, 10, NOON);
    expect(e.allowed).toBe(0);
    expect(e.invalid).toMatch(message);
  });
});

describe("poolAllowance", () => {
  it("defaults to 10% rounded up", () => {
    const p = { ...pool("p"), spec: { ...pool("p").spec, disruption: { consolidateAfter: "0s" } } };
    expect(poolAllowance(p, "Underutilized", 15, 0, NOON).allowed).toBe(2);
  });

  it("takes the smallest active budget that applies to the reason", () => {
    const p = pool("p", {
      budgets: [
        { nodes: "50%" },
        { nodes: "1", reasons: ["Drifted"] },
        { nodes: "0", schedule: "0 0 * * *", duration: "1h" }, // inactive at noon
      ],
    });
    expect(poolAllowance(p, "Underutilized", 10, 0, NOON)).toEqual({ allowed: 5, budget: 5, budgetIndex: 0 });
    expect(poolAllowance(p, "Drifted", 10, 0, NOON)).toEqual({ allowed: 1, budget: 1, budgetIndex: 1 });
    expect(poolAllowance(p, "Empty", 10, 0, Date.parse("2024-06-01T00:30:00Z")).allowed).toBe(0);
  });

  it("subtracts nodes already disrupting, not below zero", () => {
    const p = pool("p", { budgets: [{ nodes: "2" }] });
    expect(poolAllowance(p, "Empty", 10, 1, NOON).allowed).toBe(1);
    expect(poolAllowance(p, "Empty", 10, 5, NOON).allowed).toBe(0);
  });

  it("is unbounded without budgets", () => {
    expect(poolAllowance(pool("p", { budgets: [] }), "Empty", 3, 0, NOON).allowed).toBe(Infinity);
  });

  it("says why an invalid budget allows nothing", () => {
    const p = pool("p", { budgets: [{ nodes: "5" }, { nodes: "lots" }] });
    const a = poolAllowance(p, "Empty", 10, 0, NOON);
    expect(a.allowed).toBe(0);
    expect(describeAllowance("p", "Empty", a)).toMatch(/budget 1 is invalid and allows nothing: nodes "lots"/);
  });

  test.prop([fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 500 })])("a percentage allows ceil(p × n / 100), never more than n", (percent, n) => {
    const { allowed } = evaluateBudget({ nodes: `${percent}%` }, n, NOON);
    expect(allowed).toBe(Math.ceil((percent * n) / 100));
    expect(allowed).toBeLessThanOrEqual(n);
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 30 })])(
    "the minimum of active count budgets wins",
    (counts, nodes) => {
      const p = pool("p", { budgets: counts.map((c) => ({ nodes: String(c) })) });
      expect(poolAllowance(p, "Underutilized", nodes, 0, NOON).allowed).toBe(Math.min(...counts));
    },
  );
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { arbLabelValue, arbRequirement } from "../testing/arbitraries/requirements.js";
import { requirementsFromNodeSelectorRequirements } from "./from-kubernetes.js";
import { Requirement } from "./requirement.js";

const KEY = "example.com/k";
const arbN = fc.integer({ min: 0, max: 8 });
/** Values to probe a requirement with: the generator's alphabet plus a few more integers. */
const probes: readonly string[] = ["a", "b", "c", "d", "", "-1", "-2", "07", "+3", ...Array.from({ length: 12 }, (_, i) => String(i))];

describe("Requirement.intersect laws", () => {
  test.prop([arbRequirement(), arbRequirement()])("is commutative", (a, b) => {
    expect(a.intersect(b).equals(b.intersect(a))).toBe(true);
  });

  test.prop([arbRequirement(), arbRequirement(), arbRequirement()])("is associative", (a, b, c) => {
    expect(
      a
        .intersect(b)
        .intersect(c)
        .equals(a.intersect(b.intersect(c))),
    ).toBe(true);
  });

  test.prop([arbRequirement()])("is idempotent", (a) => {
    expect(a.intersect(a).equals(a)).toBe(true);
  });

  test.prop([arbRequirement(), arbRequirement(), arbLabelValue])("admits exactly the values both sides admit", (a, b, v) => {
    expect(a.intersect(b).has(v)).toBe(a.has(v) && b.has(v));
  });

  test.prop([arbRequirement(), arbRequirement()])("admits exactly the probe values both sides admit", (a, b) => {
    const both = a.intersect(b);
    for (const v of probes) expect(both.has(v)).toBe(a.has(v) && b.has(v));
  });

  test.prop([arbRequirement(), arbRequirement()])("intersects(a, b) is a ∩ b non-empty", (a, b) => {
    expect(a.intersects(b)).toBe(!a.intersect(b).isEmpty());
    expect(b.intersects(a)).toBe(a.intersects(b));
  });

  test.prop([arbRequirement(), arbRequirement()])("takes the larger minValues", (a, b) => {
    const expected = a.minValues === undefined ? b.minValues : b.minValues === undefined ? a.minValues : Math.max(a.minValues, b.minValues);
    expect(a.intersect(b).minValues).toBe(expected);
  });

  test.prop([arbRequirement(), arbRequirement()])("a concrete result carries no bounds", (a, b) => {
    const both = a.intersect(b);
    if (!both.complement) expect([both.gte, both.lte]).toEqual([undefined, undefined]);
  });
});

describe("canonicalisation", () => {
  test.prop([arbN, arbRequirement()])("Gt n behaves as Gte n+1", (n, other) => {
    const gt = Requirement.create(KEY, "Gt", [String(n)]);
    const gte = Requirement.create(KEY, "Gte", [String(n + 1)]);
    expect(gt.equals(gte)).toBe(true);
    for (const v of probes) expect(gt.has(v)).toBe(gte.has(v));
    expect(gt.intersect(other).equals(gte.intersect(other))).toBe(true);
  });

  test.prop([fc.integer({ min: 1, max: 8 }), arbRequirement()])("Lt n behaves as Lte n-1", (n, other) => {
    const lt = Requirement.create(KEY, "Lt", [String(n)]);
    const lte = Requirement.create(KEY, "Lte", [String(n - 1)]);
    expect(lt.equals(lte)).toBe(true);
    for (const v of probes) expect(lt.has(v)).toBe(lte.has(v));
    expect(lt.intersect(other).equals(lte.intersect(other))).toBe(true);
  });

  test.prop([arbN])("Gt / Lt / Gte / Lte admit integers the way the operator reads", (n) => {
    for (let v = -2; v <= 10; v++) {
      expect(Requirement.create(KEY, "Gt", [String(n)]).has(String(v))).toBe(v > n);
      expect(Requirement.create(KEY, "Lt", [String(n)]).has(String(v))).toBe(v < n);
      expect(Requirement.create(KEY, "Gte", [String(n)]).has(String(v))).toBe(v >= n);
      expect(Requirement.create(KEY, "Lte", [String(n)]).has(String(v))).toBe(v <= n);
    }
  });

  test.prop([arbRequirement()])("the derived operator agrees with the representation", (r) => {
    const expected = r.complement ? (r.values.size > 0 ? "NotIn" : "Exists") : r.values.size > 0 ? "In" : "DoesNotExist";
    expect(r.operator).toBe(expected);
    expect(r.size === Infinity).toBe(r.complement);
  });
});

describe("round-trip through NodeSelectorRequirement", () => {
  // An intersection can leave an In with fewer values than its minValues; the API refuses that, so
  // such a requirement cannot be written back. Everything else must survive.
  const writable = arbRequirement().filter((r) => r.operator !== "In" || r.minValues === undefined || r.minValues <= r.values.size);

  test.prop([writable])("keeps has (and the whole requirement)", (r) => {
    const back = requirementsFromNodeSelectorRequirements(r.toNodeSelectorRequirements()).get(KEY);
    for (const v of probes) expect(back.has(v)).toBe(r.has(v));
    expect(back.equals(r)).toBe(true);
  });

  test.prop([writable])("never writes Gt or Lt except for Lt 0", (r) => {
    for (const entry of r.toNodeSelectorRequirements()) {
      if (entry.operator === "Gt") expect.unreachable();
      if (entry.operator === "Lt") expect(entry.values).toEqual(["0"]);
    }
  });
});

describe("any", () => {
  test.prop([arbRequirement()])("returns a value the requirement admits", (r) => {
    const value = r.any();
    if (value !== undefined) expect(r.has(value)).toBe(true);
    else for (let n = 0; n <= 12; n++) expect(r.has(String(n))).toBe(false);
  });

  test.prop([arbRequirement()])("is deterministic", (r) => {
    expect(r.any()).toBe(r.any());
  });
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { arbLabelKey, arbRequirement, arbRequirements } from "../testing/arbitraries/requirements.js";
import { LABEL_HOSTNAME, LABEL_ZONE, WELL_KNOWN_LABELS } from "./labels.js";
import { Requirement } from "./requirement.js";
import { Requirements } from "./requirements.js";

const zone = (operator: string, values: readonly string[] = []): Requirements => Requirements.of([Requirement.create(LABEL_ZONE, operator, values)]);

/** The columns and rows of upstream's compatibility matrix (requirements_test.go), on the zone key. */
const SIDES: ReadonlyMap<string, Requirements> = new Map([
  ["unconstrained", Requirements.EMPTY],
  ["Exists", zone("Exists")],
  ["DoesNotExist", zone("DoesNotExist")],
  ["In[A]", zone("In", ["A"])],
  ["In[B]", zone("In", ["B"])],
  ["In[A,B]", zone("In", ["A", "B"])],
  ["NotIn[A]", zone("NotIn", ["A"])],
  ["Gt 1", zone("Gt", ["1"])],
  ["Lt 9", zone("Lt", ["9"])],
]);
const COLUMNS = [...SIDES.keys()];

const LENIENT: ReadonlyArray<readonly [string, string]> = [
  ["unconstrained", "✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓"],
  ["Exists", "✓ ✓ ✗ ✓ ✓ ✓ ✓ ✓ ✓"],
  ["DoesNotExist", "✓ ✗ ✓ ✗ ✗ ✗ ✓ ✗ ✗"],
  ["In[A]", "✓ ✓ ✗ ✓ ✗ ✓ ✗ ✗ ✗"],
];
// Strict: an unconstrained receiver rejects every incoming requirement that needs a value.
const STRICT: ReadonlyArray<readonly [string, string]> = [["unconstrained", "✓ ✗ ✓ ✗ ✗ ✗ ✓ ✗ ✗"], ...LENIENT.slice(1)];

function matrixCases(rows: ReadonlyArray<readonly [string, string]>): Array<[string, string, boolean]> {
  return rows.flatMap(([row, marks]) => marks.split(" ").map((mark, i): [string, string, boolean] => [row, COLUMNS[i] as string, mark === "✓"]));
}

describe("compatibility matrix", () => {
  it.each(matrixCases(LENIENT))("allowing undefined well-known labels: %s vs %s → %s", (row, column, expected) => {
    const receiver = SIDES.get(row) as Requirements;
    const incoming = SIDES.get(column) as Requirements;
    const options = { allowUndefined: WELL_KNOWN_LABELS };
    expect(receiver.isCompatible(incoming, options)).toBe(expected);
    expect(receiver.compatible(incoming, options).length === 0).toBe(expected);
  });

  it.each(matrixCases(STRICT))("strict: %s vs %s → %s", (row, column, expected) => {
    const receiver = SIDES.get(row) as Requirements;
    const incoming = SIDES.get(column) as Requirements;
    expect(receiver.isCompatible(incoming)).toBe(expected);
    expect(receiver.compatible(incoming).length === 0).toBe(expected);
  });
});

describe("intersects", () => {
  const cases: ReadonlyArray<readonly [string, Requirements, Requirements, boolean]> = [
    ["keys on one side only", zone("In", ["a"]), Requirements.of([Requirement.create("arch", "In", ["x"])]), true],
    ["DoesNotExist vs NotIn is accepted", zone("DoesNotExist"), zone("NotIn", ["a"]), true],
    ["NotIn vs DoesNotExist is accepted", zone("NotIn", ["a"]), zone("DoesNotExist"), true],
    ["DoesNotExist vs DoesNotExist is accepted", zone("DoesNotExist"), zone("DoesNotExist"), true],
    ["DoesNotExist vs In is not", zone("DoesNotExist"), zone("In", ["a"]), false],
    ["DoesNotExist vs Exists is not", zone("DoesNotExist"), zone("Exists"), false],
    ["crossed bounds", zone("Gt", ["5"]), zone("Lt", ["3"]), false],
    ["NotIn vs In of the excluded value", zone("NotIn", ["a"]), zone("In", ["a"]), false],
  ];
  it.each(cases)("%s", (_name, a, b, expected) => {
    expect(a.intersects(b)).toBe(expected);
    expect(b.intersects(a)).toBe(expected);
    expect(a.checkIntersects(b).length === 0).toBe(expected);
  });

  it("explains each conflicting key, in key order", () => {
    const existing = Requirements.of([Requirement.create(LABEL_ZONE, "In", ["a"]), Requirement.create("arch", "In", ["x"])]);
    const incoming = Requirements.of([Requirement.create(LABEL_ZONE, "In", ["b"]), Requirement.create("arch", "In", ["y"])]);
    expect(existing.checkIntersects(incoming)).toEqual([
      { key: "arch", code: "no-intersection", message: "key arch, arch In [y] not in arch In [x]" },
      { key: LABEL_ZONE, code: "no-intersection", message: `key ${LABEL_ZONE}, ${LABEL_ZONE} In [b] not in ${LABEL_ZONE} In [a]` },
    ]);
  });
});

describe("compatible", () => {
  it("hints at a well-known key sharing the name after the slash", () => {
    const pod = Requirements.of([Requirement.create("zone", "In", ["a"])]);
    expect(Requirements.EMPTY.compatible(pod, { allowUndefined: WELL_KNOWN_LABELS })).toEqual([
      { key: "zone", code: "undefined-label", message: 'label "zone" does not have known values (typo of "topology.kubernetes.io/zone"?)' },
    ]);
  });

  it("hints at a receiver key that contains the bad key", () => {
    const pool = Requirements.of([Requirement.create("example.com/team-name", "In", ["x"])]);
    const pod = Requirements.of([Requirement.create("team", "In", ["x"])]);
    expect(pool.compatible(pod).map((c) => c.message)).toEqual(['label "team" does not have known values (typo of "example.com/team-name"?)']);
  });

  it("hints at a key one typo away", () => {
    const pod = Requirements.of([Requirement.create("kubernetes.io/arhc", "In", ["x"])]);
    expect(Requirements.EMPTY.compatible(pod).map((c) => c.message)).toEqual([
      'label "kubernetes.io/arhc" does not have known values (typo of "kubernetes.io/arch"?)',
    ]);
  });

  it("gives no hint when nothing is close", () => {
    const pod = Requirements.of([Requirement.create("example.com/gpu", "Exists")]);
    expect(Requirements.EMPTY.compatible(pod).map((c) => c.message)).toEqual(['label "example.com/gpu" does not have known values']);
  });

  it("lists undefined labels before empty intersections", () => {
    const pool = zone("In", ["a"]);
    const pod = Requirements.of([Requirement.create(LABEL_ZONE, "In", ["b"]), Requirement.create("example.com/gpu", "Exists")]);
    expect(pool.compatible(pod).map((c) => [c.key, c.code])).toEqual([
      ["example.com/gpu", "undefined-label"],
      [LABEL_ZONE, "no-intersection"],
    ]);
  });

  it("lets NotIn and DoesNotExist on undefined custom keys through", () => {
    const pod = Requirements.of([Requirement.create("example.com/a", "NotIn", ["x"]), Requirement.create("example.com/b", "DoesNotExist")]);
    expect(Requirements.EMPTY.compatible(pod)).toEqual([]);
  });
});

describe("Requirements", () => {
  it("intersects requirements on the same key", () => {
    const set = zone("In", ["a", "b"]).add(Requirement.create(LABEL_ZONE, "NotIn", ["a"]));
    expect(set.get(LABEL_ZONE).toString()).toBe(`${LABEL_ZONE} In [b]`);
    expect(set.size).toBe(1);
  });

  it("leaves the receiver unchanged", () => {
    const base = zone("In", ["a", "b"]);
    base.add(zone("In", ["a"]), Requirement.create("arch", "Exists"));
    expect(base.get(LABEL_ZONE).toString()).toBe(`${LABEL_ZONE} In [a b]`);
    expect(base.has("arch")).toBe(false);
  });

  it("returns Exists for an absent key and normalises aliases on lookup", () => {
    const set = Requirements.of([Requirement.create("failure-domain.beta.kubernetes.io/zone", "In", ["a"])]);
    expect(set.get("example.com/none").operator).toBe("Exists");
    expect(set.has("failure-domain.beta.kubernetes.io/zone")).toBe(true);
    expect(set.get("failure-domain.beta.kubernetes.io/zone").key).toBe(LABEL_ZONE);
  });

  it("keeps keys like __proto__ and constructor as ordinary keys", () => {
    const set = Requirements.of([Requirement.create("__proto__", "In", ["a"]), Requirement.create("constructor", "In", ["b"])]);
    expect(set.keys()).toEqual(["__proto__", "constructor"]);
    expect(set.get("toString").operator).toBe("Exists");
  });

  it("iterates and serialises in key order, hiding the hostname in toString", () => {
    const set = Requirements.of([
      Requirement.create(LABEL_ZONE, "In", ["a"]),
      Requirement.create(LABEL_HOSTNAME, "In", ["placeholder"]),
      Requirement.create("arch", "Gte", ["2"], 1),
    ]);
    expect([...set].map((r) => r.key)).toEqual(["arch", LABEL_HOSTNAME, LABEL_ZONE]);
    expect(set.toNodeSelectorRequirements()).toEqual([
      { key: "arch", operator: "Gte", values: ["2"], minValues: 1 },
      { key: LABEL_HOSTNAME, operator: "In", values: ["placeholder"] },
      { key: LABEL_ZONE, operator: "In", values: ["a"] },
    ]);
    expect(set.toString()).toBe(`arch Exists >=2 minValues 1, ${LABEL_ZONE} In [a]`);
    expect(set.hasMinValues()).toBe(true);
    expect(zone("In", ["a"]).hasMinValues()).toBe(false);
  });
});

describe("Requirements laws", () => {
  const arbOptions = fc.constantFrom<ReadonlySet<string> | undefined>(undefined, WELL_KNOWN_LABELS, new Set(["example.com/generation", "__proto__"]));

  test.prop([arbRequirements(), arbRequirements(), arbOptions])("isCompatible agrees with compatible", (a, b, allowUndefined) => {
    const options = { allowUndefined };
    expect(a.isCompatible(b, options)).toBe(a.compatible(b, options).length === 0);
  });

  test.prop([arbRequirements(), arbRequirements()])("intersects agrees with checkIntersects and is symmetric", (a, b) => {
    expect(a.intersects(b)).toBe(a.checkIntersects(b).length === 0);
    expect(a.intersects(b)).toBe(b.intersects(a));
  });

  test.prop([
    fc
      .array(arbLabelKey.chain(arbRequirement), { maxLength: 6 })
      .chain((items) => fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }))),
  ])("add is order-independent", ([items, shuffled]) => {
    const one = Requirements.EMPTY.add(...items);
    const other = shuffled.reduce((set, item) => set.add(item), Requirements.EMPTY);
    expect(one.equals(other)).toBe(true);
    expect(one.toString()).toBe(other.toString());
  });

  test.prop([arbRequirements(), arbRequirements()])("adding sets commutes", (a, b) => {
    expect(a.add(b).equals(b.add(a))).toBe(true);
  });

  test.prop([arbRequirements(), arbRequirements()])("a set that intersects keeps every shared key non-empty when added", (a, b) => {
    if (!a.intersects(b)) return;
    const both = a.add(b);
    for (const key of a.keys()) {
      if (!b.has(key)) continue;
      const absenceOnly = (r: Requirement): boolean => r.operator === "NotIn" || r.operator === "DoesNotExist";
      if (!(absenceOnly(a.get(key)) && absenceOnly(b.get(key)))) expect(both.get(key).isEmpty()).toBe(false);
    }
  });
});

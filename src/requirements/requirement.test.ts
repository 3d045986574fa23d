import { describe, expect, it } from "vitest";
import { Requirement } from "./requirement.js";

const MAX = Number.MAX_SAFE_INTEGER;
const req = (operator: string, values: readonly string[] = [], minValues?: number): Requirement =>
  Requirement.create("example.com/k", operator, values, minValues);

describe("Requirement.create canonicalises operators", () => {
  const cases: ReadonlyArray<readonly [string, Requirement, { complement: boolean; values: string[]; gte?: number; lte?: number; operator: string }]> = [
    ["In", req("In", ["b", "a", "b"]), { complement: false, values: ["a", "b"], operator: "In" }],
    ["NotIn", req("NotIn", ["a"]), { complement: true, values: ["a"], operator: "NotIn" }],
    ["Exists", req("Exists"), { complement: true, values: [], operator: "Exists" }],
    ["DoesNotExist", req("DoesNotExist"), { complement: false, values: [], operator: "DoesNotExist" }],
    ["Gt n is >= n+1", req("Gt", ["3"]), { complement: true, values: [], gte: 4, operator: "Exists" }],
    ["Lt n is <= n-1", req("Lt", ["3"]), { complement: true, values: [], lte: 2, operator: "Exists" }],
    ["Gte", req("Gte", ["3"]), { complement: true, values: [], gte: 3, operator: "Exists" }],
    ["Lte", req("Lte", ["3"]), { complement: true, values: [], lte: 3, operator: "Exists" }],
    ["Lt 0 is <= -1", req("Lt", ["0"]), { complement: true, values: [], lte: -1, operator: "Exists" }],
    ["Gt of the largest safe integer is DoesNotExist", req("Gt", [String(MAX)]), { complement: false, values: [], operator: "DoesNotExist" }],
    ["Gte accepts a leading plus and zeros", req("Gte", ["+007"]), { complement: true, values: [], gte: 7, operator: "Exists" }],
  ];
  it.each(cases)("%s", (_name, r, expected) => {
    expect(r.complement).toBe(expected.complement);
    expect([...r.values].sort()).toEqual(expected.values);
    expect(r.gte).toBe(expected.gte);
    expect(r.lte).toBe(expected.lte);
    expect(r.operator).toBe(expected.operator);
  });

  it("reports size: the number of values, or Infinity for complements", () => {
    expect(req("In", ["a", "b"]).size).toBe(2);
    expect(req("DoesNotExist").size).toBe(0);
    expect(req("NotIn", ["a"]).size).toBe(Infinity);
    expect(req("Gt", ["1"]).size).toBe(Infinity);
  });

  it("only DoesNotExist is empty", () => {
    expect(req("DoesNotExist").isEmpty()).toBe(true);
    expect(req("Gt", [String(MAX)]).isEmpty()).toBe(true);
    for (const r of [req("In", ["a"]), req("NotIn", ["a"]), req("Exists"), req("Lt", ["0"])]) expect(r.isEmpty()).toBe(false);
  });
});

describe("key aliases", () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ["beta.kubernetes.io/arch", "kubernetes.io/arch"],
    ["beta.kubernetes.io/os", "kubernetes.io/os"],
    ["beta.kubernetes.io/instance-type", "node.kubernetes.io/instance-type"],
    ["failure-domain.beta.kubernetes.io/zone", "topology.kubernetes.io/zone"],
    ["failure-domain.beta.kubernetes.io/region", "topology.kubernetes.io/region"],
    ["example.com/beta.kubernetes.io/arch", "example.com/beta.kubernetes.io/arch"],
  ];
  it.each(cases)("%s becomes %s", (alias, key) => {
    expect(Requirement.create(alias, "Exists").key).toBe(key);
    expect(Requirement.exists(alias).key).toBe(key);
  });
});

describe("validation", () => {
  const cases: ReadonlyArray<readonly [string, () => unknown, string, readonly (string | number)[]]> = [
    [
      "unknown operator",
      () => req("Equals", ["a"]),
      'requirement "example.com/k": unknown operator "Equals" (expected one of In, NotIn, Exists, DoesNotExist, Gt, Lt, Gte, Lte)',
      ["operator"],
    ],
    [
      "operators are case-sensitive",
      () => req("in", ["a"]),
      'requirement "example.com/k": unknown operator "in" (expected one of In, NotIn, Exists, DoesNotExist, Gt, Lt, Gte, Lte)',
      ["operator"],
    ],
    ["In without values", () => req("In", []), 'requirement "example.com/k": operator In needs at least one value', ["values"]],
    ["Exists with values", () => req("Exists", ["a"]), 'requirement "example.com/k": operator Exists takes no values, got 1', ["values"]],
    [
      "DoesNotExist with values",
      () => req("DoesNotExist", ["a", "b"]),
      'requirement "example.com/k": operator DoesNotExist takes no values, got 2',
      ["values"],
    ],
    ["Gt without a value", () => req("Gt", []), 'requirement "example.com/k": operator Gt needs exactly one value, got 0', ["values"]],
    ["Lt with two values", () => req("Lt", ["1", "2"]), 'requirement "example.com/k": operator Lt needs exactly one value, got 2', ["values"]],
    [
      "Gte with a word",
      () => req("Gte", ["ten"]),
      `requirement "example.com/k": operator Gte needs a non-negative integer no larger than ${MAX}, got "ten"`,
      ["values", 0],
    ],
    [
      "Lte with a negative number",
      () => req("Lte", ["-1"]),
      `requirement "example.com/k": operator Lte needs a non-negative integer no larger than ${MAX}, got "-1"`,
      ["values", 0],
    ],
    [
      "Gt with a decimal",
      () => req("Gt", ["1.5"]),
      `requirement "example.com/k": operator Gt needs a non-negative integer no larger than ${MAX}, got "1.5"`,
      ["values", 0],
    ],
    [
      "Gt beyond the safe range",
      () => req("Gt", ["9007199254740992"]),
      `requirement "example.com/k": operator Gt needs a non-negative integer no larger than ${MAX}, got "9007199254740992"`,
      ["values", 0],
    ],
    ["minValues 0", () => req("Exists", [], 0), 'requirement "example.com/k": minValues must be an integer from 1 to 50, got 0', ["minValues"]],
    ["minValues 51", () => req("NotIn", ["a"], 51), 'requirement "example.com/k": minValues must be an integer from 1 to 50, got 51', ["minValues"]],
    [
      "minValues not an integer",
      () => req("Exists", [], 1.5),
      'requirement "example.com/k": minValues must be an integer from 1 to 50, got 1.5',
      ["minValues"],
    ],
    [
      "minValues above the In values",
      () => req("In", ["a", "b"], 3),
      'requirement "example.com/k": minValues 3 is more than the 2 values of operator In',
      ["minValues"],
    ],
    ["empty key", () => Requirement.create("", "Exists"), "requirement key must not be empty", ["key"]],
    [
      "withMinValues out of range",
      () => req("Exists").withMinValues(60),
      'requirement "example.com/k": minValues must be an integer from 1 to 50, got 60',
      ["minValues"],
    ],
  ];
  it.each(cases)("%s", (_name, build, message, path) => {
    expect(build).toThrow(message);
    try {
      build();
    } catch (error) {
      expect(error).toMatchObject({ code: "invalid-requirement", message, path });
    }
  });

  it("accepts minValues up to the number of In values, and on other operators", () => {
    expect(req("In", ["a", "b"], 2).minValues).toBe(2);
    expect(req("Exists", [], 50).minValues).toBe(50);
    expect(req("Gt", ["1"], 3).minValues).toBe(3);
    expect(req("Exists").withMinValues(2).withMinValues(undefined).minValues).toBeUndefined();
  });
});

describe("has", () => {
  const cases: ReadonlyArray<readonly [string, Requirement, string, boolean]> = [
    ["In member", req("In", ["a", "b"]), "a", true],
    ["In non-member", req("In", ["a", "b"]), "c", false],
    ["NotIn excluded", req("NotIn", ["a"]), "a", false],
    ["NotIn other", req("NotIn", ["a"]), "b", true],
    ["Exists anything", req("Exists"), "", true],
    ["DoesNotExist nothing", req("DoesNotExist"), "a", false],
    ["Gt above", req("Gt", ["3"]), "4", true],
    ["Gt equal", req("Gt", ["3"]), "3", false],
    ["Gt: a word never satisfies a bound", req("Gt", ["3"]), "four", false],
    ["Gt: decimals are not integers", req("Gt", ["3"]), "4.5", false],
    ["Gt: leading zeros parse", req("Gt", ["3"]), "07", true],
    ["Gt: beyond the safe range is above every bound", req("Gt", ["3"]), "99999999999999999999", true],
    ["Lt: beyond the safe range is not below a bound", req("Lt", ["3"]), "99999999999999999999", false],
    ["Lt below", req("Lt", ["3"]), "2", true],
    ["Lt equal", req("Lt", ["3"]), "3", false],
    ["Lt 0 admits negative integers", req("Lt", ["0"]), "-1", true],
    ["Gte equal", req("Gte", ["3"]), "3", true],
    ["Lte equal", req("Lte", ["3"]), "3", true],
  ];
  it.each(cases)("%s", (_name, r, value, expected) => {
    expect(r.has(value)).toBe(expected);
  });
});

describe("intersect", () => {
  const cases: ReadonlyArray<readonly [string, Requirement, Requirement, string]> = [
    ["In ∩ In", req("In", ["a", "b"]), req("In", ["b", "c"]), "example.com/k In [b]"],
    ["In ∩ disjoint In", req("In", ["a"]), req("In", ["b"]), "example.com/k DoesNotExist"],
    ["NotIn ∩ NotIn unions the exclusions", req("NotIn", ["a"]), req("NotIn", ["b"]), "example.com/k NotIn [a b]"],
    ["In ∩ NotIn", req("In", ["a", "b"]), req("NotIn", ["a"]), "example.com/k In [b]"],
    ["In ∩ Gt keeps integers in bounds and drops the bounds", req("In", ["1", "5", "a"]), req("Gt", ["2"]), "example.com/k In [5]"],
    ["Gt ∩ Lt", req("Gt", ["1"]), req("Lt", ["9"]), "example.com/k Exists >=2 <=8"],
    ["tighter bounds win", req("Gte", ["3"]), req("Gte", ["5"]), "example.com/k Exists >=5"],
    ["crossed bounds are DoesNotExist", req("Gte", ["5"]), req("Lte", ["3"]), "example.com/k DoesNotExist"],
    ["NotIn ∩ Gt keeps both", req("NotIn", ["4"]), req("Gt", ["3"]), "example.com/k NotIn [4] >=4"],
    ["Exists ∩ DoesNotExist", req("Exists"), req("DoesNotExist"), "example.com/k DoesNotExist"],
    ["minValues is the larger", req("In", ["a", "b", "c"], 2), req("NotIn", ["z"], 1), "example.com/k In [a b c] minValues 2"],
    ["crossed bounds keep the larger minValues", req("Gte", ["5"], 1), req("Lte", ["3"], 3), "example.com/k DoesNotExist minValues 3"],
  ];
  it.each(cases)("%s", (_name, a, b, expected) => {
    expect(a.intersect(b).toString()).toBe(expected);
    expect(a.intersects(b)).toBe(!a.intersect(b).isEmpty());
  });
});

describe("any", () => {
  const cases: ReadonlyArray<readonly [string, Requirement, string | undefined]> = [
    ["In: lexically smallest", req("In", ["b", "10", "9"]), "10"],
    ["Exists: 0", req("Exists"), "0"],
    ["NotIn skips excluded integers", req("NotIn", ["0", "1", "3"]), "2"],
    ["Gt: the lowest above", req("Gt", ["5"]), "6"],
    ["bounds with exclusions", req("Gte", ["2"]).intersect(req("NotIn", ["2", "3"])), "4"],
    [
      "every integer in bounds excluded",
      req("Gte", ["2"])
        .intersect(req("Lte", ["3"]))
        .intersect(req("NotIn", ["2", "3"])),
      undefined,
    ],
    ["bounds below zero", req("Lt", ["0"]), undefined],
    ["DoesNotExist", req("DoesNotExist"), undefined],
  ];
  it.each(cases)("%s", (_name, r, expected) => {
    expect(r.any()).toBe(expected);
  });
});

describe("toNodeSelectorRequirements", () => {
  const cases: ReadonlyArray<readonly [string, Requirement, unknown[]]> = [
    ["In, sorted", req("In", ["b", "a"], 2), [{ key: "example.com/k", operator: "In", values: ["a", "b"], minValues: 2 }]],
    ["NotIn", req("NotIn", ["b", "a"]), [{ key: "example.com/k", operator: "NotIn", values: ["a", "b"] }]],
    ["Exists", req("Exists"), [{ key: "example.com/k", operator: "Exists" }]],
    ["DoesNotExist", req("DoesNotExist", [], 1), [{ key: "example.com/k", operator: "DoesNotExist", minValues: 1 }]],
    ["Gt as Gte", req("Gt", ["3"]), [{ key: "example.com/k", operator: "Gte", values: ["4"] }]],
    ["Lt as Lte", req("Lt", ["3"]), [{ key: "example.com/k", operator: "Lte", values: ["2"] }]],
    [
      "both bounds as two entries",
      req("Gt", ["1"]).intersect(req("Lt", ["9"])),
      [
        { key: "example.com/k", operator: "Gte", values: ["2"] },
        { key: "example.com/k", operator: "Lte", values: ["8"] },
      ],
    ],
    [
      "NotIn with a bound",
      req("NotIn", ["5"]).intersect(req("Gte", ["1"], 2)),
      [
        { key: "example.com/k", operator: "NotIn", values: ["5"], minValues: 2 },
        { key: "example.com/k", operator: "Gte", values: ["1"] },
      ],
    ],
    ["Lt 0 stays Lt 0", req("Lt", ["0"]), [{ key: "example.com/k", operator: "Lt", values: ["0"] }]],
  ];
  it.each(cases)("%s", (_name, r, expected) => {
    expect(r.toNodeSelectorRequirements()).toEqual(expected);
  });
});

describe("toString", () => {
  it("summarises long value lists", () => {
    expect(req("In", ["a", "b", "c", "d", "e", "f", "g"]).toString()).toBe("example.com/k In [a b c d e and 2 others]");
  });
  it("shows bounds and minValues", () => {
    expect(req("Lte", ["4"], 3).toString()).toBe("example.com/k Exists <=4 minValues 3");
  });
});

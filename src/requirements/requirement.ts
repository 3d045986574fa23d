/**
 * One label requirement in canonical form: a key, a value-set predicate and minValues.
 *
 * @module
 */
import { RequirementError } from "../errors.js";
import type { NodeSelectorRequirementWithMinValues } from "../types/kubernetes.js";
import { canonicalForm, checkMinValues } from "./canonical.js";
import { maxDefined, minDefined, withinBounds } from "./integers.js";
import { normalizeLabelKey } from "./labels.js";

const NOTHING: ReadonlySet<string> = new Set();

/** How many values `toString` lists before summarising the rest. */
const SHOWN_VALUES = 5;

/**
 * One label requirement. The predicate is stored canonically: `complement` says whether `values` is
 * the allowed set (false) or the excluded set (true), and `gte` / `lte` are inclusive integer bounds
 * that only complements carry. `In` is a concrete set, `NotIn` and `Exists` are complements,
 * `DoesNotExist` is the empty concrete set, and `Gt` / `Lt` / `Gte` / `Lte` are "Exists with bounds".
 *
 * Instances are immutable; every operation returns a new one.
 *
 * @example
 * ```ts
 * const r = Requirement.create("cpu-count", "Gt", ["3"]);
 * r.has("4"); // true
 * r.has("3"); // false
 * r.toNodeSelectorRequirements(); // [{ key: "cpu-count", operator: "Gte", values: ["4"] }]
 * ```
 * @category Requirements
 */
export class Requirement {
  /** The label key, with deprecated aliases rewritten to the current name. */
  readonly key: string;
  /** True when {@link Requirement.values} lists excluded values rather than allowed ones. */
  readonly complement: boolean;
  /** The allowed values, or the excluded ones for a complement. */
  readonly values: ReadonlySet<string>;
  /** Inclusive lower bound on integer values; set only on complements. */
  readonly gte: number | undefined;
  /** Inclusive upper bound on integer values; set only on complements. */
  readonly lte: number | undefined;
  /** How many distinct values the instance types for this key must cover (1..50), if any. */
  readonly minValues: number | undefined;

  private constructor(
    key: string,
    complement: boolean,
    values: ReadonlySet<string>,
    gte: number | undefined,
    lte: number | undefined,
    minValues: number | undefined,
  ) {
    this.key = key;
    this.complement = complement;
    this.values = values;
    this.gte = gte;
    this.lte = lte;
    this.minValues = minValues;
  }

  /**
   * Builds a requirement from the way node selectors write it, validating it and rewriting the key
   * alias (`beta.kubernetes.io/arch` → `kubernetes.io/arch`).
   *
   * @param key - the label key
   * @param operator - `In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt`, `Lt`, `Gte` or `Lte`
   * @param values - the operator's values
   * @param minValues - optional flexibility: 1..50, and for `In` at most the number of values
   * @returns the canonical requirement
   * @throws RequirementError (code `invalid-requirement`) for an empty key, an unknown operator,
   *   values the operator does not accept, or minValues out of range
   * @example
   * ```ts
   * Requirement.create("beta.kubernetes.io/arch", "In", ["arm64"]).key; // "kubernetes.io/arch"
   * Requirement.create("gen", "Lt", ["5"]).lte; // 4
   * ```
   */
  static create(key: string, operator: string, values: readonly string[] = [], minValues?: number): Requirement {
    const normalized = normalizeLabelKey(key);
    if (normalized === "") throw new RequirementError("requirement key must not be empty", ["key"]);
    const form = canonicalForm(normalized, operator, values);
    if (minValues !== undefined) checkMinValues(normalized, minValues, operator === "In" ? values.length : undefined);
    return new Requirement(normalized, form.complement, form.values, form.gte, form.lte, minValues);
  }

  /**
   * The unconstrained requirement for a key (any value, or none).
   *
   * @param key - the label key (normalised)
   * @returns `key Exists`
   */
  static exists(key: string): Requirement {
    return new Requirement(normalizeLabelKey(key), true, NOTHING, undefined, undefined, undefined);
  }

  /**
   * The requirement that a key be absent.
   *
   * @param key - the label key (normalised)
   * @returns `key DoesNotExist`
   */
  static doesNotExist(key: string): Requirement {
    return new Requirement(normalizeLabelKey(key), false, NOTHING, undefined, undefined, undefined);
  }

  /** The operator that describes the requirement: bounded requirements report `Exists` (or `NotIn`). */
  get operator(): "In" | "NotIn" | "Exists" | "DoesNotExist" {
    if (this.complement) return this.values.size > 0 ? "NotIn" : "Exists";
    return this.values.size > 0 ? "In" : "DoesNotExist";
  }

  /** How many values are allowed: Infinity for a complement. */
  get size(): number {
    return this.complement ? Infinity : this.values.size;
  }

  /**
   * Whether a node label value satisfies the requirement.
   *
   * @param value - the label's value
   * @returns true if allowed
   */
  has(value: string): boolean {
    if (this.complement) return !this.values.has(value) && withinBounds(value, this.gte, this.lte);
    return this.values.has(value);
  }

  /** Whether the requirement matches no value at all, i.e. it is `DoesNotExist`. */
  isEmpty(): boolean {
    return !this.complement && this.values.size === 0;
  }

  /**
   * The requirement both this and `other` impose. The result is a complement only if both are;
   * bounds tighten, and crossing bounds give `DoesNotExist`; a concrete result holds only values
   * within the bounds and drops the bounds; minValues is the larger of the two.
   *
   * @param other - a requirement on the same key
   * @returns the intersection, keyed by this requirement's key
   */
  intersect(other: Requirement): Requirement {
    const gte = maxDefined(this.gte, other.gte);
    const lte = minDefined(this.lte, other.lte);
    const minValues = maxDefined(this.minValues, other.minValues);
    if (gte !== undefined && lte !== undefined && gte > lte) {
      return new Requirement(this.key, false, NOTHING, undefined, undefined, minValues);
    }
    if (this.complement && other.complement) {
      return new Requirement(this.key, true, union(this.values, other.values), gte, lte, minValues);
    }
    const [concrete, filter] = this.complement ? [other, this] : [this, other];
    const kept = new Set<string>();
    for (const value of concrete.values) if (filter.has(value)) kept.add(value);
    return new Requirement(this.key, false, kept.size === 0 ? NOTHING : kept, undefined, undefined, minValues);
  }

  /**
   * Whether the intersection with `other` is non-empty, without building it. Always agrees with
   * `!this.intersect(other).isEmpty()`.
   *
   * @param other - a requirement on the same key
   * @returns true if some value (or absence, for two complements) satisfies both
   */
  intersects(other: Requirement): boolean {
    const gte = maxDefined(this.gte, other.gte);
    const lte = minDefined(this.lte, other.lte);
    if (gte !== undefined && lte !== undefined && gte > lte) return false;
    if (this.complement && other.complement) return true;
    let concrete: Requirement = this;
    let filter: Requirement = other;
    if (this.complement || (!other.complement && other.values.size < this.values.size)) {
      concrete = other;
      filter = this;
    }
    for (const value of concrete.values) if (filter.has(value)) return true;
    return false;
  }

  /**
   * A deterministic value that satisfies the requirement, used to invent a label value: the
   * lexically smallest value of an `In`; for a complement the lowest non-negative integer within the
   * bounds that is not excluded. Upstream picks at random; nodefit picks the lowest.
   *
   * @returns the value, or undefined when no value qualifies (`DoesNotExist`, or bounds below 0)
   */
  any(): string | undefined {
    if (!this.complement) {
      let best: string | undefined;
      for (const value of this.values) if (best === undefined || value < best) best = value;
      return best;
    }
    const high = this.lte ?? Number.MAX_SAFE_INTEGER;
    // The excluded set is finite, so this walks at most |values| + 1 integers.
    for (let n = Math.max(this.gte ?? 0, 0); n <= high; n++) {
      const text = String(n);
      if (!this.values.has(text)) return text;
    }
    return undefined;
  }

  /**
   * The same requirement with another minValues.
   *
   * @param minValues - 1..50, or undefined to drop it
   * @returns a new requirement
   * @throws RequirementError when minValues is out of range
   */
  withMinValues(minValues: number | undefined): Requirement {
    if (minValues !== undefined) checkMinValues(this.key, minValues, undefined);
    return new Requirement(this.key, this.complement, this.values, this.gte, this.lte, minValues);
  }

  /**
   * Structural equality: same key, kind, values, bounds and minValues.
   *
   * @param other - another requirement
   * @returns true if both are the same requirement
   */
  equals(other: Requirement): boolean {
    if (this === other) return true;
    if (this.key !== other.key || this.complement !== other.complement || this.gte !== other.gte) return false;
    if (this.lte !== other.lte || this.minValues !== other.minValues) return false;
    if (this.values.size !== other.values.size) return false;
    for (const value of this.values) if (!other.values.has(value)) return false;
    return true;
  }

  /**
   * The requirement as API entries: `In` / `NotIn` with sorted values, `Exists`, `DoesNotExist`, and
   * bounds as `Gte` / `Lte` entries (two when both are set). minValues rides on the first entry.
   * The one bound `Lte` cannot write, `<= -1` (from `Lt 0`), is written `Lt 0`.
   *
   * @returns one to three entries that, intersected, give back this requirement
   */
  toNodeSelectorRequirements(): NodeSelectorRequirementWithMinValues[] {
    const key = this.key;
    const entries: NodeSelectorRequirementWithMinValues[] = [];
    if (!this.complement) {
      entries.push(this.values.size > 0 ? { key, operator: "In", values: sorted(this.values) } : { key, operator: "DoesNotExist" });
    } else {
      if (this.values.size > 0) entries.push({ key, operator: "NotIn", values: sorted(this.values) });
      if (this.gte !== undefined) entries.push({ key, operator: "Gte", values: [String(this.gte)] });
      if (this.lte !== undefined && this.lte < 0) entries.push({ key, operator: "Lt", values: [String(this.lte + 1)] });
      else if (this.lte !== undefined) entries.push({ key, operator: "Lte", values: [String(this.lte)] });
      if (entries.length === 0) entries.push({ key, operator: "Exists" });
    }
    const [first] = entries;
    if (first !== undefined && this.minValues !== undefined) entries[0] = { ...first, minValues: this.minValues };
    return entries;
  }

  /**
   * A readable form, e.g. `zone In [a b]`, `gen Exists >=4`, `arch NotIn [arm64] minValues 2`.
   * Long value lists show the first five and a count.
   *
   * @returns the text
   */
  toString(): string {
    const operator = this.operator;
    let text = `${this.key} ${operator}`;
    if (operator === "In" || operator === "NotIn") {
      const values = sorted(this.values);
      const shown = values.slice(0, SHOWN_VALUES);
      if (values.length > SHOWN_VALUES) shown.push(`and ${values.length - SHOWN_VALUES} others`);
      text += ` [${shown.join(" ")}]`;
    }
    if (this.gte !== undefined) text += ` >=${this.gte}`;
    if (this.lte !== undefined) text += ` <=${this.lte}`;
    if (this.minValues !== undefined) text += ` minValues ${this.minValues}`;
    return text;
  }
}

/** The union of two sets, sharing one of them when the other adds nothing. */
function union(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  const out = new Set(a);
  for (const value of b) out.add(value);
  return out;
}

function sorted(values: ReadonlySet<string>): string[] {
  return [...values].sort();
}

/**
 * A set of label requirements, one per key: what a pod, a NodePool, an instance type or an offering
 * demands of a node's labels.
 *
 * @module
 */
import type { NodeSelectorRequirementWithMinValues } from "../types/kubernetes.js";
import { labelHint } from "./label-hint.js";
import { normalizeLabelKey, RESTRICTED_LABELS, WELL_KNOWN_LABELS } from "./labels.js";
import { Requirement } from "./requirement.js";

/**
 * Why two requirement sets do not fit together, for one key.
 *
 * @category Requirements
 */
export interface RequirementConflict {
  /** The label key. */
  readonly key: string;
  /** `no-intersection`: no value satisfies both; `undefined-label`: the receiver does not define the key. */
  readonly code: "no-intersection" | "undefined-label";
  /** A readable explanation. */
  readonly message: string;
}

/**
 * Options of {@link Requirements.compatible}.
 *
 * @category Requirements
 */
export interface CompatibilityOptions {
  /** Keys the receiver may leave undefined, typically {@link WELL_KNOWN_LABELS} for a new NodeClaim. */
  readonly allowUndefined?: ReadonlySet<string> | undefined;
}

const NO_KEYS: ReadonlySet<string> = new Set();

function absenceOnly(requirement: Requirement): boolean {
  const operator = requirement.operator;
  return operator === "NotIn" || operator === "DoesNotExist";
}

/**
 * An immutable set of requirements keyed by label. Adding a requirement for a key already present
 * intersects the two. A key that is absent is unconstrained.
 *
 * @example
 * ```ts
 * const pool = Requirements.of([Requirement.create(LABEL_ZONE, "In", ["a", "b"])]);
 * const pod = Requirements.of([Requirement.create(LABEL_ZONE, "In", ["b", "c"])]);
 * pool.isCompatible(pod, { allowUndefined: WELL_KNOWN_LABELS }); // true
 * pool.add(pod).get(LABEL_ZONE).toString(); // "topology.kubernetes.io/zone In [b]"
 * ```
 * @category Requirements
 */
export class Requirements implements Iterable<Requirement> {
  /** The set without requirements. */
  static readonly EMPTY: Requirements = new Requirements(new Map());

  private readonly byKey: ReadonlyMap<string, Requirement>;
  private sortedKeys: readonly string[] | undefined;

  private constructor(byKey: ReadonlyMap<string, Requirement>) {
    this.byKey = byKey;
  }

  /**
   * Builds a set from requirements (and sets), intersecting those that share a key.
   *
   * @param items - requirements or requirement sets
   * @returns the set
   */
  static of(items: Iterable<Requirement | Requirements>): Requirements {
    return Requirements.EMPTY.add(...items);
  }

  /** How many keys are constrained. */
  get size(): number {
    return this.byKey.size;
  }

  /**
   * A new set with every given requirement intersected into this one.
   *
   * @param items - requirements or requirement sets
   * @returns the combined set (this one when nothing is added)
   */
  add(...items: (Requirement | Requirements)[]): Requirements {
    if (items.length === 0) return this;
    const next = new Map(this.byKey);
    const put = (requirement: Requirement): void => {
      const existing = next.get(requirement.key);
      next.set(requirement.key, existing === undefined ? requirement : existing.intersect(requirement));
    };
    for (const item of items) {
      // Told apart by shape, not instanceof, so ESM and CJS copies of nodefit mix.
      if ("complement" in item) put(item);
      else for (const requirement of item.byKey.values()) put(requirement);
    }
    return new Requirements(next);
  }

  /**
   * The requirement on a key; `Exists` (unconstrained) when the set does not mention it.
   *
   * @param key - a label key (aliases are normalised)
   * @returns the requirement
   */
  get(key: string): Requirement {
    return this.byKey.get(normalizeLabelKey(key)) ?? Requirement.exists(key);
  }

  /**
   * Whether the set constrains a key.
   *
   * @param key - a label key (aliases are normalised)
   * @returns true if the key has a requirement
   */
  has(key: string): boolean {
    return this.byKey.has(normalizeLabelKey(key));
  }

  /** The constrained keys, sorted. */
  keys(): readonly string[] {
    this.sortedKeys ??= [...this.byKey.keys()].sort();
    return this.sortedKeys;
  }

  /** The requirements, in key order. */
  *[Symbol.iterator](): Iterator<Requirement> {
    for (const key of this.keys()) yield this.byKey.get(key) as Requirement;
  }

  /**
   * Visits every requirement in no particular order, without sorting the keys (cheaper than iterating
   * when order does not matter).
   *
   * @param visit - called once per requirement
   */
  forEachRequirement(visit: (requirement: Requirement) => void): void {
    for (const requirement of this.byKey.values()) visit(requirement);
  }

  /** Whether any requirement carries minValues. */
  hasMinValues(): boolean {
    for (const requirement of this.byKey.values()) if (requirement.minValues !== undefined) return true;
    return false;
  }

  /**
   * Whether every key both sets constrain has a common value. Keys only one side constrains are
   * fine, and so is a pair where both sides are `NotIn` or `DoesNotExist` (the label may be absent).
   *
   * @param other - the other set
   * @returns true if no shared key conflicts
   */
  intersects(other: Requirements): boolean {
    const [small, large] = this.byKey.size <= other.byKey.size ? [this.byKey, other.byKey] : [other.byKey, this.byKey];
    for (const [key, requirement] of small) {
      const counterpart = large.get(key);
      if (counterpart === undefined || requirement.intersects(counterpart)) continue;
      if (!(absenceOnly(requirement) && absenceOnly(counterpart))) return false;
    }
    return true;
  }

  /**
   * Every shared key whose requirements have no common value, as {@link intersects} judges it.
   *
   * @param incoming - the other set (named "incoming" in messages)
   * @returns the conflicts in key order; empty when the sets intersect
   */
  checkIntersects(incoming: Requirements): readonly RequirementConflict[] {
    const conflicts: RequirementConflict[] = [];
    for (const key of this.keys()) {
      const existing = this.byKey.get(key) as Requirement;
      const other = incoming.byKey.get(key);
      if (other === undefined || existing.intersects(other)) continue;
      if (absenceOnly(existing) && absenceOnly(other)) continue;
      conflicts.push({ key, code: "no-intersection", message: `key ${key}, ${other.toString()} not in ${existing.toString()}` });
    }
    return conflicts;
  }

  /**
   * Whether `incoming` (a pod's requirements, say) may be added to this set: the shared keys must
   * intersect, and every key `incoming` needs a value for must be defined here unless it is in
   * `allowUndefined`. Keys that `incoming` only constrains with `NotIn` / `DoesNotExist` may be
   * undefined, since an absent label satisfies them.
   *
   * @param incoming - the requirements to add
   * @param options - `allowUndefined`: keys this set may leave undefined
   * @returns the conflicts (undefined labels first, then empty intersections); empty when compatible
   * @example
   * ```ts
   * const node = requirementsFromLabels({ "topology.kubernetes.io/zone": "a" });
   * node.compatible(requirementsFromSelector({ zone: "a" }));
   * // [{ key: "zone", code: "undefined-label",
   * //    message: 'label "zone" does not have known values (typo of "topology.kubernetes.io/zone"?)' }]
   * ```
   */
  compatible(incoming: Requirements, options: CompatibilityOptions = {}): readonly RequirementConflict[] {
    const allowUndefined = options.allowUndefined ?? NO_KEYS;
    const conflicts: RequirementConflict[] = [];
    for (const key of incoming.keys()) {
      if (allowUndefined.has(key) || this.byKey.has(key) || absenceOnly(incoming.byKey.get(key) as Requirement)) continue;
      const hint = labelHint(key, [...[...allowUndefined].sort(), ...[...WELL_KNOWN_LABELS].sort(), ...this.keys()]);
      conflicts.push({ key, code: "undefined-label", message: `label "${key}" does not have known values${hint}` });
    }
    return conflicts.concat(this.checkIntersects(incoming));
  }

  /**
   * The cheap form of {@link compatible}: true exactly when `compatible` reports no conflict.
   *
   * @param incoming - the requirements to add
   * @param options - `allowUndefined`: keys this set may leave undefined
   * @returns true if compatible
   */
  isCompatible(incoming: Requirements, options: CompatibilityOptions = {}): boolean {
    const allowUndefined = options.allowUndefined ?? NO_KEYS;
    for (const [key, requirement] of incoming.byKey) {
      if (!allowUndefined.has(key) && !this.byKey.has(key) && !absenceOnly(requirement)) return false;
    }
    return this.intersects(incoming);
  }

  /**
   * Structural equality: the same keys with equal requirements.
   *
   * @param other - another set
   * @returns true if both hold the same requirements
   */
  equals(other: Requirements): boolean {
    if (this.byKey.size !== other.byKey.size) return false;
    for (const [key, requirement] of this.byKey) {
      const counterpart = other.byKey.get(key);
      if (counterpart === undefined || !requirement.equals(counterpart)) return false;
    }
    return true;
  }

  /** The set as API entries, in key order (see {@link Requirement.toNodeSelectorRequirements}). */
  toNodeSelectorRequirements(): NodeSelectorRequirementWithMinValues[] {
    const out: NodeSelectorRequirementWithMinValues[] = [];
    for (const requirement of this) out.push(...requirement.toNodeSelectorRequirements());
    return out;
  }

  /** A readable, sorted form that leaves out restricted labels (the hostname placeholder). */
  toString(): string {
    const parts: string[] = [];
    for (const requirement of this) if (!RESTRICTED_LABELS.has(requirement.key)) parts.push(requirement.toString());
    return parts.sort().join(", ");
  }
}

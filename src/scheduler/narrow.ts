/**
 * Instance-type narrowing for a node claim: which of its options can still hold all of its pods plus the
 * DaemonSet overhead of the option's group, in a compatible zone and capacity type, honouring minValues.
 *
 * @module
 */
import type { CatalogueVectors } from "../instance-types/catalogue-vectors.js";
import {
  filterInstanceTypes,
  formatInstanceTypeFilterFailure,
  LABEL_RESERVATION_ID,
  relaxMinValues,
  satisfiesMinValues,
  formatMinValuesShortfall,
  type Bitset,
  type InstanceType,
} from "../instance-types/index.js";
import { andInto, count } from "../instance-types/_bitset.js";
import { OptionSet } from "../instance-types/option-set.js";
import { addResources, fitsAmount, hostPortsConflict, minResources, type HostPort, type ResourceList } from "../resources/index.js";
import { LABEL_CAPACITY_TYPE, LABEL_ZONE, type Requirement, type Requirements } from "../requirements/index.js";
import type { PlacementTemplate } from "./placement-template.js";
import type { NodeClaimTemplate } from "./nodeclaim-template.js";
import type { NodePoolFailure } from "./types.js";

/**
 * The requirements that differ between what the options were last narrowed for and now: options already
 * intersect every unchanged key, so only these need checking.
 */
function changedRequirements(previous: Requirements, next: Requirements): Requirement[] {
  const changed: Requirement[] = [];
  for (const r of next) {
    if (previous.has(r.key) && previous.get(r.key).equals(r)) continue;
    changed.push(r);
  }
  return changed;
}

function portsConflict(a: readonly HostPort[], b: readonly HostPort[]): boolean {
  for (const x of a) for (const y of b) if (hostPortsConflict(x, y)) return true;
  return false;
}

/** What narrowing a claim's options for one more pod needs. */
export interface NarrowInput {
  /** The claim's current options (each intersects `previous`). */
  readonly options: OptionSet;
  /**
   * The claim's cursors: per DaemonSet group and resource (`group * dims + d`), a position in
   * {@link CatalogueVectors.order}`(d)` before which every type is out of the options.
   */
  readonly cursors: Int32Array;
  /** Whether every option is known to have an offering compatible with `previous`. */
  readonly offeringsChecked: boolean;
  /** The requirements the options were last narrowed for. */
  readonly previous: Requirements;
  /** The claim's requirements with the pod's merged in. */
  readonly requirements: Requirements;
  /** The claim's summed pod requests, and the new pod's, as vectors. */
  readonly claimRequests: Float64Array;
  readonly podRequests: Float64Array;
  /** The same sum as a list, for failure messages only. */
  readonly requestList: () => ResourceList;
  /** The new pod's host ports (conflicting DaemonSet groups are skipped). */
  readonly podPorts: readonly HostPort[];
  readonly template: PlacementTemplate;
  readonly vectors: CatalogueVectors;
  /** Strict refuses to narrow below minValues, BestEffort lowers them. */
  readonly minValuesPolicy: "Strict" | "BestEffort";
  /** Whether a refusal needs its reason (a planned claim's refusal is never shown). */
  readonly explain: boolean;
}

/** The narrowed options with the cursors that go with them, or why none are left. */
export type NarrowedOptions =
  | {
      readonly ok: true;
      readonly options: OptionSet;
      readonly cursors: Int32Array;
      readonly requirements: Requirements;
      readonly minValuesRelaxed: boolean;
    }
  | { readonly ok: false; readonly failure: NodePoolFailure };

/** The refusal a caller that does not explain receives (never shown). */
export const UNEXPLAINED: NodePoolFailure = Object.freeze({ nodePool: "", kind: "insufficient-resources", message: "" });

let scratch = new Float64Array(64);
let blocked = new Uint8Array(8);

/**
 * The cursors a new claim starts with: nothing passed yet.
 *
 * @param template - the claim's template
 * @param dims - the run's resource dimensions
 * @returns one cursor per DaemonSet group and resource, all 0
 */
export function initialCursors(template: PlacementTemplate, dims: number): Int32Array {
  return new Int32Array(Math.max(template.overheads.length, 1) * dims);
}

/**
 * Narrows a claim's options for one more pod: the options whose labels meet the changed requirements, that
 * hold the claim's requests plus the pod's plus their DaemonSet group's overhead, and (when zone, capacity
 * type or reservation changed) still have a compatible available offering; then minValues.
 *
 * Resources are checked without walking the options: per group and resource, the types that cannot hold a
 * total are a prefix of the catalogue by allocatable (the fits rule is monotone in what is available), and
 * the claim's cursor already stands past every type an earlier total ruled out, so only the types between the
 * cursor and the first one that fits are looked at. Over a claim's life each cursor passes each type once.
 *
 * @param input - the claim, the pod and the policies
 * @returns the surviving options in order, or a structured failure
 */
export function narrowOptions(input: NarrowInput): NarrowedOptions {
  const { options, requirements, template, vectors, cursors } = input;
  const dims = vectors.dims;
  const groups = template.overheads.length;
  // Per DaemonSet group: the total to fit, and whether the pod's ports conflict with the group's.
  const slots = Math.max(groups, 1);
  if (scratch.length < slots * dims) scratch = new Float64Array(slots * dims * 2);
  if (blocked.length < slots) blocked = new Uint8Array(slots * 2);
  const totals = scratch;
  let anyBlocked = false;
  for (let g = 0; g < slots; g++) {
    const overhead = template.overheads[g];
    const conflict = overhead !== undefined && input.podPorts.length > 0 && portsConflict(input.podPorts, template.daemonGroups[g]?.hostPorts ?? []);
    for (let d = 0; d < dims; d++) {
      totals[g * dims + d] = (input.claimRequests[d] as number) + (input.podRequests[d] as number) + (overhead === undefined ? 0 : (overhead[d] as number));
    }
    blocked[g] = conflict ? 1 : 0;
    anyBlocked ||= conflict;
  }
  const alive = options.bits;
  const allocatable = vectors.allocatable;
  const groupById = template.groupById;
  // Copied on the first change, so a pod that drops nothing allocates nothing.
  let kept: Bitset | undefined;
  let moved: Int32Array | undefined;
  for (let g = 0; g < slots; g++) {
    if (blocked[g] === 1) continue;
    for (let d = 0; d < dims; d++) {
      const total = totals[g * dims + d] as number;
      if (total === 0) continue;
      const order = vectors.order(d);
      const start = (moved ?? cursors)[g * dims + d] as number;
      let p = start;
      for (; p < order.length; p++) {
        const id = order[p] as number;
        if (fitsAmount(total, allocatable[id * dims + d] as number)) break;
        // The cursor passes every type; only this group's members are ruled out by this group's total.
        if (groups !== 0 && groupById[id] !== g) continue;
        const word = id >>> 5;
        const bit = 1 << (id & 31);
        if (((kept ?? alive)[word] as number) & bit) {
          kept ??= alive.slice();
          kept[word] = ((kept[word] as number) & ~bit) >>> 0;
        }
      }
      if (p !== start) {
        moved ??= cursors.slice();
        moved[g * dims + d] = p;
      }
    }
  }
  if (anyBlocked) {
    const ids = options.ids;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if (blocked[groups === 0 ? 0 : (groupById[id] as number)] !== 1) continue;
      kept ??= alive.slice();
      kept[id >>> 5] = ((kept[id >>> 5] as number) & ~(1 << (id & 31))) >>> 0;
    }
  }
  // Options already meet every unchanged key: only the changed ones, read from the index's tables.
  const changed = changedRequirements(input.previous, requirements);
  for (const r of changed) kept = andCopy(kept, alive, vectors.index.requirementSet(r));
  if (!input.offeringsChecked || changed.some((r) => OFFERING_KEYS.has(r.key))) {
    kept = andCopy(kept, alive, vectors.index.offeringView(requirements).offered);
  }
  const next = moved ?? cursors;
  if (kept === undefined) return finish(input, options, next);
  const size = count(kept);
  // Nothing dropped (the common case for a small pod): the claim keeps its option set.
  return finish(input, size === options.size ? options : OptionSet.ofBits(options.index, kept, size), next);
}

/** `kept ∩ other`, copying `alive` first when nothing was copied yet and `other` removes something. */
function andCopy(kept: Bitset | undefined, alive: Bitset, other: Bitset): Bitset | undefined {
  const from = kept ?? alive;
  for (let w = 0; w < from.length; w++) {
    if (((from[w] as number) & ~(other[w] as number)) === 0) continue;
    const out = kept ?? alive.slice();
    andInto(out, other);
    return out;
  }
  return kept;
}

/** Failure explanation and minValues for the kept options. */
function finish(input: NarrowInput, kept: OptionSet, cursors: Int32Array): NarrowedOptions {
  const { options, requirements, template } = input;
  if (kept.size === 0) {
    if (!input.explain) return { ok: false, failure: UNEXPLAINED };
    const usable = options.types.filter((type) => {
      const g = template.groupOf.get(type) ?? 0;
      const group = template.daemonGroups[g];
      return group === undefined || input.podPorts.length === 0 || !portsConflict(input.podPorts, group.hostPorts);
    });
    return { ok: false, failure: describeFailure(usable, options.size, requirements, input.requestList(), template) };
  }
  if (!requirements.hasMinValues()) return { ok: true, options: kept, cursors, requirements, minValuesRelaxed: false };
  const check = satisfiesMinValues(kept.types, requirements);
  if (check.satisfied) return { ok: true, options: kept, cursors, requirements, minValuesRelaxed: false };
  if (input.minValuesPolicy === "BestEffort") {
    return { ok: true, options: kept, cursors, requirements: relaxMinValues(requirements, check.shortfalls), minValuesRelaxed: true };
  }
  return {
    ok: false,
    failure: {
      nodePool: template.name,
      kind: "min-values",
      message: formatMinValuesShortfall(check.shortfalls),
      minValues: new Map(check.shortfalls.map((s) => [s.key, s.achieved])),
    },
  };
}

/** The keys an offering's compatibility depends on. */
const OFFERING_KEYS: ReadonlySet<string> = new Set([LABEL_ZONE, LABEL_CAPACITY_TYPE, LABEL_RESERVATION_ID]);

function describeFailure(
  usable: readonly InstanceType[],
  optionCount: number,
  requirements: Requirements,
  requests: ResourceList,
  template: NodeClaimTemplate,
): NodePoolFailure {
  if (usable.length === 0 && optionCount > 0) {
    return { nodePool: template.name, kind: "host-port-conflict", message: "the pod's host ports conflict with every DaemonSet group's host ports" };
  }
  let overhead: ResourceList | undefined;
  for (const g of template.daemonGroups) overhead = overhead === undefined ? g.overhead : minResources(overhead, g.overhead);
  const total = overhead === undefined ? requests : addResources(requests, overhead);
  const { failure } = filterInstanceTypes(usable, requirements, total, { minValuesPolicy: "Ignore" });
  if (failure === undefined) {
    return { nodePool: template.name, kind: "insufficient-resources", message: "no instance type met the requirements/resources/offering tuple" };
  }
  const message = formatInstanceTypeFilterFailure(failure);
  if (!failure.requirementsMet) return { nodePool: template.name, kind: "incompatible-requirements", message };
  if (!failure.hasOffering || (failure.requirementsAndFits && !failure.requirementsAndOffering)) {
    return { nodePool: template.name, kind: "no-offering", message };
  }
  return {
    nodePool: template.name,
    kind: "insufficient-resources",
    message,
    ...(failure.shortfall !== undefined ? { resources: [failure.shortfall] } : {}),
  };
}

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
import { OptionSet } from "../instance-types/option-set.js";
import { addResources, fitsAmount, fitsVectorAt, hostPortsConflict, minResources, type HostPort, type ResourceList } from "../resources/index.js";
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
  /**
   * Per resource, the least any option can hold (negative when some option lacks it); when the claim plus the
   * pod plus the largest DaemonSet overhead stays within it, no option can drop for resources.
   */
  readonly minAllocatable?: Float64Array;
  /** Strict refuses to narrow below minValues, BestEffort lowers them. */
  readonly minValuesPolicy: "Strict" | "BestEffort";
  /** Whether a refusal needs its reason (a planned claim's refusal is never shown). */
  readonly explain: boolean;
}

/** The narrowed options, or why none are left. */
export type NarrowedOptions =
  | { readonly ok: true; readonly options: OptionSet; readonly requirements: Requirements; readonly minValuesRelaxed: boolean }
  | { readonly ok: false; readonly failure: NodePoolFailure };

/** The refusal a caller that does not explain receives (never shown). */
export const UNEXPLAINED: NodePoolFailure = Object.freeze({ nodePool: "", kind: "insufficient-resources", message: "" });

let scratch = new Float64Array(64);
let blocked = new Uint8Array(8);
/** Kept ids of the current walk; copied out only when an option dropped, so most walks allocate nothing. */
let keptScratch = new Int32Array(512);

/**
 * Narrows a claim's options for one more pod: the options whose labels meet the changed requirements, that
 * hold the claim's requests plus the pod's plus their DaemonSet group's overhead, and (when zone, capacity
 * type or reservation changed) still have a compatible available offering; then minValues.
 *
 * @param input - the claim, the pod and the policies
 * @returns the surviving options in order, or a structured failure
 */
export function narrowOptions(input: NarrowInput): NarrowedOptions {
  const { options, requirements, template, vectors } = input;
  const optionIds = options.ids;
  const dims = vectors.dims;
  const groups = template.overheads.length;
  // Per DaemonSet group: the total to fit, and whether the pod's ports conflict with the group's.
  const slots = Math.max(groups, 1);
  if (scratch.length < slots * dims) scratch = new Float64Array(slots * dims * 2);
  if (blocked.length < slots) blocked = new Uint8Array(slots * 2);
  const totals = scratch;
  for (let g = 0; g < slots; g++) {
    const overhead = template.overheads[g];
    const conflict = overhead !== undefined && input.podPorts.length > 0 && portsConflict(input.podPorts, template.daemonGroups[g]?.hostPorts ?? []);
    for (let d = 0; d < dims; d++) {
      totals[g * dims + d] = (input.claimRequests[d] as number) + (input.podRequests[d] as number) + (overhead === undefined ? 0 : (overhead[d] as number));
    }
    blocked[g] = conflict ? 1 : 0;
  }
  const changed = changedRequirements(input.previous, requirements);
  // Options already meet every unchanged key: only the changed ones, read from per-catalogue tables.
  const meets: Bitset[] = changed.map((r) => vectors.index.requirementSet(r));
  const checkOfferings = !input.offeringsChecked || changed.some((r) => OFFERING_KEYS.has(r.key));
  const offerings = checkOfferings ? vectors.index.offeringView(requirements).capacityMasks : undefined;
  const allocatable = vectors.allocatable;
  const groupById = template.groupById;
  // Fast path: no changed key, no offering check, no port conflict and every total within the smallest option.
  // Float addition is monotone, so base + the largest overhead bounding every group's total is exact.
  if (meets.length === 0 && offerings === undefined && input.minAllocatable !== undefined && !anyBlocked(slots) && allFit(input, template, dims)) {
    return finish(input, options);
  }
  if (keptScratch.length < optionIds.length) keptScratch = new Int32Array(optionIds.length * 2);
  const keptIds = keptScratch;
  let kept = 0;
  for (let i = 0; i < optionIds.length; i++) {
    const id = optionIds[i] as number;
    const g = groups === 0 ? 0 : (groupById[id] as number);
    if (blocked[g] === 1) continue;
    let ok = fitsVectorAt(totals, g * dims, allocatable, id * dims, dims);
    for (let m = 0; ok && m < meets.length; m++) if ((((meets[m] as Bitset)[id >>> 5] as number) & (1 << (id & 31))) === 0) ok = false;
    if (ok && offerings !== undefined && offerings[id] === 0) ok = false;
    if (ok) keptIds[kept++] = id;
  }
  // Nothing dropped (the common case for a small pod): the claim keeps its option set.
  return finish(input, kept === optionIds.length ? options : new OptionSet(options.index, keptIds.slice(0, kept)));
}

function anyBlocked(slots: number): boolean {
  for (let g = 0; g < slots; g++) if (blocked[g] === 1) return true;
  return false;
}

const maxOverheads = new WeakMap<PlacementTemplate, Float64Array>();

/** Whether the claim's requests plus the pod's plus the largest overhead fit the smallest option in every resource. */
function allFit(input: NarrowInput, template: PlacementTemplate, dims: number): boolean {
  let ovmax = maxOverheads.get(template);
  if (ovmax === undefined || ovmax.length !== dims) {
    ovmax = new Float64Array(dims);
    for (const overhead of template.overheads) {
      for (let d = 0; d < dims; d++) {
        const v = overhead[d] as number;
        // A negative overhead would break the bound's reasoning: mark the template so the fast path never applies.
        if (!(v >= 0)) ovmax[d] = Number.NaN;
        else if (v > (ovmax[d] as number)) ovmax[d] = v;
      }
    }
    maxOverheads.set(template, ovmax);
  }
  const min = input.minAllocatable as Float64Array;
  for (let d = 0; d < dims; d++) {
    const base = (input.claimRequests[d] as number) + (input.podRequests[d] as number);
    const over = ovmax[d] as number;
    if (!(base >= 0) || !(over >= 0)) return false;
    if (!fitsAmount(base + over, min[d] as number)) return false;
  }
  return true;
}

/** Failure explanation and minValues for the kept options. */
function finish(input: NarrowInput, kept: OptionSet): NarrowedOptions {
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
  if (!requirements.hasMinValues()) return { ok: true, options: kept, requirements, minValuesRelaxed: false };
  const check = satisfiesMinValues(kept.types, requirements);
  if (check.satisfied) return { ok: true, options: kept, requirements, minValuesRelaxed: false };
  if (input.minValuesPolicy === "BestEffort") {
    return { ok: true, options: kept, requirements: relaxMinValues(requirements, check.shortfalls), minValuesRelaxed: true };
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

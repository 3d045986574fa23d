/**
 * A node claim planned during this run: its template, narrowing requirements and instance-type options, the
 * pods it holds and their summed requests.
 *
 * @module
 */
import type { CatalogueVectors } from "../instance-types/catalogue-vectors.js";
import { hasBit } from "../instance-types/_bitset.js";
import { OfferingMatcher } from "../instance-types/offering-matcher.js";
import type { OptionSet } from "../instance-types/option-set.js";
import { addResources, addVectorInto, hostPortsConflict, type HostPort, type ResourceList } from "../resources/index.js";
import { LABEL_HOSTNAME, Requirement, type Requirements } from "../requirements/index.js";
import { formatTaint, toleratesAll, untoleratedTaints } from "../taints/index.js";
import type { Attempt, RunContext } from "./context.js";
import { initialCursors, narrowOptions, UNEXPLAINED } from "./narrow.js";
import { firstVolumeAlternative } from "./pod-data.js";
import type { PlacementTemplate } from "./placement-template.js";
import { planReservations } from "./reservations.js";
import type { NodePoolFailure } from "./types.js";

/** What adding a pod would change, computed by {@link NodeClaim.canAdd} and applied by {@link NodeClaim.add}. */
export interface ClaimChange {
  readonly requirements: Requirements;
  readonly options: OptionSet;
  readonly cursors: Int32Array;
  readonly minValuesRelaxed: boolean;
  readonly reservations: ReadonlySet<string>;
}

/** The outcome of {@link NodeClaim.canAdd}. */
export type ClaimCheck =
  | { readonly ok: true; readonly change: ClaimChange }
  | { readonly ok: false; readonly failure: NodePoolFailure; readonly reserved: boolean };

const UNEXPLAINED_REFUSAL: ClaimCheck = Object.freeze({ ok: false, failure: UNEXPLAINED, reserved: false });

/** A node claim being planned. Mutable, owned by one run. */
export class NodeClaim {
  requirements: Requirements;
  /** The instance types it may still become. */
  options: OptionSet;
  requests: ResourceList = new Map();
  /** {@link NodeClaim.requests} as a vector of the run's resource space. */
  readonly requestVector: Float64Array;
  readonly pods: string[] = [];
  readonly hostPorts: HostPort[] = [];
  minValuesRelaxed = false;
  reservations: ReadonlySet<string> = new Set();
  /** Pod classes known not to fit since the last change (only for pods without topology constraints). */
  readonly failedClasses: Set<number> = new Set();
  /** Per DaemonSet group and resource, how far narrowing has ruled types out (see {@link narrowOptions}). */
  private cursors: Int32Array;
  /** Per resource, the most any option can hold; lets a full claim refuse before any requirement work. */
  private maxAllocatable: Float64Array | undefined;
  /** Per resource, the position of the largest option in the catalogue's allocatable order (found from the end). */
  private tops: Int32Array | undefined;
  /** Whether every option has an offering compatible with the requirements (checked by the first narrowing). */
  private offeringsChecked = false;

  /**
   * @param template - the NodePool template
   * @param hostname - the placeholder hostname (unique per claim)
   * @param options - the instance types it may become (already limit-filtered)
   * @param dims - the run's resource dimensions
   */
  constructor(
    readonly template: PlacementTemplate,
    readonly hostname: string,
    options: OptionSet,
    dims: number,
  ) {
    this.requirements = template.requirements.add(Requirement.create(LABEL_HOSTNAME, "In", [hostname]));
    this.options = options;
    this.cursors = initialCursors(template, dims);
    this.requestVector = new Float64Array(dims);
  }

  /**
   * Checks whether the pod can join: template taints, requirement compatibility (undefined well-known labels
   * allowed), host ports, topology, instance-type narrowing with DaemonSet overhead, minValues and reservations.
   *
   * @param attempt - the pod being tried
   * @param ctx - the run
   * @param explain - whether a refusal needs its reason (false: a shared, empty refusal is returned)
   * @returns the change to apply, or the refusal
   */
  canAdd(attempt: Attempt, ctx: RunContext, explain = true): ClaimCheck {
    if (attempt.podClass.volumeClasses.length > 0) return firstVolumeAlternative(attempt, (a) => this.canAdd(a, ctx, explain));
    const { podClass } = attempt;
    const template = this.template;
    const podVector = ctx.requestVector(podClass);
    if (this.pods.length > 0 && !this.mayFit(podVector, ctx.vectors)) {
      if (!explain) return UNEXPLAINED_REFUSAL;
      return refuse(template.name, "insufficient-resources", "no remaining instance type of this node claim has room for the pod");
    }
    if (template.taints.length > 0 && !toleratesAll(podClass.tolerations, template.taints)) {
      if (!explain) return UNEXPLAINED_REFUSAL;
      const untolerated = untoleratedTaints(podClass.tolerations, template.taints);
      return refuse(template.name, "taints-not-tolerated", `did not tolerate taint(s) ${untolerated.map(formatTaint).join(", ")}`, {
        taints: untolerated,
      });
    }
    const allowUndefined = { allowUndefined: ctx.options.wellKnownLabels };
    if (!this.requirements.isCompatible(podClass.requirements, allowUndefined)) {
      if (!explain) return UNEXPLAINED_REFUSAL;
      const conflicts = this.requirements.compatible(podClass.requirements, allowUndefined);
      return refuse(template.name, "incompatible-requirements", conflicts.map((c) => c.message).join("; "), { requirements: conflicts });
    }
    for (const port of podClass.hostPorts) {
      for (const other of this.hostPorts) {
        if (hostPortsConflict(port, other)) {
          if (!explain) return UNEXPLAINED_REFUSAL;
          return refuse(template.name, "host-port-conflict", `host port ${port.port}/${port.protocol} is already in use on this node claim`);
        }
      }
    }
    let requirements = podClass.requirements.size === 0 ? this.requirements : this.requirements.add(podClass.requirements);
    if (attempt.hasTopology) {
      const result = ctx.topology.addRequirements(attempt.pod, podClass.strictRequirements, requirements, template.taints);
      if (!result.ok) {
        if (!explain) return UNEXPLAINED_REFUSAL;
        const conflict = result.conflict;
        // The conflict message is built lazily by the topology layer: only read it when reported.
        const failure: NodePoolFailure = {
          nodePool: template.name,
          kind: "topology-conflict",
          get message() {
            return conflict.message;
          },
          topology: conflict,
        };
        return { ok: false, failure, reserved: false };
      }
      requirements = result.requirements;
    }
    const narrowed = narrowOptions({
      options: this.options,
      cursors: this.cursors,
      offeringsChecked: this.offeringsChecked,
      previous: this.requirements,
      requirements,
      claimRequests: this.requestVector,
      podRequests: podVector,
      requestList: () => addResources(this.requests, podClass.requests),
      podPorts: podClass.hostPorts,
      template,
      vectors: ctx.vectors,
      minValuesPolicy: ctx.options.minValuesPolicy,
      explain,
    });
    if (!narrowed.ok) return { ok: false, failure: narrowed.failure, reserved: false };
    const plan = ctx.reservations.empty
      ? { ok: true as const, ids: this.reservations }
      : planReservations(
          ctx.reservations,
          this.hostname,
          this.reservations,
          narrowed.options.types,
          new OfferingMatcher(narrowed.requirements),
          ctx.options.reservedCapacityMode === "strict",
        );
    if (!plan.ok) return { ...refuse(template.name, "reserved-capacity", plan.message), reserved: true };
    return {
      ok: true,
      change: {
        requirements: narrowed.requirements,
        options: narrowed.options,
        cursors: narrowed.cursors,
        minValuesRelaxed: this.minValuesRelaxed || narrowed.minValuesRelaxed,
        reservations: plan.ids,
      },
    };
  }

  /** Whether the pod's requests on top of the claim's could fit the largest option (a necessary condition). */
  private mayFit(podVector: Float64Array, vectors: CatalogueVectors): boolean {
    const dims = vectors.dims;
    // Per resource, filled in when a pod first requests it (NaN: not known yet).
    const max = (this.maxAllocatable ??= new Float64Array(dims).fill(Number.NaN));
    const claim = this.requestVector;
    for (let d = 0; d < dims; d++) {
      const amount = podVector[d] as number;
      if (!(amount > 0)) continue;
      let most = max[d] as number;
      if (Number.isNaN(most)) max[d] = most = this.largestAllocatable(vectors, d);
      if ((claim[d] as number) + amount > most) return false;
    }
    return true;
  }

  /**
   * The most any option holds of one resource (0 when none holds more): the last option in the catalogue's
   * allocatable order. Options only drop, so the position only moves towards the front.
   */
  private largestAllocatable(vectors: CatalogueVectors, d: number): number {
    const alive = this.options.bits;
    const tops = (this.tops ??= new Int32Array(vectors.dims).fill(vectors.types.length - 1));
    const order = vectors.order(d);
    let p = tops[d] as number;
    while (p >= 0 && !hasBit(alive, order[p] as number)) p--;
    tops[d] = p;
    if (p < 0) return 0;
    const a = vectors.allocatable[(order[p] as number) * vectors.dims + d] as number;
    return Math.max(a, 0);
  }

  /**
   * Commits a pod: records it, narrows the options, adds its requests and host ports, registers the
   * placeholder hostname (first pod) and records the pod in the topology.
   *
   * @param attempt - the pod
   * @param change - what {@link NodeClaim.canAdd} returned for it
   * @param ctx - the run
   */
  add(attempt: Attempt, change: ClaimChange, ctx: RunContext): void {
    if (this.pods.length === 0) ctx.topology.register(LABEL_HOSTNAME, this.hostname);
    this.pods.push(attempt.name);
    this.requirements = change.requirements;
    if (change.options !== this.options) this.maxAllocatable = undefined;
    this.options = change.options;
    this.cursors = change.cursors;
    this.offeringsChecked = true;
    this.minValuesRelaxed = change.minValuesRelaxed;
    this.requests = addResources(this.requests, attempt.podClass.requests);
    addVectorInto(this.requestVector, ctx.requestVector(attempt.podClass));
    for (const port of attempt.podClass.hostPorts) this.hostPorts.push(port);
    ctx.reservations.update(this.hostname, this.reservations, change.reservations);
    this.reservations = change.reservations;
    ctx.topology.record(attempt.pod, this.requirements, this.template.taints);
    this.failedClasses.clear();
  }
}

function refuse(
  nodePool: string,
  kind: NodePoolFailure["kind"],
  message: string,
  extra: Partial<Omit<NodePoolFailure, "nodePool" | "kind" | "message">> = {},
): { readonly ok: false; readonly failure: NodePoolFailure; readonly reserved: false } {
  return { ok: false, failure: { nodePool, kind, message, ...extra } as NodePoolFailure, reserved: false };
}

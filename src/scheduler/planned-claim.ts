/**
 * A node claim planned during this run: its template, narrowing requirements and instance-type options, the
 * pods it holds and their summed requests.
 *
 * @module
 */
import type { InstanceType } from "../instance-types/index.js";
import { addResources, hostPortsConflict, type HostPort, type ResourceList } from "../resources/index.js";
import { elementwiseMax } from "./limits.js";
import { LABEL_HOSTNAME, Requirement, type Requirements } from "../requirements/index.js";
import { formatTaint, untoleratedTaints } from "../taints/index.js";
import type { Attempt, RunContext } from "./context.js";
import { narrowInstanceTypes, OfferingMatcher } from "./narrow.js";
import { planReservations } from "./reservations.js";
import type { NodePoolTemplate } from "./templates.js";
import type { NodePoolFailure } from "./types.js";

/** What adding a pod would change, computed by {@link PlannedClaim.canAdd} and applied by {@link PlannedClaim.add}. */
export interface ClaimChange {
  readonly requirements: Requirements;
  readonly options: readonly InstanceType[];
  readonly minValuesRelaxed: boolean;
  readonly reservations: ReadonlySet<string>;
}

/** The outcome of {@link PlannedClaim.canAdd}. */
export type ClaimCheck = { readonly ok: true; readonly change: ClaimChange } | { readonly ok: false; readonly failure: NodePoolFailure; readonly reserved: boolean };

/** A node claim being planned. Mutable, owned by one run. */
export class PlannedClaim {
  requirements: Requirements;
  options: readonly InstanceType[];
  requests: ResourceList = new Map();
  readonly pods: string[] = [];
  readonly hostPorts: HostPort[] = [];
  minValuesRelaxed = false;
  reservations: ReadonlySet<string> = new Set();
  /** Pod classes known not to fit since the last change (only for pods without topology constraints). */
  readonly failedClasses: Set<number> = new Set();
  /** Per resource, the most any option can hold; lets a full claim refuse before any requirement work. */
  private maxAllocatable: ResourceList | undefined;

  /**
   * @param template - the NodePool template
   * @param hostname - the placeholder hostname (unique per claim)
   * @param options - the instance types it may become (already limit-filtered)
   */
  constructor(
    readonly template: NodePoolTemplate,
    readonly hostname: string,
    options: readonly InstanceType[],
  ) {
    this.requirements = template.requirements.add(Requirement.create(LABEL_HOSTNAME, "In", [hostname]));
    this.options = options;
  }

  /**
   * Checks whether the pod can join: template taints, requirement compatibility (undefined well-known labels
   * allowed), host ports, topology, instance-type narrowing with DaemonSet overhead, minValues and reservations.
   *
   * @param attempt - the pod being tried
   * @param ctx - the run
   * @returns the change to apply, or the refusal
   */
  canAdd(attempt: Attempt, ctx: RunContext): ClaimCheck {
    const { podClass } = attempt;
    const template = this.template;
    if (this.pods.length > 0 && !this.mayFit(podClass.requests)) {
      return refuse(template.name, "insufficient-resources", "no remaining instance type of this node claim has room for the pod");
    }
    const untolerated = untoleratedTaints(podClass.tolerations, template.taints);
    if (untolerated.length > 0) {
      return refuse(template.name, "taints-not-tolerated", `did not tolerate taint(s) ${untolerated.map(formatTaint).join(", ")}`, {
        taints: untolerated,
      });
    }
    const conflicts = this.requirements.compatible(podClass.requirements, { allowUndefined: ctx.options.wellKnownLabels });
    if (conflicts.length > 0) {
      return refuse(template.name, "incompatible-requirements", conflicts.map((c) => c.message).join("; "), { requirements: conflicts });
    }
    for (const port of podClass.hostPorts) {
      for (const other of this.hostPorts) {
        if (hostPortsConflict(port, other)) {
          return refuse(template.name, "host-port-conflict", `host port ${port.port}/${port.protocol} is already in use on this node claim`);
        }
      }
    }
    let requirements = podClass.requirements.size === 0 ? this.requirements : this.requirements.add(podClass.requirements);
    if (attempt.hasTopology) {
      const result = ctx.topology.addRequirements(attempt.pod, podClass.strictRequirements, requirements, template.taints);
      if (!result.ok) {
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
    const narrowed = narrowInstanceTypes(
      this.options,
      this.requirements,
      requirements,
      addResources(this.requests, podClass.requests),
      podClass.hostPorts,
      template,
      ctx.options.minValuesPolicy,
    );
    if (!narrowed.ok) return { ok: false, failure: narrowed.failure, reserved: false };
    const plan = planReservations(
      ctx.reservations,
      this.hostname,
      this.reservations,
      narrowed.instanceTypes,
      new OfferingMatcher(narrowed.requirements),
      ctx.options.reservedCapacityMode === "strict",
    );
    if (!plan.ok) return { ...refuse(template.name, "reserved-capacity", plan.message), reserved: true };
    return {
      ok: true,
      change: {
        requirements: narrowed.requirements,
        options: narrowed.instanceTypes,
        minValuesRelaxed: this.minValuesRelaxed || narrowed.minValuesRelaxed,
        reservations: plan.ids,
      },
    };
  }

  /** Whether the pod's requests on top of the claim's could fit the largest option (a necessary condition). */
  private mayFit(requests: ResourceList): boolean {
    let max = this.maxAllocatable;
    if (max === undefined) {
      max = elementwiseMax(this.options.map((t) => t.allocatable));
      this.maxAllocatable = max;
    }
    for (const [name, amount] of requests) {
      if (amount > 0 && (this.requests.get(name) ?? 0) + amount > (max.get(name) ?? 0)) return false;
    }
    return true;
  }

  /**
   * Commits a pod: records it, narrows the options, adds its requests and host ports, registers the
   * placeholder hostname (first pod) and records the pod in the topology.
   *
   * @param attempt - the pod
   * @param change - what {@link PlannedClaim.canAdd} returned for it
   * @param ctx - the run
   */
  add(attempt: Attempt, change: ClaimChange, ctx: RunContext): void {
    if (this.pods.length === 0) ctx.topology.register(LABEL_HOSTNAME, this.hostname);
    this.pods.push(attempt.name);
    this.requirements = change.requirements;
    if (change.options.length !== this.options.length) this.maxAllocatable = undefined;
    this.options = change.options;
    this.minValuesRelaxed = change.minValuesRelaxed;
    this.requests = addResources(this.requests, attempt.podClass.requests);
    this.hostPorts.push(...attempt.podClass.hostPorts);
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

/**
 * An existing node (or a launched NodeClaim not yet registered) as a placement target: its labels as strict
 * requirements, its effective taints, what is left of its allocatable and its host ports.
 *
 * @module
 */
import { fitsResources, hostPortsConflict, overcommitted, subtractResources, type HostPort, type ResourceList } from "../resources/index.js";
import type { Requirements } from "../requirements/index.js";
import { formatTaint, toleratesAll, untoleratedTaints } from "../taints/index.js";
import type { Taint } from "../types/kubernetes.js";
import type { Attempt, RunContext } from "./context.js";
import { firstVolumeAlternative } from "./pod-data.js";

/** The outcome of {@link ExistingNode.canAdd}: the tightened requirements, or a one-line reason. */
export type NodeCheck = { readonly ok: true; readonly requirements: Requirements } | { readonly ok: false; readonly reason: string };

// The fixed refusals, made once: a run asks every node it walks past, and a fresh object per answer was most
// of a consolidation plan's allocation.
const OVERCOMMITTED: NodeCheck = { ok: false, reason: "insufficient resources (already over its allocatable)" };
const INSUFFICIENT: NodeCheck = { ok: false, reason: "insufficient resources" };
const INCOMPATIBLE: NodeCheck = { ok: false, reason: "incompatible labels" };

/** A node that already exists. Mutable, owned by one run. */
export class ExistingNode {
  requirements: Requirements;
  remaining: ResourceList;
  readonly hostPorts: HostPort[];
  readonly pods: string[] = [];
  /** Pod classes known not to fit since the last change (only for pods without topology constraints). */
  readonly failedClasses: Set<number> = new Set();

  /**
   * @param name - the node's name
   * @param hostname - its hostname label (the name when it has none)
   * @param nodePool - its NodePool, when managed by Karpenter
   * @param initialized - whether it is initialized (initialized nodes are tried first)
   * @param requirements - its labels plus `hostname In [its hostname]`
   * @param taints - its effective taints
   * @param remaining - allocatable minus bound pods and not-yet-bound DaemonSet pods
   * @param hostPorts - host ports already in use
   * @param pendingOnly - the node takes pending pods but no pod a simulated disruption moves (upstream's
   *   `isUnderConsolidateAfter` destinations, and in-flight claims): node state, so topology never sees it
   */
  constructor(
    readonly name: string,
    readonly hostname: string,
    readonly nodePool: string | undefined,
    readonly initialized: boolean,
    requirements: Requirements,
    readonly taints: readonly Taint[],
    remaining: ResourceList,
    hostPorts: readonly HostPort[],
    readonly pendingOnly: boolean = false,
  ) {
    this.requirements = requirements;
    this.remaining = remaining;
    this.hostPorts = [...hostPorts];
  }

  /**
   * Checks, in upstream's order: taints, CSI volume limits, host ports, resources, strict label compatibility, topology.
   *
   * @param attempt - the pod being tried
   * @param ctx - the run
   * @returns the node's tightened requirements, or why not
   */
  canAdd(attempt: Attempt, ctx: RunContext): NodeCheck {
    if (attempt.podClass.volumeClasses.length > 0) return firstVolumeAlternative(attempt, (a) => this.canAdd(a, ctx));
    const { podClass } = attempt;
    if (!toleratesAll(podClass.tolerations, this.taints)) {
      return { ok: false, reason: `did not tolerate ${untoleratedTaints(podClass.tolerations, this.taints).map(formatTaint).join(", ")}` };
    }
    const volumes = ctx.volumeLimits?.check(this.name, attempt.pod);
    if (volumes !== undefined) return { ok: false, reason: volumes };
    for (const port of podClass.hostPorts) {
      for (const other of this.hostPorts) if (hostPortsConflict(port, other)) return { ok: false, reason: `host port ${port.port} in use` };
    }
    // Upstream's Fits takes nothing, not even a pod requesting none of it, once any remaining amount is below zero
    // (bound pods already overfill the node).
    if (overcommitted(this.remaining)) return OVERCOMMITTED;
    if (!fitsResources(podClass.requests, this.remaining)) return INSUFFICIENT;
    if (!this.requirements.isCompatible(podClass.requirements)) return INCOMPATIBLE;
    let requirements = this.requirements.add(podClass.requirements);
    if (attempt.hasTopology) {
      const result = ctx.topology.addRequirements(attempt.pod, podClass.strictRequirements, requirements, this.taints);
      if (!result.ok) {
        const conflict = result.conflict;
        // Built only when read: the scheduler only asks whether the node took the pod.
        return {
          ok: false,
          get reason() {
            return conflict.message;
          },
        };
      }
      requirements = result.requirements;
    }
    return { ok: true, requirements };
  }

  /**
   * Commits a pod to the node.
   *
   * @param attempt - the pod
   * @param requirements - what {@link ExistingNode.canAdd} returned
   * @param ctx - the run
   */
  add(attempt: Attempt, requirements: Requirements, ctx: RunContext): void {
    this.pods.push(attempt.name);
    this.requirements = requirements;
    this.remaining = subtractResources(this.remaining, attempt.podClass.requests);
    this.hostPorts.push(...attempt.podClass.hostPorts);
    ctx.volumeLimits?.add(this.name, attempt.pod);
    ctx.topology.record(attempt.pod, requirements, this.taints, { strict: true });
    this.failedClasses.clear();
  }
}

/**
 * The placement cascade for one pod: existing nodes, then node claims planned in this run (least loaded
 * first), then a new node claim from the NodePools in weight order.
 *
 * @module
 */
import { untoleratedTaints, formatTaint } from "../taints/index.js";
import type { HostnameBlock } from "../topology/index.js";
import type { Attempt, RunContext } from "./context.js";
import type { ExistingNode } from "./existing-node.js";
import type { RemainingLimits } from "./limits.js";
import type { PodClass } from "./pod-data.js";
import { NodeClaim } from "./nodeclaim.js";
import { combineFailures, noNodePools, type PlacementFailure } from "./reasons.js";
import type { PlacementTemplate } from "./placement-template.js";
import type { NodeClaimTemplate } from "./nodeclaim-template.js";
import type { NodePoolFailure } from "./types.js";

/** Where a pod went, or why nowhere. */
export type Placement = { readonly ok: true } | { readonly ok: false; readonly failure: PlacementFailure };

const PLACED: Placement = Object.freeze({ ok: true });
const NO_BLOCKS: readonly HostnameBlock[] = [];

function blocked(blocks: readonly HostnameBlock[], hostname: string): boolean {
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b] as HostnameBlock;
    if ((block.counts.get(hostname) ?? 0) > block.limit) return true;
  }
  return false;
}

/** Mutable state of the cascade across one run. */
export class Scheduler {
  /** Planned claims in creation order. */
  readonly claims: NodeClaim[] = [];
  /** The same claims ordered as upstream tries them: by pod count, a stable re-sort before every pod. */
  private readonly byLoad: NodeClaim[] = [];
  /** Each claim's position in `byLoad`. */
  private readonly loadIndex = new Map<NodeClaim, number>();
  /** Per block (group counts × limit): the claims not yet known to be blocked, and how many claims were seen. */
  private readonly unblocked = new Map<ReadonlyMap<string, number>, Map<number, { seen: number; open: NodeClaim[] }>>();
  private readonly templateChecks = new Map<number, (NodePoolFailure | null)[]>();
  private readonly newClaimFailures = new Map<string, { version: number; failure: NodePoolFailure }>();
  /** Per pod class: how many existing nodes, from the first, have the class in their failed cache. */
  private readonly skips = new Map<number, { at: number; seen: number }>();
  /** Positions of the existing nodes that took a pod (their failed caches cleared), in order. */
  private readonly changedNodes: number[] = [];

  /**
   * @param ctx - the run
   * @param nodes - existing nodes, initialized first then by name
   * @param templates - usable NodePool templates in weight order
   * @param anyNodePools - whether any NodePool was given (for the message when none is usable)
   * @param limits - remaining NodePool limits
   */
  constructor(
    private readonly ctx: RunContext,
    private readonly nodes: readonly ExistingNode[],
    private readonly templates: readonly PlacementTemplate[],
    private readonly anyNodePools: boolean,
    private readonly limits: RemainingLimits,
  ) {}

  /**
   * Places a pod at the first target that takes it.
   *
   * @param attempt - the pod (possibly relaxed)
   * @returns success, or the combined refusal of the NodePools
   */
  add(attempt: Attempt): Placement {
    const classId = attempt.podClass.id;
    const cacheable = !attempt.hasTopology;
    // Targets whose hostname count alone refuses the pod are skipped without the full check (same answer).
    const blocks = cacheable ? NO_BLOCKS : this.ctx.topology.hostnameBlocks(attempt.pod);
    // Every node before `skip.at` has the class in its failed cache: the walk starts there (same answer).
    const skip = cacheable ? this.skipFor(classId) : undefined;
    let prefix = skip !== undefined;
    for (let i = skip?.at ?? 0; i < this.nodes.length; i++) {
      const node = this.nodes[i] as ExistingNode;
      // Before the class cache: a refusal for the mover says nothing about a pending pod of the same class.
      if (attempt.mover && node.pendingOnly) {
        prefix = false;
        continue;
      }
      if (cacheable && node.failedClasses.has(classId)) {
        if (prefix && skip !== undefined) skip.at = i + 1;
        continue;
      }
      if (blocks.length > 0 && blocked(blocks, node.hostname)) continue;
      const check = node.canAdd(attempt, this.ctx);
      if (check.ok) {
        node.add(attempt, check.requirements, this.ctx);
        // The node's failed cache is cleared: no class may skip it any more.
        this.changedNodes.push(i);
        return PLACED;
      }
      if (cacheable) {
        node.failedClasses.add(classId);
        if (prefix && skip !== undefined) skip.at = i + 1;
      }
    }
    const few = blocks.length > 0 ? this.fewUnblocked(blocks) : undefined;
    if (few !== undefined) {
      // Only these claims can pass the blocks: try them in load order, as the full walk would.
      for (const claim of few) {
        if (blocked(blocks, claim.hostname)) continue;
        const check = claim.canAdd(attempt, this.ctx, false);
        if (check.ok) {
          claim.add(attempt, check.change, this.ctx);
          this.reorder(this.loadIndex.get(claim) as number);
          return PLACED;
        }
      }
      return this.addToNewClaim(attempt);
    }
    for (let i = 0; i < this.byLoad.length; i++) {
      const claim = this.byLoad[i] as NodeClaim;
      if (cacheable && claim.failedClasses.has(classId)) continue;
      if (blocks.length > 0 && blocked(blocks, claim.hostname)) continue;
      const check = claim.canAdd(attempt, this.ctx, false);
      if (check.ok) {
        claim.add(attempt, check.change, this.ctx);
        this.reorder(i);
        return PLACED;
      }
      if (cacheable) claim.failedClasses.add(classId);
    }
    return this.addToNewClaim(attempt);
  }

  /** The class's skip, lowered below every node that took a pod since it was last read. */
  private skipFor(classId: number): { at: number; seen: number } {
    let skip = this.skips.get(classId);
    if (skip === undefined) this.skips.set(classId, (skip = { at: 0, seen: this.changedNodes.length }));
    for (; skip.seen < this.changedNodes.length; skip.seen++) skip.at = Math.min(skip.at, this.changedNodes[skip.seen] as number);
    return skip;
  }

  private addToNewClaim(attempt: Attempt): Placement {
    if (this.templates.length === 0) return { ok: false, failure: noNodePools(this.anyNodePools) };
    const failures: NodePoolFailure[] = [];
    const cacheable = !attempt.hasTopology && this.ctx.reservations.empty;
    for (let t = 0; t < this.templates.length; t++) {
      const template = this.templates[t] as PlacementTemplate;
      const pre = this.templateCheck(attempt.podClass, template, t);
      if (pre !== null) {
        failures.push(pre);
        continue;
      }
      const memoKey = `${attempt.podClass.id}:${t}`;
      const memo = cacheable ? this.newClaimFailures.get(memoKey) : undefined;
      if (memo !== undefined && memo.version === this.limits.version) {
        failures.push(memo.failure);
        continue;
      }
      const allowed = this.limits.allowed(template);
      if (!allowed.ok) {
        failures.push({ nodePool: template.name, kind: "limits-exceeded", message: allowed.message, limits: allowed.resources });
        continue;
      }
      const hostname = `hostname-placeholder-${String(this.claims.length + 1).padStart(4, "0")}`;
      const claim = new NodeClaim(template, hostname, allowed.types, allowed.ids, this.ctx.vectors.dims);
      const check = claim.canAdd(attempt, this.ctx);
      if (check.ok) {
        claim.add(attempt, check.change, this.ctx);
        this.claims.push(claim);
        this.insertNew(claim);
        this.limits.subtractMax(template, claim.optionIds);
        return PLACED;
      }
      failures.push(check.failure);
      if (check.reserved) return { ok: false, failure: combineFailures(failures, true) };
      if (cacheable) this.newClaimFailures.set(memoKey, { version: this.limits.version, failure: check.failure });
    }
    return { ok: false, failure: combineFailures(failures) };
  }

  /** Template taints and requirement compatibility, memoised per pod class × template. */
  private templateCheck(podClass: PodClass, template: NodeClaimTemplate, t: number): NodePoolFailure | null {
    let row = this.templateChecks.get(podClass.id);
    if (row === undefined) this.templateChecks.set(podClass.id, (row = []));
    const seen = row[t];
    if (seen !== undefined) return seen;
    let result: NodePoolFailure | null = null;
    const untolerated = untoleratedTaints(podClass.tolerations, template.taints);
    if (untolerated.length > 0) {
      result = {
        nodePool: template.name,
        kind: "taints-not-tolerated",
        message: `did not tolerate taint(s) ${untolerated.map(formatTaint).join(", ")}`,
        taints: untolerated,
      };
    } else {
      const conflicts = template.requirements.compatible(podClass.requirements, { allowUndefined: this.ctx.options.wellKnownLabels });
      if (conflicts.length > 0) {
        result = { nodePool: template.name, kind: "incompatible-requirements", message: conflicts.map((c) => c.message).join("; "), requirements: conflicts };
      }
    }
    row[t] = result;
    return result;
  }

  /**
   * The claims no block refuses, in load order, when one block leaves few of them; undefined otherwise.
   * Counts only grow, so a blocked claim stays blocked and each block's open list only shrinks.
   */
  private fewUnblocked(blocks: readonly HostnameBlock[]): NodeClaim[] | undefined {
    let best: NodeClaim[] | undefined;
    for (const block of blocks) {
      let byLimit = this.unblocked.get(block.counts);
      if (byLimit === undefined) this.unblocked.set(block.counts, (byLimit = new Map()));
      let entry = byLimit.get(block.limit);
      if (entry === undefined) byLimit.set(block.limit, (entry = { seen: 0, open: [] }));
      for (; entry.seen < this.claims.length; entry.seen++) entry.open.push(this.claims[entry.seen] as NodeClaim);
      let kept = 0;
      for (const claim of entry.open) if ((block.counts.get(claim.hostname) ?? 0) <= block.limit) entry.open[kept++] = claim;
      entry.open.length = kept;
      if (best === undefined || kept < best.length) best = entry.open;
    }
    if (best === undefined || best.length * 8 > this.byLoad.length) return undefined;
    return [...best].sort((a, b) => (this.loadIndex.get(a) as number) - (this.loadIndex.get(b) as number));
  }

  /**
   * Keeps `byLoad` as upstream's repeated stable sort by pod count leaves it: a claim that just gained a pod
   * moves to the front of the claims with its new count.
   */
  private reorder(index: number): void {
    const claim = this.byLoad[index] as NodeClaim;
    const count = claim.pods.length;
    let j = index;
    while (j + 1 < this.byLoad.length && (this.byLoad[j + 1] as NodeClaim).pods.length < count) {
      const next = this.byLoad[j + 1] as NodeClaim;
      this.byLoad[j] = next;
      this.loadIndex.set(next, j);
      j++;
    }
    this.byLoad[j] = claim;
    this.loadIndex.set(claim, j);
  }

  /** A new claim (one pod) goes after every claim with one pod, as appending then stable-sorting does. */
  private insertNew(claim: NodeClaim): void {
    let j = this.byLoad.length;
    this.byLoad.push(claim);
    while (j > 0 && (this.byLoad[j - 1] as NodeClaim).pods.length > claim.pods.length) {
      const previous = this.byLoad[j - 1] as NodeClaim;
      this.byLoad[j] = previous;
      this.loadIndex.set(previous, j);
      j--;
    }
    this.byLoad[j] = claim;
    this.loadIndex.set(claim, j);
  }
}

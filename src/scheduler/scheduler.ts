/**
 * The placement cascade for one pod: existing nodes, then node claims planned in this run (least loaded
 * first), then a new node claim from the NodePools in weight order.
 *
 * @module
 */
import { untoleratedTaints, formatTaint } from "../taints/index.js";
import type { HostnameBlock } from "../topology/index.js";
import { DomainScreen, type DomainRule } from "../topology/domain-screen.js";
import type { Attempt, RunContext } from "./context.js";
import type { ExistingNode } from "./existing-node.js";
import type { RemainingLimits } from "./limits.js";
import type { PodClass } from "./pod-data.js";
import { DomainIndex, walkMerged } from "./domain-index.js";
import { compareLoad, LoadOrder, type LoadLink } from "./load-order.js";
import { NodeClaim } from "./nodeclaim.js";
import { combineFailures, noNodePools, type PlacementFailure } from "./reasons.js";
import type { PlacementTemplate } from "./placement-template.js";
import type { NodeClaimTemplate } from "./nodeclaim-template.js";
import type { NodePoolFailure } from "./types.js";

/** Where a pod went, or why nowhere. */
export type Placement = { readonly ok: true } | { readonly ok: false; readonly failure: PlacementFailure };

const PLACED: Placement = Object.freeze({ ok: true });
const NO_BLOCKS: readonly HostnameBlock[] = [];
const NO_RULES: readonly DomainRule[] = [];
/** Beyond this many distinct requirements on the key, merging costs more than it saves: the full walk runs. */
const MAX_MERGED = 64;

function blocked(blocks: readonly HostnameBlock[], hostname: string): boolean {
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b] as HostnameBlock;
    if ((block.counts.get(hostname) ?? 0) > block.limit) return true;
  }
  return false;
}

/** The claims one hostname block may still admit (a superset once pods are placed after `prunedAt`). */
interface UnblockedList {
  seen: number;
  open: LoadLink<NodeClaim>[];
  prunedAt: number;
}

/** Mutable state of the cascade across one run. */
export class Scheduler {
  /** Planned claims in creation order. */
  readonly claims: NodeClaim[] = [];
  /** The same claims ordered as upstream tries them: by pod count, as a stable re-sort before every pod leaves them. */
  private readonly byLoad = new LoadOrder<NodeClaim>();
  /** Each claim's link in `byLoad`, in creation order (aligned with `claims`). */
  private readonly links: LoadLink<NodeClaim>[] = [];
  /** Each claim's link in `byLoad`. */
  private readonly linkOf = new Map<NodeClaim, LoadLink<NodeClaim>>();
  /** Claims grouped by their requirement on a zonal key some pod's groups use, built on first use. */
  private readonly domainIndexes = new Map<string, DomainIndex>();
  /** Pods placed so far: each raises at most one hostname count per topology group. */
  private placements = 0;
  /** Per block (group counts × limit): the claims not yet known to be blocked, how many claims were seen, and when it was last pruned. */
  private readonly unblocked = new Map<ReadonlyMap<string, number>, Map<number, UnblockedList>>();
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
        this.placements++;
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
    // The topology counts stay fixed during the walk: what a zonal group refuses is worked out once per zone requirement.
    const rules = attempt.hasTopology ? this.ctx.topology.domainRules(attempt.pod, attempt.podClass.strictRequirements) : NO_RULES;
    const screen = rules.length > 0 ? new DomainScreen(rules, attempt.podClass.requirements) : undefined;
    if (few !== undefined) {
      // Only these claims can pass the blocks: try them in load order, as the full walk would.
      for (const link of few) {
        const claim = link.item;
        if (blocked(blocks, claim.hostname)) continue;
        if (screen?.refuses(claim.requirements)) continue;
        if (this.tryClaim(link, attempt)) return PLACED;
      }
      return this.addToNewClaim(attempt);
    }
    const index = screen === undefined ? undefined : this.indexed(screen);
    if (screen !== undefined && index !== undefined) return this.walkByDomain(attempt, screen, index, blocks) ? PLACED : this.addToNewClaim(attempt);
    for (let link = this.byLoad.head; link !== undefined; link = link.next) {
      const claim = link.item;
      if (cacheable && claim.failedClasses.has(classId)) continue;
      if (blocks.length > 0 && blocked(blocks, claim.hostname)) continue;
      if (screen?.refuses(claim.requirements)) continue;
      if (this.tryClaim(link, attempt)) return PLACED;
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
      const claim = new NodeClaim(template, hostname, allowed.options, this.ctx.vectors.dims);
      const check = claim.canAdd(attempt, this.ctx);
      if (check.ok) {
        claim.add(attempt, check.change, this.ctx);
        this.claims.push(claim);
        // A new claim (one pod) goes after every claim with one pod, as appending then stable-sorting does.
        const link = this.byLoad.append(claim, claim.pods.length);
        this.links.push(link);
        this.linkOf.set(claim, link);
        for (const index of this.domainIndexes.values()) index.added(link);
        this.placements++;
        this.limits.subtractMax(template, claim.options);
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

  /** Adds the pod to a planned claim if it fits there, and moves the claim as upstream's stable re-sort by pod count would. */
  private tryClaim(link: LoadLink<NodeClaim>, attempt: Attempt): boolean {
    const claim = link.item;
    const check = claim.canAdd(attempt, this.ctx, false);
    if (!check.ok) return false;
    claim.add(attempt, check.change, this.ctx);
    this.placements++;
    this.byLoad.grew(link);
    for (const index of this.domainIndexes.values()) index.grew(link);
    return true;
  }

  /** The index of the screen's key, when its groups are few enough to merge (built on first use). */
  private indexed(screen: DomainScreen): DomainIndex | undefined {
    const key = screen.key;
    if (key === undefined) return undefined;
    let index = this.domainIndexes.get(key);
    if (index === undefined) this.domainIndexes.set(key, (index = new DomainIndex(key, this.byLoad)));
    return index.classes.size <= MAX_MERGED ? index : undefined;
  }

  /**
   * The walk over planned claims for a pod with zonal groups: only the claims of the zone requirements no group
   * refuses, merged in load order (the same claims, in the same order, as the full walk reaches without a refusal).
   *
   * @returns true if the pod was placed
   */
  private walkByDomain(attempt: Attempt, screen: DomainScreen, index: DomainIndex, blocks: readonly HostnameBlock[]): boolean {
    const heads: (LoadLink<NodeClaim> | undefined)[] = [];
    for (const cls of index.classes.values()) if (cls.order.head !== undefined && !screen.refusesOn(index.key, cls.requirement)) heads.push(cls.order.head);
    return walkMerged(heads, (claim) => {
      if (blocks.length > 0 && blocked(blocks, claim.hostname)) return false;
      if (screen.refuses(claim.requirements)) return false;
      return this.tryClaim(this.linkOf.get(claim) as LoadLink<NodeClaim>, attempt);
    });
  }

  /**
   * The claims no block refuses, in load order, when one block leaves few of them; undefined otherwise.
   * Counts only grow, so a blocked claim stays blocked and each block's open list only shrinks; and each
   * placement raises at most one hostname's count per group, so a list pruned `p` placements ago still holds
   * at least its length minus `p` open claims: while that is many, the list is not pruned again.
   */
  private fewUnblocked(blocks: readonly HostnameBlock[]): LoadLink<NodeClaim>[] | undefined {
    const few = this.byLoad.length / 8;
    let best: LoadLink<NodeClaim>[] | undefined;
    for (const block of blocks) {
      let byLimit = this.unblocked.get(block.counts);
      if (byLimit === undefined) this.unblocked.set(block.counts, (byLimit = new Map()));
      let entry = byLimit.get(block.limit);
      if (entry === undefined) byLimit.set(block.limit, (entry = { seen: 0, open: [], prunedAt: 0 }));
      // A fresh claim's hostname count is raised only by a placement, which the bound already counts.
      const atLeast = entry.open.length + (this.claims.length - entry.seen) - (this.placements - entry.prunedAt);
      if (atLeast > few) continue;
      for (; entry.seen < this.claims.length; entry.seen++) entry.open.push(this.links[entry.seen] as LoadLink<NodeClaim>);
      let kept = 0;
      for (const link of entry.open) if ((block.counts.get(link.item.hostname) ?? 0) <= block.limit) entry.open[kept++] = link;
      entry.open.length = kept;
      entry.prunedAt = this.placements;
      if (best === undefined || kept < best.length) best = entry.open;
    }
    if (best === undefined || best.length > few) return undefined;
    return [...best].sort(compareLoad);
  }
}

/**
 * A cheap, exact pre-check for one pod's walk over candidate nodes: which nodes a topology group on a key other
 * than the hostname refuses outright. While a pod is tried the counts stay fixed, so such a group's answer
 * depends only on the node's requirement on its key: the screen computes it once per distinct requirement
 * (requirements are shared objects: a group's `key In [domain]` is cached) instead of once per node.
 *
 * @module
 */
import type { Requirement, Requirements } from "../requirements/index.js";
import type { TopologyGroup } from "./group.js";
import { nextDomain } from "./rules.js";

/**
 * One group of the pod being placed, as {@link Topology.addRequirements} applies it.
 *
 * @internal
 */
export interface DomainRule {
  readonly group: TopologyGroup;
  /** Whether the group selects the pod itself. */
  readonly selfSelecting: boolean;
  /** The pod's strict domains on the group's key (`Exists` when it does not constrain it). */
  readonly podDomains: Requirement;
}

/** The memo key of a node that does not constrain the key. */
const ABSENT = Symbol("absent");

/**
 * Answers "does a non-hostname group refuse this node?" for one pod while the topology counts stay unchanged.
 * A `true` answer is exact: {@link Topology.addRequirements} refuses that node. `false` promises nothing (the
 * full check still runs), e.g. when two groups on one key each allow a domain but not the same one.
 *
 * @internal
 */
export class DomainScreen {
  private readonly memos: Map<Requirement | typeof ABSENT, boolean>[];

  /**
   * @param rules - the pod's non-hostname groups
   * @param podRequirements - the pod's requirements as merged into the node's before the topology check
   */
  constructor(
    private readonly rules: readonly DomainRule[],
    private readonly podRequirements: Requirements,
  ) {
    this.memos = rules.map(() => new Map());
  }

  /**
   * Whether some group refuses the node.
   *
   * @param nodeRequirements - the node's requirements before the pod's are merged in
   * @returns true only if the topology check would refuse the node
   */
  refuses(nodeRequirements: Requirements): boolean {
    for (let r = 0; r < this.rules.length; r++) {
      const key = (this.rules[r] as DomainRule).group.key;
      if (this.refusedBy(r, nodeRequirements.has(key) ? nodeRequirements.get(key) : undefined)) return true;
    }
    return false;
  }

  /** The key of the first group (the one worth indexing nodes by). */
  get key(): string | undefined {
    return this.rules[0]?.group.key;
  }

  /**
   * Whether a group on one key refuses every node whose requirement on that key has this value.
   *
   * @param key - a group's key
   * @param own - the nodes' requirement on it (undefined: they do not constrain it)
   * @returns true only if the topology check would refuse each such node
   */
  refusesOn(key: string, own: Requirement | undefined): boolean {
    for (let r = 0; r < this.rules.length; r++) if ((this.rules[r] as DomainRule).group.key === key && this.refusedBy(r, own)) return true;
    return false;
  }

  private refusedBy(r: number, own: Requirement | undefined): boolean {
    const rule = this.rules[r] as DomainRule;
    const memo = this.memos[r] as Map<Requirement | typeof ABSENT, boolean>;
    const memoKey = own ?? ABSENT;
    let refused = memo.get(memoKey);
    if (refused === undefined) {
      refused = nextDomain(rule.group, rule.selfSelecting, rule.podDomains, this.nodeDomains(rule.group, own)) === null;
      memo.set(memoKey, refused);
    }
    return refused;
  }

  /** The node's domains on the group's key once the pod's requirements are merged in, as `Requirements.add` does. */
  private nodeDomains(group: TopologyGroup, own: Requirement | undefined): Requirement {
    const pod = this.podRequirements.has(group.key) ? this.podRequirements.get(group.key) : undefined;
    if (own === undefined) return pod ?? group.anyDomain;
    return pod === undefined ? own : own.intersect(pod);
  }
}

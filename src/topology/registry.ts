/**
 * Every group of a run, forward and inverse, created once per identity and indexed by key.
 *
 * @module
 */
import type { ClusterView } from "./cluster.js";
import { nodeDomain } from "./cluster.js";
import type { DomainUniverse } from "./domain-universe.js";
import { groupHash, TopologyGroup, type GroupIdentity } from "./group.js";
import type { TopologyType } from "./types.js";

/**
 * A read-only view of one group, for inspection and explanations.
 *
 * @category Topology
 */
export interface TopologyGroupView {
  /** The group's kind. */
  readonly type: TopologyType;
  /** True for an inverse anti-affinity group (counts pods carrying the anti-affinity). */
  readonly inverse: boolean;
  /** The topology key. */
  readonly key: string;
  /** The namespaces the selector looks in, sorted. */
  readonly namespaces: readonly string[];
  /** maxSkew (the largest int32 for affinity groups). */
  readonly maxSkew: number;
  /** The known domains and their counts, sorted by domain. */
  readonly counts: ReadonlyMap<string, number>;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The groups of a run. Lists only grow, so callers can scan them incrementally.
 *
 * @internal
 */
export class GroupRegistry {
  /** Forward groups (owned by pods' constraints), in creation order. */
  readonly forwardGroups: TopologyGroup[] = [];
  /** Inverse anti-affinity groups (counting pods that carry required anti-affinity), in creation order. */
  readonly inverseGroups: TopologyGroup[] = [];
  private readonly forwardByHash = new Map<string, TopologyGroup>();
  private readonly inverseByHash = new Map<string, TopologyGroup>();
  private readonly byKey = new Map<string, TopologyGroup[]>();
  private readonly universe: DomainUniverse;
  private readonly cluster: ClusterView;

  constructor(universe: DomainUniverse, cluster: ClusterView) {
    this.universe = universe;
    this.cluster = cluster;
  }

  /**
   * The forward group of an identity; a new one knows the universe's domains (filtered by the
   * spread's taint policy) and the initial counts of the cluster.
   *
   * @param id - the identity
   * @returns the group
   */
  forward(id: GroupIdentity): TopologyGroup {
    const hash = groupHash(id);
    const existing = this.forwardByHash.get(hash);
    if (existing !== undefined) return existing;
    const group = new TopologyGroup(id, hash);
    this.universe.forEachDomain(group.key, group.filter.domainTolerations, (domain) => group.register(domain));
    this.cluster.countInto(group);
    this.add(group, this.forwardGroups, this.forwardByHash);
    return group;
  }

  /**
   * The inverse group of an identity; a new one knows the universe's and the existing nodes' domains.
   *
   * @param id - the identity
   * @returns the group
   */
  inverse(id: GroupIdentity): TopologyGroup {
    const hash = groupHash(id);
    const existing = this.inverseByHash.get(hash);
    if (existing !== undefined) return existing;
    const group = new TopologyGroup(id, hash);
    this.universe.forEachDomain(group.key, undefined, (domain) => group.register(domain));
    for (const node of this.cluster.nodes) {
      const domain = nodeDomain(node, group.key);
      if (domain !== undefined) group.register(domain);
    }
    this.add(group, this.inverseGroups, this.inverseByHash);
    return group;
  }

  /**
   * Makes a domain known to every group on a key.
   *
   * @param key - the normalised topology key
   * @param domain - the domain
   */
  register(key: string, domain: string): void {
    for (const group of this.byKey.get(key) ?? []) group.register(domain);
  }

  /**
   * Snapshots of every group, forward groups first.
   *
   * @returns the views
   */
  views(): readonly TopologyGroupView[] {
    const view = (group: TopologyGroup, inverse: boolean): TopologyGroupView => ({
      type: group.type,
      inverse,
      key: group.key,
      namespaces: [...group.namespaces].sort(),
      maxSkew: group.maxSkew,
      counts: new Map([...group.domains].sort(([a], [b]) => compareText(a, b))),
    });
    return [...this.forwardGroups.map((g) => view(g, false)), ...this.inverseGroups.map((g) => view(g, true))];
  }

  private add(group: TopologyGroup, list: TopologyGroup[], byHash: Map<string, TopologyGroup>): void {
    list.push(group);
    byHash.set(group.hash, group);
    let sameKey = this.byKey.get(group.key);
    if (sameKey === undefined) this.byKey.set(group.key, (sameKey = []));
    sameKey.push(group);
  }
}

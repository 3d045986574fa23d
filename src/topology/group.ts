/**
 * A topology group: the pods matching one selector in some namespaces, counted per domain of one
 * topology key (SELECT COUNT(*) ... GROUP BY domain). Pods with identical constraints share a group.
 *
 * @module
 */
import { LABEL_HOSTNAME, labelSelectorMatches, Requirement } from "../requirements/index.js";
import type { LabelSelector, StringMap } from "../types/kubernetes.js";
import { namespacesKey, selectorKey } from "./canonical.js";
import type { NodeFilter } from "./node-filter.js";
import type { TopologyType } from "./types.js";

/**
 * What makes a group: two constraints with equal identities (minDomains aside, as upstream hashes
 * it) share one group.
 *
 * @internal
 */
export interface GroupIdentity {
  readonly type: TopologyType;
  /** The normalised topology key. */
  readonly key: string;
  readonly namespaces: ReadonlySet<string>;
  /** Undefined selects no pod of the batch. */
  readonly selector: LabelSelector | undefined;
  readonly maxSkew: number;
  readonly minDomains: number | undefined;
  readonly filter: NodeFilter;
}

/**
 * The identity text of a group: type, key, namespaces, maxSkew, node filter and selector.
 *
 * @param id - the group's identity
 * @returns the text groups are shared by
 * @internal
 */
export function groupHash(id: GroupIdentity): string {
  return JSON.stringify([id.type, id.key, namespacesKey(id.namespaces), id.maxSkew, id.filter.hash, selectorKey(id.selector)]);
}

/**
 * One group's counts. Counts only grow during a run, so the sets of empty and occupied domains only
 * move one way, which keeps the rules' hot checks O(1).
 *
 * @internal
 */
export class TopologyGroup implements GroupIdentity {
  readonly type: TopologyType;
  readonly key: string;
  readonly namespaces: ReadonlySet<string>;
  readonly selector: LabelSelector | undefined;
  readonly maxSkew: number;
  readonly minDomains: number | undefined;
  readonly filter: NodeFilter;
  /** The identity text. */
  readonly hash: string;
  /** Whether the key is the hostname, where a new domain can always be created. */
  readonly isHostname: boolean;
  /** `key Exists`: the domains of a pod or node that does not constrain the key. */
  readonly anyDomain: Requirement;
  /** Domains known with a count of 0. */
  readonly empty: Set<string> = new Set();
  /** Domains with a count above 0. */
  readonly occupied: Set<string> = new Set();
  private readonly counts = new Map<string, number>();
  private readonly inCache = new Map<string, Requirement>();

  constructor(id: GroupIdentity, hash: string = groupHash(id)) {
    this.type = id.type;
    this.key = id.key;
    this.namespaces = id.namespaces;
    this.selector = id.selector;
    this.maxSkew = id.maxSkew;
    this.minDomains = id.minDomains;
    this.filter = id.filter;
    this.hash = hash;
    this.isHostname = id.key === LABEL_HOSTNAME;
    this.anyDomain = Requirement.exists(id.key);
  }

  /**
   * Whether the group selects a pod: its namespace is one of the group's and the selector matches.
   *
   * @param namespace - the pod's namespace
   * @param labels - the pod's labels
   * @returns true if selected
   */
  selects(namespace: string, labels: StringMap): boolean {
    return this.namespaces.has(namespace) && labelSelectorMatches(this.selector, labels);
  }

  /**
   * The count of a domain; 0 for a domain not known (yet).
   *
   * @param domain - the domain
   * @returns the count
   */
  count(domain: string): number {
    return this.counts.get(domain) ?? 0;
  }

  /** The known domains and their counts. */
  get domains(): ReadonlyMap<string, number> {
    return this.counts;
  }

  /**
   * Makes a domain known, with count 0 if it was not.
   *
   * @param domain - the domain
   */
  register(domain: string): void {
    if (this.counts.has(domain)) return;
    this.counts.set(domain, 0);
    this.empty.add(domain);
  }

  /**
   * Counts more matching pods in a domain (making it known if needed).
   *
   * @param domain - the domain
   * @param pods - how many (default one)
   */
  record(domain: string, pods = 1): void {
    this.counts.set(domain, (this.counts.get(domain) ?? 0) + pods);
    this.empty.delete(domain);
    this.occupied.add(domain);
  }

  /**
   * `key In [domain]`, cached per domain.
   *
   * @param domain - the domain
   * @returns the requirement
   */
  only(domain: string): Requirement {
    let requirement = this.inCache.get(domain);
    if (requirement === undefined) {
      requirement = Requirement.create(this.key, "In", [domain]);
      this.inCache.set(domain, requirement);
    }
    return requirement;
  }
}

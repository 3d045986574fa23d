/**
 * The existing cluster as groups count it: nodes with their label requirements, and the running pods that
 * count (not terminal, not terminating, not part of the batch, on a known node).
 *
 * The {@link ClusterIndex} is built once over a list of nodes and running pods and may be shared by many runs
 * (a consolidation plan's simulations): it keeps, per namespace and selector, how many matching pods each node
 * runs, so a group's initial counts are summed per node instead of re-walking the pods. Each run reads it
 * through a {@link ClusterView}, which takes out the nodes a simulation removed and the batch's own pods.
 *
 * @module
 */
import { labelSelectorMatches, LABEL_HOSTNAME, requirementsFromLabels, type Requirements } from "../requirements/index.js";
import type { LabelSelector, Pod, StringMap, Taint } from "../types/kubernetes.js";
import { podKey } from "../_internal/pod-key.js";
import { selectorKey } from "./canonical.js";
import type { TopologyGroup } from "./group.js";
import { podLabels, podNamespace } from "./group-specs.js";
import type { NodeFilter } from "./node-filter.js";
import type { TopologyNode } from "./types.js";

/**
 * An existing node with its requirements computed once.
 *
 * @internal
 */
export interface IndexedNode {
  readonly name: string;
  readonly labels: ReadonlyMap<string, string>;
  readonly taints: readonly Taint[];
  readonly requirements: Requirements;
}

/**
 * A running pod that counts, with its node.
 *
 * @internal
 */
export interface CountedPod {
  readonly pod: Pod;
  readonly key: string;
  readonly labels: StringMap;
  /** The node's position in {@link ClusterIndex.nodes}. */
  readonly node: number;
}

/**
 * Whether a running pod is ignored for topology: terminal (Succeeded, Failed) or terminating.
 *
 * @param pod - the pod
 * @returns true if ignored
 * @internal
 */
export function ignoredForTopology(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === "Succeeded" || phase === "Failed" || pod.metadata.deletionTimestamp != null;
}

/**
 * A node's domain for a key: its label, or for the hostname key its name when the label is missing.
 *
 * @param node - the node
 * @param key - the topology key
 * @returns the domain, or undefined when the node has none
 * @internal
 */
export function nodeDomain(node: { readonly name: string; readonly labels: ReadonlyMap<string, string> }, key: string): string | undefined {
  return node.labels.get(key) ?? (key === LABEL_HOSTNAME ? node.name : undefined);
}

/** The running pods of one namespace that count, grouped by identical label set. */
interface NamespacePods {
  readonly pods: readonly CountedPod[];
  /** Label-set text → the labels and the positions (in `pods`, ascending) of the pods carrying them. */
  readonly sets: ReadonlyMap<string, { readonly labels: StringMap; readonly pods: readonly number[] }>;
}

/** The pods of one namespace a selector matches, and per node how many and the first (by position). */
interface Matched {
  /** Positions in the namespace's pods, ascending. */
  readonly pods: readonly number[];
  /** Nodes running at least one, ascending. */
  readonly nodes: readonly number[];
  /** Per node of `nodes`: the count and the first position. */
  readonly counts: readonly number[];
  readonly first: readonly number[];
}

const NO_MATCH: Matched = { pods: [], nodes: [], counts: [], first: [] };
const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * The cluster's nodes and counted pods, shareable by many runs over the same lists.
 *
 * @internal
 */
export class ClusterIndex {
  /** The nodes, in input order. */
  readonly nodes: readonly IndexedNode[];
  /** Node name → position in `nodes`. */
  readonly byName: Map<string, number>;
  readonly #boundPods: readonly { readonly pod: Pod; readonly nodeName: string }[];
  readonly #signatures: WeakMap<StringMap, string> | undefined;
  #namespaces: Map<string, NamespacePods> | undefined;
  #byKey: Map<string, CountedPod> | undefined;
  #namespaceOrder: { readonly names: readonly string[]; readonly firstNode: readonly string[] } | undefined;
  #antiAffinity: readonly { readonly pod: Pod; readonly nodeName: string }[] | undefined;
  readonly #matched = new Map<string, Matched>();
  readonly #admitted = new Map<string, readonly { readonly node: number; readonly admitted: boolean }[]>();
  readonly #domains = new Map<string, readonly { readonly node: number; readonly domain: string }[]>();

  /**
   * @param nodes - the existing nodes
   * @param boundPods - the running pods
   * @param signatures - label-set texts already computed by earlier builds over the same pods, if any
   * @param labelRequirements - node label requirements already computed by earlier builds, if any
   * @param sameNodes - an index over the same `nodes` (other running pods), whose node entries are reused
   */
  constructor(
    nodes: readonly TopologyNode[],
    boundPods: readonly { readonly pod: Pod; readonly nodeName: string }[],
    signatures?: WeakMap<StringMap, string>,
    labelRequirements?: WeakMap<ReadonlyMap<string, string>, Requirements>,
    sameNodes?: ClusterIndex,
  ) {
    this.#boundPods = boundPods;
    this.#signatures = signatures;
    if (sameNodes !== undefined) {
      this.nodes = sameNodes.nodes;
      this.byName = sameNodes.byName;
      return;
    }
    this.byName = new Map();
    this.nodes = nodes.map((n, i) => {
      let requirements = labelRequirements?.get(n.labels);
      if (requirements === undefined) {
        requirements = requirementsFromLabels(n.labels);
        labelRequirements?.set(n.labels, requirements);
      }
      this.byName.set(n.name, i);
      return { name: n.name, labels: n.labels, taints: n.taints, requirements };
    });
  }

  /** The running pods, as given. */
  get boundPods(): readonly { readonly pod: Pod; readonly nodeName: string }[] {
    return this.#boundPods;
  }

  /** The counted pods (on a known node, not ignored) by namespace, built on first use. */
  namespacePods(namespace: string): NamespacePods | undefined {
    return this.#index().get(namespace);
  }

  /** The counted pod of a key, if any. */
  countedPod(key: string): CountedPod | undefined {
    if (this.#byKey === undefined) {
      this.#byKey = new Map();
      for (const ns of this.#index().values()) for (const p of ns.pods) if (!this.#byKey.has(p.key)) this.#byKey.set(p.key, p);
    }
    return this.#byKey.get(key);
  }

  #index(): Map<string, NamespacePods> {
    if (this.#namespaces !== undefined) return this.#namespaces;
    const namespaces = new Map<string, { pods: CountedPod[]; sets: Map<string, { labels: StringMap; pods: number[] }> }>();
    for (const { pod, nodeName } of this.#boundPods) {
      const node = this.byName.get(nodeName);
      if (node === undefined || ignoredForTopology(pod)) continue;
      const namespace = podNamespace(pod);
      let entry = namespaces.get(namespace);
      if (entry === undefined) namespaces.set(namespace, (entry = { pods: [], sets: new Map() }));
      const labels = podLabels(pod);
      entry.pods.push({ pod, key: podKey(pod), labels, node });
      let signature = this.#signatures?.get(labels);
      if (signature === undefined) {
        signature = JSON.stringify(labels);
        this.#signatures?.set(labels, signature);
      }
      let set = entry.sets.get(signature);
      if (set === undefined) entry.sets.set(signature, (set = { labels, pods: [] }));
      set.pods.push(entry.pods.length - 1);
    }
    this.#namespaces = namespaces;
    return namespaces;
  }

  /**
   * The namespaces of the running pods (all of them, on a known node or not), in first-seen order, each with
   * the node its first pod runs on.
   */
  get namespaceOrder(): { readonly names: readonly string[]; readonly firstNode: readonly string[] } {
    if (this.#namespaceOrder !== undefined) return this.#namespaceOrder;
    const names: string[] = [];
    const firstNode: string[] = [];
    const seen = new Set<string>();
    for (const { pod, nodeName } of this.#boundPods) {
      const namespace = podNamespace(pod);
      if (seen.has(namespace)) continue;
      seen.add(namespace);
      names.push(namespace);
      firstNode.push(nodeName);
    }
    this.#namespaceOrder = { names, firstNode };
    return this.#namespaceOrder;
  }

  /** The running pods with required pod anti-affinity (the only ones that make inverse groups). */
  get antiAffinityPods(): readonly { readonly pod: Pod; readonly nodeName: string }[] {
    this.#antiAffinity ??= this.#boundPods.filter(
      ({ pod }) => (pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0,
    );
    return this.#antiAffinity;
  }

  /** The pods of a namespace a selector matches (all of them without a selector), per node. */
  matched(namespace: string, selector: LabelSelector | undefined): Matched {
    const cacheKey = `${namespace}\u0000${selectorKey(selector)}`;
    const known = this.#matched.get(cacheKey);
    if (known !== undefined) return known;
    const entry = this.namespacePods(namespace);
    let result = NO_MATCH;
    if (entry !== undefined) {
      let pods: number[] = [];
      let sets = 0;
      for (const set of entry.sets.values()) {
        if (selector && !labelSelectorMatches(selector, set.labels)) continue;
        pods = sets++ === 0 ? [...set.pods] : pods.concat(set.pods);
      }
      if (sets > 1) pods.sort((a, b) => a - b);
      const count = new Map<number, number>();
      const first = new Map<number, number>();
      for (const p of pods) {
        const node = (entry.pods[p] as CountedPod).node;
        count.set(node, (count.get(node) ?? 0) + 1);
        if (!first.has(node)) first.set(node, p);
      }
      const nodes = [...count.keys()].sort((a, b) => a - b);
      result = { pods, nodes, counts: nodes.map((n) => count.get(n) as number), first: nodes.map((n) => first.get(n) as number) };
    }
    this.#matched.set(cacheKey, result);
    return result;
  }

  /** Per node, whether a filter admits it (the filter's hash identifies it). */
  admitted(filter: NodeFilter): readonly { readonly node: number; readonly admitted: boolean }[] {
    let known = this.#admitted.get(filter.hash);
    if (known === undefined) {
      known = this.nodes.map((node, i) => ({ node: i, admitted: filter.matches(node.taints, node.requirements) }));
      this.#admitted.set(filter.hash, known);
    }
    return known;
  }

  /** The admitted nodes that have a domain for the key, in node order, with the domain. */
  domains(filter: NodeFilter, key: string): readonly { readonly node: number; readonly domain: string }[] {
    const cacheKey = `${filter.hash}\u0000${key}`;
    const known = this.#domains.get(cacheKey);
    if (known !== undefined) return known;
    const found: { node: number; domain: string }[] = [];
    for (const { node, admitted } of this.admitted(filter)) {
      if (!admitted) continue;
      const domain = nodeDomain(this.nodes[node] as IndexedNode, key);
      if (domain !== undefined) found.push({ node, domain });
    }
    this.#domains.set(cacheKey, found);
    return found;
  }
}

/**
 * One run's view of a {@link ClusterIndex}: without the nodes a simulation removed (and their pods), and
 * without the batch's own pods.
 *
 * @internal
 */
export class ClusterView {
  readonly #index: ClusterIndex;
  readonly #removed: ReadonlySet<string>;
  readonly #excluded: ReadonlySet<string>;
  #nodes: readonly IndexedNode[] | undefined;
  #removedMask: Uint8Array | undefined;
  /** Counted pods that are part of the batch, by namespace (checked once). */
  #excludedPods: ReadonlyMap<string, ReadonlySet<number>> | undefined;

  /**
   * @param index - the shared index
   * @param removed - names of the nodes taken out, with their pods
   * @param excluded - keys of the batch's pods, never counted
   */
  constructor(index: ClusterIndex, removed: ReadonlySet<string>, excluded: ReadonlySet<string>) {
    this.#index = index;
    this.#removed = removed;
    this.#excluded = excluded;
  }

  /** The nodes, in input order, without the removed ones. */
  get nodes(): readonly IndexedNode[] {
    this.#nodes ??= this.#removed.size === 0 ? this.#index.nodes : this.#index.nodes.filter((n) => !this.#removed.has(n.name));
    return this.#nodes;
  }

  /**
   * A node of the view by name.
   *
   * @param name - the node's name
   * @returns the node, or undefined when unknown or removed
   */
  node(name: string): IndexedNode | undefined {
    const i = this.#index.byName.get(name);
    if (i === undefined || this.#isRemoved(i)) return undefined;
    return this.#index.nodes[i];
  }

  #isRemoved(node: number): boolean {
    if (this.#removed.size === 0) return false;
    if (this.#removedMask === undefined) {
      const mask = new Uint8Array(this.#index.nodes.length);
      for (const name of this.#removed) {
        const i = this.#index.byName.get(name);
        if (i !== undefined) mask[i] = 1;
      }
      this.#removedMask = mask;
    }
    return this.#removedMask[node] === 1;
  }

  /**
   * The namespaces of the running pods on nodes not removed (and of pods on no known node), in first-seen
   * order.
   *
   * @returns the names
   */
  namespaces(): readonly string[] {
    const order = this.#index.namespaceOrder;
    if (this.#removed.size === 0 || !order.firstNode.some((n) => this.#removed.has(n))) return order.names;
    // A removed node ran the first pod of some namespace: read the order again without the removed nodes.
    const names: string[] = [];
    const seen = new Set<string>();
    for (const { pod, nodeName } of this.#index.boundPods) {
      if (this.#removed.has(nodeName)) continue;
      const namespace = podNamespace(pod);
      if (seen.has(namespace)) continue;
      seen.add(namespace);
      names.push(namespace);
      // Every namespace found: the rest of the walk cannot add one.
      if (names.length === order.names.length) break;
    }
    return names;
  }

  /**
   * The running pods with required pod anti-affinity on the view's nodes, not part of the batch.
   *
   * @returns the pods and their nodes
   */
  antiAffinityPods(): { readonly pod: Pod; readonly node: IndexedNode }[] {
    const out: { pod: Pod; node: IndexedNode }[] = [];
    for (const { pod, nodeName } of this.#index.antiAffinityPods) {
      const node = this.node(nodeName);
      if (node === undefined || ignoredForTopology(pod) || this.#excluded.has(podKey(pod))) continue;
      out.push({ pod, node });
    }
    return out;
  }

  /** The batch's pods among a namespace's counted pods (positions). */
  #excludedIn(namespace: string): ReadonlySet<number> | undefined {
    if (this.#excludedPods === undefined) {
      const byNamespace = new Map<string, Set<number>>();
      for (const key of this.#excluded) {
        const counted = this.#index.countedPod(key);
        if (counted === undefined || this.#isRemoved(counted.node)) continue;
        const namespace = podNamespace(counted.pod);
        const pods = this.#index.namespacePods(namespace)?.pods ?? [];
        // Every counted pod of that key (a key may be listed twice), by position.
        pods.forEach((p, i) => {
          if (p.key !== key) return;
          let set = byNamespace.get(namespace);
          if (set === undefined) byNamespace.set(namespace, (set = new Set()));
          set.add(i);
        });
      }
      this.#excludedPods = byNamespace;
    }
    return this.#excludedPods.get(namespace);
  }

  /**
   * Initial counts of a new (forward) group: registers the domain of every node its filter admits,
   * then counts the running pods its selector matches in its namespaces, on admitted nodes that have
   * the key. A missing selector counts every pod of the namespaces, as upstream's unfiltered listing.
   * Domains are recorded in the order a walk over the pods (namespace by namespace, in input order)
   * would first meet them, with the same totals.
   *
   * @param group - the new group
   */
  countInto(group: TopologyGroup): void {
    const domainOf = new Map<number, string>();
    for (const { node, domain } of this.#index.domains(group.filter, group.key)) {
      if (this.#isRemoved(node)) continue;
      group.register(domain);
      domainOf.set(node, domain);
    }
    if (domainOf.size === 0) return;
    const totals = new Map<string, { count: number; namespace: number; first: number }>();
    let namespaceOrdinal = 0;
    for (const namespace of group.namespaces) {
      const ordinal = namespaceOrdinal++;
      const matched = this.#index.matched(namespace, group.selector);
      if (matched.pods.length === 0) continue;
      const excluded = this.#excludedIn(namespace);
      if (excluded !== undefined) {
        this.#walk(namespace, matched, excluded, domainOf, ordinal, totals);
        continue;
      }
      for (let k = 0; k < matched.nodes.length; k++) {
        const domain = domainOf.get(matched.nodes[k] as number);
        if (domain === undefined) continue;
        add(totals, domain, matched.counts[k] as number, ordinal, matched.first[k] as number);
      }
    }
    const ordered = [...totals].sort(([, a], [, b]) => a.namespace - b.namespace || a.first - b.first);
    for (const [domain, { count }] of ordered) group.record(domain, count);
  }

  /** Counts a namespace pod by pod: some of its matched pods are the batch's own. */
  #walk(
    namespace: string,
    matched: Matched,
    excluded: ReadonlySet<number>,
    domainOf: ReadonlyMap<number, string>,
    ordinal: number,
    totals: Map<string, { count: number; namespace: number; first: number }>,
  ): void {
    const pods = this.#index.namespacePods(namespace)?.pods ?? [];
    for (const p of matched.pods) {
      if (excluded.has(p)) continue;
      const domain = domainOf.get((pods[p] as CountedPod).node);
      if (domain !== undefined) add(totals, domain, 1, ordinal, p);
    }
  }
}

function add(totals: Map<string, { count: number; namespace: number; first: number }>, domain: string, count: number, namespace: number, first: number): void {
  const seen = totals.get(domain);
  if (seen === undefined) totals.set(domain, { count, namespace, first });
  else {
    seen.count += count;
    if (namespace < seen.namespace || (namespace === seen.namespace && first < seen.first)) {
      seen.namespace = namespace;
      seen.first = first;
    }
  }
}

/**
 * A view of a fresh index over the nodes and pods, for a run that shares nothing.
 *
 * @param nodes - the existing nodes
 * @param boundPods - the running pods
 * @param excluded - keys of the batch's pods
 * @returns the view
 * @internal
 */
export function freshClusterView(
  nodes: readonly TopologyNode[],
  boundPods: readonly { readonly pod: Pod; readonly nodeName: string }[],
  excluded: ReadonlySet<string>,
): ClusterView {
  return new ClusterView(new ClusterIndex(nodes, boundPods), NO_NAMES, excluded);
}

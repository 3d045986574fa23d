/**
 * The existing cluster as groups count it: nodes with their label requirements, and the running
 * pods that count (not terminal, not terminating, not part of the batch, on a known node) indexed by
 * namespace.
 *
 * @module
 */
import { labelSelectorMatches, LABEL_HOSTNAME, requirementsFromLabels, type Requirements } from "../requirements/index.js";
import type { Pod, StringMap, Taint } from "../types/kubernetes.js";
import { podKey } from "../_internal/pod-key.js";
import type { TopologyGroup } from "./group.js";
import { podLabels, podNamespace } from "./group-specs.js";
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
  readonly labels: StringMap;
  readonly node: IndexedNode;
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

/**
 * The cluster's nodes and counted pods.
 *
 * @internal
 */
export class ClusterIndex {
  /** The nodes, in input order. */
  readonly nodes: readonly IndexedNode[];
  /** The nodes by name, for the pod index. */
  private readonly byName = new Map<string, IndexedNode>();
  private readonly nodeIndex = new Map<IndexedNode, number>();
  /** The counted pods by namespace, built on the first count (a run without topology groups never needs it). */
  #podsByNamespace: Map<string, CountedPod[]> | undefined;
  /** The same pods by namespace, then by identical label set: a selector is matched once per label set. */
  private readonly byLabelSet = new Map<string, Map<string, { readonly labels: StringMap; readonly pods: number[] }>>();

  /**
   * @param nodes - the existing nodes
   * @param boundPods - the running pods
   * @param excluded - keys of the batch's pods, never counted
   * @param signatures - label-set texts already computed by earlier builds over the same pods, if any
   * @param labelRequirements - node label requirements already computed by earlier builds, if any
   */
  constructor(
    nodes: readonly TopologyNode[],
    private readonly boundPods: readonly { readonly pod: Pod; readonly nodeName: string }[],
    private readonly excluded: ReadonlySet<string>,
    private readonly signatures?: WeakMap<StringMap, string> | undefined,
    labelRequirements?: WeakMap<ReadonlyMap<string, string>, Requirements>,
  ) {
    const byName = this.byName;
    const position = this.nodeIndex;
    this.nodes = nodes.map((n, i) => {
      let requirements = labelRequirements?.get(n.labels);
      if (requirements === undefined) {
        requirements = requirementsFromLabels(n.labels);
        labelRequirements?.set(n.labels, requirements);
      }
      const node: IndexedNode = { name: n.name, labels: n.labels, taints: n.taints, requirements };
      byName.set(n.name, node);
      position.set(node, i);
      return node;
    });
  }

  /** The counted pods by namespace. */
  get podsByNamespace(): ReadonlyMap<string, readonly CountedPod[]> {
    if (this.#podsByNamespace !== undefined) return this.#podsByNamespace;
    const pods = new Map<string, CountedPod[]>();
    for (const { pod, nodeName } of this.boundPods) {
      const node = this.byName.get(nodeName);
      if (node === undefined || ignoredForTopology(pod) || this.excluded.has(podKey(pod))) continue;
      const namespace = podNamespace(pod);
      let list = pods.get(namespace);
      if (list === undefined) pods.set(namespace, (list = []));
      const labels = podLabels(pod);
      list.push({ pod, labels, node });
      let sets = this.byLabelSet.get(namespace);
      if (sets === undefined) this.byLabelSet.set(namespace, (sets = new Map()));
      let signature = this.signatures?.get(labels);
      if (signature === undefined) {
        signature = JSON.stringify(labels);
        this.signatures?.set(labels, signature);
      }
      let set = sets.get(signature);
      if (set === undefined) sets.set(signature, (set = { labels, pods: [] }));
      set.pods.push(list.length - 1);
    }
    this.#podsByNamespace = pods;
    return pods;
  }

  /**
   * Initial counts of a new (forward) group: registers the domain of every node its filter admits,
   * then counts the running pods its selector matches in its namespaces, on admitted nodes that have
   * the key. A missing selector counts every pod of the namespaces, as upstream's unfiltered listing.
   *
   * @param group - the new group
   */
  countInto(group: TopologyGroup): void {
    const admitted = new Uint8Array(this.nodes.length);
    this.nodes.forEach((node, i) => {
      if (!group.filter.matches(node.taints, node.requirements)) return;
      admitted[i] = 1;
      const domain = nodeDomain(node, group.key);
      if (domain !== undefined) group.register(domain);
    });
    for (const namespace of group.namespaces) {
      const pods = this.podsByNamespace.get(namespace) ?? [];
      // (podsByNamespace builds byLabelSet on first use, so it is read first.)
      let matching: number[] = [];
      let sets = 0;
      for (const set of this.byLabelSet.get(namespace)?.values() ?? []) {
        if (group.selector && !labelSelectorMatches(group.selector, set.labels)) continue;
        matching = sets++ === 0 ? set.pods : matching.concat(set.pods);
      }
      // Recorded in input order, as a plain walk over the pods would (one set's pods already are).
      if (sets > 1) matching.sort((a, b) => a - b);
      for (const p of matching) {
        const counted = pods[p] as CountedPod;
        if (admitted[this.nodeIndex.get(counted.node) as number] !== 1) continue;
        const domain = nodeDomain(counted.node, group.key);
        if (domain !== undefined) group.record(domain);
      }
    }
  }
}

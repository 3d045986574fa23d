/**
 * The per-run topology state the scheduler drives: topology spread, pod affinity and pod
 * anti-affinity (forward and inverse) with upstream Karpenter's semantics.
 *
 * Determinism: where upstream picks a domain among equals by map order, nodefit picks the lexically
 * smallest (spread: the lowest count, then the smallest name; affinity bootstrap: the smallest
 * domain the pod and node both allow).
 *
 * @module
 */
import { podKey } from "../_internal/pod-key.js";
import { WELL_KNOWN_LABELS, normalizeLabelKey, type CompatibilityOptions, type Requirements } from "../requirements/index.js";
import type { Pod, StringMap, Taint } from "../types/kubernetes.js";
import { ClusterIndex, ClusterView, nodeDomain } from "./cluster.js";
import { GroupRegistry, type TopologyGroupView } from "./registry.js";
import { GroupConflict } from "./conflict.js";
import type { DomainRule, DomainScreen } from "./domain-screen.js";
import { DomainUniverse } from "./domain-universe.js";
import type { TopologyGroup } from "./group.js";
import { inverseGroupIdentities, ownedGroupIdentities, podLabels, podNamespace, type NamespaceIndex } from "./group-specs.js";
import { KEEP, nextDomain, singleValue } from "./rules.js";
import { constraintSignature, readsPodLabels } from "./signature.js";
import type { HostnameBlock, TopologyBuildInput, TopologyRecordOptions, TopologyResult } from "./types.js";

export type { TopologyGroupView } from "./registry.js";

const LENIENT: CompatibilityOptions = { allowUndefined: WELL_KNOWN_LABELS };
const STRICT: CompatibilityOptions = {};
const NO_LABELS: ReadonlyMap<string, string> = new Map();
const NO_GROUPS: readonly TopologyGroup[] = [];
const NO_BLOCKS: readonly HostnameBlock[] = [];
const NO_NAMES: ReadonlySet<string> = new Set();

/** The forward groups a spec owns and the inverse groups its required anti-affinity creates. */
interface SpecGroups {
  readonly owned: readonly TopologyGroup[];
  readonly inverse: readonly TopologyGroup[];
}

const NO_SPEC_GROUPS: SpecGroups = { owned: NO_GROUPS, inverse: NO_GROUPS };

/** What the topology remembers per pod key; the group lists extend lazily as groups appear. */
interface PodState {
  readonly namespace: string;
  readonly labels: StringMap;
  /** Forward groups the pod owns (from its last update). */
  owned: readonly TopologyGroup[];
  /** Inverse groups the pod owns (its required anti-affinity terms). */
  readonly inverseOwned: TopologyGroup[];
  /** Forward groups that select the pod, among the first `scanned`. */
  readonly selecting: TopologyGroup[];
  readonly selectingSet: Set<TopologyGroup>;
  scanned: number;
  /** Inverse groups that select the pod, among the first `inverseScanned`. */
  readonly inverseSelecting: TopologyGroup[];
  inverseScanned: number;
}

/**
 * Topology spread constraints, pod affinity and pod anti-affinity for one scheduling run. Build it
 * once from the cluster and the batch, then for each placement ask {@link Topology.addRequirements}
 * and, once committed, {@link Topology.record}.
 *
 * @example
 * ```ts
 * const topology = Topology.build({ templates, nodes, boundPods, pendingPods, preferencePolicy: "Respect" });
 * const result = topology.addRequirements(pod, podRequirements(pod.spec, { strict: true }), nodeRequirements, taints);
 * if (result.ok) topology.record(pod, result.requirements, taints);
 * ```
 * @category Topology
 */
export class Topology {
  private readonly registry: GroupRegistry;
  private readonly namespaces: NamespaceIndex;
  private readonly policy: "Respect" | "Ignore";
  private readonly pods = new Map<string, PodState>();
  private readonly bySignature = new Map<string, SpecGroups>();
  private readonly bySpec = new WeakMap<Pod["spec"], Map<string, SpecGroups>>();

  private readonly cluster: ClusterView;

  private constructor(input: TopologyBuildInput) {
    this.policy = input.preferencePolicy;
    const excluded = new Set(input.pendingPods.map(podKey));
    const index = input.clusterIndex ?? new ClusterIndex(input.nodes, input.boundPods, input.labelSignatures, input.labelRequirements);
    this.cluster = new ClusterView(index, input.removed ?? NO_NAMES, excluded);
    this.registry = new GroupRegistry(input.universe ?? DomainUniverse.build(input.templates), this.cluster);
    const namespaces = new Map<string, ReadonlyMap<string, string>>(input.namespaces ?? []);
    for (const namespace of this.cluster.namespaces()) if (!namespaces.has(namespace)) namespaces.set(namespace, NO_LABELS);
    for (const pod of input.pendingPods) if (!namespaces.has(podNamespace(pod))) namespaces.set(podNamespace(pod), NO_LABELS);
    this.namespaces = namespaces;
  }

  /**
   * Builds the topology: the domain universe from the NodePools, inverse anti-affinity groups for
   * running pods with required anti-affinity, and every group the batch's pods ask for.
   *
   * @param input - NodePools, nodes, running and pending pods, namespaces and preference policy
   * @returns the topology
   */
  static build(input: TopologyBuildInput): Topology {
    const topology = new Topology(input);
    // Only running pods with required anti-affinity make inverse groups.
    for (const { pod, node } of topology.cluster.antiAffinityPods()) {
      for (const id of inverseGroupIdentities(pod, topology.namespaces)) {
        const group = topology.registry.inverse(id);
        const domain = nodeDomain(node, id.key);
        if (domain !== undefined) group.record(domain);
      }
    }
    for (const pod of input.pendingPods) topology.update(pod);
    return topology;
  }

  /**
   * Re-derives the groups a pod owns from its current spec; call it after relaxing a copy of the
   * pod and again with the original when the attempt fails.
   *
   * @param pod - the pod (any copy sharing its uid, or namespace/name)
   */
  update(pod: Pod): void {
    const key = podKey(pod);
    let state = this.pods.get(key);
    if (state === undefined) {
      state = {
        namespace: podNamespace(pod),
        labels: podLabels(pod),
        owned: NO_GROUPS,
        inverseOwned: [],
        selecting: [],
        selectingSet: new Set(),
        scanned: 0,
        inverseSelecting: [],
        inverseScanned: 0,
      };
      this.pods.set(key, state);
    }
    const groups = this.groupsOf(pod, state.namespace);
    for (const group of groups.inverse) if (!state.inverseOwned.includes(group)) state.inverseOwned.push(group);
    state.owned = groups.owned;
  }

  /** The groups a spec asks for, memoised by the parts of the spec that decide them. */
  private groupsOf(pod: Pod, namespace: string): SpecGroups {
    // Pods sharing a spec object (relaxed copies of one workload) share groups unless their labels matter.
    const bySpec = this.bySpec.get(pod.spec);
    const known = bySpec?.get(namespace);
    if (known !== undefined) return known;
    const groups = this.groupsBySignature(pod, namespace);
    if (!readsPodLabels(pod.spec)) {
      if (bySpec === undefined) this.bySpec.set(pod.spec, new Map([[namespace, groups]]));
      else bySpec.set(namespace, groups);
    }
    return groups;
  }

  private groupsBySignature(pod: Pod, namespace: string): SpecGroups {
    const signature = constraintSignature(pod, namespace);
    if (signature === undefined) return NO_SPEC_GROUPS;
    let groups = this.bySignature.get(signature);
    if (groups === undefined) {
      const owned: TopologyGroup[] = [];
      for (const id of ownedGroupIdentities(pod, this.policy, this.namespaces)) {
        const group = this.registry.forward(id);
        if (!owned.includes(group)) owned.push(group);
      }
      const inverse = inverseGroupIdentities(pod, this.namespaces).map((id) => this.registry.inverse(id));
      groups = { owned, inverse };
      this.bySignature.set(signature, groups);
    }
    return groups;
  }

  /**
   * Whether {@link Topology.addRequirements} can narrow anything for the pod: it owns a group or an
   * inverse anti-affinity group selects it. Cheap: amortised O(1) per call.
   *
   * @param pod - the pod
   * @returns true if topology constrains the pod
   */
  hasConstraints(pod: Pod): boolean {
    const state = this.stateOf(pod);
    return state.owned.length > 0 || this.inverseSelectingOf(state).length > 0;
  }

  /**
   * The node's requirements tightened by every group the pod owns and every inverse anti-affinity
   * group that selects it. Pure: changes no count. Each group sees the node's requirements as given
   * (not as tightened by the other groups), as upstream does.
   *
   * @param pod - the pod being placed
   * @param podStrictRequirements - the pod's strict requirements (no preferred node affinity): its domains
   * @param nodeRequirements - the candidate node's requirements, the pod's already merged in
   * @param _nodeTaints - the node's taints (no inverse group filters by taints)
   * @returns the tightened requirements, or the first conflict
   */
  addRequirements(pod: Pod, podStrictRequirements: Requirements, nodeRequirements: Requirements, _nodeTaints: readonly Taint[]): TopologyResult {
    const state = this.stateOf(pod);
    const inverse = this.inverseSelectingOf(state);
    if (state.owned.length === 0 && inverse.length === 0) return { ok: true, requirements: nodeRequirements };
    const selfSelecting = this.selectingOf(state) && state.selectingSet;
    let requirements = nodeRequirements;
    for (let i = 0; i < state.owned.length + inverse.length; i++) {
      const group = (i < state.owned.length ? state.owned[i] : inverse[i - state.owned.length]) as TopologyGroup;
      const podDomains = podStrictRequirements.has(group.key) ? podStrictRequirements.get(group.key) : group.anyDomain;
      const nodeDomains = nodeRequirements.has(group.key) ? nodeRequirements.get(group.key) : group.anyDomain;
      const answer = nextDomain(group, selfSelecting.has(group), podDomains, nodeDomains);
      if (answer === null) return { ok: false, conflict: new GroupConflict(group, podDomains, nodeDomains) };
      if (answer === KEEP) continue;
      requirements = requirements.add(answer);
      if (requirements.get(group.key).isEmpty()) return { ok: false, conflict: new GroupConflict(group, podDomains, nodeDomains) };
    }
    return { ok: true, requirements };
  }

  /**
   * The pod's hostname-keyed anti-affinity (owned or inverse) and hostname spread constraints, each as the
   * count above which a node with a single hostname is refused. A node {@link Topology.addRequirements} is
   * asked about with one hostname is refused whenever one of these blocks it (the converse need not hold).
   *
   * @param pod - the pod being placed
   * @returns the blocks (empty when none applies)
   */
  hostnameBlocks(pod: Pod): readonly HostnameBlock[] {
    const state = this.stateOf(pod);
    const inverse = this.inverseSelectingOf(state);
    if (state.owned.length === 0 && inverse.length === 0) return NO_BLOCKS;
    const selfSelecting = this.selectingOf(state) && state.selectingSet;
    const blocks: HostnameBlock[] = [];
    // Mirrors the single-hostname fast paths of the anti-affinity and spread rules.
    for (let i = 0; i < state.owned.length + inverse.length; i++) {
      const group = (i < state.owned.length ? state.owned[i] : inverse[i - state.owned.length]) as TopologyGroup;
      if (!group.isHostname) continue;
      if (group.type === "anti-affinity") blocks.push({ counts: group.domains, limit: 0 });
      else if (group.type === "spread") blocks.push({ counts: group.domains, limit: group.maxSkew - (selfSelecting.has(group) ? 1 : 0) });
    }
    return blocks;
  }

  /**
   * The pod's groups on keys other than the hostname, for a {@link DomainScreen} over one walk (added for the
   * scheduler's walk over planned claims; the hostname groups are {@link Topology.hostnameBlocks}).
   *
   * @param pod - the pod being placed
   * @param podStrictRequirements - the pod's strict requirements, as given to {@link Topology.addRequirements}
   * @returns the rules (empty when none applies)
   * @internal
   */
  domainRules(pod: Pod, podStrictRequirements: Requirements): readonly DomainRule[] {
    const state = this.stateOf(pod);
    const inverse = this.inverseSelectingOf(state);
    if (state.owned.length === 0 && inverse.length === 0) return [];
    const selfSelecting = this.selectingOf(state) && state.selectingSet;
    const rules: DomainRule[] = [];
    for (let i = 0; i < state.owned.length + inverse.length; i++) {
      const group = (i < state.owned.length ? state.owned[i] : inverse[i - state.owned.length]) as TopologyGroup;
      if (group.isHostname) continue;
      const podDomains = podStrictRequirements.has(group.key) ? podStrictRequirements.get(group.key) : group.anyDomain;
      rules.push({ group, selfSelecting: selfSelecting.has(group), podDomains });
    }
    return rules;
  }

  /**
   * Counts a committed pod: every forward group that selects it and whose node filter admits the
   * node records it (anti-affinity on every domain the node could still land in, spread and affinity
   * only once the node's requirement on the key is a single value), and every inverse group the pod
   * owns records all the node's possible domains.
   *
   * @param pod - the committed pod
   * @param nodeRequirements - the node's requirements after the pod was added
   * @param nodeTaints - the node's taints (for spread filters with nodeTaintsPolicy Honor)
   * @param options - `strict: true` for existing nodes
   */
  record(pod: Pod, nodeRequirements: Requirements, nodeTaints: readonly Taint[], options?: TopologyRecordOptions): void {
    const state = this.stateOf(pod);
    const compatibility = options?.strict ? STRICT : LENIENT;
    for (const group of this.selectingOf(state)) {
      if (!group.filter.matches(nodeTaints, nodeRequirements, compatibility)) continue;
      const domains = nodeRequirements.get(group.key);
      if (group.type === "anti-affinity") {
        if (!domains.complement) for (const domain of domains.values) group.record(domain);
      } else {
        const domain = singleValue(domains);
        if (domain !== undefined) group.record(domain);
      }
    }
    for (const group of state.inverseOwned) {
      const domains = nodeRequirements.get(group.key);
      if (!domains.complement) for (const domain of domains.values) group.record(domain);
    }
  }

  /**
   * Makes a domain known to every group on a key (e.g. a new node claim's placeholder hostname).
   *
   * @param key - the topology key
   * @param domain - the domain
   */
  register(key: string, domain: string): void {
    this.registry.register(normalizeLabelKey(key), domain);
  }

  /**
   * A snapshot of every group, forward groups first, each in creation order.
   *
   * @returns the views
   */
  groupViews(): readonly TopologyGroupView[] {
    return this.registry.views();
  }

  private stateOf(pod: Pod): PodState {
    const state = this.pods.get(podKey(pod));
    if (state !== undefined) return state;
    this.update(pod);
    return this.pods.get(podKey(pod)) as PodState;
  }

  private selectingOf(state: PodState): readonly TopologyGroup[] {
    for (; state.scanned < this.registry.forwardGroups.length; state.scanned++) {
      const group = this.registry.forwardGroups[state.scanned] as TopologyGroup;
      if (group.selects(state.namespace, state.labels)) {
        state.selecting.push(group);
        state.selectingSet.add(group);
      }
    }
    return state.selecting;
  }

  private inverseSelectingOf(state: PodState): readonly TopologyGroup[] {
    for (; state.inverseScanned < this.registry.inverseGroups.length; state.inverseScanned++) {
      const group = this.registry.inverseGroups[state.inverseScanned] as TopologyGroup;
      if (group.selects(state.namespace, state.labels)) state.inverseSelecting.push(group);
    }
    return state.inverseSelecting;
  }
}

/**
 * What a series of scheduling runs over one cluster share: a consolidation plan simulates the same cluster
 * with a few nodes removed well over a hundred times, and rebuilding every node's room from its running pods,
 * the NodePool templates and the topology domain universe each time was most of the plan's cost. A model is
 * created once per plan (or kept by a long-lived `Cluster`, whose lists change only through its events); every
 * run reads its per-node entries and copies a node only when it places a pod there (copy-on-write: the entries
 * are immutable, each run's `ExistingNode` replaces its own `remaining`).
 *
 * The cluster base ({@link ClusterModel.base}) is the whole cluster side read once per list of nodes, claims
 * and running pods: prepared nodes in placement order, NodePool usage, and the topology index that keeps, per
 * namespace and selector, how many matching pods each node runs. A simulation takes its candidates out of the
 * base as state (masks over its positions) instead of handing the scheduler rebuilt lists.
 *
 * @module
 */
import type { HostPort, ResourceList } from "../resources/index.js";
import type { Requirements } from "../requirements/index.js";
import type { DomainUniverse } from "../topology/domain-universe.js";
import type { DaemonSet, Node, NodeClaim, NodePool, Pod, StringMap, Taint } from "../types/kubernetes.js";
import { SharedVolumeUsage } from "../volumes/usage.js";
import type { DaemonPod } from "./daemons.js";
import type { NodeClaimTemplate } from "./nodeclaim-template.js";

/** One node's (or in-flight NodeClaim's) facts, read from its objects. */
export interface NodeFacts {
  readonly name: string;
  readonly labels: ReadonlyMap<string, string>;
  readonly taints: readonly Taint[];
  readonly allocatable: ResourceList;
  readonly capacity: ResourceList;
  readonly nodePool: string | undefined;
  readonly initialized: boolean;
}

/** A node with the pods running on it: what a placement run starts from. Immutable. */
export interface PreparedNode {
  readonly facts: NodeFacts;
  readonly hostname: string;
  /** Its labels plus `hostname In [its hostname]`. */
  readonly requirements: Requirements;
  /** Allocatable minus running pods and DaemonSet pods not yet there, each resource at least 0. */
  readonly remaining: ResourceList;
  readonly hostPorts: readonly HostPort[];
  /** The running pods it was prepared with, to tell whether it still holds. */
  readonly pods: readonly Pod[];
}

/** The NodePool side of a run, compiled once per NodePool list and catalogue. */
export interface CompiledPools {
  readonly templates: readonly NodeClaimTemplate[];
  readonly universe: DomainUniverse;
}

/** Shared, plan-scoped state of many scheduling runs over one cluster (see the module comment). */
export class ClusterModel {
  readonly #facts = new WeakMap<Node | NodeClaim, { readonly claim: NodeClaim | undefined; readonly facts: NodeFacts }>();
  #prepared = new WeakMap<NodeFacts, PreparedNode>();
  /** Topology's label-set texts of running pods' labels objects. */
  readonly labelSignatures: WeakMap<StringMap, string> = new WeakMap();
  /** Topology's requirements of node label maps (the facts' `labels`). */
  readonly labelRequirements: WeakMap<ReadonlyMap<string, string>, Requirements> = new WeakMap();
  /** Each CSI-limited node's volumes in use, read again only for nodes whose running pods changed. */
  readonly volumeUsage: SharedVolumeUsage = new SharedVolumeUsage();
  /** The cluster base of each list of running pods (a consolidation state's simulations share one). */
  readonly #bases = new WeakMap<
    readonly Pod[],
    { readonly nodes: readonly Node[]; readonly nodeClaims: readonly NodeClaim[]; readonly daemons: readonly DaemonPod[]; readonly base: unknown }
  >();
  #lastBase:
    | {
        readonly nodes: readonly Node[];
        readonly nodeClaims: readonly NodeClaim[];
        readonly boundPods: readonly Pod[];
        readonly daemons: readonly DaemonPod[];
        readonly base: unknown;
      }
    | undefined;
  #daemons: { readonly daemonSets: readonly DaemonSet[]; readonly daemons: readonly DaemonPod[] } | undefined;
  #pools:
    | {
        readonly nodePools: readonly NodePool[];
        readonly catalogue: readonly unknown[];
        readonly daemons: readonly DaemonPod[];
        readonly key: string;
        readonly value: CompiledPools;
      }
    | undefined;

  /**
   * A node's facts, read once per node object (and the claim linked to it).
   *
   * @param object - the Node, or a NodeClaim without one
   * @param claim - the NodeClaim linked to the node, if any
   * @param read - reads the facts on a miss
   * @returns the facts
   */
  facts(object: Node | NodeClaim, claim: NodeClaim | undefined, read: () => NodeFacts): NodeFacts {
    const seen = this.#facts.get(object);
    if (seen !== undefined && seen.claim === claim) return seen.facts;
    const facts = read();
    this.#facts.set(object, { claim, facts });
    return facts;
  }

  /**
   * A node prepared with its running pods, reused while the same pod objects run on it.
   *
   * @param facts - the node's facts (from {@link ClusterModel.facts})
   * @param pods - the pods running on it now
   * @param prepare - prepares it on a miss
   * @returns the prepared node
   */
  prepared(facts: NodeFacts, pods: readonly Pod[], prepare: () => PreparedNode): PreparedNode {
    const seen = this.#prepared.get(facts);
    if (seen !== undefined && samePods(seen.pods, pods)) return seen;
    const value = prepare();
    this.#prepared.set(facts, value);
    return value;
  }

  /**
   * The cluster side shared by every run over the same node, claim and running-pod lists (the lists are
   * nodefit's own in a plan, never changed after they are made), built on a miss.
   *
   * @param nodes - the nodes
   * @param nodeClaims - the NodeClaims
   * @param boundPods - the running pods
   * @param daemons - the compiled DaemonSets
   * @param build - builds the base on a miss
   * @returns the base
   */
  base<T>(nodes: readonly Node[], nodeClaims: readonly NodeClaim[], boundPods: readonly Pod[], daemons: readonly DaemonPod[], build: () => T): T {
    const seen = this.#bases.get(boundPods);
    if (seen !== undefined && seen.nodes === nodes && seen.nodeClaims === nodeClaims && seen.daemons === daemons) return seen.base as T;
    // A long-lived cluster's run lists its running pods afresh each time: the same pods are the same base.
    const last = this.#lastBase;
    if (last !== undefined && last.nodes === nodes && last.nodeClaims === nodeClaims && last.daemons === daemons && samePods(last.boundPods, boundPods)) {
      return last.base as T;
    }
    const base = build();
    this.#bases.set(boundPods, { nodes, nodeClaims, daemons, base });
    this.#lastBase = { nodes, nodeClaims, boundPods, daemons, base };
    return base;
  }

  /** The base the last miss of {@link ClusterModel.base} built, which the next build may reuse parts of. */
  get previousBase(): unknown {
    return this.#lastBase?.base;
  }

  /**
   * The DaemonSets compiled once per list.
   *
   * @param daemonSets - the list
   * @param compile - compiles it on a miss
   * @returns the compiled pods
   */
  daemons(daemonSets: readonly DaemonSet[], compile: () => readonly DaemonPod[]): readonly DaemonPod[] {
    if (this.#daemons?.daemonSets !== daemonSets) this.#daemons = { daemonSets, daemons: compile() };
    return this.#daemons.daemons;
  }

  /**
   * Forgets the compiled DaemonSets and every node prepared with them: a long-lived cluster calls it when a
   * DaemonSet changes, or a pod that may stand in for one (its newest pod sizes it). Node facts, label caches and
   * the catalogue side stay; the next run compiles the DaemonSets again, so every base and template set built
   * on the old ones misses too.
   */
  resetDaemons(): void {
    this.#daemons = undefined;
    this.#prepared = new WeakMap();
  }

  /**
   * The NodePool templates and domain universe, compiled once per NodePool list, catalogue and policy.
   *
   * @param nodePools - the NodePools
   * @param catalogue - the run's catalogue list
   * @param daemons - the compiled DaemonSets (from {@link ClusterModel.daemons})
   * @param key - everything else the compilation reads (policies, well-known labels), as text
   * @param compile - compiles them on a miss
   * @returns the compiled pools
   */
  pools(
    nodePools: readonly NodePool[],
    catalogue: readonly unknown[],
    daemons: readonly DaemonPod[],
    key: string,
    compile: () => CompiledPools,
  ): CompiledPools {
    const seen = this.#pools;
    if (seen !== undefined && seen.nodePools === nodePools && seen.catalogue === catalogue && seen.daemons === daemons && seen.key === key) return seen.value;
    const value = compile();
    this.#pools = { nodePools, catalogue, daemons, key, value };
    return value;
  }
}

function samePods(a: readonly Pod[], b: readonly Pod[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Builders for scheduler scenario tests on upstream's fake instance-type fixture: nodefit/testing's builders with
 * this suite's defaults, and helpers to run and read scenarios.
 */
import { planConsolidation, type ConsolidationOptions, type ConsolidationPlan } from "../../src/consolidation/index.js";
import type { InstanceType } from "../../src/instance-types/index.js";
import { resourceListToRecord } from "../../src/resources/index.js";
import { schedule, type PlannedNodeClaim, type ScheduleInput, type ScheduleOptions, type ScheduleResult } from "../../src/scheduler/index.js";
import * as builders from "../../src/testing/builders.js";
import { FAKE_WELL_KNOWN_LABELS, fakeInstanceTypes } from "../../src/testing/fake-catalog.js";
import type {
  Affinity,
  DaemonSet,
  Node,
  NodeClaim,
  NodePool,
  NodeSelectorRequirement,
  NodeSelectorRequirementWithMinValues,
  Pod,
  PodDisruptionBudget,
  ResourceMap,
  StringMap,
  Taint,
} from "../../src/types/kubernetes.js";

/** The options of {@link pod}: nodefit/testing's pod builder options. */
export type PodOptions = builders.PodOptions;

/** A pod with one container. */
export function pod(name: string, o: PodOptions = {}): Pod {
  return builders.pod(name, o);
}

/** `count` replicas named `<name>-<i>`. */
export function replicas(name: string, count: number, o: PodOptions = {}): Pod[] {
  return Array.from({ length: count }, (_, i) => pod(`${name}-${i}`, o));
}

/** The options of {@link nodePool}: nodefit/testing's NodePool builder options. */
export type NodePoolOptions = builders.NodePoolOptions;

/** A NodePool; capacity-type defaults to the scheduling suite's `In [spot, on-demand, reserved]`. */
export function nodePool(name: string, o: NodePoolOptions = {}): NodePool {
  return builders.nodePool(name, {
    ...o,
    labels: o.labels ?? {},
    requirements: o.requirements ?? [{ key: "karpenter.sh/capacity-type", operator: "In", values: ["spot", "on-demand", "reserved"] }],
    taints: o.taints ?? [],
  });
}

/** A DaemonSet whose pods request the given resources. */
export function daemonSet(name: string, o: PodOptions = {}): DaemonSet {
  return builders.daemonSet(name, { ...o, namespace: "kube-system" });
}

/** An existing node (always with `spec.taints`). */
export function node(name: string, o: builders.NodeOptions = {}): Node {
  return builders.node(name, { ...o, taints: o.taints ?? [] });
}

/** Runs the scheduler on the fake catalogue with its well-known labels. */
export function run(input: Partial<ScheduleInput> & { pods: readonly Pod[] }, options: ScheduleOptions = {}): ScheduleResult {
  return schedule(
    { nodePools: [nodePool("default")], instanceTypes: fakeInstanceTypes(), ...input },
    { wellKnownLabels: FAKE_WELL_KNOWN_LABELS, maxInstanceTypes: 60, ...options },
  );
}

/** Which claim (by name) each pod landed on. */
export function placement(result: ScheduleResult): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of result.nodeClaims) for (const p of c.pods) out.set(p, c.name);
  for (const n of result.existingNodes) for (const p of n.pods) out.set(p, n.name);
  return out;
}

/** A managed node of NodePool `pool`: initialized unless `initialized: false`. */
export function managedNode(
  name: string,
  pool: string,
  o: { labels?: StringMap; allocatable?: ResourceMap; capacity?: ResourceMap; taints?: readonly Taint[]; initialized?: boolean } = {},
): Node {
  return node(name, { ...o, nodePool: pool, initialized: o.initialized !== false });
}

/** A NodeClaim linked to node `nodeName` (or launched and not yet registered when `nodeName` is undefined). */
export function nodeClaim(
  name: string,
  pool: string,
  o: {
    nodeName?: string;
    labels?: StringMap;
    requirements?: readonly NodeSelectorRequirementWithMinValues[];
    taints?: readonly Taint[];
    startupTaints?: readonly Taint[];
    allocatable?: ResourceMap;
    initialized?: boolean;
    conditions?: readonly builders.ConditionOptions[];
  } = {},
): NodeClaim {
  return builders.nodeClaim(name, { ...o, nodePool: pool, labels: o.labels ?? {}, requirements: o.requirements ?? [], taints: o.taints ?? [] });
}

/** A required node-affinity block whose terms are ORed. */
export function requiredTerms(...terms: readonly (readonly NodeSelectorRequirement[])[]): Affinity {
  return { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms.map((matchExpressions) => ({ matchExpressions })) } } };
}

/** A preferred node-affinity block: `[weight, expressions]` pairs. */
export function preferredTerms(...terms: readonly (readonly [number, readonly NodeSelectorRequirement[]])[]): Affinity {
  return {
    nodeAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: terms.map(([weight, matchExpressions]) => ({ weight, preference: { matchExpressions } })),
    },
  };
}

/** One requirement expression. */
export function req(key: string, operator: string, ...values: string[]): NodeSelectorRequirement {
  return values.length > 0 ? { key, operator, values } : { key, operator };
}

/** The claim's requirement on `key`, if any. */
export function requirementOf(
  claim: { readonly requirements: readonly NodeSelectorRequirementWithMinValues[] },
  key: string,
): NodeSelectorRequirementWithMinValues | undefined {
  return claim.requirements.find((r) => r.key === key);
}

/** `[pod, code]` pairs of the unschedulable pods. */
export function failures(result: ScheduleResult): [string, string][] {
  return result.unschedulable.map((u) => [u.pod, u.code]);
}

/**
 * The labels a launched claim's node would carry, as upstream's fake provider sets them: the claim's labels, the
 * launched offering's zone, capacity type and instance type, and every single-valued label of that instance type (the
 * fake provider's `integer`, `size`, ...).
 */
export function claimNodeLabels(claim: PlannedNodeClaim, catalogue: readonly InstanceType[] = fakeInstanceTypes()): Map<string, string> {
  const labels = new Map(claim.labels);
  const type = catalogue.find((t) => t.name === claim.instanceType);
  for (const r of type?.requirements ?? []) {
    if (r.operator === "In" && r.size === 1) labels.set(r.key, r.any() ?? "");
  }
  labels.set("topology.kubernetes.io/zone", claim.zone);
  labels.set("karpenter.sh/capacity-type", claim.capacityType);
  labels.set("node.kubernetes.io/instance-type", claim.instanceType);
  return labels;
}

/**
 * The labels of the node a pod landed on, as upstream's tests read `node.Labels`: an existing node's labels (from
 * `input.nodes`), or {@link claimNodeLabels} of its new claim. Undefined when the pod was not placed.
 */
export function landedLabels(
  result: ScheduleResult,
  podName: string,
  input: { readonly nodes?: readonly Node[]; readonly instanceTypes?: readonly InstanceType[] } = {},
): ReadonlyMap<string, string> | undefined {
  const key = podName.includes("/") ? podName : `default/${podName}`;
  const existing = result.existingNodes.find((n) => n.pods.includes(key));
  if (existing !== undefined) {
    const n = (input.nodes ?? []).find((x) => x.metadata.name === existing.name);
    return new Map(Object.entries(n?.metadata.labels ?? {}));
  }
  const claim = result.nodeClaims.find((c) => c.pods.includes(key));
  return claim === undefined ? undefined : claimNodeLabels(claim, input.instanceTypes);
}

/**
 * A cluster that upstream's multi-step tests provision into: each {@link Provisioner.provision} schedules pending pods
 * against the nodes so far, then launches every new claim as an initialized managed node (labels from
 * {@link claimNodeLabels}, capacity and allocatable of its instance type, the claim's taints) and binds the placed pods to their nodes, as
 * `ExpectProvisioned` does.
 */
export class Provisioner {
  /** Nodes launched so far (plus any given). */
  readonly nodes: Node[] = [];
  /** Pods bound so far (plus any given). */
  readonly bound: Pod[] = [];
  private step = 0;

  constructor(
    private readonly instanceTypes: readonly InstanceType[] = fakeInstanceTypes(),
    private readonly options: ScheduleOptions = {},
    /** Whether launched nodes are initialized (true) or stay in flight, as upstream's freshly provisioned nodes do. */
    private readonly initialized: boolean = true,
  ) {}

  /** Schedules `pods` with `nodePools`, launches the claims and binds the pods; returns the run's result. */
  provision(pods: readonly Pod[], nodePools: readonly NodePool[] = [nodePool("default")], extra: Partial<ScheduleInput> = {}): ScheduleResult {
    this.step++;
    const result = run({ pods, nodePools, instanceTypes: this.instanceTypes, nodes: this.nodes, boundPods: this.bound, ...extra }, this.options);
    const nodeOf = new Map<string, string>();
    for (const n of result.existingNodes) for (const p of n.pods) nodeOf.set(p, n.name);
    for (const c of result.nodeClaims) {
      const name = `${c.name}-step${this.step}`;
      const type = this.instanceTypes.find((t) => t.name === c.instanceType);
      const allocatable = type === undefined ? {} : resourceListToRecord(type.allocatable);
      const capacity = type === undefined ? {} : resourceListToRecord(type.capacity);
      const labels = Object.fromEntries(claimNodeLabels(c, this.instanceTypes));
      this.nodes.push(managedNode(name, c.nodePool, { labels, allocatable, capacity, taints: c.taints, initialized: this.initialized }));
      for (const p of c.pods) nodeOf.set(p, name);
    }
    for (const p of pods) {
      const target = nodeOf.get(`${p.metadata.namespace ?? "default"}/${p.metadata.name ?? ""}`);
      if (target !== undefined) this.bound.push({ ...p, spec: { ...p.spec, nodeName: target } });
    }
    return result;
  }

  /** Removes bound pods, as `ExpectDeleted` does. */
  remove(names: readonly string[]): void {
    for (let i = this.bound.length - 1; i >= 0; i--) if (names.includes(this.bound[i]?.metadata.name ?? "")) this.bound.splice(i, 1);
  }

  /** The labels of the node a bound pod runs on. */
  nodeLabelsOf(podName: string): Readonly<StringMap> | undefined {
    const p = this.bound.find((b) => b.metadata.name === podName);
    return this.nodes.find((n) => n.metadata.name === p?.spec.nodeName)?.metadata.labels;
  }

  /**
   * Upstream's `ExpectSkew`: how many bound pods in `namespace` that match `matchLabels` run in each domain of `key`
   * (nodes without the label are left out; finished and terminating pods are ignored for topology, as upstream's
   * `IgnoredForTopology`), as a sorted list of counts.
   */
  skew(key: string, matchLabels: StringMap, namespace = "default"): number[] {
    const counts = new Map<string, number>();
    for (const p of this.bound) {
      if ((p.metadata.namespace ?? "default") !== namespace) continue;
      if (p.status?.phase === "Succeeded" || p.status?.phase === "Failed" || p.metadata.deletionTimestamp !== undefined) continue;
      if (!Object.entries(matchLabels).every(([k, v]) => p.metadata.labels?.[k] === v)) continue;
      const domain = this.nodes.find((n) => n.metadata.name === p.spec.nodeName)?.metadata.labels?.[key];
      if (domain !== undefined) counts.set(domain, (counts.get(domain) ?? 0) + 1);
    }
    return [...counts.values()].sort((a, b) => a - b);
  }
}

/** What a consolidation scenario gives the planner: the cluster's objects, bound and pending pods together. */
export interface ConsolidationScenario {
  readonly nodePools: readonly NodePool[];
  readonly nodes: readonly Node[];
  readonly nodeClaims?: readonly NodeClaim[];
  /** Bound pods (`spec.nodeName` set) and pending pods. */
  readonly pods?: readonly Pod[];
  readonly daemonSets?: readonly DaemonSet[];
  readonly podDisruptionBudgets?: readonly PodDisruptionBudget[];
  readonly instanceTypes: readonly InstanceType[];
}

/**
 * Plans consolidation for a scenario at `now`. Every consolidation scenario goes through here, so a change of the
 * planner's input shape (for example bound pods given apart from pending ones) is one edit. `maxCommands: 1` stands
 * for one reconcile of upstream's disruption controller.
 */
export function consolidate(scenario: ConsolidationScenario, options: Partial<ConsolidationOptions> = {}): ConsolidationPlan {
  return planConsolidation(
    {
      nodePools: scenario.nodePools,
      nodes: scenario.nodes,
      nodeClaims: scenario.nodeClaims ?? [],
      pods: scenario.pods ?? [],
      daemonSets: scenario.daemonSets ?? [],
      podDisruptionBudgets: scenario.podDisruptionBudgets ?? [],
      instanceTypes: scenario.instanceTypes,
    },
    { now: "2025-01-01T12:00:00Z", ...options },
  );
}

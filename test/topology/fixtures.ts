/**
 * Builders for topology scenarios: NodePool templates over fake instance types, pods, nodes, and a
 * tiny "place on a node" driver mirroring how the scheduler calls the topology.
 */
import { createInstanceType, type InstanceType } from "../../src/instance-types/index.js";
import { LABEL_HOSTNAME, LABEL_NODEPOOL, LABEL_ZONE, podRequirements, Requirement, Requirements } from "../../src/requirements/index.js";
import type { Topology, TopologyNode, TopologyResult, TopologyTemplate } from "../../src/topology/index.js";
import type { Affinity, LabelSelector, Pod, StringMap, Taint, Toleration, TopologySpreadConstraint } from "../../src/types/kubernetes.js";

export const ZONES: readonly string[] = ["test-zone-1", "test-zone-2", "test-zone-3"];

export function instanceType(name: string, zones: readonly string[] = ZONES): InstanceType {
  return createInstanceType({
    name,
    capacity: { cpu: "4", memory: "4Gi", pods: "10" },
    offerings: zones.flatMap((zone) => [
      { zone, capacityType: "spot", price: 0.1 },
      { zone, capacityType: "on-demand", price: 0.2 },
    ]),
  });
}

export interface TemplateOptions {
  readonly requirements?: readonly Requirement[];
  readonly taints?: readonly Taint[];
  readonly zones?: readonly string[];
}

export function template(name = "default", options: TemplateOptions = {}): TopologyTemplate {
  return {
    nodePoolName: name,
    requirements: Requirements.of([Requirement.create(LABEL_NODEPOOL, "In", [name]), ...(options.requirements ?? [])]),
    taints: options.taints ?? [],
    instanceTypes: [instanceType(`${name}-type`, options.zones ?? ZONES)],
  };
}

export interface PodOptions {
  readonly namespace?: string;
  readonly labels?: StringMap;
  readonly nodeSelector?: StringMap;
  readonly tolerations?: readonly Toleration[];
  readonly spread?: readonly TopologySpreadConstraint[];
  readonly affinity?: Affinity;
  readonly phase?: string;
}

export function pod(name: string, options: PodOptions = {}): Pod {
  return {
    metadata: {
      name,
      uid: `uid-${options.namespace ?? "default"}-${name}`,
      namespace: options.namespace ?? "default",
      labels: options.labels ?? {},
    },
    spec: {
      containers: [{ name: "c" }],
      ...(options.nodeSelector ? { nodeSelector: options.nodeSelector } : {}),
      ...(options.tolerations ? { tolerations: options.tolerations } : {}),
      ...(options.spread ? { topologySpreadConstraints: options.spread } : {}),
      ...(options.affinity ? { affinity: options.affinity } : {}),
    },
    ...(options.phase ? { status: { phase: options.phase } } : {}),
  };
}

export function spread(
  topologyKey: string,
  maxSkew: number,
  labelSelector: LabelSelector | undefined,
  extra: Partial<TopologySpreadConstraint> = {},
): TopologySpreadConstraint {
  return { topologyKey, maxSkew, whenUnsatisfiable: "DoNotSchedule", ...(labelSelector ? { labelSelector } : {}), ...extra };
}

export function node(name: string, zone: string, labels: StringMap = {}, taints: readonly Taint[] = []): TopologyNode {
  return { name, labels: new Map(Object.entries({ [LABEL_HOSTNAME]: name, [LABEL_ZONE]: zone, ...labels })), taints };
}

/** The requirements of an existing node: its labels. */
export function nodeRequirements(n: TopologyNode): Requirements {
  return Requirements.of([...n.labels].map(([k, v]) => Requirement.create(k, "In", [v])));
}

/** The requirements of a new node claim from a template, with its placeholder hostname. */
export function claimRequirements(t: TopologyTemplate, hostname: string, extra: readonly Requirement[] = []): Requirements {
  return t.requirements.add(Requirement.create(LABEL_HOSTNAME, "In", [hostname]), ...extra);
}

/** Asks the topology for a pod on a node (pod requirements merged first, as the scheduler does). */
export function ask(topology: Topology, p: Pod, node: Requirements, taints: readonly Taint[] = []): TopologyResult {
  return topology.addRequirements(p, podRequirements(p.spec, { strict: true }), node.add(podRequirements(p.spec)), taints);
}

/** Asks, and records the pod on success; returns the zone (or hostname) it was pinned to. */
export function place(topology: Topology, p: Pod, node: Requirements, taints: readonly Taint[] = []): TopologyResult {
  const result = ask(topology, p, node, taints);
  if (result.ok) topology.record(p, result.requirements, taints);
  return result;
}

export function zoneOf(result: TopologyResult): string {
  if (!result.ok) return `conflict:${result.conflict.code}`;
  const r = result.requirements.get(LABEL_ZONE);
  return r.complement ? "*" : [...r.values].sort().join(",");
}

export function counts(topology: Topology, index = 0): Record<string, number> {
  const view = topology.groupViews()[index];
  return Object.fromEntries(view ? [...view.counts] : []);
}

/**
 * Applying a command to the simulated cluster: candidates go, moved pods land on their targets, replacements
 * become initialized nodes. Pods that land and replacements that start count as pod events at `now`.
 *
 * @module
 */
import { podName } from "../_internal/pod-key.js";
import { LABEL_CAPACITY_TYPE, LABEL_HOSTNAME, LABEL_INSTANCE_TYPE, LABEL_NODEPOOL, LABEL_ZONE } from "../requirements/index.js";
import { resourceListToRecord } from "../resources/index.js";
import type { PlannedNodeClaim } from "../scheduler/index.js";
import type { Node, NodeClaim, Pod } from "../types/kubernetes.js";
import { compareStrings, LABEL_INITIALIZED, nodeState, type ClusterState, type NodeState } from "./cluster.js";
import type { PlanContext } from "./context.js";
import type { ProposedCommand } from "./evaluate.js";

/**
 * Gives a command's replacements plan-wide unique names (`<nodePool>-<n>`, n counting per pool from 1 over the
 * whole plan, skipping names already taken) and points the placements at them.
 *
 * @param command - the command as evaluated
 * @param taken - every node name used so far (updated)
 * @param counters - the last n per pool (updated)
 * @returns the command with renamed replacements
 */
export function nameReplacements(command: ProposedCommand, taken: Set<string>, counters: Map<string, number>): ProposedCommand {
  if (command.replacements.length === 0) return command;
  const renamed = new Map<string, string>();
  const replacements = command.replacements.map((claim) => {
    let n = counters.get(claim.nodePool) ?? 0;
    let name: string;
    do {
      n += 1;
      name = `${claim.nodePool}-${n}`;
    } while (taken.has(name));
    counters.set(claim.nodePool, n);
    taken.add(name);
    renamed.set(claim.name, name);
    return { ...claim, name };
  });
  const placements = new Map([...command.placements].map(([pod, to]) => [pod, renamed.get(to) ?? to]));
  return { ...command, replacements, placements };
}

function bindTo(pod: Pod, nodeName: string): Pod {
  return { ...pod, spec: { ...pod.spec, nodeName } };
}

function replacementObjects(claim: PlannedNodeClaim, ctx: PlanContext): { node: Node; nodeClaim: NodeClaim } {
  const type = ctx.catalog.get(claim.instanceType, claim.nodePool);
  const labels = new Map<string, string>();
  for (const r of type?.requirements ?? []) {
    const only = r.operator === "In" && r.values.size === 1 ? [...r.values][0] : undefined;
    if (only !== undefined) labels.set(r.key, only);
  }
  for (const r of claim.requirements) if (r.operator === "In" && r.values?.length === 1) labels.set(r.key, r.values[0] as string);
  for (const [k, v] of claim.labels) labels.set(k, v);
  labels.set(LABEL_NODEPOOL, claim.nodePool);
  labels.set(LABEL_INSTANCE_TYPE, claim.instanceType);
  labels.set(LABEL_ZONE, claim.zone);
  labels.set(LABEL_CAPACITY_TYPE, claim.capacityType);
  labels.set(LABEL_HOSTNAME, claim.name);
  labels.set(LABEL_INITIALIZED, "true");
  const at = new Date(ctx.options.now).toISOString();
  const allocatable = type === undefined ? {} : resourceListToRecord(type.allocatable);
  const capacity = type === undefined ? {} : resourceListToRecord(type.capacity);
  const node: Node = {
    metadata: { name: claim.name, creationTimestamp: at, labels: Object.fromEntries(labels) },
    spec: { taints: [...claim.taints] },
    status: { allocatable, capacity, conditions: [{ type: "Ready", status: "True" }] },
  };
  const nodeClaim: NodeClaim = {
    metadata: { name: claim.name, creationTimestamp: at, labels: { [LABEL_NODEPOOL]: claim.nodePool } },
    spec: { requirements: [...claim.requirements], taints: [...claim.taints] },
    status: { nodeName: claim.name, lastPodEventTime: at, allocatable, capacity, conditions: [{ type: "Initialized", status: "True" }] },
  };
  return { node, nodeClaim };
}

/**
 * Applies a (named) command: removes its candidates with their pods, binds every moved pod to its target and
 * adds the replacements as initialized, ready nodes. Destinations get a pod event at `now`.
 *
 * @param cluster - the simulated cluster
 * @param command - the command, with plan-wide replacement names
 * @param ctx - the planning context
 * @returns the next cluster state
 */
export function applyCommand(cluster: ClusterState, command: ProposedCommand, ctx: PlanContext): ClusterState {
  const removed = new Set(command.candidates.map((c) => c.name));
  const arriving = new Map<string, Pod[]>();
  for (const c of command.candidates) {
    for (const pod of c.state.pods) {
      const to = command.placements.get(podName(pod));
      if (to === undefined) continue;
      const list = arriving.get(to) ?? [];
      list.push(bindTo(pod, to));
      arriving.set(to, list);
    }
  }
  const now = ctx.options.now;
  const nodes: NodeState[] = [];
  for (const n of cluster.nodes) {
    if (removed.has(n.name)) continue;
    const incoming = arriving.get(n.name);
    nodes.push(incoming === undefined ? n : { ...n, pods: [...n.pods, ...incoming], lastPodEvent: now });
  }
  for (const claim of command.replacements) {
    const { node, nodeClaim } = replacementObjects(claim, ctx);
    nodes.push(nodeState(node, nodeClaim, arriving.get(claim.name) ?? [], ctx.pools, ctx.catalog));
  }
  nodes.sort((a, b) => compareStrings(a.name, b.name));
  return { nodes, pending: cluster.pending };
}

/**
 * The plan-validity checker (issue 18 "Critical"): applies a consolidation plan's commands in order to a
 * plain model of the cluster, written apart from the planner (only the value layers are shared), and lists
 * every way the plan would break a pod. An empty list means: every evictable pod of every removed node is
 * rescheduled exactly once, to a node that exists at that point and is not being removed or deleted, has room
 * for it (DaemonSet overhead included), carries labels its selectors and required node affinity accept and
 * taints it tolerates, without breaking required pod anti-affinity (either way), a PDB that allows no
 * disruption, or a do-not-disrupt annotation, nor landing outside its bound volumes' topology or past the node's
 * CSI attach limit; and no replacement takes a name already used.
 */
import { podName } from "../../src/_internal/pod-key.js";
import { isDoNotDisruptActive, isReschedulable, resolvePdbs, type ConsolidationInput, type ConsolidationPlan } from "../../src/consolidation/index.js";
import { pdbBlock, isFullyBlockedByPdb } from "../../src/consolidation/pdb.js";
import type { InstanceType } from "../../src/instance-types/index.js";
import { labelSelectorMatches } from "../../src/requirements/index.js";
import { addResources, fitsResources, podRequests, resourceList, type ResourceList } from "../../src/resources/index.js";
import { toleratesAll } from "../../src/taints/index.js";
import type { DaemonSet, NodeSelectorRequirement, Pod, PodAffinityTerm, PodSpec, Taint } from "../../src/types/kubernetes.js";
import { volumeArrivalProblem } from "../volumes/plan-volumes.js";

interface ModelNode {
  readonly name: string;
  readonly labels: ReadonlyMap<string, string>;
  readonly taints: readonly Taint[];
  readonly allocatable: ResourceList;
  readonly deleting: boolean;
  readonly pods: Pod[];
}

function matchesExpression(labels: ReadonlyMap<string, string>, r: NodeSelectorRequirement): boolean {
  const value = labels.get(r.key);
  const values = r.values ?? [];
  switch (r.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
      return value !== undefined && Number(value) > Number(values[0]);
    case "Lt":
      return value !== undefined && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

/** nodeSelector and required node affinity (any term) against a node's labels. */
export function selectorsAccept(spec: PodSpec, labels: ReadonlyMap<string, string>): boolean {
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels.get(k) !== v) return false;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms === undefined || terms.length === 0) return true;
  return terms.some((t) => (t.matchExpressions ?? []).every((r) => matchesExpression(labels, r)));
}

/** Taints that keep pods off (PreferNoSchedule only prefers). */
function hardTaints(taints: readonly Taint[]): Taint[] {
  return taints.filter((t) => t.effect !== "PreferNoSchedule");
}

function ownedByDaemonSet(pod: Pod, ds: DaemonSet): boolean {
  return (pod.metadata.ownerReferences ?? []).some((o) => o.kind === "DaemonSet" && o.name === ds.metadata.name);
}

function daemonOverhead(node: ModelNode, daemonSets: readonly DaemonSet[]): ResourceList {
  let total: ResourceList = new Map();
  for (const ds of daemonSets) {
    if (node.pods.some((p) => ownedByDaemonSet(p, ds))) continue;
    const spec = ds.spec.template.spec;
    if (!toleratesAll(spec.tolerations ?? [], hardTaints(node.taints)) || !selectorsAccept(spec, node.labels)) continue;
    total = addResources(total, podRequests(spec));
  }
  return total;
}

function used(node: ModelNode): ResourceList {
  let total: ResourceList = new Map();
  for (const p of node.pods) total = addResources(total, podRequests(p.spec));
  return total;
}

function termNamespaces(term: PodAffinityTerm, owner: Pod): readonly string[] {
  return term.namespaces !== undefined && term.namespaces.length > 0 ? term.namespaces : [owner.metadata.namespace ?? "default"];
}

function termSelects(term: PodAffinityTerm, owner: Pod, other: Pod): boolean {
  if (!termNamespaces(term, owner).includes(other.metadata.namespace ?? "default")) return false;
  return labelSelectorMatches(term.labelSelector, other.metadata.labels ?? {});
}

function antiAffinityTerms(pod: Pod): readonly PodAffinityTerm[] {
  return pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
}

/** Whether placing `pod` on `target` breaks a required anti-affinity term, its own or a placed pod's. */
function antiAffinityBroken(pod: Pod, target: ModelNode, nodes: ReadonlyMap<string, ModelNode>): string | undefined {
  for (const node of nodes.values()) {
    for (const other of node.pods) {
      if (other === pod) continue;
      for (const term of antiAffinityTerms(pod)) {
        const domain = target.labels.get(term.topologyKey);
        if (domain !== undefined && node.labels.get(term.topologyKey) === domain && termSelects(term, pod, other)) {
          return `its anti-affinity (${term.topologyKey}) selects ${podName(other)} on ${node.name}`;
        }
      }
      for (const term of antiAffinityTerms(other)) {
        const domain = node.labels.get(term.topologyKey);
        if (domain !== undefined && target.labels.get(term.topologyKey) === domain && termSelects(term, other, pod)) {
          return `${podName(other)} on ${node.name} has anti-affinity (${term.topologyKey}) selecting it`;
        }
      }
    }
  }
  return undefined;
}

function existingNodes(input: ConsolidationInput): Map<string, ModelNode> {
  const nodes = new Map<string, ModelNode>();
  for (const n of input.nodes) {
    const name = n.metadata.name ?? "";
    let taints = [...(n.spec?.taints ?? [])];
    if (n.spec?.unschedulable === true) taints = [...taints, { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }];
    nodes.set(name, {
      name,
      labels: new Map(Object.entries(n.metadata.labels ?? {})),
      taints,
      allocatable: resourceList(n.status?.allocatable),
      deleting: n.metadata.deletionTimestamp !== undefined,
      pods: [],
    });
  }
  const seen = new Set<string>();
  for (const p of [...input.pods, ...((input as { boundPods?: readonly Pod[] }).boundPods ?? [])]) {
    const on = p.spec.nodeName;
    if (on === undefined || on === "" || seen.has(podName(p))) continue;
    seen.add(podName(p));
    nodes.get(on)?.pods.push(p);
  }
  return nodes;
}

function replacementNode(claim: ConsolidationPlan["commands"][number]["replacements"][number], catalog: ReadonlyMap<string, InstanceType>): ModelNode {
  const type = catalog.get(claim.instanceType);
  const labels = new Map<string, string>();
  for (const r of type?.requirements ?? []) if (r.operator === "In" && r.values.size === 1) labels.set(r.key, [...r.values][0] as string);
  for (const r of claim.requirements) if (r.operator === "In" && r.values?.length === 1) labels.set(r.key, r.values[0] as string);
  for (const [k, v] of claim.labels) labels.set(k, v);
  labels.set("karpenter.sh/nodepool", claim.nodePool);
  labels.set("node.kubernetes.io/instance-type", claim.instanceType);
  labels.set("topology.kubernetes.io/zone", claim.zone);
  labels.set("karpenter.sh/capacity-type", claim.capacityType);
  labels.set("kubernetes.io/hostname", claim.name);
  return { name: claim.name, labels, taints: claim.taints, allocatable: type?.allocatable ?? new Map(), deleting: false, pods: [] };
}

/**
 * Every violation of the plan against the input, in command order; empty when the plan is valid.
 *
 * @param input - the snapshot the plan was made for
 * @param plan - the plan
 * @param now - the plan's instant (epoch ms), for do-not-disrupt durations
 * @returns one line per violation
 */
export function planViolations(input: ConsolidationInput, plan: ConsolidationPlan, now: number): string[] {
  const problems: string[] = [];
  const nodes = existingNodes(input);
  const catalog = new Map(input.instanceTypes.map((t) => [t.name, t]));
  const daemonSets = input.daemonSets ?? [];
  const allPods = [...input.pods, ...((input as { boundPods?: readonly Pod[] }).boundPods ?? [])];
  const pdbs = resolvePdbs(input.podDisruptionBudgets ?? [], allPods);
  const used_ = new Set<string>([...nodes.keys(), ...(input.nodeClaims ?? []).map((c) => c.metadata.name ?? "")]);
  plan.commands.forEach((command, i) => {
    const at = `command ${i} (${command.method} ${command.decision} ${command.candidates.join(",")})`;
    for (const claim of command.replacements) {
      if (used_.has(claim.name)) problems.push(`${at}: replacement ${claim.name} reuses a name`);
      used_.add(claim.name);
    }
    const candidates = command.candidates.map((name) => nodes.get(name));
    command.candidates.forEach((name, k) => {
      if (candidates[k] === undefined) problems.push(`${at}: candidate ${name} does not exist at this point`);
    });
    const removed = new Set(command.candidates);
    const targets = new Map<string, string>();
    for (const r of command.reschedules) {
      if (targets.has(r.pod)) problems.push(`${at}: pod ${r.pod} rescheduled twice`);
      targets.set(r.pod, r.to);
    }
    for (const claim of command.replacements) nodes.set(claim.name, replacementNode(claim, catalog));
    const movers = new Set<string>();
    for (const candidate of candidates) {
      if (candidate === undefined) continue;
      for (const pod of candidate.pods) {
        const name = podName(pod);
        if (isReschedulable(pod) && isDoNotDisruptActive(pod, now)) problems.push(`${at}: evicts ${name}, which has do-not-disrupt`);
        if (isReschedulable(pod) && pdbBlock(pod, pdbs) !== undefined) problems.push(`${at}: evicts ${name}, which a PDB protects`);
        if (!isReschedulable(pod) || isFullyBlockedByPdb(pod, pdbs)) continue;
        movers.add(name);
        const to = targets.get(name);
        if (to === undefined) problems.push(`${at}: pod ${name} on ${candidate.name} gets no new home`);
      }
    }
    for (const pod of targets.keys()) if (!movers.has(pod)) problems.push(`${at}: reschedules ${pod}, which is not on a candidate`);
    const arrivals = new Map<string, Pod[]>();
    for (const candidate of candidates) {
      if (candidate === undefined) continue;
      for (const pod of candidate.pods) {
        const to = targets.get(podName(pod));
        if (to === undefined) continue;
        const target = nodes.get(to);
        if (target === undefined) {
          problems.push(`${at}: pod ${podName(pod)} goes to ${to}, which does not exist at this point`);
          continue;
        }
        if (removed.has(to)) problems.push(`${at}: pod ${podName(pod)} goes to ${to}, a candidate of the same command`);
        if (target.deleting) problems.push(`${at}: pod ${podName(pod)} goes to ${to}, which is being deleted`);
        if (!toleratesAll(pod.spec.tolerations ?? [], hardTaints(target.taints))) problems.push(`${at}: pod ${podName(pod)} does not tolerate ${to}'s taints`);
        if (!selectorsAccept(pod.spec, target.labels)) problems.push(`${at}: ${to}'s labels do not satisfy pod ${podName(pod)}`);
        const list = arrivals.get(to) ?? [];
        list.push(pod);
        arrivals.set(to, list);
      }
    }
    for (const name of removed) nodes.delete(name);
    // Arrivals land one by one, so anti-affinity between two movers of the same command counts too.
    for (const [to, pods] of arrivals) {
      const target = nodes.get(to);
      if (target === undefined) continue;
      for (const pod of pods) {
        const broken = antiAffinityBroken(pod, target, nodes);
        if (broken !== undefined) problems.push(`${at}: pod ${podName(pod)} on ${to}: ${broken}`);
        const volume = volumeArrivalProblem(input.volumes, pod, target, target.pods);
        if (volume !== undefined) problems.push(`${at}: pod ${podName(pod)} on ${to}: ${volume}`);
        target.pods.push(pod);
      }
    }
    for (const to of arrivals.keys()) {
      const target = nodes.get(to);
      if (target === undefined) continue;
      const need = addResources(used(target), daemonOverhead(target, daemonSets));
      if (!fitsResources(need, target.allocatable)) problems.push(`${at}: ${to} is overfilled (${[...need].map(([k, v]) => `${k}=${v}`).join(" ")})`);
    }
  });
  return problems;
}

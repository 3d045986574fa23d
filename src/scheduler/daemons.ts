/**
 * DaemonSet pods as per-node overhead: which DaemonSets land on a NodePool's instance types (grouped by the
 * exact set that does) and on an existing node.
 *
 * @module
 */
import type { InstanceType } from "../instance-types/index.js";
import { addResources, podHostPorts, podRequests, type HostPort, type ResourceList } from "../resources/index.js";
import { podRequirements, requirementsFromNodeSelectorTerm, requirementsFromSelector, type Requirements } from "../requirements/index.js";
import { toleratesAll } from "../taints/index.js";
import type { DaemonSet, Pod, PodSpec, Taint, Toleration } from "../types/kubernetes.js";
import { PREFER_NO_SCHEDULE_TOLERATION } from "./preferences.js";

/** One DaemonSet's pod, compiled. */
export interface DaemonPod {
  /** `namespace/name` of the DaemonSet. */
  readonly name: string;
  readonly pod: Pod;
  readonly requests: ResourceList;
  /** The strict requirements (nodeSelector + first required term). */
  readonly requirements: Requirements;
  /** One requirement set per required node-affinity term (nodeSelector + that term): upstream tries them in turn. */
  readonly alternatives: readonly Requirements[];
  readonly tolerations: readonly Toleration[];
  readonly hostPorts: readonly HostPort[];
}

/** A set of instance types of one template that carry the same DaemonSet pods. */
export interface DaemonGroup {
  /** Summed requests of the DaemonSet pods, including `pods`. */
  readonly overhead: ResourceList;
  readonly hostPorts: readonly HostPort[];
}

/**
 * Compiles each DaemonSet into a {@link DaemonPod}. As upstream's provisioner does, the DaemonSet's newest pod in
 * `pods` (one it controls) stands for it where there is one, so requests a LimitRange or admission webhook changed
 * count; its required node affinity is the template's (the DaemonSet controller pins each pod to its node). Without
 * such a pod the pod template stands for it.
 *
 * @param daemonSets - the DaemonSets
 * @param pods - the cluster's pods (pending and bound), searched for each DaemonSet's newest pod
 * @returns one compiled pod per DaemonSet, in input order
 */
export function compileDaemonPods(daemonSets: readonly DaemonSet[], pods: readonly Pod[] = []): readonly DaemonPod[] {
  const newest = newestControlledPods(daemonSets, pods);
  return daemonSets.map((ds, i) => {
    const namespace = ds.metadata.namespace ?? "default";
    const template = ds.spec.template;
    const spec = representativeSpec(template.spec, newest[i]);
    const pod: Pod = {
      metadata: { name: ds.metadata.name ?? "", namespace, labels: template.metadata?.labels ?? {} },
      spec,
    };
    const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
    const selector = requirementsFromSelector(spec.nodeSelector ?? {});
    return {
      name: `${namespace}/${ds.metadata.name ?? ""}`,
      pod,
      requests: podRequests(spec),
      requirements: podRequirements(spec, { strict: true }),
      alternatives: terms.map((term) => selector.add(requirementsFromNodeSelectorTerm(term))),
      tolerations: spec.tolerations ?? [],
      hostPorts: podHostPorts(spec),
    };
  });
}

/** The pod's spec with the template's required node affinity, where the template has one (upstream's `getDaemonSetPods`). */
function representativeSpec(templateSpec: PodSpec, pod: Pod | undefined): PodSpec {
  if (pod === undefined) return templateSpec;
  const required = templateSpec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required === undefined) return pod.spec;
  const affinity = pod.spec.affinity ?? {};
  return { ...pod.spec, affinity: { ...affinity, nodeAffinity: { ...affinity.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: required } } };
}

/**
 * The DaemonSet controlling a pod, if one does: such a pod may stand in for its DaemonSet's overhead.
 *
 * @param pod - the pod
 * @returns its controller owner reference of kind DaemonSet, or undefined
 */
export function daemonSetOwner(pod: Pod): { readonly name: string; readonly uid?: string | undefined } | undefined {
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller === true);
  return owner?.kind === "DaemonSet" ? owner : undefined;
}

/**
 * Each DaemonSet's newest controlled pod (upstream's `Cluster.UpdateDaemonSet`): same namespace, a controller owner
 * reference of kind DaemonSet naming it (and carrying its uid when both have one); on equal creation times the first.
 */
function newestControlledPods(daemonSets: readonly DaemonSet[], pods: readonly Pod[]): (Pod | undefined)[] {
  const out: (Pod | undefined)[] = daemonSets.map(() => undefined);
  if (daemonSets.length === 0) return out;
  const byKey = new Map<string, number[]>();
  daemonSets.forEach((ds, i) => {
    const key = `${ds.metadata.namespace ?? "default"}/${ds.metadata.name ?? ""}`;
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  const times = new Map<Pod, number>();
  const created = (p: Pod): number => {
    let t = times.get(p);
    if (t === undefined) {
      t = p.metadata.creationTimestamp === undefined ? Number.NEGATIVE_INFINITY : new Date(p.metadata.creationTimestamp).getTime();
      times.set(p, t);
    }
    return t;
  };
  for (const p of pods) {
    const owner = daemonSetOwner(p);
    if (owner === undefined) continue;
    for (const i of byKey.get(`${p.metadata.namespace ?? "default"}/${owner.name}`) ?? []) {
      const uid = daemonSets[i]?.metadata.uid;
      if (uid !== undefined && owner.uid !== undefined && uid !== owner.uid) continue;
      const current = out[i];
      if (current === undefined || created(p) > created(current)) out[i] = p;
    }
  }
  return out;
}

/** Whether some form of the DaemonSet's requirements is accepted by `accepts`, trying OR terms in order. */
function someAlternative(daemon: DaemonPod, accepts: (requirements: Requirements) => boolean): boolean {
  return accepts(daemon.requirements) || daemon.alternatives.some(accepts);
}

/**
 * Whether a DaemonSet's pod would run on nodes of a NodePool template with this instance type: it tolerates
 * the template taints (PreferNoSchedule always tolerated), the template is compatible with its requirements
 * (undefined well-known labels allowed) and the instance type's labels intersect them.
 *
 * @param daemon - the DaemonSet pod
 * @param templateRequirements - the template's requirements
 * @param templateTaints - the template's taints (startup taints excluded)
 * @param type - the instance type
 * @param wellKnown - well-known labels
 * @returns true if the DaemonSet counts as overhead there
 */
export function daemonFitsTemplate(
  daemon: DaemonPod,
  templateRequirements: Requirements,
  templateTaints: readonly Taint[],
  type: InstanceType,
  wellKnown: ReadonlySet<string>,
): boolean {
  if (!toleratesAll([...daemon.tolerations, PREFER_NO_SCHEDULE_TOLERATION], templateTaints)) return false;
  return someAlternative(daemon, (r) => templateRequirements.isCompatible(r, { allowUndefined: wellKnown }) && type.requirements.intersects(r));
}

/**
 * Whether a DaemonSet's pod would run on an existing node: its taints are tolerated and its labels are
 * strictly compatible with the DaemonSet's requirements.
 *
 * @param daemon - the DaemonSet pod
 * @param nodeRequirements - the node's labels as requirements
 * @param nodeTaints - the node's effective taints
 * @returns true if the DaemonSet would place a pod there
 */
export function daemonFitsNode(daemon: DaemonPod, nodeRequirements: Requirements, nodeTaints: readonly Taint[]): boolean {
  if (!toleratesAll(daemon.tolerations, nodeTaints)) return false;
  return someAlternative(daemon, (r) => nodeRequirements.isCompatible(r));
}

/**
 * Groups a template's instance types by the exact set of DaemonSets that would run on them.
 *
 * @param types - the template's instance types
 * @param daemons - the compiled DaemonSet pods
 * @param requirements - the template's requirements
 * @param taints - the template's taints
 * @param wellKnown - well-known labels
 * @returns the groups (first-seen order) and each type's group index, aligned with `types`
 */
export function buildDaemonGroups(
  types: readonly InstanceType[],
  daemons: readonly DaemonPod[],
  requirements: Requirements,
  taints: readonly Taint[],
  wellKnown: ReadonlySet<string>,
): { readonly groups: readonly DaemonGroup[]; readonly groupOf: ReadonlyMap<InstanceType, number> } {
  const groups: DaemonGroup[] = [];
  const byKey = new Map<string, number>();
  const groupOf = new Map<InstanceType, number>();
  for (const type of types) {
    const members: number[] = [];
    daemons.forEach((d, i) => {
      if (daemonFitsTemplate(d, requirements, taints, type, wellKnown)) members.push(i);
    });
    const key = members.join(",");
    let index = byKey.get(key);
    if (index === undefined) {
      index = groups.length;
      byKey.set(key, index);
      let overhead: ResourceList = new Map();
      const hostPorts: HostPort[] = [];
      for (const i of members) {
        const d = daemons[i] as DaemonPod;
        overhead = addResources(overhead, d.requests);
        hostPorts.push(...d.hostPorts);
      }
      groups.push({ overhead, hostPorts });
    }
    groupOf.set(type, index);
  }
  return { groups, groupOf };
}

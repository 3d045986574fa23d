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
import type { DaemonSet, Pod, Taint, Toleration } from "../types/kubernetes.js";
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
 * Compiles each DaemonSet's pod template into a {@link DaemonPod}.
 *
 * @param daemonSets - the DaemonSets
 * @returns one compiled pod per DaemonSet, in input order
 */
export function compileDaemonPods(daemonSets: readonly DaemonSet[]): readonly DaemonPod[] {
  return daemonSets.map((ds) => {
    const namespace = ds.metadata.namespace ?? "default";
    const template = ds.spec.template;
    const pod: Pod = {
      metadata: { name: ds.metadata.name ?? "", namespace, labels: template.metadata?.labels ?? {} },
      spec: template.spec,
    };
    const terms = template.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
    const selector = requirementsFromSelector(template.spec.nodeSelector ?? {});
    return {
      name: `${namespace}/${ds.metadata.name ?? ""}`,
      pod,
      requests: podRequests(template.spec),
      requirements: podRequirements(template.spec, { strict: true }),
      alternatives: terms.map((term) => selector.add(requirementsFromNodeSelectorTerm(term))),
      tolerations: template.spec.tolerations ?? [],
      hostPorts: podHostPorts(template.spec),
    };
  });
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

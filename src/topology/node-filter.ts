/**
 * The node filter of a spread constraint: which nodes count toward its domains, from the pod's
 * nodeSelector and required node affinity (`nodeAffinityPolicy`, default Honor) and its tolerations
 * (`nodeTaintsPolicy`, default Ignore).
 *
 * @module
 */
import { requirementsFromNodeSelectorTerm, requirementsFromSelector, type CompatibilityOptions, type Requirements } from "../requirements/index.js";
import { toleratesAll } from "../taints/index.js";
import type { Pod, Taint, Toleration, TopologySpreadConstraint } from "../types/kubernetes.js";
import { requirementsKey } from "./canonical.js";

const NO_TOLERATIONS: readonly Toleration[] = [];

/**
 * Which nodes participate in a group. Affinity groups use {@link NodeFilter.NONE}, which admits
 * every node.
 *
 * @internal
 */
export class NodeFilter {
  /** The filter that admits every node (pod affinity and anti-affinity count all nodes). */
  static readonly NONE: NodeFilter = new NodeFilter([], false, false, NO_TOLERATIONS);

  /** The ORed alternatives: nodeSelector ∩ each required node-affinity term. */
  readonly alternatives: readonly Requirements[];
  /** Whether the alternatives apply (`nodeAffinityPolicy: Honor`). */
  readonly honorAffinity: boolean;
  /** Whether the node's taints must be tolerated (`nodeTaintsPolicy: Honor`). */
  readonly honorTaints: boolean;
  /** The pod's tolerations. */
  readonly tolerations: readonly Toleration[];
  /** A canonical text identifying the filter, part of a group's identity. */
  readonly hash: string;
  private readonly admitsAnyLabels: boolean;

  private constructor(alternatives: readonly Requirements[], honorAffinity: boolean, honorTaints: boolean, tolerations: readonly Toleration[]) {
    this.alternatives = alternatives;
    this.honorAffinity = honorAffinity;
    this.honorTaints = honorTaints;
    this.tolerations = tolerations;
    this.admitsAnyLabels = !honorAffinity || alternatives.length === 0 || alternatives.some((r) => r.size === 0);
    const tolerationKeys = tolerations.map((t) => JSON.stringify([t.key ?? "", t.operator ?? "", t.value ?? "", t.effect ?? ""])).sort();
    this.hash = JSON.stringify([alternatives.map(requirementsKey).sort(), honorAffinity, honorTaints, tolerationKeys]);
  }

  /**
   * The filter of one spread constraint of a pod.
   *
   * @param pod - the pod owning the constraint (its current, possibly relaxed, spec)
   * @param constraint - the spread constraint
   * @returns the filter
   */
  static forSpread(pod: Pod, constraint: TopologySpreadConstraint): NodeFilter {
    const selector = requirementsFromSelector(pod.spec.nodeSelector);
    const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    const alternatives = required === undefined ? [selector] : required.nodeSelectorTerms.map((term) => selector.add(requirementsFromNodeSelectorTerm(term)));
    return new NodeFilter(
      alternatives,
      constraint.nodeAffinityPolicy === undefined || constraint.nodeAffinityPolicy === "Honor",
      constraint.nodeTaintsPolicy === "Honor",
      pod.spec.tolerations ?? NO_TOLERATIONS,
    );
  }

  /** The tolerations to filter the domain universe with, or undefined when taints are ignored. */
  get domainTolerations(): readonly Toleration[] | undefined {
    return this.honorTaints ? this.tolerations : undefined;
  }

  /**
   * Whether a node with these taints and requirements participates.
   *
   * @param taints - the node's taints
   * @param requirements - the node's requirements (labels, or a node claim's requirements)
   * @param options - how undefined labels compare (strict for existing nodes)
   * @returns true if the node counts
   */
  matches(taints: readonly Taint[], requirements: Requirements, options?: CompatibilityOptions): boolean {
    if (this.honorTaints && !toleratesAll(this.tolerations, taints)) return false;
    if (this.admitsAnyLabels) return true;
    for (const alternative of this.alternatives) if (requirements.isCompatible(alternative, options)) return true;
    return false;
  }
}

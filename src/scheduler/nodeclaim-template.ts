/**
 * NodePool templates: what a new node claim from each NodePool starts with (requirements, labels, taints,
 * limits, the instance types it may use and their DaemonSet overhead groups), in upstream's weight order.
 *
 * @module
 */
import { InputError, NodefitError, QuantityError, RequirementError, type PathSegment } from "../errors.js";
import { filterInstanceTypes, type InstanceType } from "../instance-types/index.js";
import { resourceList, type ResourceList } from "../resources/index.js";
import {
  isRestrictedLabel,
  LABEL_NODEPOOL,
  Requirement,
  type Requirements,
  requirementsFromLabels,
  requirementsFromNodeSelectorRequirements,
} from "../requirements/index.js";
import type { NodePool, Taint } from "../types/kubernetes.js";
import { buildDaemonGroups, type DaemonGroup, type DaemonPod } from "./daemons.js";

/** Simulation-only label: lets DaemonSets with affinity on it be modelled; stripped from results. */
export const LABEL_REGISTERED = "karpenter.sh/registered";
/** Simulation-only label: lets DaemonSets with affinity on it be modelled; stripped from results. */
export const LABEL_INITIALIZED = "karpenter.sh/initialized";
/** Keys that exist only inside the simulation. */
export const SIMULATION_ONLY_LABELS: ReadonlySet<string> = new Set([LABEL_REGISTERED, LABEL_INITIALIZED]);

/** A NodePool compiled for scheduling. */
export interface NodeClaimTemplate {
  readonly name: string;
  readonly nodePool: NodePool;
  readonly weight: number;
  /** NodePool requirements (with minValues) + template labels + NodePool label + simulation-only labels. */
  readonly requirements: Requirements;
  /** Template labels plus `karpenter.sh/nodepool`. */
  readonly labels: ReadonlyMap<string, string>;
  /** `spec.template.spec.taints` (startup taints never affect provisioning). */
  readonly taints: readonly Taint[];
  /** `spec.limits`, or undefined when unlimited. */
  readonly limits: ResourceList | undefined;
  /** The catalogue's instance types compatible with the template, in catalogue order. */
  readonly instanceTypes: readonly InstanceType[];
  readonly daemonGroups: readonly DaemonGroup[];
  /** Index into {@link NodeClaimTemplate.daemonGroups} per instance type. */
  readonly groupOf: ReadonlyMap<InstanceType, number>;
}

function rethrowAt(error: unknown, nodePool: string, path: readonly PathSegment[]): never {
  if (!(error instanceof NodefitError)) throw error;
  const message = `NodePool "${nodePool}": ${error.message}`;
  const full = [...path, ...error.path];
  if (error.code === "invalid-requirement") throw new RequirementError(message, full);
  if (error.code === "invalid-quantity") throw new QuantityError(message, full);
  throw new InputError(message, full);
}

function compileRequirements(np: NodePool, name: string, base: readonly PathSegment[], wellKnown: ReadonlySet<string>): Requirements {
  const list = np.spec.template?.spec?.requirements ?? [];
  const path = [...base, "spec", "template", "spec", "requirements"];
  list.forEach((r, i) => {
    if (r.key === LABEL_NODEPOOL) {
      throw new RequirementError(`NodePool "${name}": requirements may not use ${LABEL_NODEPOOL}`, [...path, i, "key"]);
    }
    if (isRestrictedLabel(r.key, wellKnown)) {
      throw new RequirementError(`NodePool "${name}": requirement uses restricted label "${r.key}"`, [...path, i, "key"]);
    }
  });
  try {
    return requirementsFromNodeSelectorRequirements(list);
  } catch (error) {
    return rethrowAt(error, name, path);
  }
}

function compileLabels(np: NodePool, name: string, base: readonly PathSegment[], wellKnown: ReadonlySet<string>): Map<string, string> {
  const labels = new Map<string, string>();
  for (const [key, value] of Object.entries(np.spec.template?.metadata?.labels ?? {})) {
    const path = [...base, "spec", "template", "metadata", "labels", key];
    if (key === LABEL_NODEPOOL || isRestrictedLabel(key, wellKnown)) {
      throw new InputError(`NodePool "${name}": template label "${key}" is restricted`, path);
    }
    labels.set(key, value);
  }
  labels.set(LABEL_NODEPOOL, name);
  return labels;
}

/**
 * Compiles one NodePool, validating it.
 *
 * @param np - the NodePool
 * @param index - its position in the input, for error paths
 * @param catalogue - every instance type
 * @param daemons - compiled DaemonSet pods
 * @param wellKnown - well-known labels
 * @param minValuesPolicy - whether a template that can never meet minValues is dropped
 * @returns the template (its `instanceTypes` may be empty: then it is skipped)
 * @throws RequirementError, QuantityError or InputError naming the NodePool and field
 */
export function compileTemplate(
  np: NodePool,
  index: number,
  catalogue: readonly InstanceType[],
  daemons: readonly DaemonPod[],
  wellKnown: ReadonlySet<string>,
  minValuesPolicy: "Strict" | "BestEffort",
): NodeClaimTemplate {
  const base: PathSegment[] = ["nodePools", index];
  const name = np.metadata.name;
  if (name === undefined || name === "") throw new InputError("a NodePool needs metadata.name", [...base, "metadata", "name"]);
  const weight = np.spec.weight ?? 0;
  if (!Number.isInteger(weight) || weight < 0 || weight > 100) {
    throw new InputError(`NodePool "${name}": weight must be an integer from 0 to 100, got ${String(weight)}`, [...base, "spec", "weight"]);
  }
  const labels = compileLabels(np, name, base, wellKnown);
  let requirements: Requirements;
  try {
    requirements = compileRequirements(np, name, base, wellKnown).add(
      requirementsFromLabels(labels),
      Requirement.create(LABEL_REGISTERED, "In", ["true"]),
      Requirement.create(LABEL_INITIALIZED, "In", ["true"]),
    );
  } catch (error) {
    return rethrowAt(error, name, [...base, "spec", "template"]);
  }
  let limits: ResourceList | undefined;
  try {
    // A limit beyond 2^53 reads down: never more room than written (V4).
    limits = np.spec.limits === undefined ? undefined : resourceList(np.spec.limits, [], "down");
  } catch (error) {
    return rethrowAt(error, name, [...base, "spec", "limits"]);
  }
  const taints = np.spec.template?.spec?.taints ?? [];
  const policy = minValuesPolicy === "Strict" ? "Strict" : "Ignore";
  const instanceTypes = filterInstanceTypes(catalogue, requirements, new Map(), { minValuesPolicy: policy }).instanceTypes;
  const { groups, groupOf } = buildDaemonGroups(instanceTypes, daemons, requirements, taints, wellKnown);
  return { name, nodePool: np, weight, requirements, labels, taints, limits, instanceTypes, daemonGroups: groups, groupOf };
}

/**
 * Whether a NodePool may take new claims. Upstream's provisioner leaves NodePools with a `deletionTimestamp` and
 * static NodePools (`spec.replicas` set: their own controller keeps that many nodes) out before it builds any
 * template (`Provisioner.NewScheduler`), for provisioning and consolidation's simulations alike; the nodes they own
 * stay in the cluster as scheduling targets.
 *
 * @param np - the NodePool
 * @returns false while the NodePool is being deleted, and for a static NodePool
 */
export function acceptsNewClaims(np: NodePool): boolean {
  return np.metadata.deletionTimestamp === undefined && np.spec.replicas === undefined;
}

/**
 * Upstream's NodePool order: weight descending, ties by name descending.
 *
 * @param a - one template
 * @param b - another
 * @returns negative when `a` is tried first
 */
export function compareTemplates(a: NodeClaimTemplate, b: NodeClaimTemplate): number {
  if (a.weight !== b.weight) return b.weight - a.weight;
  return a.name < b.name ? 1 : a.name > b.name ? -1 : 0;
}

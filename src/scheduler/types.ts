/**
 * The scheduler's public input, options and result shapes.
 *
 * @module
 */
import type { InstanceType, InstanceTypeIndex } from "../instance-types/index.js";
import type { ClusterModel } from "./cluster-model.js";
import type { ResourceList, ResourceShortfall } from "../resources/index.js";
import type { RequirementConflict } from "../requirements/index.js";
import type { TopologyConflict } from "../topology/index.js";
import type { VolumeFailureCode, VolumeObjects } from "../volumes/index.js";
import type { DaemonSet, Node, NodeClaim, NodePool, NodeSelectorRequirementWithMinValues, Pod, Taint } from "../types/kubernetes.js";

/**
 * Everything one scheduling run looks at. Nothing in it is ever mutated.
 *
 * @category Scheduling
 */
export interface ScheduleInput {
  /**
   * Pending pods to place, and bound pods (with `spec.nodeName`), treated as running on that node. A running
   * pod whose Node or NodeClaim has a `deletionTimestamp` is placed again when reschedulable (not a DaemonSet,
   * mirror or terminal pod), as upstream reschedules the pods of deleting nodes.
   */
  readonly pods: readonly Pod[];
  /** The NodePools new nodes may come from. */
  readonly nodePools: readonly NodePool[];
  /** One instance-type catalogue, shared by every NodePool. */
  readonly instanceTypes: readonly InstanceType[] | InstanceTypeIndex;
  /** Nodes that already exist; they are filled before anything new is planned. */
  readonly nodes?: readonly Node[] | undefined;
  /** NodeClaims: link a node (`status.nodeName`) to its NodePool, its startup taints and initialization. */
  readonly nodeClaims?: readonly NodeClaim[] | undefined;
  /**
   * Running pods (`spec.nodeName` set): they use capacity and count for topology; those of deleting nodes are
   * placed again. Read together with `pods` (the same object in both counts once); an entry without
   * `spec.nodeName` is refused with an InputError rather than dropped.
   */
  readonly boundPods?: readonly Pod[] | undefined;
  /**
   * DaemonSets: their pods are overhead on every compatible node. A DaemonSet's newest pod in `pods` or `boundPods`
   * (a controller owner reference to it) stands for its template, with the template's required node affinity.
   */
  readonly daemonSets?: readonly DaemonSet[] | undefined;
  /** Storage objects: pods' claims become node requirements (upstream's volume topology). Left out: volumes are not looked at. */
  readonly volumes?: VolumeObjects | undefined;
}

/**
 * What a consolidation simulation adds to a scheduling run, as state rather than rewritten objects: which
 * pods the disruption moves, and which targets take only pending pods.
 */
export interface SimulationState {
  /** Names (`namespace/name`) of the pending pods that a simulated disruption moves. */
  readonly movers: ReadonlySet<string>;
  /**
   * Names of Nodes and NodeClaims that take pending pods but no mover: destinations inside their NodePool's
   * consolidateAfter (upstream `isUnderConsolidateAfter`) and in-flight claims planned for pending pods.
   */
  readonly pendingOnly: ReadonlySet<string>;
  /**
   * Names of Nodes and NodeClaims the simulation takes out, with the pods bound to them: the run sees the
   * cluster without them. With it set, `pods` holds pending pods only and `boundPods` the running ones.
   */
  readonly removed?: ReadonlySet<string> | undefined;
  /** State shared by every run of one consolidation plan (per-node room, compiled NodePools). */
  readonly model?: ClusterModel | undefined;
  /**
   * The plan's remaining placement attempts (`maxSimulationSteps`): the run stops at `min(maxSteps, left)`
   * and subtracts what it used; `left` below 0 tells the planner the run was cut short.
   */
  readonly work?: { left: number } | undefined;
}

/**
 * Scheduler options as a caller passes them; every field has a default.
 *
 * @category Scheduling
 */
export interface ScheduleOptions {
  /** `Respect` (default) treats preferences as hard until relaxed; `Ignore` drops them. */
  readonly preferencePolicy?: "Respect" | "Ignore" | undefined;
  /** `Strict` (default) never narrows below minValues; `BestEffort` lowers minValues to what is reachable. */
  readonly minValuesPolicy?: "Strict" | "BestEffort" | undefined;
  /** How many instance types a node claim lists, cheapest first (default 600). */
  readonly maxInstanceTypes?: number | undefined;
  /** `strict` (default, as provisioning) defers pods that would lose reserved capacity; `fallback` allows falling back. */
  readonly reservedCapacityMode?: "strict" | "fallback" | undefined;
  /**
   * Extra labels that count as well-known. Every label the catalogue's instance types define already
   * counts (as upstream providers register the labels they set), so this is rarely needed.
   */
  readonly wellKnownLabels?: Iterable<string> | undefined;
  /**
   * A bound on work, counted in placement attempts (queue pops) so it stays deterministic, like upstream's
   * one-minute Solve timeout. Pods not placed when it is reached are reported with code `step-limit`.
   * Default 1,000,000.
   */
  readonly maxSteps?: number | undefined;
  /**
   * The order of capacity types a launch tries: the claim reports an offering of the first listed capacity
   * type it allows and has an available offering for (cheapest within it); unlisted types come last. Default
   * (undefined): provider-neutral, reserved first, then the cheapest offering of any capacity type. Karpenter's
   * AWS provider launches reserved, then spot, then on-demand (`AWS_CAPACITY_TYPE_PRIORITY` in `nodefit/aws`).
   */
  readonly capacityTypePriority?: readonly string[] | undefined;
  /**
   * Called as pods are placed, at most every ~1% of the pods (counted in placement attempts, so the calls are
   * deterministic), and once at the end with the totals. It only observes: results are the same without it.
   * Consolidation's simulations never call it.
   */
  readonly onProgress?: ((progress: ScheduleProgress) => void) | undefined;
}

/**
 * What {@link ScheduleOptions.onProgress} reports.
 *
 * @category Scheduling
 */
export interface ScheduleProgress {
  /** Pods placed so far. */
  readonly placed: number;
  /** Pods the run tries to place (pending pods and pods of deleting nodes). */
  readonly pods: number;
}

/**
 * {@link ScheduleOptions} with every default filled in.
 *
 * @category Scheduling
 */
export interface ResolvedScheduleOptions {
  readonly preferencePolicy: "Respect" | "Ignore";
  readonly minValuesPolicy: "Strict" | "BestEffort";
  readonly maxInstanceTypes: number;
  readonly reservedCapacityMode: "strict" | "fallback";
  /** Upstream's well-known labels plus the extra ones. */
  readonly wellKnownLabels: ReadonlySet<string>;
  readonly maxSteps: number;
  /** Launch order of capacity types; undefined = reserved first, then cheapest. */
  readonly capacityTypePriority?: readonly string[] | undefined;
}

/**
 * A node the scheduler would create.
 *
 * @category Scheduling
 */
export interface PlannedNodeClaim {
  /** `<nodePool>-<n>`, n from 1 in creation order per NodePool, skipping names an input Node or NodeClaim has. */
  readonly name: string;
  readonly nodePool: string;
  /** What a launch would pick: the cheapest available compatible offering of the options that fits. */
  readonly instanceType: string;
  readonly zone: string;
  readonly capacityType: string;
  /** Hourly price of the chosen offering. */
  readonly price: number;
  /** Every remaining option, cheapest first, at most `maxInstanceTypes`. */
  readonly instanceTypeOptions: readonly string[];
  /** Pods as `namespace/name`, in placement order. */
  readonly pods: readonly string[];
  /** Pod requests plus the smallest daemon overhead among the remaining options. */
  readonly requests: ResourceList;
  /** The claim's requirements (placeholder hostname and simulation-only keys removed), sorted by key. */
  readonly requirements: readonly NodeSelectorRequirementWithMinValues[];
  readonly labels: ReadonlyMap<string, string>;
  readonly taints: readonly Taint[];
  /** True when BestEffort lowered a minValues to what the options could reach. */
  readonly minValuesRelaxed: boolean;
}

/**
 * An existing node that received pods.
 *
 * @category Scheduling
 */
export interface ExistingNodePlacement {
  readonly name: string;
  /** Pods as `namespace/name`, in placement order. */
  readonly pods: readonly string[];
}

/**
 * Machine-readable reasons a pod was not placed.
 *
 * @category Scheduling
 */
export type UnschedulableCode =
  | "invalid-pod"
  | "restricted-label"
  | "nodepool-excluded"
  | "no-nodepools"
  | "incompatible-requirements"
  | "taints-not-tolerated"
  | "insufficient-resources"
  | "no-offering"
  | "limits-exceeded"
  | "host-port-conflict"
  | "topology-conflict"
  | "min-values"
  | "reserved-capacity"
  | "no-fit"
  | "step-limit"
  | VolumeFailureCode;

/**
 * The kind of one NodePool's refusal; a subset of {@link UnschedulableCode}.
 *
 * @category Scheduling
 */
export type NodePoolFailureKind = Exclude<
  UnschedulableCode,
  "invalid-pod" | "restricted-label" | "nodepool-excluded" | "no-nodepools" | "no-fit" | "step-limit" | VolumeFailureCode
>;

/**
 * Why one NodePool could not take a pod.
 *
 * @category Scheduling
 */
export interface NodePoolFailure {
  readonly nodePool: string;
  readonly kind: NodePoolFailureKind;
  readonly message: string;
  /** Requirement conflicts between the pod and the NodePool (kind `incompatible-requirements`). */
  readonly requirements?: readonly RequirementConflict[];
  /** Template taints the pod does not tolerate (kind `taints-not-tolerated`). */
  readonly taints?: readonly Taint[];
  /** Resources short on the largest compatible instance type (kind `insufficient-resources`). */
  readonly resources?: readonly ResourceShortfall[];
  /** The topology constraint that could not be met (kind `topology-conflict`). */
  readonly topology?: TopologyConflict;
  /** minValues keys and how many values the options reached (kind `min-values`). */
  readonly minValues?: ReadonlyMap<string, number>;
  /** Limited resources (kind `limits-exceeded`). */
  readonly limits?: readonly string[];
}

/**
 * A pod that could not be placed, with its reason.
 *
 * @category Scheduling
 */
export interface UnschedulablePod {
  /** `namespace/name`. */
  readonly pod: string;
  readonly code: UnschedulableCode;
  readonly message: string;
  /** Per NodePool refusals (empty when the pod never reached the NodePools). */
  readonly nodePools: readonly NodePoolFailure[];
}

/**
 * Totals of a run.
 *
 * @category Scheduling
 */
export interface ScheduleSummary {
  /** Pending pods given, plus the pods of deleting nodes that must find a new home (other bound pods excluded). */
  readonly pods: number;
  readonly scheduled: number;
  readonly newNodeClaims: number;
  /** Sum of the new claims' prices per hour: the exact decimal sum of the prices as given (`0.1 + 0.2` is `0.3`). */
  readonly newHourlyCost: number;
}

/**
 * What {@link schedule} decided.
 *
 * @category Scheduling
 */
export interface ScheduleResult {
  readonly nodeClaims: readonly PlannedNodeClaim[];
  readonly existingNodes: readonly ExistingNodePlacement[];
  readonly unschedulable: readonly UnschedulablePod[];
  readonly summary: ScheduleSummary;
}

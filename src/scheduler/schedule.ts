/**
 * `schedule`: upstream Karpenter's provisioning decisions for a batch of pending pods.
 *
 * @module
 */
import { InputError } from "../errors.js";
import { assertOptions, assertScheduleInput } from "../_internal/validate-input.js";
import { exactSum } from "../_internal/exact-sum.js";
import type { CatalogueVectors } from "../instance-types/catalogue-vectors.js";
import type { InstanceType } from "../instance-types/index.js";
import { InstanceTypeIndex } from "../instance-types/instance-type-index.js";
import { podName } from "../_internal/pod-key.js";
import { snapshotPods } from "../_internal/snapshot-pods.js";
import { Topology, type TopologyTemplate } from "../topology/index.js";
import { DomainUniverse } from "../topology/domain-universe.js";
import type { CompiledPools } from "./cluster-model.js";
import { NodeVolumeLimits, volumePrePass, withVolumeFailures } from "../volumes/index.js";
import type { Pod, PodSpec } from "../types/kubernetes.js";
import { buildCluster } from "./cluster.js";
import { isReschedulable } from "./pod-lifecycle.js";
import type { Attempt, RunContext } from "./context.js";
import { compileDaemonPods, type DaemonPod } from "./daemons.js";
import { finalizeClaim } from "./finalize.js";
import { NODES_RESOURCE, RemainingLimits } from "./limits.js";
import { resolveScheduleOptions } from "./options.js";
import { PodClassCompiler, type PodClass } from "./pod-data.js";
import { relax } from "./preferences.js";
import { progressTick } from "./progress.js";
import { compareQueueEntries, RetryQueue } from "./queue.js";
import type { ResolvedScheduleOptions } from "./types.js";
import type { PlacementFailure } from "./reasons.js";
import { ReservationManager } from "./reservations.js";
import { Scheduler } from "./scheduler.js";
import { placementTemplate } from "./placement-template.js";
import { acceptsNewClaims, compareTemplates, compileTemplate, type NodeClaimTemplate } from "./nodeclaim-template.js";
import type { ExistingNodePlacement, PlannedNodeClaim, ScheduleInput, ScheduleOptions, ScheduleResult, SimulationState, UnschedulablePod } from "./types.js";
import { isNodeClaimDeleting } from "./node-lifecycle.js";

function creationMillis(pod: Pod): number {
  const t = pod.metadata.creationTimestamp;
  if (t === undefined) return 0;
  const ms = t instanceof Date ? t.getTime() : Date.parse(t);
  return Number.isNaN(ms) ? 0 : ms;
}

/**
 * Every label the catalogue's instance types define counts as well-known, as upstream providers register
 * the labels they set: pods and NodePools may then constrain them without the NodePool defining them.
 */
function withCatalogueLabels(opts: ResolvedScheduleOptions, index: InstanceTypeIndex): ResolvedScheduleOptions {
  const labels = index.labelKeys();
  let missing = false;
  for (const key of labels) if (!opts.wellKnownLabels.has(key)) missing = true;
  if (!missing) return opts;
  return { ...opts, wellKnownLabels: new Set([...opts.wellKnownLabels, ...labels]) };
}

/**
 * Decides which new nodes a batch of pending pods needs, as upstream Karpenter's provisioning scheduler
 * does: pods in first-fit-decreasing order (retried until a pass makes no progress), each placed on an
 * existing node, else on a node claim planned earlier in the run (least loaded first), else on a new node
 * claim from the NodePools by weight; preferences are relaxed one at a time in upstream's order when a pod
 * fits nowhere. Pure and deterministic: the input is never mutated and the same input gives the same result.
 *
 * @param input - pending pods, NodePools, the instance-type catalogue, and optionally the existing cluster
 * @param options - preference and minValues policies, instance-type truncation, reserved-capacity mode
 * @returns the new node claims, the existing nodes that received pods, every unschedulable pod with its reason, and totals
 * @throws RequirementError, QuantityError or InputError (stable `code`, `path`) for an invalid NodePool,
 *   node quantity or option; an invalid pod is reported in `unschedulable`, never thrown
 * @example
 * ```ts
 * import { schedule, toScheduleJson } from "nodefit";
 * import { fakeInstanceTypes } from "nodefit/testing";
 *
 * const inflate = (i: number) => ({
 *   metadata: { name: `inflate-${i}`, namespace: "default", uid: `uid-${i}` },
 *   spec: { containers: [{ name: "app", resources: { requests: { cpu: "1" } } }] },
 * });
 * const result = schedule({
 *   pods: Array.from({ length: 8 }, (_, i) => inflate(i)),
 *   nodePools: [{ metadata: { name: "default" }, spec: { template: { spec: { requirements: [] } } } }],
 *   instanceTypes: fakeInstanceTypes(),
 * });
 * result.summary.scheduled; // 8
 * console.log(toScheduleJson(result));
 * ```
 * @category Scheduling
 */
export function schedule(input: ScheduleInput, options: ScheduleOptions = {}): ScheduleResult {
  // The caller's input is checked once, here; consolidation's simulations call scheduleSimulation on state
  // nodefit built itself, so they skip the walk (checking there made plans 25% slower).
  assertScheduleInput(input);
  assertOptions(options, "schedule");
  // Pods get their volumes' requirements, and pods that need what nodefit cannot schedule are taken out.
  const pre = volumePrePass(input);
  return withVolumeFailures(scheduleSimulation(pre.input, options, NO_SIMULATION), pre.failures);
}

const NO_SIMULATION: SimulationState = { movers: new Set(), pendingOnly: new Set() };

/**
 * {@link schedule} for a consolidation simulation: the movers never land on a node that takes only pending
 * pods. That is node state, never a taint, so topology counting (`nodeTaintsPolicy: Honor`) is unchanged.
 *
 * @param input - as {@link schedule}
 * @param options - as {@link schedule}
 * @param simulation - the moved pods and the pending-only targets
 * @returns as {@link schedule}
 * @internal
 */
export function scheduleSimulation(input: ScheduleInput, options: ScheduleOptions, simulation: SimulationState): ScheduleResult {
  // The index owns a copy of the catalogue and every table built from it; a caller's array gets a fresh one.
  const index = InstanceTypeIndex.of(input.instanceTypes);
  const catalogue = index.types;
  const opts = withCatalogueLabels(resolveScheduleOptions(options), index);
  const model = simulation.model;
  const daemonSets = input.daemonSets ?? [];
  // Each DaemonSet's newest pod among the run's pods stands for it, as upstream's cluster state keeps it (a
  // consolidation plan compiles the DaemonSets once, from the pods of its first run).
  const compileDaemons = () => compileDaemonPods(daemonSets, daemonSets.length === 0 ? [] : [...input.pods, ...(input.boundPods ?? [])]);
  const daemons = model === undefined ? compileDaemons() : model.daemons(daemonSets, compileDaemons);
  const compilePools = (): CompiledPools => compilePoolsOf(input.nodePools, catalogue, daemons, opts);
  const poolsKey = `${opts.minValuesPolicy}|${[...opts.wellKnownLabels].join("|")}`;
  const { templates, universe } = model === undefined ? compilePools() : model.pools(input.nodePools, catalogue, daemons, poolsKey, compilePools);
  const usable = templates.filter((t) => t.instanceTypes.length > 0);
  const toleratePreferNoSchedule = templates.some((t) => t.taints.some((taint) => taint.effect === "PreferNoSchedule"));

  const { pending, bound } = splitPods(input, simulation.removed !== undefined);
  const cluster = buildCluster(input.nodes ?? [], input.nodeClaims ?? [], bound, daemons, simulation.pendingOnly, model, simulation.removed);
  const compiler = new PodClassCompiler(opts.preferencePolicy === "Ignore", opts.wellKnownLabels);

  const failures = new Map<number, PlacementFailure>();
  const valid: number[] = [];
  const classes: PodClass[] = [];
  pending.forEach((pod, i) => {
    const compiled = compiler.compile(pod);
    if (compiled.ok) {
      valid.push(i);
      classes[i] = compiled.podClass;
    } else {
      failures.set(i, { code: compiled.failure.code, message: compiled.failure.message, nodePools: [], reserved: false });
    }
  });

  const topology = Topology.build({
    templates: topologyTemplates(templates, catalogue),
    universe,
    clusterIndex: cluster.topologyIndex,
    removed: simulation.removed,
    nodes: cluster.topologyNodes,
    boundPods: cluster.boundPods,
    pendingPods: valid.map((i) => pending[i] as Pod),
    preferencePolicy: opts.preferencePolicy,
  });
  const vectors = index.vectors(runResourceNames(templates, daemons, classes));
  const requestVectors: Float64Array[] = [];
  const requestVector = (podClass: PodClass): Float64Array => (requestVectors[podClass.id] ??= vectors.vector(podClass.requests));
  const volumeLimits = NodeVolumeLimits.buildShared(input.volumes, bound, model?.volumeUsage);
  const ctx: RunContext = { options: opts, topology, reservations: new ReservationManager(index), vectors, requestVector, volumeLimits };
  const placement = usable.map((t, i) => placementTemplate(t, vectors, i));
  const limits = new RemainingLimits(templates, cluster.poolUsage, vectors);
  const scheduler = new Scheduler(ctx, cluster.nodes, placement, input.nodePools.some(acceptsNewClaims), limits);

  const keys = valid.map((i) => {
    const pod = pending[i] as Pod;
    const requests = (classes[i] as PodClass).requests;
    return {
      index: i,
      cpu: requests.get("cpu") ?? 0,
      memory: requests.get("memory") ?? 0,
      created: creationMillis(pod),
      uid: pod.metadata.uid ?? podName(pod),
    };
  });
  keys.sort(compareQueueEntries);
  const queue = new RetryQueue(keys.map((k) => k.index));
  const relaxations = new RelaxationMemo();
  let steps = 0;
  let placed = 0;
  const progress = progressTick(options.onProgress, pending.length);
  const limit = simulation.work === undefined ? opts.maxSteps : Math.min(opts.maxSteps, simulation.work.left);
  for (let i = queue.pop(); i !== undefined; i = queue.pop()) {
    if (++steps > limit) {
      // The bound is reached: this pod and every pod still queued stay unplaced, said so, never dropped.
      for (let j: number | undefined = i; j !== undefined; j = queue.drain()) {
        // A pod that already failed keeps its own reason; one never tried says the bound stopped it.
        if (failures.has(j)) continue;
        failures.set(j, {
          code: "step-limit",
          message: `not placed: the run stopped after ${opts.maxSteps} placement attempts (options.maxSteps)`,
          nodePools: [],
          reserved: false,
        });
      }
      break;
    }
    const original = pending[i] as Pod;
    const mover = simulation.movers.size > 0 && simulation.movers.has(podName(original));
    const failure = trySchedule(original, mover, scheduler, compiler, topology, toleratePreferNoSchedule, relaxations);
    if (failure === undefined) {
      failures.delete(i);
      placed++;
    } else {
      failures.set(i, failure);
      topology.update(original);
      queue.push(i);
    }
    progress?.(placed);
  }
  progress?.(placed, true);
  if (simulation.work !== undefined) simulation.work.left -= steps;
  return assemble(pending, failures, scheduler, cluster.nodes, opts, vectors, takenNames(input, simulation.removed));
}

/**
 * The pods to place and the pods that stay. A pod bound to a deleting Node (its own or its NodeClaim's
 * deletionTimestamp) joins the pending pods when it is reschedulable, as upstream's provisioner adds
 * `Deleting().CurrentlyReschedulablePods()`; the deleting node's DaemonSet, mirror and terminal pods go with it.
 */
function splitPods(input: ScheduleInput, simulated: boolean): { pending: Pod[]; bound: readonly Pod[] } {
  const deleting = deletingNodeNames(input);
  // A simulation's own lists: its running pods are kept as given (the model's cluster base is cached by that list).
  if (simulated && deleting.size === 0 && input.pods.every((p) => p.spec.nodeName === undefined || p.spec.nodeName === "")) {
    return { pending: [...input.pods], bound: input.boundPods ?? [] };
  }
  const pending: Pod[] = [];
  const bound: Pod[] = [];
  const rescheduled: Pod[] = [];
  for (const pod of snapshotPods(input.pods, input.boundPods)) {
    const on = pod.spec.nodeName;
    if (on === undefined || on === "") pending.push(pod);
    else if (deleting.size === 0 || !deleting.has(on)) bound.push(pod);
    else if (isReschedulable(pod)) rescheduled.push(unbound(pod));
  }
  // The pods of deleting nodes after the pending ones, as upstream appends them.
  for (const pod of rescheduled) pending.push(pod);
  return { pending, bound };
}

function unbound(pod: Pod): Pod {
  const { nodeName: _bound, ...spec } = pod.spec;
  return { ...pod, spec };
}

/** Nodes being deleted: a deletionTimestamp on the Node, or the NodeClaim linked to it being deleted (`isNodeClaimDeleting`). */
function deletingNodeNames(input: ScheduleInput): ReadonlySet<string> {
  const names = new Set<string>();
  const claimDeleting = new Set<string>();
  for (const c of input.nodeClaims ?? []) {
    if (!isNodeClaimDeleting(c)) continue;
    if (c.status?.nodeName) names.add(c.status.nodeName);
    if (c.status?.providerID) claimDeleting.add(c.status.providerID);
  }
  for (const n of input.nodes ?? []) {
    const providerID = n.spec?.providerID;
    if (n.metadata.deletionTimestamp !== undefined || (providerID !== undefined && claimDeleting.has(providerID))) names.add(n.metadata.name ?? "");
  }
  return names;
}

/** Names a new claim must not take: every Node and NodeClaim of the input (deleting ones too), but those a simulation removed. */
function takenNames(input: ScheduleInput, removed: ReadonlySet<string> | undefined): (name: string) => boolean {
  // Read only when the run planned a claim (most simulations plan none).
  let taken: Set<string> | undefined;
  return (name) => {
    if (taken === undefined) {
      taken = new Set<string>();
      for (const n of input.nodes ?? []) if (removed === undefined || !removed.has(n.metadata.name ?? "")) taken.add(n.metadata.name ?? "");
      for (const c of input.nodeClaims ?? []) if (removed === undefined || !removed.has(c.metadata.name ?? "")) taken.add(c.metadata.name ?? "");
    }
    return taken.has(name);
  };
}

/** The NodePools compiled for a run, in upstream's try order, and their topology domain universe. */
function compilePoolsOf(
  nodePools: ScheduleInput["nodePools"],
  catalogue: readonly InstanceType[],
  daemons: readonly DaemonPod[],
  opts: ResolvedScheduleOptions,
): CompiledPools {
  const seenPools = new Set<string>();
  // A deleting or static NodePool is left out before it is compiled: no template, no topology domains (upstream's filter).
  const templates = nodePools.flatMap((np, i) => {
    if (!acceptsNewClaims(np)) return [];
    const t = compileTemplate(np, i, catalogue, daemons, opts.wellKnownLabels, opts.minValuesPolicy);
    if (seenPools.has(t.name)) throw new InputError(`two NodePools are named "${t.name}"`, ["nodePools", i, "metadata", "name"]);
    seenPools.add(t.name);
    return [t];
  });
  templates.sort(compareTemplates);
  return { templates, universe: DomainUniverse.build(topologyTemplates(templates, catalogue)) };
}

/** The NodePools as topology reads them: every catalogue type supplies domains. */
function topologyTemplates(templates: readonly NodeClaimTemplate[], catalogue: readonly InstanceType[]): TopologyTemplate[] {
  return templates.map((t) => ({ nodePoolName: t.name, requirements: t.requirements, taints: t.taints, instanceTypes: catalogue }));
}

/** Resource names a run uses beyond the catalogue's own: DaemonSet overhead, limits (not `nodes`), pod requests. */
function runResourceNames(templates: readonly NodeClaimTemplate[], daemons: readonly DaemonPod[], classes: readonly (PodClass | undefined)[]): Set<string> {
  const names = new Set<string>();
  for (const d of daemons) for (const name of d.requests.keys()) names.add(name);
  for (const t of templates) for (const name of t.limits?.keys() ?? []) if (name !== NODES_RESOURCE) names.add(name);
  for (const c of classes) if (c !== undefined) for (const name of c.requests.keys()) names.add(name);
  return names;
}

/**
 * Relaxation depends on the spec alone, so pods of one class share one relaxed spec object: its class and
 * topology groups are then found by identity instead of by re-serialising the spec.
 */
class RelaxationMemo {
  private readonly specs = new Map<string, PodSpec | null>();

  relax(pod: Pod, classId: number, toleratePreferNoSchedule: boolean): Pod | undefined {
    // The class ignores nodeName; the relaxed copy keeps the pod's own.
    const key = `${classId}|${JSON.stringify(pod.spec.nodeName ?? null)}`;
    const known = this.specs.get(key);
    if (known === null) return undefined;
    if (known !== undefined) return { ...pod, spec: known };
    const relaxed = relax(pod, toleratePreferNoSchedule)?.pod;
    this.specs.set(key, relaxed?.spec ?? null);
    return relaxed;
  }
}

/** Tries a pod, relaxing a copy one preference at a time until it fits or nothing is left to relax. */
function trySchedule(
  original: Pod,
  mover: boolean,
  scheduler: Scheduler,
  compiler: PodClassCompiler,
  topology: Topology,
  toleratePreferNoSchedule: boolean,
  relaxations: RelaxationMemo,
): PlacementFailure | undefined {
  const name = podName(original);
  let pod = original;
  for (;;) {
    const compiled = compiler.compile(pod);
    if (!compiled.ok) return { code: compiled.failure.code, message: compiled.failure.message, nodePools: [], reserved: false };
    const attempt: Attempt = { pod, podClass: compiled.podClass, name, hasTopology: topology.hasConstraints(pod), mover };
    const placement = scheduler.add(attempt);
    if (placement.ok) return undefined;
    if (placement.failure.reserved) return placement.failure;
    const relaxed = relaxations.relax(pod, compiled.podClass.id, toleratePreferNoSchedule);
    if (relaxed === undefined) return placement.failure;
    pod = relaxed;
    topology.update(pod);
  }
}

function assemble(
  pending: readonly Pod[],
  failures: Map<number, PlacementFailure>,
  scheduler: Scheduler,
  nodes: readonly { readonly name: string; readonly pods: readonly string[] }[],
  opts: ReturnType<typeof resolveScheduleOptions>,
  vectors: CatalogueVectors,
  taken: (name: string) => boolean,
): ScheduleResult {
  const counters = new Map<string, number>();
  const nodeClaims: PlannedNodeClaim[] = [];
  const dropped = new Map<string, string>();
  for (const claim of scheduler.claims) {
    // `<nodePool>-<n>`, skipping every name a Node or NodeClaim already has, so "to" never means two things.
    let n = counters.get(claim.template.name) ?? 0;
    do n += 1;
    while (taken(`${claim.template.name}-${n}`));
    const finalized = finalizeClaim(claim, `${claim.template.name}-${n}`, opts, vectors);
    if (finalized.ok) {
      counters.set(claim.template.name, n);
      nodeClaims.push(finalized.claim);
    } else {
      for (const pod of claim.pods) dropped.set(pod, finalized.message);
    }
  }
  const unschedulable: UnschedulablePod[] = [];
  pending.forEach((pod, i) => {
    const name = podName(pod);
    const failure = failures.get(i);
    if (failure !== undefined) {
      unschedulable.push({ pod: name, code: failure.code, message: failure.message, nodePools: failure.nodePools });
    } else {
      const message = dropped.get(name);
      if (message !== undefined) unschedulable.push({ pod: name, code: "min-values", message, nodePools: [] });
    }
  });
  // By pod name, so the answer does not depend on the order the input listed the pods in.
  unschedulable.sort((a, b) => (a.pod < b.pod ? -1 : a.pod > b.pod ? 1 : 0));
  const existingNodes: ExistingNodePlacement[] = nodes
    .filter((n) => n.pods.length > 0)
    .map((n) => ({ name: n.name, pods: [...n.pods] }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Reported money is the exact decimal sum of the prices as given (issue 17); no decision reads it.
  const newHourlyCost = exactSum(nodeClaims.map((c) => c.price));
  return {
    nodeClaims,
    existingNodes,
    unschedulable,
    summary: { pods: pending.length, scheduled: pending.length - unschedulable.length, newNodeClaims: nodeClaims.length, newHourlyCost },
  };
}

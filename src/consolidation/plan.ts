/**
 * `planConsolidation`: upstream Karpenter's disruption decisions, pass after pass, as a dry-run plan.
 *
 * @module
 */
import { CatalogLookup } from "./catalog-lookup.js";
import { podName } from "../_internal/pod-key.js";
import { snapshotPods } from "../_internal/snapshot-pods.js";
import { assertConsolidationInput, assertOptions } from "../_internal/validate-input.js";
import { exactSum } from "../_internal/exact-sum.js";
import { volumePrePass } from "../volumes/index.js";
import { InstanceTypeIndex } from "../instance-types/index.js";
import { ClusterModel } from "../scheduler/cluster-model.js";
import type { NodePool } from "../types/kubernetes.js";
import { applyCommand, nameReplacements } from "./apply.js";
import { buildClusterState, compareStrings, type ClusterState } from "./cluster.js";
import type { PlanContext } from "./context.js";
import { drift } from "./methods/drift.js";
import { emptiness } from "./methods/emptiness.js";
import type { ProposedCommand } from "./evaluate.js";
import { multiNode } from "./methods/multi-node.js";
import { resolveConsolidationOptions } from "./options.js";
import { startPass, type Pass } from "./pass.js";
import { resolvePdbs } from "./pdb.js";
import { noteCommands, watchProgress } from "./progress.js";
import { singleNode } from "./methods/single-node.js";
import { WorkLimitReached } from "./work-limit.js";
import type { Blocker, ConsolidationCommand, ConsolidationInput, ConsolidationOptions, ConsolidationPlan } from "./types.js";

/** What a long-lived cluster shares with each plan: its catalogue index and its scheduling model. */
export interface SharedState {
  readonly index: InstanceTypeIndex;
  readonly model: ClusterModel;
  /** The volume pre-pass, when the cluster keeps its outcomes across plans (default: `volumePrePass`). */
  readonly prePass?: (input: ConsolidationInput) => { readonly input: ConsolidationInput };
}

const METHODS: readonly ((pass: Pass) => ProposedCommand | undefined)[] = [emptiness, drift, multiNode, singleNode];

/**
 * Resolves the options and indexes the input once for a planning run.
 *
 * @param input - the snapshot
 * @param options - the caller's options
 * @param shortcuts - whether evaluations whose outcome is certain may skip their simulation
 * @param shared - an index of `input.instanceTypes` and a model a long-lived `Cluster` keeps across plans
 * @returns the context every step shares
 */
export function buildPlanContext(input: ConsolidationInput, options: ConsolidationOptions, shortcuts: boolean, shared?: SharedState): PlanContext {
  const pods = snapshotPods(input.pods, input.boundPods);
  const pools = new Map<string, NodePool>();
  for (const p of input.nodePools) pools.set(p.metadata.name ?? "", p);
  const catalog = new CatalogLookup(input.instanceTypes);
  const resolved = resolveConsolidationOptions(options);
  return {
    options: resolved,
    pools,
    nodePools: input.nodePools,
    catalog,
    index: shared?.index ?? InstanceTypeIndex.build(input.instanceTypes),
    model: shared?.model ?? new ClusterModel(),
    daemonSets: input.daemonSets ?? [],
    volumes: input.volumes,
    pdbs: resolvePdbs(input.podDisruptionBudgets ?? [], pods),
    shortcuts,
    work: { left: resolved.maxSimulationSteps },
  };
}

function publicCommand(command: ProposedCommand): ConsolidationCommand {
  const reschedules = command.candidates.flatMap((c) =>
    c.state.pods.flatMap((pod) => {
      const to = command.placements.get(podName(pod));
      return to === undefined ? [] : [{ pod: podName(pod), to }];
    }),
  );
  return {
    method: command.method,
    decision: command.decision,
    candidates: command.candidates.map((c) => c.name),
    replacements: command.replacements,
    reschedules,
    savings: command.savings,
  };
}

/** The summary's cost: the exact decimal sum of the prices as given (issue 17), read by no decision. */
function hourlyCost(cluster: ClusterState): number {
  return exactSum(cluster.nodes.map((n) => n.price ?? 0));
}

/**
 * Plans consolidation as upstream Karpenter's disruption controller would carry it out at `now`: each pass
 * tries emptiness, drift, multi-node and single-node consolidation in that order, the first method with a
 * command wins, the command is applied to a simulated copy of the cluster, and passes repeat until no method
 * helps (or `maxCommands`). Every simulation runs the provisioning scheduler with the candidates removed and
 * their pods re-queued with the pending ones. The input is never mutated and the clock is never read.
 *
 * The plan happens at one instant: a command is treated as done before the next pass, so budgets are
 * recomputed over the nodes that remain, and nodes that receive pods (or are created) have a pod event at
 * `now`, so a pool's `consolidateAfter` keeps them in place for the rest of the plan.
 *
 * @param input - nodes, NodeClaims, NodePools, bound and pending pods, DaemonSets, PDBs and the catalogue
 * @param options - `now` (required), `maxCommands`, `spotToSpotConsolidation`, scheduler policies
 * @returns commands in execution order, every input node left alone with its reason, and hourly totals
 * @throws InputError for a missing `now` or bad option; the scheduler's errors for an invalid NodePool or quantity
 * @example
 * ```ts
 * import { planConsolidation, toConsolidationJson } from "nodefit";
 *
 * const plan = planConsolidation(
 *   { nodes, nodeClaims, nodePools, pods, podDisruptionBudgets, instanceTypes },
 *   { now: "2024-06-01T12:00:00Z" },
 * );
 * for (const c of plan.commands) console.log(c.method, c.decision, c.candidates, c.savings);
 * console.log(plan.blocked); // [{ node: "node-c", code: "do-not-disrupt", message: "pod default/db-0 has karpenter.sh/do-not-disrupt" }]
 * console.log(toConsolidationJson(plan));
 * ```
 * @category Consolidation
 */
export function planConsolidation(input: ConsolidationInput, options: ConsolidationOptions): ConsolidationPlan {
  // Checked once at the entry; the plan's simulations run on state built from the checked input.
  assertConsolidationInput(input);
  assertOptions(options, "consolidation");
  return planConsolidationWith(input, options, true);
}

/**
 * {@link planConsolidation} with its simulation shortcuts on or off. Both give the same plan; the plain path
 * (`shortcuts` false) simulates every evaluation, so tests can compare the two.
 *
 * @param input - as {@link planConsolidation}
 * @param options - as {@link planConsolidation}
 * @param shortcuts - skip simulations whose outcome is certain
 * @param shared - state a long-lived `Cluster` keeps across plans
 * @returns the plan
 */
export function planConsolidationWith(input: ConsolidationInput, options: ConsolidationOptions, shortcuts: boolean, shared?: SharedState): ConsolidationPlan {
  // Pods get their volume requirements once; pending pods that cannot be scheduled are left out.
  return planResolved((shared?.prePass ?? volumePrePass)(input).input, options, shortcuts, shared);
}

function planResolved(input: ConsolidationInput, options: ConsolidationOptions, shortcuts: boolean, shared: SharedState | undefined): ConsolidationPlan {
  const ctx = buildPlanContext(input, options, shortcuts, shared);
  watchProgress(ctx, options.onProgress);
  let cluster = buildClusterState(input.nodes, input.nodeClaims ?? [], snapshotPods(input.pods, input.boundPods), ctx.pools, ctx.catalog);
  const before = hourlyCost(cluster);
  // Replacement names avoid every Node and NodeClaim of the input and every earlier replacement.
  const taken = new Set([...cluster.nodes.map((n) => n.name), ...(input.nodeClaims ?? []).map((c) => c.metadata.name ?? "")]);
  const counters = new Map<string, number>();
  const commands: ConsolidationCommand[] = [];
  const disrupted = new Set<string>();
  let last: Pass | undefined;
  let stopped: "work-limit" | undefined;
  while (commands.length < ctx.options.maxCommands) {
    let found: ProposedCommand | undefined;
    let pass: Pass;
    try {
      pass = startPass(cluster, ctx);
      for (const method of METHODS) {
        found = method(pass);
        if (found !== undefined) break;
      }
    } catch (error) {
      // Only the work bound is caught: the command under evaluation is dropped, the ones found stand.
      if (!(error instanceof WorkLimitReached)) throw error;
      stopped = "work-limit";
      break;
    }
    if (found === undefined) {
      last = pass;
      break;
    }
    const named = nameReplacements(found, taken, counters);
    commands.push(publicCommand(named));
    noteCommands(ctx, commands.length);
    for (const c of named.candidates) disrupted.add(c.name);
    cluster = applyCommand(cluster, named, ctx);
  }
  const blocked: Blocker[] = [];
  for (const node of input.nodes) {
    const name = node.metadata.name ?? "";
    if (disrupted.has(name)) continue;
    blocked.push(
      last?.failures.get(name) ?? {
        node: name,
        code: "not-evaluated",
        message:
          stopped === "work-limit"
            ? "the plan stopped at maxSimulationSteps before this node was decided"
            : last === undefined
              ? "the plan stopped at maxCommands before this node was decided"
              : "no method found a cheaper arrangement",
      },
    );
  }
  blocked.sort((a, b) => compareStrings(a.node, b.node));
  noteCommands(ctx, commands.length);
  const summary = { nodes: input.nodes.length, hourlyCostBefore: before, hourlyCostAfter: hourlyCost(cluster) };
  return { commands, blocked, summary: stopped === undefined ? summary : { ...summary, stopped } };
}

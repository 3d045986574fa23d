import { formatAmount, formatTaint, schedule, type NodePoolFailure, type OverlayEffect, type ScheduleResult } from "nodefit";
import { indexVolumeObjects, podVolumeRequirements } from "nodefit/advanced";
import type { Command } from "../args.js";
import { UsageError, type CliIo } from "../io.js";
import { loadInput, scheduleInputOf, type LoadedInput } from "../load.js";
import { jsonToYaml } from "../render/format.js";
import { formatHourly } from "../render/money.js";
import { planMoney } from "./plan-money.js";
import { planFor } from "./consolidate.js";

type ExplainCommand = Extract<Command, { name: "explain" }>;

/** Why a pod goes where it goes, or why it goes nowhere. */
interface PodExplanation {
  readonly pod: string;
  readonly status: "running" | "scheduled" | "unschedulable";
  readonly placement?: { readonly kind: "existing-node" | "new-node-claim"; readonly name: string; readonly detail: string };
  readonly code?: string;
  readonly message?: string;
  readonly nodePools: readonly { readonly nodePool: string; readonly kind: string; readonly reasons: readonly string[] }[];
  /** What the pod's volumes demand of its node: one line per alternative (volume topology). */
  readonly volumes?: readonly string[];
  /** NodeOverlays that changed the chosen instance type. */
  readonly overlays?: readonly string[];
}

/** The pod's volume alternatives and the overlays behind its chosen instance type, when there are any. */
function volumesAndOverlays(e: PodExplanation, input: LoadedInput, result: ScheduleResult): PodExplanation {
  const pod = input.kubernetes.pods.find((p) => `${p.metadata.namespace ?? "default"}/${p.metadata.name ?? ""}` === e.pod);
  const volumes = input.kubernetes.volumes;
  const r = pod === undefined || volumes === undefined ? undefined : podVolumeRequirements(pod, indexVolumeObjects(volumes));
  const lines = r?.ok === true ? r.alternatives.map((a) => a.requirements.toString() || "(unconstrained)") : [];
  const claim = result.nodeClaims.find((c) => c.pods.includes(e.pod));
  const type = claim?.instanceType;
  // Overlays evaluated per NodePool name the NodePools they changed: only the claim's own counts.
  const reaches = (o: OverlayEffect): boolean => type !== undefined && o.instanceTypes.includes(type) && (o.nodePools?.includes(claim?.nodePool ?? "") ?? true);
  const overlays = (input.overlays ?? []).filter(reaches).map((o) => o.overlay);
  return { ...e, ...(lines.length > 0 ? { volumes: lines } : {}), ...(overlays.length > 0 ? { overlays } : {}) };
}

/** Why a node is consolidated, or why it stays. */
interface NodeExplanation {
  readonly node: string;
  readonly status: "deleted" | "replaced" | "stays";
  readonly method?: string;
  readonly code?: string;
  readonly message: string;
}

function failureReasons(f: NodePoolFailure): string[] {
  const reasons = [f.message];
  for (const c of f.requirements ?? []) reasons.push(`requirement ${c.key}: ${c.message}`);
  for (const t of f.taints ?? []) reasons.push(`taint not tolerated: ${formatTaint(t)}`);
  for (const r of f.resources ?? []) {
    reasons.push(`${r.resource}: requested ${formatAmount(r.resource, r.requested)}, largest option has ${formatAmount(r.resource, r.available)}`);
  }
  if (f.topology !== undefined) reasons.push(`topology (${f.topology.code}, ${f.topology.key}): ${f.topology.message}`);
  for (const [key, reached] of f.minValues ?? []) reasons.push(`minValues of ${key}: the options reach ${reached} values`);
  if (f.limits !== undefined && f.limits.length > 0) reasons.push(`limits exhausted: ${f.limits.join(", ")}`);
  // The message often repeats a detail; list each reason once.
  return [...new Set(reasons)];
}

function explainPod(name: string, input: LoadedInput, result: ScheduleResult): PodExplanation {
  const { kubernetes } = input;
  const key = (p: { metadata: { namespace?: string | undefined; name?: string | undefined } }): string =>
    `${p.metadata.namespace ?? "default"}/${p.metadata.name ?? ""}`;
  const running = kubernetes.boundPods.find((p) => key(p) === name);
  if (running !== undefined) {
    return {
      pod: name,
      status: "running",
      placement: { kind: "existing-node", name: running.spec.nodeName ?? "", detail: "already bound (spec.nodeName)" },
      nodePools: [],
    };
  }
  if (!kubernetes.pods.some((p) => key(p) === name)) {
    throw new UsageError(`no pod "${name}" in the manifests (pods are named namespace/name; workload replicas are <workload>-<ordinal>)`, "explain");
  }
  const claim = result.nodeClaims.find((c) => c.pods.includes(name));
  if (claim !== undefined) {
    const price = formatHourly(claim.price);
    const detail = `NodePool ${claim.nodePool}, ${claim.instanceType} in ${claim.zone} (${claim.capacityType}, ${price}), ${claim.pods.length} pods, ${claim.instanceTypeOptions.length} instance-type options`;
    return { pod: name, status: "scheduled", placement: { kind: "new-node-claim", name: claim.name, detail }, nodePools: [] };
  }
  const existing = result.existingNodes.find((n) => n.pods.includes(name));
  if (existing !== undefined) {
    return {
      pod: name,
      status: "scheduled",
      placement: { kind: "existing-node", name: existing.name, detail: "fits the existing node's remaining allocatable" },
      nodePools: [],
    };
  }
  const failure = result.unschedulable.find((u) => u.pod === name);
  return {
    pod: name,
    status: "unschedulable",
    code: failure?.code ?? "no-fit",
    message: failure?.message ?? "not placed",
    nodePools: (failure?.nodePools ?? []).map((f) => ({ nodePool: f.nodePool, kind: f.kind, reasons: failureReasons(f) })),
  };
}

function explainNode(name: string, input: LoadedInput, now: Date): NodeExplanation {
  if (!input.kubernetes.nodes.some((n) => n.metadata.name === name)) throw new UsageError(`no node "${name}" in the manifests`, "explain");
  const plan = planFor(input, now);
  const index = plan.commands.findIndex((c) => c.candidates.includes(name));
  const command = plan.commands[index];
  if (command !== undefined) {
    const saved = planMoney(plan, input.kubernetes.nodes, input.instanceTypes).savings[index] ?? 0;
    const moved = command.reschedules.map((r) => `${r.pod} → ${r.to}`).join(", ") || "no pods to move";
    const replacement = command.replacements.map((r) => `${r.name} (${r.instanceType}, ${formatHourly(r.price)})`).join(", ");
    return {
      node: name,
      status: command.decision === "delete" ? "deleted" : "replaced",
      method: command.method,
      message: `${command.method} ${command.decision}${replacement ? ` by ${replacement}` : ""}, together with ${command.candidates.length - 1} other node(s); saves ${formatHourly(saved)}; ${moved}`,
    };
  }
  const blocked = plan.blocked.find((b) => b.node === name);
  return { node: name, status: "stays", code: blocked?.code ?? "not-evaluated", message: blocked?.message ?? "no consolidation helps" };
}

function podText(e: PodExplanation): string {
  const lines = [`pod ${e.pod}: ${e.status}`];
  if (e.placement !== undefined) lines.push(`  on ${e.placement.kind} ${e.placement.name}: ${e.placement.detail}`);
  if (e.code !== undefined) lines.push(`  ${e.code}: ${e.message ?? ""}`);
  for (const v of e.volumes ?? []) lines.push(`  volumes require: ${v}`);
  if (e.overlays !== undefined) lines.push(`  instance type changed by NodeOverlay: ${e.overlays.join(", ")}`);
  for (const np of e.nodePools) {
    lines.push(`  NodePool ${np.nodePool} (${np.kind}):`);
    for (const r of np.reasons) lines.push(`    - ${r}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Runs `nodefit explain`.
 *
 * @param command - the parsed command line
 * @param io - where output goes
 */
export async function runExplain(command: ExplainCommand, io: CliIo): Promise<void> {
  const input = await loadInput(command.paths, io, { provider: command.provider, aws: command.aws, strict: command.strict });
  let explanation: PodExplanation | NodeExplanation;
  if (command.pod !== undefined) {
    const result = schedule(scheduleInputOf(input), input.scheduleOptions);
    const name = command.pod.includes("/") ? command.pod : `default/${command.pod}`;
    explanation = volumesAndOverlays(explainPod(name, input, result), input, result);
  } else {
    explanation = explainNode(command.node ?? "", input, command.now);
  }
  const json = JSON.stringify(explanation, null, 2);
  if (command.output === "json") io.stdout(`${json}\n`);
  else if (command.output === "yaml") io.stdout(jsonToYaml(json));
  else if ("pod" in explanation) io.stdout(podText(explanation));
  else io.stdout(`node ${explanation.node}: ${explanation.status}${explanation.code ? ` (${explanation.code})` : ""}\n  ${explanation.message}\n`);
}

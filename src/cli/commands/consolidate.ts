import { planConsolidation, toConsolidationJson, type ConsolidationPlan, type InstanceType } from "nodefit";
import type { Command } from "../args.js";
import type { CliIo } from "../io.js";
import { loadInput, type LoadedInput } from "../load.js";
import { formatMoney, jsonToYaml } from "../render/format.js";
import { renderHtml, type Report, type ReportNode } from "../render/html.js";
import { renderTable } from "../render/table.js";
import { existingReportNode, podIndex, reportPods } from "./report-nodes.js";

type ConsolidateCommand = Extract<Command, { name: "consolidate" }>;

/**
 * Plans consolidation for the loaded input, as `consolidate` and `explain --node` need it.
 *
 * @param input - the loaded manifests and catalogue
 * @param now - the time to evaluate budgets and durations at
 * @param options - command-line options that reach the planner
 * @returns the plan
 */
export function planFor(input: LoadedInput, now: Date, options: { maxCommands?: number | undefined; spotToSpot?: boolean } = {}): ConsolidationPlan {
  const { kubernetes } = input;
  return planConsolidation(
    {
      nodes: kubernetes.nodes,
      nodeClaims: kubernetes.nodeClaims,
      nodePools: kubernetes.nodePools,
      pods: [...kubernetes.boundPods, ...kubernetes.pods],
      daemonSets: kubernetes.daemonSets,
      podDisruptionBudgets: kubernetes.podDisruptionBudgets,
      instanceTypes: input.instanceTypes,
      volumes: kubernetes.volumes,
    },
    { now, maxCommands: options.maxCommands, spotToSpotConsolidation: options.spotToSpot ?? false },
  );
}

/**
 * Runs `nodefit consolidate`.
 *
 * @param command - the parsed command line
 * @param io - where output goes
 */
export async function runConsolidate(command: ConsolidateCommand, io: CliIo): Promise<void> {
  const input = await loadInput(command.paths, io);
  if (io.interactive && input.kubernetes.nodes.length >= 200) io.stderr(`nodefit: planning consolidation of ${input.kubernetes.nodes.length} nodes…\n`);
  const plan = planFor(input, command.now, { maxCommands: command.maxCommands, spotToSpot: command.spotToSpot });
  switch (command.output) {
    case "json":
      io.stdout(`${toConsolidationJson(plan)}\n`);
      return;
    case "yaml":
      io.stdout(jsonToYaml(toConsolidationJson(plan)));
      return;
    case "html":
      io.stdout(renderHtml(consolidationReport(plan, input)));
      return;
    default:
      io.stdout(consolidationTable(plan));
  }
}

function summaryLine(plan: ConsolidationPlan): string {
  const { summary } = plan;
  const saved = summary.hourlyCostBefore - summary.hourlyCostAfter;
  return (
    `${plan.commands.length} command${plan.commands.length === 1 ? "" : "s"} for ${summary.nodes} nodes: ` +
    `${formatMoney(summary.hourlyCostBefore)} → ${formatMoney(summary.hourlyCostAfter)} (saves ${formatMoney(saved)}), ` +
    `${plan.blocked.length} node${plan.blocked.length === 1 ? "" : "s"} stay`
  );
}

function consolidationTable(plan: ConsolidationPlan): string {
  const parts = [`${summaryLine(plan)}\n`];
  if (plan.commands.length > 0) {
    const rows = plan.commands.map((c, i) => [
      String(i + 1),
      c.method,
      c.decision,
      c.candidates.join(", "),
      c.replacements.map((r) => `${r.name} (${r.instanceType}, ${formatMoney(r.price)})`).join(", ") || "-",
      String(c.reschedules.length),
      formatMoney(c.savings),
    ]);
    parts.push(renderTable(["#", "METHOD", "DECISION", "NODES", "REPLACEMENTS", "PODS MOVED", "SAVES"], rows));
  }
  if (plan.blocked.length > 0) {
    parts.push(renderTable(["NODE THAT STAYS", "CODE", "REASON"], plan.blocked.map((b) => [b.node, b.code, b.message])));
  }
  return parts.join("\n");
}

function consolidationReport(plan: ConsolidationPlan, input: LoadedInput): Report {
  const { kubernetes } = input;
  const pods = podIndex([...kubernetes.pods, ...kubernetes.boundPods]);
  const types = new Map<string, InstanceType>(input.instanceTypes.map((t) => [t.name, t]));
  const removed = new Set(plan.commands.flatMap((c) => c.candidates));
  const before: ReportNode[] = kubernetes.nodes.map((node) => ({
    ...existingReportNode(node, kubernetes.boundPods, pods, input.instanceTypes),
    status: removed.has(node.metadata.name ?? "") ? "removed" : "existing",
  }));
  // After: nodes that stay (with the pods moved onto them) plus the replacements.
  const movedTo = new Map<string, string[]>();
  for (const c of plan.commands) for (const r of c.reschedules) movedTo.set(r.to, [...(movedTo.get(r.to) ?? []), r.pod]);
  const movedPods = new Set(plan.commands.flatMap((c) => c.reschedules.map((r) => r.pod)));
  const after: ReportNode[] = [
    ...before
      .filter((n) => n.status !== "removed")
      .map((n) => ({
        ...n,
        pods: [...n.pods.filter((p) => !movedPods.has(p.name)), ...reportPods(movedTo.get(n.name) ?? [], pods)],
      })),
    ...plan.commands.flatMap((c) =>
      c.replacements.map((r): ReportNode => {
        const type = types.get(r.instanceType);
        return {
          name: r.name,
          status: "replacement",
          instanceType: r.instanceType,
          zone: r.zone,
          capacityType: r.capacityType,
          price: r.price,
          cpu: type?.allocatable.get("cpu") ?? 0,
          memory: type?.allocatable.get("memory") ?? 0,
          pods: reportPods(movedTo.get(r.name) ?? [], pods),
        };
      }),
    ),
  ];
  return {
    title: "nodefit consolidate",
    summary: [summaryLine(plan), ...plan.commands.map((c, i) => `${i + 1}. ${c.method} ${c.decision} ${c.candidates.join(", ")}: saves ${formatMoney(c.savings)}`)],
    sections: [
      { title: "Before", nodes: before },
      { title: "After", nodes: after },
    ],
    problemsTitle: "Nodes that stay, and why",
    problems: plan.blocked.map((b) => ({ subject: b.node, message: `${b.code}: ${b.message}` })),
  };
}

import {
  planConsolidation,
  toConsolidationJson,
  type ConsolidationInput,
  type ConsolidationPlan,
  type ConsolidationProgress,
  type InstanceType,
} from "nodefit";
import type { Command } from "../args.js";
import { EXIT_OK, type CliIo } from "../io.js";
import { loadInput, type LoadedInput } from "../load.js";
import { consolidationProgressText, progressHook } from "../progress.js";
import { jsonToYaml } from "../render/format.js";
import { renderHtml, type Report, type ReportNode } from "../render/html.js";
import { code, markdownTable } from "../render/markdown.js";
import { formatHourly, formatMonthly } from "../render/money.js";
import { renderNodeClaims } from "../render/nodeclaims.js";
import { renderTable } from "../render/table.js";
import { humanDuration } from "../render/units.js";
import { planMoney, type PlanMoney } from "./plan-money.js";
import { existingReportNode, podIndex, reportPods } from "./report-nodes.js";

type ConsolidateCommand = Extract<Command, { name: "consolidate" }>;

/**
 * The planner's input from what the reader returns: every pod in `pods` (running ones first), the catalogue given.
 *
 * @param kubernetes - the objects read
 * @param instanceTypes - the catalogue
 * @returns the input `planConsolidation` takes
 */
export function consolidationInput(kubernetes: LoadedInput["kubernetes"], instanceTypes: readonly InstanceType[]): ConsolidationInput {
  return {
    nodes: kubernetes.nodes,
    nodeClaims: kubernetes.nodeClaims,
    nodePools: kubernetes.nodePools,
    pods: [...kubernetes.boundPods, ...kubernetes.pods],
    daemonSets: kubernetes.daemonSets,
    podDisruptionBudgets: kubernetes.podDisruptionBudgets,
    instanceTypes,
    volumes: kubernetes.volumes,
  };
}

/**
 * Plans consolidation for the loaded input, as `consolidate` and `explain --node` need it.
 *
 * @param input - the loaded manifests and catalogue
 * @param now - the time to evaluate budgets and durations at
 * @param options - command-line options that reach the planner
 * @param io - where the progress line goes
 * @returns the plan
 */
export function planFor(
  input: LoadedInput,
  now: Date,
  options: { maxCommands?: number | undefined; maxSimulationSteps?: number | undefined; spotToSpot?: boolean } = {},
  io?: CliIo,
): ConsolidationPlan {
  const { kubernetes } = input;
  io?.progress?.(`nodefit: planning consolidation of ${kubernetes.nodes.length} nodes…`);
  const onProgress = progressHook(io, (p: ConsolidationProgress) => consolidationProgressText(kubernetes.nodes.length, p));
  const plan = planConsolidation(consolidationInput(kubernetes, input.instanceTypes), {
    now,
    maxCommands: options.maxCommands,
    maxSimulationSteps: options.maxSimulationSteps,
    spotToSpotConsolidation: options.spotToSpot ?? false,
    onProgress,
  });
  io?.progress?.(undefined);
  return plan;
}

/** The planner's "N s left" figures, printed as durations in the human views. */
function humanMessage(message: string): string {
  return message.replace(/\((\d+)s left\)/g, (_, seconds: string) => `(${humanDuration(Number(seconds))} left)`);
}

/**
 * Runs `nodefit consolidate`.
 *
 * @param command - the parsed command line
 * @param io - where output goes
 * @returns the exit status
 */
export async function runConsolidate(command: ConsolidateCommand, io: CliIo): Promise<number> {
  const input = await loadInput(command.paths, io, { provider: command.provider, aws: command.aws, strict: command.strict });
  const plan = planFor(
    input,
    command.now,
    { maxCommands: command.maxCommands, maxSimulationSteps: command.maxSimulationSteps, spotToSpot: command.spotToSpot },
    io,
  );
  const view: PlanView = { plan, input, money: planMoney(plan, input.kubernetes.nodes, input.instanceTypes) };
  switch (command.output) {
    case "json":
      io.stdout(`${toConsolidationJson(plan)}\n`);
      break;
    case "yaml":
      io.stdout(jsonToYaml(toConsolidationJson(plan)));
      break;
    case "html":
      io.stdout(renderHtml(consolidationReport(view)));
      break;
    case "markdown":
      io.stdout(consolidationMarkdown(view));
      break;
    case "nodeclaims":
      io.stdout(
        renderNodeClaims(
          plan.commands.flatMap((c) => c.replacements),
          input.kubernetes.nodePools,
        ),
      );
      break;
    default:
      io.stdout(consolidationTable(view));
  }
  return EXIT_OK;
}

/** A plan with what its views need. */
interface PlanView {
  readonly plan: ConsolidationPlan;
  readonly input: LoadedInput;
  readonly money: PlanMoney;
}

function summaryLine({ plan, money }: PlanView): string {
  const { summary } = plan;
  return (
    `${plan.commands.length} command${plan.commands.length === 1 ? "" : "s"} for ${summary.nodes} nodes: ` +
    `${formatHourly(money.before)} → ${formatHourly(money.after)} (saves ${formatHourly(money.before.minus(money.after))}), ` +
    `${plan.blocked.length} node${plan.blocked.length === 1 ? "" : "s"} stay` +
    (summary.stopped === "work-limit" ? " (stopped early: --max-simulation-steps reached)" : "")
  );
}

function consolidationTable(view: PlanView): string {
  const { plan, money } = view;
  const parts = [`${summaryLine(view)}\n`];
  if (plan.commands.length > 0) {
    const rows = plan.commands.map((c, i) => [
      String(i + 1),
      c.method,
      c.decision,
      c.candidates.join(", "),
      c.replacements.map((r) => `${r.name} (${r.instanceType}, ${formatHourly(r.price)})`).join(", ") || "-",
      String(c.reschedules.length),
      formatHourly(money.savings[i] ?? 0),
    ]);
    parts.push(renderTable(["#", "METHOD", "DECISION", "NODES", "REPLACEMENTS", "PODS MOVED", "SAVES"], rows));
  }
  if (plan.blocked.length > 0) {
    parts.push(
      renderTable(
        ["NODE THAT STAYS", "CODE", "REASON"],
        plan.blocked.map((b) => [b.node, b.code, humanMessage(b.message)]),
      ),
    );
  }
  return parts.join("\n");
}

function consolidationMarkdown(view: PlanView): string {
  const { plan, money } = view;
  const saved = money.before.minus(money.after);
  const parts = [
    "### nodefit consolidate\n",
    `**${plan.commands.length} command${plan.commands.length === 1 ? "" : "s"}** for ${plan.summary.nodes} nodes · ` +
      `${formatHourly(money.before)} → ${formatHourly(money.after)} · saves ${formatHourly(saved)} (${formatMonthly(saved)})\n`,
  ];
  const commands = markdownTable(
    ["#", "method", "decision", "nodes", "replacements", "pods moved", "saves"],
    plan.commands.map((c, i) => [
      String(i + 1),
      c.method,
      c.decision,
      c.candidates.map(code).join(", "),
      c.replacements.map((r) => `${code(r.instanceType)} ${formatHourly(r.price)}`).join(", ") || "-",
      String(c.reschedules.length),
      formatHourly(money.savings[i] ?? 0),
    ]),
  );
  if (commands !== "") parts.push(commands);
  if (plan.blocked.length > 0) {
    parts.push(
      `<details><summary>${plan.blocked.length} node${plan.blocked.length === 1 ? "" : "s"} stay</summary>\n\n` +
        markdownTable(
          ["node", "code", "reason"],
          plan.blocked.map((b) => [code(b.node), b.code, humanMessage(b.message)]),
        ) +
        "\n</details>\n",
    );
  }
  return parts.join("\n");
}

function consolidationReport(view: PlanView): Report {
  const { plan, input, money } = view;
  const { kubernetes } = input;
  const pods = podIndex([...kubernetes.pods, ...kubernetes.boundPods]);
  const types = new Map<string, InstanceType>(input.instanceTypes.map((t) => [t.name, t]));
  const removed = new Set(plan.commands.flatMap((c) => c.candidates));
  // Nodes by name, not document order, so the report does not change when documents are reordered.
  const nodes = [...kubernetes.nodes].sort((a, b) =>
    (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : (a.metadata.name ?? "") > (b.metadata.name ?? "") ? 1 : 0,
  );
  const before: ReportNode[] = nodes.map((node) => ({
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
    summary: [
      summaryLine(view),
      ...plan.commands.map((c, i) => `${i + 1}. ${c.method} ${c.decision} ${c.candidates.join(", ")}: saves ${formatHourly(money.savings[i] ?? 0)}`),
    ],
    sections: [
      { title: "Before", nodes: before },
      { title: "After", nodes: after },
    ],
    problemsTitle: "Nodes that stay, and why",
    problems: plan.blocked.map((b) => ({ subject: b.node, message: `${b.code}: ${humanMessage(b.message)}` })),
  };
}

import { schedule, toScheduleJson, type InstanceType, type ScheduleResult } from "nodefit";
import type { Command } from "../args.js";
import { EXIT_OK, EXIT_UNSCHEDULABLE, type CliIo } from "../io.js";
import { loadInput, scheduleInputOf, type LoadedInput } from "../load.js";
import { progressHook, scheduleProgressText } from "../progress.js";
import { writeScheduleJson } from "../render/json-stream.js";
import { renderHtml, type ReportNode } from "../render/html.js";
import { code, markdownTable } from "../render/markdown.js";
import { formatHourly, formatMonthly, sumMoney } from "../render/money.js";
import { renderTable } from "../render/table.js";
import { humanBytes, humanCpu } from "../render/units.js";
import { existingReportNode, podIndex, reportPods } from "./report-nodes.js";

type ScheduleCommand = Extract<Command, { name: "schedule" }>;

/**
 * Schedules the loaded input, with the progress line on a terminal.
 *
 * @param input - the loaded manifests and catalogue
 * @param io - where progress goes
 * @returns the result
 */
export function scheduleLoaded(input: LoadedInput, io: CliIo): ScheduleResult {
  io.progress?.(`nodefit: scheduling ${input.kubernetes.pods.length} pods…`);
  const result = schedule(scheduleInputOf(input), { ...input.scheduleOptions, onProgress: progressHook(io, scheduleProgressText) });
  io.progress?.(undefined);
  return result;
}

/**
 * Runs `nodefit schedule`.
 *
 * @param command - the parsed command line
 * @param io - where output goes
 * @returns the exit status: 0, or 3 with `--fail-on-unschedulable` when a pod was not placed
 */
export async function runSchedule(command: ScheduleCommand, io: CliIo): Promise<number> {
  const input = await loadInput(command.paths, io, { provider: command.provider, aws: command.aws, strict: command.strict });
  const result = scheduleLoaded(input, io);
  switch (command.output) {
    case "json":
      writeScheduleJson(result, io.stdout);
      break;
    case "yaml":
      // The YAML writer (and the package behind it) is loaded only for the outputs that use it.
      io.stdout((await import("../render/format.js")).jsonToYaml(toScheduleJson(result)));
      break;
    case "html":
      io.stdout(renderHtml(scheduleReport(result, input)));
      break;
    case "markdown":
      io.stdout(scheduleMarkdown(result, input));
      break;
    case "nodeclaims":
      io.stdout((await import("../render/nodeclaims.js")).renderNodeClaims(result.nodeClaims, input.kubernetes.nodePools));
      break;
    default:
      io.stdout(scheduleTable(result, input));
  }
  return command.failOnUnschedulable && result.unschedulable.length > 0 ? EXIT_UNSCHEDULABLE : EXIT_OK;
}

function summaryLine(result: ScheduleResult, input: LoadedInput): string {
  const { summary } = result;
  const claims = `${summary.newNodeClaims} new node claim${summary.newNodeClaims === 1 ? "" : "s"}`;
  const cost = sumMoney(result.nodeClaims.map((c) => c.price));
  return `Scheduled ${summary.scheduled} of ${summary.pods} pods: ${claims}, ${formatHourly(cost)} (catalogue: ${input.catalogName})`;
}

function scheduleTable(result: ScheduleResult, input: LoadedInput): string {
  const parts = [`${summaryLine(result, input)}\n`];
  if (result.nodeClaims.length > 0) {
    const rows = result.nodeClaims.map((c) => [
      c.name,
      c.nodePool,
      c.instanceType,
      c.zone,
      c.capacityType,
      formatHourly(c.price),
      String(c.pods.length),
      humanCpu(c.requests.get("cpu") ?? 0),
      humanBytes(c.requests.get("memory") ?? 0),
      String(c.instanceTypeOptions.length),
    ]);
    parts.push(renderTable(["NODE CLAIM", "NODEPOOL", "INSTANCE TYPE", "ZONE", "CAPACITY", "PRICE", "PODS", "CPU", "MEMORY", "OPTIONS"], rows));
  }
  if (result.existingNodes.length > 0) {
    parts.push(
      renderTable(
        ["EXISTING NODE", "NEW PODS"],
        result.existingNodes.map((n) => [n.name, n.pods.join(", ")]),
      ),
    );
  }
  if (result.unschedulable.length > 0) {
    parts.push(
      renderTable(
        ["UNSCHEDULABLE POD", "CODE", "REASON"],
        result.unschedulable.map((u) => [u.pod, u.code, u.message]),
      ),
    );
  }
  return parts.join("\n");
}

function scheduleMarkdown(result: ScheduleResult, input: LoadedInput): string {
  const { summary } = result;
  const cost = sumMoney(result.nodeClaims.map((c) => c.price));
  const parts = [
    "### nodefit schedule\n",
    `**${summary.scheduled} of ${summary.pods} pods scheduled** · ${summary.newNodeClaims} new node claim${summary.newNodeClaims === 1 ? "" : "s"} · ` +
      `${formatHourly(cost)} (${formatMonthly(cost)}) · catalogue: ${input.catalogName}\n`,
  ];
  const claims = markdownTable(
    ["node claim", "NodePool", "instance type", "zone", "capacity", "price", "pods"],
    result.nodeClaims.map((c) => [code(c.name), c.nodePool, code(c.instanceType), c.zone, c.capacityType, formatHourly(c.price), String(c.pods.length)]),
  );
  if (claims !== "") parts.push(claims);
  const existing = markdownTable(
    ["existing node", "new pods"],
    result.existingNodes.map((n) => [code(n.name), String(n.pods.length)]),
  );
  if (existing !== "") parts.push(existing);
  if (result.unschedulable.length > 0) {
    parts.push(
      `<details><summary>${result.unschedulable.length} unschedulable pod${result.unschedulable.length === 1 ? "" : "s"}</summary>\n\n` +
        markdownTable(
          ["pod", "code", "reason"],
          result.unschedulable.map((u) => [code(u.pod), u.code, u.message]),
        ) +
        "\n</details>\n",
    );
  }
  return parts.join("\n");
}

function scheduleReport(result: ScheduleResult, input: LoadedInput): Parameters<typeof renderHtml>[0] {
  const { kubernetes } = input;
  const podsByName = podIndex([...kubernetes.pods, ...kubernetes.boundPods]);
  const types = new Map<string, InstanceType>(input.instanceTypes.map((t) => [t.name, t]));
  const claims: ReportNode[] = result.nodeClaims.map((c) => {
    const type = types.get(c.instanceType);
    return {
      name: c.name,
      status: "new",
      instanceType: c.instanceType,
      zone: c.zone,
      capacityType: c.capacityType,
      price: c.price,
      cpu: type?.allocatable.get("cpu") ?? 0,
      memory: type?.allocatable.get("memory") ?? 0,
      pods: reportPods(c.pods, podsByName),
    };
  });
  const nodes: ReportNode[] = result.existingNodes.map((placement) => {
    const node = kubernetes.nodes.find((n) => n.metadata.name === placement.name);
    const drawn = node === undefined ? undefined : existingReportNode(node, kubernetes.boundPods, podsByName, input.instanceTypes);
    return {
      name: placement.name,
      status: "existing",
      instanceType: drawn?.instanceType ?? "",
      zone: drawn?.zone ?? "",
      capacityType: drawn?.capacityType ?? "",
      price: drawn?.price ?? 0,
      cpu: drawn?.cpu ?? 0,
      memory: drawn?.memory ?? 0,
      pods: [...(drawn?.pods ?? []), ...reportPods(placement.pods, podsByName)],
    };
  });
  return {
    title: "nodefit schedule",
    summary: [summaryLine(result, input)],
    sections: [{ title: "New node claims", nodes: claims }, ...(nodes.length > 0 ? [{ title: "Existing nodes that received pods", nodes }] : [])],
    problemsTitle: "Unschedulable pods",
    problems: result.unschedulable.map((u) => ({ subject: u.pod, message: `${u.code}: ${u.message}` })),
  };
}

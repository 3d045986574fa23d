import { formatAmount, schedule, toScheduleJson, type InstanceType, type ScheduleResult } from "nodefit";
import type { Command } from "../args.js";
import type { CliIo } from "../io.js";
import { loadInput, scheduleInputOf, type LoadedInput } from "../load.js";
import { formatMoney, jsonToYaml } from "../render/format.js";
import { renderHtml, type ReportNode } from "../render/html.js";
import { renderTable } from "../render/table.js";
import { existingReportNode, podIndex, reportPods } from "./report-nodes.js";

type ScheduleCommand = Extract<Command, { name: "schedule" }>;

/**
 * Runs `nodefit schedule`.
 *
 * @param command - the parsed command line
 * @param io - where output goes
 */
export async function runSchedule(command: ScheduleCommand, io: CliIo): Promise<void> {
  const input = await loadInput(command.paths, io, { aws: command.aws, strict: command.strict });
  const { kubernetes } = input;
  if (io.interactive && kubernetes.pods.length >= 5000) io.stderr(`nodefit: scheduling ${kubernetes.pods.length} pods…\n`);
  const result = schedule(scheduleInputOf(input), input.scheduleOptions);
  switch (command.output) {
    case "json":
      io.stdout(`${toScheduleJson(result)}\n`);
      return;
    case "yaml":
      io.stdout(jsonToYaml(toScheduleJson(result)));
      return;
    case "html":
      io.stdout(renderHtml(scheduleReport(result, input)));
      return;
    default:
      io.stdout(scheduleTable(result, input));
  }
}

function summaryLine(result: ScheduleResult, input: LoadedInput): string {
  const { summary } = result;
  const claims = `${summary.newNodeClaims} new node claim${summary.newNodeClaims === 1 ? "" : "s"}`;
  return `Scheduled ${summary.scheduled} of ${summary.pods} pods: ${claims}, ${formatMoney(summary.newHourlyCost)} (catalogue: ${input.catalogName})`;
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
      formatMoney(c.price),
      String(c.pods.length),
      formatAmount("cpu", c.requests.get("cpu") ?? 0),
      formatAmount("memory", c.requests.get("memory") ?? 0),
      String(c.instanceTypeOptions.length),
    ]);
    parts.push(renderTable(["NODE CLAIM", "NODEPOOL", "INSTANCE TYPE", "ZONE", "CAPACITY", "PRICE", "PODS", "CPU", "MEMORY", "OPTIONS"], rows));
  }
  if (result.existingNodes.length > 0) {
    parts.push(renderTable(["EXISTING NODE", "NEW PODS"], result.existingNodes.map((n) => [n.name, n.pods.join(", ")])));
  }
  if (result.unschedulable.length > 0) {
    parts.push(renderTable(["UNSCHEDULABLE POD", "CODE", "REASON"], result.unschedulable.map((u) => [u.pod, u.code, u.message])));
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
    sections: [
      { title: "New node claims", nodes: claims },
      ...(nodes.length > 0 ? [{ title: "Existing nodes that received pods", nodes }] : []),
    ],
    problemsTitle: "Unschedulable pods",
    problems: result.unschedulable.map((u) => ({ subject: u.pod, message: `${u.code}: ${u.message}` })),
  };
}

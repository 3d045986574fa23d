import type { Decimal } from "decimal.js";
import type { Command } from "../args.js";
import { EXIT_OK, EXIT_UNSCHEDULABLE, type CliIo } from "../io.js";
import { loadInput } from "../load.js";
import { jsonToYaml } from "../render/format.js";
import { code, markdownTable } from "../render/markdown.js";
import { HOURS_PER_MONTH, formatDelta, formatHourly, sumMoney } from "../render/money.js";
import { renderTable } from "../render/table.js";
import { planFor } from "./consolidate.js";
import { diffStateOf, type DiffNode, type DiffState } from "./diff-state.js";
import { scheduleLoaded } from "./schedule.js";

type DiffCommand = Extract<Command, { name: "diff" }>;

/** The version of the `nodefit diff --output json` document (see schemas/diff.v1.json). */
export const DIFF_DOCUMENT_VERSION = "nodefit.dev/v1alpha1";

/** Per NodePool: node counts and hourly cost on each side. */
export interface PoolDelta {
  readonly nodePool: string;
  readonly nodesBefore: number;
  readonly nodesAfter: number;
  readonly hourlyBefore: Decimal;
  readonly hourlyAfter: Decimal;
}

/** What changes from the `before` input's resulting cluster to the `after` one's. */
export interface ClusterDiff {
  readonly before: DiffState;
  readonly after: DiffState;
  readonly hourlyBefore: Decimal;
  readonly hourlyAfter: Decimal;
  readonly nodePools: readonly PoolDelta[];
  /** Instance types whose node count changes: before and after counts. */
  readonly instanceTypes: readonly { readonly instanceType: string; readonly before: number; readonly after: number }[];
  readonly nodesRemoved: readonly DiffNode[];
  readonly nodesAdded: readonly DiffNode[];
  readonly moved: readonly { readonly pod: string; readonly from: string; readonly to: string }[];
  readonly becameUnschedulable: readonly { readonly pod: string; readonly code: string; readonly message: string }[];
  readonly becameSchedulable: readonly string[];
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// Planned nodes have no identity across inputs: they match by what they are, not by their plan name.
const identity = (n: DiffNode): string => (n.planned ? `\u0000${n.nodePool}\u0000${n.instanceType}\u0000${n.zone}\u0000${n.capacityType}` : n.name);

function unmatched(from: readonly DiffNode[], against: readonly DiffNode[]): DiffNode[] {
  const left = new Map<string, number>();
  for (const n of against) left.set(identity(n), (left.get(identity(n)) ?? 0) + 1);
  const out: DiffNode[] = [];
  for (const n of from) {
    const k = identity(n);
    const count = left.get(k) ?? 0;
    if (count > 0) left.set(k, count - 1);
    else out.push(n);
  }
  return out;
}

function countBy(nodes: readonly DiffNode[], key: (n: DiffNode) => string): Map<string, DiffNode[]> {
  const out = new Map<string, DiffNode[]>();
  for (const n of nodes) out.set(key(n), [...(out.get(key(n)) ?? []), n]);
  return out;
}

/**
 * Compares the clusters two inputs lead to.
 *
 * @param before - the resulting cluster of the first input
 * @param after - the resulting cluster of the second input
 * @returns the difference, every list in a stable order
 */
export function diffClusters(before: DiffState, after: DiffState): ClusterDiff {
  const cost = (nodes: readonly DiffNode[]): Decimal => sumMoney(nodes.map((n) => n.price));
  const poolsBefore = countBy(before.nodes, (n) => n.nodePool);
  const poolsAfter = countBy(after.nodes, (n) => n.nodePool);
  const pools = [...new Set([...poolsBefore.keys(), ...poolsAfter.keys()])].sort(byString).map((nodePool) => {
    const b = poolsBefore.get(nodePool) ?? [];
    const a = poolsAfter.get(nodePool) ?? [];
    return { nodePool, nodesBefore: b.length, nodesAfter: a.length, hourlyBefore: cost(b), hourlyAfter: cost(a) };
  });
  const typesBefore = countBy(before.nodes, (n) => n.instanceType);
  const typesAfter = countBy(after.nodes, (n) => n.instanceType);
  const instanceTypes = [...new Set([...typesBefore.keys(), ...typesAfter.keys()])]
    .sort(byString)
    .map((instanceType) => ({ instanceType, before: typesBefore.get(instanceType)?.length ?? 0, after: typesAfter.get(instanceType)?.length ?? 0 }))
    .filter((t) => t.before !== t.after);
  const moved: { pod: string; from: string; to: string }[] = [];
  for (const [pod, to] of after.podLocations) {
    const from = before.podLocations.get(pod);
    if (from !== undefined && from !== to) moved.push({ pod, from, to });
  }
  moved.sort((x, y) => byString(x.pod, y.pod));
  const becameUnschedulable = [...after.unschedulable]
    .filter(([pod]) => !before.unschedulable.has(pod))
    .map(([pod, u]) => ({ pod, code: u.code, message: u.message }))
    .sort((x, y) => byString(x.pod, y.pod));
  const becameSchedulable = [...before.unschedulable.keys()].filter((pod) => after.podLocations.has(pod)).sort(byString);
  return {
    before,
    after,
    hourlyBefore: cost(before.nodes),
    hourlyAfter: cost(after.nodes),
    nodePools: pools,
    instanceTypes,
    nodesRemoved: unmatched(before.nodes, after.nodes),
    nodesAdded: unmatched(after.nodes, before.nodes),
    moved,
    becameUnschedulable,
    becameSchedulable,
  };
}

// Exact decimals as JSON numbers: a sum of prices has no more digits than the prices, so it round-trips.
const money = (value: Decimal): number => Number(value.toString());
const nodeJson = (n: DiffNode): Record<string, unknown> => ({
  name: n.name,
  planned: n.planned,
  nodePool: n.nodePool,
  instanceType: n.instanceType,
  zone: n.zone,
  capacityType: n.capacityType,
  price: n.price,
});

/**
 * The `nodefit diff --output json` document (shape in schemas/diff.v1.json).
 *
 * @param diff - the difference
 * @returns JSON text, two-space indented, without a trailing newline
 */
export function toDiffJson(diff: ClusterDiff): string {
  const delta = diff.hourlyAfter.minus(diff.hourlyBefore);
  const side = (s: DiffState, hourly: Decimal): Record<string, unknown> => ({
    nodes: s.nodes.length,
    pods: s.podLocations.size,
    unschedulable: s.unschedulable.size,
    hourlyCost: money(hourly),
  });
  return JSON.stringify(
    {
      apiVersion: DIFF_DOCUMENT_VERSION,
      kind: "ClusterDiff",
      before: side(diff.before, diff.hourlyBefore),
      after: side(diff.after, diff.hourlyAfter),
      hourlyCostDelta: money(delta),
      monthlyCostDelta: money(delta.times(HOURS_PER_MONTH)),
      nodePools: diff.nodePools.map((p) => ({
        nodePool: p.nodePool,
        nodesBefore: p.nodesBefore,
        nodesAfter: p.nodesAfter,
        hourlyCostBefore: money(p.hourlyBefore),
        hourlyCostAfter: money(p.hourlyAfter),
        hourlyCostDelta: money(p.hourlyAfter.minus(p.hourlyBefore)),
      })),
      instanceTypes: diff.instanceTypes,
      nodesRemoved: diff.nodesRemoved.map(nodeJson),
      nodesAdded: diff.nodesAdded.map(nodeJson),
      podsMoved: diff.moved,
      podsBecameUnschedulable: diff.becameUnschedulable,
      podsBecameSchedulable: diff.becameSchedulable,
    },
    null,
    2,
  );
}

function headline(diff: ClusterDiff): string {
  const delta = diff.hourlyAfter.minus(diff.hourlyBefore);
  return (
    `${diff.before.nodes.length} → ${diff.after.nodes.length} nodes, ${formatHourly(diff.hourlyBefore)} → ${formatHourly(diff.hourlyAfter)} ` +
    `(${formatDelta(delta)}, ${formatDelta(delta, true)}); unschedulable pods ${diff.before.unschedulable.size} → ${diff.after.unschedulable.size}`
  );
}

function poolRows(diff: ClusterDiff): string[][] {
  return diff.nodePools.map((p) => {
    const d = p.hourlyAfter.minus(p.hourlyBefore);
    return [
      p.nodePool || "(none)",
      `${p.nodesBefore} → ${p.nodesAfter}`,
      formatHourly(p.hourlyBefore),
      formatHourly(p.hourlyAfter),
      formatDelta(d),
      formatDelta(d, true),
    ];
  });
}

const nodeLabel = (n: DiffNode): string => (n.planned ? `(new) ${n.name}` : n.name);

function diffTable(diff: ClusterDiff): string {
  const parts = [`${headline(diff)}\n`];
  parts.push(renderTable(["NODEPOOL", "NODES", "HOURLY BEFORE", "HOURLY AFTER", "DELTA", "MONTHLY DELTA"], poolRows(diff)));
  if (diff.instanceTypes.length > 0) {
    parts.push(
      renderTable(
        ["INSTANCE TYPE", "BEFORE", "AFTER"],
        diff.instanceTypes.map((t) => [t.instanceType, String(t.before), String(t.after)]),
      ),
    );
  }
  const changes: (readonly [string, DiffNode])[] = [
    ...diff.nodesRemoved.map((n) => ["removed", n] as const),
    ...diff.nodesAdded.map((n) => ["added", n] as const),
  ];
  if (changes.length > 0) {
    parts.push(
      renderTable(
        ["CHANGE", "NODE", "NODEPOOL", "INSTANCE TYPE", "ZONE", "PRICE"],
        changes.map(([what, n]) => [what, nodeLabel(n), n.nodePool, n.instanceType, n.zone, formatHourly(n.price)]),
      ),
    );
  }
  if (diff.moved.length > 0)
    parts.push(
      renderTable(
        ["MOVED POD", "FROM", "TO"],
        diff.moved.map((m) => [m.pod, m.from, m.to]),
      ),
    );
  if (diff.becameUnschedulable.length > 0) {
    parts.push(
      renderTable(
        ["NEWLY UNSCHEDULABLE POD", "CODE", "REASON"],
        diff.becameUnschedulable.map((u) => [u.pod, u.code, u.message]),
      ),
    );
  }
  if (diff.becameSchedulable.length > 0)
    parts.push(
      renderTable(
        ["NEWLY SCHEDULED POD"],
        diff.becameSchedulable.map((p) => [p]),
      ),
    );
  return parts.join("\n");
}

function diffMarkdown(diff: ClusterDiff): string {
  const parts = ["### nodefit diff\n", `${headline(diff)}\n`];
  parts.push(markdownTable(["NodePool", "nodes", "hourly before", "hourly after", "delta", "monthly delta"], poolRows(diff)));
  const types = markdownTable(
    ["instance type", "before", "after"],
    diff.instanceTypes.map((t) => [code(t.instanceType), String(t.before), String(t.after)]),
  );
  if (types !== "") parts.push(types);
  if (diff.becameUnschedulable.length > 0) {
    parts.push(`**${diff.becameUnschedulable.length} pod${diff.becameUnschedulable.length === 1 ? "" : "s"} become unschedulable**\n`);
    parts.push(
      markdownTable(
        ["pod", "code", "reason"],
        diff.becameUnschedulable.map((u) => [code(u.pod), u.code, u.message]),
      ),
    );
  }
  if (diff.moved.length > 0) {
    parts.push(
      `<details><summary>${diff.moved.length} pod${diff.moved.length === 1 ? "" : "s"} move</summary>\n\n` +
        markdownTable(
          ["pod", "from", "to"],
          diff.moved.map((m) => [code(m.pod), m.from, m.to]),
        ) +
        "\n</details>\n",
    );
  }
  return parts.join("\n");
}

/**
 * Runs `nodefit diff`: schedules (and with `--consolidate` plans consolidation for) both inputs and prints
 * what changes between the clusters they lead to.
 *
 * @param command - the parsed command line
 * @param io - where output goes
 * @returns 0, or 3 with `--fail-on-unschedulable` when the `after` input leaves a pod unschedulable
 */
export async function runDiff(command: DiffCommand, io: CliIo): Promise<number> {
  const states: DiffState[] = [];
  for (const path of [command.before, command.after]) {
    const input = await loadInput([path], io, { provider: command.provider, aws: command.aws, strict: command.strict });
    const plan = command.consolidate ? planFor(input, command.now, {}, io) : undefined;
    states.push(diffStateOf(input, scheduleLoaded(input, io), plan));
  }
  const [before, after] = states as [DiffState, DiffState];
  const diff = diffClusters(before, after);
  switch (command.output) {
    case "json":
      io.stdout(`${toDiffJson(diff)}\n`);
      break;
    case "yaml":
      io.stdout(jsonToYaml(toDiffJson(diff)));
      break;
    case "markdown":
      io.stdout(diffMarkdown(diff));
      break;
    default:
      io.stdout(diffTable(diff));
  }
  return command.failOnUnschedulable && after.unschedulable.size > 0 ? EXIT_UNSCHEDULABLE : EXIT_OK;
}

// The consolidation benchmark: plans a seeded cluster to convergence in this process and prints one JSON
// line with its figures. `node --import tsx bench/consolidation.ts [nodes] [runs]`. The first plan is a
// warm-up and is checked (bench/consolidation-scenario.ts), so a fast wrong plan cannot pass.
// Where the time goes: each plan of the 1,000-node cluster runs schedule() 136 times (76 multi-node prefixes,
// 45 single-node candidates of the last pass, 15 in-flight runs for the pending pods), each over the whole
// cluster, so the plan's time is about 136 × one schedule() call over 1,000 nodes and 15,000 running pods.
import { planConsolidation, toConsolidationJson } from "nodefit";
import { checkPlan, consolidationCluster, NOW } from "./consolidation-scenario.js";

/** What one consolidation run reports. */
export interface ConsolidationFigures {
  readonly name: string;
  readonly nodes: number;
  readonly runsMs: readonly number[];
  readonly medianMs: number;
  /** CPU time (user + system) of each run: other processes disturb it far less than wall time. */
  readonly runsCpuMs: readonly number[];
  readonly medianCpuMs: number;
  readonly nodesPerSecond: number;
  readonly commands: number;
  readonly hourlyCostBefore: number;
  readonly hourlyCostAfter: number;
  readonly peakRssMb: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

function main(): void {
  const [sizeText = "1000", runsText = "3"] = process.argv.slice(2);
  const size = Number(sizeText);
  const runs = Number(runsText);
  const input = consolidationCluster(size);
  const first = planConsolidation(input, { now: NOW });
  checkPlan(input, first);
  const expected = toConsolidationJson(first);
  const runsMs: number[] = [];
  const runsCpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const plan = planConsolidation(input, { now: NOW });
    runsMs.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    runsCpuMs.push((used.user + used.system) / 1000);
    if (toConsolidationJson(plan) !== expected) throw new Error("the planner is not deterministic: a later run planned differently");
  }
  const medianMs = median(runsMs);
  const figures: ConsolidationFigures = {
    name: `consolidation to convergence, ${size} nodes, 4 NodePools`,
    nodes: size,
    runsMs: runsMs.map((t) => Math.round(t * 10) / 10),
    medianMs: Math.round(medianMs * 10) / 10,
    runsCpuMs: runsCpuMs.map((t) => Math.round(t * 10) / 10),
    medianCpuMs: Math.round(median(runsCpuMs) * 10) / 10,
    nodesPerSecond: Math.round((size * 1000) / medianMs),
    commands: first.commands.length,
    hourlyCostBefore: Math.round(first.summary.hourlyCostBefore * 10000) / 10000,
    hourlyCostAfter: Math.round(first.summary.hourlyCostAfter * 10000) / 10000,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

try {
  main();
} catch (error: unknown) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

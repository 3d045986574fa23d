// Planning only, for issue 13's mixed cluster (bench/cli-mixed.ts): the manifests are read once with
// `fromKubernetes` and the embedded AWS catalogue, then `planConsolidation` alone is timed, as the CLI calls it,
// so the planner's share of the CLI run is measured apart from reading and printing. Prints one JSON line.
// `node --import tsx bench/consolidation-mixed.ts [nodes] [runs]`.
import { planConsolidation, toConsolidationJson, type ConsolidationInput } from "nodefit";
import { fromKubernetes } from "nodefit/kubernetes";
import { loadAwsCatalog } from "../src/cli/aws-inputs.js";
import { consolidationInput } from "../src/cli/commands/consolidate.js";
import { mixedCluster } from "./cli-mixed.js";

const NOW = new Date("2026-03-02T12:00:00Z");

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * The planner's input for the mixed cluster, as the CLI builds it.
 *
 * @param size - nodes
 * @returns the input
 */
export async function mixedInput(size: number): Promise<ConsolidationInput> {
  const kubernetes = fromKubernetes(mixedCluster(size).map((object) => ({ object })));
  const catalog = await loadAwsCatalog(kubernetes, undefined, { stdout: () => undefined, stderr: () => undefined, interactive: false });
  return consolidationInput(kubernetes, catalog.instanceTypes);
}

async function main(): Promise<void> {
  const [sizeText = "1000", runsText = "3"] = process.argv.slice(2);
  const size = Number(sizeText);
  const input = await mixedInput(size);
  const runsMs: number[] = [];
  const runsCpuMs: number[] = [];
  let expected: string | undefined;
  let commands = 0;
  let summary = { hourlyCostBefore: 0, hourlyCostAfter: 0 };
  for (let i = 0; i < Number(runsText); i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const plan = planConsolidation(input, { now: NOW, spotToSpotConsolidation: false });
    runsMs.push(Math.round(performance.now() - start));
    const used = process.cpuUsage(cpu);
    runsCpuMs.push(Math.round((used.user + used.system) / 1000));
    const json = toConsolidationJson(plan);
    if (expected !== undefined && json !== expected) throw new Error("the planner is not deterministic: a later run planned differently");
    expected = json;
    commands = plan.commands.length;
    summary = plan.summary;
  }
  process.stdout.write(
    `${JSON.stringify({
      name: `planConsolidation, mixed ${size}-node cluster`,
      nodes: size,
      runsMs,
      runsCpuMs,
      medianCpuMs: median(runsCpuMs),
      commands,
      hourlyCostBefore: summary.hourlyCostBefore,
      hourlyCostAfter: summary.hourlyCostAfter,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

if (process.argv[1]?.endsWith("consolidation-mixed.ts")) await main();

// Runs one benchmark scenario in this process and prints one JSON line with its figures. The suite
// runner starts a fresh process per scenario so peak memory belongs to that scenario alone.
import { podRequests } from "nodefit";
import { lpLowerBound } from "./lower-bound.js";
import { awsScenario, existingClusterScenario, packingScenario, preferencesScenario, upstreamMixScenario, type Scenario } from "./scenarios.js";

/** What one scenario run reports. */
export interface BenchFigures {
  readonly name: string;
  readonly pods: number;
  readonly runsMs: readonly number[];
  readonly medianMs: number;
  readonly podsPerSecond: number;
  readonly nodeClaims: number;
  readonly hourlyCost: number;
  readonly peakRssMb: number;
  readonly lowerBound?: number;
}

function build(kind: string, size: number): Scenario {
  switch (kind) {
    case "mix":
      return upstreamMixScenario(size);
    case "preferences":
      return preferencesScenario(size);
    case "aws":
      return awsScenario(size);
    case "existing":
      return existingClusterScenario(size, 2 * size);
    case "packing-synthetic":
      return packingScenario(size, "synthetic");
    case "packing-aws":
      return packingScenario(size, "aws");
    default:
      throw new Error(`unknown benchmark "${kind}"`);
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function lowerBoundOf(scenario: Scenario, kind: string): Promise<number | undefined> {
  if (!kind.startsWith("packing")) return undefined;
  const demand = new Map<string, number>();
  for (const pod of scenario.podList) {
    for (const [resource, amount] of podRequests(pod.spec)) {
      if (resource === "cpu" || resource === "memory" || resource === "pods") demand.set(resource, (demand.get(resource) ?? 0) + amount);
    }
  }
  const types = scenario.catalog.map((t) => ({
    name: t.name,
    allocatable: t.allocatable,
    price: Math.min(...t.offerings.filter((o) => o.available && (kind !== "packing-aws" || o.capacityType === "on-demand")).map((o) => o.price)),
  }));
  return lpLowerBound(demand, types);
}

async function main(): Promise<void> {
  const [kind = "mix", sizeText = "1000", runsText = "3"] = process.argv.slice(2);
  const scenario = build(kind, Number(sizeText));
  const runs = Number(runsText);
  const first = scenario.run(); // warm-up, and the result we check
  scenario.check(first);
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    scenario.run();
    runsMs.push(performance.now() - start);
  }
  const medianMs = median(runsMs);
  const lowerBound = await lowerBoundOf(scenario, kind);
  const figures: BenchFigures = {
    name: scenario.name,
    pods: scenario.pods,
    runsMs: runsMs.map((t) => Math.round(t * 10) / 10),
    medianMs: Math.round(medianMs * 10) / 10,
    podsPerSecond: Math.round((scenario.pods * 1000) / medianMs),
    nodeClaims: first.nodeClaims.length,
    hourlyCost: Math.round(first.summary.newHourlyCost * 10000) / 10000,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...(lowerBound === undefined ? {} : { lowerBound: Math.round(lowerBound * 10000) / 10000 }),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

// Prints a hash of `toScheduleJson` for each benchmark scenario at a small size: a performance change
// must leave every hash unchanged (same input, byte-identical result). `node --import tsx bench/fingerprint.ts`.
import { createHash } from "node:crypto";
import { planConsolidation, toConsolidationJson, toScheduleJson } from "nodefit";
import { consolidationCluster, NOW } from "./consolidation-scenario.js";
import { awsScenario, existingClusterScenario, packingScenario, preferencesScenario, upstreamMixScenario, type Scenario } from "./scenarios.js";

const scenarios: readonly (() => Scenario)[] = [
  () => upstreamMixScenario(100),
  () => upstreamMixScenario(1500),
  () => preferencesScenario(300),
  () => awsScenario(600),
  () => existingClusterScenario(60, 300),
  () => packingScenario(300, "synthetic"),
  () => packingScenario(300, "aws"),
];
const only = process.argv[2];
for (const make of scenarios) {
  const scenario = make();
  if (only !== undefined && !scenario.name.includes(only)) continue;
  const json = toScheduleJson(scenario.run());
  const hash = createHash("sha256")
    .update(typeof json === "string" ? json : JSON.stringify(json))
    .digest("hex")
    .slice(0, 16);
  process.stdout.write(`${hash}  ${scenario.name}\n`);
}

// Consolidation plans over the benchmark's cluster at small sizes, two seeds each.
for (const [size, seed] of [
  [40, 11],
  [40, 5],
  [120, 11],
  [120, 7],
] as const) {
  const name = `consolidation ${size} nodes seed ${seed}`;
  if (only !== undefined && !name.includes(only)) continue;
  const json = toConsolidationJson(planConsolidation(consolidationCluster(size, seed), { now: NOW }));
  const hash = createHash("sha256")
    .update(typeof json === "string" ? json : JSON.stringify(json))
    .digest("hex")
    .slice(0, 16);
  process.stdout.write(`${hash}  ${name}\n`);
}

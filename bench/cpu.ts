// Quick comparison on a busy machine: CPU time (user + system) of each run of one scenario, which other
// processes disturb far less than wall time. `node --import tsx bench/cpu.ts mix 5000 5`.
import { awsScenario, existingClusterScenario, preferencesScenario, upstreamMixScenario, type Scenario } from "./scenarios.js";

const [kind = "mix", sizeText = "1000", runsText = "5"] = process.argv.slice(2);
const size = Number(sizeText);
const make: Record<string, () => Scenario> = {
  mix: () => upstreamMixScenario(size),
  preferences: () => preferencesScenario(size),
  aws: () => awsScenario(size),
  existing: () => existingClusterScenario(size, 2 * size),
};
const build = make[kind];
if (build === undefined) throw new Error(`unknown scenario ${kind}`);
const scenario = build();
scenario.check(scenario.run());
const cpu: number[] = [];
for (let i = 0; i < Number(runsText); i++) {
  const before = process.cpuUsage();
  scenario.run();
  const used = process.cpuUsage(before);
  cpu.push(Math.round((used.user + used.system) / 100) / 10);
}
const sorted = [...cpu].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
process.stdout.write(`${scenario.name}: cpu ms ${cpu.join(" ")} | median ${median} ms, ${Math.round((scenario.pods * 1000) / median)} pods/cpu-s\n`);

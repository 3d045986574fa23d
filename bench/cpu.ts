// Quick comparison on a busy machine: CPU time (user + system) of each run of one scenario, which other
// processes disturb far less than wall time. `node --import tsx bench/cpu.ts mix 5000 5`.
// `bench/cpu.ts growth 5000 3`: the mix at 5,000 and at 20,000 pods (four times the size) alternating in one
// process, two small runs per large one, and t(large)/t(small) from the medians (issue 16's growth figure).
import { awsScenario, existingClusterScenario, preferencesScenario, upstreamMixScenario, type Scenario } from "./scenarios.js";

const [kind = "mix", sizeText = "1000", runsText = "5"] = process.argv.slice(2);
const size = Number(sizeText);

function cpuOf(scenario: Scenario): number {
  const before = process.cpuUsage();
  scenario.run();
  const used = process.cpuUsage(before);
  return Math.round((used.user + used.system) / 100) / 10;
}

function median(cpu: readonly number[]): number {
  return [...cpu].sort((a, b) => a - b)[Math.floor(cpu.length / 2)] ?? 0;
}

function report(scenario: Scenario, cpu: readonly number[]): number {
  const m = median(cpu);
  process.stdout.write(`${scenario.name}: cpu ms ${cpu.join(" ")} | median ${m} ms, ${Math.round((scenario.pods * 1000) / m)} pods/cpu-s\n`);
  return m;
}

if (kind === "growth") {
  const small = upstreamMixScenario(size);
  const large = upstreamMixScenario(4 * size);
  small.check(small.run());
  large.check(large.run());
  const smallCpu: number[] = [];
  const largeCpu: number[] = [];
  for (let i = 0; i < Number(runsText); i++) {
    smallCpu.push(cpuOf(small), cpuOf(small));
    largeCpu.push(cpuOf(large));
  }
  const ratio = report(large, largeCpu) / report(small, smallCpu);
  process.stdout.write(`growth t(${4 * size})/t(${size}) = ${ratio.toFixed(2)} (linear is 4)\n`);
} else {
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
  for (let i = 0; i < Number(runsText); i++) cpu.push(cpuOf(scenario));
  report(scenario, cpu);
}

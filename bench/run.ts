// `npm run bench`: the benchmark suite. Each scenario runs in a fresh Node process (so peak memory is its
// own), prints its figures, and the runner prints a table. `--quick` runs small sizes (CI checks
// validity with it, never speed); `--cpu-prof` writes a CPU profile per scenario into bench/profiles;
// `--record` appends the table to bench/RESULTS.md with the machine and date.
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdirSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import type { BenchFigures } from "./one.js";
import type { OnePodFigures } from "./one-pod.js";

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const profile = args.has("--cpu-prof");
const only = process.argv
  .slice(2)
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length);

const FULL: readonly [string, number, number][] = [
  ["mix", 100, 9],
  ["mix", 1000, 7],
  ["mix", 5000, 5],
  ["mix", 10000, 3],
  ["mix", 20000, 3],
  ["preferences", 4000, 3],
  ["aws", 5000, 3],
  ["existing", 1000, 5],
  ["packing-synthetic", 2000, 3],
  ["packing-aws", 2000, 3],
  ["consolidation", 1000, 3],
  ["one-pod", 1000, 300],
  ["cli-mixed", 1000, 3],
  ["cli", 5000, 3],
  ["cli", 20000, 1],
];
const QUICK: readonly [string, number, number][] = [
  ["mix", 100, 1],
  ["mix", 500, 1],
  ["preferences", 200, 1],
  ["aws", 200, 1],
  ["existing", 50, 1],
  ["packing-synthetic", 200, 1],
  ["packing-aws", 200, 1],
  ["consolidation", 50, 1],
  ["one-pod", 50, 12],
  ["cli-mixed", 60, 1],
  ["cli", 200, 1],
];

const root = new URL("../", import.meta.url);
const rows: BenchFigures[] = [];
/** Consolidation reports nodes, commands and costs: its own line, and its own table row. */
interface ConsolidationFigures {
  readonly name: string;
  readonly nodes: number;
  readonly runsMs: readonly number[];
  readonly medianMs: number;
  readonly medianCpuMs?: number;
  readonly commands: number;
  readonly hourlyCostBefore: number;
  readonly hourlyCostAfter: number;
  readonly peakRssMb: number;
  /** cli-mixed: the peak of the timing process (TypeScript loader, every run), beside the built CLI's own. */
  readonly inProcessPeakRssMb?: number;
}
const consolidationRows: ConsolidationFigures[] = [];
/** The built CLI end to end (bench/cli.ts): CPU beyond start-up, start-up, peak RSS. */
interface CliFigures {
  readonly name: string;
  readonly medianMs: number;
  readonly startupMedianMs: number;
  readonly podsPerSecond: number;
  readonly peakRssMb: number;
}
const cliRows: CliFigures[] = [];
/** One new pending pod against a built live Cluster (bench/one-pod.ts): per-answer medians. */
const onePodRows: OnePodFigures[] = [];

/** cli-mixed's peak is the built CLI's in a fresh process; the timing process's own follows it. */
function inProcess(c: ConsolidationFigures): string {
  return c.inProcessPeakRssMb === undefined ? "" : ` (built CLI, one run; in-process ${c.inProcessPeakRssMb} MB)`;
}

/** Runs a benchmark script in a fresh process and reads the JSON figures on its last line. */
function lastLine<T>(script: string, size: number, runs: number): T {
  const out = execFileSync(process.execPath, ["--import", "tsx", script, String(size), String(runs)], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").pop() ?? "{}") as T;
}

for (const [kind, size, runs] of quick ? QUICK : FULL) {
  if (only !== undefined && kind !== only) continue;
  if (kind === "consolidation" || kind === "cli-mixed") {
    // cli-mixed: issue 13's mixed cluster planned by the CLI end to end (reading, planning, printing).
    const c = lastLine<ConsolidationFigures>(`bench/${kind}.ts`, size, runs);
    consolidationRows.push(c);
    process.stdout.write(
      `${c.name}: median ${c.medianMs} ms of ${c.runsMs.length} (CPU ${c.medianCpuMs ?? "?"} ms), ${c.commands} commands, $${c.hourlyCostBefore}/h → $${c.hourlyCostAfter}/h, peak RSS ${c.peakRssMb} MB${inProcess(c)}\n`,
    );
    continue;
  }
  if (kind === "one-pod") {
    // The second number is how many answers are timed, not runs.
    const o = lastLine<OnePodFigures>("bench/one-pod.ts", size, runs);
    onePodRows.push(o);
    process.stdout.write(
      `${o.name}: median ${o.medianMs} ms per answer (CPU ${o.medianCpuMs} ms, p90 ${o.p90Ms} ms, schedule() alone ${o.scheduleMedianMs} ms) of ${o.answers}, built in ${o.buildMs} ms, peak RSS ${o.peakRssMb} MB\n`,
    );
    continue;
  }
  if (kind === "cli") {
    const c = lastLine<CliFigures>("bench/cli.ts", size, runs);
    cliRows.push(c);
    process.stdout.write(
      `${c.name}: ${c.podsPerSecond} pods/s beyond start-up (median ${c.medianMs} ms CPU), start-up ${c.startupMedianMs} ms CPU, peak RSS ${c.peakRssMb} MB\n`,
    );
    continue;
  }
  const nodeArgs = ["--import", "tsx", ...(profile ? ["--cpu-prof", "--cpu-prof-dir=bench/profiles"] : []), "bench/one.ts", kind, String(size), String(runs)];
  if (profile) mkdirSync(new URL("bench/profiles", root), { recursive: true });
  const out = execFileSync(process.execPath, nodeArgs, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const figures = JSON.parse(out.trim().split("\n").pop() ?? "{}") as BenchFigures;
  rows.push(figures);
  const bound = figures.lowerBound === undefined ? "" : `, LP bound $${figures.lowerBound} (×${(figures.hourlyCost / figures.lowerBound).toFixed(3)})`;
  process.stdout.write(
    `${figures.name}: ${figures.podsPerSecond} pods/s (median ${figures.medianMs} ms of ${figures.runsMs.length}), ` +
      `${figures.nodeClaims} node claims, $${figures.hourlyCost}/h${bound}, peak RSS ${figures.peakRssMb} MB\n`,
  );
}

if (args.has("--record")) {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const header = `\n## ${new Date().toISOString().slice(0, 10)}: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}${quick ? " (quick)" : ""}\n\n`;
  const table = [
    "| benchmark | pods/s (median) | median ms | runs | node claims | $/h | LP bound | peak RSS MB |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.podsPerSecond} | ${r.medianMs} | ${r.runsMs.length} | ${r.nodeClaims} | ${r.hourlyCost} | ${r.lowerBound ?? ""} | ${r.peakRssMb} |`,
    ),
  ].join("\n");
  const consolidation = consolidationRows
    .map(
      (c) =>
        `\n| ${c.name} | median ${c.medianMs} ms, CPU ${c.medianCpuMs ?? "?"} ms (${c.runsMs.length} runs) | ${c.commands} commands | $${c.hourlyCostBefore}/h → $${c.hourlyCostAfter}/h | peak RSS ${c.peakRssMb} MB${inProcess(c)} |`,
    )
    .join("");
  const onePod = onePodRows
    .map((o) => `\n| ${o.name} | ${o.medianMs} ms (CPU ${o.medianCpuMs} ms) | ${o.p90Ms} ms | ${o.answers} | ${o.buildMs} ms | ${o.peakRssMb} MB |`)
    .join("");
  const cli = cliRows.map((c) => `\n| ${c.name} | ${c.podsPerSecond} | ${c.medianMs} ms CPU | ${c.startupMedianMs} ms CPU | ${c.peakRssMb} MB |`).join("");
  appendFileSync(
    new URL("bench/RESULTS.md", root),
    `${header}${table}\n${consolidation ? `\n| consolidation | time | commands | cost | memory |\n|---|---|---|---|---|${consolidation}\n` : ""}` +
      `${onePod ? `\n| live Cluster, one new pod | median per answer | p90 | answers | build | peak RSS |\n|---|---|---|---|---|---|${onePod}\n` : ""}` +
      `${cli ? `\n| CLI (built, fresh process) | pods/s beyond start-up | run | start-up | peak RSS |\n|---|---|---|---|---|${cli}\n` : ""}`,
  );
}

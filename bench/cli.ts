// The CLI end to end, as a user runs it: the built `nodefit` (dist/, as installed) in a fresh process per
// run, on upstream's benchmark mix written as manifests (the 400-type catalogue as one JSON
// InstanceTypeCatalog, the NodePool and pods as multi-document YAML), `schedule --output json`.
// Figures are the child's own CPU time and peak RSS (read by a preloaded hook at exit); start-up is
// `nodefit --version` from a copy laid out as the installed package (bin/ and dist/, no sources), and
// pods/s is counted beyond it: pods / (run CPU − start-up CPU). Prints one JSON line.
// `node --import tsx bench/cli.ts [pods] [runs]` (needs `npm run build`).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { syntheticInstanceTypes } from "nodefit/testing";
import { stringify } from "yaml";
import { catalogDocumentEntry } from "../src/cli/commands/catalog.js";
import { benchNodePool, upstreamMix } from "./workloads.js";

// NODEFIT_BENCH_ROOT: another checkout's build to compare against (the same manifests, the same minutes).
const root = process.env["NODEFIT_BENCH_ROOT"] ?? fileURLToPath(new URL("../", import.meta.url));

/** Writes the benchmark's manifests into `dir`: catalogue.json and workload.yaml. */
export function writeBenchManifests(dir: string, pods: number): void {
  const catalogue = {
    apiVersion: "nodefit.dev/v1alpha1",
    kind: "InstanceTypeCatalog",
    metadata: { name: "bench" },
    instanceTypes: syntheticInstanceTypes(400).map(catalogDocumentEntry),
  };
  writeFileSync(join(dir, "catalogue.json"), JSON.stringify(catalogue, null, 2));
  const docs = [
    { apiVersion: "karpenter.sh/v1", kind: "NodePool", ...benchNodePool() },
    ...upstreamMix(pods).map((pod) => ({ apiVersion: "v1", kind: "Pod", ...pod })),
  ];
  writeFileSync(join(dir, "workload.yaml"), docs.map((d) => stringify(d, { lineWidth: 0, aliasDuplicateObjects: false })).join("---\n"));
}

const HOOK = `process.on("exit", () => { const u = process.cpuUsage(); require("node:fs").writeFileSync(process.env.NODEFIT_BENCH_USAGE, JSON.stringify({ cpuMs: (u.user + u.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 })); });`;

interface Usage {
  readonly cpuMs: number;
  readonly peakRssMb: number;
}

/** Runs the installed-layout `nodefit` with `args` in a fresh process; its CPU time and peak RSS. */
function runCli(installed: string, hook: string, usageFile: string, args: readonly string[]): Usage {
  execFileSync(process.execPath, ["--require", hook, join(installed, "bin/nodefit.js"), ...args], {
    env: { ...process.env, NODEFIT_BENCH_USAGE: usageFile },
    stdio: ["ignore", "ignore", "inherit"],
    maxBuffer: 2 ** 30,
  });
  return JSON.parse(readFileSync(usageFile, "utf8")) as Usage;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function main(): Promise<void> {
  const [sizeText = "5000", runsText = "3"] = process.argv.slice(2);
  const pods = Number(sizeText);
  const runs = Number(runsText);
  const dir = mkdtempSync(join(tmpdir(), "nodefit-cli-bench-"));
  try {
    // The installed layout: bin/ and dist/ without src/, so bin/nodefit.js runs the build.
    const installed = join(dir, "package");
    for (const part of ["bin", "dist", "package.json"]) cpSync(join(root, part), join(installed, part), { recursive: true });
    symlinkSync(join(root, "node_modules"), join(installed, "node_modules"));
    const hook = join(dir, "usage.cjs");
    writeFileSync(hook, HOOK);
    const usageFile = join(dir, "usage.json");
    const manifests = join(dir, "manifests");
    mkdirSync(manifests);
    writeBenchManifests(manifests, pods);
    const startCpu: number[] = [];
    const runCpu: number[] = [];
    const rss: number[] = [];
    // Alternated, so a burst of load on the shared machine hits both.
    for (let i = 0; i < runs; i++) {
      startCpu.push(runCli(installed, hook, usageFile, ["--version"]).cpuMs);
      const usage = runCli(installed, hook, usageFile, ["schedule", manifests, "--output", "json"]);
      runCpu.push(usage.cpuMs);
      rss.push(usage.peakRssMb);
    }
    const startMs = median(startCpu);
    const medianMs = median(runCpu);
    process.stdout.write(
      `${JSON.stringify({
        name: `CLI schedule, upstream mix, ${pods} pods (JSON catalogue + YAML)`,
        pods,
        startupCpuMs: startCpu.map(Math.round),
        runCpuMs: runCpu.map(Math.round),
        medianMs: Math.round(medianMs),
        startupMedianMs: Math.round(startMs),
        podsPerSecond: Math.round(pods / ((medianMs - startMs) / 1000)),
        peakRssMb: Math.round(Math.max(...rss)),
      })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("cli.ts")) await main();

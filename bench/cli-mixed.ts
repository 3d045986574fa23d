// Issue 13's user-shaped cluster, planned by the CLI end to end: 1,000 nodes of mixed m5 sizes in 3 zones,
// 5–25 pods each filling 15–65% of the node's CPU, 200 apps, a DaemonSet, on the embedded AWS catalogue.
// The manifests are written to a temporary folder as JSON and `nodefit consolidate <folder>` runs in this
// process (reading, validating, planning and printing JSON). Prints one JSON line of figures; the plan is
// checked first ({@link checkMixedPlan}), so a fast wrong plan cannot pass.
// Times are the median of the in-process runs (the first one cold). Peak RSS is that of one run of the built
// CLI (dist/, needs `npm run build`) in a fresh process, as a user runs it: the bench's own documents, the
// garbage of earlier runs and the TypeScript loader of this process are not the CLI's memory (that process's
// own peak is reported too, as `inProcessPeakRssMb`).
// `node --import tsx bench/cli-mixed.ts [nodes] [runs]`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { resourceListToRecord, type InstanceType } from "nodefit";
import { defaultAwsCatalog } from "nodefit/aws";
import { run } from "../src/cli/main.js";
import { seededRandom } from "./workloads.js";

const NOW = "2026-03-02T12:00:00Z";
const LONG_AGO = "2026-02-01T00:00:00Z";
const TYPES = ["m5.large", "m5.xlarge", "m5.2xlarge", "m5.4xlarge"] as const;
const ZONES = ["us-east-1a", "us-east-1b", "us-east-1c"] as const;

/** The manifests of the mixed cluster, as plain objects. */
export function mixedCluster(size: number, seed = 3): unknown[] {
  const rand = seededRandom(seed);
  const catalogue = new Map<string, InstanceType>(defaultAwsCatalog().map((t) => [t.name, t]));
  const docs: unknown[] = [
    {
      apiVersion: "karpenter.sh/v1",
      kind: "NodePool",
      metadata: { name: "default" },
      spec: {
        template: {
          spec: {
            requirements: [
              { key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand"] },
              { key: "karpenter.k8s.aws/instance-family", operator: "In", values: ["m5"] },
            ],
          },
        },
        disruption: { consolidationPolicy: "WhenEmptyOrUnderutilized", consolidateAfter: "0s", budgets: [{ nodes: "10%" }] },
      },
    },
    {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name: "node-agent", namespace: "kube-system" },
      spec: {
        template: {
          metadata: { labels: { app: "node-agent" } },
          spec: { containers: [{ name: "agent", resources: { requests: { cpu: "100m", memory: "128Mi" } } }] },
        },
      },
    },
  ];
  let podIndex = 0;
  for (let i = 0; i < size; i++) {
    const typeName = TYPES[Math.floor(rand() * TYPES.length)] as string;
    const type = catalogue.get(typeName) as InstanceType;
    const name = `node-${String(i).padStart(4, "0")}`;
    const zone = ZONES[i % ZONES.length] as string;
    docs.push({
      apiVersion: "v1",
      kind: "Node",
      metadata: {
        name,
        creationTimestamp: LONG_AGO,
        labels: {
          "kubernetes.io/hostname": name,
          "topology.kubernetes.io/zone": zone,
          "node.kubernetes.io/instance-type": typeName,
          "karpenter.k8s.aws/instance-family": "m5",
          "karpenter.sh/capacity-type": "on-demand",
          "karpenter.sh/nodepool": "default",
          "karpenter.sh/initialized": "true",
          "kubernetes.io/arch": "amd64",
          "kubernetes.io/os": "linux",
        },
      },
      status: {
        allocatable: resourceListToRecord(type.allocatable),
        capacity: resourceListToRecord(type.capacity),
        conditions: [{ type: "Ready", status: "True" }],
      },
    });
    docs.push({
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: `node-agent-${name}`,
        namespace: "kube-system",
        labels: { app: "node-agent" },
        ownerReferences: [{ kind: "DaemonSet", name: "node-agent", controller: true }],
      },
      spec: { nodeName: name, containers: [{ name: "agent", resources: { requests: { cpu: "100m", memory: "128Mi" } } }] },
      status: { phase: "Running" },
    });
    const pods = 5 + Math.floor(rand() * 21);
    const fill = 0.15 + rand() * 0.5;
    const cpu = (type.allocatable.get("cpu") ?? 0) - 100;
    const memory = (type.allocatable.get("memory") ?? 0) - 128 * 2 ** 20;
    const podCpu = Math.max(10, Math.floor((cpu * fill) / pods / 10) * 10);
    const podMemMi = Math.max(16, Math.floor((memory * fill) / pods / 2 ** 20));
    for (let j = 0; j < pods; j++) {
      const app = `app-${Math.floor(rand() * 200)}`;
      const podName = `${app}-${String(podIndex++).padStart(6, "0")}`;
      docs.push({
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          name: podName,
          namespace: "default",
          labels: { app },
          creationTimestamp: LONG_AGO,
          ownerReferences: [{ kind: "ReplicaSet", name: `${app}-rs`, controller: true }],
        },
        spec: { nodeName: name, containers: [{ name: "app", resources: { requests: { cpu: `${podCpu}m`, memory: `${podMemMi}Mi` } } }] },
        status: { phase: "Running" },
      });
    }
  }
  return docs;
}

/** The parts of `nodefit consolidate --output json` the check reads. */
interface PlanJson {
  readonly commands: readonly {
    readonly candidates: readonly string[];
    readonly replacements: readonly { readonly name: string }[];
    readonly reschedules: readonly { readonly pod: string; readonly to: string }[];
    readonly savings: number;
  }[];
  readonly summary: { readonly hourlyCostBefore: number; readonly hourlyCostAfter: number };
}

/**
 * Throws unless the plan is sound: every pod a command moves (each pod of its candidates but the DaemonSet's)
 * has a target that still exists (a node no command deleted before, or one of the command's replacements),
 * every command saves money and the cost never rises.
 *
 * @param docs - the manifests (from {@link mixedCluster})
 * @param plan - the parsed JSON plan
 */
export function checkMixedPlan(docs: readonly unknown[], plan: PlanJson): void {
  const podsOn = new Map<string, string[]>();
  for (const doc of docs as {
    kind: string;
    metadata: { name: string; namespace?: string; ownerReferences?: { kind: string }[] };
    spec?: { nodeName?: string };
  }[]) {
    if (doc.kind !== "Pod" || doc.metadata.ownerReferences?.some((o) => o.kind === "DaemonSet")) continue;
    const on = doc.spec?.nodeName ?? "";
    podsOn.set(on, [...(podsOn.get(on) ?? []), `${doc.metadata.namespace ?? "default"}/${doc.metadata.name}`]);
  }
  const nodes = new Set(docs.flatMap((d) => ((d as { kind: string }).kind === "Node" ? [(d as { metadata: { name: string } }).metadata.name] : [])));
  for (const c of plan.commands) {
    for (const r of c.replacements) nodes.add(r.name);
    const to = new Map(c.reschedules.map((r) => [r.pod, r.to]));
    for (const candidate of c.candidates) {
      for (const pod of podsOn.get(candidate) ?? []) {
        const target = to.get(pod);
        if (target === undefined) throw new Error(`pod ${pod} of ${candidate} is moved nowhere`);
        if (!nodes.has(target) || c.candidates.includes(target)) throw new Error(`pod ${pod} moves to ${target}, which does not exist then`);
        podsOn.set(target, [...(podsOn.get(target) ?? []), pod]);
      }
      nodes.delete(candidate);
    }
    if (!(c.savings > 0)) throw new Error(`command on ${c.candidates.join(",")} does not save (${c.savings})`);
  }
  if (plan.summary.hourlyCostAfter > plan.summary.hourlyCostBefore + 1e-9)
    throw new Error(`cost rises: ${plan.summary.hourlyCostBefore} → ${plan.summary.hourlyCostAfter}`);
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const NOW_ARGS = ["--now", NOW, "--output", "json"] as const;

/** One `nodefit consolidate` of `dir` in this process: its plan text, wall and CPU milliseconds. */
async function consolidateOnce(dir: string): Promise<{ readonly out: string; readonly wallMs: number; readonly cpuMs: number }> {
  let out = "";
  const start = performance.now();
  const before = process.cpuUsage();
  const status = await run(["consolidate", dir, ...NOW_ARGS], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    interactive: false,
  });
  const used = process.cpuUsage(before);
  if (status !== 0) throw new Error(`nodefit consolidate exited ${status}`);
  return { out, wallMs: Math.round(performance.now() - start), cpuMs: Math.round((used.user + used.system) / 1000) };
}

/** Reports the child's peak RSS at exit (as bench/cli.ts reads it). */
const HOOK = `process.on("exit", () => { require("node:fs").writeFileSync(process.env.NODEFIT_BENCH_USAGE, String(process.resourceUsage().maxRSS / 1024)); });`;

/**
 * A single run of the built CLI (dist/, as installed: no TypeScript loader) in a fresh process: its peak RSS in MB.
 * Needs `npm run build` (`npm run bench` builds first).
 */
function peakRssOfOneRun(dir: string): number {
  const main = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
  if (!existsSync(main)) throw new Error("bench/cli-mixed.ts measures the built CLI's memory: run `npm run build` first");
  const hook = join(dir, "usage-hook.cjs");
  const usage = join(dir, "usage.txt");
  writeFileSync(hook, HOOK);
  execFileSync(process.execPath, ["--require", hook, main, "consolidate", join(dir, "cluster.json"), ...NOW_ARGS], {
    env: { ...process.env, NODEFIT_BENCH_USAGE: usage },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return Math.round(Number(readFileSync(usage, "utf8")));
}

async function main(): Promise<void> {
  const [sizeText = "1000", runsText = "1"] = process.argv.slice(2);
  const dir = mkdtempSync(join(tmpdir(), "nodefit-mixed-"));
  try {
    // Written, then let go: the runs below hold no copy of the manifests (the check makes them again).
    let pods = 0;
    {
      const docs = mixedCluster(Number(sizeText));
      writeFileSync(join(dir, "cluster.json"), JSON.stringify({ apiVersion: "v1", kind: "List", items: docs }));
      pods = docs.filter((d) => (d as { kind: string }).kind === "Pod").length;
    }
    const wall: number[] = [];
    const cpu: number[] = [];
    let out = "";
    for (let i = 0; i < Number(runsText); i++) {
      const once = await consolidateOnce(dir);
      out = once.out;
      wall.push(once.wallMs);
      cpu.push(once.cpuMs);
    }
    const plan = JSON.parse(out) as PlanJson;
    checkMixedPlan(mixedCluster(Number(sizeText)), plan);
    if (process.env.NODEFIT_BENCH_PLAN_OUT !== undefined) writeFileSync(process.env.NODEFIT_BENCH_PLAN_OUT, out);
    const peakRssMb = peakRssOfOneRun(dir);
    process.stdout.write(
      `${JSON.stringify({
        name: `CLI consolidate, mixed ${sizeText}-node cluster`,
        nodes: Number(sizeText),
        pods,
        runsMs: wall,
        medianMs: median(wall),
        runsCpuMs: cpu,
        medianCpuMs: median(cpu),
        commands: plan.commands.length,
        hourlyCostBefore: plan.summary.hourlyCostBefore,
        hourlyCostAfter: plan.summary.hourlyCostAfter,
        peakRssMb,
        inProcessPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("cli-mixed.ts")) await main();

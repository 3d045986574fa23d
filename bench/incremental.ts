// Issue 13's incremental figure: one new pending pod against a 1,000-node Cluster that is already built (the
// benchmark's consolidation cluster, 15,000 running pods): the time of `cluster.schedule()` after an ADDED
// Pod event, wall and CPU, median of the runs. `node --import tsx bench/incremental.ts [nodes] [runs]`.
import { Cluster, type Pod } from "nodefit";
import { consolidationCluster } from "./consolidation-scenario.js";

const [sizeText = "1000", runsText = "20"] = process.argv.slice(2);
const input = consolidationCluster(Number(sizeText));
const buildStart = performance.now();
const cluster = Cluster.fromSnapshot(input, input.instanceTypes);
cluster.schedule();
const buildMs = performance.now() - buildStart;
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < Number(runsText); i++) {
  const pod: Pod = {
    metadata: { name: `incoming-${i}`, namespace: "default", uid: `incoming-${i}`, labels: { app: "incoming" } },
    spec: { containers: [{ name: "app", resources: { requests: { cpu: "500m", memory: "512Mi" } } }] },
  };
  cluster.apply({ type: "ADDED", kind: "Pod", object: pod });
  const start = performance.now();
  const before = process.cpuUsage();
  const result = cluster.schedule();
  const used = process.cpuUsage(before);
  wall.push(performance.now() - start);
  cpu.push((used.user + used.system) / 1000);
  if (result.unschedulable.some((u) => u.pod === `default/incoming-${i}`)) throw new Error("the new pod did not schedule");
  cluster.apply({ type: "DELETED", kind: "Pod", object: pod });
}
const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
process.stdout.write(
  `${JSON.stringify({ name: `one new pending pod against a built ${sizeText}-node cluster`, buildMs: Math.round(buildMs), medianWallMs: Math.round(median(wall) * 10) / 10, medianCpuMs: Math.round(median(cpu) * 10) / 10, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);

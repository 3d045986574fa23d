/**
 * Done when: `nodefit schedule` and `nodefit consolidate` on a full cluster dump agree exactly with the same dump
 * without its controllers, and accept third-party kinds. Checked through the CLI on a generated dump in a temp file.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { runCli } from "../cli/run-cli.js";
import { renderSnapshot, withoutControllers, type SnapshotSpec } from "./snapshot.js";

/** One dump with every feature of the generator: a rollout in progress, pending, preempting and DaemonSet pods... */
const SPEC: SnapshotSpec = {
  seed: 20260301,
  nodes: [
    { type: "m5.xlarge", zone: "us-east-1a", capacityType: "on-demand", ageHours: 300 },
    { type: "c5.large", zone: "us-east-1b", capacityType: "spot", ageHours: 30 },
    { type: "m5.large", zone: "us-east-1c", capacityType: "on-demand", ageHours: 3 },
  ],
  deployments: [
    {
      namespace: 0,
      cpuMilli: 500,
      memoryMi: 512,
      current: [{ node: 0 }, { node: 1 }, "pending", "preempting"],
      previous: [{ node: 2 }],
      oldAtZero: 2,
      terminating: true,
      spread: true,
    },
    { namespace: 1, cpuMilli: 1500, memoryMi: 2048, current: ["pending", "pending-unseen"], previous: [], oldAtZero: 1, terminating: false, spread: false },
    { namespace: 2, cpuMilli: 100, memoryMi: 128, current: [{ node: 2 }], previous: [], oldAtZero: 0, terminating: false, spread: false },
  ],
  statefulSets: [[{ node: 0 }, "pending", { node: 1 }]],
  jobs: [
    { succeeded: 2, failed: 1, running: [{ node: 1 }, "pending"], extraCompletions: 2, cronJob: true },
    { succeeded: 1, failed: 0, running: [], extraCompletions: 0, cronJob: false },
  ],
  daemonSets: [{ cpuMilli: 100, pendingPod: true }],
  mirrorPods: true,
  pdb: true,
  thirdParty: ["Certificate", "Rollout", "KWOKNodeClass", "ServiceMonitor"],
};

const dir = mkdtempSync(join(tmpdir(), "nodefit-snapshot-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const snapshot = renderSnapshot(SPEC);
const full = join(dir, "dump.yaml");
const bare = join(dir, "pods-only.yaml");
writeFileSync(full, stringify(snapshot));
writeFileSync(bare, stringify(withoutControllers(snapshot)));

describe("nodefit on a kubectl dump", () => {
  it("schedule: the full dump and the dump without controllers give the same JSON", async () => {
    const a = await runCli("schedule", full, "-o", "json");
    const b = await runCli("schedule", bare, "-o", "json");
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const json = JSON.parse(a.stdout) as {
      nodeClaims: { pods: string[] }[];
      existingNodes: { pods: string[] }[];
      unschedulable: { pod: string }[];
      summary: { pods: number };
    };
    const placed = [...json.nodeClaims.flatMap((c) => c.pods), ...json.existingNodes.flatMap((n) => n.pods), ...json.unschedulable.map((u) => u.pod)].sort();
    // web: one Unschedulable pod (the preempting one is the kube-scheduler's); api: both pods (one not yet seen by
    // the kube-scheduler); db-1; the running Job's pending pod. No DaemonSet or mirror pod, nothing added by a controller.
    expect(placed).toHaveLength(json.summary.pods);
    expect(placed.map((p) => p.replace(/-[a-z0-9]{10}-[a-z0-9]{5}$|-[0-9]+-[0-9]+-[a-z0-9]{5}$/, "-*"))).toEqual([
      "default/api-*",
      "default/api-*",
      "default/report-*",
      "payments/db-1",
      "shop/web-*",
    ]);
  });

  it("consolidate: the same plan, byte for byte", async () => {
    const a = await runCli("consolidate", full, "-o", "json", "--now", "2026-03-01T00:00:00Z");
    const b = await runCli("consolidate", bare, "-o", "json", "--now", "2026-03-01T00:00:00Z");
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect((JSON.parse(a.stdout) as { summary: { nodes: number } }).summary.nodes).toBe(3);
  });

  it("counts third-party kinds with the skipped ones", async () => {
    const { stderr } = await runCli("schedule", full, "-o", "json");
    const line = stderr.split("\n").find((l) => l.startsWith("nodefit: skipped documents that do not affect scheduling: ")) ?? "";
    for (const count of ["1 Certificate", "3 ConfigMap", "1 CronJob", "1 KWOKNodeClass", "1 Rollout", "3 Service", "1 ServiceMonitor"])
      expect(line).toContain(count);
  });

  it("--strict refuses the third-party kinds, naming each", async () => {
    const { status, stdout, stderr } = await runCli("schedule", full, "-o", "json", "--strict");
    expect(status).toBe(1);
    expect(stdout).toBe("");
    for (const kind of ["Certificate", "KWOKNodeClass", "Rollout", "ServiceMonitor"]) expect(stderr).toContain(`kind: unknown kind "${kind}"`);
    expect(stderr).not.toContain("ConfigMap");
  });
});

/**
 * The pods in a snapshot are the truth; controllers only say what is still missing. Over random realistic
 * snapshots (test/snapshots/snapshot.ts): adding the controllers of pods already in the input changes neither the
 * schedule nor the consolidation plan, byte for byte.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { planConsolidation, schedule, toConsolidationJson, toScheduleJson, type InstanceType } from "nodefit";
import { fromKubernetes, parseManifests, type KubernetesInput } from "nodefit/kubernetes";
import { stringify } from "yaml";
import { awsCatalog, renderSnapshot, snapshotSpec, withoutControllers } from "./snapshot.js";

const NOW = new Date("2026-03-01T00:00:00Z");

/**
 * planConsolidation's input from fromKubernetes' output. The one place to change when both verbs take the
 * same input shape.
 */
function consolidationInput(result: KubernetesInput, instanceTypes: readonly InstanceType[]): Parameters<typeof planConsolidation>[0] {
  const { nodes, nodeClaims, nodePools, daemonSets, podDisruptionBudgets } = result;
  return { nodes, nodeClaims, nodePools, daemonSets, podDisruptionBudgets, pods: [...result.pods, ...result.boundPods], instanceTypes };
}

/** Both answers for one snapshot, read back from its YAML as kubectl would have written it. */
function answers(list: Record<string, unknown>): { readonly input: KubernetesInput; readonly schedule: string; readonly plan: string } {
  const input = fromKubernetes(parseManifests(stringify(list), "dump.yaml"));
  const instanceTypes = awsCatalog();
  return {
    input,
    schedule: toScheduleJson(schedule({ ...input, instanceTypes })),
    plan: toConsolidationJson(planConsolidation(consolidationInput(input, instanceTypes), { now: NOW })),
  };
}

describe("cluster snapshots", () => {
  test.prop([snapshotSpec()], { numRuns: 12 })("adding the controllers of pods already in the input changes neither answer", (spec) => {
    const snapshot = renderSnapshot(spec);
    const full = answers(snapshot);
    const bare = answers(withoutControllers(snapshot));
    expect(full.input.pods).toEqual(bare.input.pods);
    expect(full.schedule).toBe(bare.schedule);
    expect(full.plan).toBe(bare.plan);
  });

  test.prop([snapshotSpec(), fc.nat()], { numRuns: 12 })("a pod missing from the snapshot comes back as one pending pod of its controller", (spec, pick) => {
    const snapshot = renderSnapshot(spec);
    const items = snapshot["items"] as Record<string, unknown>[];
    // Active pods owned by a ReplicaSet or a StatefulSet. (A Job's status still counts a pod missing from the
    // snapshot as active, so the Job adds none: Job arithmetic has its own tests.)
    const active = items.filter((item) => {
      const meta = item["metadata"] as { ownerReferences?: { kind: string }[]; deletionTimestamp?: string };
      const phase = (item["status"] as { phase?: string } | undefined)?.phase;
      const owner = meta.ownerReferences?.[0]?.kind;
      return (
        item["kind"] === "Pod" &&
        meta.deletionTimestamp === undefined &&
        phase !== "Succeeded" &&
        phase !== "Failed" &&
        (owner === "ReplicaSet" || owner === "StatefulSet")
      );
    });
    fc.pre(active.length > 0);
    const removed = active[pick % active.length] as Record<string, unknown>;
    const before = fromKubernetes([{ object: snapshot }]).pods;
    const after = fromKubernetes([{ object: { ...snapshot, items: items.filter((item) => item !== removed) } }]).pods;
    const removedUid = (removed["metadata"] as { uid: string }).uid;
    const extra = after.filter((p) => !before.some((b) => b.metadata.uid === p.metadata.uid));
    const wasPending = before.some((p) => p.metadata.uid === removedUid);
    expect(after).toHaveLength(before.length - (wasPending ? 1 : 0) + 1);
    expect(extra).toHaveLength(1);
    const owner = (removed["metadata"] as { ownerReferences: { name: string }[] }).ownerReferences[0]?.name ?? "";
    expect(extra[0]?.metadata.name?.startsWith(`${owner}-`)).toBe(true);
  });
});

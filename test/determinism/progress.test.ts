import { describe, expect, it } from "vitest";
import {
  planConsolidation,
  schedule,
  toConsolidationJson,
  toScheduleJson,
  type ConsolidationProgress,
  type InstanceType,
  type ScheduleProgress,
} from "nodefit";
import { defaultAwsCatalog } from "nodefit/aws";
import { fromKubernetes, loadManifests, readInstanceTypeCatalog } from "nodefit/kubernetes";

// The progress hooks only observe: counts grow to the totals, and the results are byte-identical without them.
const example = (name: string): string => new URL(`../../examples/${name}`, import.meta.url).pathname;

async function load(name: string): Promise<{ input: ReturnType<typeof fromKubernetes>; instanceTypes: readonly InstanceType[] }> {
  const input = fromKubernetes(await loadManifests([example(name)]));
  const instanceTypes = input.catalogs.length === 0 ? defaultAwsCatalog() : input.catalogs.flatMap((c) => readInstanceTypeCatalog(c.object));
  return { input, instanceTypes };
}

const nondecreasing = (values: readonly number[]): boolean => values.every((v, i) => i === 0 || v >= (values[i - 1] as number));

describe("schedule's onProgress", () => {
  for (const name of ["inflate", "mixed"]) {
    it(`reports pods placed growing to the total for examples/${name}, without changing the result`, async () => {
      const { input, instanceTypes } = await load(name);
      const scheduleInput = {
        pods: input.pods,
        nodePools: input.nodePools,
        instanceTypes,
        nodes: input.nodes,
        boundPods: input.boundPods,
        daemonSets: input.daemonSets,
      };
      const seen: ScheduleProgress[] = [];
      const result = schedule(scheduleInput, { onProgress: (p) => seen.push(p) });
      expect(toScheduleJson(result)).toBe(toScheduleJson(schedule(scheduleInput)));
      expect(seen.length).toBeGreaterThan(0);
      expect(nondecreasing(seen.map((p) => p.placed))).toBe(true);
      expect(seen.at(-1)).toEqual({ placed: result.summary.scheduled, pods: scheduleInput.pods.length });
      // Throttled: at most one call per 1% of the pods, plus the final one.
      expect(seen.length).toBeLessThanOrEqual(102);
    });
  }

  it("reports each 1% of a large batch, deterministically", () => {
    const pods = Array.from({ length: 1_000 }, (_, i) => ({
      metadata: { name: `p-${i}`, namespace: "default", uid: `u-${i}` },
      spec: { containers: [{ name: "c", resources: { requests: { cpu: "100m", memory: "64Mi" } } }] },
    }));
    const input = {
      pods,
      nodePools: [{ metadata: { name: "default" }, spec: { template: { spec: { requirements: [] } } } }],
      instanceTypes: defaultAwsCatalog(),
    };
    const run = (): ScheduleProgress[] => {
      const seen: ScheduleProgress[] = [];
      schedule(input, { onProgress: (p) => seen.push(p) });
      return seen;
    };
    const seen = run();
    expect(seen).toEqual(run());
    expect(seen.map((p) => p.placed)).toEqual([...Array.from({ length: 100 }, (_, i) => (i + 1) * 10), 1_000]);
  });
});

describe("planConsolidation's onProgress", () => {
  it("reports simulations and commands growing to the plan's totals, without changing the plan", async () => {
    const { input, instanceTypes } = await load("consolidation");
    const { nodes, nodeClaims, nodePools, daemonSets, podDisruptionBudgets } = input;
    const consolidationInput = { nodes, nodeClaims, nodePools, daemonSets, podDisruptionBudgets, pods: [...input.boundPods, ...input.pods], instanceTypes };
    const now = new Date("2026-06-01T12:00:00Z");
    const seen: ConsolidationProgress[] = [];
    const plan = planConsolidation(consolidationInput, { now, onProgress: (p) => seen.push(p) });
    expect(toConsolidationJson(plan)).toBe(toConsolidationJson(planConsolidation(consolidationInput, { now })));
    expect(nondecreasing(seen.map((p) => p.simulations))).toBe(true);
    expect(nondecreasing(seen.map((p) => p.commands))).toBe(true);
    expect(seen.at(-1)?.commands).toBe(plan.commands.length);
    expect(seen.at(-1)?.simulations).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from "vitest";
import { planConsolidation, schedule, type InstanceType } from "nodefit";
import { defaultAwsCatalog } from "nodefit/aws";
import { fromKubernetes, loadManifests, readInstanceTypeCatalog } from "nodefit/kubernetes";
import { planConsolidationAsync, scheduleAsync, type WorkerPhase } from "../../src/worker/index.js";

const example = (name: string): string => new URL(`../../examples/${name}`, import.meta.url).pathname;

async function load(name: string): Promise<{ input: ReturnType<typeof fromKubernetes>; instanceTypes: readonly InstanceType[] }> {
  const input = fromKubernetes(await loadManifests([example(name)]));
  const instanceTypes = input.catalogs.length === 0 ? defaultAwsCatalog() : input.catalogs.flatMap((c) => readInstanceTypeCatalog(c.object));
  return { input, instanceTypes };
}

describe("scheduleAsync", () => {
  for (const name of ["inflate", "mixed"]) {
    it(`gives the synchronous result for examples/${name}, reporting its phases`, async () => {
      const { input, instanceTypes } = await load(name);
      const scheduleInput = {
        pods: input.pods,
        nodePools: input.nodePools,
        instanceTypes,
        nodes: input.nodes,
        boundPods: input.boundPods,
        daemonSets: input.daemonSets,
      };
      const phases: WorkerPhase[] = [];
      const placed: number[] = [];
      const result = await scheduleAsync(scheduleInput, {
        onProgress: (p, counts) => (counts === undefined ? phases.push(p) : placed.push(counts.placed)),
      });
      expect(result).toEqual(schedule(scheduleInput));
      expect(phases).toEqual(["preparing", "running", "done"]);
      // Pods-placed progress crossed from the thread, ending at the pods placed.
      expect(placed.length).toBeGreaterThan(0);
      expect(placed.at(-1)).toBe(result.summary.scheduled);
    });
  }

  it("stops when aborted, rejecting with the signal's reason", async () => {
    const { input } = await load("inflate");
    const pods = Array.from({ length: 20_000 }, (_, i) => ({
      metadata: { name: `p-${i}`, namespace: "default" },
      spec: { containers: [{ name: "c", resources: { requests: { cpu: `${100 + (i % 7) * 50}m`, memory: "64Mi" } } }] },
    }));
    const controller = new AbortController();
    const run = scheduleAsync(
      { pods, nodePools: input.nodePools.map((p) => ({ ...p, spec: { ...p.spec, limits: undefined } })), instanceTypes: defaultAwsCatalog() },
      { signal: controller.signal, onProgress: (phase) => phase === "running" && controller.abort() },
    );
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
  });

  it("does not start when the signal is already aborted", async () => {
    await expect(scheduleAsync({ pods: [], nodePools: [], instanceTypes: [] }, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
  });

  it("rejects invalid input with the NodefitError the synchronous call throws", async () => {
    const input = { pods: [], nodePools: [{ metadata: { name: "p" }, spec: { limits: { cpu: "abc" } } }], instanceTypes: [] };
    expect(() => schedule(input)).toThrow(expect.objectContaining({ code: "invalid-quantity" }));
    const error = await scheduleAsync(input).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      name: "NodefitError",
      code: "invalid-quantity",
      message: 'NodePool "p": cpu: invalid quantity "abc": expected <number><suffix>',
    });
  });
});

describe("planConsolidationAsync", () => {
  it("gives the synchronous plan for examples/consolidation", async () => {
    const { input, instanceTypes } = await load("consolidation");
    const consolidationInput = {
      nodes: input.nodes,
      nodeClaims: input.nodeClaims,
      nodePools: input.nodePools,
      pods: [...input.boundPods, ...input.pods],
      daemonSets: input.daemonSets,
      podDisruptionBudgets: input.podDisruptionBudgets,
      instanceTypes,
    };
    const options = { now: new Date("2026-06-01T12:00:00Z") };
    const plan = await planConsolidationAsync(consolidationInput, options);
    expect(plan).toEqual(planConsolidation(consolidationInput, options));
    expect(plan.commands.length).toBeGreaterThan(0);
  });
});

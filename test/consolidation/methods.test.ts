import { describe, expect, it } from "vitest";
import { planConsolidation, toConsolidationJson, type ConsolidationInput, type ConsolidationOptions } from "../../src/consolidation/index.js";
import { createInstanceType } from "../../src/instance-types/index.js";
import type { DaemonSet } from "../../src/types/kubernetes.js";
import { catalog, claim, node, NOW, pod, pool } from "./fixtures.js";

const run = (input: Partial<ConsolidationInput> & Pick<ConsolidationInput, "nodes" | "pods">, options: Partial<ConsolidationOptions> = {}) =>
  planConsolidation({ nodePools: [pool("default")], instanceTypes: catalog(), ...input }, { now: NOW, ...options });

const summary = (plan: ReturnType<typeof run>) => plan.commands.map((c) => `${c.method}:${c.decision}:${c.candidates.join(",")}`);

describe("emptiness", () => {
  it("deletes every empty node in one command, ignoring DaemonSet and finished pods", () => {
    const plan = run({
      nodes: [node("e1"), node("e2"), node("e3"), node("busy", { type: "c-1x" })],
      pods: [pod("agent-e1", { node: "e1", owner: "DaemonSet" }), pod("job-0", { node: "e2", phase: "Succeeded" }), pod("web-0", { node: "busy" })],
    });
    expect(summary(plan)).toEqual(["emptiness:delete:e1,e2,e3"]);
    expect(plan.commands[0]?.savings).toBeCloseTo(0.3, 9);
    expect(plan.summary).toEqual({ nodes: 4, hourlyCostBefore: expect.closeTo(0.35, 9), hourlyCostAfter: expect.closeTo(0.05, 9) });
  });

  it("treats nodes whose pods all have non-positive eviction cost as empty, placing the pods", () => {
    const cheap = pod("batch-0", { node: "e", annotations: { "controller.kubernetes.io/pod-deletion-cost": String(-(2 ** 27)) } });
    const plan = run({ nodes: [node("e", { type: "c-1x" }), node("host", { type: "c-8x" })], pods: [cheap, pod("web-0", { node: "host" })] });
    expect(plan.commands[0]).toMatchObject({ method: "emptiness", candidates: ["e"], reschedules: [{ pod: "default/batch-0", to: "host" }] });
  });

  it("takes empty nodes only while the Empty budget allows, best savings ratio first", () => {
    const plan = run(
      { nodes: [node("e1", { type: "c-1x" }), node("e2", { type: "c-8x" }), node("e3", { type: "c-4x" }), node("e4", { type: "c-2x" })], pods: [] },
      { maxCommands: 1 },
    );
    expect(summary(plan)).toEqual(["emptiness:delete:e2,e3,e4,e1"]);
    const budgeted = planConsolidation(
      {
        nodes: [node("e1", { type: "c-1x" }), node("e2", { type: "c-8x" }), node("e3", { type: "c-4x" }), node("e4", { type: "c-2x" })],
        nodePools: [
          pool("default", {
            budgets: [
              { nodes: "50%", reasons: ["Empty"] },
              { nodes: "0", reasons: ["Underutilized"] },
            ],
          }),
        ],
        pods: [],
        instanceTypes: catalog(),
      },
      { now: NOW, maxCommands: 1 },
    );
    expect(summary(budgeted)).toEqual(["emptiness:delete:e2,e3"]);
  });
});

describe("budgets over time and state", () => {
  const nodes = [node("e1"), node("e2")];
  it("a cron window of zero blocks only while active (UTC)", () => {
    const p = pool("default", { budgets: [{ nodes: "0", schedule: "0 9 * * *", duration: "8h" }, { nodes: "100%" }] });
    expect(planConsolidation({ nodes, nodePools: [p], pods: [], instanceTypes: catalog() }, { now: "2024-06-01T12:00:00Z" }).commands).toEqual([]);
    expect(planConsolidation({ nodes, nodePools: [p], pods: [], instanceTypes: catalog() }, { now: "2024-06-01T18:00:00Z" }).commands).toHaveLength(1);
  });

  it("NotReady and deleting nodes use the budget up", () => {
    const p = pool("default", { budgets: [{ nodes: "1" }] });
    const notReady = planConsolidation(
      { nodes: [node("e1"), node("sick", { ready: false })], nodePools: [p], pods: [pod("web-0", { node: "sick" })], instanceTypes: catalog() },
      { now: NOW },
    );
    expect(notReady.commands).toEqual([]);
    expect(notReady.blocked.find((b) => b.node === "e1")?.code).toBe("budget");
    const deleting = planConsolidation(
      { nodes: [node("e1"), node("gone", { deleting: true })], nodePools: [p], pods: [], instanceTypes: catalog() },
      { now: NOW },
    );
    expect(deleting.commands).toEqual([]);
  });

  it("a percentage budget is rounded up against the pool's node count", () => {
    const p = pool("default", { budgets: [{ nodes: "10%" }] });
    const plan = planConsolidation(
      { nodes: [node("e1"), node("e2"), node("e3")], nodePools: [p], pods: [], instanceTypes: catalog() },
      { now: NOW, maxCommands: 1 },
    );
    expect(plan.commands[0]?.candidates).toHaveLength(1);
  });
});

describe("drift", () => {
  it("replaces a node whose labels no longer meet the NodePool requirements, before consolidation", () => {
    const plan = run({ nodes: [node("old", { capacityType: "spot", type: "c-2x" })], pods: [pod("web-0", { node: "old" })] }, { maxCommands: 1 });
    expect(summary(plan)).toEqual(["drift:replace:old"]);
    expect(plan.commands[0]?.replacements[0]).toMatchObject({ name: "default-1", capacityType: "on-demand", pods: ["default/web-0"] });
    expect(plan.commands[0]?.reschedules).toEqual([{ pod: "default/web-0", to: "default-1" }]);
  });

  it("deletes a drifted node whose pods fit elsewhere, and detects template label and taint drift", () => {
    const p = pool("default", { labels: { team: "a" } });
    const withLabel = (name: string, extra = {}) => node(name, { labels: { team: "a" }, ...extra });
    const plan = planConsolidation(
      {
        nodes: [withLabel("host", { type: "c-8x", annotations: { "karpenter.sh/do-not-disrupt": "true" } }), node("unlabelled")],
        nodePools: [p],
        pods: [pod("web-0", { node: "unlabelled" })],
        instanceTypes: catalog(),
      },
      { now: NOW },
    );
    expect(summary(plan)).toEqual(["drift:delete:unlabelled"]);
    const tainted = {
      ...p,
      spec: {
        ...p.spec,
        template: { ...p.spec.template, spec: { ...p.spec.template?.spec, taints: [{ key: "dedicated", value: "x", effect: "NoSchedule" }] } },
      },
    };
    const taintPlan = planConsolidation({ nodes: [withLabel("n1")], nodePools: [tainted], pods: [], instanceTypes: catalog() }, { now: NOW, maxCommands: 1 });
    expect(taintPlan.commands[0]?.method).toBe("emptiness");
    const intolerant = pod("web-0", { node: "n1" });
    const stuck = planConsolidation(
      { nodes: [withLabel("n1")], nodePools: [tainted], pods: [intolerant], instanceTypes: catalog() },
      { now: NOW, maxCommands: 1 },
    );
    expect(stuck.commands).toEqual([]);
    expect(stuck.blocked[0]?.message).toMatch(/^drifted, but pod default\/web-0 would not schedule/);
    const tolerant = { ...intolerant, spec: { ...intolerant.spec, tolerations: [{ key: "dedicated", operator: "Exists" }] } };
    const busy = planConsolidation(
      { nodes: [withLabel("n1")], nodePools: [tainted], pods: [tolerant], instanceTypes: catalog() },
      { now: NOW, maxCommands: 1 },
    );
    expect(summary(busy)).toEqual(["drift:replace:n1"]);
    expect(busy.commands[0]?.replacements[0]?.taints).toEqual([{ key: "dedicated", value: "x", effect: "NoSchedule" }]);
  });

  it("honours a Drifted=True NodeClaim condition", () => {
    const plan = run(
      {
        nodes: [node("n1", { type: "c-1x" })],
        pods: [pod("web-0", { node: "n1" })],
        nodeClaims: [claim("n1", { conditions: [{ type: "Drifted", status: "True" }] })],
      },
      { maxCommands: 1 },
    );
    expect(summary(plan)).toEqual(["drift:replace:n1"]);
  });
});

describe("multi-node", () => {
  it("deletes the largest prefix that fits elsewhere", () => {
    const plan = run({
      nodes: [node("a", { type: "c-4x" }), node("b", { type: "c-4x" }), node("c", { type: "c-4x" })],
      pods: [pod("x-0", { node: "a" }), pod("y-0", { node: "b" }), ...[0, 1, 2, 3].map((i) => pod(`z-${i}`, { node: "c" }))],
    });
    expect(summary(plan)).toEqual(["multi-node:delete:a,b"]);
    expect(plan.commands[0]?.reschedules.map((r) => r.to)).toEqual(["c", "c"]);
  });

  it("merges several nodes into one cheaper node", () => {
    const plan = run({
      nodes: [node("a", { type: "c-8x" }), node("b", { type: "c-8x" }), node("c", { type: "c-8x" })],
      pods: ["a", "b", "c"].map((n) => pod(`web-${n}`, { node: n, cpu: "1" })),
    });
    expect(summary(plan)).toEqual(["multi-node:replace:a,b,c"]);
    // c-8x is a type being removed: options at or above its price are dropped
    expect(plan.commands[0]?.replacements[0]).toMatchObject({ instanceType: "c-4x", instanceTypeOptions: ["c-4x"] });
    expect(plan.commands[0]?.savings).toBeCloseTo(1.0, 9);
  });

  it("refuses a merge that only relaunches a type being removed", () => {
    const plan = run({
      nodes: [node("a", { type: "c-4x" }), node("b", { type: "c-4x" })],
      pods: [...[0, 1, 2].map((i) => pod(`x-${i}`, { node: "a" })), ...[0, 1].map((i) => pod(`y-${i}`, { node: "b", cpu: "1" }))],
    });
    expect(plan.commands.map((c) => c.method)).not.toContain("multi-node");
  });
});

describe("single-node and the replace price rule", () => {
  it("replaces an oversized node with the cheapest type that fits", () => {
    const plan = run({ nodes: [node("big", { type: "c-16x" })], pods: [pod("web-0", { node: "big", cpu: "1500m" })] });
    expect(summary(plan)).toEqual(["single-node:replace:big"]);
    expect(plan.commands[0]?.replacements[0]).toMatchObject({ instanceType: "c-2x", price: 0.1, instanceTypeOptions: ["c-2x", "c-4x", "c-8x"] });
    expect(plan.commands[0]?.savings).toBeCloseTo(0.7, 9);
  });

  it("uses the worst launch price: a type cheap in one zone but dear in another is not cheaper", () => {
    const types = [
      createInstanceType({
        name: "zonal",
        capacity: { cpu: "2", memory: "4Gi", pods: "110" },
        offerings: [
          { zone: "test-zone-1", capacityType: "on-demand", price: 0.05 },
          { zone: "test-zone-2", capacityType: "on-demand", price: 0.5 },
        ],
      }),
      createInstanceType({
        name: "current",
        capacity: { cpu: "4", memory: "8Gi", pods: "110" },
        offerings: [{ zone: "test-zone-1", capacityType: "on-demand", price: 0.3 }],
      }),
    ];
    const plan = run({ nodes: [node("n", { type: "current" })], pods: [pod("web-0", { node: "n" })], instanceTypes: types });
    expect(plan.commands).toEqual([]);
    expect(plan.blocked[0]?.code).toBe("no-cheaper-replacement");
  });

  it("narrows a replacement that may be spot or on-demand to spot", () => {
    const plan = planConsolidation(
      {
        nodes: [node("n", { type: "c-8x" })],
        nodePools: [pool("default", { capacityTypes: ["spot", "on-demand"] })],
        pods: [pod("web-0", { node: "n" })],
        instanceTypes: catalog(),
      },
      { now: NOW },
    );
    const replacement = plan.commands[0]?.replacements[0];
    expect(replacement).toMatchObject({ capacityType: "spot", instanceType: "c-1x", price: 0.02 });
    expect(replacement?.requirements.find((r) => r.key === "karpenter.sh/capacity-type")?.values).toEqual(["spot"]);
  });

  it("destinations inside consolidateAfter do not take moved pods", () => {
    const input = (lastPodEventTime: string) => ({
      nodes: [node("a"), node("b", { type: "c-8x" })],
      nodeClaims: [claim("a", { lastPodEventTime: "2024-06-01T10:00:00Z" }), claim("b", { lastPodEventTime })],
      nodePools: [pool("default", { consolidateAfter: "1h", budgets: [{ nodes: "1" }] })],
      pods: [pod("web-0", { node: "a" }), ...[0, 1, 2, 3, 4, 5].map((i) => pod(`big-${i}`, { node: "b", cpu: "1" }))],
      instanceTypes: catalog(),
    });
    const gated = planConsolidation(input("2024-06-01T11:30:00Z"), { now: NOW });
    expect(summary(gated)).toEqual(["single-node:replace:a"]);
    const open = planConsolidation(input("2024-06-01T10:00:00Z"), { now: NOW });
    expect(summary(open)[0]).toBe("single-node:delete:a");
  });

  it("pending pods that cannot be placed do not block", () => {
    const nodes = [node("a"), node("b", { type: "c-8x" })];
    const bound = [pod("web-0", { node: "a" }), pod("web-1", { node: "b" })];
    const withHuge = run({ nodes, pods: [...bound, pod("huge-0", { cpu: "64" })] });
    expect(summary(withHuge)).toEqual(["multi-node:replace:b,a"]);
    expect(toConsolidationJson(withHuge)).toBe(toConsolidationJson(run({ nodes, pods: bound })));
  });
});

describe("spot-to-spot", () => {
  const spotPool = pool("default", { capacityTypes: ["spot"] });
  const many = Array.from({ length: 20 }, (_, i) =>
    createInstanceType({
      name: `s-${String(i).padStart(2, "0")}`,
      capacity: { cpu: "4", memory: "8Gi", pods: "110" },
      offerings: [{ zone: "test-zone-1", capacityType: "spot", price: 0.01 + i * 0.001 }],
    }),
  );
  const big = createInstanceType({
    name: "big",
    capacity: { cpu: "16", memory: "32Gi", pods: "110" },
    offerings: [{ zone: "test-zone-1", capacityType: "spot", price: 0.5 }],
  });
  const input = (types = [...many, big]) => ({
    nodes: [node("n", { type: "big", capacityType: "spot" })],
    nodePools: [spotPool],
    pods: [pod("web-0", { node: "n" })],
    instanceTypes: types,
  });

  it("is refused unless enabled", () => {
    const plan = planConsolidation(input(), { now: NOW });
    expect(plan.blocked[0]).toEqual({
      node: "n",
      code: "spot-to-spot-disabled",
      message: "SpotToSpotConsolidation is disabled, can't replace a spot node with a spot node",
    });
  });

  it("when enabled, launches from the 15 cheapest", () => {
    const plan = planConsolidation(input(), { now: NOW, spotToSpotConsolidation: true });
    const replacement = plan.commands[0]?.replacements[0];
    expect(replacement?.instanceTypeOptions).toHaveLength(15);
    expect(replacement?.instanceType).toBe("s-00");
  });

  it("needs at least 15 cheaper types for a single node", () => {
    const plan = planConsolidation(input([...many.slice(0, 10), big]), { now: NOW, spotToSpotConsolidation: true });
    expect(plan.blocked[0]?.code).toBe("spot-to-spot-options");
    expect(plan.blocked[0]?.message).toMatch(/got 10$/);
  });

  it("deleting spot nodes always works", () => {
    const plan = planConsolidation({ ...input(), pods: [] }, { now: NOW });
    expect(summary(plan)).toEqual(["emptiness:delete:n"]);
  });
});

describe("plan and JSON", () => {
  it("names replacements uniquely across commands and renders DESIGN.md's shape", () => {
    const plan = run({
      nodes: [node("a", { type: "c-16x" }), node("b", { type: "c-16x", zone: "test-zone-2" })],
      pods: [pod("x-0", { node: "a", cpu: "3" }), pod("y-0", { node: "b", cpu: "3" })].map((p, i) => ({
        ...p,
        spec: { ...p.spec, nodeSelector: { "topology.kubernetes.io/zone": `test-zone-${i + 1}` } },
      })),
    });
    expect(plan.commands.flatMap((c) => c.replacements.map((r) => r.name))).toEqual(["default-1", "default-2"]);
    const json = JSON.parse(toConsolidationJson(plan));
    expect(Object.keys(json)).toEqual(["commands", "blocked", "summary"]);
    expect(Object.keys(json.commands[0])).toEqual(["method", "decision", "candidates", "replacements", "reschedules", "savings"]);
    expect(Object.keys(json.commands[0].replacements[0])).toEqual([
      "name",
      "nodePool",
      "instanceType",
      "zone",
      "capacityType",
      "price",
      "instanceTypeOptions",
      "pods",
      "requests",
      "requirements",
      "labels",
      "taints",
    ]);
    expect(Object.keys(json.summary)).toEqual(["nodes", "hourlyCostBefore", "hourlyCostAfter"]);
  });

  it("stops at maxCommands and says which nodes were not decided", () => {
    const plan = run({ nodes: [node("e1"), node("a", { type: "c-8x" })], pods: [pod("web-0", { node: "a" })] }, { maxCommands: 1 });
    expect(plan.commands).toHaveLength(1);
    expect(plan.blocked).toEqual([{ node: "a", code: "not-evaluated", message: "the plan stopped at maxCommands before this node was decided" }]);
  });

  it("rejects a missing or bad now", () => {
    expect(() => planConsolidation({ nodes: [], nodePools: [], pods: [], instanceTypes: [] }, { now: "yesterday" })).toThrow(/now must be/);
  });

  it("DaemonSet overhead is reserved on replacements", () => {
    const daemonSets: DaemonSet[] = [
      { metadata: { name: "agent", namespace: "kube-system" }, spec: { template: { spec: { containers: [{ resources: { requests: { cpu: "600m" } } }] } } } },
    ];
    const plan = run({ nodes: [node("big", { type: "c-16x" })], pods: [pod("web-0", { node: "big", cpu: "1" })], daemonSets });
    expect(plan.commands[0]?.replacements[0]?.instanceType).toBe("c-2x");
  });
});

describe("nodes already deleting", () => {
  it("are no destination, their pods are re-queued without blocking, and they use the budget up", () => {
    const plan = planConsolidation(
      {
        nodes: [node("gone", { deleting: true }), node("a"), node("host", { type: "c-8x", annotations: { "karpenter.sh/do-not-disrupt": "true" } })],
        nodePools: [pool("default", { budgets: [{ nodes: "2" }] })],
        pods: [pod("old-0", { node: "gone", cpu: "64" }), pod("web-0", { node: "a" })],
        instanceTypes: catalog(),
      },
      { now: NOW },
    );
    expect(summary(plan)).toEqual(["single-node:delete:a"]);
    expect(plan.commands[0]?.reschedules).toEqual([{ pod: "default/web-0", to: "host" }]);
    expect(plan.blocked.find((b) => b.node === "gone")?.code).toBe("deleting");
  });
});

describe("pending pods", () => {
  it("capacity planned for pending pods is neither a replacement nor a destination for moved pods", () => {
    const plan = run({ nodes: [node("a")], pods: [pod("web-0", { node: "a" }), pod("big-0", { cpu: "12" })] });
    expect(summary(plan)).toEqual(["single-node:replace:a"]);
    expect(plan.commands[0]?.replacements[0]).toMatchObject({ instanceType: "c-1x", pods: ["default/web-0"] });
  });
});

import { describe, expect, it } from "vitest";
import { planConsolidation, type ConsolidationInput } from "../../src/consolidation/index.js";
import type { Node, NodePool, Pod, PodDisruptionBudget } from "../../src/types/kubernetes.js";
import { catalog, claim, node, NOW, pod, pool, type PoolOptions } from "./fixtures.js";

/** A roomy node that is never disrupted itself, so a test node's pods always have somewhere to go. */
const host = (): Node => node("host", { type: "c-16x", annotations: { "karpenter.sh/do-not-disrupt": "true" } });

function plan(nodes: Node[], pods: Pod[], extra: Partial<ConsolidationInput> = {}, poolOptions: PoolOptions = {}) {
  return planConsolidation({ nodes: [host(), ...nodes], nodePools: [pool("default", poolOptions)], pods, instanceTypes: catalog(), ...extra }, { now: NOW });
}

function blockerOf(result: ReturnType<typeof plan>, name: string) {
  return result.blocked.find((b) => b.node === name);
}

const pdb = (spec: PodDisruptionBudget["spec"], name = "web-pdb", disruptionsAllowed?: number): PodDisruptionBudget => ({
  metadata: { name, namespace: "default" },
  spec: { selector: { matchLabels: { app: "web" } }, ...spec },
  ...(disruptionsAllowed === undefined ? {} : { status: { disruptionsAllowed } }),
});

describe("each blocker keeps its node and says why", () => {
  it("control: without a blocker the node is consolidated", () => {
    const r = plan([node("a")], [pod("web-0", { node: "a" })]);
    expect(r.commands.map((c) => c.candidates)).toEqual([["a"]]);
    expect(r.commands[0]?.reschedules).toEqual([{ pod: "default/web-0", to: "host" }]);
    expect(blockerOf(r, "host")).toEqual({ node: "host", code: "do-not-disrupt", message: "node has karpenter.sh/do-not-disrupt" });
  });

  it.each([
    ["not-managed", node("a", { pool: null }), /no karpenter.sh\/nodepool label/],
    ["unknown-nodepool", node("a", { pool: "gone" }), /NodePool gone does not exist/],
    ["not-initialized", node("a", { initialized: false }), /not initialized/],
    ["deleting", node("a", { deleting: true }), /being deleted/],
    ["do-not-disrupt", node("a", { annotations: { "karpenter.sh/do-not-disrupt": "true" } }), /node has karpenter.sh\/do-not-disrupt/],
  ])("%s", (code, n, message) => {
    const r = plan([n], []);
    expect(r.commands).toEqual([]);
    expect(blockerOf(r, "a")?.code).toBe(code);
    expect(blockerOf(r, "a")?.message).toMatch(message);
  });

  it("do-not-disrupt on a pod, as true or as a duration not yet elapsed", () => {
    const dnd = (value: string, created?: string) =>
      pod("db-0", { node: "a", annotations: { "karpenter.sh/do-not-disrupt": value }, ...(created === undefined ? {} : { created }) });
    expect(blockerOf(plan([node("a")], [dnd("true")]), "a")).toEqual({
      node: "a",
      code: "do-not-disrupt",
      message: "pod default/db-0 has karpenter.sh/do-not-disrupt",
    });
    expect(blockerOf(plan([node("a")], [dnd("30m", "2024-06-01T11:45:00Z")]), "a")?.code).toBe("do-not-disrupt");
    expect(plan([node("a")], [dnd("30m", "2024-06-01T11:00:00Z")]).commands).toHaveLength(1);
  });

  it("a DaemonSet pod with do-not-disrupt blocks too", () => {
    const r = plan([node("a")], [pod("agent-a", { node: "a", owner: "DaemonSet", annotations: { "karpenter.sh/do-not-disrupt": "true" } })]);
    expect(blockerOf(r, "a")?.code).toBe("do-not-disrupt");
  });

  it("a PDB that allows no disruption, computed from minAvailable or read from status", () => {
    const pods = [pod("web-0", { node: "a", labels: { app: "web" } }), pod("web-1", { node: "host", labels: { app: "web" } })];
    const computed = plan([node("a")], pods, { podDisruptionBudgets: [pdb({ minAvailable: 2 })] });
    expect(blockerOf(computed, "a")).toEqual({ node: "a", code: "pdb", message: "pdb default/web-pdb prevents evicting pod default/web-0" });
    expect(blockerOf(plan([node("a")], pods, { podDisruptionBudgets: [pdb({ maxUnavailable: "50%" })] }), "a")).toBeUndefined();
    expect(blockerOf(plan([node("a")], pods, { podDisruptionBudgets: [pdb({ maxUnavailable: 1 }, "web-pdb", 0)] }), "a")?.code).toBe("pdb");
  });

  it("a pod selected by more than one PDB", () => {
    const pods = [pod("web-0", { node: "a", labels: { app: "web" } })];
    const r = plan([node("a")], pods, { podDisruptionBudgets: [pdb({ maxUnavailable: 5 }, "one"), pdb({ maxUnavailable: 5 }, "two")] });
    expect(blockerOf(r, "a")).toEqual({
      node: "a",
      code: "multiple-pdbs",
      message: "pod default/web-0 is selected by more than one PDB (default/one, default/two)",
    });
  });

  it("a static NodePool", () => {
    expect(blockerOf(plan([node("a")], [pod("web-0", { node: "a" })], {}, { replicas: 2 }), "a")?.code).toBe("static-nodepool");
  });

  it("consolidateAfter: Never disables emptiness and consolidation", () => {
    const r = plan([node("a"), node("e")], [pod("web-0", { node: "a" })], {}, { consolidateAfter: "Never" });
    expect(r.commands).toEqual([]);
    expect(blockerOf(r, "a")?.code).toBe("consolidation-disabled");
    expect(blockerOf(r, "e")?.code).toBe("consolidation-disabled");
  });

  it("consolidateAfter measured from the last pod event, or from creation without one", () => {
    const recent = plan(
      [node("a")],
      [pod("web-0", { node: "a" })],
      { nodeClaims: [claim("a", { lastPodEventTime: "2024-06-01T11:55:00Z" })] },
      { consolidateAfter: "10m" },
    );
    expect(blockerOf(recent, "a")).toEqual({
      node: "a",
      code: "consolidate-after",
      message: "node had a pod event less than consolidateAfter ago (300s left)",
    });
    const young = plan([node("a", { created: "2024-06-01T11:58:00Z" })], [], {}, { consolidateAfter: "10m" });
    expect(blockerOf(young, "a")?.code).toBe("consolidate-after");
    const old = plan(
      [node("a")],
      [pod("web-0", { node: "a" })],
      { nodeClaims: [claim("a", { lastPodEventTime: "2024-06-01T11:00:00Z" })] },
      { consolidateAfter: "10m" },
    );
    expect(old.commands).toHaveLength(1);
  });

  it("consolidationPolicy WhenEmpty keeps non-empty nodes but deletes empty ones", () => {
    const r = plan([node("a"), node("e")], [pod("web-0", { node: "a" })], {}, { policy: "WhenEmpty" });
    expect(r.commands.map((c) => [c.method, c.candidates])).toEqual([["emptiness", ["e"]]]);
    expect(blockerOf(r, "a")?.code).toBe("consolidation-policy");
  });

  it("a node without a catalogue price is not consolidated", () => {
    const r = plan([node("a", { type: "unknown-type" })], [pod("web-0", { node: "a" })]);
    expect(blockerOf(r, "a")?.code).toBe("unknown-price");
  });

  it("a budget that allows nothing, and an invalid one", () => {
    expect(blockerOf(plan([node("a")], [pod("web-0", { node: "a" })], {}, { budgets: [{ nodes: "0" }] }), "a")).toEqual({
      node: "a",
      code: "budget",
      message: "NodePool default allows no more Underutilized disruptions (budget 0 node(s))",
    });
    const invalid = plan([node("e")], [], {}, { budgets: [{ nodes: "1", schedule: "@often", duration: "1h" }] });
    expect(blockerOf(invalid, "e")?.code).toBe("invalid-budget");
    expect(blockerOf(invalid, "e")?.message).toMatch(/unknown cron macro/);
  });

  it("pods that fit nowhere else", () => {
    const pinned = pod("web-0", { node: "a" });
    const r = plan([node("a")], [{ ...pinned, spec: { ...pinned.spec, nodeSelector: { "kubernetes.io/hostname": "a" } } }]);
    expect(blockerOf(r, "a")?.code).toBe("pods-do-not-fit");
    expect(blockerOf(r, "a")?.message).toMatch(/pod default\/web-0 would not schedule/);
  });

  it("pods that would need more than one new node", () => {
    const inZone = (name: string, zone: string) => {
      const p = pod(name, { node: "a", cpu: "3" });
      return { ...p, spec: { ...p.spec, nodeSelector: { "topology.kubernetes.io/zone": zone } } };
    };
    const r = planConsolidation(
      {
        nodes: [node("a", { type: "c-16x" })],
        nodePools: [pool("default")],
        pods: [inZone("x-0", "test-zone-1"), inZone("y-0", "test-zone-2")],
        instanceTypes: catalog(),
      },
      { now: NOW },
    );
    expect(blockerOf(r, "a")).toEqual({ node: "a", code: "multiple-replacements", message: "can't remove without creating 2 node(s)" });
  });

  it("no cheaper replacement: equal price is never a replacement", () => {
    const r = planConsolidation(
      { nodes: [node("a", { type: "c-1x" })], nodePools: [pool("default")], pods: [pod("web-0", { node: "a" })], instanceTypes: catalog() },
      { now: NOW },
    );
    expect(blockerOf(r, "a")?.code).toBe("no-cheaper-replacement");
  });

  it("moved pods never land on uninitialized nodes", () => {
    const pools: NodePool[] = [pool("default")];
    const r = planConsolidation(
      { nodes: [node("a"), node("b", { type: "c-8x", initialized: false })], nodePools: pools, pods: [pod("web-0", { node: "a" })], instanceTypes: catalog() },
      { now: NOW },
    );
    expect(blockerOf(r, "a")?.message).toMatch(/uninitialized node b/);
    expect(blockerOf(r, "b")?.code).toBe("not-initialized");
  });
});

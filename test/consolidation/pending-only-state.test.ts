/**
 * Regression (issue 13): destinations that may take only pending pods (inside their NodePool's
 * consolidateAfter, and in-flight claims) were marked with a fake `nodefit.dev/pending-only` taint, and
 * topology counting with `nodeTaintsPolicy: Honor` skipped the pods on them. Upstream keeps this as node state
 * (`isUnderConsolidateAfter`), never a taint, so counts do not change.
 */
import { describe, expect, it } from "vitest";
import { planConsolidation } from "../../src/consolidation/index.js";
import type { Pod } from "../../src/types/kubernetes.js";
import { catalog, claim, node, NOW, NOW_MS, pod, pool } from "./fixtures.js";
import { planViolations } from "./plan-validity.js";

function spreadPod(name: string, on: string, cpu = "500m"): Pod {
  const base = pod(name, { node: on, cpu, memory: "256Mi", labels: { app: "spread" } });
  return {
    ...base,
    spec: {
      ...base.spec,
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: "topology.kubernetes.io/zone",
          whenUnsatisfiable: "DoNotSchedule",
          nodeTaintsPolicy: "Honor",
          labelSelector: { matchLabels: { app: "spread" } },
        },
      ],
    },
  };
}

describe("nodes that take only pending pods are scheduler state, not a taint", () => {
  it("zone spread maxSkew 1 with nodeTaintsPolicy Honor: the plan never leaves 3 pods in one zone and 0 in the other", () => {
    const recent = new Date(NOW_MS - 2 * 60_000).toISOString();
    const input = {
      nodes: [
        node("a", { type: "c-2x", zone: "test-zone-1" }), // inside consolidateAfter: takes only pending pods
        node("d", { type: "c-2x", zone: "test-zone-1" }),
        node("x", { type: "c-1x", zone: "test-zone-2" }),
      ],
      nodeClaims: [claim("a", { lastPodEventTime: recent })],
      nodePools: [pool("default", { consolidateAfter: "10m" })],
      pods: [
        spreadPod("spread-0", "a"),
        spreadPod("spread-1", "a"),
        spreadPod("spread-2", "x", "250m"),
        pod("web-x", { node: "x", cpu: "250m", memory: "256Mi" }),
        // d is kept by its own pod (it needs a c-2x, and nothing else has room), but has room for x's pods
        pod("web-0", { node: "d", cpu: "1500m", memory: "256Mi" }),
      ],
      instanceTypes: catalog(),
    };
    const plan = planConsolidation(input, { now: NOW });
    const zoneOf = new Map([
      ["a", "test-zone-1"],
      ["d", "test-zone-1"],
      ["x", "test-zone-2"],
    ]);
    for (const c of plan.commands) for (const r of c.replacements) zoneOf.set(r.name, r.zone);
    const where = new Map(input.pods.map((p) => [`default/${p.metadata.name}`, p.spec.nodeName ?? ""]));
    for (const c of plan.commands) for (const r of c.reschedules) where.set(r.pod, r.to);
    const counts = new Map([
      ["test-zone-1", 0],
      ["test-zone-2", 0],
    ]);
    for (const [p, n] of where) if (p.startsWith("default/spread")) counts.set(zoneOf.get(n) ?? "", (counts.get(zoneOf.get(n) ?? "") ?? 0) + 1);
    expect(plan.commands.flatMap((c) => c.candidates)).not.toContain("x");
    expect(Math.abs((counts.get("test-zone-1") ?? 0) - (counts.get("test-zone-2") ?? 0))).toBeLessThanOrEqual(1);
    expect(planViolations(input, plan, NOW_MS)).toEqual([]);
  });
});

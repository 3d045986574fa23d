import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { pod } from "../../test/consolidation/fixtures.js";
import type { PodDisruptionBudget } from "../types/kubernetes.js";
import { isFullyBlockedByPdb, pdbBlock, resolvePdbs, scaledIntOrPercent } from "./pdb.js";

const pdb = (name: string, spec: PodDisruptionBudget["spec"], disruptionsAllowed?: number): PodDisruptionBudget => ({
  metadata: { name, namespace: "default" },
  spec: { selector: { matchLabels: { app: "web" } }, ...spec },
  ...(disruptionsAllowed === undefined ? {} : { status: { disruptionsAllowed } }),
});
const web = (n: number, bound = n) => Array.from({ length: n }, (_, i) => pod(`web-${i}`, { labels: { app: "web" }, ...(i < bound ? { node: "n1" } : {}) }));

describe("resolvePdbs", () => {
  it.each([
    [{ minAvailable: 2 }, 3, 3, 1],
    [{ minAvailable: 3 }, 3, 3, 0],
    [{ minAvailable: "50%" }, 3, 3, 1], // ceil(1.5) = 2 desired
    [{ minAvailable: "100%" }, 3, 3, 0],
    [{ maxUnavailable: 1 }, 3, 3, 1],
    [{ maxUnavailable: "50%" }, 3, 3, 2], // ceil(1.5) = 2
    [{ maxUnavailable: 0 }, 3, 3, 0],
    [{ maxUnavailable: 1 }, 3, 2, 0], // one pod not bound: unhealthy
    [{ minAvailable: 1 }, 0, 0, 0],
    [{ minAvailable: "lots" }, 3, 3, 0],
  ])("%j with %d pods (%d healthy) allows %d", (spec, total, bound, allowed) => {
    expect(resolvePdbs([pdb("p", spec)], web(total, bound))[0]?.disruptionsAllowed).toBe(allowed);
  });

  it("prefers status.disruptionsAllowed", () => {
    expect(resolvePdbs([pdb("p", { minAvailable: 0 }, 0)], web(3))[0]?.disruptionsAllowed).toBe(0);
  });

  it("marks fully blocking PDBs", () => {
    const [a, b, c] = resolvePdbs([pdb("a", { maxUnavailable: 0 }), pdb("b", { minAvailable: "100%" }), pdb("c", { maxUnavailable: 1 })], web(2));
    expect([a?.fullyBlocking, b?.fullyBlocking, c?.fullyBlocking]).toEqual([true, true, false]);
    expect(isFullyBlockedByPdb(web(1)[0]!, [a!])).toBe(true);
  });

  test.prop([fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 50 })])("percentages round up", (p, total) => {
    expect(scaledIntOrPercent(`${p}%`, total)).toBe(Math.ceil((p * total) / 100));
  });

  test.prop([fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 12 })])(
    "allowed never exceeds the healthy pods and is never negative",
    (total, min) => {
      const allowed = resolvePdbs([pdb("p", { minAvailable: min })], web(total))[0]?.disruptionsAllowed ?? -1;
      expect(allowed).toBe(Math.max(0, total - min));
    },
  );
});

describe("pdbBlock", () => {
  const pods = web(2);
  const target = pods[0]!;
  it("blocks a pod whose PDB allows nothing", () => {
    expect(pdbBlock(target, resolvePdbs([pdb("p", { minAvailable: 2 })], pods))).toEqual({ kind: "no-disruptions", pdb: "default/p" });
  });
  it("blocks a pod selected by two PDBs", () => {
    expect(pdbBlock(target, resolvePdbs([pdb("b", { maxUnavailable: 5 }), pdb("a", { maxUnavailable: 5 })], pods))).toEqual({
      kind: "multiple",
      pdbs: ["default/a", "default/b"],
    });
  });
  it("ignores other namespaces, terminal, mirror and disrupted-tolerating pods", () => {
    const states = resolvePdbs([pdb("p", { minAvailable: 2 })], pods);
    expect(pdbBlock(pod("web-x", { labels: { app: "web" }, namespace: "other", node: "n1" }), states)).toBeUndefined();
    expect(pdbBlock(pod("web-x", { labels: { app: "web" }, node: "n1", phase: "Succeeded" }), states)).toBeUndefined();
    expect(pdbBlock(pod("web-x", { labels: { app: "web" }, node: "n1", owner: "Node" }), states)).toBeUndefined();
    const tolerating = { ...target, spec: { ...target.spec, tolerations: [{ key: "karpenter.sh/disrupted", operator: "Exists" }] } };
    expect(pdbBlock(tolerating, states)).toBeUndefined();
  });
});

describe("unhealthyPodEvictionPolicy (upstream's isEvictable)", () => {
  const budget = (policy?: string): PodDisruptionBudget => ({
    metadata: { name: "b", namespace: "default" },
    spec: { selector: { matchLabels: { app: "a" } }, maxUnavailable: 0, ...(policy === undefined ? {} : { unhealthyPodEvictionPolicy: policy }) },
    status: { disruptionsAllowed: 0 },
  });
  const ready = (status: string) => {
    const p = pod("p", { node: "n", labels: { app: "a" } });
    return { ...p, status: { ...p.status, conditions: [{ type: "Ready", status }] } };
  };

  it("AlwaysAllow lets a pod that is not Ready go, whatever the budget", () => {
    const pdbs = resolvePdbs([budget("AlwaysAllow")], []);
    expect(pdbBlock(ready("False"), pdbs)).toBeUndefined();
    expect(isFullyBlockedByPdb(ready("False"), pdbs)).toBe(false);
    expect(pdbBlock(ready("True"), pdbs)).toEqual({ kind: "no-disruptions", pdb: "default/b" });
    expect(isFullyBlockedByPdb(ready("True"), pdbs)).toBe(true);
  });

  it("IfHealthyBudget (or no policy) keeps the budget for unready pods too", () => {
    for (const policy of ["IfHealthyBudget", undefined]) {
      expect(pdbBlock(ready("False"), resolvePdbs([budget(policy)], []))?.kind).toBe("no-disruptions");
    }
  });

  it("several PDBs refuse the eviction before any policy is read, fully blocking as upstream counts it", () => {
    const second = { ...budget("AlwaysAllow"), metadata: { name: "c", namespace: "default" } };
    const pdbs = resolvePdbs([budget("AlwaysAllow"), second], []);
    expect(pdbBlock(ready("False"), pdbs)).toEqual({ kind: "multiple", pdbs: ["default/b", "default/c"] });
    expect(isFullyBlockedByPdb(ready("False"), pdbs)).toBe(true);
  });
});

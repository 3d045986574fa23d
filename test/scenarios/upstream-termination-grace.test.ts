/**
 * Upstream's tests of a NodeClaim's `terminationGracePeriod` in disruption (pkg/controllers/disruption suite, drift
 * and consolidation tests): eventual disruption (drift) may take a node whose pods block eviction (an active
 * `karpenter.sh/do-not-disrupt`, a PDB allowing no disruption) when a grace period bounds the wait; graceful
 * disruption (emptiness, consolidation) never does. Upstream's `NewCandidate(..., EventualDisruptionClass)` is a
 * pass's `eventual` list here, `GracefulDisruptionClass` its `candidates`; the drift and consolidation tests run the
 * planner. Pods that will not be evicted get no new capacity (upstream's `IsCurrentlyReschedulable`), so drift
 * deletes such a node without a replacement.
 */
import { describe, expect, it } from "vitest";
import { buildClusterState } from "../../src/consolidation/cluster.js";
import { startPass } from "../../src/consolidation/pass.js";
import { buildPlanContext } from "../../src/consolidation/plan.js";
import type { ConsolidationInput } from "../../src/consolidation/types.js";
import { podDisruptionBudget } from "../../src/testing/builders.js";
import type { NodeClaim, Pod, PodDisruptionBudget } from "../../src/types/kubernetes.js";
import { catalogue, disruptionPool, MOST_EXPENSIVE, suiteNode } from "./disruption-fixtures.js";
import { consolidate, nodeClaim, pod } from "./helpers.js";
import { upstream } from "./upstream/files.js";

const NOW = "2025-01-01T12:00:00Z";
const node = suiteNode("node-0", "default", MOST_EXPENSIVE);

/** The node's NodeClaim, initialized, with a 300 s grace period when `grace`, drifted when `drifted`. */
function claimOf(grace: boolean, drifted = false): NodeClaim {
  const c = nodeClaim("claim-0", "default", {
    nodeName: "node-0",
    initialized: true,
    conditions: drifted ? [{ type: "Drifted", status: "True" }] : [],
  });
  return grace ? { ...c, spec: { ...c.spec, terminationGracePeriod: "300s" } } : c;
}
const doNotDisrupt = (): Pod => pod("pod-0", { nodeName: "node-0", phase: "Running", annotations: { "karpenter.sh/do-not-disrupt": "true" } });
const pdbBlocked = (): Pod => pod("pod-0", { nodeName: "node-0", phase: "Running", labels: { test: "value" } });
const blockingPdb = (): PodDisruptionBudget => podDisruptionBudget("pdb", { matchLabels: { test: "value" }, maxUnavailable: 0 });

/** Whether the node is a candidate of eventual (drift) and of graceful (emptiness, consolidation) disruption. */
function classes(claim: NodeClaim, pods: readonly Pod[], pdbs: readonly PodDisruptionBudget[] = []): { eventual: boolean; graceful: boolean } {
  const input: ConsolidationInput = {
    nodePools: [disruptionPool("default", "WhenEmptyOrUnderutilized")],
    nodes: [node],
    nodeClaims: [claim],
    pods,
    podDisruptionBudgets: pdbs,
    instanceTypes: catalogue,
  };
  const ctx = buildPlanContext(input, { now: NOW }, true);
  const pass = startPass(buildClusterState([node], [claim], pods, ctx.pools, ctx.catalog), ctx);
  return { eventual: pass.eventual.some((c) => c.name === "node-0"), graceful: pass.candidates.some((c) => c.name === "node-0") };
}

describe("Candidates and terminationGracePeriod (disruption suite)", () => {
  it(upstream("disruption/suite", "should not consider candidates that have do-not-disrupt pods scheduled and no terminationGracePeriod"), () => {
    expect(classes(claimOf(false), [doNotDisrupt()])).toEqual({ eventual: false, graceful: false });
  });
  it(
    upstream(
      "disruption/suite",
      "should consider candidates that have do-not-disrupt pods scheduled with a terminationGracePeriod set for eventual disruption",
    ),
    () => {
      expect(classes(claimOf(true), [doNotDisrupt()]).eventual).toBe(true);
    },
  );
  it(
    upstream("disruption/suite", "should consider candidates that have PDB-blocked pods scheduled with a terminationGracePeriod set for eventual disruption"),
    () => {
      expect(classes(claimOf(true), [pdbBlocked()], [blockingPdb()]).eventual).toBe(true);
    },
  );
  it(
    upstream(
      "disruption/suite",
      "should not consider candidates that have do-not-disrupt pods scheduled with a terminationGracePeriod set for graceful disruption",
    ),
    () => {
      expect(classes(claimOf(true), [doNotDisrupt()]).graceful).toBe(false);
    },
  );
  it(
    upstream(
      "disruption/suite",
      "should not consider candidates that have PDB-blocked pods scheduled with a terminationGracePeriod set for graceful disruption",
    ),
    () => {
      expect(classes(claimOf(true), [pdbBlocked()], [blockingPdb()]).graceful).toBe(false);
    },
  );
  it(
    upstream(
      "disruption/suite",
      "should not consider candidates that have do-not-disrupt pods scheduled without a terminationGracePeriod set for eventual disruption",
    ),
    () => {
      expect(classes(claimOf(false), [doNotDisrupt()]).eventual).toBe(false);
    },
  );
  it(
    upstream(
      "disruption/suite",
      "should not consider candidates that have PDB-blocked pods scheduled without a terminationGracePeriod set for eventual disruption",
    ),
    () => {
      expect(classes(claimOf(false), [pdbBlocked()], [blockingPdb()]).eventual).toBe(false);
    },
  );
  it(
    upstream("disruption/suite", "should not consider candidates that have do-not-disrupt pods without a terminationGracePeriod set for graceful disruption"),
    () => {
      expect(classes(claimOf(false), [doNotDisrupt()]).graceful).toBe(false);
    },
  );
  it(
    upstream("disruption/suite", "should not consider candidates that have fully blocking PDBs without a terminationGracePeriod set for graceful disruption"),
    () => {
      expect(classes(claimOf(false), [pdbBlocked()], [blockingPdb()]).graceful).toBe(false);
    },
  );

  it("a node-level do-not-disrupt annotation keeps the node out of eventual disruption too", () => {
    const annotated = { ...node, metadata: { ...node.metadata, annotations: { "karpenter.sh/do-not-disrupt": "true" } } };
    const claim = claimOf(true);
    const input: ConsolidationInput = {
      nodePools: [disruptionPool("default", "WhenEmptyOrUnderutilized")],
      nodes: [annotated],
      nodeClaims: [claim],
      pods: [],
      instanceTypes: catalogue,
    };
    const ctx = buildPlanContext(input, { now: NOW }, true);
    const pass = startPass(buildClusterState([annotated], [claim], [], ctx.pools, ctx.catalog), ctx);
    expect(pass.eventual).toEqual([]);
  });
});

describe("Drift and consolidation with terminationGracePeriod", () => {
  const plan = (claim: NodeClaim, pods: readonly Pod[], pdbs: readonly PodDisruptionBudget[] = []) =>
    consolidate(
      {
        nodePools: [disruptionPool("default", "WhenEmptyOrUnderutilized")],
        nodes: [node],
        nodeClaims: [claim],
        pods: [...pods],
        podDisruptionBudgets: [...pdbs],
        instanceTypes: catalogue,
      },
      { maxCommands: 1, now: NOW },
    );

  it(
    upstream(
      "disruption/drift",
      "Drift › should not create replacements for drifted nodes that have pods with the karpenter.sh/do-not-disrupt annotation set to true when the NodePool's TerminationGracePeriod is not nil",
    ),
    () => {
      const result = plan(claimOf(true, true), [doNotDisrupt()]);
      // The pod will not be evicted until the grace period ends: no capacity for it, the node is deleted.
      expect(result.commands.map((c) => [c.method, c.decision, c.candidates, c.replacements.length])).toEqual([["drift", "delete", ["node-0"], 0]]);
      expect(plan(claimOf(false, true), [doNotDisrupt()]).commands).toEqual([]);
    },
  );

  it(
    upstream(
      "disruption/drift",
      "Drift › should not create replacements for drifted nodes that have pods with the blocking PDBs when the NodePool's TerminationGracePeriod is not nil",
    ),
    () => {
      const result = plan(claimOf(true, true), [pdbBlocked()], [blockingPdb()]);
      expect(result.commands.map((c) => [c.method, c.decision, c.candidates, c.replacements.length])).toEqual([["drift", "delete", ["node-0"], 0]]);
    },
  );

  it(
    upstream(
      "disruption/consolidation",
      "Delete › does not consolidate nodes with karpenter.sh/do-not-disrupt set to true on pods when the NodePool's TerminationGracePeriod is not nil",
    ),
    () => {
      expect(plan(claimOf(true), [doNotDisrupt()]).commands).toEqual([]);
      // Control: without the annotation the same node is consolidated.
      expect(plan(claimOf(true), [pod("pod-0", { nodeName: "node-0", phase: "Running" })]).commands.map((c) => c.method)).toEqual(["single-node"]);
    },
  );

  it(
    upstream(
      "disruption/consolidation",
      "Delete › does not consolidate nodes with pods with blocking PDBs when the NodePool's TerminationGracePeriod is not nil",
    ),
    () => {
      expect(plan(claimOf(true), [pdbBlocked()], [blockingPdb()]).commands).toEqual([]);
    },
  );
});

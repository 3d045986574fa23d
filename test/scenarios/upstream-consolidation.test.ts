/**
 * Upstream's consolidation suite (pkg/controllers/disruption/consolidation_test.go), translated one `It` at a time
 * through the consolidation planner on the disruption suite's assorted catalogue. Its NodePool consolidates
 * WhenEmptyOrUnderutilized after 0s with a 100% budget; `Delete` starts from two nodes of the cheapest on-demand type.
 * One reconcile of upstream's controller is `consolidate(..., { maxCommands: 1 })`; "deleted" is what that one command
 * removes.
 */
import { describe, expect, it } from "vitest";
import type { InstanceType, OfferingSpec } from "../../src/instance-types/index.js";
import type { Pod } from "../../src/types/kubernetes.js";
import { fakeInstanceType } from "../../src/testing/fake-catalog.js";
import {
  byPrice,
  catalogue,
  disruptionPool,
  LEAST_EXPENSIVE,
  LEAST_EXPENSIVE_SPOT,
  MOST_EXPENSIVE,
  MOST_EXPENSIVE_SPOT,
  owned,
  suiteNode,
  withRequests,
} from "./disruption-fixtures.js";
import { consolidate, node, pod, type ConsolidationScenario } from "./helpers.js";
import { upstream } from "./upstream/files.js";

const LABELS = { app: "test" };
const pool = () => disruptionPool("default", "WhenEmptyOrUnderutilized");
/** The Delete context's two nodes. */
const twoNodes = (annotations1: Record<string, string> = {}) => [
  suiteNode("node-0", "default", LEAST_EXPENSIVE),
  suiteNode("node-1", "default", LEAST_EXPENSIVE, annotations1),
];
/** ReplicaSet pods: two on node-0, one on node-1 (upstream's usual binding). */
const threePods = (annotate: (i: number) => Record<string, string> = () => ({}), labelled: (i: number) => boolean = () => true): Pod[] =>
  [0, 1, 2].map((i) => owned(`pod-${i}`, i < 2 ? "node-0" : "node-1", "ReplicaSet", false, labelled(i) ? LABELS : {}, annotate(i)));
/** An assorted instance type (named `<cpu>-cpu-<mem>-mem-<arch>-<os>-<zone>-<capacity>`) rebuilt with other offerings. */
function assortedWith(type: InstanceType, offerings: readonly OfferingSpec[]): InstanceType {
  const [cpu, , memoryGi, , arch, os] = type.name.split("-");
  return fakeInstanceType({ name: type.name, cpu: Number(cpu), memoryGi: Number(memoryGi), arch, operatingSystems: [os ?? "linux"], offerings });
}
/** The nodes the one planned command deletes without a replacement, sorted; [] when nothing is planned. */
function disrupted(scenario: ConsolidationScenario, now?: string): string[] {
  const plan = consolidate(scenario, { maxCommands: 1, ...(now === undefined ? {} : { now }) });
  expect(plan.commands.length).toBeLessThanOrEqual(1);
  // Upstream's Delete tests end with one NodeClaim fewer and none created.
  expect(plan.commands[0]?.replacements ?? []).toEqual([]);
  return [...(plan.commands[0]?.candidates ?? [])].sort();
}

describe("Delete", () => {
  // node-1 carries one pod and node-0 two: one command deletes node-1 and creates nothing.
  const deletesNodeWithFewerPods = (pods: () => Pod[]) => (): void => {
    expect(disrupted({ nodePools: [pool()], nodes: twoNodes(), pods: pods(), instanceTypes: catalogue })).toEqual(["node-1"]);
  };
  it(
    upstream("disruption/consolidation", "Delete › can delete nodes"),
    deletesNodeWithFewerPods(() => threePods()),
  );
  // Upstream creates a second NodePool without a node class but never applies it; the cluster holds one NodePool.
  it(
    upstream("disruption/consolidation", "Delete › can delete nodes if another nodePool has no node template"),
    deletesNodeWithFewerPods(() => threePods()),
  );
  it(
    upstream("disruption/consolidation", "Delete › can delete nodes, considers invalid do-not-disrupt annotation format as not blocking"),
    deletesNodeWithFewerPods(() => threePods((i) => (i === 2 ? { "karpenter.sh/do-not-disrupt": "invalid-format" } : {}))),
  );
  it(
    upstream("disruption/consolidation", "Delete › can delete nodes, evicts pods without an ownerRef"),
    deletesNodeWithFewerPods(() =>
      threePods(
        () => ({}),
        () => false,
      ).map((p, i) => (i === 2 ? { ...p, metadata: { ...p.metadata, ownerReferences: [] } } : p)),
    ),
  );
  it(upstream("disruption/consolidation", "Delete › won't delete node if it would require pods to schedule on an uninitialized node"), () => {
    const [n0, n1] = twoNodes();
    if (n0 === undefined || n1 === undefined) throw new Error("two nodes");
    const { "karpenter.sh/initialized": _, ...labels } = n0.metadata.labels ?? {};
    const uninitialized = { ...n0, metadata: { ...n0.metadata, labels } };
    expect(consolidate({ nodePools: [pool()], nodes: [uninitialized, n1], pods: threePods(), instanceTypes: catalogue }).commands).toEqual([]);
  });
  it(upstream("disruption/consolidation", "Delete › should not consolidate pods onto a destination node that is under its consolidateAfter window"), () => {
    // Upstream marks both nodes consolidatable by hand and gates only the destination by its initialization time;
    // nodefit reads one clock for both, so node-1 (the source) is older than the window and node-0 inside it.
    const np = disruptionPool("default", "WhenEmptyOrUnderutilized", [{ nodes: "100%" }], "1m");
    const [n0, n1] = twoNodes();
    if (n0 === undefined || n1 === undefined) throw new Error("two nodes");
    const recent = { ...n0, metadata: { ...n0.metadata, creationTimestamp: "2025-01-01T11:59:30Z" } };
    const scenario = { nodePools: [np], nodes: [recent, n1], pods: threePods(), instanceTypes: catalogue };
    expect(disrupted(scenario)).toEqual([]);
    expect(disrupted(scenario, "2025-01-01T12:02:00Z")).toEqual(["node-1"]);
  });
  it(upstream("disruption/consolidation", "Delete › should consolidate pods onto a destination node with consolidateAfter set to Never"), () => {
    const never = disruptionPool("destination", "WhenEmptyOrUnderutilized", [{ nodes: "100%" }], "Never");
    const destination = suiteNode("destination-node", "destination", LEAST_EXPENSIVE);
    const recent = { ...destination, metadata: { ...destination.metadata, creationTimestamp: "2025-01-01T12:00:00Z" } };
    const nodes = [suiteNode("node-0", "default", LEAST_EXPENSIVE), recent];
    const pods = [owned("pod-0", "node-0", "ReplicaSet", false, LABELS)];
    expect(disrupted({ nodePools: [pool(), never], nodes, pods, instanceTypes: catalogue })).toEqual(["node-0"]);
  });
  it(upstream("disruption/consolidation", "Delete › should replace a node with a cheaper one even when consolidateAfter has not expired"), () => {
    const np = disruptionPool("default", "WhenEmptyOrUnderutilized", [{ nodes: "100%" }], "1m");
    const plan = consolidate(
      {
        nodePools: [np],
        nodes: [suiteNode("node-0", "default", MOST_EXPENSIVE)],
        pods: [owned("pod-0", "node-0", "ReplicaSet", false, LABELS)],
        instanceTypes: catalogue,
      },
      { maxCommands: 1 },
    );
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "replace", candidates: ["node-0"] });
    expect(plan.commands[0]?.replacements).toHaveLength(1);
  });
  it(upstream("disruption/consolidation", "Delete › can delete nodes with a permanently pending pod"), () => {
    const pending = pod("pending", { nodeSelector: { "non-existent": "node-label" } });
    expect(disrupted({ nodePools: [pool()], nodes: twoNodes(), pods: [...threePods(), pending], instanceTypes: catalogue })).toEqual(["node-1"]);
  });
  it(upstream("disruption/consolidation", "Delete › won't delete nodes if it would make a non-pending pod go pending"), () => {
    const labelled = twoNodes().map((n, i) => ({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, foo: String(i + 1) } } }));
    const pods = threePods().map((p, i) => ({ ...p, spec: { ...p.spec, nodeSelector: { foo: i < 2 ? "1" : "2" } } }));
    expect(consolidate({ nodePools: [pool()], nodes: labelled, pods, instanceTypes: catalogue }).commands).toEqual([]);
  });
  it(upstream("disruption/consolidation", "Delete › should consider initialized nodes before uninitialized nodes"), () => {
    // 100 nodes of a 3 CPU / 3Gi type each hold a 2 CPU / 2Gi pod; only one (here node-37) is initialized. The small
    // node's 1 CPU / 1Gi pod fits on any of them, and must go to the initialized one.
    const big = fakeInstanceType({ name: "default-instance-type", cpu: 3, memoryGi: 3, pods: 110 });
    const small = fakeInstanceType({ name: "small-instance-type", cpu: 1, memoryGi: 1, pods: 10 });
    const resized = (n: ReturnType<typeof suiteNode>, allocatable: Record<string, string>, initialized: boolean) => {
      const { "karpenter.sh/initialized": _, ...uninitializedLabels } = n.metadata.labels ?? {};
      return { ...n, metadata: { ...n.metadata, labels: initialized ? (n.metadata.labels ?? {}) : uninitializedLabels }, status: { ...n.status, allocatable } };
    };
    const nodes = Array.from({ length: 100 }, (_, i) => resized(suiteNode(`node-${i}`, "default", big), { cpu: "3", memory: "3Gi", pods: "100" }, i === 37));
    const pods = nodes.map((n, i) => withRequests(owned(`pod-${i}`, n.metadata.name ?? "", "ReplicaSet", false, LABELS), { cpu: "2", memory: "2Gi" }));
    const target = resized(suiteNode("consolidatable", "default", small), { cpu: "1", memory: "1Gi", pods: "100" }, true);
    const moved = withRequests(owned("moved", "consolidatable", "ReplicaSet", false, LABELS), { cpu: "1", memory: "1Gi" });
    const plan = consolidate({ nodePools: [pool()], nodes: [...nodes, target], pods: [...pods, moved], instanceTypes: [big, small] }, { maxCommands: 1 });
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "delete", candidates: ["consolidatable"], replacements: [] });
  });
  it(upstream("disruption/consolidation", "Delete › can delete nodes, when non-Karpenter capacity can fit pods"), () => {
    const unmanaged = node("unmanaged", { allocatable: { cpu: "32", pods: "100" } });
    const pods = [0, 1, 2].map((i) => owned(`pod-${i}`, "node-0", "ReplicaSet", false, LABELS));
    const plan = consolidate(
      { nodePools: [pool()], nodes: [suiteNode("node-0", "default", LEAST_EXPENSIVE), unmanaged], pods, instanceTypes: catalogue },
      { maxCommands: 1 },
    );
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "delete", candidates: ["node-0"], replacements: [] });
  });
  it(upstream("disruption/consolidation", "Delete › can delete nodes, considers PDB"), () => {
    // Only pod-2 (on node-1) is covered by the PDB, which allows no disruption: node-0 goes although it has more pods.
    const pdb = {
      metadata: { name: "pdb", namespace: "default" },
      spec: { selector: { matchLabels: LABELS }, maxUnavailable: 0 },
      status: { disruptionsAllowed: 0 },
    };
    const pods = threePods(
      () => ({}),
      (i) => i === 2,
    );
    expect(disrupted({ nodePools: [pool()], nodes: twoNodes(), pods, podDisruptionBudgets: [pdb], instanceTypes: catalogue })).toEqual(["node-0"]);
  });
  it(upstream("disruption/consolidation", "Delete › can delete nodes, considers karpenter.sh/do-not-disrupt set to true on nodes"), () => {
    const nodes = twoNodes({ "karpenter.sh/do-not-disrupt": "true" });
    expect(disrupted({ nodePools: [pool()], nodes, pods: threePods(), instanceTypes: catalogue })).toEqual(["node-0"]);
  });
  it(upstream("disruption/consolidation", "Delete › can delete nodes, considers karpenter.sh/do-not-disrupt set to true on pods"), () => {
    const pods = threePods((i) => (i === 2 ? { "karpenter.sh/do-not-disrupt": "true" } : {}));
    expect(disrupted({ nodePools: [pool()], nodes: twoNodes(), pods, instanceTypes: catalogue })).toEqual(["node-0"]);
  });
  it(
    upstream(
      "disruption/consolidation",
      "Delete › does not consolidate nodes with pods that have a duration-based do-not-disrupt annotation that is still active",
    ),
    () => {
      const now = "2025-01-01T12:00:00Z";
      const pods = threePods((i) => (i === 2 ? { "karpenter.sh/do-not-disrupt": "2m" } : {})).map((p, i) =>
        i === 2 ? { ...p, status: { ...p.status, startTime: now } } : p,
      );
      expect(disrupted({ nodePools: [pool()], nodes: twoNodes(), pods, instanceTypes: catalogue }, now)).toEqual(["node-0"]);
    },
  );
  it(upstream("disruption/consolidation", "Delete › can consolidate nodes after duration-based do-not-disrupt annotation expires"), () => {
    const start = "2025-01-01T12:00:00Z";
    const pods = threePods(() => ({ "karpenter.sh/do-not-disrupt": "2m" })).map((p) => ({ ...p, status: { ...p.status, startTime: start } }));
    const scenario = { nodePools: [pool()], nodes: twoNodes(), pods, instanceTypes: catalogue };
    expect(disrupted(scenario, start)).toEqual([]);
    // Three minutes later every grace period has run out and one command is planned.
    expect(consolidate(scenario, { maxCommands: 1, now: "2025-01-01T12:03:00Z" }).commands).toHaveLength(1);
  });
});

describe("Replace", () => {
  const canReplace = (type: typeof MOST_EXPENSIVE) => (): void => {
    const plan = consolidate(
      {
        nodePools: [pool()],
        nodes: [suiteNode("node-0", "default", type)],
        pods: [owned("pod-0", "node-0", "ReplicaSet", false, LABELS)],
        instanceTypes: catalogue,
      },
      { maxCommands: 1, spotToSpotConsolidation: true },
    );
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "replace", candidates: ["node-0"] });
    expect(plan.commands[0]?.replacements).toHaveLength(1);
    // The replacement may not be the candidate's own (most expensive) instance type.
    expect(plan.commands[0]?.replacements[0]?.instanceTypeOptions).not.toContain(type.name);
  };
  it(upstream("disruption/consolidation", "Replace › can replace node › if the candidate is on-demand node"), canReplace(MOST_EXPENSIVE));
  it(upstream("disruption/consolidation", "Replace › can replace node › if the candidate is spot node"), canReplace(MOST_EXPENSIVE_SPOT));

  const offering = (capacityType: string, zone: string, price: number, available = true) => ({ capacityType, zone, price, available });
  const wontReplace =
    (replacementOfferings: ReturnType<typeof offering>[], requirements: { key: string; operator: string; values: string[] }[]) => (): void => {
      const current = fakeInstanceType({ name: "current-on-demand", offerings: [offering("on-demand", "test-zone-1a", 0.5, false)] });
      const replacement = fakeInstanceType({ name: "replacement", offerings: replacementOfferings });
      const np = disruptionPool("default", "WhenEmptyOrUnderutilized");
      const constrained = { ...np, spec: { ...np.spec, template: { spec: { requirements } } } };
      const plan = consolidate(
        {
          nodePools: [constrained],
          nodes: [suiteNode("node-0", "default", current)],
          pods: [owned("pod-0", "node-0", "ReplicaSet", false, LABELS)],
          instanceTypes: [current, replacement],
        },
        { maxCommands: 1, spotToSpotConsolidation: true },
      );
      expect(plan.commands).toEqual([]);
    };
  it(
    upstream("disruption/consolidation", "Replace › won't replace node if any spot replacement is more expensive"),
    wontReplace([offering("spot", "test-zone-1a", 1.0), offering("spot", "test-zone-1b", 0.2), offering("spot", "test-zone-1c", 0.4)], []),
  );
  it(
    upstream("disruption/consolidation", "Replace › won't replace on-demand node if on-demand replacement is more expensive"),
    wontReplace(
      [
        offering("on-demand", "test-zone-1a", 0.6),
        offering("on-demand", "test-zone-1b", 0.6),
        offering("spot", "test-zone-1b", 0.2),
        offering("spot", "test-zone-1c", 0.3),
      ],
      [{ key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand"] }],
    ),
  );
});

describe("Replace › blockers", () => {
  const pdb = (namespace = "default") => ({
    metadata: { name: "pdb", namespace },
    spec: { selector: { matchLabels: LABELS }, maxUnavailable: 0 },
    status: { disruptionsAllowed: 0 },
  });
  /** Upstream's node of the table's type: the most expensive on-demand or spot type, 32 CPU allocatable. */
  const candidate = (spot: boolean) => suiteNode("node-0", "default", spot ? MOST_EXPENSIVE_SPOT : MOST_EXPENSIVE);
  const replaceOne = (scenario: Omit<ConsolidationScenario, "nodePools" | "instanceTypes">) =>
    consolidate({ nodePools: [pool()], instanceTypes: catalogue, ...scenario }, { maxCommands: 1, spotToSpotConsolidation: true });
  /** A ReplicaSet pod on `node` requesting 2 CPU. */
  const twoCpu = (name: string, node: string, annotations: Record<string, string> = {}): Pod =>
    withRequests(owned(name, node, "ReplicaSet", false, LABELS, annotations), { cpu: "2" });
  /** A second node of the most expensive type with 5 CPU allocatable, as upstream's tables build it. */
  const smallSecond = (spot: boolean, annotations: Record<string, string> = {}) => {
    const n = suiteNode("node-1", "default", spot ? MOST_EXPENSIVE_SPOT : MOST_EXPENSIVE, annotations);
    return { ...n, status: { ...n.status, allocatable: { cpu: "5", pods: "100" } } };
  };
  const expectReplaced = (plan: ReturnType<typeof consolidate>): void => {
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "replace", candidates: ["node-0"] });
    expect(plan.commands[0]?.replacements).toHaveLength(1);
  };

  const considersPdb = (spot: boolean) => (): void => {
    const pods = [0, 1, 2].map((i) => owned(`pod-${i}`, "node-0", "ReplicaSet", false, LABELS));
    expect(replaceOne({ nodes: [candidate(spot)], pods, podDisruptionBudgets: [pdb()] }).commands).toEqual([]);
  };
  // The PDB allows no disruption, but says unhealthy pods may always go, and all three pods are not Ready.
  const considersPdbPolicy = (spot: boolean) => (): void => {
    const unready = (p: Pod): Pod => ({ ...p, status: { ...p.status, conditions: [{ type: "Ready", status: "False" }] } });
    const pods = [0, 1, 2].map((i) => unready(owned(`pod-${i}`, "node-0", "ReplicaSet", false, LABELS)));
    const policy = { ...pdb(), spec: { ...pdb().spec, unhealthyPodEvictionPolicy: "AlwaysAllow" } };
    expectReplaced(replaceOne({ nodes: [candidate(spot)], pods, podDisruptionBudgets: [policy] }));
    // Ready pods (or no such policy) keep the node, as "considers PDB" asserts.
    expect(
      replaceOne({
        nodes: [candidate(spot)],
        pods: pods.map((p) => ({ ...p, status: { ...p.status, conditions: [{ type: "Ready", status: "True" }] } })),
        podDisruptionBudgets: [policy],
      }).commands,
    ).toEqual([]);
  };
  const pdbNamespaceMustMatch = (spot: boolean) => (): void => {
    const pods = [owned("pod-0", "node-0", "ReplicaSet", false, LABELS)];
    expectReplaced(replaceOne({ nodes: [candidate(spot)], pods, podDisruptionBudgets: [pdb("other")] }));
  };
  // node-1 may not be disrupted and has room for only one of node-0's pods: node-0 is replaced, node-1 stays.
  const doNotDisruptNode = (spot: boolean) => (): void => {
    const nodes = [candidate(spot), smallSecond(spot, { "karpenter.sh/do-not-disrupt": "true" })];
    expectReplaced(replaceOne({ nodes, pods: [twoCpu("pod-0", "node-0"), twoCpu("pod-1", "node-0"), twoCpu("pod-2", "node-1")] }));
  };
  const doNotDisruptPod = (spot: boolean) => (): void => {
    const pods = [twoCpu("pod-0", "node-0"), twoCpu("pod-1", "node-0"), twoCpu("pod-2", "node-1", { "karpenter.sh/do-not-disrupt": "true" })];
    expectReplaced(replaceOne({ nodes: [candidate(spot), smallSecond(spot)], pods }));
  };
  it(upstream("disruption/consolidation", "Replace › can replace nodes, considers PDB › if the candidate is on-demand node"), considersPdb(false));
  it(upstream("disruption/consolidation", "Replace › can replace nodes, considers PDB › if the candidate is spot node"), considersPdb(true));
  it(upstream("disruption/consolidation", "Replace › can replace nodes, considers PDB policy › if the candidate is on-demand node"), considersPdbPolicy(false));
  it(upstream("disruption/consolidation", "Replace › can replace nodes, considers PDB policy › if the candidate is spot node"), considersPdbPolicy(true));
  it(
    upstream("disruption/consolidation", "Replace › can replace nodes, PDB namespace must match › if the candidate is on-demand node"),
    pdbNamespaceMustMatch(false),
  );
  it(
    upstream("disruption/consolidation", "Replace › can replace nodes, PDB namespace must match › if the candidate is spot node"),
    pdbNamespaceMustMatch(true),
  );
  it(
    upstream(
      "disruption/consolidation",
      "Replace › can replace nodes, considers karpenter.sh/do-not-disrupt set to true on nodes › if the candidate is on-demand node",
    ),
    doNotDisruptNode(false),
  );
  it(
    upstream(
      "disruption/consolidation",
      "Replace › can replace nodes, considers karpenter.sh/do-not-disrupt set to true on nodes › if the candidate is spot node",
    ),
    doNotDisruptNode(true),
  );
  it(
    upstream(
      "disruption/consolidation",
      "Replace › can replace nodes, considers karpenter.sh/do-not-disrupt set to true on pods › if the candidate is on-demand node",
    ),
    doNotDisruptPod(false),
  );
  it(
    upstream(
      "disruption/consolidation",
      "Replace › can replace nodes, considers karpenter.sh/do-not-disrupt set to true on pods › if the candidate is spot node",
    ),
    doNotDisruptPod(true),
  );
});

describe("Multi-NodeClaim", () => {
  const oneEach = [0, 1, 2].map((i) => owned(`pod-${i}`, `node-${i}`, "ReplicaSet", false, LABELS));
  const mergeThree = (types: readonly (typeof MOST_EXPENSIVE)[]) => (): void => {
    const nodes = types.map((t, i) => suiteNode(`node-${i}`, "default", t));
    const plan = consolidate({ nodePools: [pool()], nodes, pods: oneEach, instanceTypes: catalogue }, { maxCommands: 1, spotToSpotConsolidation: true });
    expect(plan.commands).toHaveLength(1);
    expect([...(plan.commands[0]?.candidates ?? [])].sort()).toEqual(["node-0", "node-1", "node-2"]);
    expect(plan.commands[0]?.replacements).toHaveLength(1);
  };
  it(
    upstream("disruption/consolidation", "Multi-NodeClaim › can merge 3 nodes into 1 › if the candidate is on-demand node"),
    mergeThree([MOST_EXPENSIVE, MOST_EXPENSIVE, MOST_EXPENSIVE]),
  );
  it(
    upstream("disruption/consolidation", "Multi-NodeClaim › can merge 3 nodes into 1 › if the candidate is spot node"),
    mergeThree([MOST_EXPENSIVE_SPOT, MOST_EXPENSIVE_SPOT, MOST_EXPENSIVE_SPOT]),
  );
  it(
    upstream("disruption/consolidation", "Multi-NodeClaim › can merge 3 nodes into 1 if the candidates have both spot and on-demand"),
    mergeThree([MOST_EXPENSIVE, MOST_EXPENSIVE, MOST_EXPENSIVE_SPOT]),
  );
  // One pod on node-0, two on node-1, both of one cheapest type: upstream deletes node-0 rather than merge them.
  const wontMergeSameType = (type: typeof MOST_EXPENSIVE) => (): void => {
    const nodes = [suiteNode("node-0", "default", type), suiteNode("node-1", "default", type)];
    const pods = [
      owned("pod-0", "node-0", "ReplicaSet", false, LABELS),
      owned("pod-1", "node-1", "ReplicaSet", false, LABELS),
      owned("pod-2", "node-1", "ReplicaSet", false, LABELS),
    ];
    const plan = consolidate({ nodePools: [pool()], nodes, pods, instanceTypes: catalogue }, { maxCommands: 1, spotToSpotConsolidation: true });
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "delete", candidates: ["node-0"], replacements: [] });
  };
  // Upstream's table swaps the names: its "on-demand" entry runs on the cheapest spot type, its "spot" entry on the
  // cheapest on-demand type.
  it(
    upstream("disruption/consolidation", "Multi-NodeClaim › won't merge 2 nodes into 1 of the same type › if the candidate is on-demand node"),
    wontMergeSameType(LEAST_EXPENSIVE_SPOT),
  );
  it(
    upstream("disruption/consolidation", "Multi-NodeClaim › won't merge 2 nodes into 1 of the same type › if the candidate is spot node"),
    wontMergeSameType(LEAST_EXPENSIVE),
  );
});

describe("Multi-NodeClaim › empty nodes", () => {
  const threeEmpty = (type: typeof MOST_EXPENSIVE) => (): void => {
    const nodes = [0, 1, 2].map((i) => suiteNode(`node-${i}`, "default", type));
    const plan = consolidate({ nodePools: [pool()], nodes, instanceTypes: catalogue }, { maxCommands: 1, spotToSpotConsolidation: true });
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "delete", replacements: [] });
    expect([...(plan.commands[0]?.candidates ?? [])].sort()).toEqual(["node-0", "node-1", "node-2"]);
  };
  // Upstream's table swaps the names here too: the "on-demand" entry runs on spot nodes.
  it(
    upstream(
      "disruption/consolidation",
      "Multi-NodeClaim › should consolidate multiple empty nodes via multi-nodeclaim consolidation › if the candidate is on-demand node",
    ),
    threeEmpty(MOST_EXPENSIVE_SPOT),
  );
  it(
    upstream(
      "disruption/consolidation",
      "Multi-NodeClaim › should consolidate multiple empty nodes via multi-nodeclaim consolidation › if the candidate is spot node",
    ),
    threeEmpty(MOST_EXPENSIVE),
  );
});

describe("Topology Consideration", () => {
  // Upstream's on-demand types in price order, and the first (or last) with an offering in a zone.
  const onDemand = byPrice("on-demand");
  const inZone = (zone: string) => (t: (typeof onDemand)[number]) => t.offerings.some((o) => o.zone === zone);
  const cheapestIn = (zone: string) => onDemand.find(inZone(zone)) ?? LEAST_EXPENSIVE;
  const dearestIn = (zone: string) => [...onDemand].reverse().find(inZone(zone)) ?? MOST_EXPENSIVE;
  /** A node of `type` labelled with `zone` (and the capacity type of the type's first offering), 1 CPU allocatable. */
  const zoned = (name: string, type: typeof MOST_EXPENSIVE, zone: string) => {
    const n = suiteNode(name, "default", type);
    return {
      ...n,
      metadata: { ...n.metadata, labels: { ...n.metadata.labels, "topology.kubernetes.io/zone": zone } },
      status: { ...n.status, allocatable: { cpu: "1" } },
    };
  };
  const oneCpuPods = (extra: Partial<Pod["spec"]>, labels: Record<string, string>) =>
    [0, 1, 2].map((i) => {
      const p = withRequests(owned(`pod-${i}`, `node-${i}`, "ReplicaSet", false, labels), { cpu: "1" });
      return { ...p, spec: { ...p.spec, ...extra } };
    });

  it(upstream("disruption/consolidation", "Topology Consideration › can replace node maintaining zonal topology spread"), () => {
    const labels = { app: "test-zonal-spread" };
    const spread = { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: labels } };
    const nodes = [
      zoned("node-0", cheapestIn("test-zone-1"), "test-zone-1"),
      zoned("node-1", dearestIn("test-zone-2"), "test-zone-2"),
      zoned("node-2", cheapestIn("test-zone-3"), "test-zone-3"),
    ];
    const plan = consolidate(
      { nodePools: [pool()], nodes, pods: oneCpuPods({ topologySpreadConstraints: [spread] }, labels), instanceTypes: catalogue },
      { maxCommands: 1 },
    );
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "replace", candidates: ["node-1"] });
    // The replacement stays in the zone it replaces, so the skew stays 1/1/1.
    expect(plan.commands[0]?.replacements.map((c) => c.zone)).toEqual(["test-zone-2"]);
  });
  it(upstream("disruption/consolidation", "Topology Consideration › won't delete node if it would violate pod anti-affinity"), () => {
    const apart = {
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: LABELS } }] },
    };
    const nodes = ["test-zone-1", "test-zone-2", "test-zone-3"].map((zone, i) => zoned(`node-${i}`, cheapestIn(zone), zone));
    expect(consolidate({ nodePools: [pool()], nodes, pods: oneCpuPods({ affinity: apart }, LABELS), instanceTypes: catalogue }).commands).toEqual([]);
  });
});

describe("Replace › options", () => {
  it(upstream("disruption/consolidation", "Replace › cannot replace spot with spot if the spotToSpotConsolidation is disabled"), () => {
    const scenario = {
      nodePools: [pool()],
      nodes: [suiteNode("node-0", "default", MOST_EXPENSIVE_SPOT)],
      pods: [owned("pod-0", "node-0", "ReplicaSet", false, LABELS)],
      instanceTypes: catalogue,
    };
    const plan = consolidate(scenario, { maxCommands: 1, spotToSpotConsolidation: false });
    expect(plan.commands).toEqual([]);
    expect(plan.blocked.map((b) => b.code)).toContain("spot-to-spot-disabled");
  });
  // Upstream's second NodePool gets no instance types from the cloud provider; here its requirements match none.
  const anotherPoolWithoutTypes = (type: typeof MOST_EXPENSIVE) => (): void => {
    const empty = { ...pool(), metadata: { name: "nodepool-2" } };
    const noTypes = {
      ...empty,
      spec: { ...empty.spec, template: { spec: { requirements: [{ key: "node.kubernetes.io/instance-type", operator: "In", values: ["no-such-type"] }] } } },
    };
    const plan = consolidate(
      {
        nodePools: [pool(), noTypes],
        nodes: [suiteNode("node-0", "default", type)],
        pods: [owned("pod-0", "node-0", "ReplicaSet", false, LABELS)],
        instanceTypes: catalogue,
      },
      { maxCommands: 1, spotToSpotConsolidation: true },
    );
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "replace", candidates: ["node-0"] });
    expect(plan.commands[0]?.replacements[0]?.instanceTypeOptions).not.toContain(MOST_EXPENSIVE.name);
  };
  it(
    upstream("disruption/consolidation", "Replace › can replace nodes if another nodePool returns no instance types › if the candidate is on-demand node"),
    anotherPoolWithoutTypes(MOST_EXPENSIVE),
  );
  it(
    upstream("disruption/consolidation", "Replace › can replace nodes if another nodePool returns no instance types › if the candidate is spot node"),
    anotherPoolWithoutTypes(MOST_EXPENSIVE_SPOT),
  );
});

describe("Replace › spot-to-spot flexibility", () => {
  /** An assorted type rebuilt with one offering of the given capacity type and price (upstream edits its offering). */
  const repriced = (type: InstanceType, capacityType: string, price: number): InstanceType =>
    assortedWith(type, [{ zone: type.offerings[0]?.zone ?? "test-zone-1", capacityType, price }]);
  const hasSpot = (t: typeof MOST_EXPENSIVE) => t.offerings.some((o) => o.capacityType === "spot");
  const cheapest = (t: typeof MOST_EXPENSIVE) => Math.min(...t.offerings.map((o) => o.price));
  /** One spot node of `type` holding one pod; upstream's spot node has 32 CPU allocatable. */
  const spotScenario = (types: readonly (typeof MOST_EXPENSIVE)[], type: typeof MOST_EXPENSIVE, np = pool()) =>
    consolidate(
      { nodePools: [np], nodes: [suiteNode("node-0", "default", type)], pods: [owned("pod-0", "node-0", "ReplicaSet", false, LABELS)], instanceTypes: types },
      { maxCommands: 1, spotToSpotConsolidation: true },
    );
  /** The first `n` assorted types, the first made a spot offering at 0.001. */
  const withCheapSpot = (n: number) => catalogue.slice(0, n).map((t, i) => (i === 0 ? repriced(t, "spot", 0.001) : t));
  // Ties keep catalogue order, as Go's sort.Slice happens to for these few equal prices.
  const byCheapest = (types: readonly (typeof MOST_EXPENSIVE)[]) => [...types].sort((a, b) => cheapest(a) - cheapest(b));

  it(upstream("disruption/consolidation", "Replace › cannot replace spot with spot if less than minimum InstanceTypes flexibility"), () => {
    const types = withCheapSpot(5);
    const spot = byCheapest(types.filter(hasSpot));
    const plan = spotScenario(types, spot[spot.length - 1] ?? MOST_EXPENSIVE_SPOT);
    expect(plan.commands).toEqual([]);
    expect(plan.blocked.map((b) => b.message)).toContain(
      "SpotToSpotConsolidation requires 15 cheaper instance type options than the current candidate to consolidate, got 1",
    );
  });
  it(upstream("disruption/consolidation", "Replace › cannot replace spot with spot if it is part of the 15 cheapest instance types."), () => {
    const types = byCheapest(withCheapSpot(20));
    const spot = types.filter(hasSpot);
    expect(spotScenario(types, spot[1] ?? MOST_EXPENSIVE_SPOT).commands).toEqual([]);
  });
  /**
   * Eighteen spot types priced 1.0, 1.1, ... with the seventeenth at 0.001; the candidate is the dearest. The
   * replacement launches from the `expected` cheapest (15, or minValues on `instance-type` when more).
   */
  const cheapestOptions = (minValues: number | undefined, expected: number) => (): void => {
    const spot = catalogue
      .filter(hasSpot)
      .slice(0, 18)
      .map((t, i) => repriced(t, "spot", i === 16 ? 0.001 : 1 + i * 0.1));
    const candidate = spot[17] ?? MOST_EXPENSIVE_SPOT;
    const np = pool();
    const requirements = minValues === undefined ? [] : [{ key: "node.kubernetes.io/instance-type", operator: "Exists", minValues }];
    const plan = spotScenario(spot, candidate, { ...np, spec: { ...np.spec, template: { spec: { requirements } } } });
    expect(plan.commands).toHaveLength(1);
    const options = plan.commands[0]?.replacements[0]?.instanceTypeOptions ?? [];
    expect(options).toHaveLength(expected);
    expect(options).not.toContain(candidate.name);
    expect([...options].sort()).toEqual(
      byCheapest(spot)
        .slice(0, expected)
        .map((t) => t.name)
        .sort(),
    );
  };
  // Both entries apply upstream's spot node (the 16th cheapest spot type); minValues 16 cannot survive the price filter.
  const minValuesBrokenByPrice = (): void => {
    const np = pool();
    const requirements = [{ key: "node.kubernetes.io/instance-type", operator: "Exists", minValues: 16 }];
    const plan = spotScenario(catalogue, byPrice("spot")[15] ?? MOST_EXPENSIVE_SPOT, { ...np, spec: { ...np.spec, template: { spec: { requirements } } } });
    expect(plan.commands).toEqual([]);
  };
  it(
    upstream(
      "disruption/consolidation",
      "Replace › Consolidation should fail if filterByPrice breaks the minimum requirement from the NodePools. › if the candidate is on-demand node",
    ),
    minValuesBrokenByPrice,
  );
  it(
    upstream(
      "disruption/consolidation",
      "Replace › Consolidation should fail if filterByPrice breaks the minimum requirement from the NodePools. › if the candidate is spot node",
    ),
    minValuesBrokenByPrice,
  );
  it(
    upstream(
      "disruption/consolidation",
      "Replace › should handle failing filterOutSameInstanceType correctly (without a panic) when minValues isn't satisfied",
    ),
    () => {
      const onDemand = (name: string, price: number) =>
        fakeInstanceType({ name, cpu: 5, offerings: [{ zone: "test-zone-1a", capacityType: "on-demand", price }] });
      const current = onDemand("current-on-demand", 0.5);
      const np = pool();
      const requirements = [
        { key: "node.kubernetes.io/instance-type", operator: "Exists", minValues: 2 },
        { key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand"] },
      ];
      const nodes = [0, 1, 2].map((i) => {
        const n = suiteNode(`node-${i}`, "default", current);
        return { ...n, status: { ...n.status, allocatable: { cpu: "4", pods: "100" } } };
      });
      const pods = [0, 1, 2, 3].map((i) => withRequests(pod(`pod-${i}`, { nodeName: `node-${Math.min(i, 2)}`, phase: "Running" }), { cpu: "2" }));
      const plan = consolidate(
        {
          nodePools: [{ ...np, spec: { ...np.spec, template: { spec: { requirements } } } }],
          nodes,
          pods,
          instanceTypes: [current, onDemand("other-on-demand", 0.4)],
        },
        { maxCommands: 1 },
      );
      // A merge of two nodes leaves only the cheaper type, below minValues 2; one command still leaves two nodes.
      expect(plan.commands).toHaveLength(1);
      const command = plan.commands[0];
      expect(3 - (command?.candidates.length ?? 0) + (command?.replacements.length ?? 0)).toBe(2);
    },
  );
  it(
    upstream("disruption/consolidation", "Replace › spot to spot consolidation should order the instance types by price before enforcing minimum flexibility."),
    cheapestOptions(undefined, 15),
  );
  it(
    upstream(
      "disruption/consolidation",
      "Replace › spot to spot consolidation should consider the max of default and minimum number of instanceTypeOptions from minValues in requirement for truncation if minimum number of instanceTypeOptions from minValues in requirement is greater than 15.",
    ),
    cheapestOptions(16, 16),
  );
  it(
    upstream(
      "disruption/consolidation",
      "Replace › spot to spot consolidation should consider the default for truncation if minimum number of instanceTypeOptions from minValues in requirement is less than 15.",
    ),
    cheapestOptions(10, 15),
  );
});

describe("Reserved Capacity", () => {
  /** The type with an extra reserved offering in its zone at a millionth of its price (reservation `r-<name>`, 10 slots). */
  const withReservation = (type: InstanceType): InstanceType => {
    const [first] = type.offerings;
    const own = type.offerings.map((o) => ({ zone: o.zone, capacityType: o.capacityType, price: o.price, available: o.available }));
    const reserved = {
      zone: first?.zone ?? "test-zone-1",
      capacityType: "reserved",
      price: (first?.price ?? 0) / 1_000_000,
      reservationId: `r-${type.name}`,
      reservationCapacity: 10,
    };
    return assortedWith(type, [...own, reserved]);
  };
  const withReservations = (...reserved: (typeof MOST_EXPENSIVE)[]) => catalogue.map((t) => (reserved.some((r) => r.name === t.name) ? withReservation(t) : t));
  /** The reservation the replacement launches into: its offering of the launched type, zone and capacity type. */
  const launchedReservation = (claim: { instanceType: string; zone: string; capacityType: string } | undefined, types: readonly (typeof MOST_EXPENSIVE)[]) =>
    types.find((t) => t.name === claim?.instanceType)?.offerings.find((o) => o.zone === claim?.zone && o.capacityType === claim?.capacityType)?.reservationId;
  const replacementOf = (nodes: ReturnType<typeof suiteNode>[], types: readonly (typeof MOST_EXPENSIVE)[]) => {
    const plan = consolidate(
      { nodePools: [pool()], nodes, pods: [owned("pod-0", "node-0", "ReplicaSet", false, LABELS)], instanceTypes: types },
      { maxCommands: 1, spotToSpotConsolidation: true },
    );
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "replace", candidates: ["node-0"] });
    return plan.commands[0]?.replacements[0];
  };
  /** The most expensive type's node launched into its reservation. */
  const reservedNode = () => {
    const n = suiteNode("node-0", "default", MOST_EXPENSIVE);
    const labels = { ...n.metadata.labels, "karpenter.sh/capacity-type": "reserved", "karpenter.sh/reservation-id": `r-${MOST_EXPENSIVE.name}` };
    return { ...n, metadata: { ...n.metadata, labels } };
  };

  it(upstream("disruption/consolidation", "Reserved Capacity › can consolidate from one reserved offering to another"), () => {
    const types = withReservations(MOST_EXPENSIVE, LEAST_EXPENSIVE);
    const replacement = replacementOf([reservedNode()], types);
    expect(replacement).toMatchObject({ instanceType: LEAST_EXPENSIVE.name, capacityType: "reserved" });
    expect(launchedReservation(replacement, types)).toBe(`r-${LEAST_EXPENSIVE.name}`);
  });
  const intoOwnReservation = (type: typeof MOST_EXPENSIVE) => (): void => {
    const types = withReservations(MOST_EXPENSIVE);
    const replacement = replacementOf([suiteNode("node-0", "default", type)], types);
    expect(replacement).toMatchObject({ instanceType: MOST_EXPENSIVE.name, capacityType: "reserved" });
    expect(launchedReservation(replacement, types)).toBe(`r-${MOST_EXPENSIVE.name}`);
  };
  it(upstream("disruption/consolidation", "Reserved Capacity ›  › from on-demand"), intoOwnReservation(MOST_EXPENSIVE));
  it(upstream("disruption/consolidation", "Reserved Capacity ›  › from spot"), intoOwnReservation(MOST_EXPENSIVE_SPOT));
});

describe("Node Lifetime Consideration", () => {
  it(upstream("disruption/consolidation", "Node Lifetime Consideration › should consolidate the node with best savings ratio first"), () => {
    // node-0 is the older node and holds two pods; node-1 has fewer pods, so the better savings ratio.
    const [n0, n1] = twoNodes();
    if (n0 === undefined || n1 === undefined) throw new Error("two nodes");
    const younger = { ...n1, metadata: { ...n1.metadata, creationTimestamp: "2025-01-01T00:00:02Z" } };
    expect(disrupted({ nodePools: [pool()], nodes: [n0, younger], pods: threePods(), instanceTypes: catalogue })).toEqual(["node-1"]);
  });
});

describe("Preferences", () => {
  it(upstream("disruption/consolidation", "Preferences › should consolidate a node through deletion when ignoring preferences"), () => {
    // Pods without an owner, each preferring a host of its own; ignored, node-1's one pod joins node-0.
    const apart = {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 1, podAffinityTerm: { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "foo" } } } },
        ],
      },
    };
    const pods = [0, 1, 2].map((i) => pod(`pod-${i}`, { nodeName: i < 2 ? "node-0" : "node-1", phase: "Running", labels: { app: "foo" }, affinity: apart }));
    const nodes = twoNodes().map((n) => ({ ...n, status: { ...n.status, allocatable: { cpu: "5", pods: "100" } } }));
    const plan = consolidate({ nodePools: [pool()], nodes, pods, instanceTypes: catalogue }, { maxCommands: 1, preferencePolicy: "Ignore" });
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "delete", candidates: ["node-1"], replacements: [] });
  });
  it(upstream("disruption/consolidation", "Preferences › should consolidate a node through replacement when ignoring preferences"), () => {
    const prefersItsType = {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 1, preference: { matchExpressions: [{ key: "node.kubernetes.io/instance-type", operator: "In", values: [MOST_EXPENSIVE.name] }] } },
        ],
      },
    };
    const p = pod("pod-0", { nodeName: "node-0", phase: "Running", labels: { app: "foo" }, affinity: prefersItsType });
    const plan = consolidate(
      { nodePools: [pool()], nodes: [suiteNode("node-0", "default", MOST_EXPENSIVE)], pods: [p], instanceTypes: catalogue },
      { maxCommands: 1, preferencePolicy: "Ignore" },
    );
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "replace", candidates: ["node-0"] });
    expect(plan.commands[0]?.replacements[0]?.instanceTypeOptions).not.toContain(MOST_EXPENSIVE.name);
  });
});

describe("MinValuesPolicy", () => {
  it(upstream("disruption/consolidation", "MinValuesPolicy › should not consolidate a node by relaxing min values when policy is set to BestEffort"), () => {
    // Two instance types against `instance-type` minValues 3: a replacement could only relax minValues.
    const types = [LEAST_EXPENSIVE, MOST_EXPENSIVE];
    const base = disruptionPool("min-values", "WhenEmptyOrUnderutilized");
    const minValues = {
      ...base,
      spec: {
        ...base.spec,
        weight: 100,
        template: { spec: { requirements: [{ key: "node.kubernetes.io/instance-type", operator: "In", values: catalogue.map((t) => t.name), minValues: 3 }] } },
      },
    };
    const n = suiteNode("node-0", "min-values", MOST_EXPENSIVE);
    const node0 = { ...n, status: { ...n.status, allocatable: { cpu: "5", pods: "100" } } };
    const plan = consolidate(
      { nodePools: [minValues], nodes: [node0], pods: [pod("pod-0", { nodeName: "node-0", phase: "Running" })], instanceTypes: types },
      { minValuesPolicy: "BestEffort" },
    );
    expect(plan.commands).toEqual([]);
  });
});

describe("Static NodePool", () => {
  it(upstream("disruption/consolidation", "Static NodePool › should not consolidate static NodePool nodes"), () => {
    const base = disruptionPool("static", "WhenEmptyOrUnderutilized");
    const staticPool = { ...base, spec: { ...base.spec, replicas: 2 } };
    const nodes = [0, 1].map((i) => suiteNode(`node-${i}`, "static", LEAST_EXPENSIVE));
    expect(consolidate({ nodePools: [staticPool], nodes, instanceTypes: catalogue }).commands).toEqual([]);
  });
});

describe("Budgets", () => {
  const emptyNodes = (budget: string, expected: number) => (): void => {
    const nodes = Array.from({ length: 10 }, (_, i) => suiteNode(`node-${i}`, "default", MOST_EXPENSIVE));
    const np = disruptionPool("default", "WhenEmptyOrUnderutilized", [{ nodes: budget }]);
    const plan = consolidate({ nodePools: [np], nodes, instanceTypes: catalogue }, { maxCommands: 1 });
    if (expected === 0) {
      expect(plan.commands).toEqual([]);
      return;
    }
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "delete", replacements: [] });
    expect(plan.commands[0]?.candidates).toHaveLength(expected);
  };
  /** Ten nodes of the most expensive type, each with one ReplicaSet pod requesting `cpu`. */
  const tenBusy = (cpu: string): ConsolidationScenario => {
    const nodes = Array.from({ length: 10 }, (_, i) => suiteNode(`node-${i}`, "default", MOST_EXPENSIVE));
    const pods = nodes.map((n, i) => withRequests(owned(`pod-${i}`, n.metadata.name ?? "", "ReplicaSet", false, LABELS), { cpu }));
    return { nodePools: [disruptionPool("default", "WhenEmptyOrUnderutilized", [{ nodes: "30%" }])], nodes, pods, instanceTypes: catalogue };
  };
  it(upstream("disruption/consolidation", "Budgets › should only allow 3 nodes to be deleted in multi node consolidation delete"), () => {
    const plan = consolidate(tenBusy("100m"), { maxCommands: 1 });
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "delete", replacements: [] });
    expect(plan.commands[0]?.candidates).toHaveLength(3);
  });
  it(upstream("disruption/consolidation", "Budgets › should only allow 3 nodes to be deleted in single node consolidation delete"), () => {
    // Upstream reconciles five times before any command runs, so the nodes of the first command still count
    // against the budget and no later reconcile adds one. nodefit's later commands count earlier ones as done
    // (C1), so the budget shows in the first command: three nodes deleted, seven left.
    const plan = consolidate(tenBusy("15"), { maxCommands: 1 });
    expect(plan.commands).toHaveLength(1);
    expect(plan.commands[0]).toMatchObject({ decision: "delete", replacements: [] });
    expect(plan.commands[0]?.candidates).toHaveLength(3);
  });
  /** Ten NodePools with the budget, three empty nodes of the most expensive type each, and the suite's own NodePool. */
  const tenPools = (budget: string): ConsolidationScenario => {
    const pools = Array.from({ length: 10 }, (_, p) => disruptionPool(`nodepool-${p}`, "WhenEmptyOrUnderutilized", [{ nodes: budget }]));
    const nodes = pools.flatMap((np) => [0, 1, 2].map((i) => suiteNode(`${np.metadata.name ?? ""}-node-${i}`, np.metadata.name ?? "", MOST_EXPENSIVE)));
    return { nodePools: [pool(), ...pools], nodes, instanceTypes: catalogue };
  };
  const perPool = (budget: string, each: number) => (): void => {
    const plan = consolidate(tenPools(budget), { maxCommands: 1 });
    if (each === 0) {
      expect(plan.commands).toEqual([]);
      return;
    }
    expect(plan.commands).toHaveLength(1);
    const deleted = plan.commands[0]?.candidates ?? [];
    expect(deleted).toHaveLength(10 * each);
    for (let p = 0; p < 10; p++) expect(deleted.filter((n) => n.startsWith(`nodepool-${p}-`))).toHaveLength(each);
  };
  it(upstream("disruption/consolidation", "Budgets › should allow 2 nodes from each nodePool to be deleted"), perPool("50%", 2));
  it(upstream("disruption/consolidation", "Budgets › should allow all nodes from each nodePool to be deleted"), perPool("100%", 3));
  it(upstream("disruption/consolidation", "Budgets › should allow no nodes from each nodePool to be deleted"), perPool("0%", 0));
  it(upstream("disruption/consolidation", "Budgets › should only allow 3 empty nodes to be disrupted"), emptyNodes("30%", 3));
  it(upstream("disruption/consolidation", "Budgets › should allow all empty nodes to be disrupted"), emptyNodes("100%", 10));
  it(upstream("disruption/consolidation", "Budgets › should allow no empty nodes to be disrupted"), emptyNodes("0%", 0));
});

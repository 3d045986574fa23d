/**
 * Topology spread, pod affinity and pod anti-affinity (reference §2.10; §4.3 categories 11–13).
 */
import { describe, expect, test } from "vitest";
import type { PodAffinityTerm, TopologySpreadConstraint } from "../../src/types/kubernetes.js";
import { node, nodePool, placement, pod, replicas, req, run, type PodOptions } from "./helpers.js";

const ZONE = "topology.kubernetes.io/zone";
const HOSTNAME = "kubernetes.io/hostname";
const CT = "karpenter.sh/capacity-type";
const ALL_CT = req(CT, "In", "spot", "on-demand", "reserved");

const tsc = (key: string, o: Partial<TopologySpreadConstraint> = {}): TopologySpreadConstraint => ({
  maxSkew: 1,
  topologyKey: key,
  whenUnsatisfiable: "DoNotSchedule",
  labelSelector: { matchLabels: { app: "web" } },
  ...o,
});
const spread = (...constraints: TopologySpreadConstraint[]): PodOptions => ({ labels: { app: "web" }, topologySpreadConstraints: constraints });
const term = (app: string, key: string, o: Partial<PodAffinityTerm> = {}): PodAffinityTerm => ({
  labelSelector: { matchLabels: { app } },
  topologyKey: key,
  ...o,
});

/** Pods per zone over the new claims, zones sorted. */
function perZone(r: ReturnType<typeof run>): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of r.nodeClaims) counts.set(c.zone, (counts.get(c.zone) ?? 0) + c.pods.length);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
}

describe("zonal topology spread", () => {
  test("six pods spread two per zone", () => {
    expect(perZone(run({ pods: replicas("web", 6, spread(tsc(ZONE))) }))).toEqual([
      ["test-zone-1", 2],
      ["test-zone-2", 2],
      ["test-zone-3", 2],
    ]);
  });

  test("a NodePool limited to two zones spreads over those two", () => {
    const np = nodePool("default", { requirements: [ALL_CT, req(ZONE, "In", "test-zone-1", "test-zone-2")] });
    expect(perZone(run({ pods: replicas("web", 4, spread(tsc(ZONE))), nodePools: [np] }))).toEqual([
      ["test-zone-1", 2],
      ["test-zone-2", 2],
    ]);
  });

  test("pods limited to two zones by node affinity spread over those two", () => {
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [req(ZONE, "In", "test-zone-1", "test-zone-2")] }] },
      },
    };
    const r = run({ pods: replicas("web", 4, { ...spread(tsc(ZONE)), affinity }) });
    expect(perZone(r)).toEqual([
      ["test-zone-1", 2],
      ["test-zone-2", 2],
    ]);
  });

  test("maxSkew 2 lets two pods share a zone before the next zone opens", () => {
    const r = run({ pods: replicas("web", 4, spread(tsc(ZONE, { maxSkew: 2 }))) });
    expect(r.nodeClaims.map((c) => [c.zone, c.pods.length])).toEqual([
      ["test-zone-1", 2],
      ["test-zone-2", 2],
    ]);
  });

  test("maxSkew 1 opens every zone first", () => {
    const r = run({ pods: replicas("web", 4, spread(tsc(ZONE))) });
    expect(r.nodeClaims.map((c) => [c.zone, c.pods.length])).toEqual([
      ["test-zone-1", 2],
      ["test-zone-2", 1],
      ["test-zone-3", 1],
    ]);
  });

  test("every spread claim is pinned to one zone", () => {
    for (const c of run({ pods: replicas("web", 5, spread(tsc(ZONE))) }).nodeClaims) {
      expect(c.requirements.find((q) => q.key === ZONE)).toEqual({ key: ZONE, operator: "In", values: [c.zone] });
    }
  });

  test("running matching pods count: new pods fill the other zones", () => {
    const n = node("n1", { labels: { [ZONE]: "test-zone-1" }, allocatable: { cpu: "4", memory: "4Gi", pods: "2" } });
    const running = replicas("old", 2, { labels: { app: "web" }, nodeName: "n1" });
    const r = run({ pods: replicas("web", 4, spread(tsc(ZONE))), nodes: [n], boundPods: running });
    expect(perZone(r)).toEqual([
      ["test-zone-2", 2],
      ["test-zone-3", 2],
    ]);
  });

  test("running pods that do not match the selector are not counted", () => {
    const n = node("n1", { labels: { [ZONE]: "test-zone-1" }, allocatable: { cpu: "4", memory: "4Gi", pods: "2" } });
    const running = replicas("old", 2, { labels: { app: "other" }, nodeName: "n1" });
    const r = run({ pods: replicas("web", 3, spread(tsc(ZONE))), nodes: [n], boundPods: running });
    expect(perZone(r)).toEqual([
      ["test-zone-1", 1],
      ["test-zone-2", 1],
      ["test-zone-3", 1],
    ]);
  });

  test("running pods in another namespace are not counted", () => {
    const n = node("n1", { labels: { [ZONE]: "test-zone-1" }, allocatable: { cpu: "4", memory: "4Gi", pods: "2" } });
    const running = replicas("old", 2, { labels: { app: "web" }, nodeName: "n1", namespace: "other" });
    const r = run({ pods: replicas("web", 3, spread(tsc(ZONE))), nodes: [n], boundPods: running });
    expect(perZone(r)).toEqual([
      ["test-zone-1", 1],
      ["test-zone-2", 1],
      ["test-zone-3", 1],
    ]);
  });

  test("minDomains above the zone count keeps the minimum at zero: the fourth pod cannot go anywhere", () => {
    const r = run({ pods: replicas("web", 4, spread(tsc(ZONE, { minDomains: 4 }))) });
    expect(r.summary.scheduled).toBe(3);
    expect(r.unschedulable.map((u) => [u.pod, u.code])).toEqual([["default/web-3", "topology-conflict"]]);
    expect(r.unschedulable[0]!.nodePools[0]!.topology?.code).toBe("topology-spread");
  });

  test("ScheduleAnyway is enforced until relaxed, then the pod schedules", () => {
    const r = run({ pods: replicas("web", 4, spread(tsc(ZONE, { minDomains: 4, whenUnsatisfiable: "ScheduleAnyway" }))) });
    expect(r.unschedulable).toEqual([]);
    expect(perZone(r)).toEqual([
      ["test-zone-1", 2],
      ["test-zone-2", 1],
      ["test-zone-3", 1],
    ]);
  });

  test("nodeTaintsPolicy Ignore counts a tainted pool's zone the pods cannot use", () => {
    const plain = nodePool("plain", { requirements: [ALL_CT, req(ZONE, "In", "test-zone-1", "test-zone-2")] });
    const tainted = nodePool("tainted", { requirements: [ALL_CT, req(ZONE, "In", "test-zone-3")], taints: [{ key: "t", effect: "NoSchedule" }] });
    const r = run({ pods: replicas("web", 4, spread(tsc(ZONE))), nodePools: [plain, tainted] });
    expect(r.summary.scheduled).toBe(2);
    expect(perZone(r)).toEqual([
      ["test-zone-1", 1],
      ["test-zone-2", 1],
    ]);
  });

  test("nodeTaintsPolicy Honor leaves that zone out", () => {
    const plain = nodePool("plain", { requirements: [ALL_CT, req(ZONE, "In", "test-zone-1", "test-zone-2")] });
    const tainted = nodePool("tainted", { requirements: [ALL_CT, req(ZONE, "In", "test-zone-3")], taints: [{ key: "t", effect: "NoSchedule" }] });
    const r = run({ pods: replicas("web", 4, spread(tsc(ZONE, { nodeTaintsPolicy: "Honor" }))), nodePools: [plain, tainted] });
    expect(r.unschedulable).toEqual([]);
    expect(perZone(r)).toEqual([
      ["test-zone-1", 2],
      ["test-zone-2", 2],
    ]);
  });

  test("a NodePool that cannot launch still contributes its zones", () => {
    const plain = nodePool("plain", { requirements: [ALL_CT, req(ZONE, "In", "test-zone-1", "test-zone-2")] });
    const capped = nodePool("capped", { requirements: [ALL_CT, req(ZONE, "In", "test-zone-3")], limits: { cpu: "0" } });
    const r = run({ pods: replicas("web", 4, spread(tsc(ZONE))), nodePools: [plain, capped] });
    expect(r.summary.scheduled).toBe(2);
  });
});

describe("hostname, capacity-type and custom-key spread", () => {
  test("hostname maxSkew 2 puts two pods per node", () => {
    expect(run({ pods: replicas("web", 4, spread(tsc(HOSTNAME, { maxSkew: 2 }))) }).nodeClaims.map((c) => c.pods.length)).toEqual([2, 2]);
  });

  test("capacity-type spread alternates spot and on-demand", () => {
    const np = nodePool("default", { requirements: [req(CT, "In", "spot", "on-demand")] });
    const r = run({ pods: replicas("web", 4, spread(tsc(CT))), nodePools: [np] });
    expect(r.nodeClaims.map((c) => [c.capacityType, c.pods.length])).toEqual([
      ["on-demand", 2],
      ["spot", 2],
    ]);
  });

  test("a custom key spreads over the NodePool's values and labels each claim", () => {
    const np = nodePool("default", { requirements: [ALL_CT, req("rack", "In", "r1", "r2", "r3")] });
    const r = run({ pods: replicas("web", 3, spread(tsc("rack"))), nodePools: [np] });
    expect(r.nodeClaims.map((c) => c.labels.get("rack"))).toEqual(["r1", "r2", "r3"]);
  });

  test("zone and hostname spread together: a node per pod, zones round-robin", () => {
    const r = run({ pods: replicas("web", 4, spread(tsc(ZONE), tsc(HOSTNAME))) });
    expect(r.nodeClaims.map((c) => [c.zone, c.pods.length])).toEqual([
      ["test-zone-1", 1],
      ["test-zone-2", 1],
      ["test-zone-3", 1],
      ["test-zone-1", 1],
    ]);
  });

  test("matchLabelKeys spreads each version separately", () => {
    const pods = [
      ...replicas("v1", 3, { labels: { app: "web", version: "1" }, topologySpreadConstraints: [tsc(HOSTNAME, { matchLabelKeys: ["version"] })] }),
      ...replicas("v2", 3, { labels: { app: "web", version: "2" }, topologySpreadConstraints: [tsc(HOSTNAME, { matchLabelKeys: ["version"] })] }),
    ];
    const r = run({ pods });
    expect(r.nodeClaims).toHaveLength(3);
    for (const c of r.nodeClaims) expect(c.pods.map((p) => p.slice(8, 10)).sort()).toEqual(["v1", "v2"]);
  });

  test("without matchLabelKeys both versions spread together", () => {
    const pods = [...replicas("v1", 3, { labels: { app: "web", version: "1" } }), ...replicas("v2", 3, { labels: { app: "web", version: "2" } })].map((p) => ({
      ...p,
      spec: { ...p.spec, topologySpreadConstraints: [tsc(HOSTNAME)] },
    }));
    expect(run({ pods }).nodeClaims).toHaveLength(6);
  });

  test("a constraint without a label selector does not spread new pods", () => {
    const r = run({
      pods: replicas("web", 2, {
        labels: { app: "web" },
        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: HOSTNAME, whenUnsatisfiable: "DoNotSchedule" }],
      }),
    });
    expect(r.nodeClaims.map((c) => c.pods.length)).toEqual([2]);
  });

  test("pods that do not match their own selector are not spread", () => {
    const r = run({
      pods: replicas("web", 3, { labels: { app: "web" }, topologySpreadConstraints: [tsc(HOSTNAME, { labelSelector: { matchLabels: { app: "db" } } })] }),
    });
    expect(r.nodeClaims.map((c) => c.pods.length)).toEqual([3]);
  });
});

describe("pod affinity", () => {
  test("hostname self-affinity keeps replicas on one node big enough for all", () => {
    const r = run({
      pods: replicas("c", 3, {
        labels: { app: "c" },
        requests: { cpu: "1500m" },
        affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("c", HOSTNAME)] } },
      }),
    });
    expect(r.nodeClaims.map((c) => [c.instanceType, c.pods.length])).toEqual([["arm-instance-type", 3]]);
  });

  test("cross affinity on zone follows the target's zone", () => {
    const target = pod("a", { labels: { app: "a" }, requests: { cpu: "1" }, nodeSelector: { [ZONE]: "test-zone-2" }, ports: [{ hostPort: 80 }] });
    const follower = pod("b", { ports: [{ hostPort: 80 }], affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("a", ZONE)] } } });
    const r = run({ pods: [follower, target] });
    expect(r.nodeClaims.map((c) => [c.pods, c.zone])).toEqual([
      [["default/a"], "test-zone-2"],
      [["default/b"], "test-zone-2"],
    ]);
  });

  test("affinity to a running pod follows it to its zone", () => {
    const n = node("n1", { labels: { [ZONE]: "test-zone-3" }, allocatable: { cpu: "4", memory: "4Gi", pods: "1" } });
    const r = run({
      pods: [pod("p", { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("db", ZONE)] } } })],
      nodes: [n],
      boundPods: [pod("db", { labels: { app: "db" }, nodeName: "n1" })],
    });
    expect(r.nodeClaims.map((c) => c.zone)).toEqual(["test-zone-3"]);
  });

  test("affinity only looks in the pod's namespace by default", () => {
    const n = node("n1", { labels: { [ZONE]: "test-zone-3" }, allocatable: { cpu: "4", memory: "4Gi", pods: "1" } });
    const running = pod("db", { labels: { app: "db" }, nodeName: "n1", namespace: "other" });
    const p = pod("p", { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("db", ZONE)] } } });
    expect(run({ pods: [p], nodes: [n], boundPods: [running] }).unschedulable.map((u) => u.code)).toEqual(["topology-conflict"]);
  });

  test("term namespaces widen the search", () => {
    const n = node("n1", { labels: { [ZONE]: "test-zone-3" }, allocatable: { cpu: "4", memory: "4Gi", pods: "1" } });
    const running = pod("db", { labels: { app: "db" }, nodeName: "n1", namespace: "other" });
    const p = pod("p", { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("db", ZONE, { namespaces: ["other"] })] } } });
    expect(run({ pods: [p], nodes: [n], boundPods: [running] }).nodeClaims.map((c) => c.zone)).toEqual(["test-zone-3"]);
  });

  test("an empty namespaceSelector means every namespace", () => {
    const n = node("n1", { labels: { [ZONE]: "test-zone-3" }, allocatable: { cpu: "4", memory: "4Gi", pods: "1" } });
    const running = pod("db", { labels: { app: "db" }, nodeName: "n1", namespace: "other" });
    const p = pod("p", { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("db", ZONE, { namespaceSelector: {} })] } } });
    expect(run({ pods: [p], nodes: [n], boundPods: [running] }).nodeClaims.map((c) => c.zone)).toEqual(["test-zone-3"]);
  });

  test("affinity on the architecture key follows an arm64 pod", () => {
    const target = pod("a", { labels: { app: "a" }, nodeSelector: { "kubernetes.io/arch": "arm64" }, requests: { cpu: "1" }, ports: [{ hostPort: 80 }] });
    const follower = pod("b", {
      ports: [{ hostPort: 80 }],
      affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("a", "kubernetes.io/arch")] } },
    });
    expect(run({ pods: [target, follower] }).nodeClaims.map((c) => c.instanceType)).toEqual(["arm-instance-type", "arm-instance-type"]);
  });

  test("a preferred affinity to a pod that never exists is relaxed", () => {
    const p = pod("p", {
      affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: term("ghost", ZONE) }] } },
    });
    expect(run({ pods: [p] }).summary.scheduled).toBe(1);
  });

  test("a satisfiable preferred affinity is honoured", () => {
    const target = pod("a", { labels: { app: "a" }, requests: { cpu: "1" }, nodeSelector: { [ZONE]: "test-zone-3" }, ports: [{ hostPort: 80 }] });
    const follower = pod("b", {
      ports: [{ hostPort: 80 }],
      affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: term("a", ZONE) }] } },
    });
    expect(placement(run({ pods: [target, follower] })).size).toBe(2);
    expect(run({ pods: [target, follower] }).nodeClaims.map((c) => c.zone)).toEqual(["test-zone-3", "test-zone-3"]);
  });

  test("a three-link zonal chain resolves in one run", () => {
    const a = pod("a", { labels: { app: "a" }, nodeSelector: { [ZONE]: "test-zone-2" } });
    const b = pod("b", {
      labels: { app: "b" },
      requests: { cpu: "1" },
      affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("a", ZONE)] } },
    });
    const c = pod("c", {
      labels: { app: "c" },
      requests: { cpu: "2" },
      affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("b", ZONE)] } },
    });
    const r = run({ pods: [c, b, a] });
    expect(r.unschedulable).toEqual([]);
    expect(new Set(r.nodeClaims.map((x) => x.zone))).toEqual(new Set(["test-zone-2"]));
  });
});

describe("pod anti-affinity", () => {
  const selfAnti = (key: string): PodOptions => ({
    labels: { app: "web" },
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("web", key)] } },
  });

  test("zonal self anti-affinity between unpinned pods: the first claim blocks every zone it might use", () => {
    const r = run({ pods: replicas("web", 3, selfAnti(ZONE)) });
    expect(r.summary.scheduled).toBe(1);
    expect(r.unschedulable.map((u) => u.code)).toEqual(["topology-conflict", "topology-conflict"]);
  });

  test("zonal self anti-affinity between pods pinned to different zones: one claim each", () => {
    const pods = ["test-zone-1", "test-zone-2", "test-zone-3"].map((z, i) => pod(`web-${i}`, { ...selfAnti(ZONE), nodeSelector: { [ZONE]: z } }));
    expect(run({ pods }).nodeClaims.map((c) => c.zone)).toEqual(["test-zone-1", "test-zone-2", "test-zone-3"]);
  });

  test("zonal anti-affinity against a running pod avoids its zone", () => {
    const n = node("n1", { labels: { [ZONE]: "test-zone-1" }, allocatable: { cpu: "4", memory: "4Gi", pods: "1" } });
    const p = pod("p", { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("db", ZONE)] } } });
    const c = run({ pods: [p], nodes: [n], boundPods: [pod("db", { labels: { app: "db" }, nodeName: "n1" })] }).nodeClaims[0]!;
    expect(c.zone).toBe("test-zone-2");
    expect(c.requirements.find((q) => q.key === ZONE)?.values).toEqual(["test-zone-2", "test-zone-3"]);
  });

  test("inverse: a running pod's zonal anti-affinity keeps matching pods out of its zone", () => {
    const n = node("n1", { labels: { [ZONE]: "test-zone-1" } });
    const guard = pod("guard", { nodeName: "n1", affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("web", ZONE)] } } });
    const r = run({ pods: [pod("w", { labels: { app: "web" } })], nodes: [n], boundPods: [guard] });
    expect(r.existingNodes).toEqual([]);
    expect(r.nodeClaims.map((c) => c.zone)).toEqual(["test-zone-2"]);
  });

  test("inverse anti-affinity only applies to pods its selector matches", () => {
    const n = node("n1", { labels: { [ZONE]: "test-zone-1" } });
    const guard = pod("guard", { nodeName: "n1", affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("web", ZONE)] } } });
    expect(run({ pods: [pod("o", { labels: { app: "other" } })], nodes: [n], boundPods: [guard] }).existingNodes).toEqual([
      { name: "n1", pods: ["default/o"] },
    ]);
  });

  test("anti-affinity does not look at other namespaces by default", () => {
    const n = node("n1");
    const running = pod("db", { labels: { app: "db" }, nodeName: "n1", namespace: "other" });
    const p = pod("p", { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("db", HOSTNAME)] } } });
    expect(run({ pods: [p], nodes: [n], boundPods: [running] }).existingNodes).toEqual([{ name: "n1", pods: ["default/p"] }]);
  });

  test("hostname anti-affinity against a running pod avoids its node", () => {
    const n = node("n1");
    const p = pod("p", { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("db", HOSTNAME)] } } });
    const r = run({ pods: [p], nodes: [n], boundPods: [pod("db", { labels: { app: "db" }, nodeName: "n1" })] });
    expect(r.existingNodes).toEqual([]);
    expect(r.nodeClaims).toHaveLength(1);
  });

  test("preferred anti-affinity is enforced until relaxed: two claims", () => {
    const o = {
      labels: { app: "web" },
      affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: term("web", HOSTNAME) }] } },
    };
    expect(run({ pods: replicas("web", 2, o) }).nodeClaims).toHaveLength(2);
  });

  test("with preferencePolicy Ignore, preferred anti-affinity is dropped: one claim", () => {
    const o = {
      labels: { app: "web" },
      affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: term("web", HOSTNAME) }] } },
    };
    expect(run({ pods: replicas("web", 2, o) }, { preferencePolicy: "Ignore" }).nodeClaims).toHaveLength(1);
  });

  test("an unsatisfiable preferred anti-affinity is relaxed", () => {
    // The first pod's claim may use every zone, so the second pod's zonal preference cannot hold.
    const o = {
      labels: { app: "web" },
      affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: term("web", ZONE) }] } },
    };
    const r = run({ pods: replicas("web", 2, o) });
    expect(r.unschedulable).toEqual([]);
  });
});

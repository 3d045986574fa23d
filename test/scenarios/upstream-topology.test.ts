/**
 * Upstream's topology suite (pkg/controllers/provisioning/scheduling/topology_test.go), translated one `It` at a time on
 * the fake catalogue. The suite's NodePool requires `karpenter.sh/capacity-type Exists`; its pods carry `test: test`;
 * `ExpectSkew` is {@link Provisioner.skew}: pods per domain over the nodes launched so far. Pods that upstream creates
 * with `test.Pod` (no PodScheduled=False condition, so the provisioner never considers them) are left out of the
 * pending list, since every pending pod given to nodefit is one the provisioner considers.
 */
import { describe, expect, it } from "vitest";
import type { NodeSelectorRequirementWithMinValues, Pod, TopologySpreadConstraint } from "../../src/types/kubernetes.js";
import { assortedInstanceTypes } from "../../src/testing/fake-catalog.js";
import { node, nodePool, pod, Provisioner, replicas, req, type PodOptions } from "./helpers.js";
import { upstream } from "./upstream/files.js";

const ZONE = "topology.kubernetes.io/zone";
const HOSTNAME = "kubernetes.io/hostname";
const CT = "karpenter.sh/capacity-type";
const ARCH = "kubernetes.io/arch";
const LABELS = { test: "test" };
const CT_EXISTS = req(CT, "Exists");

/** The suite's NodePool: capacity type Exists plus `requirements`, with template `labels`. */
const pool = (requirements: readonly NodeSelectorRequirementWithMinValues[] = [], labels: Record<string, string> = {}, name = "default") =>
  nodePool(name, { requirements: [CT_EXISTS, ...requirements], labels });
const zones = (...values: string[]) => req(ZONE, "In", ...values);
const spread = (key: string, o: Partial<TopologySpreadConstraint> = {}): TopologySpreadConstraint => ({
  maxSkew: 1,
  topologyKey: key,
  whenUnsatisfiable: "DoNotSchedule",
  labelSelector: { matchLabels: LABELS },
  ...o,
});
let serial = 0;
/** `count` pending pods labelled `test: test` with the given constraint, named uniquely across steps. */
const spreadPods = (count: number, constraint: TopologySpreadConstraint | undefined, o: PodOptions = {}): Pod[] =>
  replicas(`p${++serial}`, count, { labels: LABELS, ...(constraint ? { topologySpreadConstraints: [constraint] } : {}), ...o });
const CPU_1_1 = { requests: { cpu: "1.1" } };

describe("top level", () => {
  it(upstream("scheduling/topology", "should ignore unknown topology keys"), () => {
    const c = new Provisioner();
    const [spreading] = spreadPods(1, spread("unknown"));
    c.provision([spreading as Pod, pod("plain")]);
    expect(c.nodeLabelsOf(spreading?.metadata.name ?? "")).toBeUndefined();
    expect(c.nodeLabelsOf("plain")).toBeDefined();
  });

  it(upstream("scheduling/topology", "should not spread when a nil label selector is defined"), () => {
    const c = new Provisioner();
    c.provision(spreadPods(2, { maxSkew: 1, topologyKey: ZONE, whenUnsatisfiable: "DoNotSchedule" }), [pool()]);
    // ExpectSkew with a nil selector counts every pod in the namespace: both share one zone.
    expect(c.skew(ZONE, {})).toEqual([2]);
  });
});

describe("Zonal", () => {
  const balanced = (requirements: readonly NodeSelectorRequirementWithMinValues[], labels: Record<string, string>, count: number, expected: number[]): void => {
    const c = new Provisioner();
    c.provision(spreadPods(count, spread(ZONE)), [pool(requirements, labels)]);
    expect(c.skew(ZONE, LABELS)).toEqual(expected);
  };
  it(upstream("scheduling/topology", "Zonal › should balance pods across zones (match labels)"), () => balanced([], {}, 4, [1, 1, 2]));
  it(upstream("scheduling/topology", "Zonal › should balance pods across zones (match expressions)"), () => {
    const c = new Provisioner();
    c.provision(spreadPods(4, spread(ZONE, { labelSelector: { matchExpressions: [{ key: "test", operator: "In", values: ["test"] }] } })), [pool()]);
    expect(c.skew(ZONE, LABELS)).toEqual([1, 1, 2]);
  });
  it(upstream("scheduling/topology", "Zonal › should respect NodePool zonal constraints"), () =>
    balanced([zones("test-zone-1", "test-zone-2", "test-zone-3")], {}, 4, [1, 1, 2]),
  );
  it(upstream("scheduling/topology", "Zonal › should respect NodePool zonal constraints (subset) with requirements"), () =>
    balanced([zones("test-zone-1", "test-zone-2")], {}, 4, [2, 2]),
  );
  it(upstream("scheduling/topology", "Zonal › should respect NodePool zonal constraints (subset) with labels"), () =>
    balanced([], { [ZONE]: "test-zone-1" }, 4, [4]),
  );
  it(upstream("scheduling/topology", "Zonal › should respect NodePool zonal constraints (subset) with requirements and labels"), () =>
    balanced([zones("test-zone-1", "test-zone-2")], { [ZONE]: "test-zone-1" }, 4, [4]),
  );
  it(upstream("scheduling/topology", "Zonal › should respect NodePool zonal constraints (subset) with labels across NodePools"), () => {
    const c = new Provisioner();
    // The second NodePool is upstream's bare test.NodePool(): no requirements of its own.
    const second = nodePool("second", { requirements: [], labels: { [ZONE]: "test-zone-2" } });
    c.provision(spreadPods(4, spread(ZONE)), [pool([zones("test-zone-1", "test-zone-2")], { [ZONE]: "test-zone-1" }), second]);
    expect(c.skew(ZONE, LABELS)).toEqual([2, 2]);
  });
  it(upstream("scheduling/topology", "Zonal › should respect NodePool zonal constraints (existing pod)"), () => {
    const c = new Provisioner();
    c.provision(spreadPods(1, undefined, { ...CPU_1_1, nodeSelector: { [ZONE]: "test-zone-3" } }), [pool()]);
    c.provision(spreadPods(6, spread(ZONE), CPU_1_1), [pool([zones("test-zone-1", "test-zone-2")])]);
    expect(c.skew(ZONE, LABELS)).toEqual([1, 2, 2]);
  });
  it(upstream("scheduling/topology", "Zonal › should schedule to the non-minimum domain if its all that's available"), () => {
    const c = new Provisioner();
    const constraint = spread(ZONE, { maxSkew: 5 });
    c.provision(spreadPods(1, constraint, CPU_1_1), [pool([zones("test-zone-1")])]);
    expect(c.skew(ZONE, LABELS)).toEqual([1]);
    c.provision(spreadPods(1, constraint, CPU_1_1), [pool([zones("test-zone-2")])]);
    expect(c.skew(ZONE, LABELS)).toEqual([1, 1]);
    c.provision(spreadPods(10, constraint, CPU_1_1), [pool([zones("test-zone-3")])]);
    expect(c.skew(ZONE, LABELS)).toEqual([1, 1, 6]);
  });
  it(upstream("scheduling/topology", "Zonal › should only schedule to minimum domains if already violating max skew"), () => {
    const c = new Provisioner();
    const first = spreadPods(9, spread(ZONE), CPU_1_1);
    c.provision(first, [pool()]);
    expect(c.skew(ZONE, LABELS)).toEqual([3, 3, 3]);
    c.remove(first.map((p) => p.metadata.name ?? "").filter((n) => c.nodeLabelsOf(n)?.[ZONE] !== "test-zone-1"));
    expect(c.skew(ZONE, LABELS)).toEqual([3]);
    c.provision(spreadPods(3, spread(ZONE), CPU_1_1), [pool()]);
    expect(c.skew(ZONE, LABELS)).toEqual([1, 2, 3]);
  });
  it(upstream("scheduling/topology", "Zonal › should not violate max-skew when unsat = do not schedule"), () => {
    const c = new Provisioner();
    c.provision(spreadPods(1, spread(ZONE), CPU_1_1), [pool([zones("test-zone-1")])]);
    expect(c.skew(ZONE, LABELS)).toEqual([1]);
    c.provision(spreadPods(10, spread(ZONE), CPU_1_1), [pool([zones("test-zone-2", "test-zone-3")])]);
    expect(c.skew(ZONE, LABELS)).toEqual([1, 2, 2]);
  });
  it(upstream("scheduling/topology", "Zonal › should not violate max-skew when unsat = do not schedule (discover domains)"), () => {
    const c = new Provisioner();
    c.provision(spreadPods(1, undefined, CPU_1_1), [pool([zones("test-zone-1")])]);
    c.provision(spreadPods(10, spread(ZONE), CPU_1_1), [pool([zones("test-zone-2", "test-zone-3")])]);
    expect(c.skew(ZONE, LABELS)).toEqual([1, 2, 2]);
  });
  it(
    upstream("scheduling/topology", "Zonal › should only count running/scheduled pods with matching labels scheduled to nodes with a corresponding domain"),
    () => {
      // Upstream's test.Node has no allocatable, so the existing nodes only carry the counted pods.
      const empty = {};
      const first = node("first", { labels: { [ZONE]: "test-zone-1" }, allocatable: empty });
      const second = node("second", { labels: { [ZONE]: "test-zone-2" }, allocatable: empty });
      const third = node("third", { allocatable: empty });
      const c = new Provisioner();
      c.nodes.push(first, second, third);
      c.bound.push(
        pod("missing-labels", { nodeName: "first" }),
        pod("no-domain", { labels: LABELS, nodeName: "third" }),
        pod("wrong-namespace", { labels: LABELS, namespace: "elsewhere", nodeName: "first" }),
        pod("failed", { labels: LABELS, nodeName: "first", phase: "Failed" }),
        pod("succeeded", { labels: LABELS, nodeName: "first", phase: "Succeeded" }),
        pod("running-1", { labels: LABELS, nodeName: "first" }),
        pod("running-2", { labels: LABELS, nodeName: "first" }),
        pod("running-3", { labels: LABELS, nodeName: "second" }),
      );
      c.provision(spreadPods(2, spread(ZONE)), [pool()]);
      expect(c.skew(ZONE, LABELS)).toEqual([1, 2, 2]);
    },
  );
  it(upstream("scheduling/topology", "Zonal › should match all pods when labelSelector is not specified"), () => {
    const c = new Provisioner();
    c.provision([pod("p")], [pool()]);
    expect(c.skew(ZONE, {})).toEqual([1]);
  });
  it(upstream("scheduling/topology", "Zonal › should handle interdependent selectors"), () => {
    const c = new Provisioner();
    // The pods do not carry the selector's labels, so none counts and all may share a node.
    const pods = replicas("p", 5, { topologySpreadConstraints: [spread(HOSTNAME)] });
    c.provision(pods, [pool()]);
    expect(new Set(c.bound.map((p) => p.spec.nodeName)).size).toBe(1);
    expect(c.bound).toHaveLength(5);
  });
  const minDomains = (values: string[], min: number, count: number, expected: number[]) => (): void => {
    const c = new Provisioner();
    c.provision(spreadPods(count, spread(ZONE, { minDomains: min })), [pool([zones(...values)])]);
    expect(c.skew(ZONE, LABELS)).toEqual(expected);
  };
  it(upstream("scheduling/topology", "Zonal › should respect minDomains constraints"), minDomains(["test-zone-1", "test-zone-2"], 3, 3, [1, 1]));
  it(
    upstream("scheduling/topology", "Zonal › satisfied minDomains constraints (equal) should allow expected pod scheduling"),
    minDomains(["test-zone-1", "test-zone-2", "test-zone-3"], 3, 11, [3, 4, 4]),
  );
  it(
    upstream("scheduling/topology", "Zonal › satisfied minDomains constraints (greater than minimum) should allow expected pod scheduling"),
    minDomains(["test-zone-1", "test-zone-2", "test-zone-3"], 2, 11, [3, 4, 4]),
  );
});

describe("Hostname", () => {
  it(upstream("scheduling/topology", "Hostname › should balance pods across nodes"), () => {
    const c = new Provisioner();
    c.provision(spreadPods(4, spread(HOSTNAME)), [pool()]);
    expect(c.skew(HOSTNAME, LABELS)).toEqual([1, 1, 1, 1]);
  });
  it(upstream("scheduling/topology", "Hostname › should balance pods on the same hostname up to maxskew"), () => {
    const c = new Provisioner();
    c.provision(spreadPods(4, spread(HOSTNAME, { maxSkew: 4 })), [pool()]);
    expect(c.skew(HOSTNAME, LABELS)).toEqual([4]);
  });
  const byApp = (app: string, o: PodOptions = {}): PodOptions => ({
    labels: { app },
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: HOSTNAME, whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app } } }],
    ...o,
  });
  it(upstream("scheduling/topology", "Hostname › balance multiple deployments with hostname topology spread"), () => {
    const c = new Provisioner();
    c.provision([...replicas("app1", 2, byApp("app1")), ...replicas("app2", 2, byApp("app2"))], [pool()]);
    expect(c.bound).toHaveLength(4);
    expect(c.nodes).toHaveLength(2);
  });
  it(upstream("scheduling/topology", "Hostname › balance multiple deployments with hostname topology spread & varying arch"), () => {
    const c = new Provisioner();
    const arch = (a: string) => ({
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [req(ARCH, "In", a)] }] } } },
    });
    c.provision([...replicas("app1", 2, byApp("app1", arch("amd64"))), ...replicas("app2", 2, byApp("app2", arch("arm64")))], [pool()]);
    expect(c.bound).toHaveLength(4);
    expect(c.nodes).toHaveLength(4);
  });
});

describe("CapacityType", () => {
  it(upstream("scheduling/topology", "CapacityType › should balance pods across capacity types"), () => {
    const c = new Provisioner();
    c.provision(spreadPods(4, spread(CT)), [pool()]);
    expect(c.skew(CT, LABELS)).toEqual([2, 2]);
  });
  it(upstream("scheduling/topology", "CapacityType › should respect NodePool capacity type constraints"), () => {
    const c = new Provisioner();
    c.provision(spreadPods(4, spread(CT)), [nodePool("default", { requirements: [req(CT, "In", "spot", "on-demand")] })]);
    expect(c.skew(CT, LABELS)).toEqual([2, 2]);
  });
  const twoSteps = (whenUnsatisfiable: "DoNotSchedule" | "ScheduleAnyway", expected: number[]) => (): void => {
    const c = new Provisioner();
    const constraint = spread(CT, { whenUnsatisfiable });
    c.provision(spreadPods(1, constraint, CPU_1_1), [nodePool("default", { requirements: [req(CT, "In", "spot")] })]);
    expect(c.skew(CT, LABELS)).toEqual([1]);
    c.provision(spreadPods(5, constraint, CPU_1_1), [nodePool("default", { requirements: [req(CT, "In", "on-demand")] })]);
    expect(c.skew(CT, LABELS)).toEqual(expected);
  };
  it(
    upstream("scheduling/topology", "CapacityType › should not violate max-skew when unsat = do not schedule (capacity type)"),
    twoSteps("DoNotSchedule", [1, 2]),
  );
  it(
    upstream("scheduling/topology", "CapacityType › should violate max-skew when unsat = schedule anyway (capacity type)"),
    twoSteps("ScheduleAnyway", [1, 5]),
  );
});

describe("CapacityType (continued)", () => {
  it(
    upstream(
      "scheduling/topology",
      "CapacityType › should only count running/scheduled pods with matching labels scheduled to nodes with a corresponding domain",
    ),
    () => {
      const empty = {};
      const c = new Provisioner();
      c.nodes.push(
        node("first", { labels: { [CT]: "spot" }, allocatable: empty }),
        node("second", { labels: { [CT]: "on-demand" }, allocatable: empty }),
        node("third", { allocatable: empty }),
      );
      c.bound.push(
        pod("missing-labels", { nodeName: "first" }),
        pod("no-domain", { labels: LABELS, nodeName: "third" }),
        pod("wrong-namespace", { labels: LABELS, namespace: "elsewhere", nodeName: "first" }),
        pod("failed", { labels: LABELS, nodeName: "first", phase: "Failed" }),
        pod("succeeded", { labels: LABELS, nodeName: "first", phase: "Succeeded" }),
        pod("running-1", { labels: LABELS, nodeName: "first" }),
        pod("running-2", { labels: LABELS, nodeName: "first" }),
        pod("running-3", { labels: LABELS, nodeName: "second" }),
      );
      c.provision(spreadPods(2, spread(CT)), [pool()]);
      expect(c.skew(CT, LABELS)).toEqual([2, 3]);
    },
  );
  it(upstream("scheduling/topology", "CapacityType › should match all pods when labelSelector is not specified"), () => {
    const c = new Provisioner();
    c.provision([pod("p")], [pool()]);
    expect(c.skew(CT, {})).toEqual([1]);
  });
  it(upstream("scheduling/topology", "CapacityType › should handle interdependent selectors"), () => {
    const c = new Provisioner();
    c.provision(replicas("p", 5, { topologySpreadConstraints: [spread(HOSTNAME)] }), [pool()]);
    expect(c.bound).toHaveLength(5);
    expect(new Set(c.bound.map((p) => p.spec.nodeName)).size).toBe(1);
  });
  const required = (...r: ReturnType<typeof req>[]) => ({
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: r }] } } },
  });
  it(upstream("scheduling/topology", "CapacityType › should balance pods across capacity-types (node required affinity constrained)"), () => {
    const c = new Provisioner();
    c.provision(spreadPods(1, undefined, required(zones("test-zone-1"), req(CT, "In", "on-demand"))), [pool()]);
    expect(c.bound).toHaveLength(1);
    // The new pods' node affinity leaves the on-demand pod's domain out of their spread (nodeAffinityPolicy Honor).
    c.provision(spreadPods(5, spread(CT), required(zones("test-zone-2"), req(CT, "In", "spot"))), [pool()]);
    expect(c.skew(CT, LABELS)).toEqual([1, 5]);
  });
  const firstThenSpread = (key: string, first: ReturnType<typeof req>, poolRequirement: ReturnType<typeof req>) => (): void => {
    const c = new Provisioner();
    c.provision(spreadPods(1, undefined, { nodeSelector: { "node.kubernetes.io/instance-type": "single-pod-instance-type" }, ...required(first) }), [pool()]);
    expect(c.bound).toHaveLength(1);
    c.provision(spreadPods(5, spread(key), { requests: { cpu: "2" } }), [nodePool("default", { requirements: [poolRequirement] })]);
    expect(c.skew(key, LABELS)).toEqual([1, 2]);
  };
  it(
    upstream("scheduling/topology", "CapacityType › should balance pods across capacity-types (no constraints)"),
    firstThenSpread(CT, req(CT, "In", "on-demand"), req(CT, "In", "spot")),
  );
  it(
    upstream("scheduling/topology", "CapacityType › should balance pods across arch (no constraints)"),
    firstThenSpread(ARCH, req(ARCH, "In", "amd64"), req(ARCH, "In", "arm64")),
  );
});

describe("Combined Hostname and Zonal Topology", () => {
  /** Provisions batches and checks the first constraint's skew after each, and that no node holds more than 3. */
  const batches = (first: TopologySpreadConstraint, steps: readonly (readonly [number, number[]])[]) => (): void => {
    const c = new Provisioner();
    const hostname = spread(HOSTNAME, { maxSkew: 3 });
    for (const [count, expected] of steps) {
      c.provision(replicas(`b${++serial}`, count, { labels: LABELS, topologySpreadConstraints: [first, hostname] }), [pool()]);
      expect(c.skew(first.topologyKey, LABELS)).toEqual(expected);
      expect(Math.max(...c.skew(HOSTNAME, LABELS))).toBeLessThanOrEqual(3);
    }
  };
  it(
    upstream("scheduling/topology", "Combined Hostname and Zonal Topology › should spread pods while respecting both constraints (hostname and zonal)"),
    batches(spread(ZONE), [
      [2, [1, 1]],
      [3, [1, 2, 2]],
      [5, [3, 3, 4]],
      [11, [7, 7, 7]],
    ]),
  );
  it(
    upstream("scheduling/topology", "Combined Hostname and Zonal Topology › should spread pods while respecting both constraints #2"),
    batches(spread(CT), [
      [2, [1, 1]],
      [3, [2, 3]],
      [5, [5, 5]],
      [11, [10, 11]],
    ]),
  );
  it(upstream("scheduling/topology", "Combined Hostname and Zonal Topology › should balance pods across NodePool requirements"), () => {
    const KEY = "capacity.spread.4-1";
    const spot = nodePool("spot", { requirements: [req(CT, "In", "spot"), req(KEY, "In", "2", "3", "4", "5")] });
    const onDemand = nodePool("on-demand", { requirements: [req(CT, "In", "on-demand"), req(KEY, "In", "1")] });
    const c = new Provisioner();
    c.provision(spreadPods(20, spread(KEY)), [spot, onDemand]);
    expect(c.bound).toHaveLength(20);
    expect(c.skew(KEY, LABELS)).toEqual([4, 4, 4, 4, 4]);
    expect(c.skew(CT, LABELS)).toEqual([4, 16]);
  });
  it(upstream("scheduling/topology", "Combined Hostname and Zonal Topology › should spread pods while respecting both constraints"), () => {
    const c = new Provisioner();
    const constraints = [spread(ZONE), spread(HOSTNAME, { whenUnsatisfiable: "ScheduleAnyway" })];
    // The second NodePool cannot launch anything (cpu limit 0) but still contributes test-zone-3 as a domain.
    const disabled = nodePool("b", { requirements: [zones("test-zone-3")], limits: { cpu: "0" } });
    c.provision(replicas("p", 10, { labels: LABELS, topologySpreadConstraints: constraints }), [pool([zones("test-zone-1", "test-zone-2")]), disabled]);
    expect(c.skew(ZONE, LABELS)).toEqual([1, 1]);
    expect(c.skew(HOSTNAME, LABELS)).toEqual([1, 1]);
  });
});

describe("MatchLabelKeys", () => {
  const withKeys = (): TopologySpreadConstraint => spread(HOSTNAME, { matchLabelKeys: ["test-label"] });
  it(upstream("scheduling/topology", "MatchLabelKeys › should support matchLabelKeys"), () => {
    const c = new Provisioner();
    const pods = [
      ...replicas("a", 2, { labels: { ...LABELS, "test-label": "value-a" }, topologySpreadConstraints: [withKeys()] }),
      ...replicas("b", 2, { labels: { ...LABELS, "test-label": "value-b" }, topologySpreadConstraints: [withKeys()] }),
    ];
    c.provision(pods, [pool()]);
    expect(c.skew(HOSTNAME, LABELS)).toEqual([2, 2]);
  });
  it(upstream("scheduling/topology", "MatchLabelKeys › should ignore unknown labels specified in matchLabelKeys"), () => {
    const c = new Provisioner();
    c.provision(replicas("p", 4, { labels: LABELS, topologySpreadConstraints: [withKeys()] }), [pool()]);
    expect(c.skew(HOSTNAME, LABELS)).toEqual([1, 1, 1, 1]);
  });
});

describe("NodeTaintsPolicy", () => {
  const SPREAD = "fake-label";
  const taint = { key: "taintname", value: "taintvalue", effect: "NoSchedule" };
  const existingTainted = (policy: "Ignore" | "Honor", expected: number[]) => (): void => {
    const c = new Provisioner();
    c.nodes.push(
      node("node1", { labels: { [SPREAD]: "foo" }, taints: [taint], allocatable: { cpu: "100m" } }),
      node("node2", { labels: { [SPREAD]: "bar" }, taints: [taint], allocatable: { cpu: "100m" } }),
    );
    const constraint = spread(SPREAD, { nodeTaintsPolicy: policy });
    c.provision(spreadPods(5, constraint, { requests: { cpu: "1" } }), [pool([], { [SPREAD]: "baz" })]);
    expect(c.skew(SPREAD, LABELS)).toEqual(expected);
  };
  it(upstream("scheduling/topology", "NodeTaintsPolicy › should balance pods across a label (NodeTaintsPolicy=ignore)"), existingTainted("Ignore", [1]));
  it(upstream("scheduling/topology", "NodeTaintsPolicy › should balance pods across a label (NodeTaintsPolicy=honor)"), existingTainted("Honor", [5]));

  const taintedPool = (policy: "Ignore" | "Honor", expected: number[]) => (): void => {
    const c = new Provisioner();
    const tainted = nodePool("tainted", {
      requirements: [CT_EXISTS, req(SPREAD, "In", "bar")],
      taints: [{ key: "taint-key", value: "taint-value", effect: "NoSchedule" }],
    });
    c.provision(spreadPods(2, spread(SPREAD, { nodeTaintsPolicy: policy })), [pool([req(SPREAD, "In", "foo")]), tainted]);
    expect(c.skew(SPREAD, LABELS)).toEqual(expected);
  };
  it(
    upstream("scheduling/topology", "NodeTaintsPolicy › should balance pods across a label when discovered from the nodepool (NodeTaintsPolicy=ignore)"),
    taintedPool("Ignore", [1]),
  );
  it(
    upstream("scheduling/topology", "NodeTaintsPolicy › should balance pods across a label when discovered from the nodepool (NodeTaintsPolicy=honor)"),
    taintedPool("Honor", [2]),
  );
  it(
    upstream(
      "scheduling/topology",
      "NodeTaintsPolicy › should balance pods across a label when mutually exclusive NodePools (by taints) share domains (NodeTaintsPolicy=honor)",
    ),
    () => {
      const c = new Provisioner();
      const constraint = spread(SPREAD, { nodeTaintsPolicy: "Honor" });
      const pools = [
        ["foo", "bar"],
        ["foo", "baz"],
      ].map((domains, i) =>
        nodePool(`np-${i}`, {
          requirements: [CT_EXISTS, req(SPREAD, "In", ...domains)],
          taints: [{ key: "taint-key", value: `nodepool-${i}`, effect: "NoSchedule" }],
        }),
      );
      const pods = pools.flatMap((_, i) =>
        replicas(`d${i}`, (i + 1) * 2, {
          labels: LABELS,
          topologySpreadConstraints: [constraint],
          tolerations: [{ key: "taint-key", effect: "NoSchedule", value: `nodepool-${i}` }],
        }),
      );
      c.provision(pods, pools);
      expect(c.skew(SPREAD, LABELS)).toEqual([1, 2, 3]);
    },
  );
});

describe("NodeAffinityPolicy", () => {
  const SPREAD = "fake-label";
  const policy = (nodeAffinityPolicy: "Ignore" | "Honor", expected: number[]) => (): void => {
    const c = new Provisioner();
    c.nodes.push(
      node("node1", { labels: { [SPREAD]: "foo", selector: "mismatch" }, allocatable: { cpu: "100m" } }),
      node("node2", { labels: { [SPREAD]: "bar", selector: "mismatch" }, allocatable: { cpu: "100m" } }),
    );
    const constraint = spread(SPREAD, { nodeAffinityPolicy });
    c.provision(spreadPods(5, constraint, { requests: { cpu: "1" }, nodeSelector: { selector: "value" } }), [pool([], { [SPREAD]: "baz", selector: "value" })]);
    expect(c.skew(SPREAD, LABELS)).toEqual(expected);
  };
  it(upstream("scheduling/topology", "NodeAffinityPolicy › should balance pods across a label (NodeAffinityPolicy=ignore)"), policy("Ignore", [1]));
  it(upstream("scheduling/topology", "NodeAffinityPolicy › should balance pods across a label (NodeAffinityPolicy=honor)"), policy("Honor", [5]));
});

/** Upstream's `ExpectMaxSkew`: the largest count minus the smallest over the key's domains. */
const maxSkew = (c: Provisioner, key: string): number => {
  const counts = c.skew(key, LABELS);
  return counts.length === 0 ? 0 : Math.max(...counts) - Math.min(...counts);
};
const requiredZones = (...values: string[]) => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [zones(...values)] }] } } },
});

describe("Combined Zonal and Capacity Type Topology", () => {
  it(upstream("scheduling/topology", "Combined Zonal and Capacity Type Topology › should spread pods while respecting both constraints"), () => {
    const c = new Provisioner();
    const constraints = [spread(CT), spread(ZONE)];
    for (const [count, ctMax, zoneMax] of [
      [2, 1, 1],
      [3, 3, 2],
      [3, 5, 4],
      [11, 11, 7],
    ] as const) {
      c.provision(replicas(`b${++serial}`, count, { labels: LABELS, topologySpreadConstraints: constraints }), [pool()]);
      expect(Math.max(...c.skew(CT, LABELS))).toBeLessThanOrEqual(ctMax);
      expect(Math.max(...c.skew(ZONE, LABELS))).toBeLessThanOrEqual(zoneMax);
    }
  });
});

describe("Combined Hostname, Zonal, and Capacity Type Topology", () => {
  it(upstream("scheduling/topology", "Combined Hostname, Zonal, and Capacity Type Topology › should spread pods while respecting all constraints"), () => {
    const c = new Provisioner(assortedInstanceTypes());
    const constraints = [spread(CT), spread(ZONE, { maxSkew: 2 }), spread(HOSTNAME, { maxSkew: 3 })];
    for (let i = 1; i < 15; i++) {
      const pods = replicas(`b${++serial}`, i, { labels: LABELS, topologySpreadConstraints: constraints });
      c.provision(pods, [pool()]);
      expect(maxSkew(c, CT)).toBeLessThanOrEqual(1);
      expect(maxSkew(c, ZONE)).toBeLessThanOrEqual(2);
      expect(maxSkew(c, HOSTNAME)).toBeLessThanOrEqual(3);
      for (const p of pods) expect(c.nodeLabelsOf(p.metadata.name ?? "")).toBeDefined();
    }
  });
});

describe("Combined Zonal Topology and Node Affinity", () => {
  it(upstream("scheduling/topology", "Combined Zonal Topology and Node Affinity › should limit spread options by nodeSelector"), () => {
    const c = new Provisioner();
    c.provision(
      [
        ...spreadPods(5, spread(ZONE), { nodeSelector: { [ZONE]: "test-zone-1" } }),
        ...spreadPods(10, spread(ZONE), { nodeSelector: { [ZONE]: "test-zone-2" } }),
      ],
      [pool()],
    );
    expect(c.skew(ZONE, LABELS)).toEqual([5, 10]);
  });
  it(upstream("scheduling/topology", "Combined Zonal Topology and Node Affinity › should limit spread options by node requirements"), () => {
    const c = new Provisioner();
    c.provision(spreadPods(10, spread(ZONE), requiredZones("test-zone-1", "test-zone-2")), [pool()]);
    expect(c.skew(ZONE, LABELS)).toEqual([5, 5]);
  });
  it(upstream("scheduling/topology", "Combined Zonal Topology and Node Affinity › should limit spread options by required node affinity"), () => {
    const c = new Provisioner();
    c.provision(spreadPods(6, spread(ZONE), requiredZones("test-zone-1", "test-zone-2")), [pool()]);
    expect(c.skew(ZONE, LABELS)).toEqual([3, 3]);
    const open = nodePool("default", { requirements: [zones("test-zone-1", "test-zone-2", "test-zone-3")] });
    c.provision(spreadPods(1, spread(ZONE), requiredZones("test-zone-2", "test-zone-3")), [open]);
    expect(c.skew(ZONE, LABELS)).toEqual([1, 3, 3]);
    c.provision(spreadPods(5, spread(ZONE)), [open]);
    expect(c.skew(ZONE, LABELS)).toEqual([4, 4, 4]);
  });
  it(upstream("scheduling/topology", "Combined Zonal Topology and Node Affinity › should not limit spread options by preferred node affinity"), () => {
    const c = new Provisioner();
    const preferred = {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [zones("test-zone-1", "test-zone-2")] } }],
        },
      },
    };
    c.provision(spreadPods(6, spread(ZONE), preferred), [pool()]);
    expect(c.skew(ZONE, LABELS)).toEqual([2, 2, 2]);
  });
});

describe("Combined Capacity Type Topology and Node Affinity", () => {
  it(upstream("scheduling/topology", "Combined Capacity Type Topology and Node Affinity › should limit spread options by nodeSelector"), () => {
    const c = new Provisioner();
    const constraint = spread(CT, { whenUnsatisfiable: "ScheduleAnyway" });
    c.provision(
      [...spreadPods(5, constraint, { nodeSelector: { [CT]: "spot" } }), ...spreadPods(5, constraint, { nodeSelector: { [CT]: "on-demand" } })],
      [pool()],
    );
    expect(c.skew(CT, LABELS)).toEqual([5, 5]);
  });
  it(
    upstream("scheduling/topology", "Combined Capacity Type Topology and Node Affinity › should limit spread options by node affinity (capacity type)"),
    () => {
      const c = new Provisioner();
      const requiredCt = (...values: string[]) => ({
        affinity: {
          nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [req(CT, "In", ...values)] }] } },
        },
      });
      c.provision(spreadPods(3, spread(CT), requiredCt("spot")), [pool()]);
      expect(c.skew(CT, LABELS)).toEqual([3]);
      c.provision(spreadPods(1, spread(CT), requiredCt("on-demand", "spot")), [pool()]);
      expect(c.skew(CT, LABELS)).toEqual([1, 3]);
      c.provision(spreadPods(5, spread(CT)), [pool()]);
      expect(c.skew(CT, LABELS)).toEqual([4, 5]);
    },
  );
});

/** One required pod-affinity (or anti-affinity) term selecting `matchLabels` on `key`. */
const podTerm = (matchLabels: Record<string, string>, key: string) => ({ labelSelector: { matchLabels }, topologyKey: key });
const affinityTo = (matchLabels: Record<string, string>, key: string): PodOptions => ({
  affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [podTerm(matchLabels, key)] } },
});
const S2 = { security: "s2" };
/** The affinity blocks of several pod options together (each sets different parts). */
const both = (...parts: PodOptions[]) => Object.assign({}, ...parts.map((p) => p.affinity)) as NonNullable<PodOptions["affinity"]>;

describe("Pod Affinity/Anti-Affinity", () => {
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should schedule a pod with empty pod affinity and anti-affinity"), () => {
    const c = new Provisioner();
    c.provision(
      [
        pod("p", {
          affinity: {
            podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [] },
            podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [] },
          },
        }),
      ],
      [pool()],
    );
    expect(c.nodeLabelsOf("p")).toBeDefined();
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should respect pod affinity (hostname)"), () => {
    const c = new Provisioner();
    c.provision([...spreadPods(10, spread(HOSTNAME)), pod("aff1", { labels: S2 }), pod("aff2", affinityTo(S2, HOSTNAME))], [pool()]);
    expect(c.nodeLabelsOf("aff2")).toBeDefined();
    expect(c.nodeLabelsOf("aff1")?.[HOSTNAME]).toBe(c.nodeLabelsOf("aff2")?.[HOSTNAME]);
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should respect pod affinity (arch)"), () => {
    const c = new Provisioner();
    const tsc = [{ maxSkew: 1, topologyKey: HOSTNAME, whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: S2 } }];
    const first = pod("aff1", { labels: S2, topologySpreadConstraints: tsc, requests: { cpu: "2" }, nodeSelector: { [ARCH]: "arm64" } });
    const second = pod("aff2", { labels: S2, topologySpreadConstraints: tsc, requests: { cpu: "1" }, ...affinityTo(S2, ARCH) });
    c.provision([first, second], [pool()]);
    expect(c.nodeLabelsOf("aff1")?.[ARCH]).toBe("arm64");
    expect(c.nodeLabelsOf("aff2")?.[ARCH]).toBe("arm64");
    expect(c.nodeLabelsOf("aff1")?.[HOSTNAME]).not.toBe(c.nodeLabelsOf("aff2")?.[HOSTNAME]);
  });
  const selfAffinity = (key: string, o: PodOptions = {}) => replicas(`s${++serial}`, 3, { labels: S2, ...affinityTo(S2, key), ...o });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should respect self pod affinity (hostname)"), () => {
    const c = new Provisioner();
    c.provision(selfAffinity(HOSTNAME), [pool()]);
    expect(c.bound).toHaveLength(3);
    expect(new Set(c.bound.map((p) => p.spec.nodeName)).size).toBe(1);
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should respect self pod affinity for first empty topology domain only (hostname)"), () => {
    const c = new Provisioner();
    const batch = () => replicas(`s${++serial}`, 10, { labels: S2, ...affinityTo(S2, HOSTNAME) });
    c.provision(batch(), [pool()]);
    // A node holds at most five pods: one node with five, five unschedulable.
    expect(c.bound).toHaveLength(5);
    expect(new Set(c.bound.map((p) => p.spec.nodeName)).size).toBe(1);
    c.provision(batch(), [pool()]);
    expect(c.bound).toHaveLength(5);
  });
  it(
    upstream(
      "scheduling/topology",
      "Pod Affinity/Anti-Affinity › should respect self pod affinity for first empty topology domain only (hostname/constrained zones)",
    ),
    () => {
      const c = new Provisioner();
      c.provision([pod("first", { labels: S2, nodeSelector: { [ZONE]: "test-zone-1" }, ...affinityTo(S2, HOSTNAME) })], [pool()]);
      // The zone requirement limits only where these pods may go; the affinity still sees the pod in test-zone-1.
      const pods = replicas("p", 10, { labels: S2, affinity: both(affinityTo(S2, HOSTNAME), requiredZones("test-zone-2", "test-zone-3")) });
      c.provision(pods, [pool()]);
      expect(c.bound.map((p) => p.metadata.name)).toEqual(["first"]);
    },
  );
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should respect self pod affinity (zone)"), () => {
    const c = new Provisioner();
    c.provision(selfAffinity(ZONE), [pool()]);
    expect(c.bound).toHaveLength(3);
    expect(new Set(c.bound.map((p) => p.spec.nodeName)).size).toBe(1);
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should respect self pod affinity (zone w/ constraint)"), () => {
    const c = new Provisioner();
    const pods = replicas("p", 3, { labels: S2, affinity: both(affinityTo(S2, ZONE), requiredZones("test-zone-3")) });
    c.provision(pods, [pool()]);
    expect(c.bound).toHaveLength(3);
    expect(new Set(c.bound.map((p) => p.spec.nodeName)).size).toBe(1);
    for (const p of c.bound) expect(c.nodeLabelsOf(p.metadata.name ?? "")?.[ZONE]).toBe("test-zone-3");
  });
  it(
    upstream(
      "scheduling/topology",
      "Pod Affinity/Anti-Affinity › should allow two nodes to be created when two pods with matching affinities have incompatible selectors",
    ),
    () => {
      const c = new Provisioner();
      const S1 = { security: "s1" };
      const inZone = (name: string, zone: string) => pod(name, { labels: S1, affinity: both(affinityTo(S1, ZONE), requiredZones(zone)) });
      c.provision([inZone("pod1", "test-zone-2"), inZone("pod2", "test-zone-3")], [pool()]);
      expect(c.nodeLabelsOf("pod1")?.[ZONE]).toBe("test-zone-2");
      expect(c.nodeLabelsOf("pod2")?.[ZONE]).toBe("test-zone-3");
      expect(c.nodes).toHaveLength(2);
    },
  );
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should allow violation of preferred pod affinity"), () => {
    const c = new Provisioner();
    const preferring = pod("aff2", {
      affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, podAffinityTerm: podTerm(S2, HOSTNAME) }] } },
    });
    c.provision([...spreadPods(10, spread(HOSTNAME)), preferring], [pool()]);
    expect(c.nodeLabelsOf("aff2")).toBeDefined();
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should allow violation of preferred pod anti-affinity"), () => {
    const c = new Provisioner();
    const avoiding = replicas("aff", 10, {
      affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, podAffinityTerm: podTerm(LABELS, ZONE) }] } },
    });
    c.provision([...spreadPods(3, spread(ZONE)), ...avoiding], [pool()]);
    for (const p of avoiding) expect(c.nodeLabelsOf(p.metadata.name ?? "")).toBeDefined();
  });
});

describe("Pod Affinity/Anti-Affinity (anti-affinity)", () => {
  const antiTo = (matchLabels: Record<string, string>, key: string): PodOptions => ({
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [podTerm(matchLabels, key)] } },
  });
  const preferAway = (matchLabels: Record<string, string>, key: string): PodOptions => ({
    affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: podTerm(matchLabels, key) }] } },
  });
  const inZone = (name: string, zone: string, o: PodOptions = {}) => pod(name, { requests: { cpu: "2" }, nodeSelector: { [ZONE]: zone }, ...o });
  const zonePods = (o: PodOptions) => [inZone("zone1", "test-zone-1", o), inZone("zone2", "test-zone-2", o), inZone("zone3", "test-zone-3", o)];

  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should separate nodes using simple pod anti-affinity on hostname"), () => {
    const c = new Provisioner();
    c.provision([pod("aff2", antiTo(S2, HOSTNAME)), pod("aff1", { labels: S2 })], [pool()]);
    expect(c.nodeLabelsOf("aff1")).toBeDefined();
    expect(c.nodeLabelsOf("aff2")).toBeDefined();
    expect(c.nodeLabelsOf("aff1")?.[HOSTNAME]).not.toBe(c.nodeLabelsOf("aff2")?.[HOSTNAME]);
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should not violate pod anti-affinity on zone"), () => {
    const c = new Provisioner();
    c.provision([...zonePods({ labels: S2 }), pod("aff", antiTo(S2, ZONE))], [pool()]);
    for (const n of ["zone1", "zone2", "zone3"]) expect(c.nodeLabelsOf(n)).toBeDefined();
    expect(c.nodeLabelsOf("aff")).toBeUndefined();
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should not violate pod anti-affinity on zone (other schedules first)"), () => {
    const c = new Provisioner();
    c.provision([pod("p", { labels: S2, requests: { cpu: "2" } }), pod("aff", antiTo(S2, ZONE))], [pool()]);
    expect(c.nodeLabelsOf("p")).toBeDefined();
    expect(c.nodeLabelsOf("aff")).toBeUndefined();
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should not violate pod anti-affinity (arch)"), () => {
    const c = new Provisioner();
    const tsc = [{ maxSkew: 1, topologyKey: HOSTNAME, whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: S2 } }];
    c.provision(
      [
        pod("aff1", { labels: S2, topologySpreadConstraints: tsc, requests: { cpu: "2" }, nodeSelector: { [ARCH]: "arm64" } }),
        pod("aff2", { labels: S2, topologySpreadConstraints: tsc, requests: { cpu: "1" }, ...antiTo(S2, ARCH) }),
      ],
      [pool()],
    );
    expect(c.nodeLabelsOf("aff1")?.[ARCH]).toBe("arm64");
    expect(c.nodeLabelsOf("aff2")?.[ARCH]).toBe("amd64");
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should violate preferred pod anti-affinity on zone (inverse)"), () => {
    const c = new Provisioner();
    c.provision([...zonePods(preferAway(S2, ZONE)), pod("aff", { labels: S2 })], [pool()]);
    for (const n of ["zone1", "zone2", "zone3", "aff"]) expect(c.nodeLabelsOf(n)).toBeDefined();
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should not violate pod anti-affinity on zone (inverse)"), () => {
    const c = new Provisioner();
    c.provision([...zonePods(antiTo(S2, ZONE)), pod("aff", { labels: S2 })], [pool()]);
    for (const n of ["zone1", "zone2", "zone3"]) expect(c.nodeLabelsOf(n)).toBeDefined();
    expect(c.nodeLabelsOf("aff")).toBeUndefined();
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should not violate pod anti-affinity on zone (Schrödinger)"), () => {
    const c = new Provisioner();
    c.provision([pod("anywhere", { requests: { cpu: "2" }, ...antiTo(S2, ZONE) }), pod("aff", { labels: S2 })], [pool()]);
    expect(c.nodeLabelsOf("anywhere")).toBeDefined();
    expect(c.nodeLabelsOf("aff")).toBeUndefined();
    // Once the first pod's node exists, its zone is known and the second pod can go elsewhere.
    c.provision([pod("aff", { labels: S2 })], [pool()]);
    expect(c.nodeLabelsOf("aff")?.[ZONE]).toBeDefined();
    expect(c.nodeLabelsOf("aff")?.[ZONE]).not.toBe(c.nodeLabelsOf("anywhere")?.[ZONE]);
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should not violate pod anti-affinity on zone (inverse w/existing nodes)"), () => {
    const c = new Provisioner();
    c.provision(zonePods(antiTo(S2, ZONE)), [pool()]);
    for (const n of ["zone1", "zone2", "zone3"]) expect(c.nodeLabelsOf(n)).toBeDefined();
    c.provision([pod("aff", { labels: S2 })], [pool()]);
    expect(c.nodeLabelsOf("aff")).toBeUndefined();
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should violate preferred pod anti-affinity on zone (inverse w/existing nodes)"), () => {
    const c = new Provisioner();
    c.provision(zonePods(preferAway(S2, ZONE)), [pool()]);
    c.provision([pod("aff", { labels: S2 })], [pool()]);
    expect(c.nodeLabelsOf("aff")).toBeDefined();
  });
});

describe("Pod Affinity/Anti-Affinity (zones, chains, namespaces)", () => {
  it(
    upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should allow violation of a pod affinity preference with a conflicting required constraint"),
    () => {
      const c = new Provisioner();
      const preferring = replicas("aff", 3, {
        labels: LABELS,
        topologySpreadConstraints: [spread(HOSTNAME)],
        affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, podAffinityTerm: podTerm(S2, HOSTNAME) }] } },
      });
      c.provision([...preferring, pod("target", { labels: S2 })], [pool()]);
      expect(c.bound).toHaveLength(4);
      expect(c.skew(HOSTNAME, LABELS)).toEqual([1, 1, 1]);
    },
  );
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should support pod anti-affinity with a zone topology"), () => {
    const c = new Provisioner();
    const batch = () =>
      replicas(`z${++serial}`, 3, { labels: S2, affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [podTerm(S2, ZONE)] } } });
    // Each run places one pod (its zone is only known once its node exists); the unplaced ones are dropped, as
    // upstream deletes them between runs.
    for (const expected of [[1], [1, 1], [1, 1, 1], [1, 1, 1]]) {
      c.provision(batch(), [pool()]);
      expect(c.skew(ZONE, {})).toEqual(expected);
    }
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should not schedule pods with affinity to a non-existent pod"), () => {
    const c = new Provisioner();
    c.provision(replicas("aff", 10, affinityTo(S2, ZONE)), [pool()]);
    expect(c.bound).toEqual([]);
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should support pod affinity with zone topology (unconstrained target)"), () => {
    const c = new Provisioner();
    const followers = replicas("aff", 10, affinityTo(S2, ZONE));
    c.provision([...followers, pod("target", { labels: S2 })], [pool()]);
    // The target's zone is not decided until its node exists, so the followers wait.
    expect(c.bound.map((p) => p.metadata.name)).toEqual(["target"]);
    expect(c.skew(ZONE, {})).toEqual([1]);
    c.provision(followers, [pool()]);
    expect(c.bound).toHaveLength(11);
    expect(c.skew(ZONE, {})).toEqual([11]);
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should support pod affinity with zone topology (constrained target)"), () => {
    const c = new Provisioner();
    c.provision([...replicas("aff", 10, affinityTo(S2, ZONE)), pod("target", { labels: S2, ...requiredZones("test-zone-1") })], [pool()]);
    expect(c.skew(ZONE, {})).toEqual([11]);
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should handle multiple dependent affinities"), () => {
    // Upstream repeats this 50 times on a fresh cluster to shake out map-order randomness; nodefit is deterministic.
    const c = new Provisioner();
    const kind = (type: string) => ({ type, spread: "spread" });
    c.provision(
      [
        pod("db", { labels: kind("db") }),
        pod("web", { labels: kind("web"), ...affinityTo(kind("db"), HOSTNAME) }),
        pod("cache", { labels: kind("cache"), ...affinityTo(kind("web"), HOSTNAME) }),
        pod("ui", { labels: kind("ui"), ...affinityTo(kind("cache"), HOSTNAME) }),
      ],
      [pool()],
    );
    expect(c.bound).toHaveLength(4);
  });
  it(upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should fail to schedule pods with unsatisfiable dependencies"), () => {
    const c = new Provisioner();
    c.provision([pod("db", { labels: { type: "db", spread: "spread" }, ...affinityTo({ type: "web", spread: "spread" }, HOSTNAME) })], [pool()]);
    expect(c.bound).toEqual([]);
  });
  const namespaced =
    (term: ReturnType<typeof podTerm> & { namespaces?: string[]; namespaceSelector?: object }, namespace: string, together: boolean) => (): void => {
      const c = new Provisioner();
      const follower = pod("aff2", { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } } });
      c.provision([...spreadPods(10, spread(HOSTNAME)), pod("aff1", { labels: S2, namespace }), follower], [pool()]);
      const target = c.bound.find((p) => p.metadata.name === "aff1");
      expect(target).toBeDefined();
      const follows = c.bound.find((p) => p.metadata.name === "aff2");
      if (together) expect(follows?.spec.nodeName).toBe(target?.spec.nodeName);
      else expect(follows).toBeUndefined();
    };
  it(
    upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should filter pod affinity topologies by namespace, no matching pods"),
    namespaced(podTerm(S2, HOSTNAME), "other-ns-no-match", false),
  );
  it(
    upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should filter pod affinity topologies by namespace, matching pods namespace list"),
    namespaced({ ...podTerm(S2, HOSTNAME), namespaces: ["other-ns-list"] }, "other-ns-list", true),
  );
  it(
    upstream("scheduling/topology", "Pod Affinity/Anti-Affinity › should filter pod affinity topologies by namespace, empty namespace selector"),
    namespaced({ ...podTerm(S2, HOSTNAME), namespaceSelector: { matchLabels: {} } }, "empty-ns-selector", true),
  );
});

describe("Taints", () => {
  const taintedPool = (taint: { key: string; value: string; effect: string }) => nodePool("default", { requirements: [CT_EXISTS], taints: [taint] });
  it(upstream("scheduling/topology", "should taint nodes with NodePool taints"), () => {
    const taint = { key: "test", value: "bar", effect: "NoSchedule" };
    const c = new Provisioner();
    const result = c.provision([pod("p", { tolerations: [{ effect: "NoSchedule", operator: "Exists" }] })], [taintedPool(taint)]);
    expect(result.nodeClaims[0]?.taints).toContainEqual(taint);
  });
  it(upstream("scheduling/topology", "should schedule pods that tolerate NodePool constraints"), () => {
    const np = taintedPool({ key: "test-key", value: "test-value", effect: "NoSchedule" });
    const c = new Provisioner();
    c.provision(
      [
        pod("exists", { tolerations: [{ key: "test-key", operator: "Exists", effect: "NoSchedule" }] }),
        pod("equal", { tolerations: [{ key: "test-key", value: "test-value", operator: "Equal", effect: "NoSchedule" }] }),
      ],
      [np],
    );
    expect(c.bound.map((p) => p.metadata.name).sort()).toEqual(["equal", "exists"]);
    c.provision(
      [
        pod("none"),
        pod("key-mismatch", { tolerations: [{ key: "invalid", operator: "Exists" }] }),
        pod("value-mismatch", { tolerations: [{ key: "test-key", operator: "Equal", effect: "NoSchedule" }] }),
      ],
      [np],
    );
    expect(c.bound).toHaveLength(2);
  });
  it(upstream("scheduling/topology", "should provision nodes with taints and schedule pods if the taint is only a startup taint"), () => {
    const c = new Provisioner();
    c.provision(
      [pod("p")],
      [nodePool("default", { requirements: [CT_EXISTS], startupTaints: [{ key: "ignore-me", value: "nothing-to-see-here", effect: "NoSchedule" }] })],
    );
    expect(c.nodeLabelsOf("p")).toBeDefined();
  });
  it(upstream("scheduling/topology", "should not generate taints for OpExists"), () => {
    const c = new Provisioner();
    const result = c.provision([pod("p", { tolerations: [{ key: "test-key", operator: "Exists", effect: "NoExecute" }] })], [pool()]);
    // Upstream's node carries only the default taint its fake kubelet adds; the claim itself has none.
    expect(result.nodeClaims[0]?.taints).toEqual([]);
  });
});

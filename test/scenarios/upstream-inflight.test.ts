/**
 * Upstream's scheduling suite, `Describe("In-Flight Nodes")` (pkg/controllers/provisioning/scheduling/suite_test.go):
 * nodes launched by an earlier run are in flight (not initialized) when the next run schedules; and
 * `Describe("No Pre-Binding")`, where the pods of the first run stay pending. The suite's default NodePool allows
 * every capacity type. Pod limits stand for requests, as upstream's pods set only limits. Where upstream's test needs
 * the NodeClaim behind a launched node (startup taints, allocatable before the kubelet reports it), it is given
 * linked by `status.nodeName`.
 */
import { describe, expect, it } from "vitest";
import { resourceListToRecord } from "../../src/resources/index.js";
import { fakeInstanceType, fakeInstanceTypes } from "../../src/testing/fake-catalog.js";
import type { Node, Pod, Taint, TopologySpreadConstraint } from "../../src/types/kubernetes.js";
import { daemonSet, managedNode, nodeClaim, nodePool, pod, Provisioner, replicas, req, requiredTerms, run } from "./helpers.js";
import { upstream } from "./upstream/files.js";

const ZONE = "topology.kubernetes.io/zone";
const HOSTNAME = "kubernetes.io/hostname";
const inFlight = () => new Provisioner(fakeInstanceTypes(), {}, false);
const nodeOf = (c: Provisioner, name: string) => c.bound.find((p) => p.metadata.name === name)?.spec.nodeName;

describe("In-Flight Nodes", () => {
  it(upstream("scheduling/suite", "In-Flight Nodes › should not launch a second node if there is an in-flight node that can support the pod"), () => {
    const c = inFlight();
    c.provision([pod("initial", { limits: { cpu: "10m" } })]);
    c.provision([pod("second", { limits: { cpu: "10m" } })]);
    expect(nodeOf(c, "second")).toBe(nodeOf(c, "initial"));
  });
  it(
    upstream("scheduling/suite", "In-Flight Nodes › should not launch a second node if there is an in-flight node that can support the pod (node selectors)"),
    () => {
      const c = inFlight();
      const inZones = (name: string, ...zones: string[]) => pod(name, { limits: { cpu: "10m" }, affinity: requiredTerms([req(ZONE, "In", ...zones)]) });
      c.provision([inZones("initial", "test-zone-2")]);
      c.provision([inZones("second", "test-zone-1", "test-zone-2")]);
      expect(nodeOf(c, "second")).toBe(nodeOf(c, "initial"));
      c.provision([inZones("third", "test-zone-1", "test-zone-3")]);
      expect(nodeOf(c, "third")).toBeDefined();
      expect(nodeOf(c, "third")).not.toBe(nodeOf(c, "initial"));
    },
  );
  it(upstream("scheduling/suite", "In-Flight Nodes › should launch a second node if a pod won't fit on the existingNodes node"), () => {
    const c = inFlight();
    c.provision([pod("initial", { limits: { cpu: "1001m" } })]);
    c.provision([pod("second", { limits: { cpu: "1" } })]);
    expect(nodeOf(c, "second")).toBeDefined();
    expect(nodeOf(c, "second")).not.toBe(nodeOf(c, "initial"));
  });
  it(
    upstream("scheduling/suite", "In-Flight Nodes › should launch a second node if a pod isn't compatible with the existingNodes node (node selector)"),
    () => {
      const c = inFlight();
      c.provision([pod("initial", { limits: { cpu: "10m" } })]);
      c.provision([pod("second", { nodeSelector: { "kubernetes.io/arch": "arm64" } })]);
      expect(nodeOf(c, "second")).toBeDefined();
      expect(nodeOf(c, "second")).not.toBe(nodeOf(c, "initial"));
    },
  );
  it(upstream("scheduling/suite", "In-Flight Nodes › should launch a second node if an in-flight node is terminating"), () => {
    const c = inFlight();
    c.provision([pod("initial", { limits: { cpu: "10m" } })]);
    const first = nodeOf(c, "initial");
    // Upstream deletes the node and its NodeClaim; here the node is marked deleting.
    const i = c.nodes.findIndex((n) => n.metadata.name === first);
    const n = c.nodes[i];
    if (n !== undefined) c.nodes[i] = { ...n, metadata: { ...n.metadata, deletionTimestamp: "2025-01-01T00:00:00Z" } };
    c.provision([pod("second", { limits: { cpu: "10m" } })]);
    expect(nodeOf(c, "second")).toBeDefined();
    expect(nodeOf(c, "second")).not.toBe(first);
  });
  const labels = { foo: "bar" };
  const spread = (key: string): TopologySpreadConstraint => ({
    maxSkew: 1,
    topologyKey: key,
    whenUnsatisfiable: "DoNotSchedule",
    labelSelector: { matchLabels: labels },
  });
  it(upstream("scheduling/suite", "In-Flight Nodes › Topology › should balance pods across zones with in-flight nodes"), () => {
    const c = inFlight();
    c.provision(replicas("a", 4, { labels, topologySpreadConstraints: [spread(ZONE)] }));
    expect(c.skew(ZONE, labels)).toEqual([1, 1, 2]);
    const nodes = c.nodes.length;
    c.provision(replicas("b", 5, { labels, topologySpreadConstraints: [spread(ZONE)] }));
    expect(c.skew(ZONE, labels)).toEqual([3, 3, 3]);
    expect(c.nodes).toHaveLength(nodes);
  });
  it(upstream("scheduling/suite", "In-Flight Nodes › Topology › should balance pods across hostnames with in-flight nodes"), () => {
    const c = inFlight();
    c.provision(replicas("a", 4, { labels, topologySpreadConstraints: [spread(HOSTNAME)] }));
    expect(c.skew(HOSTNAME, labels)).toEqual([1, 1, 1, 1]);
    c.provision(replicas("b", 5, { labels, topologySpreadConstraints: [spread(HOSTNAME)] }));
    expect(c.skew(HOSTNAME, labels)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });
});

describe("In-Flight Nodes › Taints", () => {
  /** Replaces the first launched node with `change(node)`. */
  const mutateFirst = (c: Provisioner, change: (n: Node) => Node): string => {
    const n = c.nodes[0];
    if (n === undefined) throw new Error("no node launched");
    c.nodes[0] = change(n);
    return n.metadata.name ?? "";
  };
  const initialize = (n: Node): Node => ({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, "karpenter.sh/initialized": "true" } } });
  const withTaints = (n: Node, taints: Taint[]): Node => ({ ...n, spec: { ...n.spec, taints } });
  it(upstream("scheduling/suite", "In-Flight Nodes › Taints › should assume pod will schedule to a tainted node with no taints"), () => {
    const c = inFlight();
    c.provision([pod("initial", { limits: { cpu: "8" } })]);
    c.remove(["initial"]);
    const first = mutateFirst(c, (n) => withTaints(n, []));
    c.provision([pod("second")]);
    expect(nodeOf(c, "second")).toBe(first);
  });
  it(upstream("scheduling/suite", "In-Flight Nodes › Taints › should not assume pod will schedule to a tainted node"), () => {
    const c = inFlight();
    c.provision([pod("initial", { limits: { cpu: "8" } })]);
    c.remove(["initial"]);
    const first = mutateFirst(c, (n) => withTaints(initialize(n), [{ key: "foo.com/taint", value: "tainted", effect: "NoSchedule" }]));
    c.provision([pod("second")]);
    expect(nodeOf(c, "second")).toBeDefined();
    expect(nodeOf(c, "second")).not.toBe(first);
  });
});

describe("In-Flight Nodes › Taints (startup and ephemeral)", () => {
  const initialize = (n: Node): Node => ({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, "karpenter.sh/initialized": "true" } } });
  const withTaints = (n: Node, taints: Taint[]): Node => ({ ...n, spec: { ...n.spec, taints } });
  const first = (c: Provisioner): Node => {
    const n = c.nodes[0];
    if (n === undefined) throw new Error("no node launched");
    return n;
  };
  /** The NodeClaim upstream's fake provider leaves behind for the first node: its NodePool's startup taints, linked by name. */
  const claimOf = (n: Node, startupTaints: readonly Taint[], initialized = false) =>
    nodeClaim(`${n.metadata.name ?? ""}-claim`, "default", { nodeName: n.metadata.name ?? "", startupTaints, initialized });

  it(
    upstream(
      "scheduling/suite",
      "In-Flight Nodes › Taints › should assume pod will schedule to a node with ephemeral taint node.kubernetes.io/not-ready:NoExecute when the node is uninitialized",
    ),
    () => {
      const c = inFlight();
      c.provision([pod("initial")]);
      c.remove(["initial"]);
      const name = first(c).metadata.name;
      c.nodes[0] = withTaints(first(c), [{ key: "node.kubernetes.io/not-ready", effect: "NoExecute" }]);
      c.provision([pod("second")]);
      expect(nodeOf(c, "second")).toBe(name);
      c.remove(["second"]);
      // Initialized, the same taint is no longer assumed to go away.
      c.nodes[0] = initialize(first(c));
      c.provision([pod("third")]);
      expect(nodeOf(c, "third")).toBeDefined();
      expect(nodeOf(c, "third")).not.toBe(name);
    },
  );
  const startup: Taint = { key: "foo.com/taint", value: "tainted", effect: "NoSchedule" };
  it(upstream("scheduling/suite", "In-Flight Nodes › Taints › should assume pod will schedule to a tainted node with a custom startup taint"), () => {
    const c = inFlight();
    const pools = [nodePool("default", { startupTaints: [startup] })];
    c.provision([pod("initial", { limits: { cpu: "8" } })], pools);
    c.remove(["initial"]);
    // The launched node carries the startup taint and the not-ready taint; its NodeClaim names the startup taint.
    const n = withTaints(first(c), [startup, { key: "node.kubernetes.io/not-ready", effect: "NoSchedule" }]);
    c.nodes[0] = n;
    c.provision([pod("second")], pools, { nodeClaims: [claimOf(n, [startup])] });
    expect(nodeOf(c, "second")).toBe(n.metadata.name);
  });
  it(upstream("scheduling/suite", "In-Flight Nodes › Taints › should not assume pod will schedule to a node with startup taints after initialization"), () => {
    const c = inFlight();
    const ignoreMe: Taint = { key: "ignore-me", value: "nothing-to-see-here", effect: "NoSchedule" };
    const pools = [nodePool("default", { startupTaints: [ignoreMe] })];
    c.provision([pod("initial")], pools);
    c.remove(["initial"]);
    // Initialized (label and NodeClaim condition), with the startup taint back and only a pod count in its capacity.
    const n = withTaints(initialize(first(c)), [ignoreMe]);
    c.nodes[0] = { ...n, status: { ...n.status, capacity: { pods: "10" } } };
    c.provision([pod("second")], pools, { nodeClaims: [claimOf(n, [ignoreMe], true)] });
    expect(nodeOf(c, "second")).toBeDefined();
    expect(nodeOf(c, "second")).not.toBe(n.metadata.name);
  });
});

describe("In-Flight Nodes › Daemonsets", () => {
  /** A pod of DaemonSet `ds` (namespace kube-system, as the helper's DaemonSets), bound to `node`. */
  const daemonPod = (name: string, ds: string, node: string, requests: Record<string, string>, nodeSelector?: Record<string, string>): Pod =>
    pod(name, {
      namespace: "kube-system",
      requests,
      nodeName: node,
      ownerReferences: [{ kind: "DaemonSet", name: ds, uid: `uid-${ds}`, controller: true }],
      ...(nodeSelector === undefined ? {} : { nodeSelector }),
    });

  it(
    upstream(
      "scheduling/suite",
      "In-Flight Nodes › Daemonsets › should track daemonset usage separately so we know how many DS resources are remaining to be scheduled",
    ),
    () => {
      const c = inFlight();
      const daemonSets = [daemonSet("ds", { requests: { cpu: "1", memory: "1Gi" } })];
      c.provision([pod("initial", { limits: { cpu: "8" } })], [nodePool("default")], { daemonSets });
      const node1 = c.nodes[0]?.metadata.name ?? "";
      expect(c.nodes[0]?.status?.allocatable?.cpu).toBe("15900m");
      c.remove(["initial"]);
      // The DaemonSet pod binds: 14.9 CPUs are left, and the DaemonSet is not counted a second time.
      c.bound.push(daemonPod("ds-pod", "ds", node1, { cpu: "1", memory: "2Gi" }));
      c.provision([pod("second", { limits: { cpu: "14.9" } })], [nodePool("default")], { daemonSets });
      expect(nodeOf(c, "second")).toBe(node1);
    },
  );
  it(upstream("scheduling/suite", "In-Flight Nodes › Daemonsets › should handle unexpected daemonset pods binding to the node"), () => {
    const c = inFlight();
    const daemonSets = [
      daemonSet("ds1", { nodeSelector: { "my-node-label": "value" }, requests: { cpu: "1", memory: "1Gi" } }),
      daemonSet("ds2", { requests: { cpu: "1m" } }),
    ];
    c.provision([pod("initial", { limits: { cpu: "8" } })], [nodePool("default")], { daemonSets });
    const n = c.nodes[0];
    if (n === undefined) throw new Error("no node launched");
    // A label Karpenter did not put there appears, and ds1's pod binds.
    c.nodes[0] = { ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, "my-node-label": "value" } } };
    c.remove(["initial"]);
    c.bound.push(daemonPod("ds1-pod", "ds1", n.metadata.name ?? "", { cpu: "1", memory: "2Gi" }, { "my-node-label": "value" }));
    c.provision([pod("second", { limits: { cpu: "15.5" } })], [nodePool("default")], { daemonSets });
    expect(nodeOf(c, "second")).toBeDefined();
    expect(nodeOf(c, "second")).not.toBe(n.metadata.name);
  });
  it(
    upstream(
      "scheduling/suite",
      "In-Flight Nodes › Daemonsets › Should properly handle DaemonSet resources with Node Affinity for `karpenter.sh/initialized` and `karpenter.sh/registered`",
    ),
    () => {
      const daemonSets = [
        daemonSet("ds1", { requests: { cpu: "1" }, affinity: requiredTerms([req("karpenter.sh/initialized", "In", "true")]) }),
        daemonSet("ds2", { requests: { cpu: "1" }, affinity: requiredTerms([req("karpenter.sh/registered", "In", "true")]) }),
      ];
      const result = run({ pods: [pod("initial", { limits: { cpu: "2" } })], daemonSets });
      expect(result.nodeClaims).toHaveLength(1);
      const [claim] = result.nodeClaims;
      // Both DaemonSets count: 2 + 1 + 1 CPU needs the 16-CPU type (15.9 allocatable), not a 4-CPU one.
      expect(claim?.instanceType).toBe("arm-instance-type");
      // The simulation-only keys do not leak into the NodeClaim.
      const keys = claim?.requirements.map((r) => r.key) ?? [];
      expect(keys).not.toContain("karpenter.sh/registered");
      expect(keys).not.toContain("karpenter.sh/initialized");
      expect(claim?.labels.has("karpenter.sh/registered")).toBe(false);
      expect(claim?.labels.has("karpenter.sh/initialized")).toBe(false);
    },
  );
});

describe("In-Flight Nodes (packing and ordering)", () => {
  it(upstream("scheduling/suite", "In-Flight Nodes › should pack in-flight nodes before launching new nodes"), () => {
    const medium = fakeInstanceType({ name: "medium", cpu: 4.25, pods: 4 });
    const c = new Provisioner([medium], {}, false);
    // Upstream draws rand.Intn(10) pods per batch; a fixed draw keeps the test deterministic.
    const batches = [3, 7, 0, 9, 1, 5, 8, 2, 6, 4];
    batches.forEach((count, b) => c.provision(replicas(`batch${b}`, count, { limits: { cpu: "1" } })));
    const free = c.nodes.map((n) => {
      const used = c.bound.filter((p) => p.spec.nodeName === n.metadata.name).length * 1000;
      return 4150 - used;
    });
    expect(c.bound).toHaveLength(45);
    expect(free.filter((millis) => millis >= 1000).length).toBeLessThanOrEqual(1);
  });
  it(upstream("scheduling/suite", "In-Flight Nodes › should not launch a second node if there is an in-flight node that can support the pod (#2011)"), () => {
    const c = inFlight();
    const p = pod("p", { limits: { cpu: "10m" } });
    c.provision([p]);
    expect(c.nodes).toHaveLength(1);
    // Not bound (ExpectProvisionedNoBinding): the same pod is still pending in the next run.
    c.remove(["p"]);
    const again = c.provision([p]);
    expect(again.nodeClaims).toEqual([]);
    expect(c.nodes).toHaveLength(1);
  });
  it(
    upstream("scheduling/suite", "In-Flight Nodes › should order initialized nodes for scheduling uninitialized nodes when all other nodes are inflight"),
    () => {
      const type = fakeInstanceTypes().find((t) => t.name === "default-instance-type");
      if (type === undefined) throw new Error("no default-instance-type");
      const allocatable = resourceListToRecord(type.allocatable);
      // Upstream picks the initialized one at random among 100; a fixed one in the middle keeps the test deterministic.
      const elem = 57;
      // The in-flight claims' names sort before the node's, so only the initialized-first order puts it first.
      const claims = Array.from({ length: 100 }, (_, i) => `claim-${String(i).padStart(3, "0")}`);
      const nodeClaims = claims.map((name, i) =>
        i === elem ? nodeClaim(name, "default", { nodeName: "node-initialized", allocatable, initialized: true }) : nodeClaim(name, "default", { allocatable }),
      );
      const nodes = [managedNode("node-initialized", "default", { allocatable })];
      const result = run({ pods: [pod("p")], nodes, nodeClaims });
      expect(result.nodeClaims).toEqual([]);
      expect(result.existingNodes.find((n) => n.pods.includes("default/p"))?.name).toBe("node-initialized");
    },
  );
  it(upstream("scheduling/suite", "In-Flight Nodes › should schedule pods with the same host port to different nodes"), () => {
    const ports = [{ containerPort: 8080, hostPort: 8080 }];
    const result = run({ pods: [pod("a", { ports }), pod("b", { ports })] });
    const a = result.nodeClaims.find((c) => c.pods.includes("default/a"));
    const b = result.nodeClaims.find((c) => c.pods.includes("default/b"));
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(a?.name).not.toBe(b?.name);
  });
});

describe("No Pre-Binding", () => {
  // Upstream provisions without binding: the pods stay pending, and the next run sees the launched node in flight.
  it(upstream("scheduling/suite", "No Pre-Binding › should not bind pods to nodes"), () => {
    const c = inFlight();
    c.provision([pod("initial", { limits: { cpu: "10m" } })]);
    c.remove(["initial"]);
    expect(c.nodes).toHaveLength(1);
    const second = c.provision([pod("second", { limits: { cpu: "10m" } })]);
    expect(second.nodeClaims).toEqual([]);
    expect(second.existingNodes.map((n) => n.name)).toEqual([c.nodes[0]?.metadata.name]);
  });
  it(upstream("scheduling/suite", "No Pre-Binding › should handle resource zeroing of extended resources by kubelet"), () => {
    const c = inFlight();
    const limits = { cpu: "10m", "fake.com/vendor-a": "1" };
    c.provision([pod("initial", { limits })]);
    c.remove(["initial"]);
    const n = c.nodes[0];
    if (n === undefined) throw new Error("no node launched");
    // The kubelet zeroes the extended resources at startup; the NodeClaim still reports what the type offers.
    const claim = nodeClaim(`${n.metadata.name ?? ""}-claim`, "default", { nodeName: n.metadata.name ?? "", allocatable: n.status?.allocatable ?? {} });
    c.nodes[0] = { ...n, status: { capacity: { "fake.com/vendor-a": "0" }, allocatable: { "fake.com/vendor-b": "0" } } };
    const second = c.provision([pod("second", { limits })], [nodePool("default")], { nodeClaims: [claim] });
    expect(second.nodeClaims).toEqual([]);
    expect(second.existingNodes.map((x) => x.name)).toEqual([n.metadata.name]);
  });
  it(upstream("scheduling/suite", "No Pre-Binding › should respect self pod affinity without pod binding (zone)"), () => {
    const c = inFlight();
    const labels = { security: "s2" };
    const affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: labels }, topologyKey: ZONE }] } };
    const [first, second] = replicas("p", 2, { labels, affinity });
    if (first === undefined || second === undefined) throw new Error("two pods");
    c.provision([first]);
    c.remove([first.metadata.name ?? ""]);
    const result = c.provision([second]);
    // The in-flight node's zone is taken for the self-affinity rather than any viable zone: no second node.
    expect(result.nodeClaims).toEqual([]);
    expect(c.nodes).toHaveLength(1);
  });
});

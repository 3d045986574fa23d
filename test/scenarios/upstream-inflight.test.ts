/**
 * Upstream's scheduling suite, `Describe("In-Flight Nodes")` (pkg/controllers/provisioning/scheduling/suite_test.go):
 * nodes launched by an earlier run are in flight (not initialized) when the next run schedules. The suite's default
 * NodePool allows every capacity type. Pod limits stand for requests, as upstream's pods set only limits.
 */
import { describe, expect, it } from "vitest";
import { fakeInstanceTypes } from "../../src/testing/fake-catalog.js";
import type { Node, Taint, TopologySpreadConstraint } from "../../src/types/kubernetes.js";
import { pod, Provisioner, replicas, req, requiredTerms } from "./helpers.js";
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

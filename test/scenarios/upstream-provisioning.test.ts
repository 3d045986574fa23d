/**
 * Upstream's provisioning suite (pkg/controllers/provisioning/suite_test.go), translated one `It` at a time on the fake
 * catalogue. Its NodePools are upstream's bare `test.NodePool()` (no requirements) unless a test sets some.
 */
import { describe, expect, it } from "vitest";
import type { PodOptions } from "./helpers.js";
import { nodeClaim, nodePool, pod, Provisioner, replicas, run } from "./helpers.js";
import { upstream } from "./upstream/files.js";

const bare = (o: Parameters<typeof nodePool>[1] = {}) => nodePool("default", { requirements: [], ...o });
const placed = (c: Provisioner, name: string) => c.bound.some((p) => p.metadata.name === name);
const antiSelf: PodOptions = {
  labels: { app: "foo" },
  requests: { cpu: "1.5" },
  affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "foo" } } }] } },
};

describe("Resource Limits", () => {
  it(upstream("provisioning/suite", "Resource Limits › should not schedule when limits are exceeded"), () => {
    // A launched NodeClaim of the NodePool already holds 100 CPU against a limit of 20.
    const claim = nodeClaim("existing", "default", { allocatable: { cpu: "100" } });
    const result = run({ pods: [pod("p")], nodePools: [bare({ limits: { cpu: "20" } })], nodeClaims: [claim] });
    expect(result.nodeClaims).toEqual([]);
    expect(result.unschedulable.map((u) => u.pod)).toEqual(["default/p"]);
  });
  it(upstream("provisioning/suite", "Resource Limits › should schedule if limits would be met"), () => {
    const c = new Provisioner();
    c.provision([pod("p", { requests: { cpu: "1.75" } })], [bare({ limits: { cpu: "2" } })]);
    expect(placed(c, "p")).toBe(true);
  });
  it(upstream("provisioning/suite", "Resource Limits › should partially schedule if limits would be exceeded"), () => {
    const c = new Provisioner();
    c.provision(replicas("p", 2, antiSelf), [bare({ limits: { cpu: "3" } })]);
    expect(c.bound).toHaveLength(1);
  });
  it(upstream("provisioning/suite", "Resource Limits › should not schedule if limits would be exceeded"), () => {
    const c = new Provisioner();
    c.provision([pod("p", { requests: { cpu: "2.1" } })], [bare({ limits: { cpu: "2" } })]);
    expect(placed(c, "p")).toBe(false);
  });
  it(upstream("provisioning/suite", "Resource Limits › should not schedule if limits would be exceeded (GPU)"), () => {
    // The NodePool may hold one pod; the only type with the GPU brings a capacity of five pods, beyond the limit.
    const c = new Provisioner();
    c.provision([pod("p", { limits: { "fake.com/vendor-a": "1" } })], [bare({ limits: { pods: "1" } })]);
    expect(placed(c, "p")).toBe(false);
  });
  it(upstream("provisioning/suite", "Resource Limits › should not schedule to a nodepool after a scheduling round if limits would be exceeded"), () => {
    const c = new Provisioner();
    const np = bare({ limits: { cpu: "2" } });
    c.provision([pod("first", { requests: { cpu: "1.75" } })], [np]);
    expect(placed(c, "first")).toBe(true);
    c.provision([pod("second", { requests: { cpu: "1.75" } })], [np]);
    expect(placed(c, "second")).toBe(false);
  });
  it(upstream("provisioning/suite", "Resource Limits › should not schedule if limits would be exceeded (node)"), () => {
    const c = new Provisioner();
    const np = bare({ limits: { nodes: "2" } });
    c.provision([pod("p1", antiSelf)], [np]);
    c.provision([pod("p2", antiSelf)], [np]);
    expect(placed(c, "p1") && placed(c, "p2")).toBe(true);
    c.provision([pod("p3", antiSelf)], [np]);
    expect(placed(c, "p3")).toBe(false);
  });
});

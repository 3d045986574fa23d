/**
 * Upstream's provisioning suite (pkg/controllers/provisioning/suite_test.go), translated one `It` at a time on the fake
 * catalogue. Its NodePools are upstream's bare `test.NodePool()` (no requirements) unless a test sets some.
 */
import { describe, expect, it } from "vitest";
import type { PodOptions } from "./helpers.js";
import { daemonSet, nodeClaim, nodePool, pod, Provisioner, replicas, run } from "./helpers.js";
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

describe("Daemonsets", () => {
  const typeOf = (c: Provisioner, name: string) => c.nodes.find((n) => n.metadata.name === c.bound.find((p) => p.metadata.name === name)?.spec.nodeName)?.metadata.labels?.["node.kubernetes.io/instance-type"];
  const small = { requests: { cpu: "1", memory: "1Gi" } };
  // Upstream checks the launched type has 4 CPU and 4Gi: the 2-CPU type would ignore the DaemonSet.
  const FOUR_CPU = ["default-instance-type", "single-pod-instance-type", "gpu-vendor-instance-type", "gpu-vendor-b-instance-type"];
  it(upstream("provisioning/suite", "Daemonsets › should account for daemonsets"), () => {
    const c = new Provisioner();
    c.provision([pod("p", small)], [bare()], { daemonSets: [daemonSet("ds", { requests: { cpu: "2", memory: "2Gi" } })] });
    expect(FOUR_CPU).toContain(typeOf(c, "p"));
  });
  it(upstream("provisioning/suite", "Daemonsets › should account for daemonset hostports"), () => {
    const c = new Provisioner();
    c.provision([pod("p", { ...small, ports: [{ containerPort: 8080, hostPort: 8080 }] })], [bare()], {
      daemonSets: [daemonSet("ds", { requests: { cpu: "2", memory: "2Gi" }, ports: [{ containerPort: 8080, hostPort: 8080 }] })],
    });
    expect(placed(c, "p")).toBe(false);
    expect(c.nodes).toEqual([]);
  });
  it(upstream("provisioning/suite", "Daemonsets › should account for daemonsets (with startup taint)"), () => {
    const c = new Provisioner();
    const np = bare({ startupTaints: [{ key: "foo.com/taint", effect: "NoSchedule" }] });
    c.provision([pod("p", small)], [np], { daemonSets: [daemonSet("ds", { requests: { cpu: "2", memory: "2Gi" } })] });
    expect(FOUR_CPU).toContain(typeOf(c, "p"));
  });
  const notScheduled = (ds: ReturnType<typeof daemonSet>) => (): void => {
    const c = new Provisioner();
    c.provision([pod("p")], [bare()], { daemonSets: [ds] });
    expect(placed(c, "p")).toBe(false);
  };
  it(upstream("provisioning/suite", "Daemonsets › should not schedule if daemonset overhead is too large"), notScheduled(daemonSet("ds", { requests: { cpu: "10000", memory: "10000Gi" } })));
  it(
    upstream("provisioning/suite", "Daemonsets › should not schedule if resource requests are not defined and limits (requests) are too large"),
    notScheduled(daemonSet("ds", { limits: { cpu: "10000", memory: "10000Gi" }, requests: { cpu: "1" } })),
  );
  it(upstream("provisioning/suite", "Daemonsets › should schedule based on the max resource requests of containers and initContainers"), () => {
    const c = new Provisioner();
    // The init container's memory request is its limit (3Gi), as Kubernetes defaults it.
    const ds = daemonSet("ds", { limits: { cpu: "10000", memory: "1Gi" }, requests: { cpu: "1" }, initContainers: [{ requests: { cpu: "3", memory: "3Gi" } }] });
    c.provision([pod("p")], [bare()], { daemonSets: [ds] });
    expect(FOUR_CPU).toContain(typeOf(c, "p"));
  });
  it(
    upstream("provisioning/suite", "Daemonsets › should not schedule if combined max resources are too large for any node"),
    notScheduled(daemonSet("ds", { limits: { cpu: "10000", memory: "1Gi" }, requests: { cpu: "1" }, initContainers: [{ requests: { cpu: "1", memory: "10000Gi" } }] })),
  );
  it(
    upstream("provisioning/suite", "Daemonsets › should not schedule if initContainer resources are too large"),
    notScheduled(daemonSet("ds", { initContainers: [{ requests: { cpu: "10000", memory: "10000Gi" } }] })),
  );
});

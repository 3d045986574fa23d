import { describe, expect, it } from "vitest";
import { BUILDER_TIME, daemonSet, node, nodeClaim, nodePool, pod, podDisruptionBudget } from "./builders.js";

describe("pod", () => {
  it("sets a name, namespace, uid and creation time and nothing else by default", () => {
    expect(pod("web-0")).toEqual({
      metadata: { name: "web-0", namespace: "default", uid: "uid-web-0", labels: {}, creationTimestamp: BUILDER_TIME },
      spec: { containers: [{ name: "app", resources: { requests: {} } }] },
    });
  });

  it("puts every option where Kubernetes has it", () => {
    const p = pod("web-0", {
      namespace: "shop",
      labels: { app: "web" },
      requests: { cpu: "1" },
      limits: { cpu: "2" },
      initContainers: [{ requests: { cpu: "3" }, sidecar: true }],
      nodeSelector: { zone: "a" },
      tolerations: [{ key: "k", operator: "Exists" }],
      nodeName: "node-a",
      priority: 5,
      phase: "Running",
      ownerReferences: [{ kind: "ReplicaSet", name: "rs", controller: true }],
      deleting: true,
    });
    expect(p.metadata).toMatchObject({ namespace: "shop", labels: { app: "web" }, deletionTimestamp: BUILDER_TIME, ownerReferences: [{ kind: "ReplicaSet" }] });
    expect(p.spec).toMatchObject({ nodeName: "node-a", priority: 5, nodeSelector: { zone: "a" }, tolerations: [{ key: "k" }] });
    expect(p.spec.containers[0]?.resources).toEqual({ requests: { cpu: "1" }, limits: { cpu: "2" } });
    expect(p.spec.initContainers).toEqual([{ name: "init-0", resources: { requests: { cpu: "3" } }, restartPolicy: "Always" }]);
    expect(p.status).toEqual({ phase: "Running" });
  });

  it("builds the same object twice", () => {
    expect(JSON.stringify(pod("a", { requests: { cpu: "1" } }))).toBe(JSON.stringify(pod("a", { requests: { cpu: "1" } })));
  });
});

describe("node", () => {
  it("defaults to a 4 CPU node labelled with its hostname, capacity equal to allocatable", () => {
    expect(node("n")).toEqual({
      metadata: { name: "n", labels: { "kubernetes.io/hostname": "n" } },
      status: { allocatable: { cpu: "4", memory: "4Gi", pods: "10" }, capacity: { cpu: "4", memory: "4Gi", pods: "10" } },
    });
  });

  it("labels a managed node and lets given labels win", () => {
    const n = node("n", {
      nodePool: "p",
      initialized: true,
      labels: { "karpenter.sh/nodepool": "q" },
      taints: [],
      ready: false,
      deleting: true,
      deletedAt: "x",
    });
    expect(n.metadata.labels).toEqual({ "kubernetes.io/hostname": "n", "karpenter.sh/nodepool": "q", "karpenter.sh/initialized": "true" });
    expect(n.metadata.deletionTimestamp).toBe("x");
    expect(n.spec).toEqual({ taints: [] });
    expect(n.status?.conditions).toEqual([{ type: "Ready", status: "False" }]);
  });
});

describe("nodePool", () => {
  it("has no requirements, template labels or disruption block unless given", () => {
    expect(nodePool("p")).toEqual({ metadata: { name: "p" }, spec: { template: { spec: { requirements: [] } } } });
  });

  it("carries the disruption block, replicas and weight", () => {
    const p = nodePool("p", { labels: { a: "b" }, replicas: 2, weight: 10, disruption: { consolidationPolicy: "WhenEmpty", budgets: [{ nodes: "0" }] } });
    expect(p.spec).toMatchObject({ template: { metadata: { labels: { a: "b" } } }, replicas: 2, weight: 10, disruption: { consolidationPolicy: "WhenEmpty" } });
  });
});

describe("nodeClaim", () => {
  it("links a node to its NodePool, initialized, capacity defaulting to allocatable", () => {
    expect(nodeClaim("c", { nodePool: "p", nodeName: "n", allocatable: { cpu: "1" }, initialized: true })).toEqual({
      metadata: { name: "c", labels: { "karpenter.sh/nodepool": "p" } },
      spec: {},
      status: { nodeName: "n", allocatable: { cpu: "1" }, capacity: { cpu: "1" }, conditions: [{ type: "Initialized", status: "True" }] },
    });
  });

  it("is launched and not registered without a node name", () => {
    expect(nodeClaim("c").status).toEqual({});
  });
});

describe("daemonSet", () => {
  it("templates the pod builder's spec in kube-system", () => {
    const ds = daemonSet("agent", { requests: { cpu: "100m" }, labels: { app: "agent" } });
    expect(ds.metadata).toEqual({ name: "agent", namespace: "kube-system" });
    expect(ds.spec?.template.metadata?.labels).toEqual({ app: "agent" });
    expect(ds.spec?.template.spec).toEqual(pod("agent", { requests: { cpu: "100m" } }).spec);
  });
});

describe("podDisruptionBudget", () => {
  it("selects by labels and sets the given bound only", () => {
    expect(podDisruptionBudget("web", { matchLabels: { app: "web" }, maxUnavailable: 0 })).toEqual({
      metadata: { name: "web", namespace: "default" },
      spec: { selector: { matchLabels: { app: "web" } }, maxUnavailable: 0 },
    });
  });
});

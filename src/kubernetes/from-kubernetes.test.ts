import { describe, expect, it } from "vitest";
import { fromKubernetes, safeFromKubernetes } from "./from-kubernetes.js";
import { deepFreeze, deployment, inFile, node, nodePool, pod, podSpec } from "./test-documents.js";

describe("fromKubernetes: every kind loads", () => {
  const documents = deepFreeze(
    inFile(
      "all.yaml",
      pod("pending"),
      pod("running", "node-a", "prod"),
      deployment("web", 2),
      { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "rs", namespace: "team" }, spec: { replicas: 1, template: { spec: podSpec() } } },
      { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "db" }, spec: { template: { spec: podSpec() } } },
      { apiVersion: "batch/v1", kind: "Job", metadata: { name: "batch" }, spec: { parallelism: 2, template: { spec: podSpec() } } },
      { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "logs", namespace: "kube-system" }, spec: { template: { spec: podSpec("50m") } } },
      node("node-a"),
      nodePool("default"),
      {
        apiVersion: "karpenter.sh/v1",
        kind: "NodeClaim",
        metadata: { name: "default-abc" },
        spec: { requirements: [{ key: "node.kubernetes.io/instance-type", operator: "In", values: ["m5.large"] }] },
        status: { nodeName: "node-a", lastPodEventTime: "2026-01-01T00:00:00Z", allocatable: { cpu: "1930m" } },
      },
      {
        apiVersion: "policy/v1",
        kind: "PodDisruptionBudget",
        metadata: { name: "web" },
        spec: { minAvailable: "50%", selector: { matchLabels: { app: "web" } } },
      },
      { apiVersion: "nodefit.dev/v1alpha1", kind: "InstanceTypeCatalog", metadata: { name: "c" }, instanceTypes: [] },
      { apiVersion: "v1", kind: "Service", metadata: { name: "web" } },
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a" } },
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "b" } },
      { apiVersion: "karpenter.k8s.aws/v1", kind: "EC2NodeClass", metadata: { name: "default" } },
    ),
  );
  const input = fromKubernetes(documents);

  it("splits pods into pending and bound, with namespaces defaulted", () => {
    expect(input.pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      "default/pending",
      "default/web-0",
      "default/web-1",
      "team/rs-0",
      "default/db-0",
      "default/batch-0",
      "default/batch-1",
    ]);
    expect(input.boundPods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(["prod/running"]);
    expect(input.boundPods[0]?.spec.nodeName).toBe("node-a");
  });

  it("keeps every other kind, in document order", () => {
    expect(input.daemonSets.map((d) => d.metadata.name)).toEqual(["logs"]);
    expect(input.daemonSets[0]?.metadata.namespace).toBe("kube-system");
    expect(input.nodes.map((n) => n.metadata.name)).toEqual(["node-a"]);
    expect(input.nodes[0]?.status?.allocatable).toEqual({ cpu: "1930m", memory: "7Gi", pods: "29" });
    expect(input.nodePools.map((n) => n.metadata.name)).toEqual(["default"]);
    expect(input.nodePools[0]?.spec.template?.spec?.requirements?.[0]?.minValues).toBe(1);
    expect(input.nodePools[0]?.metadata.namespace).toBeUndefined();
    expect(input.nodeClaims[0]?.status?.nodeName).toBe("node-a");
    expect(input.podDisruptionBudgets[0]?.spec?.minAvailable).toBe("50%");
    expect(input.podDisruptionBudgets[0]?.metadata.namespace).toBe("default");
  });

  it("passes catalogues through with their source and counts skipped kinds by name", () => {
    expect(input.catalogs).toEqual([documents[11]]);
    expect([...input.skipped]).toEqual([
      ["ConfigMap", 2],
      ["Service", 1],
    ]);
    expect(input.ec2NodeClasses.map((c) => c.metadata.name)).toEqual(["default"]);
  });

  it("gives the same result twice (deterministic) and leaves frozen input intact", () => {
    expect(fromKubernetes(documents)).toEqual(input);
  });
});

describe("fromKubernetes: details", () => {
  it("defaults a port's protocol to TCP, as the API server does", () => {
    const object = pod("p");
    const spec = { containers: [{ name: "a", ports: [{ containerPort: 80, hostPort: 8080 }] }] };
    const input = fromKubernetes([{ object: { ...object, spec } }]);
    expect(input.pods[0]?.spec.containers[0]?.ports?.[0]).toEqual({ containerPort: 80, hostPort: 8080, protocol: "TCP" });
  });

  it("treats null fields as absent (kubectl writes creationTimestamp: null and resources: {})", () => {
    const object = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", creationTimestamp: null },
      spec: { replicas: 1, template: { metadata: { creationTimestamp: null, labels: { app: "web" } }, spec: { containers: [{ name: "a", resources: {} }] } } },
      status: {},
    };
    const input = fromKubernetes([{ object }]);
    expect(input.pods[0]?.metadata.creationTimestamp).toBeUndefined();
    expect(input.pods[0]?.spec.containers[0]?.resources).toEqual({});
  });

  it("accepts objects shaped like @kubernetes/client-node models (class instances, Dates)", () => {
    class V1ObjectMeta {
      name = "n";
      creationTimestamp: Date = new Date("2026-01-02T03:04:05Z");
      labels: Record<string, string> = { zone: "a" };
    }
    class V1Node {
      apiVersion = "v1";
      kind = "Node";
      metadata = new V1ObjectMeta();
      spec = { taints: [{ key: "k", effect: "NoSchedule", timeAdded: undefined }] };
    }
    const input = fromKubernetes([{ object: new V1Node() }]);
    expect(input.nodes[0]?.metadata.creationTimestamp).toEqual(new Date("2026-01-02T03:04:05Z"));
    expect(input.nodes[0]?.spec?.taints).toEqual([{ key: "k", effect: "NoSchedule" }]);
  });

  it("reads List and <Kind>List documents item by item", () => {
    const list = { apiVersion: "v1", kind: "List", items: [pod("a"), node("n")] };
    const podList = { apiVersion: "v1", kind: "PodList", items: [{ metadata: { name: "b" }, spec: podSpec() }] };
    const input = fromKubernetes([{ object: list }, { object: podList }]);
    expect(input.pods.map((p) => p.metadata.name)).toEqual(["a", "b"]);
    expect(input.nodes.map((n) => n.metadata.name)).toEqual(["n"]);
  });

  it("uses the defaultNamespace option", () => {
    const input = fromKubernetes([{ object: deployment("web", 1) }], { defaultNamespace: "apps" });
    expect(input.pods[0]?.metadata.namespace).toBe("apps");
    expect(input.pods[0]?.metadata.uid).toBe("apps/web/0");
  });

  it("keeps __proto__ and constructor keys as plain data where the API server allows them, and refuses __proto__ as a label key", () => {
    const object = JSON.parse(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"constructor":"y","toString":"z"},"annotations":{"__proto__":"x"}},' +
        '"spec":{"containers":[{"resources":{"requests":{"__proto__":"1"}}}]}}',
    ) as unknown;
    const input = fromKubernetes([{ object: deepFreeze(object) }]);
    const labels = input.pods[0]?.metadata.labels ?? {};
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    expect(Object.entries(labels)).toEqual([
      ["constructor", "y"],
      ["toString", "z"],
    ]);
    expect(Object.entries(input.pods[0]?.metadata.annotations ?? {})).toEqual([["__proto__", "x"]]);
    expect(Object.entries(input.pods[0]?.spec.containers[0]?.resources?.requests ?? {})).toEqual([["__proto__", "1"]]);
    const refused = safeFromKubernetes([
      { object: JSON.parse('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"__proto__":"x"}},"spec":{"containers":[{}]}}') as unknown },
    ]);
    expect(refused.ok ? "" : refused.error.message).toMatch(/metadata\.labels\.__proto__/);
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
  });

  it("safeFromKubernetes returns the value or the error without throwing", () => {
    const good = safeFromKubernetes([{ object: node("a") }]);
    expect(good.ok && good.value.nodes.length).toBe(1);
    const bad = safeFromKubernetes([{ object: { apiVersion: "v1", kind: "Nope" } }]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe("invalid-input");
  });
});

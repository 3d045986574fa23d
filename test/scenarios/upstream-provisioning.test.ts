/**
 * Upstream's provisioning suite (pkg/controllers/provisioning/suite_test.go), translated one `It` at a time on the fake
 * catalogue. Its NodePools are upstream's bare `test.NodePool()` (no requirements) unless a test sets some.
 */
import { describe, expect, it } from "vitest";
import type { PodOptions } from "./helpers.js";
import { fakeInstanceTypes } from "../../src/testing/fake-catalog.js";
import { daemonSet, node, nodeClaim, nodePool, pod, preferredTerms, Provisioner, replicas, req, requiredTerms, run } from "./helpers.js";
import { upstream } from "./upstream/files.js";

const bare = (o: Parameters<typeof nodePool>[1] = {}) => nodePool("default", { requirements: [], ...o });
const IT = "node.kubernetes.io/instance-type";
const placed = (c: Provisioner, name: string) => c.bound.some((p) => p.metadata.name === name);
const antiSelf: PodOptions = {
  labels: { app: "foo" },
  requests: { cpu: "1.5" },
  affinity: {
    podAntiAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "foo" } } }],
    },
  },
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
  const typeOf = (c: Provisioner, name: string) =>
    c.nodes.find((n) => n.metadata.name === c.bound.find((p) => p.metadata.name === name)?.spec.nodeName)?.metadata.labels?.[
      "node.kubernetes.io/instance-type"
    ];
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
  it(
    upstream("provisioning/suite", "Daemonsets › should not schedule if daemonset overhead is too large"),
    notScheduled(daemonSet("ds", { requests: { cpu: "10000", memory: "10000Gi" } })),
  );
  it(
    upstream("provisioning/suite", "Daemonsets › should not schedule if resource requests are not defined and limits (requests) are too large"),
    notScheduled(daemonSet("ds", { limits: { cpu: "10000", memory: "10000Gi" }, requests: { cpu: "1" } })),
  );
  it(upstream("provisioning/suite", "Daemonsets › should schedule based on the max resource requests of containers and initContainers"), () => {
    const c = new Provisioner();
    // The init container's memory request is its limit (3Gi), as Kubernetes defaults it.
    const ds = daemonSet("ds", {
      limits: { cpu: "10000", memory: "1Gi" },
      requests: { cpu: "1" },
      initContainers: [{ requests: { cpu: "3", memory: "3Gi" } }],
    });
    c.provision([pod("p")], [bare()], { daemonSets: [ds] });
    expect(FOUR_CPU).toContain(typeOf(c, "p"));
  });
  it(
    upstream("provisioning/suite", "Daemonsets › should not schedule if combined max resources are too large for any node"),
    notScheduled(
      daemonSet("ds", { limits: { cpu: "10000", memory: "1Gi" }, requests: { cpu: "1" }, initContainers: [{ requests: { cpu: "1", memory: "10000Gi" } }] }),
    ),
  );
  it(
    upstream("provisioning/suite", "Daemonsets › should not schedule if initContainer resources are too large"),
    notScheduled(daemonSet("ds", { initContainers: [{ requests: { cpu: "10000", memory: "10000Gi" } }] })),
  );
  it(upstream("provisioning/suite", "Daemonsets › should be able to schedule pods if resource requests and limits are not defined"), () => {
    const c = new Provisioner();
    c.provision([pod("p")], [bare()], { daemonSets: [daemonSet("ds")] });
    expect(placed(c, "p")).toBe(true);
  });
  /** Provisions a 1-CPU, 1Gi pod beside `daemonSets` and returns the launched type's capacity as `[cpu, memory]`. */
  const capacityWith = (daemonSets: ReturnType<typeof daemonSet>[], np = bare(), o: PodOptions = {}) => {
    const c = new Provisioner();
    c.provision([pod("p", { ...small, ...o })], [np], { daemonSets });
    const type = fakeInstanceTypes().find((t) => t.name === typeOf(c, "p"));
    return [type?.capacity.get("cpu"), type?.capacity.get("memory")];
  };
  const GI = 1024 ** 3;
  // The DaemonSet counts: the 2-CPU, 2Gi type is too small for it and the pod.
  const counted = [4000, 4 * GI];
  // The DaemonSet is left out: the pod fits the 2-CPU, 2Gi type alone.
  const ignored = [2000, 2 * GI];
  const twoCpu = { requests: { cpu: "2", memory: "2Gi" } };
  /**
   * Upstream's DaemonSet pod with smaller requests than its template (as a LimitRange would set them). Upstream leaves
   * it pending and does not provision for it; nodefit's Kubernetes reader drops such pending pods before scheduling,
   * so here it runs on a node of its own that no other pod tolerates.
   */
  const runningPodOf = (ds: ReturnType<typeof daemonSet>, o: PodOptions = {}) => {
    const dsPod = pod("ds-pod", {
      ...twoCpu,
      ...o,
      namespace: ds.metadata.namespace ?? "default",
      nodeName: "ds-node",
      ownerReferences: [{ kind: "DaemonSet", name: ds.metadata.name ?? "", controller: true }],
    });
    const dsNode = node("ds-node", { allocatable: { cpu: "4", memory: "4Gi", pods: "10" }, taints: [{ key: "dedicated", effect: "NoSchedule" }] });
    return { nodes: [dsNode], boundPods: [dsPod] };
  };
  /** The capacity of the type a pod launches on when `ds` has the running pod `o` describes. */
  const capacityWithPod = (ds: ReturnType<typeof daemonSet>, np: ReturnType<typeof bare>, p: ReturnType<typeof pod>, o: PodOptions = {}) => {
    const result = run({ pods: [p], nodePools: [np], daemonSets: [ds], ...runningPodOf(ds, o) });
    expect(result.existingNodes.flatMap((n) => n.pods)).toEqual([]);
    const type = fakeInstanceTypes().find((t) => t.name === result.nodeClaims[0]?.instanceType);
    return [type?.capacity.get("cpu"), type?.capacity.get("memory")];
  };
  it(upstream("provisioning/suite", "Daemonsets › should account for overhead using daemonset pod spec instead of daemonset spec"), () => {
    // The template asks 4 CPU, 4Gi (the pod would need the 16-CPU type); its pod asks 2 CPU, 2Gi, which is what counts.
    const ds = daemonSet("ds", { requests: { cpu: "4", memory: "4Gi" } });
    expect(capacityWithPod(ds, bare(), pod("p", { ...small, nodeSelector: { "karpenter.sh/nodepool": "default" } }))).toEqual(counted);
  });
  it(upstream("provisioning/suite", "Daemonsets › should remove daemonset node hostname affinity when considering daemonset schedulability"), () => {
    // The pod's requests count, but its node-name affinity (set by the DaemonSet controller) gives way to the template's.
    const ds = daemonSet("ds", { requests: { cpu: "4", memory: "4Gi" }, affinity: requiredTerms([req("foo", "In", "bar")]) });
    const p = pod("p", { ...small, nodeSelector: { foo: "bar" } });
    expect(capacityWithPod(ds, bare({ labels: { foo: "bar" } }), p, { affinity: requiredTerms([req("metadata.name", "In", "node-name")]) })).toEqual(counted);
  });
  it(upstream("provisioning/suite", "Daemonsets › should ignore daemonsets without matching tolerations"), () => {
    const np = bare({ taints: [{ key: "foo", value: "bar", effect: "NoSchedule" }] });
    expect(capacityWith([daemonSet("ds", twoCpu)], np, { tolerations: [{ operator: "Exists" }] })).toEqual(ignored);
  });
  it(upstream("provisioning/suite", "Daemonsets › should ignore daemonsets with an invalid selector"), () => {
    expect(capacityWith([daemonSet("ds", { ...twoCpu, nodeSelector: { node: "invalid" } })])).toEqual(ignored);
  });
  it(upstream("provisioning/suite", "Daemonsets › should ignore daemonsets when no instance types meet the daemonset requirements"), () => {
    const ds = daemonSet("ds", { ...twoCpu, affinity: requiredTerms([req(IT, "In", "non-existent-instance-type")]) });
    expect(capacityWith([ds])).toEqual(ignored);
  });
  it(upstream("provisioning/suite", "Daemonsets › should account for daemonsets with a custom label nodeSelector that matches the nodepool"), () => {
    const ds = daemonSet("ds", { ...twoCpu, nodeSelector: { purpose: "monitoring" } });
    expect(capacityWith([ds], bare({ labels: { purpose: "monitoring" } }))).toEqual(counted);
  });
  it(upstream("provisioning/suite", "Daemonsets › should filter out daemonsets based on instance type requirements"), () => {
    // Only the 1-CPU DaemonSet of small types counts; the 10-CPU one runs on large types only.
    const smallDs = daemonSet("small-ds", { requests: { cpu: "1" }, affinity: requiredTerms([req("size", "In", "small")]) });
    const largeDs = daemonSet("large-ds", { requests: { cpu: "10" }, affinity: requiredTerms([req("size", "In", "large")]) });
    expect(capacityWith([smallDs, largeDs])).toEqual(counted);
  });
  it(upstream("provisioning/suite", "Daemonsets › should account daemonsets with NotIn operator and unspecified key"), () => {
    const ds = daemonSet("ds", { ...twoCpu, affinity: requiredTerms([req("foo", "NotIn", "bar")]) });
    expect(capacityWith([ds], bare(), { affinity: requiredTerms([req("topology.kubernetes.io/zone", "In", "test-zone-2")]) })).toEqual(counted);
  });
  it(upstream("provisioning/suite", "Daemonsets › should consider a daemonset schedulable with multiple node affinity terms"), () => {
    // The second term matches the NodePool's label.
    const ds = daemonSet("ds", { ...twoCpu, affinity: requiredTerms([req("foo", "In", "voo")], [req("foo", "In", "bar")]) });
    expect(capacityWith([ds], bare({ labels: { foo: "bar" } }))).toEqual(counted);
  });
  it(upstream("provisioning/suite", "Daemonsets › should consider a daemonset schedulable with an incompatible node affinity preference"), () => {
    const ds = daemonSet("ds", { ...twoCpu, affinity: preferredTerms([1, [req("node", "In", "invalid")]]) });
    expect(capacityWith([ds])).toEqual(counted);
  });
  it(upstream("provisioning/suite", "Daemonsets › should consider a daemonset schedulable with a PreferNoSchedule taint"), () => {
    expect(capacityWith([daemonSet("ds", twoCpu)], bare({ taints: [{ key: "test", effect: "PreferNoSchedule" }] }))).toEqual(counted);
  });
  it(upstream("provisioning/suite", "Daemonsets › should not account for daemonset hostports when daemonset would not schedule on selected node"), () => {
    // The DaemonSet holding port 8080 runs on large types only, so the pod asking for 8080 fits a small one.
    const largeDs = daemonSet("large-ds", {
      requests: { cpu: "4", memory: "4Gi" },
      affinity: requiredTerms([req("size", "In", "large")]),
      ports: [{ containerPort: 8080, hostPort: 8080 }],
    });
    const smallDs = daemonSet("small-ds", {
      ...twoCpu,
      affinity: requiredTerms([req("size", "In", "small")]),
      ports: [{ containerPort: 8081, hostPort: 8081 }],
    });
    const c = new Provisioner();
    const p = pod("p", { ...small, affinity: requiredTerms([req("size", "In", "small")]), ports: [{ containerPort: 8080, hostPort: 8080 }] });
    c.provision([p], [bare()], { daemonSets: [largeDs, smallDs] });
    expect(c.nodeLabelsOf("p")?.["size"]).toBe("small");
    expect(FOUR_CPU).toContain(typeOf(c, "p"));
  });
});

describe("Labels, Taints and Multiple NodePools", () => {
  const labelsOf = (c: Provisioner, name: string) => c.nodeLabelsOf(name) ?? {};
  it(upstream("provisioning/suite", "Labels › should label nodes"), () => {
    const c = new Provisioner();
    const np = nodePool("default", {
      labels: { "test-key-1": "test-value-1" },
      requirements: [
        { key: "test-key-2", operator: "In", values: ["test-value-2"] },
        { key: "test-key-3", operator: "NotIn", values: ["test-value-3"] },
        { key: "test-key-4", operator: "Lt", values: ["4"] },
        { key: "test-key-5", operator: "Gt", values: ["5"] },
        { key: "test-key-6", operator: "Exists" },
        { key: "test-key-7", operator: "DoesNotExist" },
      ],
    });
    c.provision([pod("p")], [np]);
    const labels = labelsOf(c, "p");
    expect(labels["karpenter.sh/nodepool"]).toBe("default");
    expect(labels["test-key-1"]).toBe("test-value-1");
    expect(labels["test-key-2"]).toBe("test-value-2");
    for (const k of ["test-key-3", "test-key-4", "test-key-5"]) {
      expect(labels[k]).toBeDefined();
      expect(labels[k]).not.toBe(`test-value-${k.slice(-1)}`);
    }
    expect(labels["test-key-6"]).toBeDefined();
    expect("test-key-7" in labels).toBe(false);
  });
  const domainLabel = (prefix: string) => (): void => {
    for (const domain of ["kubernetes.io", "k8s.io"]) {
      const key = `${prefix}${domain}/test`;
      const c = new Provisioner();
      c.provision(
        [
          pod("p", {
            affinity: {
              nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                  nodeSelectorTerms: [{ matchExpressions: [{ key, operator: "In", values: ["test-value"] }] }],
                },
              },
            },
          }),
        ],
        [bare({ labels: { [key]: "test-value" } })],
      );
      expect(labelsOf(c, "p")[key]).toBe("test-value");
    }
  };
  it(upstream("provisioning/suite", "Labels › should label nodes with labels in the kubernetes domains"), domainLabel(""));
  it(upstream("provisioning/suite", "Labels › should label nodes with labels in the subdomain from kubernetes domains"), domainLabel("subdomain."));
  it(upstream("provisioning/suite", "Labels › should not label nodes with well-known labels from requirements"), () => {
    const c = new Provisioner();
    const np = bare({
      requirements: [
        { key: "foo", operator: "In", values: ["bar"] },
        { key: "node.kubernetes.io/windows-build", operator: "NotIn", values: ["test-value"] },
      ],
    });
    c.provision([pod("p")], [np]);
    expect(labelsOf(c, "p")["node.kubernetes.io/windows-build"]).not.toBe("test-value");
    expect(labelsOf(c, "p")["foo"]).toBe("bar");
  });
  it(upstream("provisioning/suite", "Taints › should schedule pods that tolerate taints"), () => {
    const c = new Provisioner();
    const np = bare({ taints: [{ key: "nvidia.com/gpu", value: "true", effect: "NoSchedule" }] });
    const pods = [
      pod("equal", { tolerations: [{ key: "nvidia.com/gpu", operator: "Equal", value: "true", effect: "NoSchedule" }] }),
      pod("exists-effect", { tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }] }),
      pod("exists-key", { tolerations: [{ key: "nvidia.com/gpu", operator: "Exists" }] }),
      pod("exists-all", { tolerations: [{ operator: "Exists" }] }),
    ];
    c.provision(pods, [np]);
    expect(c.bound).toHaveLength(4);
  });
  const poolOf = (c: Provisioner, name: string) => labelsOf(c, name)["karpenter.sh/nodepool"];
  it(upstream("provisioning/suite", "Multiple NodePools › should schedule to an explicitly selected NodePool"), () => {
    const c = new Provisioner();
    c.provision(
      [pod("p", { nodeSelector: { "karpenter.sh/nodepool": "first" } })],
      [nodePool("first", { requirements: [] }), nodePool("second", { requirements: [] })],
    );
    expect(poolOf(c, "p")).toBe("first");
  });
  it(upstream("provisioning/suite", "Multiple NodePools › should schedule to a NodePool by labels"), () => {
    const c = new Provisioner();
    c.provision(
      [pod("p", { nodeSelector: { foo: "bar" } })],
      [nodePool("labelled", { requirements: [], labels: { foo: "bar" } }), nodePool("plain", { requirements: [] })],
    );
    expect(poolOf(c, "p")).toBe("labelled");
  });
  it(upstream("provisioning/suite", "Multiple NodePools › should not match NodePool with PreferNoSchedule taint when other NodePool match"), () => {
    // Named so that the tainted NodePool comes first in upstream's order (equal weights, name descending).
    const c = new Provisioner();
    const tainted = nodePool("z-tainted", { requirements: [], taints: [{ key: "foo", value: "bar", effect: "PreferNoSchedule" }] });
    c.provision([pod("p")], [tainted, nodePool("a-plain", { requirements: [] })]);
    expect(poolOf(c, "p")).toBe("a-plain");
  });
  it(upstream("provisioning/suite", "Multiple NodePools › Weighted NodePools › should schedule to the nodepool with the highest priority always"), () => {
    const c = new Provisioner();
    const pools = [
      nodePool("w0", { requirements: [] }),
      nodePool("w20", { requirements: [], weight: 20 }),
      nodePool("w100", { requirements: [], weight: 100 }),
    ];
    c.provision([pod("a"), pod("b"), pod("c")], pools);
    for (const n of ["a", "b", "c"]) expect(poolOf(c, n)).toBe("w100");
  });
  it(
    upstream(
      "provisioning/suite",
      "Multiple NodePools › Weighted NodePools › should schedule to explicitly selected nodepool even if other nodePools are higher priority",
    ),
    () => {
      const c = new Provisioner();
      const pools = [
        nodePool("target", { requirements: [] }),
        nodePool("w20", { requirements: [], weight: 20 }),
        nodePool("w100", { requirements: [], weight: 100 }),
      ];
      c.provision([pod("p", { nodeSelector: { "karpenter.sh/nodepool": "target" } })], pools);
      expect(poolOf(c, "p")).toBe("target");
    },
  );
});

describe("provisioning basics", () => {
  it(upstream("provisioning/suite", "should provision nodes"), () => {
    const c = new Provisioner();
    c.provision([pod("p")], [bare()]);
    expect(c.nodes).toHaveLength(1);
    expect(placed(c, "p")).toBe(true);
  });
  it(upstream("provisioning/suite", "Should provision nodes for multiple pods"), () => {
    const c = new Provisioner();
    c.provision(replicas("p", 100), [bare()]);
    expect(c.nodes.length).toBeGreaterThan(0);
    expect(c.bound).toHaveLength(100);
  });
  const selectors: readonly (readonly [string, string])[] = [
    ["karpenter.sh/nodepool", "default"],
    ["topology.kubernetes.io/zone", "test-zone-1"],
    ["node.kubernetes.io/instance-type", "default-instance-type"],
    ["kubernetes.io/arch", "arm64"],
    ["kubernetes.io/os", "linux"],
  ];
  const unknown: readonly (readonly [string, string])[] = [
    ["karpenter.sh/nodepool", "unknown"],
    ["topology.kubernetes.io/zone", "unknown"],
    ["node.kubernetes.io/instance-type", "unknown"],
    ["kubernetes.io/arch", "unknown"],
    ["kubernetes.io/os", "unknown"],
    ["karpenter.sh/capacity-type", "unknown"],
    ["foo", "bar"],
  ];
  const supported = (asAffinity: boolean) => (): void => {
    const make = (name: string, [key, value]: readonly [string, string]) =>
      pod(
        name,
        asAffinity
          ? {
              affinity: {
                nodeAffinity: {
                  requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: "In", values: [value] }] }] },
                },
              },
            }
          : { nodeSelector: { [key]: value } },
      );
    const c = new Provisioner();
    c.provision(
      selectors.map((s, i) => make(`ok-${i}`, s)),
      [bare()],
    );
    expect(c.bound).toHaveLength(selectors.length);
    c.provision(
      unknown.map((s, i) => make(`no-${i}`, s)),
      [bare()],
    );
    expect(c.bound).toHaveLength(selectors.length);
  };
  it(upstream("provisioning/suite", "should provision nodes for pods with supported node selectors"), supported(false));
  it(upstream("provisioning/suite", "should provision nodes for pods with supported node affinities"), supported(true));
  it(upstream("provisioning/suite", "should provision nodes for accelerators"), () => {
    const c = new Provisioner();
    c.provision([pod("a", { limits: { "fake.com/vendor-a": "1" } }), pod("b", { limits: { "fake.com/vendor-b": "1" } })], [bare()]);
    expect(c.bound).toHaveLength(2);
  });
});

describe("Preferential Fallback", () => {
  const ZONE = "topology.kubernetes.io/zone";
  const IT = "node.kubernetes.io/instance-type";
  const term = (key: string, value: string) => ({ matchExpressions: [{ key, operator: "In", values: [value] }] });
  const requiredAny = (...terms: ReturnType<typeof term>[]) => ({
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } },
  });
  const preferred = (...terms: (readonly [number, ReturnType<typeof term>])[]) => ({
    affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: terms.map(([weight, preference]) => ({ weight, preference })) } },
  });
  it(upstream("provisioning/suite", "Preferential Fallback › Required › should not relax the final term"), () => {
    const c = new Provisioner();
    c.provision([pod("p", requiredAny(term(ZONE, "invalid")))], [bare({ requirements: [{ key: ZONE, operator: "In", values: ["test-zone-1"] }] })]);
    expect(placed(c, "p")).toBe(false);
  });
  it(upstream("provisioning/suite", "Preferential Fallback › Required › should relax multiple terms"), () => {
    const c = new Provisioner();
    c.provision([pod("p", requiredAny(term(ZONE, "invalid"), term(ZONE, "invalid"), term(ZONE, "test-zone-1"), term(ZONE, "test-zone-2")))], [bare()]);
    expect(c.nodeLabelsOf("p")?.[ZONE]).toBe("test-zone-1");
  });
  it(upstream("provisioning/suite", "Preferential Fallback › Preferences › should relax all node affinity terms"), () => {
    const c = new Provisioner();
    c.provision([pod("p", preferred([1, term(ZONE, "invalid")], [1, term(IT, "invalid")]))], [bare()]);
    expect(placed(c, "p")).toBe(true);
  });
  it(upstream("provisioning/suite", "Preferential Fallback › Preferences › should relax to use lighter weights"), () => {
    const c = new Provisioner();
    const p = pod("p", preferred([100, term(IT, "test-zone-3")], [50, term(ZONE, "test-zone-2")], [1, term(ZONE, "test-zone-1")]));
    c.provision([p], [bare({ requirements: [{ key: ZONE, operator: "In", values: ["test-zone-1", "test-zone-2"] }] })]);
    expect(c.nodeLabelsOf("p")?.[ZONE]).toBe("test-zone-2");
  });
  it(
    upstream("provisioning/suite", "Preferential Fallback › Preferences › should tolerate PreferNoSchedule taint only after trying to relax Affinity terms"),
    () => {
      const c = new Provisioner();
      const taint = { key: "foo", value: "bar", effect: "PreferNoSchedule" };
      const result = c.provision([pod("p", preferred([1, term(ZONE, "invalid")], [1, term(IT, "invalid")]))], [bare({ taints: [taint] })]);
      expect(placed(c, "p")).toBe(true);
      expect(result.nodeClaims[0]?.taints).toContainEqual(taint);
    },
  );
});

describe("Preferential Fallback › Ignore Preferences", () => {
  const ZONE = "topology.kubernetes.io/zone";
  const HOSTNAME = "kubernetes.io/hostname";
  const ignoring = () => new Provisioner(undefined, { preferencePolicy: "Ignore" });
  /** A 2-CPU pod in zone 1, two 3-CPU pods in zone 2, and a 1-CPU pod whose preference points at zone 2 (or its pods). */
  const zonesAndPreference = (preference: PodOptions["affinity"]) => (): void => {
    const c = ignoring();
    const pods = [
      pod("zone1", { labels: { app: "foo" }, nodeSelector: { [ZONE]: "test-zone-1" }, requests: { cpu: "2" } }),
      ...replicas("zone2", 2, { labels: { app: "bar" }, nodeSelector: { [ZONE]: "test-zone-2" }, requests: { cpu: "3" } }),
      pod("preferring", { labels: { app: "baz" }, requests: { cpu: "1" }, ...(preference ? { affinity: preference } : {}) }),
    ];
    c.provision(pods, [bare()]);
    expect(c.bound).toHaveLength(4);
    const nodeOf = (n: string) => c.bound.find((p) => p.metadata.name === n)?.spec.nodeName;
    // With the preference ignored, the pod joins the zone-1 pod's node.
    expect(nodeOf("preferring")).toBe(nodeOf("zone1"));
    expect(nodeOf("preferring")).not.toBe(nodeOf("zone2-0"));
  };
  it(
    upstream("provisioning/suite", "Preferential Fallback › Ignore Preferences › should ignore node affinity preferences"),
    zonesAndPreference({
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 1, preference: { matchExpressions: [{ key: ZONE, operator: "In", values: ["test-zone-2"] }] } },
        ],
      },
    }),
  );
  it(
    upstream("provisioning/suite", "Preferential Fallback › Ignore Preferences › should ignore pod affinity preferences › corev1.LabelTopologyZone"),
    zonesAndPreference({
      podAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 1, podAffinityTerm: { topologyKey: ZONE, labelSelector: { matchLabels: { app: "bar" } } } },
        ],
      },
    }),
  );
  // Upstream's second table entry is also named corev1.LabelTopologyZone but uses the hostname key.
  it(
    upstream("provisioning/suite", "Preferential Fallback › Ignore Preferences › should ignore pod affinity preferences › corev1.LabelTopologyZone #2"),
    zonesAndPreference({
      podAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 1, podAffinityTerm: { topologyKey: HOSTNAME, labelSelector: { matchLabels: { app: "bar" } } } },
        ],
      },
    }),
  );
  const oneNode = (opts: PodOptions) => (): void => {
    const c = ignoring();
    c.provision(replicas("p", 5, opts), [bare()]);
    expect(c.bound).toHaveLength(5);
    expect(new Set(c.bound.map((p) => p.spec.nodeName)).size).toBe(1);
  };
  const spreadAnyway = (key: string): PodOptions => ({
    labels: { app: "foo" },
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: key, whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { app: "foo" } } }],
  });
  const preferApart = (key: string): PodOptions => ({
    labels: { app: "foo" },
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { topologyKey: key, labelSelector: { matchLabels: { app: "foo" } } } }],
      },
    },
  });
  it(
    upstream(
      "provisioning/suite",
      "Preferential Fallback › Ignore Preferences › should ignore topologySpreadConstraint preferences › corev1.LabelTopologyZone",
    ),
    oneNode(spreadAnyway(ZONE)),
  );
  it(
    upstream(
      "provisioning/suite",
      "Preferential Fallback › Ignore Preferences › should ignore topologySpreadConstraint preferences › corev1.LabelTopologyZone #2",
    ),
    oneNode(spreadAnyway(HOSTNAME)),
  );
  it(
    upstream("provisioning/suite", "Preferential Fallback › Ignore Preferences › should ignore pod anti-affinity preferences › corev1.LabelTopologyZone"),
    oneNode(preferApart(ZONE)),
  );
  it(
    upstream("provisioning/suite", "Preferential Fallback › Ignore Preferences › should ignore pod anti-affinity preferences › corev1.LabelTopologyZone #2"),
    oneNode(preferApart(HOSTNAME)),
  );
});

describe("Deleting NodePools", () => {
  // Upstream's `ExpectDeletionTimestampSet`: the NodePool still exists but is being deleted.
  const deleting = () => {
    const np = bare();
    return { ...np, metadata: { ...np.metadata, deletionTimestamp: "2025-01-01T00:00:00Z" } };
  };
  it(upstream("provisioning/suite", "should ignore NodePools that are deleting"), () => {
    const c = new Provisioner();
    c.provision([pod("p")], [deleting()]);
    expect(c.nodes).toEqual([]);
    expect(placed(c, "p")).toBe(false);
  });
  it(upstream("provisioning/suite", "should mark pod as unschedulable if there are no valid nodepools"), () => {
    const result = run({ pods: [pod("p")], nodePools: [deleting()] });
    expect(result.nodeClaims).toEqual([]);
    expect(result.unschedulable).toEqual([expect.objectContaining({ pod: "default/p", code: "no-nodepools" })]);
  });
});

describe("StaticNodePool", () => {
  const staticPool = (name: string, replicas: number) => {
    const np = nodePool(name, { requirements: [] });
    return { ...np, spec: { ...np.spec, replicas } };
  };
  it(upstream("provisioning/suite", "StaticNodePool › should not create NodeClaims for StaticNodePool"), () => {
    const result = run({ pods: [pod("p")], nodePools: [staticPool("static", 2)] });
    expect(result.nodeClaims).toEqual([]);
    expect(result.unschedulable.map((u) => u.pod)).toEqual(["default/p"]);
  });
  it(upstream("provisioning/suite", "StaticNodePool › should still provision dynamic NodeClaims when there are both Static and Dynamic NodePools"), () => {
    const result = run({ pods: [pod("p")], nodePools: [bare(), staticPool("static", 1)] });
    expect(result.nodeClaims.map((c) => c.nodePool)).toEqual(["default"]);
  });
});

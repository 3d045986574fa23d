/**
 * Objects as `@kubernetes/client-node` returns them: the typed example in examples/client-node runs against an
 * in-memory API, and the typed entry's errors name the list and the field.
 */
import { describe, expect, it } from "vitest";
import { defaultAwsCatalog } from "nodefit/aws";
import { fromKubernetes, safeFromKubernetes } from "nodefit/kubernetes";
import { planPendingPods, type CoreV1Api, type CustomObjectsApi, type V1Node, type V1Pod } from "../../examples/client-node/plan.js";

const created = new Date("2026-01-01T00:00:00Z");

/** A pod as client-node deserialises it: no kind, Date timestamps, fields it lacks present as undefined. */
function v1Pod(name: string, cpu: string, extra: Partial<V1Pod> = {}): V1Pod {
  return {
    apiVersion: undefined as unknown as string,
    kind: undefined as unknown as string,
    metadata: { name, namespace: "shop", uid: `uid-${name}`, creationTimestamp: created, labels: { app: "web" } },
    spec: { containers: [{ name: "app", image: "nginx", resources: { requests: { cpu, memory: "256Mi" } } }], schedulerName: "default-scheduler" },
    status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable", lastTransitionTime: created }] },
    ...extra,
  };
}

const node: V1Node = {
  metadata: {
    name: "ip-10-0-0-1",
    creationTimestamp: created,
    labels: { "node.kubernetes.io/instance-type": "m5.large", "topology.kubernetes.io/zone": "us-east-1a" },
  },
  spec: { providerID: "aws:///us-east-1a/i-0", taints: [] },
  status: { allocatable: { cpu: "1930m", memory: "7Gi", pods: "29" }, capacity: { cpu: "2", memory: "8Gi", pods: "29" } },
};

const nodePool = {
  apiVersion: "karpenter.sh/v1",
  kind: "NodePool",
  metadata: { name: "default", creationTimestamp: "2026-01-01T00:00:00Z" },
  spec: {
    template: {
      spec: {
        requirements: [{ key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand"] }],
        nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "default" },
      },
    },
  },
};

const pods = [
  v1Pod("small", "500m"),
  v1Pod("big", "3"),
  v1Pod("preempting", "1", { status: { phase: "Pending", nominatedNodeName: "ip-10-0-0-1" } }),
  v1Pod("running", "1", { spec: { containers: [{ name: "app" }], nodeName: "ip-10-0-0-1" }, status: { phase: "Running", startTime: created } }),
];

const core: CoreV1Api = {
  listPodForAllNamespaces: () => Promise.resolve({ apiVersion: "v1", kind: "PodList", items: pods }),
  listNode: () => Promise.resolve({ apiVersion: "v1", kind: "NodeList", items: [node] }),
};
const custom: CustomObjectsApi = { listClusterCustomObject: () => Promise.resolve({ items: [nodePool] }) };

describe("@kubernetes/client-node objects", () => {
  it("the typed example schedules what the in-memory API lists", async () => {
    const json = JSON.parse(await planPendingPods(core, custom, defaultAwsCatalog())) as {
      nodeClaims: { pods: string[] }[];
      existingNodes: { name: string; pods: string[] }[];
      summary: { pods: number; scheduled: number };
    };
    // The preempting pod is the kube-scheduler's; the running one is bound; 500m fits the node, 3 CPU does not.
    expect(json.summary).toEqual(expect.objectContaining({ pods: 2, scheduled: 2 }));
    expect(json.existingNodes).toEqual([{ name: "ip-10-0-0-1", pods: ["shop/small"] }]);
    expect(json.nodeClaims.map((c) => c.pods)).toEqual([["shop/big"]]);
  });

  it("keeps Dates and fills kind from the list", () => {
    const input = fromKubernetes({ pods, nodes: [node] });
    expect(input.pods[0]?.metadata.creationTimestamp).toEqual(created);
    expect(input.pods[0]?.kind).toBe("Pod");
    expect(input.boundPods[0]?.status?.startTime).toEqual(created);
    expect(input.nodes[0]?.apiVersion).toBe("v1");
  });

  it("a pod without spec is an input error naming the list, the position and the field", () => {
    const result = safeFromKubernetes({ pods: [pods[0] as V1Pod, { metadata: { name: "bare", namespace: "shop" } }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid-input");
    expect(result.error.message).toMatch(/^input \(Pod shop\/bare\): pods\[1\]\.spec: /);
  });

  it("refuses an item of another kind, a list that is not one, and fields it does not read", () => {
    const result = safeFromKubernetes({ pods: [{ kind: "Node", metadata: { name: "n" } }], nodes: 3 as unknown as V1Node[], apiVersion: "v1" } as never);
    expect(result.ok ? [] : result.error.message.split("\n")).toEqual([
      `input: apiVersion: is not a list nodefit reads; expected nodePools, nodeClaims, nodes, daemonSets, deployments, replicaSets, replicationControllers, statefulSets, jobs, pods, podDisruptionBudgets, ec2NodeClasses, documents`,
      `input: nodes: expected a list of Node objects, got 3`,
      `input (Pod): pods[0].kind: expected a Pod in this list, got "Node"`,
    ]);
  });

  it("a single object passed instead of lists is an input error, not an empty input", () => {
    const result = safeFromKubernetes(pods[0] as never);
    expect(result.ok ? "" : result.error.message).toMatch(/^input: expected a list of documents \(\{ object, file\?, index\? \}\) or lists by kind/);
  });

  it("workloads listed by kind expand against the pods listed with them", () => {
    const owner = { apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-abc", uid: "rs-1", controller: true };
    const input = fromKubernetes({
      replicaSets: [
        { metadata: { name: "web-abc", namespace: "shop", uid: "rs-1" }, spec: { replicas: 2, template: { spec: { containers: [{ name: "a" }] } } } },
      ],
      pods: [v1Pod("web-abc-x1", "100m", { metadata: { name: "web-abc-x1", namespace: "shop", ownerReferences: [owner] } })],
    });
    expect(input.pods.map((p) => p.metadata.name)).toEqual(["web-abc-0", "web-abc-x1"]);
  });
});

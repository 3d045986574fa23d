/**
 * Issue 15 through the long-lived Cluster: storage objects given in its snapshot or by watch events reach its
 * `schedule` and `planConsolidation` answers as `volumes` reach the top-level functions.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { fromKubernetes, parseManifests } from "nodefit/kubernetes";
import { Cluster, planConsolidation, toConsolidationJson, type ClusterEvent, type ClusterSnapshot } from "../../src/consolidation/index.js";
import { NodefitError } from "../../src/errors.js";
import { schedule, toScheduleJson, type ScheduleResult } from "../../src/scheduler/index.js";
import type { Pod } from "../../src/types/kubernetes.js";
import { claim as volumeClaim, csiNode, storageClass, volume } from "../volumes/fixtures.js";
import { catalog, node, NOW, pod, pool } from "./fixtures.js";

const DRIVER = "ebs.csi.aws.com";

/** A pending pod using the named claims. */
function withClaims(name: string, claims: readonly string[], o: { node?: string } = {}): Pod {
  const p = pod(name, { cpu: "500m", ...o });
  return { ...p, spec: { ...p.spec, volumes: claims.map((claimName, i) => ({ name: `v-${i}`, persistentVolumeClaim: { claimName } })) } };
}

/** Where a pod went: an existing node's name, or a new claim's zone as `new in <zone>`, or its failure code. */
function placement(result: ScheduleResult, pod: string): string | undefined {
  const existing = result.existingNodes.find((n) => n.pods.includes(`default/${pod}`));
  if (existing !== undefined) return existing.name;
  const claim = result.nodeClaims.find((c) => c.pods.includes(`default/${pod}`));
  if (claim !== undefined) return `new in ${claim.zone}`;
  return result.unschedulable.find((u) => u.pod === `default/${pod}`)?.code;
}

/** The Cluster's schedule answer, checked equal to `schedule` over the Cluster's objects. */
function scheduled(cluster: Cluster): ScheduleResult {
  const result = cluster.schedule();
  expect(toScheduleJson(result)).toBe(toScheduleJson(schedule({ ...cluster.snapshot(), instanceTypes: catalog() })));
  return result;
}

// An existing node with room in test-zone-1; new nodes may go to either zone.
const base: ClusterSnapshot = { nodePools: [pool("default")], nodes: [node("node-a", { type: "c-8x", zone: "test-zone-1" })] };

describe("Cluster with storage (issue 15)", () => {
  it("places a pod with a bound zonal volume only in the volume's zone", () => {
    const cluster = Cluster.fromSnapshot(
      {
        ...base,
        pods: [withClaims("db-0", ["data-0"]), pod("web", { cpu: "500m" })],
        volumes: { persistentVolumeClaims: [volumeClaim("data-0", { volumeName: "pv-0" })], persistentVolumes: [volume("pv-0", { zones: ["test-zone-2"] })] },
      },
      catalog(),
    );
    const result = scheduled(cluster);
    // node-a has room for both, but the volume lives in test-zone-2.
    expect(placement(result, "db-0")).toBe("new in test-zone-2");
    expect(placement(result, "web")).toBe("node-a");
    expect(result.nodeClaims[0]?.requirements).toContainEqual({ key: "topology.kubernetes.io/zone", operator: "In", values: ["test-zone-2"] });
  });

  it("a volume added or changed by an event after the snapshot changes the answer", () => {
    const cluster = Cluster.fromSnapshot(
      { ...base, pods: [withClaims("db-0", ["data-0"])], volumes: { persistentVolumeClaims: [volumeClaim("data-0", { volumeName: "pv-0" })] } },
      catalog(),
    );
    expect(placement(scheduled(cluster), "db-0")).toBe("volume-not-found");
    cluster.apply({ type: "ADDED", kind: "PersistentVolume", object: volume("pv-0", { zones: ["test-zone-2"] }) });
    expect(placement(scheduled(cluster), "db-0")).toBe("new in test-zone-2");
    // The pod did not change, the volume did: the answer follows the volume.
    cluster.apply({ type: "MODIFIED", kind: "PersistentVolume", object: volume("pv-0", { zones: ["test-zone-1"] }) });
    expect(placement(scheduled(cluster), "db-0")).toBe("node-a");
  });

  it("a CSINode limit on an existing node refuses a pod, until the limit goes", () => {
    const wffc = storageClass("gp3", { provisioner: DRIVER, bindingMode: "WaitForFirstConsumer" });
    const cluster = Cluster.fromSnapshot(
      {
        ...base,
        pods: [withClaims("running", ["data-0"], { node: "node-a" }), withClaims("db-1", ["data-1"])],
        volumes: {
          persistentVolumeClaims: [volumeClaim("data-0", { volumeName: "pv-0" }), volumeClaim("data-1", { storageClassName: "gp3" })],
          persistentVolumes: [volume("pv-0", { zones: ["test-zone-1"], driver: DRIVER })],
          storageClasses: [wffc],
        },
      },
      catalog(),
    );
    expect(placement(scheduled(cluster), "db-1")).toBe("node-a");
    // node-a attaches one EBS volume at most, and data-0 is attached there.
    cluster.apply({ type: "ADDED", kind: "CSINode", object: csiNode("node-a", DRIVER, 1) });
    expect(placement(scheduled(cluster), "db-1")).toMatch(/^new in /);
    cluster.apply({ type: "MODIFIED", kind: "CSINode", object: csiNode("node-a", DRIVER, 2) });
    expect(placement(scheduled(cluster), "db-1")).toBe("node-a");
    cluster.apply({ type: "MODIFIED", kind: "CSINode", object: csiNode("node-a", DRIVER, 1) });
    cluster.apply({ type: "DELETED", kind: "CSINode", object: csiNode("node-a", DRIVER, 1) });
    expect(placement(scheduled(cluster), "db-1")).toBe("node-a");
  });

  it("deleting a pod's claim makes the pod volume-not-found", () => {
    const claim = volumeClaim("data-0", { volumeName: "pv-0" });
    const cluster = Cluster.fromSnapshot(
      {
        ...base,
        pods: [withClaims("db-0", ["data-0"])],
        volumes: { persistentVolumeClaims: [claim], persistentVolumes: [volume("pv-0", { zones: ["test-zone-1"] })] },
      },
      catalog(),
    );
    expect(placement(scheduled(cluster), "db-0")).toBe("node-a");
    cluster.apply({ type: "DELETED", kind: "PersistentVolumeClaim", object: claim });
    const result = scheduled(cluster);
    expect(result.unschedulable).toEqual([
      { pod: "default/db-0", code: "volume-not-found", message: 'volume "v-0" uses claim default/data-0, which is not in the input', nodePools: [] },
    ]);
    expect(cluster.snapshot().volumes?.persistentVolumeClaims).toEqual([]);
  });

  it("claims are namespaced: a claim of another namespace is another claim", () => {
    const cluster = Cluster.fromSnapshot({ ...base, pods: [withClaims("db-0", ["data-0"])], volumes: {} }, catalog());
    cluster.apply({ type: "ADDED", kind: "PersistentVolumeClaim", object: volumeClaim("data-0", { volumeName: "pv-0", namespace: "other" }) });
    cluster.apply({ type: "ADDED", kind: "PersistentVolume", object: volume("pv-0", { zones: ["test-zone-2"] }) });
    expect(placement(scheduled(cluster), "db-0")).toBe("volume-not-found");
    cluster.apply({ type: "ADDED", kind: "PersistentVolumeClaim", object: volumeClaim("data-0", { volumeName: "pv-0" }) });
    expect(placement(scheduled(cluster), "db-0")).toBe("new in test-zone-2");
    expect(cluster.snapshot().volumes?.persistentVolumeClaims?.map((c) => c.metadata.namespace)).toEqual(["default", "other"]);
  });

  it("without storage in its snapshot or events, volumes are not looked at (as schedule without volumes)", () => {
    const cluster = Cluster.fromSnapshot({ ...base, pods: [withClaims("db-0", ["data-0"])] }, catalog());
    expect(cluster.snapshot().volumes).toBeUndefined();
    expect(placement(scheduled(cluster), "db-0")).toBe("node-a");
    // The first storage event means the controller watches storage: the missing claim now counts.
    cluster.apply({ type: "ADDED", kind: "StorageClass", object: storageClass("gp3", { provisioner: DRIVER }) });
    expect(placement(scheduled(cluster), "db-0")).toBe("volume-not-found");
    // So does the deletion of an object never seen.
    const other = Cluster.fromSnapshot({ ...base, pods: [withClaims("db-0", ["data-0"])] }, catalog());
    other.apply({ type: "DELETED", kind: "PersistentVolume", object: volume("pv-9") });
    expect(other.snapshot().volumes).toEqual({ persistentVolumeClaims: [], persistentVolumes: [], storageClasses: [], csiNodes: [] });
    expect(placement(scheduled(other), "db-0")).toBe("volume-not-found");
  });

  it("pods and DaemonSets asking for DRA: not scheduled, not overhead (as schedule; the Cluster once placed them)", () => {
    const cluster = Cluster.fromSnapshot({ ...base, pods: [pod("web", { cpu: "2" })] }, catalog());
    const draPod = pod("gpu", { cpu: "250m" });
    cluster.apply({ type: "ADDED", kind: "Pod", object: { ...draPod, spec: { ...draPod.spec, resourceClaims: [{ name: "gpu" }] } } });
    // A DaemonSet that would take 7 of node-a's 8 CPUs, were its pods not DRA pods (upstream skips them).
    const daemon = {
      metadata: { name: "gpu-agent", namespace: "default" },
      spec: { template: { metadata: {}, spec: { resourceClaims: [{ name: "gpu" }], containers: [{ name: "a", resources: { requests: { cpu: "7" } } }] } } },
    };
    cluster.apply({ type: "ADDED", kind: "DaemonSet", object: daemon });
    const result = scheduled(cluster);
    expect(placement(result, "gpu")).toBe("dynamic-resources-unsupported");
    expect(placement(result, "web")).toBe("node-a");
    const plain = { ...daemon, spec: { template: { metadata: {}, spec: { containers: daemon.spec.template.spec.containers } } } };
    cluster.apply({ type: "MODIFIED", kind: "DaemonSet", object: plain });
    expect(placement(scheduled(cluster), "web")).toMatch(/^new in /);
  });

  it("consolidation keeps a bound pod in its volume's zone", () => {
    // Two half-empty nodes in two zones: merging them would move db off its volume's zone.
    const nodes = [node("node-a", { type: "c-2x", zone: "test-zone-1" }), node("node-b", { type: "c-2x", zone: "test-zone-2" })];
    const pods = [pod("web", { node: "node-a", cpu: "500m" }), withClaims("db", ["data-0"], { node: "node-b" })];
    const volumes = {
      persistentVolumeClaims: [volumeClaim("data-0", { volumeName: "pv-0" })],
      persistentVolumes: [volume("pv-0", { zones: ["test-zone-2"] })],
    };
    const cluster = Cluster.fromSnapshot({ nodePools: [pool("default")], nodes, pods, volumes }, catalog());
    const plan = cluster.planConsolidation({ now: NOW });
    expect(toConsolidationJson(plan)).toBe(toConsolidationJson(planConsolidation({ ...cluster.snapshot(), instanceTypes: catalog() }, { now: NOW })));
    expect(plan.commands.flatMap((c) => c.reschedules).find((r) => r.pod === "default/db")?.to).not.toBe("node-a");
    // Without the volume the same cluster plans differently: the storage objects reached the plan.
    const free = Cluster.fromSnapshot({ nodePools: [pool("default")], nodes, pods }, catalog());
    expect(toConsolidationJson(free.planConsolidation({ now: NOW }))).not.toBe(toConsolidationJson(plan));
  });
});

describe("Cluster.fromSnapshot takes fromKubernetes output as it is", () => {
  // What `kubectl get nodepools,nodes,pods,pvc,pv,storageclasses,csinodes -A -o yaml` prints.
  const dump = `apiVersion: v1
kind: List
items:
  - apiVersion: karpenter.sh/v1
    kind: NodePool
    metadata: { name: default }
    spec:
      template:
        spec:
          requirements: [{ key: karpenter.sh/capacity-type, operator: In, values: [on-demand] }]
          nodeClassRef: { group: karpenter.k8s.aws, kind: EC2NodeClass, name: default }
  - apiVersion: v1
    kind: Node
    metadata:
      name: node-a
      labels: { karpenter.sh/nodepool: default, karpenter.sh/initialized: "true", node.kubernetes.io/instance-type: c-8x, topology.kubernetes.io/zone: test-zone-1, karpenter.sh/capacity-type: on-demand, kubernetes.io/arch: amd64, kubernetes.io/os: linux, kubernetes.io/hostname: node-a }
    status: { allocatable: { cpu: "8", memory: 16Gi, pods: "110" } }
  - apiVersion: v1
    kind: Pod
    metadata: { name: running, namespace: data }
    spec:
      nodeName: node-a
      containers: [{ name: c, resources: { requests: { cpu: 500m } } }]
      volumes: [{ name: data, persistentVolumeClaim: { claimName: data-running } }]
  - apiVersion: v1
    kind: Pod
    metadata: { name: db-0, namespace: data }
    spec:
      containers: [{ name: c, resources: { requests: { cpu: 500m } } }]
      volumes: [{ name: data, persistentVolumeClaim: { claimName: data-db-0 } }]
  - apiVersion: v1
    kind: Pod
    metadata: { name: db-1, namespace: data }
    spec:
      containers: [{ name: c, resources: { requests: { cpu: 500m } } }]
      volumes: [{ name: data, persistentVolumeClaim: { claimName: data-db-1 } }]
  - apiVersion: v1
    kind: PersistentVolumeClaim
    metadata: { name: data-running, namespace: data, annotations: { pv.kubernetes.io/bind-completed: "yes" } }
    spec: { storageClassName: gp3, volumeName: pv-running, accessModes: [ReadWriteOnce], resources: { requests: { storage: 10Gi } } }
    status: { phase: Bound }
  - apiVersion: v1
    kind: PersistentVolumeClaim
    metadata: { name: data-db-0, namespace: data, annotations: { pv.kubernetes.io/bind-completed: "yes" } }
    spec: { storageClassName: gp3, volumeName: pv-db-0, accessModes: [ReadWriteOnce], resources: { requests: { storage: 10Gi } } }
    status: { phase: Bound }
  - apiVersion: v1
    kind: PersistentVolumeClaim
    metadata: { name: data-db-1, namespace: data }
    spec: { storageClassName: gp3, accessModes: [ReadWriteOnce], resources: { requests: { storage: 10Gi } } }
    status: { phase: Pending }
  - apiVersion: v1
    kind: PersistentVolume
    metadata: { name: pv-running }
    spec:
      storageClassName: gp3
      capacity: { storage: 10Gi }
      accessModes: [ReadWriteOnce]
      csi: { driver: ebs.csi.aws.com, volumeHandle: vol-1 }
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: topology.kubernetes.io/zone, operator: In, values: [test-zone-1] }] }] } }
  - apiVersion: v1
    kind: PersistentVolume
    metadata: { name: pv-db-0 }
    spec:
      storageClassName: gp3
      capacity: { storage: 10Gi }
      accessModes: [ReadWriteOnce]
      csi: { driver: ebs.csi.aws.com, volumeHandle: vol-2 }
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: topology.kubernetes.io/zone, operator: In, values: [test-zone-2] }] }] } }
  - apiVersion: storage.k8s.io/v1
    kind: StorageClass
    metadata: { name: gp3 }
    provisioner: ebs.csi.aws.com
    volumeBindingMode: WaitForFirstConsumer
  - apiVersion: storage.k8s.io/v1
    kind: CSINode
    metadata: { name: node-a }
    spec:
      drivers: [{ name: ebs.csi.aws.com, nodeID: i-0123, allocatable: { count: 1 } }]
`;

  it("the storage objects reach the Cluster's answers, as they reach schedule", () => {
    const input = fromKubernetes(parseManifests(dump, "cluster.yaml"));
    expect(input.volumes?.csiNodes).toHaveLength(1);
    const cluster = Cluster.fromSnapshot(input, catalog());
    const result = cluster.schedule();
    expect(toScheduleJson(result)).toBe(toScheduleJson(schedule({ ...input, instanceTypes: catalog() })));
    // db-0's volume is in test-zone-2; db-1's unbound claim could go to node-a, but node-a's one EBS attachment is taken.
    const zoneOf = new Map(result.nodeClaims.flatMap((c) => c.pods.map((p) => [p, c.zone] as const)));
    expect(zoneOf.get("data/db-0")).toBe("test-zone-2");
    expect(zoneOf.has("data/db-1")).toBe(true);
    expect(result.existingNodes).toEqual([]);
    expect(cluster.snapshot().volumes?.persistentVolumeClaims?.map((c) => `${c.metadata.namespace}/${c.metadata.name}`)).toEqual([
      "data/data-db-0",
      "data/data-db-1",
      "data/data-running",
    ]);
  });
});

/** Every path into a plain JSON-like value, the value's own (empty) path first. */
function pathsOf(value: unknown, at: readonly (string | number)[] = []): (readonly (string | number)[])[] {
  if (typeof value !== "object" || value === null) return [at];
  return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, Array.isArray(value) ? Number(k) : k]))];
}

describe("a malformed storage event is an InputError, never a crash inside the volume layer", () => {
  const zonal = volume("pv-0", { zones: ["test-zone-2"], driver: DRIVER });
  const events: readonly ClusterEvent[] = [
    { type: "ADDED", kind: "PersistentVolumeClaim", object: volumeClaim("data-0", { volumeName: "pv-0" }) },
    { type: "ADDED", kind: "PersistentVolumeClaim", object: volumeClaim("data-1", { storageClassName: "gp3" }) },
    { type: "ADDED", kind: "PersistentVolume", object: zonal },
    { type: "ADDED", kind: "StorageClass", object: storageClass("gp3", { provisioner: DRIVER, bindingMode: "WaitForFirstConsumer", zones: ["test-zone-1"] }) },
    { type: "ADDED", kind: "CSINode", object: csiNode("node-a", DRIVER, 3) },
  ];
  test.prop([fc.nat({ max: events.length - 1 }), fc.nat(), fc.anything({ maxDepth: 2 })], { numRuns: 200 })("apply, schedule, plan", (which, at, value) => {
    const cluster = Cluster.fromSnapshot(
      { ...base, pods: [withClaims("db-0", ["data-0", "data-1"]), withClaims("db-1", ["data-1"], { node: "node-a" })], volumes: {} },
      catalog(),
    );
    for (const event of events) cluster.apply(event);
    const chosen = structuredClone(events[which] as ClusterEvent) as { object: unknown };
    const paths = pathsOf(chosen.object);
    const path = paths[at % paths.length] as readonly (string | number)[];
    if (path.length === 0) chosen.object = value;
    else {
      let parent = chosen.object as Record<string | number, unknown>;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      parent[path[path.length - 1] as string | number] = value;
    }
    try {
      cluster.apply(chosen as ClusterEvent);
      cluster.schedule();
      cluster.planConsolidation({ now: NOW });
    } catch (error) {
      expect(error).toBeInstanceOf(NodefitError);
    }
  });
});

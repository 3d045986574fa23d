/**
 * Realistic cluster snapshots, as `kubectl get deploy,rs,sts,job,ds,pods,nodes,nodeclaims,nodepools,ec2nodeclasses,pdb
 * -A -o yaml` prints them (plus Services, ConfigMaps, a CronJob and third-party kinds): one `kind: List` whose items
 * carry managedFields, uids, resourceVersions and status blocks. Every controller is in its steady state (its
 * replicas are the pods in the snapshot), so removing the controllers must not change any answer.
 */
import { fc } from "@fast-check/vitest";
import { resourceListToRecord, type InstanceType } from "nodefit";
import { defaultAwsCatalog } from "nodefit/aws";

/** The instance types existing nodes are drawn from (all in the embedded catalogue). */
export const NODE_TYPES = ["m5.large", "m5.xlarge", "c5.large", "c5.xlarge", "r5.large"] as const;
const ZONES = ["us-east-1a", "us-east-1b", "us-east-1c"] as const;
const NAMESPACES = ["shop", "default", "payments"] as const;
const APPS = ["web", "api", "cart", "search"] as const;
const CREATED = "2026-02-01T00:00:00Z";

/** Kinds that stand for pods (the ones expanded into replicas). */
export const CONTROLLER_KINDS: ReadonlySet<string> = new Set(["Deployment", "ReplicaSet", "ReplicationController", "StatefulSet", "Job"]);

/** Where one pod is: on a node (by index), pending, or in another state its controller knows about. */
type Placement = { readonly node: number } | "pending" | "pending-unseen" | "preempting";

export interface NodeSpec {
  readonly type: (typeof NODE_TYPES)[number];
  readonly zone: (typeof ZONES)[number];
  readonly capacityType: "on-demand" | "spot";
  readonly ageHours: number;
}

export interface DeploymentSpec {
  readonly namespace: number;
  readonly cpuMilli: number;
  readonly memoryMi: number;
  readonly current: readonly Placement[];
  /** Pods of an older ReplicaSet still running (a rollout in progress); 0 or more old ReplicaSets at 0 too. */
  readonly previous: readonly Placement[];
  readonly oldAtZero: number;
  /** A pod being deleted, already replaced (not a replica any more). */
  readonly terminating: boolean;
  readonly spread: boolean;
}

export interface JobSpec {
  readonly succeeded: number;
  readonly failed: number;
  readonly running: readonly Placement[];
  readonly extraCompletions: number;
  readonly cronJob: boolean;
}

export interface SnapshotSpec {
  readonly seed: number;
  readonly nodes: readonly NodeSpec[];
  readonly deployments: readonly DeploymentSpec[];
  readonly statefulSets: readonly (readonly Placement[])[];
  readonly jobs: readonly JobSpec[];
  readonly daemonSets: readonly { readonly cpuMilli: number; readonly pendingPod: boolean }[];
  readonly mirrorPods: boolean;
  readonly pdb: boolean;
  readonly thirdParty: readonly ("Certificate" | "Rollout" | "KWOKNodeClass" | "ServiceMonitor")[];
}

/** Random snapshot descriptions: 1 to 4 nodes, a few workloads of every kind. */
export function snapshotSpec(): fc.Arbitrary<SnapshotSpec> {
  return fc.integer({ min: 1, max: 4 }).chain((nodeCount) => {
    const placement: fc.Arbitrary<Placement> = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: nodeCount - 1 }).map((node) => ({ node })) },
      { weight: 2, arbitrary: fc.constant("pending" as const) },
      { weight: 1, arbitrary: fc.constantFrom("pending-unseen" as const, "preempting" as const) },
    );
    const placements = (max: number): fc.Arbitrary<Placement[]> => fc.array(placement, { maxLength: max });
    return fc.record({
      seed: fc.integer({ min: 1, max: 2 ** 30 }),
      nodes: fc.array(
        fc.record({
          type: fc.constantFrom(...NODE_TYPES),
          zone: fc.constantFrom(...ZONES),
          capacityType: fc.constantFrom("on-demand" as const, "spot" as const),
          ageHours: fc.integer({ min: 1, max: 2000 }),
        }),
        { minLength: nodeCount, maxLength: nodeCount },
      ),
      deployments: fc.array(
        fc.record({
          namespace: fc.integer({ min: 0, max: NAMESPACES.length - 1 }),
          cpuMilli: fc.constantFrom(100, 250, 500, 1000, 1500),
          memoryMi: fc.constantFrom(128, 256, 512, 1024, 2048),
          current: placements(5),
          previous: placements(2),
          oldAtZero: fc.integer({ min: 0, max: 2 }),
          terminating: fc.boolean(),
          spread: fc.boolean(),
        }),
        { maxLength: APPS.length },
      ),
      statefulSets: fc.array(placements(3), { maxLength: 2 }),
      jobs: fc.array(
        fc.record({
          succeeded: fc.integer({ min: 0, max: 3 }),
          failed: fc.integer({ min: 0, max: 2 }),
          running: placements(3),
          extraCompletions: fc.integer({ min: 0, max: 3 }),
          cronJob: fc.boolean(),
        }),
        { maxLength: 2 },
      ),
      daemonSets: fc.array(fc.record({ cpuMilli: fc.constantFrom(50, 100, 200), pendingPod: fc.boolean() }), { maxLength: 2 }),
      mirrorPods: fc.boolean(),
      pdb: fc.boolean(),
      thirdParty: fc.subarray(["Certificate", "Rollout", "KWOKNodeClass", "ServiceMonitor"] as const),
    });
  });
}

type Item = Record<string, unknown>;

/** Builds one snapshot; `uid` and name suffixes come from a small generator seeded by the spec. */
class Builder {
  private state: number;
  readonly items: Item[] = [];
  private readonly catalog: ReadonlyMap<string, InstanceType>;

  constructor(
    private readonly spec: SnapshotSpec,
    catalog: readonly InstanceType[],
  ) {
    this.state = spec.seed;
    this.catalog = new Map(catalog.map((t) => [t.name, t]));
  }

  /** The next pseudo-random 32-bit number (xorshift). */
  private next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }

  /** `n` lowercase alphanumerics, as Kubernetes' generated names use. */
  suffix(n: number): string {
    const alphabet = "bcdfghjklmnpqrstvwxz2456789";
    return Array.from({ length: n }, () => alphabet[this.next() % alphabet.length]).join("");
  }

  uid(): string {
    const hex = Array.from({ length: 4 }, () => this.next().toString(16).padStart(8, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** Metadata as the API server returns it. */
  metadata(name: string, namespace: string | undefined, manager: string, extra: Item = {}): Item {
    return {
      ...(namespace === undefined ? {} : { namespace }),
      name,
      uid: this.uid(),
      resourceVersion: String(this.next() % 1_000_000),
      generation: 1,
      creationTimestamp: CREATED,
      managedFields: [
        { apiVersion: "v1", fieldsType: "FieldsV1", fieldsV1: { "f:metadata": { "f:labels": {} } }, manager, operation: "Update", time: CREATED },
        { apiVersion: "v1", fieldsType: "FieldsV1", fieldsV1: { "f:status": {} }, manager, operation: "Update", subresource: "status", time: CREATED },
      ],
      ...extra,
    };
  }

  nodeName(i: number): string {
    return `ip-10-0-${i}-${(i * 37) % 250}.ec2.internal`;
  }

  push(item: Item): Item {
    this.items.push(item);
    return item;
  }

  build(): Item[] {
    this.nodePool();
    this.spec.nodes.forEach((node, i) => this.node(node, i));
    this.spec.deployments.forEach((d, i) => this.deployment(d, i));
    this.spec.statefulSets.forEach((pods, i) => this.statefulSet(pods, i));
    this.spec.jobs.forEach((j, i) => this.job(j, i));
    this.spec.daemonSets.forEach((d, i) => this.daemonSet(d, i));
    if (this.spec.mirrorPods) this.spec.nodes.forEach((_, i) => this.mirrorPod(i));
    this.extras();
    // kubectl prints resource types in the order asked for, then by namespace and name.
    const order = [
      "Deployment",
      "ReplicaSet",
      "StatefulSet",
      "CronJob",
      "Job",
      "DaemonSet",
      "Pod",
      "Node",
      "NodeClaim",
      "NodePool",
      "EC2NodeClass",
      "PodDisruptionBudget",
    ];
    const rank = (item: Item): number => {
      const r = order.indexOf(String(item["kind"]));
      return r < 0 ? order.length : r;
    };
    const key = (item: Item): string => {
      const m = item["metadata"] as { namespace?: string; name: string };
      return `${m.namespace ?? ""}/${m.name}`;
    };
    return this.items
      .map((item, i) => ({ item, i }))
      .sort((a, b) => rank(a.item) - rank(b.item) || (key(a.item) < key(b.item) ? -1 : key(a.item) > key(b.item) ? 1 : a.i - b.i))
      .map(({ item }) => item);
  }

  private nodePool(): void {
    this.push({
      apiVersion: "karpenter.sh/v1",
      kind: "NodePool",
      metadata: this.metadata("default", undefined, "karpenter", {
        annotations: { "karpenter.sh/nodepool-hash": "6821555240594823858", "karpenter.sh/nodepool-hash-version": "v3" },
      }),
      spec: {
        disruption: { budgets: [{ nodes: "10%" }], consolidateAfter: "0s", consolidationPolicy: "WhenEmptyOrUnderutilized" },
        limits: { cpu: "1000" },
        template: {
          spec: {
            expireAfter: "720h",
            nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "default" },
            requirements: [
              { key: "kubernetes.io/arch", operator: "In", values: ["amd64"] },
              { key: "kubernetes.io/os", operator: "In", values: ["linux"] },
              { key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand", "spot"] },
              { key: "karpenter.k8s.aws/instance-family", operator: "In", values: ["m5", "c5", "r5"] },
              { key: "karpenter.k8s.aws/instance-size", operator: "In", values: ["large", "xlarge", "2xlarge"] },
            ],
          },
        },
      },
      status: {
        conditions: [{ type: "Ready", status: "True", reason: "Ready", message: "", lastTransitionTime: CREATED, observedGeneration: 1 }],
        resources: { cpu: "8", memory: "32Gi", nodes: String(this.spec.nodes.length), pods: "290" },
      },
    });
    this.push({
      apiVersion: "karpenter.k8s.aws/v1",
      kind: "EC2NodeClass",
      metadata: this.metadata("default", undefined, "karpenter", { finalizers: ["karpenter.k8s.aws/termination"] }),
      spec: {
        amiSelectorTerms: [{ alias: "al2023@latest" }],
        metadataOptions: { httpEndpoint: "enabled", httpProtocolIPv6: "disabled", httpPutResponseHopLimit: 1, httpTokens: "required" },
        role: "KarpenterNodeRole-snapshot",
        securityGroupSelectorTerms: [{ tags: { "karpenter.sh/discovery": "snapshot" } }],
        subnetSelectorTerms: [{ tags: { "karpenter.sh/discovery": "snapshot" } }],
      },
      status: {
        amis: [
          {
            id: "ami-0123456789abcdef0",
            name: "amazon-eks-node-al2023-x86_64-standard-1.33-v20250101",
            requirements: [{ key: "kubernetes.io/arch", operator: "In", values: ["amd64"] }],
          },
        ],
        conditions: [{ type: "Ready", status: "True", reason: "Ready", message: "", lastTransitionTime: CREATED, observedGeneration: 1 }],
        instanceProfile: "snapshot_1234567890",
        securityGroups: [{ id: "sg-0123456789abcdef0", name: "eks-cluster-sg-snapshot" }],
        subnets: ZONES.map((zone, i) => ({ id: `subnet-0${i}23456789abcdef0`, zone, zoneID: `use1-az${i + 1}` })),
      },
    });
  }

  private node(spec: NodeSpec, i: number): void {
    const type = this.catalog.get(spec.type);
    if (type === undefined) throw new Error(`${spec.type} is not in the embedded catalogue`);
    const labels: Record<string, string> = {};
    for (const requirement of type.requirements) {
      const [value] = [...requirement.values];
      if (requirement.operator === "In" && requirement.values.size === 1 && value !== undefined) labels[requirement.key] = value;
    }
    const name = this.nodeName(i);
    const claimName = `default-${this.suffix(5)}`;
    Object.assign(labels, {
      "beta.kubernetes.io/arch": "amd64",
      "beta.kubernetes.io/os": "linux",
      "karpenter.sh/capacity-type": spec.capacityType,
      "karpenter.sh/initialized": "true",
      "karpenter.sh/nodepool": "default",
      "karpenter.sh/registered": "true",
      "kubernetes.io/hostname": name,
      "topology.kubernetes.io/region": "us-east-1",
      "topology.kubernetes.io/zone": spec.zone,
      "topology.k8s.aws/zone-id": `use1-az${ZONES.indexOf(spec.zone) + 1}`,
    });
    const created = new Date(Date.parse("2026-03-01T00:00:00Z") - spec.ageHours * 3_600_000).toISOString().replace(".000Z", "Z");
    const capacity = resourceListToRecord(type.capacity);
    const allocatable = resourceListToRecord(type.allocatable);
    const providerID = `aws:///${spec.zone}/i-0${this.next().toString(16).padStart(16, "0")}`;
    const conditions = (types: readonly string[]): Item[] =>
      types.map((t) => ({ type: t, status: "True", reason: t, message: "", lastTransitionTime: created }));
    this.push({
      apiVersion: "v1",
      kind: "Node",
      metadata: this.metadata(name, undefined, "kubelet", {
        creationTimestamp: created,
        labels,
        annotations: {
          "alpha.kubernetes.io/provided-node-ip": `10.0.${i}.${(i * 37) % 250}`,
          "karpenter.sh/nodeclaim": claimName,
          "node.alpha.kubernetes.io/ttl": "0",
        },
        finalizers: ["karpenter.sh/termination"],
        ownerReferences: [{ apiVersion: "karpenter.sh/v1", blockOwnerDeletion: true, kind: "NodeClaim", name: claimName, uid: this.uid() }],
      }),
      spec: { providerID },
      status: {
        addresses: [
          { address: `10.0.${i}.${(i * 37) % 250}`, type: "InternalIP" },
          { address: name, type: "Hostname" },
        ],
        allocatable,
        capacity,
        conditions: [
          {
            type: "MemoryPressure",
            status: "False",
            reason: "KubeletHasSufficientMemory",
            message: "kubelet has sufficient memory available",
            lastHeartbeatTime: CREATED,
            lastTransitionTime: created,
          },
          {
            type: "Ready",
            status: "True",
            reason: "KubeletReady",
            message: "kubelet is posting ready status",
            lastHeartbeatTime: CREATED,
            lastTransitionTime: created,
          },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          architecture: "amd64",
          containerRuntimeVersion: "containerd://1.7.27",
          kernelVersion: "6.1.0",
          kubeletVersion: "v1.33.0",
          operatingSystem: "linux",
          osImage: "Amazon Linux 2023",
        },
      },
    });
    this.push({
      apiVersion: "karpenter.sh/v1",
      kind: "NodeClaim",
      metadata: this.metadata(claimName, undefined, "karpenter", {
        creationTimestamp: created,
        labels,
        annotations: { "karpenter.k8s.aws/ec2nodeclass-hash": "15535182697325354914", "karpenter.sh/nodepool-hash": "6821555240594823858" },
        finalizers: ["karpenter.sh/termination"],
        ownerReferences: [{ apiVersion: "karpenter.sh/v1", blockOwnerDeletion: true, kind: "NodePool", name: "default", uid: this.uid() }],
      }),
      spec: {
        expireAfter: "720h",
        nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "default" },
        requirements: [
          { key: "karpenter.sh/nodepool", operator: "In", values: ["default"] },
          { key: "node.kubernetes.io/instance-type", operator: "In", values: [spec.type] },
          { key: "karpenter.sh/capacity-type", operator: "In", values: [spec.capacityType] },
          { key: "topology.kubernetes.io/zone", operator: "In", values: [spec.zone] },
        ],
        resources: { requests: { cpu: "1", pods: "5" } },
      },
      status: {
        allocatable,
        capacity,
        conditions: conditions(["Launched", "Registered", "Initialized", "Consolidatable", "Ready"]),
        imageID: "ami-0123456789abcdef0",
        lastPodEventTime: created,
        nodeName: name,
        providerID,
      },
    });
  }

  /** A pod's spec and status for its placement. */
  private podBody(
    container: Item,
    placement: Placement | "succeeded" | "failed" | { readonly node: number; readonly ds: true },
    extraSpec: Item = {},
  ): { spec: Item; status: Item } {
    const volume = `kube-api-access-${this.suffix(5)}`;
    const spec: Item = {
      containers: [
        {
          ...container,
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
          volumeMounts: [{ mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", name: volume, readOnly: true }],
        },
      ],
      dnsPolicy: "ClusterFirst",
      enableServiceLinks: true,
      preemptionPolicy: "PreemptLowerPriority",
      priority: 0,
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      serviceAccount: "default",
      serviceAccountName: "default",
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
        { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
      ],
      volumes: [{ name: volume, projected: { defaultMode: 420, sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: "token" } }] } }],
      ...extraSpec,
    };
    const unschedulable = {
      type: "PodScheduled",
      status: "False",
      reason: "Unschedulable",
      message: "0/3 nodes are available: 3 Insufficient cpu.",
      lastProbeTime: null,
      lastTransitionTime: CREATED,
    };
    if (placement === "pending") return { spec, status: { conditions: [unschedulable], phase: "Pending", qosClass: "Burstable" } };
    if (placement === "pending-unseen") return { spec, status: { phase: "Pending", qosClass: "Burstable" } };
    if (placement === "preempting")
      return { spec, status: { conditions: [unschedulable], nominatedNodeName: this.nodeName(0), phase: "Pending", qosClass: "Burstable" } };
    const node = typeof placement === "object" ? placement.node : 0;
    const bound = { ...spec, nodeName: this.nodeName(node) };
    const phase = placement === "succeeded" ? "Succeeded" : placement === "failed" ? "Failed" : "Running";
    const ready = phase === "Running" ? "True" : "False";
    return {
      spec: bound,
      status: {
        conditions: [
          { type: "Initialized", status: "True", lastProbeTime: null, lastTransitionTime: CREATED },
          { type: "Ready", status: ready, lastProbeTime: null, lastTransitionTime: CREATED },
          { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: CREATED },
        ],
        containerStatuses: [
          {
            name: String(container["name"]),
            image: String(container["image"]),
            imageID: "",
            ready: ready === "True",
            restartCount: 0,
            started: ready === "True",
            state: { running: { startedAt: CREATED } },
          },
        ],
        hostIP: `10.0.${node}.${(node * 37) % 250}`,
        phase,
        podIP: `10.0.${node}.${100 + (this.next() % 100)}`,
        qosClass: "Burstable",
        startTime: CREATED,
      },
    };
  }

  private pod(
    name: string,
    namespace: string,
    labels: Record<string, string>,
    owner: Item | undefined,
    container: Item,
    placement: Parameters<Builder["podBody"]>[1],
    meta: Item = {},
    extraSpec: Item = {},
  ): void {
    const { spec, status } = this.podBody(container, placement, extraSpec);
    this.push({
      apiVersion: "v1",
      kind: "Pod",
      metadata: this.metadata(name, namespace, "kubelet", { labels, ...(owner === undefined ? {} : { ownerReferences: [owner] }), ...meta }),
      spec,
      status,
    });
  }

  private owner(apiVersion: string, kind: string, item: Item): Item {
    const m = item["metadata"] as { name: string; uid: string };
    return { apiVersion, blockOwnerDeletion: true, controller: true, kind, name: m.name, uid: m.uid };
  }

  private container(name: string, cpuMilli: number, memoryMi: number, ports: readonly Item[] = [{ containerPort: 8080, protocol: "TCP" }]): Item {
    const resources = { requests: { cpu: `${cpuMilli}m`, memory: `${memoryMi}Mi` } };
    return { image: `registry.example.com/${name}:1.0`, imagePullPolicy: "IfNotPresent", name, ...(ports.length === 0 ? {} : { ports }), resources };
  }

  private template(labels: Record<string, string>, container: Item, extraSpec: Item = {}): Item {
    return {
      metadata: { creationTimestamp: null, labels },
      spec: {
        containers: [container],
        dnsPolicy: "ClusterFirst",
        restartPolicy: "Always",
        schedulerName: "default-scheduler",
        terminationGracePeriodSeconds: 30,
        ...extraSpec,
      },
    };
  }

  private deployment(spec: DeploymentSpec, i: number): void {
    const app = APPS[i] ?? `app${i}`;
    const namespace = NAMESPACES[spec.namespace] ?? "default";
    const container = this.container(app, spec.cpuMilli, spec.memoryMi);
    const extraSpec: Item = spec.spread
      ? {
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { app } } },
          ],
        }
      : {};
    const replicas = spec.current.length;
    const deployment = this.push({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: this.metadata(app, namespace, "kube-controller-manager", {
        annotations: { "deployment.kubernetes.io/revision": String(spec.oldAtZero + 2) },
        labels: { app },
      }),
      spec: {
        progressDeadlineSeconds: 600,
        replicas,
        revisionHistoryLimit: 10,
        selector: { matchLabels: { app } },
        strategy: { rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" }, type: "RollingUpdate" },
        template: this.template({ app }, container, extraSpec),
      },
      status: { availableReplicas: replicas, observedGeneration: 1, readyReplicas: replicas, replicas, updatedReplicas: replicas },
    });
    const replicaSet = (placements: readonly Placement[], revision: number, withTerminating: boolean): void => {
      const hash = this.suffix(10);
      const labels = { app, "pod-template-hash": hash };
      const rs = this.push({
        apiVersion: "apps/v1",
        kind: "ReplicaSet",
        metadata: this.metadata(`${app}-${hash}`, namespace, "kube-controller-manager", {
          annotations: { "deployment.kubernetes.io/desired-replicas": String(replicas), "deployment.kubernetes.io/revision": String(revision) },
          labels,
          ownerReferences: [this.owner("apps/v1", "Deployment", deployment)],
        }),
        spec: { replicas: placements.length, selector: { matchLabels: labels }, template: this.template(labels, container, extraSpec) },
        status: {
          availableReplicas: placements.length,
          fullyLabeledReplicas: placements.length,
          observedGeneration: 1,
          readyReplicas: placements.length,
          replicas: placements.length,
        },
      });
      const owner = this.owner("apps/v1", "ReplicaSet", rs);
      for (const placement of placements)
        this.pod(`${app}-${hash}-${this.suffix(5)}`, namespace, labels, owner, container, placement, { generateName: `${app}-${hash}-` }, extraSpec);
      if (withTerminating) {
        this.pod(
          `${app}-${hash}-${this.suffix(5)}`,
          namespace,
          labels,
          owner,
          container,
          { node: 0 },
          { deletionTimestamp: CREATED, deletionGracePeriodSeconds: 30 },
          extraSpec,
        );
      }
    };
    for (let r = 0; r < spec.oldAtZero; r++) replicaSet([], r + 1, false);
    if (spec.previous.length > 0) replicaSet(spec.previous, spec.oldAtZero + 1, false);
    replicaSet(spec.current, spec.oldAtZero + 2, spec.terminating);
    if (this.spec.pdb && i === 0) {
      this.push({
        apiVersion: "policy/v1",
        kind: "PodDisruptionBudget",
        metadata: this.metadata(app, namespace, "kubectl-client-side-apply"),
        spec: { maxUnavailable: 1, selector: { matchLabels: { app } } },
        status: {
          currentHealthy: replicas,
          desiredHealthy: Math.max(replicas - 1, 0),
          disruptionsAllowed: replicas > 0 ? 1 : 0,
          expectedPods: replicas,
          observedGeneration: 1,
        },
      });
    }
    this.push({
      apiVersion: "v1",
      kind: "Service",
      metadata: this.metadata(app, namespace, "kubectl-client-side-apply"),
      spec: { clusterIP: "172.20.0.10", ports: [{ port: 80, protocol: "TCP", targetPort: 8080 }], selector: { app }, type: "ClusterIP" },
      status: { loadBalancer: {} },
    });
  }

  private statefulSet(placements: readonly Placement[], i: number): void {
    const name = ["db", "queue"][i] ?? `sts${i}`;
    const namespace = "payments";
    const container = this.container(name, 500, 1024);
    const labels = { app: name };
    const sts = this.push({
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: this.metadata(name, namespace, "kube-controller-manager"),
      spec: {
        podManagementPolicy: "OrderedReady",
        replicas: placements.length,
        selector: { matchLabels: labels },
        serviceName: name,
        template: this.template(labels, container),
        volumeClaimTemplates: [
          {
            apiVersion: "v1",
            kind: "PersistentVolumeClaim",
            metadata: { name: "data" },
            spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } },
          },
        ],
      },
      status: { availableReplicas: placements.length, currentReplicas: placements.length, readyReplicas: placements.length, replicas: placements.length },
    });
    const owner = this.owner("apps/v1", "StatefulSet", sts);
    placements.forEach((placement, ordinal) => {
      const podLabels = { ...labels, "apps.kubernetes.io/pod-index": String(ordinal), "statefulset.kubernetes.io/pod-name": `${name}-${ordinal}` };
      const volumes = { volumes: [{ name: "data", persistentVolumeClaim: { claimName: `data-${name}-${ordinal}` } }] };
      this.pod(`${name}-${ordinal}`, namespace, podLabels, owner, container, placement, {}, volumes);
    });
  }

  private job(spec: JobSpec, i: number): void {
    const name = `report-${i}-${29_000_000 + (this.next() % 1000)}`;
    const namespace = "default";
    const container = this.container("report", 250, 256, []);
    const active = spec.running.length;
    const parallelism = active;
    const completions = spec.succeeded + active + spec.extraCompletions;
    const done = active === 0 && spec.extraCompletions === 0;
    let cronOwner: Item = {};
    if (spec.cronJob) {
      const cron = this.push({
        apiVersion: "batch/v1",
        kind: "CronJob",
        metadata: this.metadata(`report-${i}`, namespace, "kube-controller-manager"),
        spec: { schedule: "0 * * * *", jobTemplate: { spec: { template: this.template({}, container, { restartPolicy: "Never" }) } } },
      });
      cronOwner = { ownerReferences: [this.owner("batch/v1", "CronJob", cron)] };
    }
    const job = this.push({
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: this.metadata(name, namespace, "kube-controller-manager", cronOwner),
      spec: {
        backoffLimit: 6,
        completionMode: "NonIndexed",
        completions,
        parallelism,
        suspend: false,
        template: this.template({ "job-name": name }, container, { restartPolicy: "Never" }),
      },
      status: {
        ...(active > 0 ? { active } : {}),
        ...(spec.succeeded > 0 ? { succeeded: spec.succeeded } : {}),
        ...(spec.failed > 0 ? { failed: spec.failed } : {}),
        ready: spec.running.filter((p) => typeof p === "object").length,
        startTime: CREATED,
        ...(done ? { completionTime: CREATED, conditions: [{ type: "Complete", status: "True", lastProbeTime: CREATED, lastTransitionTime: CREATED }] } : {}),
      },
    });
    const uid = (job["metadata"] as { uid: string }).uid;
    const labels = { "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": name, "controller-uid": uid, "job-name": name };
    const owner = this.owner("batch/v1", "Job", job);
    const phases: Parameters<Builder["podBody"]>[1][] = [
      ...Array.from({ length: spec.succeeded }, () => "succeeded" as const),
      ...Array.from({ length: spec.failed }, () => "failed" as const),
      ...spec.running,
    ];
    for (const placement of phases) this.pod(`${name}-${this.suffix(5)}`, namespace, labels, owner, container, placement, {}, { restartPolicy: "Never" });
  }

  private daemonSet(spec: { readonly cpuMilli: number; readonly pendingPod: boolean }, i: number): void {
    const name = ["node-exporter", "fluent-bit"][i] ?? `ds${i}`;
    const namespace = "kube-system";
    const container = this.container(name, spec.cpuMilli, 64, [{ containerPort: 9100, hostPort: 9100 + i, protocol: "TCP" }]);
    const labels = { "app.kubernetes.io/name": name };
    const ds = this.push({
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: this.metadata(name, namespace, "helm"),
      spec: {
        selector: { matchLabels: labels },
        template: this.template(labels, container, { tolerations: [{ operator: "Exists" }] }),
        updateStrategy: { rollingUpdate: { maxUnavailable: 1 }, type: "RollingUpdate" },
      },
      status: { currentNumberScheduled: this.spec.nodes.length, desiredNumberScheduled: this.spec.nodes.length, numberReady: this.spec.nodes.length },
    });
    const owner = this.owner("apps/v1", "DaemonSet", ds);
    const affinity = (node: number): Item => ({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [this.nodeName(node)] }] }],
          },
        },
      },
      tolerations: [{ operator: "Exists" }],
    });
    this.spec.nodes.forEach((_, node) => this.pod(`${name}-${this.suffix(5)}`, namespace, labels, owner, container, { node }, {}, affinity(node)));
    // A DaemonSet pod for a node that is still coming up: pending, and never Karpenter's to provision.
    if (spec.pendingPod) this.pod(`${name}-${this.suffix(5)}`, namespace, labels, owner, container, "pending", {}, affinity(this.spec.nodes.length));
  }

  /** A static pod: the kubelet's mirror of it is owned by the Node. */
  private mirrorPod(node: number): void {
    const name = this.nodeName(node);
    const nodeItem = this.items.find((item) => item["kind"] === "Node" && (item["metadata"] as { name: string }).name === name);
    const owner = { apiVersion: "v1", controller: true, kind: "Node", name, uid: (nodeItem?.["metadata"] as { uid: string }).uid };
    this.pod(
      `static-proxy-${name}`,
      "kube-system",
      { component: "static-proxy" },
      owner,
      this.container("proxy", 100, 64),
      { node },
      { annotations: { "kubernetes.io/config.mirror": "abc", "kubernetes.io/config.source": "file" } },
    );
  }

  private extras(): void {
    for (const namespace of NAMESPACES) {
      this.push({
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: this.metadata("kube-root-ca.crt", namespace, "kube-controller-manager"),
        data: { "ca.crt": "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n" },
      });
    }
    const third: Record<string, Item> = {
      Certificate: {
        apiVersion: "cert-manager.io/v1",
        kind: "Certificate",
        metadata: this.metadata("web-tls", "shop", "cert-manager"),
        spec: { dnsNames: ["shop.example.com"], issuerRef: { kind: "ClusterIssuer", name: "letsencrypt" }, secretName: "web-tls" },
        status: { conditions: [{ type: "Ready", status: "True" }] },
      },
      Rollout: {
        apiVersion: "argoproj.io/v1alpha1",
        kind: "Rollout",
        metadata: this.metadata("canary", "shop", "argo-rollouts"),
        spec: { replicas: 3, strategy: { canary: { steps: [{ setWeight: 20 }] } } },
      },
      KWOKNodeClass: { apiVersion: "karpenter.kwok.sh/v1alpha1", kind: "KWOKNodeClass", metadata: this.metadata("default", undefined, "karpenter") },
      ServiceMonitor: {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "ServiceMonitor",
        metadata: this.metadata("web", "shop", "helm"),
        spec: { endpoints: [{ port: "http" }], selector: { matchLabels: { app: "web" } } },
      },
    };
    for (const kind of this.spec.thirdParty) this.push(third[kind] as Item);
  }
}

let catalog: readonly InstanceType[] | undefined;

/** The embedded AWS catalogue, built once per test file. */
export function awsCatalog(): readonly InstanceType[] {
  catalog ??= defaultAwsCatalog();
  return catalog;
}

/**
 * The snapshot a spec describes: a `kind: List` as kubectl prints it.
 *
 * @param spec - what the cluster holds
 * @returns the List object
 */
export function renderSnapshot(spec: SnapshotSpec): Item {
  return { apiVersion: "v1", kind: "List", items: new Builder(spec, awsCatalog()).build(), metadata: { resourceVersion: "" } };
}

/**
 * The same snapshot without the objects that stand for pods (Deployments, ReplicaSets, StatefulSets, Jobs).
 *
 * @param list - a snapshot from {@link renderSnapshot}
 * @returns a copy of the List without them
 */
export function withoutControllers(list: Item): Item {
  const items = list["items"] as Item[];
  return { ...list, items: items.filter((item) => !CONTROLLER_KINDS.has(String(item["kind"]))) };
}

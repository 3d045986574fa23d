/**
 * EC2NodeClass honoured: each field a NodePool's class sets changes the answer as Karpenter's AWS provider
 * would decide it (upstream `pkg/providers/instancetype/suite_test.go`: max pods, pods per core, reserved
 * resources, hard and soft eviction, RAID0 instance store, root volume size, AMI families, subnet zones), one
 * worked example each, read from manifests the way the CLI reads them.
 */
import { describe, expect, test } from "vitest";
import { formatAmount, schedule, type InstanceType, type ScheduleResult } from "nodefit";
import { AWS_CAPACITY_TYPE_PRIORITY, awsCatalogForNodePools, defaultAwsCatalog } from "nodefit/aws";
import { fromKubernetes, type KubernetesInput } from "nodefit/kubernetes";

const MIB = 2 ** 20;
const GIB = 2 ** 30;

type Spec = Readonly<Record<string, unknown>>;

function nodeClass(name: string, spec: Spec, status?: Spec): Spec {
  return {
    apiVersion: "karpenter.k8s.aws/v1",
    kind: "EC2NodeClass",
    metadata: { name },
    spec: { role: "KarpenterNodeRole", ...spec },
    ...(status === undefined ? {} : { status }),
  };
}

function nodePool(name: string, className: string, types: readonly string[], extra: readonly Spec[] = []): Spec {
  return {
    apiVersion: "karpenter.sh/v1",
    kind: "NodePool",
    metadata: { name },
    spec: {
      template: {
        spec: {
          nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: className },
          requirements: [
            { key: "node.kubernetes.io/instance-type", operator: "In", values: types },
            { key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand"] },
            ...extra,
          ],
        },
      },
    },
  };
}

function deployment(name: string, replicas: number, requests: Readonly<Record<string, string>>, nodeSelector?: Readonly<Record<string, string>>): Spec {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { ...(nodeSelector === undefined ? {} : { nodeSelector }), containers: [{ name: "c", image: "pause", resources: { requests } }] },
      },
    },
  };
}

interface Run {
  readonly input: KubernetesInput;
  readonly types: readonly InstanceType[];
  readonly notes: readonly string[];
  readonly result: ScheduleResult;
}

function run(...objects: readonly Spec[]): Run {
  const input = fromKubernetes(objects.map((object) => ({ object })));
  const { instanceTypes, notes } = awsCatalogForNodePools(input.nodePools, input.ec2NodeClasses);
  const result = schedule({ ...input, instanceTypes }, { capacityTypePriority: AWS_CAPACITY_TYPE_PRIORITY });
  return { input, types: instanceTypes, notes, result };
}

/** The claims as `instance type × pods`. */
const claims = (r: Run): string[] => r.result.nodeClaims.map((c) => `${c.instanceType} × ${c.pods.length}`);
const typeOf = (r: Run, name: string): InstanceType => r.types.find((t) => t.name === name) as InstanceType;
const alloc = (it: InstanceType, resource: string): string => formatAmount(resource, it.allocatable.get(resource) ?? 0);

describe("EC2NodeClass kubelet", () => {
  test("maxPods: 20 caps pods per node (25 small pods need two m5.large, not one)", () => {
    const base = run(nodeClass("c", {}), nodePool("p", "c", ["m5.large"]), deployment("web", 25, { cpu: "10m" }));
    expect(claims(base)).toEqual(["m5.large × 25"]);
    const capped = run(nodeClass("c", { kubelet: { maxPods: 20 } }), nodePool("p", "c", ["m5.large"]), deployment("web", 25, { cpu: "10m" }));
    expect(alloc(typeOf(capped, "m5.large"), "pods")).toBe("20");
    expect(claims(capped)).toEqual(["m5.large × 20", "m5.large × 5"]);
  });

  test("podsPerCore: 4 gives a 2-vCPU m5.large 8 pods; Bottlerocket ignores podsPerCore", () => {
    const al2023 = run(nodeClass("c", { kubelet: { podsPerCore: 4 } }), nodePool("p", "c", ["m5.large"]), deployment("web", 10, { cpu: "10m" }));
    expect(alloc(typeOf(al2023, "m5.large"), "pods")).toBe("8");
    expect(claims(al2023)).toEqual(["m5.large × 8", "m5.large × 2"]);
    const bottlerocket = run(
      nodeClass("c", { amiSelectorTerms: [{ alias: "bottlerocket@latest" }], kubelet: { podsPerCore: 4 } }),
      nodePool("p", "c", ["m5.large"]),
      deployment("web", 10, { cpu: "10m" }),
    );
    expect(alloc(typeOf(bottlerocket, "m5.large"), "pods")).toBe("29");
    expect(claims(bottlerocket)).toEqual(["m5.large × 10"]);
  });

  test("maxPods and podsPerCore together: the smaller wins", () => {
    const r = run(nodeClass("c", { kubelet: { maxPods: 6, podsPerCore: 4 } }), nodePool("p", "c", ["m5.large"]));
    expect(alloc(typeOf(r, "m5.large"), "pods")).toBe("6");
  });

  test("kubeReserved memory: 1Gi replaces the 574Mi default (6903Mi → 6453Mi), so a 6600Mi pod needs an m5.xlarge", () => {
    const pods = deployment("big", 1, { memory: "6600Mi" });
    expect(claims(run(nodeClass("c", {}), nodePool("p", "c", ["m5.large", "m5.xlarge"]), pods))).toEqual(["m5.large × 1"]);
    const r = run(nodeClass("c", { kubelet: { kubeReserved: { memory: "1Gi" } } }), nodePool("p", "c", ["m5.large", "m5.xlarge"]), pods);
    expect(alloc(typeOf(r, "m5.large"), "memory")).toBe("6453Mi");
    expect(claims(r)).toEqual(["m5.xlarge × 1"]);
  });

  test("systemReserved cpu: 500m leaves an m5.large 1430m, so a 1500m pod needs an m5.xlarge", () => {
    const pods = deployment("cpu", 1, { cpu: "1500m" });
    expect(claims(run(nodeClass("c", {}), nodePool("p", "c", ["m5.large", "m5.xlarge"]), pods))).toEqual(["m5.large × 1"]);
    const r = run(nodeClass("c", { kubelet: { systemReserved: { cpu: "500m" } } }), nodePool("p", "c", ["m5.large", "m5.xlarge"]), pods);
    expect(alloc(typeOf(r, "m5.large"), "cpu")).toBe("1430m");
    expect(claims(r)).toEqual(["m5.xlarge × 1"]);
  });

  test("evictionHard memory.available 5% of 7577Mi (379Mi, rounded up to the byte) replaces 100Mi; evictionSoft changes nothing", () => {
    const hard = run(nodeClass("c", { kubelet: { evictionHard: { "memory.available": "5%" } } }), nodePool("p", "c", ["m5.large"]));
    const m5 = typeOf(hard, "m5.large");
    expect(m5.overhead.evictionThreshold.get("memory")).toBe(Math.ceil(7577 * MIB * 0.05));
    expect(m5.allocatable.get("memory")).toBe((7577 - 574) * MIB - Math.ceil(7577 * MIB * 0.05));
    expect(
      claims(
        run(
          nodeClass("c", { kubelet: { evictionHard: { "memory.available": "5%" } } }),
          nodePool("p", "c", ["m5.large", "m5.xlarge"]),
          deployment("m", 1, { memory: "6700Mi" }),
        ),
      ),
    ).toEqual(["m5.xlarge × 1"]);
    const soft = run(nodeClass("c", { kubelet: { evictionSoft: { "memory.available": "50%" } } }), nodePool("p", "c", ["m5.large"]));
    const plain = defaultAwsCatalog().find((t) => t.name === "m5.large") as InstanceType;
    expect(typeOf(soft, "m5.large").allocatable).toEqual(plain.allocatable);
  });
});

describe("EC2NodeClass storage", () => {
  test("instanceStorePolicy RAID0: m5d.large's 75 GB instance store is its ephemeral storage (a 30Gi pod fits)", () => {
    const pods = deployment("scratch", 1, { "ephemeral-storage": "30Gi" });
    const ebs = run(nodeClass("c", {}), nodePool("p", "c", ["m5d.large"]), pods);
    expect(ebs.result.nodeClaims).toEqual([]);
    expect(ebs.result.unschedulable.map((u) => u.code)).toEqual(["insufficient-resources"]);
    const raid = run(nodeClass("c", { instanceStorePolicy: "RAID0" }), nodePool("p", "c", ["m5d.large"]), pods);
    const m5d = typeOf(raid, "m5d.large");
    expect(m5d.capacity.get("ephemeral-storage")).toBe(75e9);
    expect(m5d.allocatable.get("ephemeral-storage")).toBe(75e9 - GIB - 7.5e9);
    expect(claims(raid)).toEqual(["m5d.large × 1"]);
  });

  test("blockDeviceMappings root volume of 100Gi: 100Gi − 1Gi − 10% = 89Gi allocatable", () => {
    const mapping = { deviceName: "/dev/xvda", rootVolume: true, ebs: { volumeSize: "100Gi", volumeType: "gp3" } };
    const r = run(nodeClass("c", { blockDeviceMappings: [mapping] }), nodePool("p", "c", ["m5.large"]), deployment("disk", 1, { "ephemeral-storage": "50Gi" }));
    expect(alloc(typeOf(r, "m5.large"), "ephemeral-storage")).toBe("89Gi");
    expect(claims(r)).toEqual(["m5.large × 1"]);
  });
});

describe("EC2NodeClass AMI family", () => {
  test("al2023 and al2 aliases: the defaults (6903Mi, 29 pods, 17Gi)", () => {
    for (const alias of ["al2023@latest", "al2@v20240807"]) {
      const m5 = typeOf(run(nodeClass("c", { amiSelectorTerms: [{ alias }] }), nodePool("p", "c", ["m5.large"])), "m5.large");
      expect([alloc(m5, "memory"), alloc(m5, "pods"), alloc(m5, "ephemeral-storage")]).toEqual(["6903Mi", "29", "17Gi"]);
    }
  });

  test("bottlerocket with maxPods 110 sizes kube-reserved memory from 110 pods (6012Mi), AL2023 from the ENI limit (6903Mi)", () => {
    const kubelet = { maxPods: 110 };
    const br = typeOf(run(nodeClass("c", { amiSelectorTerms: [{ alias: "bottlerocket@latest" }], kubelet }), nodePool("p", "c", ["m5.large"])), "m5.large");
    const al = typeOf(run(nodeClass("c", { amiSelectorTerms: [{ alias: "al2023@latest" }], kubelet }), nodePool("p", "c", ["m5.large"])), "m5.large");
    expect([alloc(br, "memory"), alloc(al, "memory")]).toEqual(["6012Mi", "6903Mi"]);
  });

  test.each([
    ["windows2019@latest", "10.0.17763"],
    ["windows2022@latest", "10.0.20348"],
    ["windows2025@latest", "10.0.26100"],
  ])("%s: Windows nodes (110 pods, 50Gi root volume, build %s), and only they take a Windows pod", (alias, build) => {
    const windowsPod = deployment("iis", 1, { cpu: "500m" }, { "kubernetes.io/os": "windows" });
    const r = run(nodeClass("c", { amiSelectorTerms: [{ alias }] }), nodePool("p", "c", ["m5.large"]), windowsPod);
    const m5 = typeOf(r, "m5.large");
    expect([alloc(m5, "pods"), alloc(m5, "memory"), alloc(m5, "ephemeral-storage")]).toEqual(["110", "6012Mi", "44Gi"]);
    expect(m5.requirements.get("node.kubernetes.io/windows-build").values).toEqual(new Set([build]));
    expect(claims(r)).toEqual(["m5.large × 1"]);
    expect(run(nodeClass("c", {}), nodePool("p", "c", ["m5.large"]), windowsPod).result.nodeClaims).toEqual([]);
  });

  test("spec.amiFamily wins over the alias; no alias and no amiFamily is Custom (ENI-limited, as AL2023)", () => {
    const explicit = typeOf(
      run(
        nodeClass("c", { amiFamily: "Bottlerocket", amiSelectorTerms: [{ alias: "al2023@latest" }], kubelet: { maxPods: 110 } }),
        nodePool("p", "c", ["m5.large"]),
      ),
      "m5.large",
    );
    expect(alloc(explicit, "memory")).toBe("6012Mi");
    const custom = typeOf(run(nodeClass("c", { amiSelectorTerms: [{ id: "ami-0123456789abcdef0" }] }), nodePool("p", "c", ["m5.large"])), "m5.large");
    expect([alloc(custom, "memory"), alloc(custom, "pods")]).toEqual(["6903Mi", "29"]);
  });
});

describe("EC2NodeClass subnets", () => {
  test("status.subnets zones are the only zones a claim can launch in", () => {
    const status = {
      subnets: [
        { id: "subnet-b", zone: "us-east-1b", zoneID: "use1-az2" },
        { id: "subnet-c", zone: "us-east-1c" },
      ],
    };
    const open = run(nodeClass("c", {}), nodePool("p", "c", ["m5.large"]), deployment("web", 1, { cpu: "1" }));
    expect(open.result.nodeClaims.map((c) => c.zone)).toEqual(["us-east-1a"]);
    const r = run(nodeClass("c", {}, status), nodePool("p", "c", ["m5.large"]), deployment("web", 1, { cpu: "1" }));
    expect(r.result.nodeClaims.map((c) => c.zone)).toEqual(["us-east-1b"]);
    expect(typeOf(r, "m5.large").requirements.get("topology.kubernetes.io/zone").values).toEqual(new Set(["us-east-1b", "us-east-1c"]));
    // A pod that asks for a zone outside the subnets cannot be placed.
    const pinned = run(
      nodeClass("c", {}, status),
      nodePool("p", "c", ["m5.large"]),
      deployment("a", 1, { cpu: "1" }, { "topology.kubernetes.io/zone": "us-east-1a" }),
    );
    expect(pinned.result.nodeClaims).toEqual([]);
  });

  test("zonal spread over the class's zones only", () => {
    const status = {
      subnets: [
        { id: "subnet-a", zone: "us-east-1a" },
        { id: "subnet-d", zone: "us-east-1d" },
      ],
    };
    const spread = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "spread" },
      spec: {
        replicas: 4,
        selector: { matchLabels: { app: "spread" } },
        template: {
          metadata: { labels: { app: "spread" } },
          spec: {
            topologySpreadConstraints: [
              { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "spread" } } },
            ],
            containers: [{ name: "c", image: "pause", resources: { requests: { cpu: "1" } } }],
          },
        },
      },
    };
    const r = run(nodeClass("c", {}, status), nodePool("p", "c", ["m5.large"]), spread);
    expect(r.result.unschedulable).toEqual([]);
    expect([...new Set(r.result.nodeClaims.map((c) => c.zone))].sort()).toEqual(["us-east-1a", "us-east-1d"]);
  });
});

describe("NodePools and their classes", () => {
  test("each NodePool uses its own class's types: a maxPods 5 class and the default class side by side", () => {
    const r = run(
      nodeClass("dense", {}),
      nodeClass("sparse", { kubelet: { maxPods: 5 } }),
      nodePool("a", "sparse", ["m5.large"]),
      nodePool("b", "dense", ["m5.large"]),
      deployment("to-a", 8, { cpu: "10m" }, { "karpenter.sh/nodepool": "a" }),
      deployment("to-b", 8, { cpu: "10m" }, { "karpenter.sh/nodepool": "b" }),
    );
    expect(r.notes).toEqual([]);
    expect(r.result.nodeClaims.map((c) => `${c.nodePool}: ${c.instanceType} × ${c.pods.length}`)).toEqual([
      "a: m5.large × 5",
      "a: m5.large × 3",
      "b: m5.large × 8",
    ]);
    // One variant per class; the claim's requirements are the NodePool's as before.
    expect(r.types.filter((t) => t.name === "m5.large")).toHaveLength(2);
    expect(r.result.nodeClaims[0]?.requirements.find((q) => q.key === "karpenter.sh/nodepool")?.values).toEqual(["a"]);
  });

  test("NodePools sharing one class get the plain catalogue (no per-NodePool variants)", () => {
    const r = run(nodeClass("c", { kubelet: { maxPods: 20 } }), nodePool("a", "c", ["m5.large"]), nodePool("b", "c", ["m5.large"]));
    expect(r.types.filter((t) => t.name === "m5.large")).toHaveLength(1);
    expect(r.types[0]?.requirements.has("karpenter.sh/nodepool")).toBe(false);
  });

  test("a missing class: the defaults and one note naming the NodePool and class", () => {
    const r = run(nodePool("p", "gone", ["m5.large"]), deployment("web", 1, { cpu: "1" }));
    expect(r.notes).toEqual(['NodePool "p": EC2NodeClass "gone" is not in the input; the default AWS settings apply (AL2023, every zone)']);
    expect(r.types).toBe(defaultAwsCatalog());
  });

  test("one note per missing class, naming every NodePool that uses it; other NodeClass kinds are named too", () => {
    const kwok = { ...nodePool("k", "x", ["m5.large"]) };
    const kwokSpec = (kwok["spec"] as { template: { spec: { nodeClassRef: unknown } } }).template.spec;
    kwokSpec.nodeClassRef = { group: "karpenter.kwok.sh", kind: "KWOKNodeClass", name: "x" };
    const r = run(nodePool("a", "gone", ["m5.large"]), nodePool("b", "gone", ["m5.large"]), kwok);
    expect(r.notes).toEqual([
      'NodePools "a", "b": EC2NodeClass "gone" is not in the input; the default AWS settings apply (AL2023, every zone)',
      'NodePool "k": KWOKNodeClass "x" (karpenter.kwok.sh) is not an EC2NodeClass; the default AWS settings apply (AL2023, every zone)',
    ]);
  });

  test("a bad class setting is an error naming the document, class and field", () => {
    const bad =
      (spec: Spec): (() => Run) =>
      () =>
        run(nodeClass("c", spec), nodePool("p", "c", ["m5.large"]));
    expect(bad({ kubelet: { kubeReserved: { memory: "lots" } } })).toThrow(/EC2NodeClass c\): spec\.kubelet\.kubeReserved\.memory/);
    expect(bad({ amiSelectorTerms: [{ alias: "ubuntu@latest" }] })).toThrow(/EC2NodeClass c\): spec\.amiSelectorTerms\[0\]\.alias/);
    expect(bad({ instanceStorePolicy: "RAID5" })).toThrow(/EC2NodeClass c\): spec\.instanceStorePolicy/);
    expect(bad({ kubelet: { evictionHard: { "memory.available": "150%" } } })).toThrow(/spec\.kubelet\.evictionHard\.memory\.available/);
  });

  test("the library refuses what the schema would, naming the class and field", () => {
    const pools = fromKubernetes([{ object: nodePool("p", "c", ["m5.large"]) }]).nodePools;
    const build = (spec: Spec) => () => awsCatalogForNodePools(pools, [{ metadata: { name: "c" }, spec }]);
    expect(build({ kubelet: { kubeReserved: { memory: "lots" } } })).toThrow(/EC2NodeClass "c": spec\.kubelet\.kubeReserved\.memory/);
    expect(build({ amiSelectorTerms: [{ alias: "ubuntu@latest" }] })).toThrow(/EC2NodeClass "c": spec\.amiSelectorTerms\[0\]\.alias/);
    expect(build({ kubelet: { evictionHard: { "memory.available": "150%" } } })).toThrow(/EC2NodeClass "c": spec\.kubelet\.evictionHard\.memory\.available/);
  });
});

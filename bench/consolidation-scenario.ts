// The consolidation benchmark's cluster: a seeded, realistic snapshot (full, under-used and empty nodes in
// several NodePools with budgets and consolidateAfter, do-not-disrupt pods, PDBs, a DaemonSet and a few
// pending pods), and a check that fails loudly when a plan is wrong.
import {
  fitsResources,
  planConsolidation,
  podRequests,
  resourceList,
  resourceListToRecord,
  type ConsolidationInput,
  type ConsolidationPlan,
  type DaemonSet,
  type InstanceType,
  type Node,
  type NodeClaim,
  type NodePool,
  type Pod,
  type PodDisruptionBudget,
  type PlannedNodeClaim,
} from "nodefit";
import { syntheticInstanceTypes } from "nodefit/testing";
import { seededRandom } from "./workloads.js";

/** The instant every plan is made at. */
export const NOW = "2026-03-02T12:00:00Z";
const LONG_AGO = "2026-02-01T00:00:00Z";
const RECENT = "2026-03-02T11:59:50Z";

const CPUS = [100, 250, 500, 1000] as const;
const MEMORIES_MI = [128, 256, 512, 1024, 2048] as const;
/** Node shapes of the synthetic catalogue: fake-it-i has i+1 CPUs, 2(i+1) GiB and 10(i+1) pods. */
const NODE_TYPES = ["fake-it-1", "fake-it-3", "fake-it-7", "fake-it-15"] as const;

function pick<T>(rand: () => number, values: readonly T[]): T {
  return values[Math.floor(rand() * values.length)] as T;
}

function pool(name: string, capacityTypes: readonly string[], disruption: NonNullable<NodePool["spec"]["disruption"]>): NodePool {
  return {
    metadata: { name },
    spec: {
      template: { spec: { requirements: [{ key: "karpenter.sh/capacity-type", operator: "In", values: [...capacityTypes] }] } },
      limits: { cpu: "100000", memory: "100000Gi" },
      disruption,
    },
  };
}

/** Four NodePools: percentage, count and scheduled budgets, consolidateAfter from 0s to 5m, one WhenEmpty. */
function nodePools(): NodePool[] {
  return [
    pool("general", ["on-demand"], { consolidationPolicy: "WhenEmptyOrUnderutilized", consolidateAfter: "0s", budgets: [{ nodes: "10%" }] }),
    pool("spot", ["spot", "on-demand"], {
      consolidationPolicy: "WhenEmptyOrUnderutilized",
      consolidateAfter: "30s",
      budgets: [{ nodes: "20%" }, { nodes: "0", schedule: "0 0 * * *", duration: "1h" }],
    }),
    pool("batch", ["on-demand"], { consolidationPolicy: "WhenEmptyOrUnderutilized", consolidateAfter: "1m", budgets: [{ nodes: "5" }] }),
    pool("stateful", ["on-demand"], { consolidationPolicy: "WhenEmpty", consolidateAfter: "5m", budgets: [{ nodes: "1" }] }),
  ];
}

const DAEMON_SET: DaemonSet = {
  metadata: { name: "node-agent", namespace: "kube-system" },
  spec: {
    template: {
      metadata: { labels: { app: "node-agent" } },
      spec: { containers: [{ name: "agent", resources: { requests: { cpu: "100m", memory: "128Mi" } } }] },
    },
  },
};

function appPod(rand: () => number, index: number, nodeName: string | undefined, cpu: number, memoryMi: number): Pod {
  const name = `app-${String(index).padStart(6, "0")}`;
  const app = rand() < 0.01 ? `db-${Math.floor(rand() * 2)}` : `svc-${Math.floor(rand() * 60)}`;
  const annotations = rand() < 0.004 ? { annotations: { "karpenter.sh/do-not-disrupt": "true" } } : {};
  return {
    metadata: {
      name,
      namespace: "default",
      uid: name,
      labels: { app },
      creationTimestamp: LONG_AGO,
      ...annotations,
      ownerReferences: [{ kind: "ReplicaSet", name: `${app}-rs`, controller: true }],
    },
    spec: {
      ...(nodeName === undefined ? {} : { nodeName }),
      containers: [{ name: "app", resources: { requests: { cpu: `${cpu}m`, memory: `${memoryMi}Mi` } } }],
    },
    status: { phase: nodeName === undefined ? "Pending" : "Running" },
  };
}

function agentPod(nodeName: string): Pod {
  const name = `node-agent-${nodeName}`;
  return {
    metadata: {
      name,
      namespace: "kube-system",
      uid: name,
      labels: { app: "node-agent" },
      creationTimestamp: LONG_AGO,
      ownerReferences: [{ kind: "DaemonSet", name: "node-agent", controller: true }],
    },
    spec: { nodeName, containers: [{ name: "agent", resources: { requests: { cpu: "100m", memory: "128Mi" } } }] },
    status: { phase: "Running" },
  };
}

function nodeOf(name: string, type: InstanceType, pool: string, zone: string, capacityType: string): Node {
  return {
    metadata: {
      name,
      creationTimestamp: LONG_AGO,
      labels: {
        "kubernetes.io/hostname": name,
        "topology.kubernetes.io/zone": zone,
        "node.kubernetes.io/instance-type": type.name,
        "karpenter.sh/capacity-type": capacityType,
        "karpenter.sh/nodepool": pool,
        "karpenter.sh/initialized": "true",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/os": "linux",
      },
    },
    status: {
      allocatable: resourceListToRecord(type.allocatable),
      capacity: resourceListToRecord(type.capacity),
      conditions: [{ type: "Ready", status: "True" }],
    },
  };
}

/**
 * A seeded cluster of `size` nodes: a third full (80–95% CPU), two fifths under-used (10–40%), a tenth
 * empty but for the DaemonSet pod, the rest half used; spread over four NodePools and three zones.
 */
export function consolidationCluster(size: number, seed = 11): ConsolidationInput {
  const rand = seededRandom(seed);
  const catalog = syntheticInstanceTypes(400);
  const byName = new Map(catalog.map((t) => [t.name, t]));
  const pools = nodePools();
  const nodes: Node[] = [];
  const claims: NodeClaim[] = [];
  const pods: Pod[] = [];
  let podIndex = 0;
  for (let i = 0; i < size; i++) {
    const name = `node-${String(i).padStart(5, "0")}`;
    const poolRoll = rand();
    const poolName = poolRoll < 0.5 ? "general" : poolRoll < 0.8 ? "spot" : poolRoll < 0.95 ? "batch" : "stateful";
    const capacityType = poolName === "spot" && rand() < 0.7 ? "spot" : "on-demand";
    const zone = `test-zone-${1 + Math.floor(rand() * (capacityType === "spot" ? 2 : 3))}`;
    const type = byName.get(pick(rand, NODE_TYPES)) as InstanceType;
    nodes.push(nodeOf(name, type, poolName, zone, capacityType));
    claims.push({
      metadata: { name: `claim-${name}`, creationTimestamp: LONG_AGO, labels: { "karpenter.sh/nodepool": poolName } },
      spec: {},
      status: { nodeName: name, lastPodEventTime: rand() < 0.05 ? RECENT : LONG_AGO, conditions: [{ type: "Initialized", status: "True" }] },
    });
    pods.push(agentPod(name));
    const roll = rand();
    const target = roll < 0.33 ? 0.8 + 0.15 * rand() : roll < 0.73 ? 0.1 + 0.3 * rand() : roll < 0.83 ? 0 : 0.5 + 0.2 * rand();
    const cpuBudget = (type.allocatable.get("cpu") ?? 0) * target - 100;
    const memoryBudget = (type.allocatable.get("memory") ?? 0) * target - 128 * 2 ** 20;
    const podBudget = (type.allocatable.get("pods") ?? 0) - 1;
    let cpu = 0;
    let memory = 0;
    for (let n = 0; n < podBudget; n++) {
      const c = pick(rand, CPUS);
      const m = pick(rand, MEMORIES_MI);
      if (cpu + c > cpuBudget || memory + m * 2 ** 20 > memoryBudget) break;
      cpu += c;
      memory += m * 2 ** 20;
      pods.push(appPod(rand, podIndex++, name, c, m));
    }
  }
  for (let i = 0; i < Math.ceil(size / 50); i++) pods.push(appPod(rand, podIndex++, undefined, pick(rand, CPUS), pick(rand, MEMORIES_MI)));
  const pdbs: PodDisruptionBudget[] = [
    { metadata: { name: "db-0", namespace: "default" }, spec: { maxUnavailable: 0, selector: { matchLabels: { app: "db-0" } } } },
    { metadata: { name: "db-1", namespace: "default" }, spec: { minAvailable: "100%", selector: { matchLabels: { app: "db-1" } } } },
    { metadata: { name: "svc-2", namespace: "default" }, spec: { maxUnavailable: "20%", selector: { matchLabels: { app: "svc-2" } } } },
    { metadata: { name: "svc-3", namespace: "default" }, spec: { minAvailable: 1, selector: { matchLabels: { app: "svc-3" } } } },
  ];
  return { nodes, nodeClaims: claims, nodePools: pools, pods, daemonSets: [DAEMON_SET], podDisruptionBudgets: pdbs, instanceTypes: catalog };
}

function replacementNode(claim: PlannedNodeClaim, type: InstanceType | undefined): Node {
  const labels: Record<string, string> = {};
  for (const r of claim.requirements) if (r.operator === "In" && r.values?.length === 1) labels[r.key] = r.values[0] as string;
  for (const [k, v] of claim.labels) labels[k] = v;
  Object.assign(labels, {
    "karpenter.sh/nodepool": claim.nodePool,
    "node.kubernetes.io/instance-type": claim.instanceType,
    "topology.kubernetes.io/zone": claim.zone,
    "karpenter.sh/capacity-type": claim.capacityType,
    "kubernetes.io/hostname": claim.name,
    "karpenter.sh/initialized": "true",
  });
  return {
    metadata: { name: claim.name, creationTimestamp: NOW, labels },
    spec: { taints: [...claim.taints] },
    status: {
      allocatable: type === undefined ? {} : resourceListToRecord(type.allocatable),
      capacity: type === undefined ? {} : resourceListToRecord(type.capacity),
      conditions: [{ type: "Ready", status: "True" }],
    },
  };
}

/**
 * The cluster after the plan: candidates gone, pods bound to their targets, replacements running, and every
 * node that received pods (or was created) with a pod event at {@link NOW}. Throws when a pod of a removed
 * node that must move has no target, or a target does not exist.
 */
export function applyPlan(input: ConsolidationInput, plan: ConsolidationPlan): ConsolidationInput {
  const removed = new Set(plan.commands.flatMap((c) => c.candidates));
  const target = new Map<string, string>();
  const created: PlannedNodeClaim[] = [];
  for (const command of plan.commands) {
    for (const r of command.reschedules) target.set(r.pod, r.to);
    created.push(...command.replacements);
    for (const name of command.candidates) removed.add(name);
  }
  const catalog = new Map(input.instanceTypes.map((t) => [t.name, t]));
  const nodes = [...input.nodes.filter((n) => !removed.has(n.metadata.name ?? "")), ...created.map((c) => replacementNode(c, catalog.get(c.instanceType)))];
  const names = new Set(nodes.map((n) => n.metadata.name ?? ""));
  const touched = new Set<string>(created.map((c) => c.name));
  const pods: Pod[] = [];
  for (const pod of input.pods) {
    const on = pod.spec.nodeName;
    if (on === undefined || !removed.has(on)) {
      pods.push(pod);
      continue;
    }
    if ((pod.metadata.ownerReferences ?? []).some((o) => o.kind === "DaemonSet")) continue;
    const key = `${pod.metadata.namespace ?? "default"}/${pod.metadata.name ?? ""}`;
    const to = target.get(key);
    if (to === undefined) throw new Error(`pod ${key} on removed node ${on} has no target`);
    if (!names.has(to)) throw new Error(`pod ${key} moves to ${to}, which is not in the resulting cluster`);
    touched.add(to);
    pods.push({ ...pod, spec: { ...pod.spec, nodeName: to } });
  }
  const claims: NodeClaim[] = (input.nodeClaims ?? [])
    .filter((c) => !removed.has(c.status?.nodeName ?? ""))
    .map((c) => (touched.has(c.status?.nodeName ?? "") ? { ...c, status: { ...c.status, lastPodEventTime: NOW } } : c));
  for (const c of created) {
    claims.push({
      metadata: { name: c.name, creationTimestamp: NOW, labels: { "karpenter.sh/nodepool": c.nodePool } },
      spec: { requirements: [...c.requirements], taints: [...c.taints] },
      status: { nodeName: c.name, lastPodEventTime: NOW, conditions: [{ type: "Initialized", status: "True" }] },
    });
  }
  return { ...input, nodes, nodeClaims: claims, pods };
}

/**
 * Fails loudly unless the plan is valid: every pod of a removed node lands somewhere that exists, no node
 * ends up over its allocatable, every consolidation command saves money, the cost never rises, the reported
 * totals match the resulting cluster, and planning again on the result finds nothing more to do.
 */
export function checkPlan(input: ConsolidationInput, plan: ConsolidationPlan): void {
  const after = applyPlan(input, plan);
  const requests = new Map<string, Map<string, number>>();
  for (const pod of after.pods) {
    const on = pod.spec.nodeName;
    if (on === undefined) continue;
    const sum = requests.get(on) ?? new Map<string, number>();
    for (const [k, v] of podRequests(pod.spec)) sum.set(k, (sum.get(k) ?? 0) + v); // podRequests counts the pod itself as pods: 1
    requests.set(on, sum);
  }
  for (const node of after.nodes) {
    const name = node.metadata.name ?? "";
    const used = requests.get(name);
    if (used !== undefined && !fitsResources(used, resourceList(node.status?.allocatable, [], "down")))
      throw new Error(`node ${name} is over its allocatable after the plan`);
  }
  for (const c of plan.commands) {
    if (!(c.savings > 0)) throw new Error(`command on ${c.candidates.join(",")} does not save (${c.savings})`);
  }
  if (plan.summary.hourlyCostAfter > plan.summary.hourlyCostBefore + 1e-9)
    throw new Error(`cost rises: ${plan.summary.hourlyCostBefore} → ${plan.summary.hourlyCostAfter}`);
  const saved = plan.commands.reduce((s, c) => s + c.savings, 0);
  if (Math.abs(plan.summary.hourlyCostBefore - saved - plan.summary.hourlyCostAfter) > 1e-6)
    throw new Error("the commands' savings do not add up to the cost change");
  const again = planConsolidation(after, { now: NOW });
  if (again.commands.length > 0) {
    const first = again.commands[0];
    throw new Error(
      `the plan does not converge: planning again finds ${again.commands.length} command(s), first ${first?.method} ${first?.candidates.join(",")}`,
    );
  }
}

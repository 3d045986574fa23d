/**
 * fast-check arbitraries for small random clusters the consolidation planner can chew on.
 */
import { fc } from "@fast-check/vitest";
import type { ConsolidationInput } from "../../src/consolidation/index.js";
import type { NodeClaim, Pod } from "../../src/types/kubernetes.js";
import { catalog, claim, node, pod, pool } from "./fixtures.js";

const TYPES: readonly (readonly [string, number])[] = [
  ["c-1x", 1000],
  ["c-2x", 2000],
  ["c-4x", 4000],
  ["c-8x", 8000],
];
const CPU = [250, 500, 1000] as const;

export interface RandomCluster {
  readonly input: ConsolidationInput;
  /** Each pool's count budget. */
  readonly budgets: ReadonlyMap<string, number>;
}

const poolArb = (name: string) =>
  fc.record({
    name: fc.constant(name),
    spot: fc.boolean(),
    policy: fc.constantFrom("WhenEmptyOrUnderutilized", "WhenEmptyOrUnderutilized", "WhenEmpty"),
    consolidateAfter: fc.constantFrom("0s", "0s", "10m"),
    budget: fc.integer({ min: 1, max: 3 }),
  });

const nodeArb = fc.record({
  type: fc.integer({ min: 0, max: TYPES.length - 1 }),
  pool: fc.integer({ min: 0, max: 1 }),
  spot: fc.boolean(),
  zone: fc.constantFrom("test-zone-1", "test-zone-2"),
  pods: fc.array(fc.constantFrom(...CPU), { maxLength: 5 }),
  daemon: fc.boolean(),
  doNotDisrupt: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  recentEventMinutes: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
});

/** 1–7 nodes in one or two NodePools with count budgets, 0–5 pods each that fit, and up to 2 pending pods. */
export const randomCluster: fc.Arbitrary<RandomCluster> = fc
  .record({
    pools: fc.tuple(poolArb("default"), poolArb("other")),
    twoPools: fc.boolean(),
    nodes: fc.array(nodeArb, { minLength: 1, maxLength: 7 }),
    pending: fc.array(fc.constantFrom(...CPU), { maxLength: 2 }),
  })
  .map(({ pools, twoPools, nodes, pending }) => {
    const usedPools = twoPools ? pools : [pools[0]];
    const pods: Pod[] = [];
    const claims: NodeClaim[] = [];
    const built = nodes.map((spec, i) => {
      const p = usedPools[spec.pool % usedPools.length] as (typeof pools)[0];
      const [type, capacity] = TYPES[spec.type] as readonly [string, number];
      const name = `node-${i}`;
      let used = 0;
      spec.pods.forEach((cpu, j) => {
        if (used + cpu > capacity) return;
        used += cpu;
        pods.push(pod(`app${j}-${i}`, { node: name, cpu: `${cpu}m`, memory: "256Mi", labels: { app: `app${j}` } }));
      });
      if (spec.daemon) pods.push(pod(`agent-${i}`, { node: name, owner: "DaemonSet", cpu: "0", memory: "0" }));
      if (spec.recentEventMinutes !== undefined) {
        claims.push(claim(name, { lastPodEventTime: new Date(Date.parse("2024-06-01T12:00:00Z") - spec.recentEventMinutes * 60_000).toISOString() }));
      }
      return node(name, {
        type,
        pool: p.name,
        zone: spec.zone,
        capacityType: p.spot && spec.spot ? "spot" : "on-demand",
        ...(spec.doNotDisrupt ? { annotations: { "karpenter.sh/do-not-disrupt": "true" } } : {}),
      });
    });
    pending.forEach((cpu, i) => pods.push(pod(`pending-${i}`, { cpu: `${cpu}m`, memory: "256Mi" })));
    const nodePools = usedPools.map((p) =>
      pool(p.name, {
        policy: p.policy,
        consolidateAfter: p.consolidateAfter,
        budgets: [{ nodes: String(p.budget) }],
        capacityTypes: p.spot ? ["spot", "on-demand"] : ["on-demand"],
      }),
    );
    return {
      input: { nodes: built, nodeClaims: claims, nodePools, pods, instanceTypes: catalog() },
      budgets: new Map(usedPools.map((p) => [p.name, p.budget])),
    };
  });

const tightNodeArb = fc.record({
  type: fc.integer({ min: 0, max: TYPES.length - 1 }),
  pool: fc.integer({ min: 0, max: 1 }),
  spot: fc.boolean(),
  zone: fc.constantFrom("test-zone-1", "test-zone-2"),
  fill: fc.oneof(fc.double({ min: 0.85, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
  memoryHeavy: fc.boolean(),
  tolerateAll: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
  recentEventMinutes: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
  initialized: fc.integer({ min: 0, max: 9 }).map((n) => n !== 0),
});

/**
 * 2–12 nodes filled from empty to full (so some moves are certainly impossible and some barely possible),
 * some pods tolerating every taint, recent pod events, uninitialized nodes, and up to 3 pending pods.
 */
export const tightCluster: fc.Arbitrary<RandomCluster> = fc
  .record({
    pools: fc.tuple(poolArb("default"), poolArb("other")),
    budgets: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })),
    twoPools: fc.boolean(),
    spot: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    nodes: fc.array(tightNodeArb, { minLength: 2, maxLength: 12 }),
    pending: fc.array(fc.constantFrom(...CPU), { maxLength: 3 }),
  })
  .map(({ pools, budgets, twoPools, spot, nodes, pending }) => {
    const usedPools = (twoPools ? pools : [pools[0]]).map((p) => ({ ...p, spot: p.spot && spot }));
    const pods: Pod[] = [];
    const claims: NodeClaim[] = [];
    const built = nodes.map((spec, i) => {
      const p = usedPools[spec.pool % usedPools.length] as (typeof pools)[0];
      const [type, capacity] = TYPES[spec.type] as readonly [string, number];
      const name = `node-${i}`;
      let used = 0;
      for (let j = 0; used + CPU[j % CPU.length]! <= capacity * spec.fill; j++) {
        const cpu = CPU[j % CPU.length] as number;
        used += cpu;
        pods.push(
          pod(`app${j}-${i}`, {
            node: name,
            cpu: `${cpu}m`,
            memory: spec.memoryHeavy ? `${cpu * 2}Mi` : "128Mi",
            labels: { app: `app${j % 3}` },
            ...(spec.tolerateAll && j === 0 ? { tolerations: [{ operator: "Exists" }] } : {}),
          }),
        );
      }
      if (spec.recentEventMinutes !== undefined || !spec.initialized) {
        claims.push(
          claim(name, {
            ...(spec.recentEventMinutes === undefined
              ? {}
              : { lastPodEventTime: new Date(Date.parse("2024-06-01T12:00:00Z") - spec.recentEventMinutes * 60_000).toISOString() }),
          }),
        );
      }
      return node(name, { type, pool: p.name, zone: spec.zone, capacityType: p.spot && spec.spot ? "spot" : "on-demand", initialized: spec.initialized });
    });
    pending.forEach((cpu, i) => pods.push(pod(`pending-${i}`, { cpu: `${cpu}m`, memory: "256Mi" })));
    const nodePools = usedPools.map((p, i) =>
      pool(p.name, {
        policy: p.policy,
        consolidateAfter: p.consolidateAfter,
        budgets: [{ nodes: String(budgets[i] ?? 1) }],
        capacityTypes: p.spot ? ["spot", "on-demand"] : ["on-demand"],
      }),
    );
    return {
      input: { nodes: built, nodeClaims: claims, nodePools, pods, instanceTypes: catalog() },
      budgets: new Map(usedPools.map((p, i) => [p.name, budgets[i] ?? 1])),
    };
  });

const APPS = ["web", "web", "spread", "solo", "db", "batch"] as const;

const busyNodeArb = fc.record({
  type: fc.integer({ min: 1, max: 3 }),
  tainted: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  spot: fc.boolean(),
  zone: fc.constantFrom("test-zone-1", "test-zone-2"),
  fill: fc.oneof(fc.constant(0), fc.double({ min: 0.15, max: 0.95, noNaN: true }), fc.double({ min: 0.15, max: 0.5, noNaN: true })),
  apps: fc.array(fc.integer({ min: 0, max: APPS.length - 1 }), { minLength: 12, maxLength: 12 }),
  cpus: fc.array(fc.constantFrom(...CPU), { minLength: 12, maxLength: 12 }),
  agent: fc.integer({ min: 0, max: 5 }).map((n) => n !== 0),
  doNotDisrupt: fc.integer({ min: 0, max: 14 }).map((n) => n === 0),
  recentEventMinutes: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
});

const AGENT_CPU = 100;

function appPod(app: (typeof APPS)[number], name: string, cpu: number, nodeName: string | undefined, doNotDisrupt: boolean): Pod {
  const base = pod(name, {
    ...(nodeName === undefined ? {} : { node: nodeName }),
    cpu: `${cpu}m`,
    memory: "256Mi",
    labels: { app },
    ...(doNotDisrupt ? { annotations: { "karpenter.sh/do-not-disrupt": "true" } } : {}),
    ...(app === "batch" ? { tolerations: [{ key: "dedicated", operator: "Equal", value: "batch", effect: "NoSchedule" }] } : {}),
  });
  if (app === "spread") {
    return {
      ...base,
      spec: {
        ...base.spec,
        topologySpreadConstraints: [
          { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "spread" } } },
        ],
      },
    };
  }
  if (app === "solo") {
    return {
      ...base,
      spec: {
        ...base.spec,
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "solo" } } }],
          },
        },
      },
    };
  }
  if (app === "batch") return { ...base, spec: { ...base.spec, nodeSelector: { workload: "batch" } } };
  return base;
}

/**
 * Issue 18's clusters: 30 nodes in a plain NodePool (spot and on-demand when allowed) and a tainted one,
 * a DaemonSet (its pod missing on some nodes), pods of a zone-spread app, a hostname anti-affinity app, a
 * PDB-guarded app and a batch app only the tainted pool takes, some with do-not-disrupt, recent pod events,
 * and up to 4 pending pods.
 */
export const busyCluster: fc.Arbitrary<RandomCluster> = fc
  .record({
    spot: fc.boolean(),
    consolidateAfter: fc.constantFrom("0s", "0s", "10m"),
    budget: fc.constantFrom("10%", "3", "100%"),
    dbBlocking: fc.boolean(),
    nodes: fc.array(busyNodeArb, { minLength: 30, maxLength: 30 }),
    pending: fc.array(fc.tuple(fc.integer({ min: 0, max: APPS.length - 1 }), fc.constantFrom(...CPU)), { maxLength: 4 }),
  })
  .map(({ spot, consolidateAfter, budget, dbBlocking, nodes, pending }) => {
    const pods: Pod[] = [];
    const claims: NodeClaim[] = [];
    const built = nodes.map((spec, i) => {
      const [type, capacity] = TYPES[spec.type] as readonly [string, number];
      const name = `node-${i}`;
      let used = 0;
      if (spec.agent) {
        used += AGENT_CPU;
        const agent = pod(`agent-${i}`, { node: name, cpu: `${AGENT_CPU}m`, memory: "64Mi", labels: { app: "agent" } });
        pods.push({
          ...agent,
          // As the DaemonSet controller makes it: the template's tolerations (its newest pod stands for the DaemonSet).
          spec: { ...agent.spec, tolerations: [{ operator: "Exists" }] },
          metadata: {
            name: `agent-${i}`,
            namespace: "default",
            uid: `uid-agent-${i}`,
            labels: { app: "agent" },
            ownerReferences: [{ kind: "DaemonSet", name: "agent", controller: true }],
          },
        });
      } else {
        used += AGENT_CPU; // the DaemonSet's pod is not there yet: its room stays reserved
      }
      let solo = false;
      spec.apps.forEach((a, j) => {
        const app = APPS[a] as (typeof APPS)[number];
        const cpu = spec.cpus[j] as number;
        if (used + cpu > capacity * spec.fill + AGENT_CPU) return;
        if (app === "solo" && solo) return;
        if (app === "batch" && !spec.tainted) return;
        if (app !== "batch" && spec.tainted && j % 2 === 0) return;
        if (app === "solo") solo = true;
        used += cpu;
        pods.push(appPod(app, `${app}-${i}-${j}`, cpu, name, spec.doNotDisrupt && j === 0));
      });
      claims.push(
        claim(
          name,
          spec.recentEventMinutes === undefined
            ? {}
            : { lastPodEventTime: new Date(Date.parse("2024-06-01T12:00:00Z") - spec.recentEventMinutes * 60_000).toISOString() },
        ),
      );
      const poolName = spec.tainted ? "batch" : "default";
      const n = node(name, {
        type,
        pool: poolName,
        zone: spec.zone,
        capacityType: spot && spec.spot && !spec.tainted ? "spot" : "on-demand",
        ...(spec.tainted ? { labels: { workload: "batch" } } : {}),
      });
      return spec.tainted ? { ...n, spec: { taints: [{ key: "dedicated", value: "batch", effect: "NoSchedule" as const }] } } : n;
    });
    pending.forEach(([a, cpu], i) => pods.push(appPod(APPS[a] as (typeof APPS)[number], `pending-${i}`, cpu, undefined, false)));
    const plain = pool("default", { consolidateAfter, budgets: [{ nodes: budget }], capacityTypes: spot ? ["spot", "on-demand"] : ["on-demand"] });
    const base = pool("batch", { consolidateAfter, budgets: [{ nodes: budget }], labels: { workload: "batch" } });
    const template = base.spec.template ?? {};
    const tainted = {
      ...base,
      spec: {
        ...base.spec,
        template: { ...template, spec: { ...template.spec, taints: [{ key: "dedicated", value: "batch", effect: "NoSchedule" as const }] } },
      },
    };
    return {
      input: {
        nodes: built,
        nodeClaims: claims,
        nodePools: [plain, tainted],
        pods,
        daemonSets: [
          {
            metadata: { name: "agent", namespace: "default" },
            spec: {
              template: {
                metadata: { labels: { app: "agent" } },
                spec: { tolerations: [{ operator: "Exists" }], containers: [{ name: "a", resources: { requests: { cpu: `${AGENT_CPU}m`, memory: "64Mi" } } }] },
              },
            },
          },
        ],
        podDisruptionBudgets: [
          { metadata: { name: "web", namespace: "default" }, spec: { selector: { matchLabels: { app: "web" } }, maxUnavailable: 1 } },
          {
            metadata: { name: "db", namespace: "default" },
            spec: { selector: { matchLabels: { app: "db" } }, ...(dbBlocking ? { maxUnavailable: 0 } : { minAvailable: "50%" }) },
          },
        ],
        instanceTypes: catalog(),
      },
      budgets: new Map(),
    };
  });

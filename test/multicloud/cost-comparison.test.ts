/**
 * One workload, one NodePool, three clouds: the embedded AWS (us-east-1), Azure (eastus) and GCP
 * (us-central1) catalogues schedule 20 replicas of 500m / 1Gi and 4 of 2 CPU / 8Gi. Every pod must land, every
 * planned node must hold its pods within its type's allocatable, and the hourly costs are reported as test
 * annotations (and compared: spot below on demand where the catalogue prices spot, and the three on-demand bills within a factor of two).
 */
import { describe, expect, test } from "vitest";
import { podRequests, schedule, type InstanceType, type NodePool, type Pod, type ResourceMap, type ScheduleResult } from "nodefit";
import { AWS_WELL_KNOWN_LABELS, defaultAwsCatalog } from "nodefit/aws";
import { AZURE_WELL_KNOWN_LABELS, defaultAzureCatalog } from "nodefit/azure";
import { GCP_WELL_KNOWN_LABELS, defaultGcpCatalog } from "nodefit/gcp";

function pods(name: string, count: number, requests: ResourceMap): Pod[] {
  return Array.from({ length: count }, (_, i) => ({
    metadata: { name: `${name}-${i}`, namespace: "default", uid: `${name}-${i}`, labels: { app: name } },
    spec: { containers: [{ name: "app", resources: { requests } }] },
  }));
}

const WORKLOAD: readonly Pod[] = [...pods("web", 20, { cpu: "500m", memory: "1Gi" }), ...pods("worker", 4, { cpu: "2", memory: "8Gi" })];

function nodePool(capacityType: string): NodePool {
  return {
    metadata: { name: "default" },
    spec: {
      template: {
        metadata: { labels: {} },
        spec: {
          requirements: [
            { key: "karpenter.sh/capacity-type", operator: "In", values: [capacityType] },
            { key: "kubernetes.io/os", operator: "In", values: ["linux"] },
          ],
          taints: [],
        },
      },
    },
  };
}

interface Cloud {
  readonly name: string;
  readonly catalog: () => readonly InstanceType[];
  readonly wellKnown: ReadonlySet<string>;
  /** Whether the embedded catalogue carries spot prices (AWS's prices spot at on demand until given them). */
  readonly spotPriced: boolean;
}

const CLOUDS: readonly Cloud[] = [
  { name: "aws", catalog: () => defaultAwsCatalog(), wellKnown: AWS_WELL_KNOWN_LABELS, spotPriced: false },
  { name: "azure", catalog: () => defaultAzureCatalog(), wellKnown: AZURE_WELL_KNOWN_LABELS, spotPriced: true },
  { name: "gcp", catalog: () => defaultGcpCatalog(), wellKnown: GCP_WELL_KNOWN_LABELS, spotPriced: true },
];

function run(cloud: Cloud, capacityType: string): ScheduleResult {
  return schedule({ pods: WORKLOAD, nodePools: [nodePool(capacityType)], instanceTypes: cloud.catalog() }, { wellKnownLabels: cloud.wellKnown });
}

function describePlan(result: ScheduleResult): string {
  const counts = new Map<string, number>();
  for (const claim of result.nodeClaims) counts.set(claim.instanceType, (counts.get(claim.instanceType) ?? 0) + 1);
  const nodes = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([type, n]) => `${n}× ${type}`)
    .join(", ");
  return `$${result.summary.newHourlyCost.toFixed(4)}/h on ${nodes}`;
}

function assertFeasible(result: ScheduleResult, types: readonly InstanceType[]): void {
  const byName = new Map(types.map((t) => [t.name, t]));
  const byPod = new Map(WORKLOAD.map((p) => [`default/${p.metadata?.name ?? ""}`, p]));
  expect(result.unschedulable).toEqual([]);
  expect(result.summary.scheduled).toBe(WORKLOAD.length);
  expect(result.nodeClaims.flatMap((c) => c.pods).sort()).toEqual([...byPod.keys()].sort());
  for (const claim of result.nodeClaims) {
    const type = byName.get(claim.instanceType);
    expect(type, claim.instanceType).toBeDefined();
    const used = new Map<string, number>();
    for (const name of claim.pods) {
      const pod = byPod.get(name);
      if (pod?.spec === undefined) continue;
      for (const [resource, amount] of podRequests(pod.spec)) used.set(resource, (used.get(resource) ?? 0) + amount);
    }
    for (const [resource, amount] of used) expect(amount).toBeLessThanOrEqual(type?.allocatable.get(resource) ?? 0);
  }
  const total = result.nodeClaims.reduce((sum, c) => sum + c.price, 0);
  expect(result.summary.newHourlyCost).toBeCloseTo(total, 9);
}

describe("the same workload on AWS, Azure and GCP with one NodePool", () => {
  const onDemand = new Map<string, number>();

  test.for(CLOUDS)("$name schedules every pod on demand", (cloud, { annotate }) => {
    const result = run(cloud, "on-demand");
    assertFeasible(result, cloud.catalog());
    expect(result.nodeClaims.every((c) => c.capacityType === "on-demand")).toBe(true);
    onDemand.set(cloud.name, result.summary.newHourlyCost);
    void annotate(`${cloud.name} on-demand: ${describePlan(result)}`);
  });

  test.for(CLOUDS)("$name schedules every pod on spot, for no more than on demand (less where spot is priced)", (cloud, { annotate }) => {
    const spot = run(cloud, "spot");
    assertFeasible(spot, cloud.catalog());
    expect(spot.nodeClaims.every((c) => c.capacityType === "spot")).toBe(true);
    const onDemandCost = run(cloud, "on-demand").summary.newHourlyCost;
    if (cloud.spotPriced) expect(spot.summary.newHourlyCost).toBeLessThan(onDemandCost);
    else expect(spot.summary.newHourlyCost).toBeCloseTo(onDemandCost, 9);
    void annotate(`${cloud.name} spot: ${describePlan(spot)}`);
  });

  test("the three on-demand bills are within a factor of two of each other", ({ annotate }) => {
    const costs = CLOUDS.map((cloud) => onDemand.get(cloud.name) ?? run(cloud, "on-demand").summary.newHourlyCost);
    expect(costs.every((c) => c > 0)).toBe(true);
    expect(Math.max(...costs) / Math.min(...costs)).toBeLessThan(2);
    void annotate(`on-demand $/h: ${CLOUDS.map((c, i) => `${c.name} ${(costs[i] ?? 0).toFixed(4)}`).join(", ")}`);
  });
});

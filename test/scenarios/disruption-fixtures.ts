/**
 * Fixtures shared by the translated disruption suites: upstream's disruption suite runs on the assorted fake catalogue
 * and picks its least and most expensive on-demand and spot instance types; its nodes have 32 CPU and 100 pods
 * allocatable and are initialized and consolidatable.
 */
import type { InstanceType } from "../../src/instance-types/index.js";
import { assortedInstanceTypes } from "../../src/testing/fake-catalog.js";
import type { Budget, Node, NodePool, Pod } from "../../src/types/kubernetes.js";
import { managedNode, pod } from "./helpers.js";

/** The disruption suite's catalogue. */
export const catalogue: InstanceType[] = assortedInstanceTypes();

const cheapestPrice = (t: InstanceType): number => Math.min(...t.offerings.map((o) => o.price));

/** Instance types with an available offering of `capacityType`, cheapest first (ties by name), as the suite sorts them. */
export function byPrice(capacityType: string): InstanceType[] {
  return catalogue
    .filter((t) => t.offerings.some((o) => o.capacityType === capacityType && o.available))
    .sort((a, b) => cheapestPrice(a) - cheapestPrice(b) || (a.name < b.name ? -1 : 1));
}

function first(list: InstanceType[], which: "first" | "last"): InstanceType {
  const t = which === "first" ? list[0] : list[list.length - 1];
  if (t === undefined) throw new Error("empty catalogue");
  return t;
}

/** The suite's leastExpensiveInstance (on-demand). */
export const LEAST_EXPENSIVE: InstanceType = first(byPrice("on-demand"), "first");
/** The suite's mostExpensiveInstance (on-demand). */
export const MOST_EXPENSIVE: InstanceType = first(byPrice("on-demand"), "last");
/** The suite's leastExpensiveSpotInstance. */
export const LEAST_EXPENSIVE_SPOT: InstanceType = first(byPrice("spot"), "first");
/** The suite's mostExpensiveSpotInstance. */
export const MOST_EXPENSIVE_SPOT: InstanceType = first(byPrice("spot"), "last");

/** A NodePool with upstream's test defaults (no requirements) and the given disruption settings. */
export function disruptionPool(name: string, policy: string, budgets: readonly Budget[] = [{ nodes: "100%" }], consolidateAfter = "0s"): NodePool {
  return {
    metadata: { name },
    spec: { template: { spec: { requirements: [] } }, disruption: { consolidationPolicy: policy, consolidateAfter, budgets: [...budgets] } },
  };
}

/** A node of `type` (its first offering's zone and capacity type) in NodePool `pool`, 32 CPU and 100 pods allocatable. */
export function suiteNode(name: string, pool = "default", type: InstanceType = LEAST_EXPENSIVE_SPOT, annotations: Record<string, string> = {}): Node {
  const offering = type.offerings[0];
  const n = managedNode(name, pool, {
    labels: {
      "node.kubernetes.io/instance-type": type.name,
      "karpenter.sh/capacity-type": offering?.capacityType ?? "on-demand",
      "topology.kubernetes.io/zone": offering?.zone ?? "test-zone-1",
    },
    allocatable: { cpu: "32", pods: "100" },
  });
  return { ...n, metadata: { ...n.metadata, annotations, creationTimestamp: "2025-01-01T00:00:00Z" } };
}

/** A running pod on `node`, owned by a `kind` controller, terminating when `terminating`. */
export function owned(
  name: string,
  node: string,
  kind: string,
  terminating = false,
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
): Pod {
  const p = pod(name, { nodeName: node, phase: "Running", labels });
  return {
    ...p,
    metadata: {
      ...p.metadata,
      annotations,
      ownerReferences: [{ kind, name: `${kind.toLowerCase()}-owner`, uid: `${kind}-uid`, controller: true }],
      ...(terminating ? { deletionTimestamp: "2025-01-01T11:59:00Z" } : {}),
    },
  };
}

/** The pod with its one container's requests replaced. */
export function withRequests(p: Pod, requests: Record<string, string>): Pod {
  const [container] = p.spec.containers;
  return container === undefined ? p : { ...p, spec: { ...p.spec, containers: [{ ...container, resources: { requests } }] } };
}

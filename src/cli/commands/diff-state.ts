import type { ConsolidationPlan, InstanceType, ScheduleResult } from "nodefit";
import type { LoadedInput } from "../load.js";
import { nodePriceOf } from "./plan-money.js";

// The cluster one input leads to, as `nodefit diff` compares it: every node (existing, new from scheduling,
// replacement from consolidation) with its NodePool, instance type, price and pods, and where each pod ends.

/** A node of the resulting cluster. */
export interface DiffNode {
  /** The node's name; for planned claims their plan name (`default-1`), which means nothing across inputs. */
  readonly name: string;
  /** True for a node that does not exist yet (a new claim or a replacement). */
  readonly planned: boolean;
  readonly nodePool: string;
  readonly instanceType: string;
  readonly zone: string;
  readonly capacityType: string;
  /** Hourly price; 0 when the catalogue does not know an existing node's offering. */
  readonly price: number;
}

/** The resulting cluster of one input. */
export interface DiffState {
  /** Nodes in a stable order: existing by name, then planned in plan order. */
  readonly nodes: readonly DiffNode[];
  /** Where each pod ends: an existing node's name, or `new <instance type> (<NodePool>)` for a planned one. */
  readonly podLocations: ReadonlyMap<string, string>;
  /** Pods that could not be placed, with their reason. */
  readonly unschedulable: ReadonlyMap<string, { readonly code: string; readonly message: string }>;
}

const podKey = (p: { metadata: { namespace?: string | undefined; name?: string | undefined } }): string =>
  `${p.metadata.namespace ?? "default"}/${p.metadata.name ?? ""}`;

/** Where a pod on a planned node is, in terms that can be compared across inputs. */
export function plannedLocation(instanceType: string, nodePool: string): string {
  return `new ${instanceType} (${nodePool})`;
}

/**
 * The cluster an input leads to: its existing nodes with their bound pods, the scheduler's placements and
 * new claims, and, when a plan is given, its commands applied (candidates removed, replacements added, pods
 * moved).
 *
 * @param input - the loaded input
 * @param result - the schedule of its pending pods
 * @param plan - its consolidation plan, when `--consolidate`
 * @returns the resulting cluster
 */
export function diffStateOf(input: LoadedInput, result: ScheduleResult, plan: ConsolidationPlan | undefined): DiffState {
  const { kubernetes } = input;
  const types = new Map<string, InstanceType>(input.instanceTypes.map((t) => [t.name, t]));
  const labels = (n: (typeof kubernetes.nodes)[number]): ReadonlyMap<string, string> => new Map(Object.entries(n.metadata.labels ?? {}));
  const nodes = new Map<string, DiffNode>();
  for (const node of [...kubernetes.nodes].sort((a, b) => ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1))) {
    const l = labels(node);
    const name = node.metadata.name ?? "";
    nodes.set(name, {
      name,
      planned: false,
      nodePool: l.get("karpenter.sh/nodepool") ?? "",
      instanceType: l.get("node.kubernetes.io/instance-type") ?? l.get("beta.kubernetes.io/instance-type") ?? "",
      zone: l.get("topology.kubernetes.io/zone") ?? "",
      capacityType: l.get("karpenter.sh/capacity-type") ?? "",
      price: nodePriceOf(node, types) ?? 0,
    });
  }
  const locations = new Map<string, string>();
  for (const pod of [...kubernetes.boundPods].sort((a, b) => (podKey(a) < podKey(b) ? -1 : 1))) locations.set(podKey(pod), pod.spec.nodeName ?? "");
  const plannedNodes: DiffNode[] = [];
  const claimLocation = new Map<string, string>();
  const addPlanned = (claims: ScheduleResult["nodeClaims"]): void => {
    for (const c of claims) {
      plannedNodes.push({
        name: c.name,
        planned: true,
        nodePool: c.nodePool,
        instanceType: c.instanceType,
        zone: c.zone,
        capacityType: c.capacityType,
        price: c.price,
      });
      claimLocation.set(c.name, plannedLocation(c.instanceType, c.nodePool));
    }
  };
  if (plan !== undefined) {
    for (const command of plan.commands) {
      for (const candidate of command.candidates) nodes.delete(candidate);
      addPlanned(command.replacements);
      for (const r of command.reschedules) locations.set(r.pod, claimLocation.get(r.to) ?? r.to);
    }
    // A replacement that a later command removed is gone too.
    const removed = new Set(plan.commands.flatMap((c) => c.candidates));
    for (let i = plannedNodes.length - 1; i >= 0; i--) if (removed.has(plannedNodes[i]?.name ?? "")) plannedNodes.splice(i, 1);
  }
  addPlanned(result.nodeClaims);
  for (const c of result.nodeClaims) for (const pod of c.pods) locations.set(pod, plannedLocation(c.instanceType, c.nodePool));
  for (const n of result.existingNodes) for (const pod of n.pods) locations.set(pod, n.name);
  const unschedulable = new Map(result.unschedulable.map((u) => [u.pod, { code: u.code, message: u.message }]));
  return { nodes: [...nodes.values(), ...plannedNodes], podLocations: locations, unschedulable };
}

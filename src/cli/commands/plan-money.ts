import type { Decimal } from "decimal.js";
import type { ConsolidationPlan, InstanceType, Node } from "nodefit";
import { sumMoney } from "../render/money.js";

// Reported consolidation money, exact (see render/money.ts): the planner's figures are float64 sums; these
// are the same sums in decimal over the prices as given, from the same prices the planner uses.

const label = (node: Node, ...keys: string[]): string | undefined => {
  const labels = new Map(Object.entries(node.metadata.labels ?? {}));
  for (const key of keys) {
    const value = labels.get(key);
    if (value !== undefined) return value;
  }
  return undefined;
};

/**
 * A running node's hourly price as the planner prices it: the cheapest offering of its instance type in its
 * zone with its capacity type (available or not, since the node already runs).
 *
 * @param node - the node
 * @param types - the catalogue by name
 * @returns the price, or undefined when the catalogue does not know it
 */
export function nodePriceOf(node: Node, types: ReadonlyMap<string, InstanceType>): number | undefined {
  const type = label(node, "node.kubernetes.io/instance-type", "beta.kubernetes.io/instance-type");
  const zone = label(node, "topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone");
  const capacityType = label(node, "karpenter.sh/capacity-type");
  let best: number | undefined;
  for (const o of types.get(type ?? "")?.offerings ?? []) {
    if (o.zone === zone && o.capacityType === capacityType && (best === undefined || o.price < best)) best = o.price;
  }
  return best;
}

/** A plan's money in exact decimals. */
export interface PlanMoney {
  readonly before: Decimal;
  readonly after: Decimal;
  /** Per command, in plan order. */
  readonly savings: readonly Decimal[];
}

/**
 * The plan's hourly cost before and after, and each command's savings, in exact decimals.
 *
 * @param plan - the plan
 * @param nodes - the input's nodes
 * @param catalog - the catalogue
 * @returns the figures
 */
export function planMoney(plan: ConsolidationPlan, nodes: readonly Node[], catalog: readonly InstanceType[]): PlanMoney {
  const types = new Map(catalog.map((t) => [t.name, t]));
  const prices = new Map<string, number>();
  for (const node of nodes) {
    const price = nodePriceOf(node, types);
    if (price !== undefined) prices.set(node.metadata.name ?? "", price);
  }
  // Replacements of earlier commands can be candidates of later ones.
  for (const c of plan.commands) for (const r of c.replacements) prices.set(r.name, r.price);
  const before = sumMoney(nodes.flatMap((n) => prices.get(n.metadata.name ?? "") ?? []));
  const savings = plan.commands.map((c) =>
    sumMoney(c.candidates.flatMap((name) => prices.get(name) ?? [])).minus(sumMoney(c.replacements.map((r) => r.price))),
  );
  return { before, after: before.minus(sumMoney(savings)), savings };
}

/**
 * NodePool limits: what is left of `spec.limits` after the pool's existing nodes, which instance types a new
 * node claim may still use, and the pessimistic subtraction after opening one.
 *
 * @module
 */
import type { InstanceType } from "../instance-types/index.js";
import type { ResourceList } from "../resources/index.js";
import type { NodePoolTemplate } from "./templates.js";

/** The resource name `limits.nodes` uses. */
export const NODES_RESOURCE = "nodes";

/** Remaining limits per NodePool; NodePools without limits are absent. */
export class RemainingLimits {
  private readonly remaining = new Map<string, ResourceList>();
  /** Bumped on every change so memo tables can tell. */
  version = 0;

  /**
   * @param templates - the NodePool templates
   * @param usage - summed capacity of each pool's existing nodes (with `nodes: 1` per node)
   */
  constructor(templates: readonly NodePoolTemplate[], usage: ReadonlyMap<string, ResourceList>) {
    for (const t of templates) {
      if (t.limits === undefined) continue;
      const used = usage.get(t.name);
      const left = new Map<string, number>();
      for (const [name, amount] of t.limits) left.set(name, amount - (used?.get(name) ?? 0));
      this.remaining.set(t.name, left);
    }
  }

  /**
   * The instance types a new claim of this pool may use.
   *
   * @param template - the NodePool template
   * @returns the types (all when unlimited), or why none
   */
  allowed(template: NodePoolTemplate): { readonly ok: true; readonly types: readonly InstanceType[] } | { readonly ok: false; readonly message: string; readonly resources: readonly string[] } {
    const left = this.remaining.get(template.name);
    if (left === undefined) return { ok: true, types: template.instanceTypes };
    const nodesLeft = left.get(NODES_RESOURCE);
    if (nodesLeft !== undefined && nodesLeft <= 0) {
      return { ok: false, message: `node limits have been exhausted for nodepool "${template.name}"`, resources: [NODES_RESOURCE] };
    }
    const types = template.instanceTypes.filter((t) => withinLimits(t.capacity, left));
    if (types.length === 0) {
      const over = [...left].filter(([name, amount]) => name !== NODES_RESOURCE && template.instanceTypes.every((t) => (t.capacity.get(name) ?? 0) > amount));
      return {
        ok: false,
        message: `all available instance types exceed limits for nodepool "${template.name}"`,
        resources: over.map(([name]) => name).sort(),
      };
    }
    return { ok: true, types };
  }

  /**
   * Subtracts the largest capacity among a new claim's options (and one node) from its pool's limits.
   *
   * @param template - the claim's NodePool
   * @param options - the claim's remaining options
   */
  subtractMax(template: NodePoolTemplate, options: readonly InstanceType[]): void {
    const left = this.remaining.get(template.name);
    if (left === undefined) return;
    const max = elementwiseMax(options.map((t) => t.capacity));
    // Only limited resources are tracked; `nodes` counts this claim as one node.
    const next = new Map<string, number>();
    for (const [name, amount] of left) next.set(name, amount - (name === NODES_RESOURCE ? 1 : (max.get(name) ?? 0)));
    this.remaining.set(template.name, next);
    this.version++;
  }
}

function withinLimits(capacity: ResourceList, left: ReadonlyMap<string, number>): boolean {
  for (const [name, amount] of left) {
    if (name === NODES_RESOURCE) continue;
    if ((capacity.get(name) ?? 0) > amount) return false;
  }
  return true;
}

/**
 * Per resource, the largest amount in any of the lists (one pass, one map).
 *
 * @param lists - resource lists
 * @returns the element-wise maximum
 */
export function elementwiseMax(lists: readonly ResourceList[]): ResourceList {
  const max = new Map<string, number>();
  for (const list of lists) {
    for (const [name, amount] of list) {
      const seen = max.get(name);
      if (seen === undefined || amount > seen) max.set(name, amount);
    }
  }
  return max;
}

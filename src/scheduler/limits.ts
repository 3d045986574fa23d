/**
 * NodePool limits: what is left of `spec.limits` after the pool's existing nodes, which instance types a new
 * node claim may still use, and the pessimistic subtraction after opening one.
 *
 * @module
 */
import type { CatalogueVectors } from "../instance-types/catalogue-vectors.js";
import { OptionSet } from "../instance-types/option-set.js";
import type { ResourceList } from "../resources/index.js";
import type { PlacementTemplate } from "./placement-template.js";
import type { NodeClaimTemplate } from "./nodeclaim-template.js";

/** The resource name `limits.nodes` uses. */
export const NODES_RESOURCE = "nodes";

/** One pool's remaining limits over the run's resource space, with the allowed types cached. */
interface PoolLimits {
  /** Limited dimensions (never `nodes`) and their names. */
  readonly dims: Int32Array;
  readonly names: readonly string[];
  /** Remaining amount per limited dimension, aligned with `dims`. */
  readonly left: Float64Array;
  /** Remaining node count, when `limits.nodes` is set. */
  nodesLeft: number | undefined;
  /** Options within the limits when last computed, and their per-dimension largest capacity. */
  allowed: { readonly options: OptionSet; readonly maxCapacity: Float64Array } | undefined;
}

/** The instance types a new claim may use, or why none. */
export type AllowedTypes =
  | { readonly ok: true; readonly options: OptionSet }
  | { readonly ok: false; readonly message: string; readonly resources: readonly string[] };

/** Remaining limits per NodePool; NodePools without limits are absent. */
export class RemainingLimits {
  private readonly pools = new Map<string, PoolLimits>();
  /** Bumped on every change so memo tables can tell. */
  version = 0;

  /**
   * @param templates - the NodePool templates
   * @param usage - summed capacity of each pool's existing nodes (with `nodes: 1` per node)
   * @param vectors - the run's catalogue vectors (their space holds every limited resource)
   */
  constructor(
    templates: readonly NodeClaimTemplate[],
    usage: ReadonlyMap<string, ResourceList>,
    private readonly vectors: CatalogueVectors,
  ) {
    for (const t of templates) {
      if (t.limits === undefined) continue;
      const used = usage.get(t.name);
      const names: string[] = [];
      const dims: number[] = [];
      const left: number[] = [];
      let nodesLeft: number | undefined;
      for (const [name, amount] of t.limits) {
        const remaining = amount - (used?.get(name) ?? 0);
        if (name === NODES_RESOURCE) {
          nodesLeft = remaining;
          continue;
        }
        names.push(name);
        dims.push(vectors.space.indexOf(name));
        left.push(remaining);
      }
      this.pools.set(t.name, { dims: Int32Array.from(dims), names, left: Float64Array.from(left), nodesLeft, allowed: undefined });
    }
  }

  /**
   * The instance types a new claim of this pool may use.
   *
   * @param template - the NodePool template
   * @returns the options (all of the template's when unlimited), or why none
   */
  allowed(template: PlacementTemplate): AllowedTypes {
    const pool = this.pools.get(template.name);
    if (pool === undefined) return { ok: true, options: template.options };
    if (pool.nodesLeft !== undefined && pool.nodesLeft <= 0) {
      return { ok: false, message: `node limits have been exhausted for nodepool "${template.name}"`, resources: [NODES_RESOURCE] };
    }
    // Limits only shrink, so the allowed types only shrink: re-filter only when the largest may no longer fit.
    let allowed = pool.allowed;
    if (allowed === undefined || !this.within(allowed.maxCapacity, 0, pool)) {
      allowed = this.filter(allowed?.options ?? template.options, pool);
      pool.allowed = allowed;
    }
    if (allowed.options.size === 0) {
      const over = pool.names.filter((_, k) => template.options.ids.every((id) => this.capacityOf(id, pool.dims[k] as number) > (pool.left[k] as number)));
      return {
        ok: false,
        message: `all available instance types exceed limits for nodepool "${template.name}"`,
        resources: [...over].sort(),
      };
    }
    return { ok: true, options: allowed.options };
  }

  /**
   * Subtracts the largest capacity among a new claim's options (and one node) from its pool's limits.
   *
   * @param template - the claim's NodePool
   * @param options - the claim's remaining options
   */
  subtractMax(template: NodeClaimTemplate, options: OptionSet): void {
    const optionIds = options.ids;
    const pool = this.pools.get(template.name);
    if (pool === undefined) return;
    const stride = this.vectors.dims;
    const capacity = this.vectors.capacity;
    for (let k = 0; k < pool.dims.length; k++) {
      const d = pool.dims[k] as number;
      let max = 0;
      for (let i = 0; i < optionIds.length; i++) {
        const c = capacity[(optionIds[i] as number) * stride + d] as number;
        if (c > max) max = c;
      }
      pool.left[k] = (pool.left[k] as number) - max;
    }
    if (pool.nodesLeft !== undefined) pool.nodesLeft -= 1;
    this.version++;
  }

  private capacityOf(id: number, d: number): number {
    return this.vectors.capacity[id * this.vectors.dims + d] as number;
  }

  /** Whether a capacity row (at `offset` in `row`) is within every limited dimension. */
  private within(row: Float64Array, offset: number, pool: PoolLimits): boolean {
    for (let k = 0; k < pool.dims.length; k++) {
      if ((row[offset + (pool.dims[k] as number)] as number) > (pool.left[k] as number)) return false;
    }
    return true;
  }

  private filter(options: OptionSet, pool: PoolLimits): NonNullable<PoolLimits["allowed"]> {
    const stride = this.vectors.dims;
    const ids = options.ids;
    const keptIds: number[] = [];
    const maxCapacity = new Float64Array(stride);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if (!this.within(this.vectors.capacity, id * stride, pool)) continue;
      keptIds.push(id);
      for (let d = 0; d < stride; d++) {
        const c = this.vectors.capacity[id * stride + d] as number;
        if (c > (maxCapacity[d] as number)) maxCapacity[d] = c;
      }
    }
    return { options: keptIds.length === ids.length ? options : OptionSet.ofIds(options.index, Int32Array.from(keptIds)), maxCapacity };
  }
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

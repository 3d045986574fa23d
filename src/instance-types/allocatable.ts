/**
 * Allocatable resources: what the kubelet offers pods once the system's reservations are taken out.
 *
 * @module
 */
import type { ResourceList } from "../resources/index.js";

/**
 * The resources an instance type holds back from pods. Each part is summed per resource.
 *
 * @category Instance types
 */
export interface InstanceTypeOverhead {
  /** Reserved for Kubernetes daemons (kubelet, container runtime). */
  readonly kubeReserved: ResourceList;
  /** Reserved for operating-system daemons. */
  readonly systemReserved: ResourceList;
  /** Kept free so the kubelet's hard eviction threshold is never crossed. */
  readonly evictionThreshold: ResourceList;
}

/**
 * An overhead that holds nothing back.
 *
 * @category Instance types
 */
export const NO_OVERHEAD: InstanceTypeOverhead = {
  kubeReserved: new Map(),
  systemReserved: new Map(),
  evictionThreshold: new Map(),
};

const HUGEPAGES_PREFIX = "hugepages-";

/**
 * The sum of the three overhead parts, per resource.
 *
 * @param overhead - kube-reserved, system-reserved and eviction threshold
 * @returns their per-resource total
 * @category Instance types
 */
export function overheadTotal(overhead: InstanceTypeOverhead): ResourceList {
  const total = new Map<string, number>();
  for (const part of [overhead.kubeReserved, overhead.systemReserved, overhead.evictionThreshold]) {
    for (const [name, amount] of part) total.set(name, (total.get(name) ?? 0) + amount);
  }
  return total;
}

/**
 * Computes allocatable = capacity − overhead, then takes every `hugepages-*` capacity out of memory (floored at
 * zero), because huge pages are carved from the node's memory before pods see it. Overhead on resources the
 * capacity does not list is ignored; the result can be negative when an overhead exceeds its capacity.
 *
 * @param capacity - the instance type's capacity in base units
 * @param overhead - what the node holds back
 * @returns allocatable, with the same keys as the capacity (plus `memory` when huge pages exist)
 * @example
 * ```ts
 * allocatableOf(new Map([["cpu", 4000]]), { ...NO_OVERHEAD, kubeReserved: new Map([["cpu", 100]]) }); // cpu 3900
 * ```
 * @category Instance types
 */
export function allocatableOf(capacity: ResourceList, overhead: InstanceTypeOverhead): ResourceList {
  const reserved = overheadTotal(overhead);
  const out = new Map<string, number>();
  for (const [name, amount] of capacity) out.set(name, amount - (reserved.get(name) ?? 0));
  let hugepages = 0;
  for (const [name, amount] of capacity) if (name.startsWith(HUGEPAGES_PREFIX)) hugepages += amount;
  if (hugepages > 0) out.set("memory", Math.max(0, (out.get("memory") ?? 0) - hugepages));
  return out;
}

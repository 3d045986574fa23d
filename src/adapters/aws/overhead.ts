/**
 * What kubelet holds back on an EC2 node: kube-reserved (CPU tiers, 11Mi per pod + 255Mi, 1Gi of disk),
 * system-reserved, and the hard-eviction thresholds, each overridable as an EC2NodeClass allows.
 */
import { InputError, quantityToAmount, type ResourceList } from "nodefit";
import type { AwsAmiFamilyTraits } from "./ami-family.js";
import { eniLimitedPodsOf } from "./capacity.js";
import { defaultStorageEvictionBytes, kubeReservedCpuMillis, kubeReservedMemoryMiB, percentageEviction } from "./formulas.js";
import type { AwsEvictionInput, AwsInstanceTypeOptions, AwsResourceInput } from "./options.js";
import type { InstanceTypeInfo } from "./types.js";

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/**
 * Kubelet's reservations and eviction thresholds for one type, in base units.
 *
 * @category Overhead
 */
export interface AwsOverhead {
  readonly kubeReserved: ResourceList;
  readonly systemReserved: ResourceList;
  readonly evictionThreshold: ResourceList;
}

/**
 * The overhead of a type under a NodeClass.
 *
 * @param info - the record
 * @param capacity - its capacity (from `awsCapacity`)
 * @param traits - the AMI family's flags
 * @param options - kubelet settings
 * @returns kube-reserved, system-reserved and eviction threshold
 * @example awsOverhead(m5Large, capacity, amiFamilyTraits("AL2023"), {}).kubeReserved.get("cpu") // 70
 *
 * @category Overhead
 */
export function awsOverhead(info: InstanceTypeInfo, capacity: ResourceList, traits: AwsAmiFamilyTraits, options: AwsInstanceTypeOptions): AwsOverhead {
  // AL2 and AL2023 size kube-reserved memory from the ENI limit even when maxPods says otherwise.
  const pods = traits.usesEniLimitedMemoryOverhead ? eniLimitedPodsOf(info, 0, options) : (capacity.get("pods") ?? 0);
  const kubeReserved = new Map<string, number>([
    ["cpu", kubeReservedCpuMillis(capacity.get("cpu") ?? 0)],
    ["memory", kubeReservedMemoryMiB(pods) * MIB],
    ["ephemeral-storage", GIB],
  ]);
  for (const [resource, amount] of readResources(options.kubeReserved, "kubeReserved")) kubeReserved.set(resource, amount);
  return {
    kubeReserved,
    systemReserved: readResources(options.systemReserved, "systemReserved"),
    evictionThreshold: evictionThreshold(capacity, options.evictionHard),
  };
}

const SIGNALS: ReadonlyMap<string, string> = new Map([
  ["memory.available", "memory"],
  ["nodefs.available", "ephemeral-storage"],
]);

/**
 * Hard-eviction thresholds: 100Mi of memory and 10% of ephemeral storage unless `evictionHard` sets the
 * signal. Soft eviction does not count, because kubelet only subtracts hard thresholds from allocatable.
 *
 * @param capacity - the type's capacity
 * @param evictionHard - kubelet `evictionHard`
 * @returns thresholds in bytes
 *
 * @category Overhead
 */
export function evictionThreshold(capacity: ResourceList, evictionHard: AwsEvictionInput | undefined): ResourceList {
  const storage = capacity.get("ephemeral-storage") ?? 0;
  const threshold = new Map<string, number>([
    ["memory", 100 * MIB],
    ["ephemeral-storage", defaultStorageEvictionBytes(storage)],
  ]);
  for (const [signal, value] of entries(evictionHard)) {
    const resource = SIGNALS.get(signal);
    if (resource === undefined) continue;
    threshold.set(resource, evictionSignal(capacity.get(resource) ?? 0, value, signal));
  }
  return threshold;
}

/**
 * One eviction signal's threshold: a percentage of capacity (rounded up; `100%` disables it) or a quantity.
 *
 * @param capacity - the resource's capacity in base units
 * @param value - e.g. `"5%"` or `"500Mi"`
 * @param signal - the signal name, for error paths
 * @returns the threshold in base units
 *
 * @category Overhead
 */
export function evictionSignal(capacity: number, value: string, signal: string = "signal"): number {
  if (!value.endsWith("%")) return quantityToAmount("memory", value);
  const percent = Number(value.slice(0, -1));
  if (value.length < 2 || !Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new InputError(`eviction threshold ${JSON.stringify(value)} is not a percentage between 0% and 100%`, ["evictionHard", signal]);
  }
  return percentageEviction(capacity, percent);
}

function entries<V>(input: ReadonlyMap<string, V> | { readonly [key: string]: V } | undefined): [string, V][] {
  if (input === undefined) return [];
  return input instanceof Map ? [...input] : Object.entries(input as { readonly [key: string]: V });
}

function readResources(input: AwsResourceInput | undefined, field: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [resource, quantity] of entries(input)) {
    try {
      out.set(resource, quantityToAmount(resource, quantity));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new InputError(message, [field, resource]);
    }
  }
  return out;
}

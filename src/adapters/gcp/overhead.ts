/**
 * Capacity and overhead of a GKE node under the community Karpenter GCP provider (reference §2.2): memory
 * less 7%, pods 110 or the NodeClass's limit, ephemeral storage on the boot disk or local SSDs; kube-reserved
 * from GKE's tiers, system-reserved 100m for kube-proxy, eviction 100Mi and 10% of the disk.
 */
import { InputError, quantityToAmount, type ResourceList } from "nodefit";
import {
  GCP_DEFAULT_BOOT_DISK_GIB,
  GKE_EVICTION_MEMORY_MIB,
  GKE_KUBE_PROXY_CPU_MILLIS,
  gcpMemoryCapacityBytes,
  gkeEphemeralReservation,
  gkeKubeReservedCpuMillis,
  gkeKubeReservedMemoryMiB,
  gkeMaxPods,
} from "./formulas.js";
import { gceAcceleratorCount } from "./labels.js";
import type { GcpInstanceTypeOptions, GcpResourceInput } from "./options.js";
import type { GceMachineType } from "./types.js";

const MIB = 2 ** 20;
const GIB = 2 ** 30;

/** The disks backing ephemeral storage, GiB. */
interface Disks {
  readonly bootGiB: number;
  readonly ssdGiB: number;
  readonly ssdCount: number;
}

function disksOf(machineType: GceMachineType, options: GcpInstanceTypeOptions): Disks {
  const ssds = options.localSsdEphemeral === true ? (machineType.scratchDisks ?? []) : [];
  return {
    bootGiB: options.bootDiskSizeGiB ?? GCP_DEFAULT_BOOT_DISK_GIB,
    ssdGiB: ssds.reduce((n, d) => n + d.diskGb, 0),
    ssdCount: ssds.length,
  };
}

/**
 * The capacity of a machine type: vCPUs, memory less the VM overhead, pods, ephemeral storage (local SSD
 * total when they hold it, else the boot disk) and `nvidia.com/gpu` (0 without accelerators).
 *
 * @param machineType - the record
 * @param options - maxPods, podsPerCore, disks and memory overhead
 * @returns capacity in base units
 * @example gcpCapacity(n2Standard2).get("pods") // 110
 *
 * @category Capacity
 */
export function gcpCapacity(machineType: GceMachineType, options: GcpInstanceTypeOptions = {}): ResourceList {
  const disks = disksOf(machineType, options);
  return new Map([
    ["cpu", machineType.guestCpus * 1000],
    ["memory", gcpMemoryCapacityBytes(machineType.memoryMb, options.vmMemoryOverheadPercent)],
    ["pods", gkeMaxPods(machineType.guestCpus, options.maxPods, options.podsPerCore)],
    ["ephemeral-storage", (disks.ssdGiB > 0 ? disks.ssdGiB : disks.bootGiB) * GIB],
    ["nvidia.com/gpu", gceAcceleratorCount(machineType)],
  ]);
}

/**
 * Kubelet's reservations and eviction thresholds for one machine type, in base units.
 *
 * @category Overhead
 */
export interface GcpOverhead {
  readonly kubeReserved: ResourceList;
  readonly systemReserved: ResourceList;
  readonly evictionThreshold: ResourceList;
}

/**
 * The overhead of a machine type. User kubeReserved replaces per key; user systemReserved adds to the
 * computed kube-proxy CPU; evictionHard's `memory.available` / `nodefs.available` replace the defaults
 * (a percentage is of capacity, rounded up).
 *
 * @param machineType - the record
 * @param capacity - its capacity (from {@link gcpCapacity})
 * @param options - kubelet settings and disks
 * @returns kube-reserved, system-reserved and eviction threshold
 * @example gcpOverhead(e2Medium, gcpCapacity(e2Medium)).kubeReserved.get("cpu") // 1060
 *
 * @category Overhead
 */
export function gcpOverhead(machineType: GceMachineType, capacity: ResourceList, options: GcpInstanceTypeOptions = {}): GcpOverhead {
  const disks = disksOf(machineType, options);
  const ephemeral = gkeEphemeralReservation(disks.bootGiB, disks.ssdGiB, disks.ssdCount);
  const kubeReserved = new Map([
    ["cpu", gkeKubeReservedCpuMillis(machineType.name, machineType.guestCpus * 1000)],
    ["memory", gkeKubeReservedMemoryMiB(machineType.memoryMb) * MIB],
    ["ephemeral-storage", ephemeral.systemGiB * GIB],
  ]);
  for (const [resource, amount] of readResources(options.kubeReserved, "kubeReserved")) kubeReserved.set(resource, amount);
  const systemReserved = new Map([["cpu", GKE_KUBE_PROXY_CPU_MILLIS]]);
  for (const [resource, amount] of readResources(options.systemReserved, "systemReserved")) {
    systemReserved.set(resource, (systemReserved.get(resource) ?? 0) + amount);
  }
  const evictionThreshold = new Map([
    ["memory", GKE_EVICTION_MEMORY_MIB * MIB],
    ["ephemeral-storage", ephemeral.evictionGiB * GIB],
  ]);
  for (const [signal, value] of entries(options.evictionHard)) {
    const resource = signal === "memory.available" ? "memory" : signal === "nodefs.available" ? "ephemeral-storage" : undefined;
    if (resource !== undefined) evictionThreshold.set(resource, evictionAmount(capacity.get(resource) ?? 0, value, signal));
  }
  return { kubeReserved, systemReserved, evictionThreshold };
}

function evictionAmount(capacity: number, value: string, signal: string): number {
  if (!value.endsWith("%")) return readAmount("memory", value, ["evictionHard", signal]);
  const percent = Number(value.slice(0, -1));
  if (value.length < 2 || !Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new InputError(`eviction threshold ${JSON.stringify(value)} is not a percentage between 0% and 100%`, ["evictionHard", signal]);
  }
  return Math.ceil((capacity * percent) / 100);
}

function entries<V>(input: ReadonlyMap<string, V> | { readonly [key: string]: V } | undefined): [string, V][] {
  if (input === undefined) return [];
  return input instanceof Map ? [...input] : Object.entries(input as { readonly [key: string]: V });
}

function readResources(input: GcpResourceInput | undefined, field: string): Map<string, number> {
  return new Map(entries(input).map(([resource, quantity]) => [resource, readAmount(resource, quantity, [field, resource])]));
}

function readAmount(resource: string, quantity: string | number, path: readonly string[]): number {
  try {
    return quantityToAmount(resource, quantity);
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error), path);
  }
}

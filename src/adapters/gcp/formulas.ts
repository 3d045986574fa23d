/**
 * GKE node sizing as the community Karpenter GCP provider applies it (reference §2.2), following Google's
 * "Plan GKE node sizes" page, as pure functions over numbers. Each tier is truncated to an integer, as upstream.
 */

/**
 * The provider's default `VM_MEMORY_OVERHEAD_PERCENT` for GCE (§2.2).
 *
 * @category Capacity
 */
export const GCP_VM_MEMORY_OVERHEAD_PERCENT = 0.07;

/**
 * Hard eviction for `memory.available`, MiB (§2.2).
 *
 * @category Overhead
 */
export const GKE_EVICTION_MEMORY_MIB = 100;

/**
 * CPU of GKE's node-owned kube-proxy mirror pod, counted as system-reserved (§2.2), millicores.
 *
 * @category Overhead
 */
export const GKE_KUBE_PROXY_CPU_MILLIS = 100;

/**
 * Kube-reserved CPU of the shared-core E2 types, millicores (§2.2).
 *
 * @category Overhead
 */
export const GKE_SHARED_CORE_CPU_MILLIS = 1060;

/**
 * Pods per node unless the NodeClass says otherwise (§2.2).
 *
 * @category Capacity
 */
export const GKE_DEFAULT_MAX_PODS = 110;

/**
 * Boot disk size when the NodeClass does not give one, GiB (§2.2).
 *
 * @category Capacity
 */
export const GCP_DEFAULT_BOOT_DISK_GIB = 100;

const SHARED_CORE_E2: ReadonlySet<string> = new Set(["e2-micro", "e2-small", "e2-medium"]);

type Tiers = readonly (readonly [width: number, rate: number])[];

const MEMORY_TIERS_MIB: Tiers = [
  [4096, 0.25],
  [4096, 0.2],
  [8192, 0.1],
  [114_688, 0.06],
  [Infinity, 0.02],
];
const CPU_TIERS_MILLIS: Tiers = [
  [1000, 0.06],
  [1000, 0.01],
  [2000, 0.005],
  [Infinity, 0.0025],
];

function tiered(tiers: Tiers, amount: number): number {
  let reserved = 0;
  let rest = amount;
  for (const [width, rate] of tiers) {
    if (rest <= 0) break;
    reserved += Math.trunc(Math.min(rest, width) * rate);
    rest -= width;
  }
  return reserved;
}

/**
 * Kube-reserved memory: 255MiB up to 1GiB of memory, else 25% of the first 4GiB, 20% of the next 4, 10% of
 * the next 8, 6% of the next 112 and 2% above, each tier truncated to whole MiB.
 *
 * @param memoryMiB - the machine type's `memoryMb`
 * @returns reserved MiB
 * @example gkeKubeReservedMemoryMiB(8192) // 1843
 *
 * @category Overhead
 */
export function gkeKubeReservedMemoryMiB(memoryMiB: number): number {
  return memoryMiB <= 1024 ? 255 : tiered(MEMORY_TIERS_MIB, memoryMiB);
}

/**
 * Kube-reserved CPU: 1060m for the shared-core E2 types, else 6% of the first core, 1% of the second, 0.5% of
 * cores three and four and 0.25% above, each tier truncated to whole millicores.
 *
 * @param machineType - the type's name (the shared-core rule goes by name, as upstream)
 * @param cpuMillis - `guestCpus` × 1000
 * @returns reserved millicores
 * @example gkeKubeReservedCpuMillis("n2-standard-4", 4000) // 80
 *
 * @category Overhead
 */
export function gkeKubeReservedCpuMillis(machineType: string, cpuMillis: number): number {
  return SHARED_CORE_E2.has(machineType) ? GKE_SHARED_CORE_CPU_MILLIS : tiered(CPU_TIERS_MILLIS, cpuMillis);
}

/**
 * Memory capacity: `memoryMb` in bytes less `int(bytes × overhead)` (truncated, unlike Azure's ceiling).
 *
 * @param memoryMiB - `memoryMb`
 * @param overheadPercent - `VM_MEMORY_OVERHEAD_PERCENT` as a fraction (0.07 by default)
 * @returns bytes
 * @example gcpMemoryCapacityBytes(8192) // 7988639171
 *
 * @category Capacity
 */
export function gcpMemoryCapacityBytes(memoryMiB: number, overheadPercent: number = GCP_VM_MEMORY_OVERHEAD_PERCENT): number {
  const bytes = memoryMiB * 2 ** 20;
  return bytes - Math.trunc(bytes * overheadPercent);
}

/**
 * Ephemeral-storage reservations in GiB.
 *
 * @category Overhead
 */
export interface GkeEphemeralReservation {
  /** `nodefs.available` hard eviction. */
  readonly evictionGiB: number;
  /** Kube-reserved ephemeral storage ("system reservation" in the GKE docs). */
  readonly systemGiB: number;
}

/**
 * Ephemeral-storage reservations: on the boot disk, eviction `int(10%)` and a system reservation of
 * min(round(50%), round(35% + 6GiB), 100GiB); on local SSDs, eviction `int(10%)` of their total and
 * 50 / 75 / 100 GiB for 1 / 2 / 3+ SSDs.
 *
 * @param bootDiskGiB - boot disk size
 * @param localSsdGiB - total local SSD used for ephemeral storage (0 for none)
 * @param localSsdCount - how many SSDs make it up
 * @returns eviction and system reservation, GiB
 * @example gkeEphemeralReservation(100) // { evictionGiB: 10, systemGiB: 41 }
 *
 * @category Overhead
 */
export function gkeEphemeralReservation(bootDiskGiB: number, localSsdGiB: number = 0, localSsdCount: number = 0): GkeEphemeralReservation {
  if (localSsdCount > 0 && localSsdGiB > 0) {
    return { evictionGiB: Math.trunc(localSsdGiB * 0.1), systemGiB: localSsdCount === 1 ? 50 : localSsdCount === 2 ? 75 : 100 };
  }
  const half = goRound(bootDiskGiB * 0.5);
  const scaled = goRound(bootDiskGiB * 0.35 + 6);
  return { evictionGiB: Math.trunc(bootDiskGiB * 0.1), systemGiB: Math.min(half, scaled, 100) };
}

/**
 * Pods per node: `maxPods` (110 by default), capped at `podsPerCore × vCPUs` when podsPerCore is positive.
 *
 * @param guestCpus - vCPUs
 * @param maxPods - the NodeClass's maxPods
 * @param podsPerCore - kubelet podsPerCore
 * @returns the pod capacity
 * @example gkeMaxPods(2, 110, 10) // 20
 *
 * @category Capacity
 */
export function gkeMaxPods(guestCpus: number, maxPods: number = GKE_DEFAULT_MAX_PODS, podsPerCore?: number): number {
  if (podsPerCore !== undefined && podsPerCore > 0) return Math.min(maxPods, podsPerCore * guestCpus);
  return maxPods;
}

/** Go's `math.Round`: half away from zero (JavaScript's rounds half up). */
function goRound(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

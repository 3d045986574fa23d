/**
 * Karpenter's AWS sizing formulas as pure functions over numbers. Floating-point steps are written in
 * the same order as upstream's Go so that rounding lands on the same integer.
 */

const MIB = 1024 * 1024;

/**
 * Memory Graviton (arm64) kernels set aside for the contiguous memory allocator, in MiB.
 *
 * @category Capacity
 */
export const ARM64_CMA_RESERVE_MIB = 64;

/**
 * Karpenter's default `VM_MEMORY_OVERHEAD_PERCENT`: memory the hypervisor and firmware hide from the OS.
 *
 * @category Capacity
 */
export const DEFAULT_VM_MEMORY_OVERHEAD_PERCENT = 0.075;

/**
 * Memory capacity Karpenter expects the node to report, before any node of the type has been seen.
 *
 * @param sizeInMiB - `MemoryInfo.SizeInMiB`
 * @param arm64 - whether the type's first architecture is arm64
 * @param overheadPercent - the VM memory overhead fraction (0.075 by default)
 * @returns memory capacity in MiB
 * @example vmMemoryCapacityMiB(8192, false) // 7577
 *
 * @category Capacity
 */
export function vmMemoryCapacityMiB(sizeInMiB: number, arm64: boolean, overheadPercent: number = DEFAULT_VM_MEMORY_OVERHEAD_PERCENT): number {
  const mib = arm64 ? sizeInMiB - ARM64_CMA_RESERVE_MIB : sizeInMiB;
  const overhead = Math.ceil((mib * MIB * overheadPercent) / 1024 / 1024);
  return mib - overhead;
}

/**
 * Pods the VPC CNI can address: every usable ENI of the default network card brings its IPv4 addresses
 * minus its own primary, plus two host-network pods.
 *
 * @param enisOnDefaultCard - `NetworkCards[DefaultNetworkCardIndex].MaximumNetworkInterfaces`
 * @param ipv4PerInterface - `Ipv4AddressesPerInterface`
 * @param reservedENIs - ENIs kept for other uses (Karpenter's `RESERVED_ENIS`, plus EFA-only interfaces)
 * @returns the ENI-limited pod count, 0 when no ENI is left
 * @example eniLimitedPods(3, 10) // 29
 *
 * @category Capacity
 */
export function eniLimitedPods(enisOnDefaultCard: number, ipv4PerInterface: number, reservedENIs: number = 0): number {
  const usable = Math.max(enisOnDefaultCard - reservedENIs, 0);
  if (usable === 0) return 0;
  return usable * (ipv4PerInterface - 1) + 2;
}

const CPU_TIERS: readonly (readonly [start: number, end: number, fraction: number])[] = [
  [0, 1000, 0.06],
  [1000, 2000, 0.01],
  [2000, 4000, 0.005],
  [4000, 2 ** 31, 0.0025],
];

/**
 * Kube-reserved CPU from the EKS/Bottlerocket tiers: 6% of the first core, 1% of the second, 0.5% of
 * cores three and four, 0.25% of the rest, each tier truncated to whole millicores.
 *
 * @param cpuMillis - CPU capacity in millicores
 * @returns reserved millicores
 * @example kubeReservedCpuMillis(2000) // 70
 *
 * @category Overhead
 */
export function kubeReservedCpuMillis(cpuMillis: number): number {
  let reserved = 0;
  for (const [start, end, fraction] of CPU_TIERS) {
    if (cpuMillis < start) continue;
    reserved += Math.trunc((Math.min(cpuMillis, end) - start) * fraction);
  }
  return reserved;
}

/**
 * Kube-reserved memory: 11Mi per pod plus 255Mi.
 *
 * @param pods - the pod count the AMI family's rule picks
 * @returns reserved memory in MiB
 * @example kubeReservedMemoryMiB(29) // 574
 *
 * @category Overhead
 */
export function kubeReservedMemoryMiB(pods: number): number {
  return 11 * pods + 255;
}

/**
 * The default `nodefs.available` hard-eviction threshold: 10% of ephemeral storage, rounded up.
 *
 * @param storageBytes - ephemeral-storage capacity in bytes
 * @returns the threshold in bytes
 * @example defaultStorageEvictionBytes(20 * 2 ** 30) // 2147483648
 *
 * @category Overhead
 */
export function defaultStorageEvictionBytes(storageBytes: number): number {
  return Math.ceil((storageBytes / 100) * 10);
}

/**
 * An eviction signal given as a percentage of capacity, rounded up; exactly `100%` disables it (0),
 * as kubelet treats it.
 *
 * @param capacity - the resource's capacity in base units
 * @param percent - the percentage, 0 to 100
 * @returns the threshold in base units
 * @example percentageEviction(1000, 10) // 100
 *
 * @category Overhead
 */
export function percentageEviction(capacity: number, percent: number): number {
  if (percent === 100) return 0;
  return Math.ceil((capacity / 100) * percent);
}

/**
 * Capacity and overhead of an AKS node (reference §2.1 "Capacity / overhead"): CPU and memory from the SKU
 * less the VM memory overhead, ephemeral storage from the OS disk, pods from the network plugin, GPUs by
 * maker; kube-reserved from the tax brackets, nothing system-reserved, 750Mi memory eviction.
 */
import { InputError, quantityToAmount, type ResourceList, type ResourceMap } from "nodefit";
import {
  AZURE_DEFAULT_OS_DISK_SIZE_GB,
  AZURE_EVICTION_MEMORY_MIB,
  azureKubeReservedCpuMillis,
  azureKubeReservedMemoryMiB,
  azureMaxPods,
  azureMemoryCapacityBytes,
} from "./formulas.js";
import { azureGpuManufacturer } from "./labels.js";
import type { AzureInstanceTypeOptions, AzureResourceInput } from "./options.js";
import type { AzureSkuInfo } from "./types.js";

const MIB = 2 ** 20;

/**
 * The capacity of a SKU under an AKSNodeClass. Both GPU resources are always present (0 when the SKU has no
 * GPU of that maker), as upstream lists them.
 *
 * @param sku - the record
 * @param options - osDiskSizeGB, maxPods, network plugin and memory overhead
 * @returns capacity in base units
 * @example azureCapacity(d2sV5, {}).get("pods") // 250
 *
 * @category Capacity
 */
export function azureCapacity(sku: AzureSkuInfo, options: AzureInstanceTypeOptions = {}): ResourceList {
  const gpus = sku.gpus ?? 0;
  const maker = azureGpuManufacturer(sku);
  return new Map([
    ["cpu", sku.vCPUs * 1000],
    ["memory", azureMemoryCapacityBytes(sku.memoryGB, options.vmMemoryOverheadPercent)],
    ["ephemeral-storage", (options.osDiskSizeGB ?? AZURE_DEFAULT_OS_DISK_SIZE_GB) * 1e9],
    ["pods", azureMaxPods(options)],
    ["nvidia.com/gpu", maker === "nvidia" ? gpus : 0],
    ["amd.com/gpu", maker === "amd" ? gpus : 0],
  ]);
}

/**
 * Kubelet's reservations and eviction thresholds for one SKU, in base units.
 *
 * @category Overhead
 */
export interface AzureOverhead {
  readonly kubeReserved: ResourceList;
  readonly systemReserved: ResourceList;
  readonly evictionThreshold: ResourceList;
}

/**
 * The overhead of a SKU: kube-reserved CPU and memory from the SKU's vCPUs and full memory, system-reserved
 * zero, hard eviction 750Mi of memory (no ephemeral-storage threshold is modelled upstream).
 *
 * @param sku - the record
 * @param options - `kubeReserved` / `systemReserved` overrides
 * @returns kube-reserved, system-reserved and eviction threshold
 * @example azureOverhead(d2sV3).kubeReserved.get("cpu") // 100
 *
 * @category Overhead
 */
export function azureOverhead(sku: AzureSkuInfo, options: AzureInstanceTypeOptions = {}): AzureOverhead {
  const kubeReserved = new Map([
    ["cpu", azureKubeReservedCpuMillis(sku.vCPUs)],
    ["memory", azureKubeReservedMemoryMiB(sku.memoryGB) * MIB],
  ]);
  for (const [resource, amount] of readResources(options.kubeReserved, "kubeReserved")) kubeReserved.set(resource, amount);
  const systemReserved = new Map([
    ["cpu", 0],
    ["memory", 0],
  ]);
  for (const [resource, amount] of readResources(options.systemReserved, "systemReserved")) systemReserved.set(resource, amount);
  return { kubeReserved, systemReserved, evictionThreshold: new Map([["memory", AZURE_EVICTION_MEMORY_MIB * MIB]]) };
}

function readResources(input: AzureResourceInput | undefined, field: string): Map<string, number> {
  const out = new Map<string, number>();
  if (input === undefined) return out;
  const entries = input instanceof Map ? [...input] : Object.entries(input as ResourceMap);
  for (const [resource, quantity] of entries) {
    try {
      out.set(resource, quantityToAmount(resource, quantity));
    } catch (error) {
      throw new InputError(error instanceof Error ? error.message : String(error), [field, resource]);
    }
  }
  return out;
}

/**
 * The Azure adapter end to end on the reference's worked example (§2.1, Standard_D2s_v3) and on hand-computed
 * shapes, with every AKSNodeClass option that changes capacity or overhead.
 */
import { describe, expect, test } from "vitest";
import { formatAmount, type InstanceType } from "nodefit";
import { azureInstanceType, type AzureSkuInfo } from "nodefit/azure";

const MIB = 2 ** 20;
const GIB = 2 ** 30;

const D2S_V3: AzureSkuInfo = { name: "Standard_D2s_v3", vCPUs: 2, memoryGB: 8, architecture: "x64", premiumIO: true, zones: ["1", "2", "3"] };
const F16S_V2: AzureSkuInfo = { name: "Standard_F16s_v2", vCPUs: 16, memoryGB: 32, architecture: "x64", maxResourceVolumeMB: 131072 };
const E96S_V5: AzureSkuInfo = { name: "Standard_E96s_v5", vCPUs: 96, memoryGB: 672, architecture: "x64" };

function allocatable(it: InstanceType): Record<string, string> {
  return Object.fromEntries([...it.allocatable].map(([r, a]) => [r, formatAmount(r, a)]));
}

describe("Standard_D2s_v3 (reference §2.1 worked example)", () => {
  const it = azureInstanceType(D2S_V3);

  test("capacity: 2 CPUs, 7,945,689,497 B of memory, 128 GB disk, 250 pods (Azure CNI overlay)", () => {
    expect(it.capacity.get("cpu")).toBe(2000);
    expect(it.capacity.get("memory")).toBe(7_945_689_497);
    expect(it.capacity.get("ephemeral-storage")).toBe(128e9);
    expect(it.capacity.get("pods")).toBe(250);
  });

  test("overhead: kube-reserved 100m / 1843Mi, nothing system-reserved, 750Mi eviction", () => {
    expect(it.overhead.kubeReserved).toEqual(
      new Map([
        ["cpu", 100],
        ["memory", 1843 * MIB],
      ]),
    );
    expect(it.overhead.systemReserved).toEqual(
      new Map([
        ["cpu", 0],
        ["memory", 0],
      ]),
    );
    expect(it.overhead.evictionThreshold).toEqual(new Map([["memory", 750 * MIB]]));
  });

  test("allocatable: cpu 1900m, memory ≈ 4984.6Mi", () => {
    expect(it.allocatable.get("cpu")).toBe(1900);
    const memory = it.allocatable.get("memory") ?? 0;
    expect(memory).toBe(7_945_689_497 - 2593 * MIB);
    expect(memory / MIB).toBeCloseTo(4984.6, 1);
    expect(it.allocatable.get("ephemeral-storage")).toBe(128e9);
  });
});

describe("hand-computed shapes", () => {
  test("Standard_F16s_v2: 16 vCPU / 32 GiB → 260m and 3645Mi + 750Mi held back", () => {
    const it = azureInstanceType(F16S_V2);
    const memoryCapacity = 32 * GIB - Math.ceil(32 * GIB * 0.075);
    expect(it.allocatable.get("cpu")).toBe(16000 - 260);
    expect(it.allocatable.get("memory")).toBe(memoryCapacity - (3645 + 750) * MIB);
  });

  test("Standard_E96s_v5: 96 vCPU / 672 GiB → 1060m and 20684Mi", () => {
    const it = azureInstanceType(E96S_V5);
    expect(it.overhead.kubeReserved.get("cpu")).toBe(1060);
    expect(it.overhead.kubeReserved.get("memory")).toBe(20684 * MIB);
    expect(allocatable(it)["cpu"]).toBe("94940m");
  });
});

describe("AKSNodeClass and operator options", () => {
  test("osDiskSizeGB sets ephemeral storage in decimal GB", () => {
    expect(azureInstanceType(D2S_V3, { osDiskSizeGB: 64 }).capacity.get("ephemeral-storage")).toBe(64e9);
  });

  test("network plugin and maxPods choose the pod count", () => {
    expect(azureInstanceType(D2S_V3, { networkPlugin: "azure", networkPluginMode: "" }).allocatable.get("pods")).toBe(30);
    expect(azureInstanceType(D2S_V3, { networkPlugin: "kubenet" }).allocatable.get("pods")).toBe(110);
    expect(azureInstanceType(D2S_V3, { maxPods: 77 }).allocatable.get("pods")).toBe(77);
  });

  test("VM memory overhead percent changes capacity but not kube-reserved", () => {
    const it = azureInstanceType(D2S_V3, { vmMemoryOverheadPercent: 0 });
    expect(it.capacity.get("memory")).toBe(8 * GIB);
    expect(it.overhead.kubeReserved.get("memory")).toBe(1843 * MIB);
  });

  test("kubeReserved replaces per resource; systemReserved adds a reservation", () => {
    const it = azureInstanceType(D2S_V3, { kubeReserved: { cpu: "250m" }, systemReserved: { memory: "100Mi" } });
    expect(it.allocatable.get("cpu")).toBe(1750);
    expect(it.allocatable.get("memory")).toBe(7_945_689_497 - (1843 + 750 + 100) * MIB);
  });
});

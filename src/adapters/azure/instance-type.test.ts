import { describe, expect, test } from "vitest";
import type { InstanceType } from "nodefit";
import { azureInstanceType, azureInstanceTypes, isAzureSkuSupported } from "./instance-type.js";
import { AZURE_LABELS, AZURE_WELL_KNOWN_LABELS, normalizeAzureClusterLabel } from "./labels.js";
import type { AzureSkuInfo } from "./types.js";

const D4S_V5: AzureSkuInfo = {
  name: "Standard_D4s_v5",
  vCPUs: 4,
  memoryGB: 16,
  architecture: "x64",
  acceleratedNetworking: true,
  premiumIO: true,
  hyperVGenerations: ["V1", "V2"],
  zones: ["2", "1", "3"],
};
const D4PS_V5: AzureSkuInfo = { name: "Standard_D4ps_v5", vCPUs: 4, memoryGB: 16, architecture: "Arm64", zones: ["1"] };
const NC24_A100: AzureSkuInfo = {
  name: "Standard_NC24ads_A100_v4",
  vCPUs: 24,
  memoryGB: 220,
  architecture: "x64",
  gpus: 1,
  maxResourceVolumeMB: 65536,
  zones: ["1"],
};
const ND_MI300X: AzureSkuInfo = { name: "Standard_ND96isr_MI300X_v5", vCPUs: 96, memoryGB: 1850, architecture: "x64", gpus: 8 };
const PRICES = new Map([
  ["Standard_D4s_v5", 0.192],
  ["Standard_D4ps_v5", 0.154],
  ["Standard_NC24ads_A100_v4", 3.673],
]);

function values(it: InstanceType, key: string): readonly string[] | string {
  const req = it.requirements.get(key);
  return req.operator === "In" ? [...req.values].sort() : req.operator;
}

describe("labels (reference §2.1)", () => {
  const it = azureInstanceType(D4S_V5, { onDemandPrices: PRICES });

  test.each([
    [AZURE_LABELS.skuName, ["Standard_D4s_v5"]],
    [AZURE_LABELS.skuFamily, ["D"]],
    [AZURE_LABELS.skuSeries, ["Ds_v5"]],
    [AZURE_LABELS.skuVersion, ["5"]],
    [AZURE_LABELS.skuCpu, ["4"]],
    [AZURE_LABELS.skuMemory, ["16384"]],
    [AZURE_LABELS.aksCpu, ["4"]],
    [AZURE_LABELS.aksMemory, ["16384"]],
    [AZURE_LABELS.acceleratedNetworking, ["true"]],
    [AZURE_LABELS.premiumCapable, ["true"]],
    [AZURE_LABELS.ultraSSD, ["false"]],
    [AZURE_LABELS.gpuCount, ["0"]],
    [AZURE_LABELS.gpuName, "DoesNotExist"],
    [AZURE_LABELS.gpuManufacturer, "DoesNotExist"],
    [AZURE_LABELS.ephemeralOsMaxSize, "DoesNotExist"],
    [AZURE_LABELS.hyperVGeneration, ["1", "2"]],
    [AZURE_LABELS.placementScope, ["regional", "zonal"]],
    [AZURE_LABELS.aksMode, ["system", "user"]],
    [AZURE_LABELS.aksScaleSetPriority, ["regular", "spot"]],
    [AZURE_LABELS.aksPriority, ["regular", "spot"]],
    [AZURE_LABELS.aksOsSku, ["Ubuntu"]],
    [AZURE_LABELS.aksFipsEnabled, "DoesNotExist"],
    [AZURE_LABELS.aksCluster, "DoesNotExist"],
    [AZURE_LABELS.arch, ["amd64"]],
    [AZURE_LABELS.os, ["linux"]],
    [AZURE_LABELS.region, ["eastus"]],
    [AZURE_LABELS.instanceType, ["Standard_D4s_v5"]],
    [AZURE_LABELS.zone, ["0", "eastus-1", "eastus-2", "eastus-3"]],
    [AZURE_LABELS.capacityType, ["on-demand", "spot"]],
  ])("%s is %o", (key, expected) => {
    expect(values(it, key)).toEqual(expected);
  });

  test("every well-known Azure label is defined or DoesNotExist", () => {
    for (const key of AZURE_WELL_KNOWN_LABELS) expect(it.requirements.has(key)).toBe(true);
  });

  test("Arm64 SKUs are arm64", () => {
    expect(values(azureInstanceType(D4PS_V5), AZURE_LABELS.arch)).toEqual(["arm64"]);
  });

  test("GPU SKUs: name from the size, maker, count, the temp disk as ephemeral OS size, and the GPU resource", () => {
    const gpu = azureInstanceType(NC24_A100, { onDemandPrices: PRICES });
    expect(values(gpu, AZURE_LABELS.gpuName)).toEqual(["A100"]);
    expect(values(gpu, AZURE_LABELS.gpuManufacturer)).toEqual(["nvidia"]);
    expect(values(gpu, AZURE_LABELS.gpuCount)).toEqual(["1"]);
    expect(values(gpu, AZURE_LABELS.ephemeralOsMaxSize)).toEqual(["68"]);
    expect(gpu.capacity.get("nvidia.com/gpu")).toBe(1);
    expect(gpu.capacity.get("amd.com/gpu")).toBe(0);
    const amd = azureInstanceType(ND_MI300X);
    expect(values(amd, AZURE_LABELS.gpuManufacturer)).toEqual(["amd"]);
    expect([amd.capacity.get("amd.com/gpu"), amd.capacity.get("nvidia.com/gpu")]).toEqual([8, 0]);
  });

  test("AKSNodeClass settings: image family, FIPS, cluster resource group", () => {
    const custom = azureInstanceType(D4S_V5, { imageFamily: "AzureLinux", fipsMode: "FIPS", nodeResourceGroup: "MC_rg_(aks)_eastus" });
    expect(values(custom, AZURE_LABELS.aksOsSku)).toEqual(["AzureLinux"]);
    expect(values(custom, AZURE_LABELS.aksFipsEnabled)).toEqual(["true"]);
    expect(values(custom, AZURE_LABELS.aksCluster)).toEqual(["MC_rg_-aks-_eastus"]);
  });

  test("cluster label normalisation: parentheses, 63 characters, trailing punctuation", () => {
    expect(normalizeAzureClusterLabel("MC_rg_(x)")).toBe("MC_rg_-x-z");
    expect(normalizeAzureClusterLabel("a".repeat(70))).toBe("a".repeat(63));
    expect(normalizeAzureClusterLabel(`${"a".repeat(62)}_b`)).toBe(`${"a".repeat(62)}z`);
    expect(normalizeAzureClusterLabel("plain")).toBe("plain");
  });
});

describe("offerings (reference §2.1)", () => {
  test("on demand and spot per zone plus the regional zone 0; spot at on-demand until spot prices are given", () => {
    const it = azureInstanceType(D4S_V5, { onDemandPrices: PRICES });
    expect(it.offerings.map((o) => `${o.zone}/${o.capacityType}/${o.price}`)).toEqual([
      "eastus-1/on-demand/0.192",
      "eastus-1/spot/0.192",
      "eastus-2/on-demand/0.192",
      "eastus-2/spot/0.192",
      "eastus-3/on-demand/0.192",
      "eastus-3/spot/0.192",
      "0/on-demand/0.192",
      "0/spot/0.192",
    ]);
  });

  test("missing prices are 999 and unavailable; spot needs LowPriorityCapable", () => {
    const unpriced = azureInstanceType(D4S_V5, { spotPrices: new Map() });
    expect(unpriced.offerings.every((o) => o.price === 999 && !o.available)).toBe(true);
    const noSpot = azureInstanceType({ ...D4S_V5, lowPriorityCapable: false }, { onDemandPrices: PRICES });
    expect(values(noSpot, AZURE_LABELS.capacityType)).toEqual(["on-demand"]);
  });

  test("a savings-plan price below pay-as-you-go replaces it for on demand only", () => {
    const it = azureInstanceType(D4S_V5, {
      onDemandPrices: PRICES,
      spotPrices: new Map([["Standard_D4s_v5", 0.04]]),
      savingsPlanPrices: new Map([["Standard_D4s_v5", 0.15]]),
    });
    expect(new Set(it.offerings.map((o) => `${o.capacityType}/${o.price}`))).toEqual(new Set(["on-demand/0.15", "spot/0.04"]));
  });

  test("regional SKUs and regions without zones get only zone 0; placementScopes narrows", () => {
    expect(values(azureInstanceType({ ...D4S_V5, zones: [] }, { onDemandPrices: PRICES }), AZURE_LABELS.zone)).toEqual(["0"]);
    expect(values(azureInstanceType(D4S_V5, { region: "westus", onDemandPrices: PRICES }), AZURE_LABELS.zone)).toEqual(["0"]);
    const zonal = azureInstanceType(D4S_V5, { onDemandPrices: PRICES, placementScopes: ["zonal"] });
    expect(values(zonal, AZURE_LABELS.zone)).toEqual(["eastus-1", "eastus-2", "eastus-3"]);
    expect(values(zonal, AZURE_LABELS.placementScope)).toEqual(["zonal"]);
  });

  test("known-unavailable offerings are kept but not available", () => {
    const it = azureInstanceType(D4S_V5, { onDemandPrices: PRICES, unavailableOfferings: new Map([["Standard_D4s_v5", ["eastus-1/spot"]]]) });
    expect(it.offerings.filter((o) => !o.available).map((o) => `${o.zone}/${o.capacityType}`)).toEqual(["eastus-1/spot"]);
  });
});

describe("supported SKUs and input errors", () => {
  test.each([
    [{ ...D4S_V5, name: "Standard_B1s", vCPUs: 1, memoryGB: 1 }, false],
    [{ ...D4S_V5, name: "Standard_A2_v2", vCPUs: 2, memoryGB: 4 }, true],
    [{ ...D4S_V5, name: "Standard_B2ts_v2", vCPUs: 2, memoryGB: 1 }, false],
    [{ ...D4S_V5, name: "Standard_M8-2ms_v2", vCPUs: 2, memoryGB: 218.75 }, false],
    [{ ...D4S_V5, name: "Standard_DC4as_cc_v5" }, false],
    [{ ...D4S_V5, name: "Standard_EC4as_v5" }, false],
    [D4S_V5, true],
  ])("%o supported: %s", (sku, supported) => {
    expect(isAzureSkuSupported(sku)).toBe(supported);
  });

  test("azureInstanceTypes keeps only supported SKUs, in order", () => {
    const names = azureInstanceTypes([D4S_V5, { ...D4S_V5, name: "Standard_B1s", vCPUs: 1, memoryGB: 1 }, D4PS_V5]).map((t) => t.name);
    expect(names).toEqual(["Standard_D4s_v5", "Standard_D4ps_v5"]);
  });

  test("bad records throw InputError with the field path", () => {
    expect(() => azureInstanceType({ ...D4S_V5, name: "" })).toThrow(expect.objectContaining({ code: "invalid-input", path: ["name"] }));
    expect(() => azureInstanceType({ ...D4S_V5, vCPUs: 0 })).toThrow(expect.objectContaining({ path: ["vCPUs"] }));
    expect(() => azureInstanceType({ ...D4S_V5, memoryGB: -1 })).toThrow(expect.objectContaining({ path: ["memoryGB"] }));
    expect(() => azureInstanceType(D4S_V5, { kubeReserved: { cpu: "lots" } })).toThrow(expect.objectContaining({ path: ["kubeReserved", "cpu"] }));
  });
});

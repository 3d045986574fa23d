import { describe, expect, test } from "vitest";
import { azureSkuVersion, parseAzureVmSize } from "./size-name.js";

describe("VM size names", () => {
  test.each([
    ["Standard_D4s_v5", "D", "Ds_v5", "5", undefined],
    ["Standard_D2_v5", "D", "D_v5", "5", undefined],
    ["Standard_D4pls_v6", "D", "Dpls_v6", "6", undefined],
    ["Standard_D8ads_v5", "D", "Dads_v5", "5", undefined],
    ["Standard_F72s_v2", "F", "Fs_v2", "2", undefined],
    ["Standard_E104is_v5", "E", "Eis_v5", "5", undefined],
    ["Standard_NC24ads_A100_v4", "N", "NCads_v4", "4", "A100"],
    ["Standard_NC4as_T4_v3", "N", "NCas_v3", "3", "T4"],
    ["Standard_ND96isr_H100_v5", "N", "NDisr_v5", "5", "H100"],
    ["Standard_ND96isr_MI300X_v5", "N", "NDisr_v5", "5", "MI300X"],
    ["Standard_NV36ads_A10_v5", "N", "NVads_v5", "5", "A10"],
    ["Standard_NV24", "N", "NV", "1", undefined],
    ["Standard_A4_v2", "A", "A_v2", "2", undefined],
    ["Standard_D3_v2_Promo", "D", "D_v2", "2", undefined],
    ["Standard_EC48as_cc_v5", "E", "ECas_v5", "5", undefined],
    ["Standard_NC288ds_xl_RTXPRO6000BSE_v6", "N", "NCds_v6", "6", "RTXPRO6000BSE"],
    ["Standard_ND128isr_NDR_GB200_v6", "N", "NDisr_v6", "6", "GB200"],
  ])("%s: family %s, series %s, version %s, accelerator %s", (name, family, series, version, accelerator) => {
    const size = parseAzureVmSize(name);
    expect(size).toBeDefined();
    if (size === undefined) return;
    expect([size.family, size.series, azureSkuVersion(size), size.accelerator]).toEqual([family, series, version, accelerator]);
  });

  test("constrained vCPUs and confidential child are recognised", () => {
    expect(parseAzureVmSize("Standard_M8-2ms_v2")?.constrainedCpus).toBe("2");
    expect(parseAzureVmSize("Standard_EC48as_cc_v5")?.confidentialChild).toBe(true);
    expect(parseAzureVmSize("Standard_D4s_v5")?.constrainedCpus).toBeUndefined();
  });

  test("names outside the convention are refused", () => {
    expect(parseAzureVmSize("inValid")).toBeUndefined();
    expect(parseAzureVmSize("Standard_")).toBeUndefined();
    expect(parseAzureVmSize("m5.large")).toBeUndefined();
  });
});

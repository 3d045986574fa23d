import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  AZURE_CPU_TAX_VCPU,
  AZURE_MEMORY_TAX_GIB,
  azureEphemeralOsMaxSizeGB,
  azureKubeReservedCpuMillis,
  azureKubeReservedMemoryMiB,
  azureMaxPods,
  azureMemoryCapacityBytes,
  taxOf,
} from "./formulas.js";

const GIB = 2 ** 30;

describe("kube-reserved tax brackets (reference §2.1)", () => {
  // The four pairs the reference works out, then hand-computed ones: 6% + 4% + 2%·2 + 1%·(n−4) of a core.
  test.each([
    [2, 8, 100, 1843],
    [4, 16, 140, 2662],
    [8, 32, 180, 3645],
    [16, 64, 260, 5611],
    [1, 4, 60, 1024],
    [2, 4, 100, 1024],
    [20, 160, 300, 10199],
    [48, 384, 580, 14786],
    [96, 672, 1060, 20684],
    [64, 208, 740, 11182],
    [72, 144, 820, 9871],
  ])("%i vCPU / %i GiB reserve %im and %iMi", (vcpus, gib, cpu, mib) => {
    expect(azureKubeReservedCpuMillis(vcpus)).toBe(cpu);
    expect(azureKubeReservedMemoryMiB(gib)).toBe(mib);
  });

  test("fractional GiB are taxed as they are: 3.5 GiB → 896Mi, 0.75 GiB → 192Mi", () => {
    expect(azureKubeReservedMemoryMiB(3.5)).toBe(896);
    expect(azureKubeReservedMemoryMiB(0.75)).toBe(192);
  });

  test.prop([fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })])("reservations never fall as the machine grows", (a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    expect(azureKubeReservedCpuMillis(lo)).toBeLessThanOrEqual(azureKubeReservedCpuMillis(hi));
    expect(azureKubeReservedMemoryMiB(lo)).toBeLessThanOrEqual(azureKubeReservedMemoryMiB(hi));
  });

  test.prop([fc.double({ min: 0, max: 4096, noNaN: true })])("the tax is at most the top rate and at least the bottom rate of the amount", (gib) => {
    const tax = taxOf(AZURE_MEMORY_TAX_GIB, gib);
    expect(tax).toBeLessThanOrEqual(0.25 * gib + 1e-9);
    expect(tax).toBeGreaterThanOrEqual(0.02 * gib - 1e-9);
    expect(taxOf(AZURE_CPU_TAX_VCPU, gib)).toBeLessThanOrEqual(0.06 * gib + 1e-9);
  });
});

describe("memory capacity (reference §2.1)", () => {
  test("Standard_D2s_v3 (8 GiB): 7,945,689,497 bytes, the reference's worked example", () => {
    expect(azureMemoryCapacityBytes(8)).toBe(7_945_689_497);
  });

  test("fractional GiB are truncated before the overhead: 0.75 → 0, 3.5 → 3 GiB less 7.5%", () => {
    expect(azureMemoryCapacityBytes(0.75)).toBe(0);
    expect(azureMemoryCapacityBytes(3.5)).toBe(3 * GIB - Math.ceil(3 * GIB * 0.075));
  });

  test("a VM overhead of 0 leaves whole GiB", () => {
    expect(azureMemoryCapacityBytes(16, 0)).toBe(16 * GIB);
  });

  test.prop([fc.integer({ min: 1, max: 12_000 })])("the overhead is ceil(7.5%) of the bytes", (gib) => {
    const bytes = gib * GIB;
    expect(bytes - azureMemoryCapacityBytes(gib)).toBe(Math.ceil(bytes * 0.075));
  });
});

describe("pods by network plugin (reference §2.1)", () => {
  test.each([
    [{}, 250],
    [{ networkPlugin: "azure", networkPluginMode: "overlay" }, 250],
    [{ networkPlugin: "azure", networkPluginMode: "" }, 30],
    [{ networkPlugin: "none" }, 250],
    [{ networkPlugin: "kubenet" }, 110],
    [{ networkPlugin: "kubenet", maxPods: 42 }, 42],
    [{ networkPlugin: "azure", networkPluginMode: "", maxPods: 100 }, 100],
  ] as const)("%o → %i", (settings, pods) => {
    expect(azureMaxPods(settings)).toBe(pods);
  });
});

describe("ephemeral OS disk size label", () => {
  test("the larger of cached disk and temp disk, MiB converted to decimal GB", () => {
    expect(azureEphemeralOsMaxSizeGB(0, 16384)).toBe(17);
    expect(azureEphemeralOsMaxSizeGB(34_359_738_368, 16384)).toBe(34);
    expect(azureEphemeralOsMaxSizeGB(0, 0)).toBe(0);
    expect(azureEphemeralOsMaxSizeGB()).toBe(0);
  });
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { gcpMemoryCapacityBytes, gkeEphemeralReservation, gkeKubeReservedCpuMillis, gkeKubeReservedMemoryMiB, gkeMaxPods } from "./formulas.js";

describe("GKE kube-reserved memory (reference §2.2)", () => {
  // 255Mi up to 1GiB; then 25% / 20% / 10% / 6% / 2% tiers, each truncated to whole MiB.
  test.each([
    [512, 255],
    [1024, 255],
    [2048, 512],
    [3840, 960],
    [4096, 1024],
    [8192, 1843],
    [16384, 2662],
    [32768, 3645],
    [65536, 5611],
    [131072, 9543],
    [262144, 12164],
    [917504, 25271],
  ])("%i MiB reserves %i MiB", (memory, reserved) => {
    expect(gkeKubeReservedMemoryMiB(memory)).toBe(reserved);
  });

  test("tiers truncate one by one: 256 GiB reserves 12164Mi where Azure's single truncation gives 12165Mi", () => {
    expect(gkeKubeReservedMemoryMiB(256 * 1024)).toBe(9543 + Math.trunc(131072 * 0.02));
  });

  test.prop([fc.integer({ min: 1025, max: 4_000_000 }), fc.integer({ min: 1025, max: 4_000_000 })])("above 1GiB, more memory never reserves less", (a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    expect(gkeKubeReservedMemoryMiB(lo)).toBeLessThanOrEqual(gkeKubeReservedMemoryMiB(hi));
  });
});

describe("GKE kube-reserved CPU (reference §2.2)", () => {
  test.each([
    [1000, 60],
    [2000, 70],
    [4000, 80],
    [8000, 90],
    [16000, 110],
    [22000, 125],
    [32000, 150],
    [96000, 310],
    [224000, 630],
  ])("%im reserves %im", (cpu, reserved) => {
    expect(gkeKubeReservedCpuMillis("n2-standard-x", cpu)).toBe(reserved);
  });

  test.each(["e2-micro", "e2-small", "e2-medium"])("shared-core %s reserves 1060m", (name) => {
    expect(gkeKubeReservedCpuMillis(name, 2000)).toBe(1060);
  });

  test("the shared-core rule goes by name, not by CPU", () => {
    expect(gkeKubeReservedCpuMillis("e2-standard-2", 2000)).toBe(70);
  });
});

describe("memory capacity (reference §2.2)", () => {
  test("bytes less int(7%): 8192 MiB → 7,988,639,171 bytes; 1024 MiB → 998,579,897", () => {
    expect(gcpMemoryCapacityBytes(8192)).toBe(7_988_639_171);
    expect(gcpMemoryCapacityBytes(1024)).toBe(998_579_897);
  });

  test.prop([fc.integer({ min: 1, max: 12_000_000 })])("the overhead is the truncated 7% of the bytes", (mib) => {
    const bytes = mib * 2 ** 20;
    expect(bytes - gcpMemoryCapacityBytes(mib)).toBe(Math.trunc(bytes * 0.07));
  });
});

describe("ephemeral-storage reservations (reference §2.2)", () => {
  test.each([
    [100, 0, 0, 10, 41],
    [50, 0, 0, 5, 24],
    [30, 0, 0, 3, 15],
    [10, 0, 0, 1, 5],
    [500, 0, 0, 50, 100],
    [100, 375, 1, 37, 50],
    [100, 750, 2, 75, 75],
    [100, 1500, 4, 150, 100],
  ])("boot %i GiB, local SSD %i GiB in %i disks → eviction %i GiB, system %i GiB", (boot, ssd, count, eviction, system) => {
    expect(gkeEphemeralReservation(boot, ssd, count)).toEqual({ evictionGiB: eviction, systemGiB: system });
  });
});

describe("pods", () => {
  test("110 by default, maxPods replaces it, podsPerCore caps it", () => {
    expect(gkeMaxPods(2)).toBe(110);
    expect(gkeMaxPods(2, 64)).toBe(64);
    expect(gkeMaxPods(2, 110, 10)).toBe(20);
    expect(gkeMaxPods(32, 110, 10)).toBe(110);
    expect(gkeMaxPods(2, 110, 0)).toBe(110);
  });
});

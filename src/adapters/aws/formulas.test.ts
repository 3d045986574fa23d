import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  defaultStorageEvictionBytes,
  eniLimitedPods,
  kubeReservedCpuMillis,
  kubeReservedMemoryMiB,
  percentageEviction,
  vmMemoryCapacityMiB,
} from "./formulas.js";

const GIB = 2 ** 30;

describe("worked examples (reference §1.4–1.5)", () => {
  test.each([
    [1, 60],
    [2, 70],
    [4, 80],
    [8, 90],
    [16, 110],
    [48, 190],
    [96, 310],
    [192, 550],
  ])("kube-reserved CPU for %i vCPUs is %im", (vcpus, millis) => {
    expect(kubeReservedCpuMillis(vcpus * 1000)).toBe(millis);
  });

  test.each([
    ["m5.large", 8192, false, 7577],
    ["a1.medium", 2048, true, 1835],
    ["p5.48xlarge", 2097152, false, 1939865],
    ["m5.metal", 393216, false, 363724],
  ])("%s memory capacity: MiB less the arm64 reserve and the VM overhead, %s, %s, %i", (_name, mib, arm64, expected) => {
    expect(vmMemoryCapacityMiB(mib, arm64)).toBe(expected);
  });

  test.each([
    ["m5.large", 3, 10, 29],
    ["a1.medium", 2, 4, 8],
    ["m5.metal", 15, 50, 737],
    ["p5.48xlarge (default card)", 2, 50, 100],
  ])("%s ENI-limited pods", (_name, enis, ipv4, pods) => {
    expect(eniLimitedPods(enis, ipv4)).toBe(pods);
  });

  test("kube-reserved memory is 11Mi per pod plus 255Mi", () => {
    expect(kubeReservedMemoryMiB(29)).toBe(574);
    expect(kubeReservedMemoryMiB(8)).toBe(343);
  });

  test("storage eviction defaults to 10% of 20Gi = 2Gi; 100% disables a percentage signal", () => {
    expect(defaultStorageEvictionBytes(20 * GIB)).toBe(2 * GIB);
    expect(percentageEviction(20 * GIB, 100)).toBe(0);
    expect(percentageEviction(1001, 10)).toBe(101);
  });

  test("a custom VM overhead of 0 leaves memory whole", () => {
    expect(vmMemoryCapacityMiB(8192, false, 0)).toBe(8192);
  });
});

describe("laws", () => {
  test.prop([fc.integer({ min: 0, max: 512_000 }), fc.integer({ min: 0, max: 512_000 })])("kube-reserved CPU is monotone and never above 6%", (a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    expect(kubeReservedCpuMillis(lo)).toBeLessThanOrEqual(kubeReservedCpuMillis(hi));
    expect(kubeReservedCpuMillis(hi)).toBeLessThanOrEqual(Math.ceil(hi * 0.06));
  });

  test.prop([fc.integer({ min: 0, max: 64 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 2, max: 64 }), fc.integer({ min: 0, max: 64 })])(
    "ENI-limited pods grow with ENIs and vanish once every ENI is reserved",
    (enis, more, ipv4, reserved) => {
      expect(eniLimitedPods(enis, ipv4, reserved)).toBeLessThanOrEqual(eniLimitedPods(enis + more, ipv4, reserved));
      expect(eniLimitedPods(enis, ipv4, enis + reserved)).toBe(0);
    },
  );

  test.prop([fc.integer({ min: 128, max: 32 * 1024 * 1024 }), fc.boolean()])("VM memory capacity keeps at least 92.5% of the rest", (mib, arm64) => {
    const rest = arm64 ? mib - 64 : mib;
    const capacity = vmMemoryCapacityMiB(mib, arm64);
    expect(capacity).toBeLessThanOrEqual(rest);
    expect(capacity).toBeGreaterThanOrEqual(Math.floor(rest * 0.925) - 1);
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 45 }), fc.integer({ min: 0, max: 99 })])("a percentage threshold never exceeds capacity", (capacity, percent) => {
    const threshold = percentageEviction(capacity, percent);
    expect(threshold).toBeGreaterThanOrEqual(0);
    expect(threshold).toBeLessThanOrEqual(capacity);
  });
});

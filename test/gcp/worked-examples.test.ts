/**
 * The GCP adapter end to end through the public `nodefit/gcp` entry, on shapes whose allocatable is worked
 * out by hand from the reference's rules (§2.2).
 */
import { describe, expect, test } from "vitest";
import { formatAmount, type InstanceType } from "nodefit";
import { gcpInstanceType, type GceMachineType } from "nodefit/gcp";

const MIB = 2 ** 20;
const GIB = 2 ** 30;

function allocatable(it: InstanceType): Record<string, string> {
  return Object.fromEntries([...it.allocatable].map(([r, a]) => [r, formatAmount(r, a)]));
}

describe("hand-computed allocatable", () => {
  test("e2-standard-2: cpu 2000 − 70 − 100; memory 8GiB − int(7%) − 1843Mi − 100Mi; disk 100 − 41 − 10 GiB", () => {
    const it = gcpInstanceType({ name: "e2-standard-2", guestCpus: 2, memoryMb: 8192 });
    expect(allocatable(it)).toEqual({
      cpu: "1830m",
      memory: String(7_988_639_171 - (1843 + 100) * MIB),
      pods: "110",
      "ephemeral-storage": "49Gi",
      "nvidia.com/gpu": "0",
    });
  });

  test("e2-micro: the shared-core 1060m and the 255Mi floor", () => {
    const it = gcpInstanceType({ name: "e2-micro", guestCpus: 2, memoryMb: 1024, isSharedCpu: true });
    expect(it.allocatable.get("cpu")).toBe(2000 - 1060 - 100);
    expect(it.allocatable.get("memory")).toBe(998_579_897 - (255 + 100) * MIB);
  });

  test("n2-highmem-128 (864 GiB): 128 CPUs reserve 390m, memory 25% / 20% / 10% / 6% / 2% tiers = 24616Mi", () => {
    const machine: GceMachineType = { name: "n2-highmem-128", guestCpus: 128, memoryMb: 884_736 };
    const it = gcpInstanceType(machine);
    expect(it.overhead.kubeReserved.get("cpu")).toBe(80 + Math.trunc(124_000 * 0.0025));
    expect(it.overhead.kubeReserved.get("memory")).toBe(24_616 * MIB);
    expect(it.overhead.kubeReserved.get("ephemeral-storage")).toBe(41 * GIB);
  });
});

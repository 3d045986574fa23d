import { describe, expect, test } from "vitest";
import { AWS_LABELS, AWS_WELL_KNOWN_LABELS, awsLabels } from "./labels.js";
import type { InstanceTypeInfo } from "./types.js";

const base = (name: string, extra: Partial<InstanceTypeInfo> = {}): InstanceTypeInfo => ({
  InstanceType: name,
  Hypervisor: "nitro",
  ProcessorInfo: { SupportedArchitectures: ["x86_64"], Manufacturer: "Intel", SustainedClockSpeedInGhz: 3.1 },
  VCpuInfo: { DefaultVCpus: 2 },
  MemoryInfo: { SizeInMiB: 8192 },
  ...extra,
});
const ctx = { region: "us-east-1" };

describe("awsLabels", () => {
  test("category, generation, family, size and flex come from the name", () => {
    const flex = awsLabels(base("m7i-flex.large"), ctx);
    expect(flex.get(AWS_LABELS.category)).toBe("m");
    expect(flex.get(AWS_LABELS.generation)).toBe("7");
    expect(flex.get(AWS_LABELS.family)).toBe("m7i-flex");
    expect(flex.get(AWS_LABELS.size)).toBe("large");
    expect(flex.get(AWS_LABELS.capabilityFlex)).toBe("true");
    const u = awsLabels(base("u-6tb1.metal"), ctx);
    expect([u.get(AWS_LABELS.category), u.get(AWS_LABELS.generation), u.get(AWS_LABELS.size)]).toEqual(["u", "1", "metal"]);
  });

  test("bare metal has an empty hypervisor label; clock speed is whole MHz", () => {
    const { Hypervisor: _omit, ...metal } = base("m5.metal");
    const labels = awsLabels({ ...metal, BareMetal: true }, ctx);
    expect(labels.get(AWS_LABELS.hypervisor)).toBe("");
    expect(labels.get(AWS_LABELS.cpuSustainedClockSpeedMhz)).toBe("3100");
    expect(labels.get(AWS_LABELS.cpuManufacturer)).toBe("intel");
  });

  test("local NVMe only when NVMe is supported; EBS bandwidth only when EBS-optimised by default", () => {
    const nvme = awsLabels(
      base("m5d.large", {
        InstanceStorageInfo: { TotalSizeInGB: 75, NvmeSupport: "required" },
        EbsInfo: { EbsOptimizedSupport: "default", EbsOptimizedInfo: { MaximumBandwidthInMbps: 4750 } },
      }),
      ctx,
    );
    expect(nvme.get(AWS_LABELS.localNvme)).toBe("75");
    expect(nvme.get(AWS_LABELS.ebsBandwidth)).toBe("4750");
    const hdd = awsLabels(
      base("d2.xlarge", { InstanceStorageInfo: { TotalSizeInGB: 6000, NvmeSupport: "unsupported" }, EbsInfo: { EbsOptimizedSupport: "supported" } }),
      ctx,
    );
    expect(hdd.has(AWS_LABELS.localNvme)).toBe(false);
    expect(hdd.has(AWS_LABELS.ebsBandwidth)).toBe(false);
  });

  test("GPU labels need exactly one GPU entry; names are lower-kebab", () => {
    const one = awsLabels(
      base("g4ad.xlarge", { GpuInfo: { Gpus: [{ Name: "Radeon Pro V520", Manufacturer: "AMD", Count: 1, MemoryInfo: { SizeInMiB: 8192 } }] } }),
      ctx,
    );
    expect([one.get(AWS_LABELS.gpuName), one.get(AWS_LABELS.gpuManufacturer), one.get(AWS_LABELS.gpuCount), one.get(AWS_LABELS.gpuMemory)]).toEqual([
      "radeon-pro-v520",
      "amd",
      "1",
      "8192",
    ]);
    const two = awsLabels(
      base("x.large", {
        GpuInfo: {
          Gpus: [
            { Name: "A", Count: 1 },
            { Name: "B", Count: 1 },
          ],
        },
      }),
      ctx,
    );
    expect(two.has(AWS_LABELS.gpuName)).toBe(false);
  });

  test("Neuron devices label as AWS accelerators; Inferentia v1 only without Neuron info", () => {
    const inf2 = awsLabels(base("inf2.xlarge", { NeuronInfo: { NeuronDevices: [{ Name: "Inferentia2", Count: 1, CoreInfo: { Count: 2 } }] } }), ctx);
    expect([inf2.get(AWS_LABELS.acceleratorName), inf2.get(AWS_LABELS.acceleratorManufacturer), inf2.get(AWS_LABELS.acceleratorCount)]).toEqual([
      "inferentia2",
      "aws",
      "1",
    ]);
    const inf1 = awsLabels(base("inf1.xlarge", { InferenceAcceleratorInfo: { Accelerators: [{ Name: "Inferentia", Manufacturer: "AWS", Count: 1 }] } }), ctx);
    expect(inf1.get(AWS_LABELS.acceleratorName)).toBe("inferentia");
  });

  test("Windows only for amd64; arm64 stays linux", () => {
    const win = awsLabels(base("m5.large"), { region: "us-east-1", windowsBuild: "10.0.20348" });
    expect([win.get(AWS_LABELS.os), win.get(AWS_LABELS.windowsBuild)]).toEqual(["windows", "10.0.20348"]);
    const arm = awsLabels(base("m6g.large", { ProcessorInfo: { SupportedArchitectures: ["arm64"] } }), { region: "us-east-1", windowsBuild: "10.0.20348" });
    expect([arm.get(AWS_LABELS.os), arm.get(AWS_LABELS.arch), arm.has(AWS_LABELS.windowsBuild)]).toEqual(["linux", "arm64", false]);
  });

  test("well-known labels cover every karpenter.k8s.aws label, zone-id and windows-build", () => {
    for (const key of Object.values(AWS_LABELS).filter((k) => k.startsWith("karpenter.k8s.aws/"))) expect(AWS_WELL_KNOWN_LABELS.has(key)).toBe(true);
    expect(AWS_WELL_KNOWN_LABELS.has(AWS_LABELS.zoneId)).toBe(true);
    expect(AWS_WELL_KNOWN_LABELS.has(AWS_LABELS.windowsBuild)).toBe(true);
  });
});

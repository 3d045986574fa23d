/**
 * The AWS adapter on the worked examples of the reference (§1.5) and on every EC2NodeClass option that
 * changes capacity, overhead or offerings. Needs no oracle files.
 */
import { describe, expect, test } from "vitest";
import { formatAmount, type InstanceType } from "nodefit";
import { AWS_LABELS, awsInstanceType, awsInstanceTypes, type AwsInstanceTypeOptions, type InstanceTypeInfo } from "nodefit/aws";
import { A1_MEDIUM, M5_LARGE, M5_METAL, P5_48XLARGE, WORKED_LIMITS } from "./worked-examples.js";

const MIB = 2 ** 20;
const GIB = 2 ** 30;

function allocatable(it: InstanceType): Record<string, string> {
  return Object.fromEntries([...it.allocatable].map(([r, a]) => [r, formatAmount(r, a)]));
}
function label(it: InstanceType, key: string): string | undefined {
  const req = it.requirements.get(key);
  return req.operator === "In" && req.values.size === 1 ? [...req.values][0] : undefined;
}
const build = (record: InstanceTypeInfo, options: AwsInstanceTypeOptions = {}): InstanceType =>
  awsInstanceType(record, { vpcLimits: WORKED_LIMITS, ...options });

describe("worked examples (AL2023, default kubelet)", () => {
  test("m5.large: cpu 1930m, memory 6903Mi, pods 29, ephemeral-storage 17Gi, pod-eni 9", () => {
    expect(allocatable(build(M5_LARGE))).toEqual({ cpu: "1930m", memory: "6903Mi", pods: "29", "ephemeral-storage": "17Gi", "vpc.amazonaws.com/pod-eni": "9" });
  });

  test("a1.medium: the 64Mi arm64 reserve, cpu 940m, memory 1392Mi, pods 8", () => {
    expect(allocatable(build(A1_MEDIUM))).toMatchObject({ cpu: "940m", memory: "1392Mi", pods: "8", "ephemeral-storage": "17Gi" });
  });

  test("p5.48xlarge: pods from the default card only; GPUs, EFA and branch ENIs", () => {
    const it = build(P5_48XLARGE);
    expect(allocatable(it)).toEqual({
      cpu: "191450m",
      memory: "1938410Mi",
      pods: "100",
      "ephemeral-storage": "17Gi",
      "nvidia.com/gpu": "8",
      "vpc.amazonaws.com/efa": "32",
      "vpc.amazonaws.com/pod-eni": "120",
    });
    expect([label(it, AWS_LABELS.gpuName), label(it, AWS_LABELS.gpuCount), label(it, AWS_LABELS.localNvme)]).toEqual(["h100", "8", "30400"]);
  });

  test("m5.metal: cpu 95690m, memory 355262Mi, pods 737, empty hypervisor label", () => {
    const it = build(M5_METAL);
    expect(allocatable(it)).toMatchObject({ cpu: "95690m", memory: "355262Mi", pods: "737" });
    expect(it.requirements.get(AWS_LABELS.hypervisor).values).toEqual(new Set([""]));
  });

  test("overhead parts: kube-reserved 70m/574Mi/1Gi, eviction 100Mi/2Gi, no system-reserved", () => {
    const it = build(M5_LARGE);
    expect(it.overhead.kubeReserved).toEqual(
      new Map([
        ["cpu", 70],
        ["memory", 574 * MIB],
        ["ephemeral-storage", GIB],
      ]),
    );
    expect(it.overhead.evictionThreshold).toEqual(
      new Map([
        ["memory", 100 * MIB],
        ["ephemeral-storage", 2 * GIB],
      ]),
    );
    expect(it.overhead.systemReserved.size).toBe(0);
  });
});

describe("kubelet options", () => {
  test("maxPods on AL2023 keeps ENI-limited kube-reserved memory; Bottlerocket counts maxPods", () => {
    expect(allocatable(build(M5_LARGE, { maxPods: 110 }))).toMatchObject({ pods: "110", memory: "6903Mi" });
    expect(allocatable(build(M5_LARGE, { maxPods: 110, amiFamily: "Bottlerocket" }))).toMatchObject({ pods: "110", memory: `${7577 - 1465 - 100}Mi` });
  });

  test("podsPerCore caps pods except on Bottlerocket", () => {
    expect(allocatable(build(M5_LARGE, { podsPerCore: 4 })).pods).toBe("8");
    expect(allocatable(build(M5_LARGE, { podsPerCore: 4, maxPods: 5 })).pods).toBe("5");
    expect(allocatable(build(M5_LARGE, { podsPerCore: 4, amiFamily: "Bottlerocket" })).pods).toBe("29");
  });

  test("reservedENIs lowers pods but not AL2023's kube-reserved memory", () => {
    expect(allocatable(build(M5_LARGE, { reservedENIs: 1 }))).toMatchObject({ pods: "20", memory: "6903Mi" });
    expect(allocatable(build(M5_LARGE, { reservedENIs: 3 })).pods).toBe("0");
  });

  test("kubeReserved and systemReserved override per resource", () => {
    const it = build(M5_LARGE, { kubeReserved: { cpu: "200m" }, systemReserved: new Map([["memory", "100Mi"]]) });
    expect(allocatable(it)).toMatchObject({ cpu: "1800m", memory: "6803Mi" });
  });

  test("evictionHard percentages and quantities replace the defaults; evictionSoft changes nothing", () => {
    const it = build(M5_LARGE, { evictionHard: { "memory.available": "5%", "nodefs.available": "100%" }, evictionSoft: { "memory.available": "1Gi" } });
    const capacity = 7577 * MIB;
    expect(it.overhead.evictionThreshold.get("memory")).toBe(Math.ceil((capacity / 100) * 5));
    expect(allocatable(it)["ephemeral-storage"]).toBe("19Gi");
    expect(allocatable(build(M5_LARGE, { evictionHard: { "memory.available": "500Mi" } })).memory).toBe(`${7577 - 574 - 500}Mi`);
    expect(() => build(M5_LARGE, { evictionHard: { "memory.available": "120%" } })).toThrow(expect.objectContaining({ code: "invalid-input" }));
  });

  test("vmMemoryOverheadPercent and observed memory replace the estimate", () => {
    expect(allocatable(build(M5_LARGE, { vmMemoryOverheadPercent: 0 })).memory).toBe(`${8192 - 674}Mi`);
    expect(allocatable(build(M5_LARGE, { observedMemoryMiB: new Map([["m5.large", 7700]]) })).memory).toBe(`${7700 - 674}Mi`);
  });
});

describe("ephemeral storage", () => {
  test("a root-volume block device sets it", () => {
    expect(
      allocatable(build(M5_LARGE, { blockDeviceMappings: [{ deviceName: "/dev/xvdb", rootVolume: true, ebs: { volumeSize: "100Gi" } }] }))["ephemeral-storage"],
    ).toBe("89Gi");
  });

  test("otherwise the family's ephemeral device, or the last device for Custom", () => {
    const bdms = [
      { deviceName: "/dev/xvda", ebs: { volumeSize: "50Gi" } },
      { deviceName: "/dev/xvdb", ebs: { volumeSize: "80Gi" } },
    ];
    expect(allocatable(build(M5_LARGE, { blockDeviceMappings: bdms }))["ephemeral-storage"]).toBe("44Gi");
    expect(allocatable(build(M5_LARGE, { blockDeviceMappings: bdms, amiFamily: "Bottlerocket" }))["ephemeral-storage"]).toBe("71Gi");
    expect(allocatable(build(M5_LARGE, { blockDeviceMappings: bdms, amiFamily: "Custom" }))["ephemeral-storage"]).toBe("71Gi");
  });

  test("RAID0 uses the instance store in decimal GB", () => {
    const m5d: InstanceTypeInfo = { ...M5_LARGE, InstanceType: "m5d.large", InstanceStorageInfo: { TotalSizeInGB: 75, NvmeSupport: "required" } };
    const it = build(m5d, { instanceStorePolicy: "RAID0" });
    expect(it.capacity.get("ephemeral-storage")).toBe(75e9);
    expect(it.allocatable.get("ephemeral-storage")).toBe(75e9 - GIB - 7.5e9);
    expect(build(M5_LARGE, { instanceStorePolicy: "RAID0" }).capacity.get("ephemeral-storage")).toBe(20 * GIB);
  });
});

describe("AMI families", () => {
  test("Windows: 110 pods, 50Gi root, windows os and build labels, private IPv4 addresses", () => {
    const it = build(M5_LARGE, { amiFamily: "Windows2022" });
    expect(allocatable(it)).toMatchObject({
      pods: "110",
      "ephemeral-storage": "44Gi",
      memory: `${7577 - 1465 - 100}Mi`,
      "vpc.amazonaws.com/PrivateIPv4Address": "9",
    });
    expect([label(it, AWS_LABELS.os), label(it, AWS_LABELS.windowsBuild)]).toEqual(["windows", "10.0.20348"]);
  });

  test("Linux families leave windows-build undefined (DoesNotExist)", () => {
    expect(build(M5_LARGE).requirements.get(AWS_LABELS.windowsBuild).isEmpty()).toBe(true);
  });

  test("an unknown family is an input error", () => {
    expect(() => build(M5_LARGE, { amiFamily: "Ubuntu" as never })).toThrow(expect.objectContaining({ code: "invalid-input" }));
  });
});

describe("network interfaces", () => {
  test("EFA-only interfaces on the default card take ENIs from pods and define the EFA count", () => {
    const it = build(P5_48XLARGE, {
      networkInterfaces: [
        { networkCardIndex: 0, interfaceType: "efa-only" },
        { networkCardIndex: 1, interfaceType: "efa-only" },
      ],
    });
    expect(allocatable(it)).toMatchObject({ pods: "51", "vpc.amazonaws.com/efa": "2" });
  });
});

describe("offerings", () => {
  const prices = new Map([["m5.large", 0.096]]);

  test("spot is priced at on-demand until spot prices are given", () => {
    const it = build(M5_LARGE, { zones: ["us-east-1a", "us-east-1b"], onDemandPrices: prices });
    expect(it.offerings.map((o) => [o.zone, o.capacityType, o.price, o.available])).toEqual([
      ["us-east-1a", "on-demand", 0.096, true],
      ["us-east-1a", "spot", 0.096, true],
      ["us-east-1b", "on-demand", 0.096, true],
      ["us-east-1b", "spot", 0.096, true],
    ]);
  });

  test("with spot prices, a zone without one is unavailable for spot; zones the type is not offered in are unavailable", () => {
    const it = build(M5_LARGE, {
      zones: ["us-east-1a", "us-east-1b"],
      onDemandPrices: prices,
      spotPrices: new Map([["m5.large", new Map([["us-east-1a", 0.035]])]]),
      zonesByType: new Map([["m5.large", ["us-east-1a"]]]),
    });
    expect(it.offerings.map((o) => [o.zone, o.capacityType, o.price, o.available])).toEqual([
      ["us-east-1a", "on-demand", 0.096, true],
      ["us-east-1a", "spot", 0.035, true],
      ["us-east-1b", "on-demand", 0.096, false],
      ["us-east-1b", "spot", 0, false],
    ]);
    expect([...it.requirements.get("topology.kubernetes.io/zone").values]).toEqual(["us-east-1a"]);
  });

  test("no price means no available offering; SupportedUsageClasses limits capacity types", () => {
    expect(build(M5_LARGE, { zones: ["z"] }).offerings.every((o) => !o.available)).toBe(true);
    const onDemandOnly = build({ ...M5_LARGE, SupportedUsageClasses: ["on-demand"] }, { zones: ["z"], onDemandPrices: prices });
    expect(onDemandOnly.offerings.map((o) => o.capacityType)).toEqual(["on-demand"]);
  });

  test("region and tenancy requirements", () => {
    const it = build(M5_LARGE, { region: "eu-west-1", onDemandPrices: prices });
    expect(label(it, AWS_LABELS.region)).toBe("eu-west-1");
    expect(it.offerings.map((o) => o.zone)).toContain("eu-west-1a");
    expect([...it.requirements.get(AWS_LABELS.tenancy).values].sort()).toEqual(["dedicated", "default"]);
  });
});

test("awsInstanceTypes keeps order and skips architectures Kubernetes does not run", () => {
  const i386: InstanceTypeInfo = { ...M5_LARGE, InstanceType: "t1.micro", ProcessorInfo: { SupportedArchitectures: ["i386"] } };
  expect(awsInstanceTypes([M5_METAL, i386, M5_LARGE]).map((t) => t.name)).toEqual(["m5.metal", "m5.large"]);
  expect(() => awsInstanceType({ InstanceType: "" })).toThrow(expect.objectContaining({ code: "invalid-input" }));
});

import { describe, expect, test } from "vitest";
import { ec2NodeClassAmiFamily, ec2NodeClassOptions } from "./ec2nodeclass.js";

describe("ec2NodeClassAmiFamily", () => {
  test.each([
    ["al2023@latest", "AL2023"],
    ["al2@v20240807", "AL2"],
    ["bottlerocket@1.20.0", "Bottlerocket"],
    ["windows2019@latest", "Windows2019"],
    ["windows2022@latest", "Windows2022"],
    ["windows2025@latest", "Windows2025"],
  ])("alias %s is %s", (alias, family) => {
    expect(ec2NodeClassAmiFamily({ spec: { amiSelectorTerms: [{ alias }] } })).toBe(family);
  });

  test("amiFamily wins; the first term with an alias counts; no alias is Custom", () => {
    expect(ec2NodeClassAmiFamily({ spec: { amiFamily: "AL2", amiSelectorTerms: [{ alias: "bottlerocket@latest" }] } })).toBe("AL2");
    expect(ec2NodeClassAmiFamily({ spec: { amiSelectorTerms: [{}, { alias: "bottlerocket@latest" }] } })).toBe("Bottlerocket");
    expect(ec2NodeClassAmiFamily({ spec: { amiSelectorTerms: [{}] } })).toBe("Custom");
    expect(ec2NodeClassAmiFamily({})).toBe("Custom");
  });

  test("bad values name the field", () => {
    expect(() => ec2NodeClassAmiFamily({ spec: { amiFamily: "Ubuntu" } })).toThrow(
      expect.objectContaining({ code: "invalid-input", path: ["spec", "amiFamily"] }),
    );
    expect(() => ec2NodeClassAmiFamily({ spec: { amiSelectorTerms: [{ alias: "AL2023" }] } })).toThrow(
      expect.objectContaining({ path: ["spec", "amiSelectorTerms", 0, "alias"] }),
    );
  });
});

describe("ec2NodeClassOptions", () => {
  test("kubelet, disks and subnet zones (sorted, deduplicated) become adapter options", () => {
    const options = ec2NodeClassOptions({
      spec: {
        amiSelectorTerms: [{ alias: "al2023@latest" }],
        kubelet: { maxPods: 20, podsPerCore: 2, kubeReserved: { cpu: "200m" }, evictionHard: { "memory.available": "5%" } },
        blockDeviceMappings: [{ deviceName: "/dev/xvda", rootVolume: true, ebs: { volumeSize: "100Gi" } }],
        instanceStorePolicy: "RAID0",
      },
      status: {
        subnets: [
          { id: "b", zone: "us-east-1b" },
          { id: "a", zone: "us-east-1a" },
          { id: "a2", zone: "us-east-1a" },
        ],
      },
    });
    expect(options).toMatchObject({ amiFamily: "AL2023", maxPods: 20, podsPerCore: 2, instanceStorePolicy: "RAID0", zones: ["us-east-1a", "us-east-1b"] });
    expect(options.kubeReserved).toEqual({ cpu: "200m" });
    expect(options.blockDeviceMappings?.[0]?.ebs?.volumeSize).toBe("100Gi");
  });

  test("no subnets in the status: no zone restriction", () => {
    expect(ec2NodeClassOptions({ spec: {} }).zones).toBeUndefined();
  });

  test("values upstream refuses name their field", () => {
    expect(() => ec2NodeClassOptions({ spec: { instanceStorePolicy: "RAID1" } })).toThrow(expect.objectContaining({ path: ["spec", "instanceStorePolicy"] }));
    expect(() => ec2NodeClassOptions({ spec: { kubelet: { maxPods: -1 } } })).toThrow(expect.objectContaining({ path: ["spec", "kubelet", "maxPods"] }));
  });
});

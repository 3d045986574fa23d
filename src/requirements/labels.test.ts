import { describe, expect, it } from "vitest";
import {
  CAPACITY_TYPES,
  isRestrictedLabel,
  LABEL_ARCH,
  LABEL_CAPACITY_TYPE,
  LABEL_INSTANCE_TYPE,
  LABEL_NODEPOOL,
  LABEL_OS,
  LABEL_REGION,
  LABEL_WINDOWS_BUILD,
  LABEL_ZONE,
  labelDomain,
  normalizeLabelKey,
  WELL_KNOWN_LABELS,
} from "./labels.js";

describe("well-known labels", () => {
  it("are the eight upstream keys", () => {
    expect([...WELL_KNOWN_LABELS].sort()).toEqual(
      [LABEL_NODEPOOL, LABEL_ZONE, LABEL_REGION, LABEL_INSTANCE_TYPE, LABEL_ARCH, LABEL_OS, LABEL_CAPACITY_TYPE, LABEL_WINDOWS_BUILD].sort(),
    );
    expect(LABEL_ZONE).toBe("topology.kubernetes.io/zone");
    expect(LABEL_CAPACITY_TYPE).toBe("karpenter.sh/capacity-type");
  });

  it("capacity types", () => {
    expect(CAPACITY_TYPES).toEqual(["on-demand", "spot", "reserved"]);
  });
});

describe("normalizeLabelKey", () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ["beta.kubernetes.io/arch", "kubernetes.io/arch"],
    ["beta.kubernetes.io/os", "kubernetes.io/os"],
    ["beta.kubernetes.io/instance-type", "node.kubernetes.io/instance-type"],
    ["failure-domain.beta.kubernetes.io/zone", "topology.kubernetes.io/zone"],
    ["failure-domain.beta.kubernetes.io/region", "topology.kubernetes.io/region"],
    ["topology.kubernetes.io/zone", "topology.kubernetes.io/zone"],
    ["__proto__", "__proto__"],
    ["constructor", "constructor"],
  ];
  it.each(cases)("%s → %s", (key, expected) => {
    expect(normalizeLabelKey(key)).toBe(expected);
  });
});

describe("isRestrictedLabel", () => {
  const cases: ReadonlyArray<readonly [string, boolean]> = [
    ["kubernetes.io/hostname", true],
    ["karpenter.sh/custom", true],
    ["sub.karpenter.sh/custom", true],
    ["karpenter.sh/nodepool", false],
    ["karpenter.sh/capacity-type", false],
    ["notkarpenter.sh/custom", false],
    ["karpenter.sh.example.com/custom", false],
    ["kubernetes.io/custom", false],
    ["node.kubernetes.io/custom", false],
    ["k8s.io/custom", false],
    ["example.com/team", false],
    ["team", false],
  ];
  it.each(cases)("%s → %s", (key, expected) => {
    expect(isRestrictedLabel(key)).toBe(expected);
  });

  it("exempts a provider's extended well-known keys from the domain rule", () => {
    expect(isRestrictedLabel("karpenter.sh/extra")).toBe(true);
    expect(isRestrictedLabel("karpenter.sh/extra", new Set([...WELL_KNOWN_LABELS, "karpenter.sh/extra"]))).toBe(false);
    expect(isRestrictedLabel("kubernetes.io/hostname", new Set())).toBe(true);
  });
});

describe("labelDomain", () => {
  it("is the part before the slash", () => {
    expect(labelDomain("topology.kubernetes.io/zone")).toBe("topology.kubernetes.io");
    expect(labelDomain("team")).toBe("");
  });
});

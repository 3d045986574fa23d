/**
 * Regression (issue 13, issue 18 "Catalogue data is cached by array identity"): `schedule()` kept tables keyed
 * by the caller's catalogue array, so pushing to or replacing a type in that array between calls threw
 * "instance type gpu is not in the catalogue" or answered from the old catalogue.
 */
import { describe, expect, it } from "vitest";
import { createInstanceType, type InstanceType } from "../../src/instance-types/index.js";
import { schedule } from "../../src/scheduler/index.js";
import type { NodePool, Pod } from "../../src/types/kubernetes.js";

function type(name: string, cpu: number, price: number, extra: Record<string, string> = {}): InstanceType {
  return createInstanceType({
    name,
    labels: { "kubernetes.io/arch": "amd64" },
    capacity: { cpu: String(cpu), memory: `${cpu * 2}Gi`, pods: "110", ...extra },
    offerings: [{ zone: "z1", capacityType: "on-demand", price }],
  });
}

const pool: NodePool = { metadata: { name: "default" }, spec: { template: { spec: { requirements: [] } } } };
const pod = (name: string, requests: Record<string, string>): Pod => ({
  metadata: { name, namespace: "default", uid: name },
  spec: { containers: [{ name: "c", resources: { requests } }] },
});

describe("schedule() with a catalogue array the caller changes between calls", () => {
  it("sees a type pushed onto the same array", () => {
    const catalogue = [type("small", 2, 0.1)];
    expect(schedule({ pods: [pod("a", { cpu: "8" })], nodePools: [pool], instanceTypes: catalogue }).unschedulable).toHaveLength(1);
    catalogue.push(type("gpu", 16, 1, { "nvidia.com/gpu": "1" }));
    const result = schedule({ pods: [pod("a", { cpu: "8" })], nodePools: [pool], instanceTypes: catalogue });
    expect(result.unschedulable).toEqual([]);
    expect(result.nodeClaims[0]?.instanceType).toBe("gpu");
  });

  it("sees a type replaced in place, and never throws", () => {
    const catalogue = [type("small", 2, 0.1), type("gpu", 16, 1)];
    expect(schedule({ pods: [pod("a", { cpu: "1" })], nodePools: [pool], instanceTypes: catalogue }).nodeClaims[0]?.instanceType).toBe("small");
    catalogue[0] = type("small", 2, 5);
    const result = schedule({ pods: [pod("a", { cpu: "1" })], nodePools: [pool], instanceTypes: catalogue });
    expect(result.nodeClaims[0]?.instanceType).toBe("gpu");
    expect(result.nodeClaims[0]?.price).toBe(1);
  });

  it("sees a type removed from the same array", () => {
    const catalogue = [type("small", 2, 0.1), type("big", 16, 1)];
    schedule({ pods: [pod("a", { cpu: "1" })], nodePools: [pool], instanceTypes: catalogue });
    catalogue.shift();
    const result = schedule({ pods: [pod("a", { cpu: "1" })], nodePools: [pool], instanceTypes: catalogue });
    expect(result.nodeClaims[0]?.instanceTypeOptions).toEqual(["big"]);
  });
});

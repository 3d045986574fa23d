import { describe, expect, it } from "vitest";
import { fakeInstanceTypes } from "../testing/fake-catalog.js";
import type { NodePool, Pod } from "../types/kubernetes.js";
import { resolveScheduleOptions } from "./options.js";
import { schedule } from "./schedule.js";

const pool: NodePool = { metadata: { name: "default" }, spec: { template: { spec: { requirements: [] } } } };
const pod = (i: number, extra: Partial<Pod["spec"]> = {}): Pod => ({
  metadata: { name: `p-${i}`, namespace: "default", uid: `u-${String(i).padStart(3, "0")}` },
  spec: { containers: [{ name: "c", resources: { requests: { cpu: "100m" } } }], ...extra },
});

describe("resolveScheduleOptions", () => {
  it("fills the defaults", () => {
    expect(resolveScheduleOptions()).toMatchObject({
      preferencePolicy: "Respect",
      minValuesPolicy: "Strict",
      maxInstanceTypes: 600,
      reservedCapacityMode: "strict",
      maxSteps: 1_000_000,
    });
  });

  it.each([{ maxSteps: 0 }, { maxSteps: 1.5 }, { maxInstanceTypes: -1 }, { preferencePolicy: "Sometimes" as "Respect" }])(
    "refuses %j with an error naming the option",
    (options) => {
      expect(() => resolveScheduleOptions(options)).toThrow(expect.objectContaining({ code: "invalid-input", path: [Object.keys(options)[0]] }));
    },
  );
});

describe("the step bound", () => {
  it("stops after maxSteps placement attempts and reports every pod it did not try", () => {
    const pods = Array.from({ length: 10 }, (_, i) => pod(i));
    const result = schedule({ pods, nodePools: [pool], instanceTypes: fakeInstanceTypes() }, { maxSteps: 4 });
    expect(result.summary.scheduled).toBe(4);
    expect(result.unschedulable).toHaveLength(6);
    expect(new Set(result.unschedulable.map((u) => u.code))).toEqual(new Set(["step-limit"]));
    expect(result.unschedulable[0]?.message).toContain("maxSteps");
  });

  it("does not change a run that stays under it", () => {
    const pods = Array.from({ length: 10 }, (_, i) => pod(i));
    const input = { pods, nodePools: [pool], instanceTypes: fakeInstanceTypes() };
    expect(schedule(input, { maxSteps: 10 })).toEqual(schedule(input));
  });
});

describe("catalogue labels", () => {
  it("count as well-known: a pod may select a label only the instance types define", () => {
    const result = schedule({ pods: [pod(1, { nodeSelector: { size: "large" } })], nodePools: [pool], instanceTypes: fakeInstanceTypes() });
    expect(result.unschedulable).toEqual([]);
    expect(result.nodeClaims[0]?.instanceType).toBe("arm-instance-type");
  });

  it("still refuse a label nothing defines, with the typo hint", () => {
    const result = schedule({ pods: [pod(1, { nodeSelector: { sise: "large" } })], nodePools: [pool], instanceTypes: fakeInstanceTypes() });
    expect(result.unschedulable[0]?.code).toBe("incompatible-requirements");
    expect(result.unschedulable[0]?.message).toContain("sise");
  });
});

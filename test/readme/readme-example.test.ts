import { describe, expect, it } from "vitest";
import { schedule, toScheduleJson } from "nodefit";
import { AWS_WELL_KNOWN_LABELS, defaultAwsCatalog } from "nodefit/aws";

// The README's library example, kept true by running it.
describe("README example", () => {
  it("schedules eight inflate pods onto one node", () => {
    const pods = Array.from({ length: 8 }, (_, i) => ({
      metadata: { name: `inflate-${i}`, namespace: "default" },
      spec: { containers: [{ name: "inflate", resources: { requests: { cpu: "250m", memory: "64Mi" } } }] },
    }));
    const nodePools = [
      {
        metadata: { name: "default" },
        spec: { template: { spec: { requirements: [{ key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand"] }] } } },
      },
    ];
    const result = schedule({ pods, nodePools, instanceTypes: defaultAwsCatalog() }, { wellKnownLabels: AWS_WELL_KNOWN_LABELS });
    expect(result.summary).toMatchObject({ pods: 8, scheduled: 8, newNodeClaims: 1 });
    expect(JSON.parse(toScheduleJson(result)).nodeClaims[0].pods).toHaveLength(8);
  });
});

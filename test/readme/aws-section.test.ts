import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schedule } from "nodefit";
import { AWS_CAPACITY_TYPE_PRIORITY, awsCatalogForNodePools, instanceTypeRecordsFromJson, spotPricesFromHistory } from "nodefit/aws";
import { fromKubernetes } from "nodefit/kubernetes";
import { USAGE } from "../../src/cli/usage.js";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const section = README.slice(README.indexOf("## AWS catalogue and prices"), README.indexOf("## Limits and errors"));
const fixture = (name: string): string => readFileSync(new URL(`../aws/fixtures/${name}`, import.meta.url), "utf8");

// The README's "AWS catalogue and prices" section, kept true.
describe("README: AWS catalogue and prices", () => {
  it("names only flags the CLI has", () => {
    const flags = [...new Set(section.match(/--aws-[a-z-]+/g) ?? [])];
    expect(flags.sort()).toEqual(["--aws-instance-types", "--aws-on-demand-prices", "--aws-spot-prices"]);
    for (const flag of flags) expect(USAGE.get("schedule")).toContain(flag);
  });

  it("runs the library example on AWS CLI output", () => {
    const typesJson = fixture("describe-instance-types.json");
    const spotJson = fixture("describe-spot-price-history.json");
    const input = fromKubernetes([
      {
        object: {
          apiVersion: "karpenter.sh/v1",
          kind: "NodePool",
          metadata: { name: "default" },
          spec: { template: { spec: { nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "default" } } } },
        },
      },
      {
        object: {
          apiVersion: "karpenter.k8s.aws/v1",
          kind: "EC2NodeClass",
          metadata: { name: "default" },
          spec: { amiSelectorTerms: [{ alias: "al2023@latest" }] },
          status: { subnets: [{ id: "subnet-1", zone: "us-east-1a" }] },
        },
      },
      { object: { apiVersion: "v1", kind: "Pod", metadata: { name: "web" }, spec: { containers: [{ name: "c", resources: { requests: { cpu: "1" } } }] } } },
    ]);
    const records = instanceTypeRecordsFromJson(JSON.parse(typesJson), { source: "types.json" });
    const spotPrices = spotPricesFromHistory(JSON.parse(spotJson), { source: "spot.json" });
    const { instanceTypes, notes } = awsCatalogForNodePools(input.nodePools, input.ec2NodeClasses, { records, spotPrices });
    const result = schedule({ ...input, instanceTypes }, { capacityTypePriority: AWS_CAPACITY_TYPE_PRIORITY });
    expect(notes).toEqual([]);
    // The cheapest spot offering in the class's only zone: m6g.large at 0.0319 in us-east-1a.
    expect(result.nodeClaims.map((c) => [c.instanceType, c.zone, c.capacityType, c.price])).toEqual([["m6g.large", "us-east-1a", "spot", 0.0319]]);
  });
});

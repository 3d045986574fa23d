/**
 * Consolidation with several EC2NodeClasses: the planner prices a node, and builds the node a replacement
 * becomes, from its own NodePool's variant of the instance type (the AWS adapter gives one variant per class,
 * each restricted by `karpenter.sh/nodepool`), never from whichever class happens to come first.
 */
import { describe, expect, it } from "vitest";
import { awsCatalogForNodePools } from "nodefit/aws";
import { fromKubernetes } from "nodefit/kubernetes";
import { CatalogLookup } from "../../src/consolidation/catalog-lookup.js";

const nodeClass = (name: string, spec: Readonly<Record<string, unknown>>): unknown => ({
  apiVersion: "karpenter.k8s.aws/v1",
  kind: "EC2NodeClass",
  metadata: { name },
  spec: { role: "KarpenterNodeRole", amiSelectorTerms: [{ alias: "al2023@latest" }], ...spec },
});
const nodePool = (name: string, className: string): unknown => ({
  apiVersion: "karpenter.sh/v1",
  kind: "NodePool",
  metadata: { name },
  spec: { template: { spec: { nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: className }, requirements: [] } } },
});

describe("the planner's catalogue with one variant per EC2NodeClass", () => {
  const input = fromKubernetes(
    [nodeClass("tiny", { kubelet: { maxPods: 3 } }), nodeClass("roomy", {}), nodePool("a", "tiny"), nodePool("b", "roomy")].map((object) => ({ object })),
  );
  const { instanceTypes } = awsCatalogForNodePools(input.nodePools, input.ec2NodeClasses);
  const lookup = new CatalogLookup(instanceTypes);

  it("gives each NodePool its own class's variant", () => {
    expect(lookup.get("m5.large", "a")?.allocatable.get("pods")).toBe(3);
    expect(lookup.get("m5.large", "b")?.allocatable.get("pods")).toBe(29);
  });

  it("answers a lookup without a NodePool, or for a NodePool no variant admits, with the first variant", () => {
    const first = instanceTypes.find((t) => t.name === "m5.large");
    expect(lookup.get("m5.large")).toBe(first);
    expect(lookup.get("m5.large", "unknown")).toBe(first);
    expect(lookup.get("no-such-type", "a")).toBeUndefined();
  });

  it("lists every variant", () => {
    expect([...lookup.values()].filter((t) => t.name === "m5.large")).toHaveLength(2);
  });
});

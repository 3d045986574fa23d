import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

interface CatalogEntry {
  name: string;
  labels: Record<string, string>;
  capacity: Record<string, string>;
  allocatable: Record<string, string>;
  offerings: { zone: string; capacityType: string; price: number }[];
}

describe("nodefit catalog", () => {
  it("lists the embedded AWS catalogue as catalogue documents with allocatable", async () => {
    const { status, stdout } = await runCli("catalog", "--provider", "aws", "--output", "json");
    expect(status).toBe(0);
    const { instanceTypes } = JSON.parse(stdout) as { instanceTypes: CatalogEntry[] };
    expect(instanceTypes.length).toBeGreaterThan(300);
    const m5 = instanceTypes.find((t) => t.name === "m5.large");
    expect(m5?.allocatable).toMatchObject({ cpu: "1930m", memory: "6903Mi", pods: "29", "ephemeral-storage": "17Gi" });
    expect(m5?.labels["karpenter.k8s.aws/instance-family"]).toBe("m5");
    expect(m5?.offerings.some((o) => o.capacityType === "on-demand" && o.price > 0)).toBe(true);
  });

  it("prints a table by default", async () => {
    const { status, stdout } = await runCli("catalog");
    expect(status).toBe(0);
    expect(stdout).toMatch(/^\d+ instance types \(aws\)/);
    // Human units as kubectl prints them: 7577Mi is 7.4Gi, 6903Mi is 6.7Gi; the price as given.
    expect(stdout).toMatch(/m5\.large\s+2\s+7\.4Gi\s+1930m\s+6\.7Gi\s+29\s+\$0\.096\/h/);
  });
});

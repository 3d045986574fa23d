/**
 * The CLI's AWS inputs: `--aws-instance-types` and `--aws-spot-prices` (the AWS CLI's JSON), EC2NodeClasses in
 * the manifests, and the AWS launch order with the AWS catalogue.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const FIXTURES = new URL("../aws/fixtures/", import.meta.url).pathname;
const TYPES = join(FIXTURES, "describe-instance-types.json");
const SPOT = join(FIXTURES, "describe-spot-price-history.json");

function temp(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "nodefit-aws-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const NODEPOOL = (className: string, types: string): string => `
apiVersion: karpenter.sh/v1
kind: NodePool
metadata: { name: default }
spec:
  template:
    spec:
      nodeClassRef: { group: karpenter.k8s.aws, kind: EC2NodeClass, name: ${className} }
      requirements:
        - { key: karpenter.sh/capacity-type, operator: In, values: [spot, on-demand] }
        - { key: node.kubernetes.io/instance-type, operator: In, values: [${types}] }
`;
const CLASS = (kubelet: string): string => `
apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata: { name: default }
spec:
  amiSelectorTerms: [{ alias: al2023@latest }]
  ${kubelet}
`;
const PODS = (n: number, cpu: string): string => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${n}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: c, image: pause, resources: { requests: { cpu: ${cpu} } } }]
`;

interface Claim {
  readonly instanceType: string;
  readonly zone: string;
  readonly capacityType: string;
  readonly price: number;
  readonly pods: readonly string[];
}
const claimsOf = (stdout: string): readonly Claim[] => (JSON.parse(stdout) as { nodeClaims: Claim[] }).nodeClaims;

describe("nodefit schedule with AWS inputs", () => {
  it("launches spot when the NodePool allows it, priced as on-demand until spot prices are given", async () => {
    const dir = temp({ "np.yaml": NODEPOOL("default", "m5.large, m5.xlarge"), "class.yaml": CLASS(""), "pods.yaml": PODS(1, "1500m") });
    const { status, stdout, stderr } = await runCli("schedule", dir, "-o", "json");
    expect([status, stderr]).toEqual([0, ""]);
    expect(claimsOf(stdout).map((c) => [c.instanceType, c.zone, c.capacityType, c.price])).toEqual([["m5.large", "us-east-1a", "spot", 0.096]]);
  });

  it("reads describe-instance-types and describe-spot-price-history files", async () => {
    const dir = temp({ "np.yaml": NODEPOOL("default", "m5.large, m5.xlarge, g5.xlarge"), "class.yaml": CLASS(""), "pods.yaml": PODS(1, "1500m") });
    const { status, stdout } = await runCli("schedule", dir, "--aws-instance-types", TYPES, "--aws-spot-prices", SPOT, "-o", "json");
    expect(status).toBe(0);
    expect(claimsOf(stdout).map((c) => [c.instanceType, c.zone, c.capacityType, c.price])).toEqual([["m5.large", "us-east-1b", "spot", 0.0328]]);
    const table = await runCli("schedule", dir, "--aws-instance-types", TYPES, "--aws-spot-prices", SPOT);
    expect(table.stdout).toContain(TYPES);
  });

  it("the EC2NodeClass's kubelet changes the answer (maxPods 4: 6 pods need two nodes)", async () => {
    const files = { "np.yaml": NODEPOOL("default", "m5.large"), "pods.yaml": PODS(6, "10m") };
    const plain = await runCli("schedule", temp({ ...files, "class.yaml": CLASS("") }), "-o", "json");
    expect(claimsOf(plain.stdout).map((c) => c.pods.length)).toEqual([6]);
    const capped = await runCli("schedule", temp({ ...files, "class.yaml": CLASS("kubelet: { maxPods: 4 }") }), "-o", "json");
    expect(claimsOf(capped.stdout).map((c) => c.pods.length)).toEqual([4, 2]);
  });

  it("warns on standard error when a NodePool's EC2NodeClass is missing", async () => {
    const dir = temp({ "np.yaml": NODEPOOL("gone", "m5.large"), "pods.yaml": PODS(1, "1") });
    const { status, stderr } = await runCli("schedule", dir, "-o", "json");
    expect(status).toBe(0);
    expect(stderr).toBe('nodefit: warning: NodePool "default": EC2NodeClass "gone" is not in the input; the default AWS settings apply (AL2023, every zone)\n');
  });

  it("bad AWS files: exit 1 naming the file and field", async () => {
    const dir = temp({ "np.yaml": NODEPOOL("default", "m5.large"), "class.yaml": CLASS(""), "pods.yaml": PODS(1, "1") });
    const files = temp({
      "spot.json": JSON.stringify({
        SpotPriceHistory: [
          { AvailabilityZone: "us-east-1a", InstanceType: "m5.large", ProductDescription: "Linux/UNIX", SpotPrice: "x", Timestamp: "2026-11-30T10:00:00Z" },
        ],
      }),
      "types.json": JSON.stringify({ InstanceTypes: [{ InstanceType: "m5.large", VCpuInfo: { DefaultVCpus: 2 }, MemoryInfo: {} }] }),
      "broken.json": "{",
    });
    const spot = await runCli("schedule", dir, "--aws-spot-prices", join(files, "spot.json"));
    expect(spot.status).toBe(1);
    expect(spot.stderr).toContain(`${join(files, "spot.json")}: SpotPriceHistory[0].SpotPrice: expected a decimal price`);
    const types = await runCli("schedule", dir, "--aws-instance-types", join(files, "types.json"));
    expect(types.status).toBe(1);
    expect(types.stderr).toContain(`${join(files, "types.json")}: InstanceTypes[0].MemoryInfo.SizeInMiB: is required`);
    const broken = await runCli("schedule", dir, "--aws-on-demand-prices", join(files, "broken.json"));
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`${join(files, "broken.json")} (--aws-on-demand-prices): not JSON`);
  });

  it("refuses --aws-* files together with an InstanceTypeCatalog", async () => {
    const catalog = "apiVersion: nodefit.dev/v1alpha1\nkind: InstanceTypeCatalog\nmetadata: { name: c }\ninstanceTypes: []\n";
    const dir = temp({ "catalog.yaml": catalog, "pods.yaml": PODS(1, "1") });
    const { status, stderr } = await runCli("schedule", dir, "--aws-spot-prices", SPOT);
    expect(status).toBe(1);
    expect(stderr).toContain("cannot be used together");
  });

  it("documents the AWS inputs in --help of every command that reads manifests", async () => {
    for (const command of ["schedule", "consolidate", "explain"]) {
      const { stdout } = await runCli(command, "--help");
      expect(stdout, command).toContain("--aws-instance-types FILE");
      expect(stdout, command).toContain("--aws-spot-prices FILE");
    }
  });
});

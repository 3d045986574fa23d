/**
 * The StatefulSet example through the CLI (issue 15), and the storage and NodeOverlay kinds at the edge.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fromKubernetes } from "nodefit/kubernetes";
import { runCli } from "../cli/run-cli.js";

const example = new URL("../../examples/statefulset-volumes", import.meta.url).pathname;

function copyExample(replace?: (storage: string) => string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "nodefit-volumes-"));
  for (const name of ["nodepool.yaml", "statefulset.yaml", "storage.yaml"]) {
    const text = readFileSync(join(example, name), "utf8");
    writeFileSync(join(dir, name), name === "storage.yaml" && replace !== undefined ? replace(text) : text);
  }
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

interface Json {
  nodeClaims: { name: string; zone: string; pods: string[]; price: number; instanceType: string }[];
  unschedulable: { pod: string; code: string; message: string }[];
  summary: { pods: number; scheduled: number };
}

describe("examples/statefulset-volumes", () => {
  it("plans every replica in its bound volume's zone", async () => {
    const { status, stdout } = await runCli("schedule", example, "-o", "json");
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as Json;
    const zoneOf = new Map(result.nodeClaims.flatMap((c) => c.pods.map((p) => [p, c.zone] as const)));
    expect(Object.fromEntries(zoneOf)).toEqual({ "data/db-0": "us-east-1c", "data/db-1": "us-east-1a", "data/db-2": "us-east-1b" });
    expect(result.summary).toMatchObject({ pods: 3, scheduled: 3 });
  });

  it("explain shows what the volumes require", async () => {
    const { status, stdout } = await runCli("explain", example, "--pod", "data/db-0");
    expect(status).toBe(0);
    expect(stdout).toContain("volumes require: topology.kubernetes.io/zone In [us-east-1c]");
  });

  it("reports a pod whose claim is missing instead of placing it", async () => {
    const orphan = `apiVersion: v1
kind: Pod
metadata: { name: orphan, namespace: data }
spec:
  containers: [{ name: c, resources: { requests: { cpu: 100m } } }]
  volumes: [{ name: data, persistentVolumeClaim: { claimName: gone } }]
`;
    const result = JSON.parse((await runCli("schedule", copyExample(undefined, { "orphan.yaml": orphan }), "-o", "json")).stdout) as Json;
    expect(result.unschedulable).toEqual([
      { pod: "data/orphan", code: "volume-not-found", message: 'volume "data" uses claim data/gone, which is not in the input' },
    ]);
    expect(result.summary).toMatchObject({ pods: 4, scheduled: 3 });
  });

  it("a StatefulSet claim not in the input is made from its template, as the controller would (deviation VO4)", async () => {
    // data-db-1 is gone: its replacement is unbound, so gp3's WaitForFirstConsumer binding lets the pod go anywhere
    // the spread allows; with a zonal class it follows the class's zones.
    const zonal = (text: string) =>
      text
        .split("---")
        .filter((doc) => !doc.includes("name: data-db-1\n"))
        .join("---")
        .replace(
          "volumeBindingMode: WaitForFirstConsumer",
          "volumeBindingMode: WaitForFirstConsumer\nallowedTopologies:\n  - matchLabelExpressions:\n      - key: topology.kubernetes.io/zone\n        values: [us-east-1a]",
        );
    const result = JSON.parse((await runCli("schedule", copyExample(zonal), "-o", "json")).stdout) as Json;
    expect(result.unschedulable).toEqual([]);
    expect(result.nodeClaims.find((c) => c.pods.includes("data/db-1"))?.zone).toBe("us-east-1a");
  });

  it("consolidation keeps a bound pod in its volume's zone", async () => {
    // Two nodes in different zones; the pod on node-b has its disk in us-east-1b.
    const node = (name: string, zone: string) => `apiVersion: v1
kind: Node
metadata:
  name: ${name}
  labels: { karpenter.sh/nodepool: default, karpenter.sh/initialized: "true", node.kubernetes.io/instance-type: m5.xlarge, topology.kubernetes.io/zone: ${zone}, karpenter.sh/capacity-type: on-demand, kubernetes.io/arch: amd64, kubernetes.io/os: linux, kubernetes.io/hostname: ${name} }
status: { allocatable: { cpu: "4", memory: 15Gi, pods: "58" } }
`;
    const pod = (name: string, nodeName: string, claim?: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: data }
spec:
  nodeName: ${nodeName}
  containers: [{ name: c, resources: { requests: { cpu: 500m } } }]
${claim === undefined ? "" : `  volumes: [{ name: data, persistentVolumeClaim: { claimName: ${claim} } }]\n`}`;
    const pool = `apiVersion: karpenter.sh/v1
kind: NodePool
metadata: { name: default }
spec:
  template:
    spec:
      requirements: [{ key: karpenter.sh/capacity-type, operator: In, values: [on-demand] }]
      expireAfter: Never
      nodeClassRef: { group: karpenter.k8s.aws, kind: EC2NodeClass, name: default }
`;
    const dir = mkdtempSync(join(tmpdir(), "nodefit-volumes-"));
    writeFileSync(join(dir, "nodepool.yaml"), pool);
    writeFileSync(join(dir, "storage.yaml"), readFileSync(join(example, "storage.yaml"), "utf8"));
    writeFileSync(
      join(dir, "cluster.yaml"),
      [node("node-a", "us-east-1a"), node("node-b", "us-east-1b"), pod("web", "node-a"), pod("db", "node-b", "data-db-2")].join("---\n"),
    );
    type Plan = { commands: { replacements: { name: string; zone: string }[]; reschedules: { pod: string; to: string }[] }[] };
    const zoneOfDb = (plan: Plan): string | undefined => {
      const to = plan.commands
        .flatMap((c) => c.reschedules)
        .filter((r) => r.pod === "data/db")
        .at(-1)?.to;
      return (
        plan.commands.flatMap((c) => c.replacements).find((r) => r.name === to)?.zone ??
        (to === "node-a" ? "us-east-1a" : to === "node-b" ? "us-east-1b" : undefined)
      );
    };
    const withVolumes = await runCli("consolidate", dir, "-o", "json");
    expect(withVolumes.status).toBe(0);
    expect(zoneOfDb(JSON.parse(withVolumes.stdout) as Plan)).toBe("us-east-1b");
    // Without the storage objects the db pod is free to move to the cheapest zone.
    rmSync(join(dir, "storage.yaml"));
    const free = await runCli("consolidate", dir, "-o", "json");
    expect(zoneOfDb(JSON.parse(free.stdout) as Plan)).toBe("us-east-1a");
  });

  it("applies a NodeOverlay discount to the catalogue and names it in explain", async () => {
    const overlay = `apiVersion: karpenter.sh/v1alpha1
kind: NodeOverlay
metadata: { name: negotiated-discount }
spec:
  requirements: [{ key: karpenter.k8s.aws/instance-family, operator: In, values: [m5a] }]
  priceAdjustment: "-30%"
`;
    const before = JSON.parse((await runCli("schedule", example, "-o", "json")).stdout) as Json;
    const dir = copyExample(undefined, { "overlay.yaml": overlay });
    const after = JSON.parse((await runCli("schedule", dir, "-o", "json")).stdout) as Json;
    expect(before.nodeClaims[0]?.instanceType).toBe("m5a.large");
    expect(after.nodeClaims[0]?.price).toBeCloseTo((before.nodeClaims[0]?.price ?? 0) * 0.7, 9);
    expect((await runCli("explain", dir, "--pod", "data/db-0")).stdout).toContain("instance type changed by NodeOverlay: negotiated-discount");
  });

  it("a NodeOverlay naming a NodePool (or one of its template labels) reaches that NodePool's claims only (upstream's per-NodePool store)", async () => {
    const overlay = (name: string, key: string, value: string) => `apiVersion: karpenter.sh/v1alpha1
kind: NodeOverlay
metadata: { name: ${name} }
spec:
  requirements: [{ key: ${key}, operator: In, values: [${value}] }]
  priceAdjustment: "-30%"
`;
    const before = JSON.parse((await runCli("schedule", example, "-o", "json")).stdout) as Json;
    const price = before.nodeClaims[0]?.price ?? 0;
    const byName = JSON.parse(
      (await runCli("schedule", copyExample(undefined, { "o.yaml": overlay("by-name", "karpenter.sh/nodepool", "default") }), "-o", "json")).stdout,
    ) as Json;
    expect(byName.nodeClaims[0]?.price).toBeCloseTo(price * 0.7, 9);
    // The example's NodePool carries no template label team: an overlay on one changes nothing.
    const byLabel = JSON.parse(
      (await runCli("schedule", copyExample(undefined, { "o.yaml": overlay("by-label", "team", "storage") }), "-o", "json")).stdout,
    ) as Json;
    expect(byLabel.nodeClaims[0]?.price).toBe(price);
    // With a second NodePool (equal weight, tried first by name order) the claims come from it: an overlay on it
    // discounts them and explain names it; an overlay on NodePool default neither changes them nor is named.
    const second = readFileSync(join(example, "nodepool.yaml"), "utf8").replace("name: default", "name: other");
    type Claims = { nodeClaims: { nodePool: string; price: number }[] };
    const onOther = copyExample(undefined, { "o.yaml": overlay("on-other", "karpenter.sh/nodepool", "other"), "other.yaml": second });
    const discounted = JSON.parse((await runCli("schedule", onOther, "-o", "json")).stdout) as Claims;
    expect(discounted.nodeClaims.map((c) => c.nodePool)).toEqual(["other", "other", "other"]);
    for (const c of discounted.nodeClaims) expect(c.price).toBeCloseTo(price * 0.7, 9);
    expect((await runCli("explain", onOther, "--pod", "data/db-0")).stdout).toContain("instance type changed by NodeOverlay: on-other");
    const onDefault = copyExample(undefined, { "o.yaml": overlay("on-default", "karpenter.sh/nodepool", "default"), "other.yaml": second });
    const full = JSON.parse((await runCli("schedule", onDefault, "-o", "json")).stdout) as Claims;
    expect(full.nodeClaims.map((c) => [c.nodePool, c.price])).toEqual([0, 1, 2].map(() => ["other", price]));
    expect((await runCli("explain", onDefault, "--pod", "data/db-0")).stdout).not.toContain("NodeOverlay: on-default");
  });

  it("names an overlay that was not applied on standard error", async () => {
    const two = ["a", "b"]
      .map(
        (n) => `apiVersion: karpenter.sh/v1alpha1
kind: NodeOverlay
metadata: { name: ${n} }
spec: { weight: 5, price: "1" }
`,
      )
      .join("---\n");
    const { status, stderr } = await runCli("schedule", copyExample(undefined, { "overlays.yaml": two }));
    expect(status).toBe(0);
    expect(stderr).toContain("NodeOverlay a not applied (conflict)");
  });
});

describe("fromKubernetes: storage, overlay and DRA kinds", () => {
  const doc = (object: unknown) => ({ object, file: "x.yaml" });

  it("reads claims, volumes, classes, CSINodes and overlays; counts DRA objects as skipped", () => {
    const input = fromKubernetes([
      doc({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "c" }, spec: { storageClassName: "gp3" } }),
      doc({ apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "pv" }, spec: { csi: { driver: "ebs.csi.aws.com" } } }),
      doc({ apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "gp3" }, provisioner: "ebs.csi.aws.com" }),
      doc({
        apiVersion: "storage.k8s.io/v1",
        kind: "CSINode",
        metadata: { name: "n" },
        spec: { drivers: [{ name: "ebs.csi.aws.com", allocatable: { count: 25 } }] },
      }),
      doc({ apiVersion: "karpenter.sh/v1alpha1", kind: "NodeOverlay", metadata: { name: "o" }, spec: { price: "0.5" } }),
      doc({ apiVersion: "resource.k8s.io/v1", kind: "ResourceClaim", metadata: { name: "gpu" } }),
    ]);
    expect(input.volumes?.persistentVolumeClaims?.[0]?.metadata.namespace).toBe("default");
    expect([
      input.volumes?.persistentVolumes?.length,
      input.volumes?.storageClasses?.length,
      input.volumes?.csiNodes?.length,
      input.nodeOverlays.length,
    ]).toEqual([1, 1, 1, 1]);
    expect(input.skipped.get("ResourceClaim")).toBe(1);
  });

  it("leaves volumes out when no storage document was read", () => {
    expect(fromKubernetes([]).volumes).toBeUndefined();
  });

  it("makes a StatefulSet's missing claims from its templates; a claim document of the same name wins", () => {
    const set = {
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: { name: "db", namespace: "data" },
      spec: {
        replicas: 2,
        template: { spec: { containers: [{ name: "c" }] } },
        volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { storageClassName: "gp3" } }],
      },
    };
    const held = { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "data-db-0", namespace: "data" }, spec: { storageClassName: "held" } };
    const claims = fromKubernetes([doc(set), doc(held)]).volumes?.persistentVolumeClaims?.map((c) => [c.metadata.name, c.spec?.storageClassName]);
    expect(claims).toEqual([
      ["data-db-0", "held"],
      ["data-db-1", "gp3"],
    ]);
    expect(fromKubernetes([doc(set)]).volumes).toBeUndefined();
  });

  it("names the file, document and field of a bad storage or overlay document", () => {
    expect(() =>
      fromKubernetes([doc({ apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "x" }, provisioner: "p", volumeBindingMode: "Later" })]),
    ).toThrow(/x\.yaml: document 1 \(StorageClass x\): volumeBindingMode/);
    expect(() =>
      fromKubernetes([doc({ apiVersion: "karpenter.sh/v1alpha1", kind: "NodeOverlay", metadata: { name: "o" }, spec: { priceAdjustment: "30%" } })]),
    ).toThrow(/NodeOverlay o\): spec\.priceAdjustment: "30%" is not a signed adjustment/);
    expect(() =>
      fromKubernetes([doc({ apiVersion: "karpenter.sh/v1alpha1", kind: "NodeOverlay", metadata: { name: "o" }, spec: { capacity: { cpu: "2" } } })]),
    ).toThrow(/spec\.capacity\.cpu: capacity may not set cpu/);
    expect(() =>
      fromKubernetes([
        doc({
          apiVersion: "v1",
          kind: "PersistentVolume",
          metadata: { name: "pv" },
          spec: { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "k", operator: "Near" }] }] } } },
        }),
      ]),
    ).toThrow(/spec\.nodeAffinity\.required\.nodeSelectorTerms\[0\]\.matchExpressions\[0\]\.operator/);
  });

  it("keeps a pod's ephemeral volume template and DRA claims", () => {
    const input = fromKubernetes([
      doc({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "p" },
        spec: {
          containers: [{ name: "c", resources: { claims: [{ name: "gpu" }] } }],
          resourceClaims: [{ name: "gpu", resourceClaimName: "gpu" }],
          volumes: [{ name: "tmp", ephemeral: { volumeClaimTemplate: { spec: { storageClassName: "gp3" } } } }],
        },
      }),
    ]);
    const spec = input.pods[0]?.spec;
    expect(spec?.volumes?.[0]?.ephemeral?.volumeClaimTemplate?.spec?.storageClassName).toBe("gp3");
    expect([spec?.resourceClaims?.length, spec?.containers[0]?.resources?.claims?.length]).toEqual([1, 1]);
  });
});

/**
 * Issue 8 (3): the documented limits (src/limits.ts) hold at the edge. Inputs of the sizes the issue names
 * load without stack overflow; inputs past a limit are refused with a message naming it, not a crash.
 * The scheduler's own speed at scale is the benchmarks' business; this loads and validates only.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  MAX_DOCUMENT_DEPTH,
  MAX_INSTANCE_TYPES_IN_CATALOG,
  MAX_NODES,
  MAX_PODS,
  MAX_STRING_LENGTH,
  fromKubernetes,
  loadManifests,
  parseManifests,
  readInstanceTypeCatalog,
  safeFromKubernetes,
  type KubernetesDocument,
} from "nodefit/kubernetes";

const container = { name: "app", resources: { requests: { cpu: "100m", memory: "64Mi" } } };
const deployment = (name: string, replicas: number): unknown => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name },
  spec: { replicas, template: { metadata: { labels: { app: name } }, spec: { containers: [container] } } },
});
const node = (name: string): unknown => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name, labels: { "kubernetes.io/hostname": name, "topology.kubernetes.io/zone": "zone-a" } },
  status: { allocatable: { cpu: "4", memory: "16Gi", pods: "110" } },
});
const catalog = (count: number): unknown => ({
  apiVersion: "nodefit.dev/v1alpha1",
  kind: "InstanceTypeCatalog",
  metadata: { name: "big" },
  instanceTypes: Array.from({ length: count }, (_, i) => ({
    name: `type-${i}`,
    labels: { "kubernetes.io/arch": "amd64" },
    capacity: { cpu: String(2 + (i % 64)), memory: `${4 + (i % 256)}Gi`, pods: "110" },
    offerings: [
      { zone: "zone-a", capacityType: "on-demand", price: 0.05 + i / 1000 },
      { zone: "zone-b", capacityType: "spot", price: 0.02 + i / 1000 },
    ],
  })),
});
const docs = (...objects: unknown[]): KubernetesDocument[] => objects.map((object, i) => ({ object, file: "big.yaml", index: i + 1 }));

/** The error message of `safeFromKubernetes`, or a marker when the input loaded. */
function refusal(documents: readonly KubernetesDocument[]): string {
  const result = safeFromKubernetes(documents);
  return result.ok ? "(loaded)" : result.error.message;
}

describe("inputs of the stated sizes load", () => {
  it("100,000 pods: 20 Deployments of 5,000 replicas, plus 1,000 Pods in one PodList", () => {
    const pods = Array.from({ length: 1_000 }, (_, i) => ({ metadata: { name: `solo-${i}` }, spec: { containers: [container] } }));
    const input = fromKubernetes(
      docs(...Array.from({ length: 20 }, (_, i) => deployment(`web-${i}`, 4_950)), { apiVersion: "v1", kind: "PodList", items: pods }),
    );
    expect(input.pods).toHaveLength(100_000);
    expect(new Set(input.pods.map((p) => p.metadata.uid ?? p.metadata.name)).size).toBe(100_000);
  });

  it("exactly MAX_PODS pods load; one more is refused before any pod is built", () => {
    expect(fromKubernetes(docs(deployment("big", MAX_PODS))).pods).toHaveLength(MAX_PODS);
    expect(
      refusal(docs(deployment("big", MAX_PODS), { apiVersion: "v1", kind: "Pod", metadata: { name: "one-more" }, spec: { containers: [container] } })),
    ).toBe("big.yaml: document 2 (Pod default/one-more): this pod brings the input to 150,001 pods, more than the limit of 150,000 (MAX_PODS)");
    expect(refusal(docs(deployment("a", 100_000), deployment("b", 100_000), deployment("c", 100_000)))).toBe(
      "big.yaml: document 2 (Deployment default/b): spec.replicas: 100,000 replicas brings the input to 200,000 pods, more than the limit of 150,000 (MAX_PODS)",
    );
    expect(
      refusal(
        docs({ apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" }, spec: { parallelism: 2 ** 52, template: { spec: { containers: [container] } } } }),
      ),
    ).toMatch(/^big\.yaml: document 1 \(Job default\/j\): spec\.parallelism: 4,503,599,627,370,496 replicas brings the input to .* \(MAX_PODS\)$/);
  });

  it("10,000 Nodes load; past MAX_NODES one problem is reported, not one per Node", () => {
    expect(fromKubernetes(docs(...Array.from({ length: 10_000 }, (_, i) => node(`node-${i}`)))).nodes).toHaveLength(10_000);
    const message = refusal(docs(...Array.from({ length: MAX_NODES + 5 }, (_, i) => node(`node-${i}`))));
    expect(message).toBe(
      `big.yaml: document ${MAX_NODES + 1} (Node node-${MAX_NODES}): this Node brings the input to 15,001 Nodes, more than the limit of 15,000 (MAX_NODES)`,
    );
  });

  it("a catalogue of 5,000 instance types loads and reads; past MAX_INSTANCE_TYPES_IN_CATALOG (across documents) it is refused", () => {
    const input = fromKubernetes(docs(catalog(5_000)));
    const types = input.catalogs.flatMap((doc) => readInstanceTypeCatalog(doc.object, doc));
    expect(types).toHaveLength(5_000);
    const half = MAX_INSTANCE_TYPES_IN_CATALOG / 2;
    const placeholders = (n: number): unknown => ({
      apiVersion: "nodefit.dev/v1alpha1",
      kind: "InstanceTypeCatalog",
      instanceTypes: Array.from({ length: n }, () => ({})),
    });
    expect(refusal(docs(placeholders(half), placeholders(half + 1)))).toBe(
      "big.yaml: document 2 (InstanceTypeCatalog): instanceTypes: its 5,001 instance types brings the input to 10,001 instance types, more than the limit of 10,000 (MAX_INSTANCE_TYPES_IN_CATALOG)",
    );
  });
});

describe("documents past the depth and string limits are refused with the path", () => {
  /** A pod whose annotations hold `depth` nested maps (the pod itself adds 3 levels). */
  function deepPod(depth: number): unknown {
    let value: unknown = "leaf";
    for (let i = 0; i < depth; i++) value = { k: value };
    return { apiVersion: "v1", kind: "Pod", metadata: { name: "deep", annotations: value }, spec: { containers: [container] } };
  }

  it("objects nested past MAX_DOCUMENT_DEPTH, from the API or from YAML", () => {
    const message = refusal(docs(deepPod(MAX_DOCUMENT_DEPTH)));
    expect(message).toMatch(
      /^big\.yaml: document 1 \(Pod default\/deep\): metadata\.annotations(\.k)+: nests deeper than the limit of 100 levels \(MAX_DOCUMENT_DEPTH\)$/,
    );
    expect(refusal(docs(deepPod(100_000)))).toBe(message);
    const yaml = JSON.stringify(deepPod(150));
    expect(() => parseManifests(yaml, "deep.json")).toThrow(/^deep\.json: document 1: metadata\.annotations(\.k)+: nests deeper than the limit of 100 levels/);
  });

  it("a YAML text nested 100,000 levels deep is a syntax or limit error, never a stack overflow", () => {
    for (const text of ["[".repeat(100_000) + "]".repeat(100_000), `${"{a: ".repeat(50_000)}1${"}".repeat(50_000)}`]) {
      let error: unknown;
      try {
        fromKubernetes(parseManifests(text, "deep.yaml"));
      } catch (caught) {
        error = caught;
      }
      expect((error as { code?: unknown }).code).toBe("invalid-input");
      expect((error as Error).message.startsWith("deep.yaml: document 1: ")).toBe(true);
    }
  });

  it("a reference cycle in an API object", () => {
    const object = { apiVersion: "v1", kind: "Node", metadata: { name: "n", labels: {} as Record<string, unknown> } };
    object.metadata.labels["self"] = object;
    expect(refusal(docs(object))).toBe("big.yaml: document 1 (Node n): metadata.labels.self: refers back to an object that contains it (a reference cycle)");
  });

  it("strings and keys longer than MAX_STRING_LENGTH", () => {
    const long = "v".repeat(MAX_STRING_LENGTH + 1);
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", annotations: { note: long } }, spec: { containers: [container] } };
    expect(refusal(docs(pod))).toBe(
      "big.yaml: document 1 (Pod default/p): metadata.annotations.note: a string of 1,048,577 characters is longer than the limit of 1,048,576 (MAX_STRING_LENGTH)",
    );
    expect(() => parseManifests(`apiVersion: v1\nkind: ConfigMap\ndata:\n  big: ${long}\n`, "cm.yaml")).toThrow(
      "cm.yaml: document 1: data.big: a string of 1,048,577",
    );
  });
});

describe("loadManifests applies the same limits to files", () => {
  const folder = mkdtempSync(join(tmpdir(), "nodefit-limits-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("names the file and the limit", async () => {
    const file = join(folder, "deep.yaml");
    let text = "leaf";
    for (let i = 0; i < 120; i++) text = `{ k: ${text} }`;
    writeFileSync(file, `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: ${text}\n`);
    await expect(loadManifests([file])).rejects.toThrow(
      new RegExp(`^${file}: document 1: data(\\.k)+: nests deeper than the limit of 100 levels \\(MAX_DOCUMENT_DEPTH\\)$`),
    );
  });
});

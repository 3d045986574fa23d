import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromKubernetes, loadManifests } from "nodefit/kubernetes";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const cluster = join(fixtures, "cluster");

describe("loadManifests + fromKubernetes on a manifests folder", () => {
  it("reads folders recursively in name order, only manifest files, and builds the input", async () => {
    const documents = await loadManifests([cluster]);
    expect(documents.map((d) => [d.file?.slice(cluster.length + 1), d.index])).toEqual([
      ["apps/batch.json", 1],
      ["apps/web.yaml", 1],
      ["apps/web.yaml", 2],
      ["apps/web.yaml", 3],
      ["apps/web.yaml", 4],
      ["karpenter/nodepool.yml", 1],
      ["karpenter/nodepool.yml", 2],
      ["nodes.yaml", 1],
      ["nodes.yaml", 2],
      ["nodes.yaml", 3],
    ]);
    const input = fromKubernetes(documents);
    expect(input.pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      "default/report-0",
      "default/report-1",
      "shop/web-0",
      "shop/web-1",
      "shop/web-2",
    ]);
    expect(input.pods[2]?.metadata.labels).toEqual({ app: "web" });
    expect(input.pods[2]?.metadata.creationTimestamp).toBe("2026-01-01T00:00:00Z");
    expect(input.pods[0]?.spec.containers[0]?.resources?.requests).toEqual({ cpu: 1, memory: "1Gi" });
    expect(input.boundPods.map((p) => p.metadata.name)).toEqual(["db-0"]);
    expect(input.nodes.map((n) => n.metadata.name)).toEqual(["ip-10-0-1-1.ec2.internal"]);
    expect(input.nodePools[0]?.spec.disruption?.budgets).toHaveLength(2);
    expect(input.daemonSets[0]?.metadata.namespace).toBe("monitoring");
    expect(input.podDisruptionBudgets[0]?.spec?.maxUnavailable).toBe(1);
    expect([...input.skipped]).toEqual([
      ["ConfigMap", 1],
      ["Service", 1],
    ]);
    expect(input.ec2NodeClasses.map((c) => c.spec?.amiSelectorTerms?.[0]?.alias)).toEqual(["al2023@latest"]);
  });

  it("reads files and folders in the order given", async () => {
    const documents = await loadManifests([join(cluster, "nodes.yaml"), join(cluster, "apps")]);
    expect(documents.map((d) => d.file?.slice(cluster.length + 1))).toEqual([
      "nodes.yaml",
      "nodes.yaml",
      "nodes.yaml",
      "apps/batch.json",
      "apps/web.yaml",
      "apps/web.yaml",
      "apps/web.yaml",
      "apps/web.yaml",
    ]);
  });
});

describe("loadManifests errors", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "nodefit-load-"));
    await mkdir(join(dir, "empty-folder"));
    await mkdir(join(dir, "broken"));
    await writeFile(join(dir, "broken", "a-syntax.yaml"), "apiVersion: v1\nkind: Node\nmetadata:\n  name: [a\n");
    await writeFile(join(dir, "broken", "b-empty.yml"), "# nothing\n");
    await writeFile(join(dir, "broken", "c-bad.json"), '{"apiVersion": "v1",, "kind": "Node"}');
    await mkdir(join(dir, "loop"));
    await writeFile(join(dir, "loop", "node.yaml"), "apiVersion: v1\nkind: Node\nmetadata: { name: a }\n");
    await symlink(join(dir, "loop"), join(dir, "loop", "again"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function failure(paths: readonly string[]): Promise<string> {
    const error = await loadManifests(paths).then(
      () => undefined,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error?.code).toBe("invalid-input");
    return error?.message ?? "";
  }

  it("reports every syntax error and empty file, with line and column", async () => {
    const message = await failure([join(dir, "broken")]);
    const lines = message.split("\n").map((line) => line.replace(`${dir}/`, ""));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^broken\/a-syntax\.yaml: document 1: line 5, column 1: /);
    expect(lines[1]).toBe("broken/b-empty.yml: is empty: it holds no Kubernetes object");
    expect(lines[2]).toMatch(/^broken\/c-bad\.json: document 1: line 1, column \d+: /);
  });

  it("reports missing paths and folders without manifests", async () => {
    const message = await failure([join(dir, "missing.yaml"), join(dir, "empty-folder")]);
    const lines = message.split("\n").map((line) => line.replace(`${dir}/`, ""));
    expect(lines[0]).toMatch(/^missing\.yaml: cannot be read: ENOENT/);
    expect(lines[1]).toBe("empty-folder: holds no .yaml, .yml or .json file");
  });

  it("visits a symlinked folder cycle once", async () => {
    const documents = await loadManifests([join(dir, "loop")]);
    expect(documents).toHaveLength(1);
  });
});

/**
 * Issue 18: inputs within the old limits whose scheduling grew super-linearly are refused where they
 * are read, naming the limit: many NodePools, and many topology constraints times many pods. Each case
 * is the issue's own input, refused before any scheduling (so these tests are cheap).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadFailure } from "./pipeline.js";
import { MAX_NODE_POOLS, MAX_TOPOLOGY_SPREAD_WORK, loadManifests } from "nodefit/kubernetes";

const folder = mkdtempSync(join(tmpdir(), "nodefit-scale-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, documents: readonly unknown[]): string {
  const file = join(folder, name);
  writeFileSync(file, documents.map((d) => JSON.stringify(d)).join("\n---\n"));
  return file;
}

const failure = loadFailure;

const nodePool = (name: string): unknown => ({
  apiVersion: "karpenter.sh/v1",
  kind: "NodePool",
  metadata: { name },
  spec: { template: { spec: { requirements: [] } } },
});
const container = { name: "app", resources: { requests: { cpu: "100m" } } };
const zoneSpread = (app: string): unknown => ({
  maxSkew: 1,
  topologyKey: "topology.kubernetes.io/zone",
  whenUnsatisfiable: "DoNotSchedule",
  labelSelector: { matchLabels: { app } },
});
const spreadDeployment = (app: string, replicas: number): unknown => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: app },
  spec: { replicas, template: { metadata: { labels: { app } }, spec: { containers: [container], topologySpreadConstraints: [zoneSpread(app)] } } },
});

describe("MAX_NODE_POOLS", () => {
  it(`${MAX_NODE_POOLS} NodePools load; one more (4,000 ran out of memory) is refused, across files`, async () => {
    const half = MAX_NODE_POOLS / 2;
    const a = write(
      "pools-a.yaml",
      Array.from({ length: half }, (_, i) => nodePool(`a-${i}`)),
    );
    const b = write(
      "pools-b.yaml",
      Array.from({ length: half }, (_, i) => nodePool(`b-${i}`)),
    );
    expect(await loadManifests([a, b])).toHaveLength(MAX_NODE_POOLS);
    const c = write("pools-c.yaml", [{ apiVersion: "karpenter.sh/v1", kind: "NodePoolList", items: [{ metadata: { name: "one-more" }, spec: {} }] }]);
    expect(await failure([a, b, c])).toBe(
      `${c}: document 1 (NodePool one-more): items[0]: this NodePool brings the input to 501 NodePools, more than the limit of 500 (MAX_NODE_POOLS)`,
    );
  });
});

describe("MAX_TOPOLOGY_SPREAD_WORK", () => {
  it("6,000 Deployments × 3 replicas, each with its own zone spread (once 39 s), are refused at the Deployment that passes the limit", async () => {
    const file = write(
      "spread.yaml",
      Array.from({ length: 6_000 }, (_, i) => spreadDeployment(`web-${i}`, 3)),
    );
    // 1,826 constraints × 5,478 pods = 10,002,828 is the first count past 10,000,000.
    expect(await failure([file])).toBe(
      `${file}: document 1826 (Deployment default/web-1825): this Deployment brings the topology work to 10,002,828 (1,826 distinct topology constraints × 5,478 pods + 5,478 pending constrained pods × 0 Nodes), more than the limit of 10,000,000 (MAX_TOPOLOGY_SPREAD_WORK)`,
    );
  });

  it("pods each with their own spread constraint (16,000 once took 197 s) are refused from the 3,163rd", async () => {
    const pods = Array.from({ length: 3_200 }, (_, i) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `p-${i}`, labels: { app: `p-${i}` } },
      spec: { containers: [container], topologySpreadConstraints: [zoneSpread(`p-${i}`)] },
    }));
    expect(await failure([write("own-spread.yaml", pods)])).toMatch(
      /: document 3163 \(Pod default\/p-3162\): this Pod brings the topology work to 10,004,569 \(3,163 distinct topology constraints × 3,163 pods \+ 3,163 pending constrained pods × 0 Nodes\), .* \(MAX_TOPOLOGY_SPREAD_WORK\)$/,
    );
  });

  it("2,000 spread pods over 15,000 Nodes (once 68 s) are refused at the Node that passes the limit", async () => {
    const nodes = Array.from({ length: 15_000 }, (_, i) => ({ apiVersion: "v1", kind: "Node", metadata: { name: `node-${i}` } }));
    const file = write("nodes.yaml", [spreadDeployment("web", 2_000), ...nodes]);
    // 1 × 2,000 + 2,000 × 4,999 = 10,000,000 is still within; the 5,000th Node passes it.
    expect(await failure([file])).toBe(
      `${file}: document 5001 (Node node-4999): this Node brings the topology work to 10,002,000 (1 distinct topology constraints × 2,000 pods + 2,000 pending constrained pods × 5,000 Nodes), more than the limit of 10,000,000 (MAX_TOPOLOGY_SPREAD_WORK)`,
    );
  });

  it("running pods with constraints are not tried against Nodes: 2,000 of them on 15,000 Nodes load", async () => {
    const nodes = Array.from({ length: 15_000 }, (_, i) => ({ apiVersion: "v1", kind: "Node", metadata: { name: `node-${i}` } }));
    const running = Array.from({ length: 2_000 }, (_, i) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `run-${i}`, labels: { app: "web" } },
      spec: { nodeName: `node-${i}`, containers: [container], topologySpreadConstraints: [zoneSpread("web")] },
    }));
    expect(await loadManifests([write("running.yaml", [...running, ...nodes])])).toHaveLength(17_000);
  });

  it("the same constraint written in another key order, or shared by many pods, is one constraint", async () => {
    const reordered = {
      labelSelector: { matchLabels: { app: "web" } },
      whenUnsatisfiable: "DoNotSchedule",
      topologyKey: "topology.kubernetes.io/zone",
      maxSkew: 1,
    };
    const many = { ...(spreadDeployment("web", 100_000) as object) };
    const again = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "solo", labels: { app: "web" } },
      spec: { containers: [container], topologySpreadConstraints: [reordered] },
    };
    expect(await loadManifests([write("shared.yaml", [many, again])])).toHaveLength(2);
    expect(MAX_TOPOLOGY_SPREAD_WORK).toBeGreaterThan(100_001);
  });

  it("1,000 spread Deployments of 3 replicas (3,000,000) load", async () => {
    expect(
      await loadManifests([
        write(
          "fine.yaml",
          Array.from({ length: 1_000 }, (_, i) => spreadDeployment(`ok-${i}`, 3)),
        ),
      ]),
    ).toHaveLength(1_000);
  });
});

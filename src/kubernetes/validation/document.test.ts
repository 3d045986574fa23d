import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { semanticProblems } from "./document.js";

const paths = (object: unknown): string[] => semanticProblems(object).map((p) => p.path.join("."));

describe("semanticProblems: accepted by the schemas, refused by the API server (issue 18)", () => {
  it("a pod with phase Bogus, a bad name, namespace, label key and value, nodeSelector and half a GPU", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "Web_1", namespace: "Shop", labels: { "bad key": "ok", app: "-bad" } },
      spec: {
        nodeSelector: { "x/y/z": "v" },
        containers: [{ name: "a", resources: { requests: { "nvidia.com/gpu": "0.5" }, limits: { "nvidia.com/gpu": "1" } } }],
      },
      status: { phase: "Bogus" },
    };
    expect(paths(pod)).toEqual([
      "metadata.name",
      "metadata.namespace",
      "metadata.labels.bad key",
      "metadata.labels.app",
      "spec.nodeSelector.x/y/z",
      "spec.containers.0.resources.requests.nvidia.com/gpu",
      "status.phase",
    ]);
  });

  it("a Deployment whose selector does not match its template", () => {
    const deployment = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: { selector: { matchLabels: { app: "api" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "a" }] } } },
    };
    expect(semanticProblems(deployment)).toEqual([
      { path: ["spec", "selector"], message: "does not select the pod template's labels (spec.template.metadata.labels)" },
    ]);
  });

  it("NodePool template labels and Node labels are label maps too; Node names may hold dots", () => {
    expect(paths({ kind: "NodePool", metadata: { name: "default" }, spec: { template: { metadata: { labels: { "team/": "a" } } } } })).toEqual([
      "spec.template.metadata.labels.team/",
    ]);
    expect(paths({ kind: "Node", metadata: { name: "ip-10-0-0-1.ec2.internal", labels: { "topology.kubernetes.io/zone": "us-east-1a" } } })).toEqual([]);
  });

  it("fields of the wrong type are left to the schemas", () => {
    expect(paths({ kind: "Pod", metadata: { name: 3, labels: "x" }, spec: { containers: "no" }, status: "?" })).toEqual([]);
  });

  test.prop([fc.anything()], { numRuns: 200 })("never throws, whatever it is given", (value) => {
    expect(Array.isArray(semanticProblems(value))).toBe(true);
  });
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { fromKubernetes, safeFromKubernetes } from "./from-kubernetes.js";
import type { ManifestError } from "./manifest-error.js";
import { deployment, inFile, node, nodePool, pod } from "./test-documents.js";
import type { KubernetesDocument } from "./types.js";

/** The error lines for the given documents (fails the test when they load). */
function errorLines(documents: readonly KubernetesDocument[]): string[] {
  const result = safeFromKubernetes(documents);
  if (result.ok) throw new Error("expected the documents to be rejected");
  expect(result.error.code).toBe("invalid-input");
  return result.error.message.split("\n");
}

function webWithCpu(cpu: unknown): Record<string, unknown> {
  return { ...deployment("web"), spec: { template: { spec: { containers: [{ resources: { requests: { cpu } } }] } } } };
}

const CPU_PATH = "spec.template.spec.containers[0].resources.requests.cpu";

describe("fromKubernetes errors name file, document and field", () => {
  it.each([
    ["abc", `"abc" is not a quantity`],
    ["1K", `"1K" is not a quantity`],
    ["-1", `"-1" must not be negative`],
    [-0.5, `-0.5 must not be negative`],
    [true, `true is not a quantity (expected a string or a number)`],
    [{}, `an object is not a quantity (expected a string or a number)`],
  ])("request %o", (cpu, message) => {
    const lines = errorLines(inFile("deployments/web.yaml", pod("ok"), webWithCpu(cpu)));
    expect(lines).toEqual([`deployments/web.yaml: document 2 (Deployment default/web): ${CPU_PATH}: ${message}`]);
  });

  it("accepts valid quantities, numbers included", () => {
    // "1e400" is beyond every float64; Kubernetes accepts it, and nodefit rounds it (deviation V4).
    for (const cpu of ["1.5", "100m", "2", 3, "0", ".5", "1e3", "1e400", "10000000Gi"])
      expect(() => fromKubernetes([{ object: webWithCpu(cpu) }])).not.toThrow();
  });

  it("throws a ManifestError whose path is the first problem's field", () => {
    let caught: unknown;
    try {
      fromKubernetes(inFile("w.yaml", webWithCpu("abc")));
    } catch (error) {
      caught = error;
    }
    const error = caught as ManifestError;
    expect(error.code).toBe("invalid-input");
    expect(error.path).toEqual(["spec", "template", "spec", "containers", 0, "resources", "requests", "cpu"]);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.document).toEqual({ file: "w.yaml", index: 1, kind: "Deployment", name: "web", namespace: "default" });
  });

  it("collects every problem of a document and of every document", () => {
    const broken = { ...deployment("web"), metadata: { name: "web", namespace: "prod" }, spec: { replicas: "3", template: { spec: { containers: "x" } } } };
    const lines = errorLines([...inFile("a.yaml", broken), ...inFile("b.yaml", { apiVersion: "v1", kind: "Pod", metadata: {}, spec: {} })]);
    expect(lines).toEqual([
      `a.yaml: document 1 (Deployment prod/web): spec.replicas: expected a number, got "3"`,
      `a.yaml: document 1 (Deployment prod/web): spec.template.spec.containers: expected a list, got "x"`,
      `b.yaml: document 1 (Pod): metadata.name: is required`,
      `b.yaml: document 1 (Pod): spec.containers: is required`,
    ]);
  });

  it("reports wrong types, missing fields and invalid operators in scheduling fields", () => {
    const object = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "t", labels: { a: 1 } },
      spec: {
        containers: [],
        tolerations: [
          { key: "a", operator: "Bogus", effect: "Never" },
          { operator: "Equal" },
          { key: "x", operator: "Gt", value: "z" },
          { operator: "Exists", value: "v" },
        ],
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                {
                  matchExpressions: [
                    { key: "k", operator: "Like", values: ["a"] },
                    { key: "k", operator: "In" },
                    { key: "k", operator: "Gt", values: ["a"] },
                  ],
                },
              ],
            },
          },
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: "a", operator: "Gt", values: ["1"] }] } }],
          },
        },
        topologySpreadConstraints: [{ maxSkew: 0, topologyKey: "", whenUnsatisfiable: "Maybe" }],
      },
    };
    const prefix = "p.yaml: document 1 (Pod default/t): ";
    const term = "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]";
    expect(errorLines(inFile("p.yaml", object)).sort()).toEqual(
      [
        `metadata.labels.a: expected a string, got 1`,
        `${term}.matchExpressions[0].operator: "Like" is not one of "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"`,
        `${term}.matchExpressions[1].values: operator In needs at least one value`,
        `${term}.matchExpressions[2].values: operator Gt needs exactly one integer value`,
        `spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator: "Gt" is not one of "In", "NotIn", "Exists", "DoesNotExist"`,
        `spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: is required`,
        `spec.tolerations[0].operator: "Bogus" is not one of "", "Equal", "Exists", "Lt", "Gt"`,
        `spec.tolerations[0].effect: "Never" is not one of "", "NoSchedule", "PreferNoSchedule", "NoExecute"`,
        `spec.tolerations[1].operator: an empty key requires operator "Exists", not "Equal"`,
        `spec.tolerations[2].value: operator Gt needs an integer value, got "z"`,
        `spec.tolerations[3].value: must be empty with operator "Exists", got "v"`,
        `spec.topologySpreadConstraints[0].maxSkew: 0 is less than the minimum 1`,
        `spec.topologySpreadConstraints[0].topologyKey: must not be empty`,
        `spec.topologySpreadConstraints[0].whenUnsatisfiable: "Maybe" is not one of "DoNotSchedule", "ScheduleAnyway"`,
        `spec.containers: needs at least one container`,
      ]
        .map((line) => prefix + line)
        .sort(),
    );
  });

  it("reports NodePool, PodDisruptionBudget and Node problems", () => {
    const pool = {
      apiVersion: "karpenter.sh/v1",
      kind: "NodePool",
      metadata: { name: "np" },
      spec: {
        weight: 0,
        limits: { cpu: "lots" },
        template: {
          metadata: { labels: { "karpenter.sh/custom": "x", team: "a" } },
          spec: {
            expireAfter: "30 days",
            requirements: [
              { key: "a", operator: "In", values: ["x"], minValues: 2 },
              { key: "gen", operator: "Gt", values: ["-1"] },
              { key: "kubernetes.io/hostname", operator: "Exists" },
            ],
            taints: [{ key: "k", effect: "Sometimes" }],
          },
        },
        disruption: { consolidationPolicy: "Always", budgets: [{ nodes: "50 percent", schedule: "@daily" }] },
      },
    };
    const pdb = {
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: { name: "p", namespace: "ns" },
      spec: { minAvailable: "half", maxUnavailable: 1 },
    };
    const bad = { apiVersion: "v1", kind: "Node", metadata: { name: "n", creationTimestamp: "yesterday" }, status: { allocatable: "lots" } };
    expect(errorLines(inFile("c.yaml", pool, pdb, bad)).sort()).toEqual(
      [
        `c.yaml: document 1 (NodePool np): spec.template.spec.requirements[0].minValues: requirement "a": minValues 2 is more than the 1 values of operator In`,
        `c.yaml: document 1 (NodePool np): spec.template.spec.requirements[1].values[0]: requirement "gen": operator Gt needs a non-negative integer no larger than 9007199254740991, got "-1"`,
        `c.yaml: document 1 (NodePool np): spec.template.spec.requirements[2].key: label "kubernetes.io/hostname" is restricted`,
        `c.yaml: document 1 (NodePool np): spec.template.metadata.labels.karpenter.sh/custom: label "karpenter.sh/custom" is restricted`,
        `c.yaml: document 1 (NodePool np): spec.template.spec.taints[0].effect: "Sometimes" is not one of "NoSchedule", "PreferNoSchedule", "NoExecute"`,
        `c.yaml: document 1 (NodePool np): spec.template.spec.expireAfter: "30 days" is not a duration like "720h" or "Never"`,
        `c.yaml: document 1 (NodePool np): spec.limits.cpu: "lots" is not a quantity`,
        `c.yaml: document 1 (NodePool np): spec.weight: 0 is less than the minimum 1`,
        `c.yaml: document 1 (NodePool np): spec.disruption.consolidationPolicy: "Always" is not one of "WhenEmpty", "WhenEmptyOrUnderutilized"`,
        `c.yaml: document 1 (NodePool np): spec.disruption.budgets[0].nodes: "50 percent" is not a node count or percentage like "10" or "20%"`,
        `c.yaml: document 1 (NodePool np): spec.disruption.budgets[0].duration: schedule and duration must be set together`,
        `c.yaml: document 2 (PodDisruptionBudget ns/p): spec.minAvailable: "half" is neither an integer nor a percentage like "50%"`,
        `c.yaml: document 2 (PodDisruptionBudget ns/p): spec.maxUnavailable: minAvailable and maxUnavailable cannot both be set`,
        `c.yaml: document 3 (Node n): metadata.creationTimestamp: "yesterday" is not an RFC 3339 timestamp`,
        `c.yaml: document 3 (Node n): status.allocatable: expected a map of resource quantities, got "lots"`,
      ].sort(),
    );
  });

  it("rejects documents without apiVersion or kind, non-objects, unknown kinds and unsupported versions", () => {
    const lines = errorLines(
      inFile(
        "m.yaml",
        { kind: "Pod" },
        { metadata: { name: "x" } },
        "text",
        [1, 2],
        { apiVersion: "batch/v1", kind: "Frobnicator", metadata: { name: "f" } },
        { ...nodePool("old"), apiVersion: "karpenter.sh/v1beta1" },
      ),
    );
    expect(lines).toEqual([
      `m.yaml: document 1: not a Kubernetes object: no apiVersion`,
      `m.yaml: document 2: not a Kubernetes object: no apiVersion and no kind`,
      `m.yaml: document 3: expected a Kubernetes object, got "text"`,
      `m.yaml: document 4: expected a Kubernetes object, got a list`,
      `m.yaml: document 5 (Frobnicator): kind: unknown kind "Frobnicator" (apiVersion "batch/v1")`,
      `m.yaml: document 6 (NodePool old): apiVersion: "karpenter.sh/v1beta1" is not supported for NodePool; expected "karpenter.sh/v1"`,
    ]);
  });

  it("rejects duplicate names of one kind and namespace, including pods a workload generates", () => {
    const lines = errorLines([
      ...inFile("a.yaml", node("n"), pod("web-1"), deployment("web", 1), pod("web-1", undefined, "other")),
      ...inFile("b.yaml", node("n"), deployment("web", 3), { ...deployment("web", 1), kind: "StatefulSet" }),
    ]);
    expect(lines).toEqual([
      `b.yaml: document 1 (Node n): metadata.name: duplicate Node n, first defined in a.yaml: document 1 (Node n)`,
      `b.yaml: document 2 (Deployment default/web): metadata.name: duplicate Deployment default/web, first defined in a.yaml: document 3 (Deployment default/web)`,
      `b.yaml: document 3 (StatefulSet default/web): metadata.name: duplicate Pod default/web-0, first defined in a.yaml: document 3 (Deployment default/web)`,
    ]);
    // web-1 of a 2-replica Deployment clashes with the Pod web-1.
    expect(errorLines([{ object: pod("web-1") }, { object: deployment("web", 2) }])).toEqual([
      `document 2 (Deployment default/web): metadata.name: duplicate Pod default/web-1, first defined in document 1 (Pod default/web-1)`,
    ]);
  });

  it("numbers documents by position when they carry no file or index", () => {
    expect(errorLines([{ object: node("a") }, { object: { apiVersion: "v1", kind: "Node", metadata: { name: 7 } } }])).toEqual([
      `document 2 (Node): metadata.name: expected a string, got 7`,
    ]);
  });

  it("names the item of a List", () => {
    const list = {
      apiVersion: "v1",
      kind: "PodList",
      items: [{ metadata: { name: "a" }, spec: { containers: [{ resources: { limits: { memory: "1Q" } } }] } }],
    };
    expect(errorLines(inFile("l.json", list))).toEqual([
      `l.json: document 1 (Pod default/a): items[0].spec.containers[0].resources.limits.memory: "1Q" is not a quantity`,
    ]);
  });

  // Signed numbers are outside the property: "-0" is a quantity (negative ones are refused by their own test).
  test.prop([fc.string().filter((s) => !/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.test(s))])(
    "any string outside the quantity grammar is rejected with its path",
    (text) => {
      const lines = errorLines([{ object: webWithCpu(text), file: "f.yaml", index: 4 }]);
      expect(lines).toHaveLength(1);
      expect(lines[0]?.startsWith(`f.yaml: document 4 (Deployment default/web): ${CPU_PATH}: ${JSON.stringify(text)} `)).toBe(true);
    },
  );
});

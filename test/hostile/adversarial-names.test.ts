/**
 * Issue 8 (2): labels, annotations, namespaces, resource names and node names such as `__proto__`,
 * `constructor`, `toString` and very long strings are plain data. The same cluster written with an
 * ordinary word in their place gives the same answer, word for word, in the core; the edge refuses the
 * ones the API server would refuse (issue 18), naming the field.
 */
import { describe, expect, it } from "vitest";
import { fromKubernetes, parseManifests, safeFromKubernetes, type KubernetesDocument, type KubernetesInput } from "nodefit/kubernetes";
import { consolidationJsonOf, exampleFiles, scheduleJson, scheduleJsonOf } from "./pipeline.js";

/**
 * The ordinary word standing for `word`: the same word with `x` appended, which is no special property
 * name, sorts exactly as `word` does against every other string of the cluster (so orderings agree), and is a
 * valid label value wherever `word` is one (the core checks pods' node selectors as upstream does).
 */
const benign = (word: string): string => `${word}x`;
/** A word valid everywhere the API server checks, read by the edge and then replaced. */
const PLACEHOLDER = "placeholderword";
const HOSTILE = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "__defineGetter__", "prototype", "b".repeat(20_000)];

const catalog = exampleFiles("mixed").find(([file]) => file.endsWith("catalog.yaml"));

/** A small cluster in which `word` is every user-chosen name, label key, label value and resource name. */
function cluster(word: string): KubernetesDocument[] {
  const labels = { [word]: word };
  const node = {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: word,
      creationTimestamp: "2026-05-01T00:00:00Z",
      labels: {
        ...labels,
        "kubernetes.io/hostname": word,
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/os": "linux",
        "node.kubernetes.io/instance-type": "general.xlarge",
        "topology.kubernetes.io/zone": "zone-a",
        "karpenter.sh/capacity-type": "on-demand",
        "karpenter.sh/nodepool": word,
        "example.com/family": "general",
      },
      annotations: labels,
    },
    status: { allocatable: { cpu: "3920m", memory: "14Gi", pods: "58" }, capacity: { cpu: "4", memory: "16Gi", pods: "58" } },
  };
  const nodePool = {
    apiVersion: "karpenter.sh/v1",
    kind: "NodePool",
    metadata: { name: word },
    spec: {
      template: {
        metadata: { labels, annotations: labels },
        spec: {
          requirements: [
            { key: "example.com/family", operator: "In", values: ["general"] },
            { key: word, operator: "In", values: [word] },
          ],
          taints: [{ key: word, value: word, effect: "NoSchedule" }],
        },
      },
      disruption: { consolidationPolicy: "WhenEmptyOrUnderutilized", consolidateAfter: "0s" },
    },
  };
  const podSpec = {
    nodeSelector: labels,
    tolerations: [{ key: word, operator: "Exists" }],
    topologySpreadConstraints: [
      { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: labels } },
    ],
    containers: [{ name: word, resources: { requests: { cpu: "700m", memory: "1Gi" } } }],
  };
  const deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: word, namespace: word, annotations: labels },
    spec: { replicas: 5, template: { metadata: { labels, annotations: labels }, spec: podSpec } },
  };
  const bound = { apiVersion: "v1", kind: "Pod", metadata: { name: "bound", namespace: word, labels }, spec: { ...podSpec, nodeName: word } };
  const wanting = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "wants", namespace: word, labels },
    spec: { containers: [{ resources: { requests: { [word]: "1" } } }] },
  };
  const pdb = {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name: word, namespace: word },
    spec: { selector: { matchLabels: labels }, maxUnavailable: 1 },
  };
  const objects = [node, nodePool, deployment, bound, wanting, pdb].map((object, i) => ({
    object: JSON.parse(JSON.stringify(object)) as unknown,
    file: "cluster.json",
    index: i + 1,
  }));
  return [...parseManifests(catalog?.[1] ?? "", "catalog.yaml"), ...objects];
}

describe("adversarial names are plain data", () => {
  it("the benign cluster exercises placement on the node, new claims and an unschedulable pod", () => {
    const result = JSON.parse(scheduleJson(cluster("benign"))) as { nodeClaims: unknown[]; existingNodes: unknown[]; unschedulable: unknown[] };
    expect(result.nodeClaims.length).toBeGreaterThan(0);
    expect(result.existingNodes.length).toBe(1);
    expect(result.unschedulable.length).toBe(1);
  });

  it.each(HOSTILE.map((word) => [word.length > 40 ? `${word.slice(0, 8)}… (${word.length} characters)` : word, word]))("%s", (_, word) => {
    // The core takes objects that never passed an API server: one cluster read once with a placeholder, the
    // placeholder then put back by JSON (so `__proto__` is an own key) as the word and as the ordinary word.
    const template = JSON.stringify({ ...fromKubernetes(cluster(PLACEHOLDER)), skipped: {} });
    const as = (w: string): KubernetesInput => JSON.parse(template.replaceAll(PLACEHOLDER, w)) as KubernetesInput;
    const hostile = as(word);
    const ordinary = as(benign(word));
    expect(scheduleJsonOf(hostile).replaceAll(word, benign(word))).toBe(scheduleJsonOf(ordinary));
    expect(consolidationJsonOf(hostile).replaceAll(word, benign(word))).toBe(consolidationJsonOf(ordinary));
    // The edge refuses what the API server would (a `__proto__` label key, an upper-case or 20,000-character
    // name), naming the document and field; what it accepts is plain data with the same answer.
    const loaded = safeFromKubernetes(cluster(word));
    if (loaded.ok) {
      const labels = loaded.value.pods[0]?.metadata.labels ?? {};
      expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
      expect(Object.keys(labels)).toEqual([word]);
      expect(scheduleJsonOf(loaded.value)).toBe(scheduleJsonOf(hostile));
    } else {
      for (const line of loaded.error.message.split("\n")) {
        expect(line).toMatch(/^cluster\.json: document \d+ \(.+\): (metadata|spec)\..+: /);
        expect(line.length).toBeLessThan(1_000);
      }
    }
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("an empty label value is data too: the same as any other value", () => {
    const withEmpty = (value: string): KubernetesDocument[] => [
      {
        object: { apiVersion: "v1", kind: "Pod", metadata: { name: "p", labels: { tier: value } }, spec: { nodeSelector: { tier: value }, containers: [{}] } },
      },
      {
        object: {
          apiVersion: "karpenter.sh/v1",
          kind: "NodePool",
          metadata: { name: "np" },
          spec: {
            template: { metadata: { labels: { tier: value } }, spec: { requirements: [{ key: "example.com/family", operator: "In", values: ["general"] }] } },
          },
        },
      },
      ...parseManifests(catalog?.[1] ?? "", "catalog.yaml"),
    ];
    const x = JSON.parse(scheduleJson(withEmpty("x"))) as unknown;
    expect(JSON.parse(scheduleJson(withEmpty("")), (_, value: unknown) => (value === "" ? "x" : value))).toEqual(x);
  });
});

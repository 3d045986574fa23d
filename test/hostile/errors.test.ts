/**
 * Issue 8 (1): every malformed input gets one error naming the file, the document (kind,
 * namespace/name when known), the field path and the bad value; the library throws one error type
 * with a stable code (and returns it from the non-throwing form); the CLI exits 1 without a stack trace.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fromKubernetes, parseManifests, safeFromKubernetes, type KubernetesDocument } from "nodefit/kubernetes";
import { runCli } from "../cli/run-cli.js";

const POD = (requests: string): string => `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop }
spec:
  containers:
    - name: app
      resources: { requests: ${requests} }
`;
const POOL = (requirement: string): string => `apiVersion: karpenter.sh/v1
kind: NodePool
metadata: { name: general }
spec:
  template:
    spec:
      requirements:
        - ${requirement}
`;
const BUDGET = (budget: string): string => `apiVersion: karpenter.sh/v1
kind: NodePool
metadata: { name: general }
spec:
  disruption:
    budgets:
      - ${budget}
`;
const POD_AT = "bad.yaml: document 1 (Pod shop/web): spec.containers[0].resources.requests";
const POOL_AT = "bad.yaml: document 1 (NodePool general): spec.template.spec.requirements[0]";
const BUDGET_AT = "bad.yaml: document 1 (NodePool general): spec.disruption.budgets[0]";

/** [what, file text, the whole error message]. */
const CASES: ReadonlyArray<readonly [string, string, string]> = [
  ["a quantity that is not one", POD("{ cpu: abc }"), `${POD_AT}.cpu: "abc" is not a quantity`],
  ["a suffix Kubernetes does not know", POD("{ memory: 1K }"), `${POD_AT}.memory: "1K" is not a quantity`],
  [
    "a number beyond the largest float",
    POD("{ memory: 1e400 }"),
    `${POD_AT}.memory: Infinity is not a quantity: the number is beyond the largest float (quote it to keep it as written)`,
  ],
  [
    "a quantity longer than the limit",
    POD(`{ cpu: "${"1".repeat(100_000)}x" }`),
    `${POD_AT}.cpu: a quantity of 100001 characters is longer than the limit of 64 (MAX_QUANTITY_LENGTH): "11111111111111111111"...`,
  ],
  ["a negative request", POD('{ cpu: "-1" }'), `${POD_AT}.cpu: "-1" must not be negative`],
  ["a negative number request", POD("{ cpu: -2 }"), `${POD_AT}.cpu: -2 must not be negative`],
  ["a quantity of the wrong type", POD("{ cpu: [1] }"), `${POD_AT}.cpu: a list is not a quantity (expected a string or a number)`],
  ["requests of the wrong type", POD("7"), `${POD_AT}: expected a map of resource quantities, got 7`],
  [
    "a missing required field",
    "apiVersion: v1\nkind: Pod\nmetadata: { name: web, namespace: shop }\n",
    "bad.yaml: document 1 (Pod shop/web): spec: is required",
  ],
  ["a missing name", "apiVersion: v1\nkind: Node\nmetadata: {}\n", "bad.yaml: document 1 (Node): metadata.name: is required"],
  [
    "a name of the wrong type",
    "apiVersion: v1\nkind: Node\nmetadata: { name: [a] }\n",
    "bad.yaml: document 1 (Node): metadata.name: expected a string, got a list",
  ],
  [
    "an invalid operator",
    POOL("{ key: a, operator: Equals, values: [x] }"),
    `${POOL_AT}.operator: "Equals" is not one of "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt", "Gte", "Lte"`,
  ],
  ["Gt with a non-integer", POOL('{ key: a, operator: Gt, values: ["1.5"] }'), `${POOL_AT}.values: operator Gt needs exactly one integer value`],
  ["minValues below 1", POOL("{ key: a, operator: In, values: [x], minValues: 0 }"), `${POOL_AT}.minValues: 0 is less than the minimum 1`],
  ["minValues above 50", POOL("{ key: a, operator: In, values: [x], minValues: 51 }"), `${POOL_AT}.minValues: 51 is more than the maximum 50`],
  [
    "minValues above the number of In values",
    POOL("{ key: a, operator: In, values: [x, y], minValues: 3 }"),
    `${POOL_AT}.minValues: requirement "a": minValues 3 is more than the 2 values of operator In`,
  ],
  [
    "an unknown kind in a group nodefit reads",
    "apiVersion: apps/v1\nkind: Deploymnet\nmetadata: { name: w }\n",
    'bad.yaml: document 1 (Deploymnet): kind: unknown kind "Deploymnet" (apiVersion "apps/v1")',
  ],
  [
    "an unsupported apiVersion",
    "apiVersion: karpenter.sh/v1beta1\nkind: NodePool\nmetadata: { name: general }\nspec: {}\n",
    'bad.yaml: document 1 (NodePool general): apiVersion: "karpenter.sh/v1beta1" is not supported for NodePool; expected "karpenter.sh/v1"',
  ],
  [
    "duplicate names",
    "apiVersion: v1\nkind: Node\nmetadata: { name: n1 }\n---\napiVersion: v1\nkind: Node\nmetadata: { name: n1 }\n",
    "bad.yaml: document 2 (Node n1): metadata.name: duplicate Node n1, first defined in bad.yaml: document 1 (Node n1)",
  ],
  [
    "a YAML syntax error",
    "apiVersion: v1\nkind: [Pod\n",
    "bad.yaml: document 1: line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]",
  ],
  ["an empty file", "", "bad.yaml: is empty: it holds no Kubernetes object"],
  ["a file of empty documents", "---\n# nothing\n---\n", "bad.yaml: is empty: it holds no Kubernetes object"],
  ["a scalar document", "just text\n", 'bad.yaml: document 1: expected a Kubernetes object, got "just text"'],
  [
    "a budget with a bad cron",
    BUDGET('{ nodes: "10%", schedule: "61 * * * *", duration: 1h }'),
    `${BUDGET_AT}.schedule: "61 * * * *" is not a cron schedule: minute value 61 out of range 0-59`,
  ],
  [
    "a budget with a cron macro nobody knows",
    BUDGET('{ nodes: "10%", schedule: "@fortnightly", duration: 1h }'),
    `${BUDGET_AT}.schedule: "@fortnightly" is not a cron schedule: unknown cron macro "@fortnightly"`,
  ],
  ["a budget with a bad percentage", BUDGET('{ nodes: "101%" }'), `${BUDGET_AT}.nodes: "101%" is not a node count or percentage like "10" or "20%"`],
  ["a budget with a negative count", BUDGET('{ nodes: "-1" }'), `${BUDGET_AT}.nodes: "-1" is not a node count or percentage like "10" or "20%"`],
  ["a budget schedule without a duration", BUDGET('{ nodes: "1", schedule: "@daily" }'), `${BUDGET_AT}.duration: schedule and duration must be set together`],
  [
    "a workload past the pod limit",
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  replicas: 1000000000\n  template: { spec: { containers: [{ name: a }] } }\n",
    "bad.yaml: document 1 (Deployment default/web): spec.replicas: 1,000,000,000 replicas brings the input to 1,000,000,000 pods, more than the limit of 150,000 (MAX_PODS)",
  ],
  ["a typed list whose items are not a list", "apiVersion: v1\nkind: PodList\nitems: 3\n", "bad.yaml: document 1 (PodList): items: expected a list, got 3"],
  ["an apiVersion of the wrong type", "apiVersion: 1\nkind: Pod\n", "bad.yaml: document 1: apiVersion: expected a string, got 1"],
];

/** The error `fromKubernetes(parseManifests(text))` throws, or undefined. */
function loadError(text: string): unknown {
  try {
    fromKubernetes(parseManifests(text, "bad.yaml"));
    return undefined;
  } catch (error) {
    return error;
  }
}

describe("every malformed input gets an error naming file, document, field and value", () => {
  it.each(CASES)("%s", (_, text, message) => {
    const error = loadError(text) as { name?: unknown; code?: unknown; message?: unknown; path?: unknown } | undefined;
    expect(error).toBeInstanceOf(Error);
    expect(error?.name).toBe("ManifestError");
    expect(error?.code).toBe("invalid-input");
    expect(error?.message).toBe(message);
    expect(Array.isArray(error?.path)).toBe(true);
  });

  it("the non-throwing form returns the same error for the same input", () => {
    const documents: KubernetesDocument[] = [
      {
        object: {
          apiVersion: "v1",
          kind: "Pod",
          metadata: { name: "web", namespace: "shop" },
          spec: { containers: [{ resources: { requests: { cpu: "abc" } } }] },
        },
        file: "api",
        index: 4,
      },
    ];
    const result = safeFromKubernetes(documents);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid-input");
    expect(result.error.path).toEqual(["spec", "containers", 0, "resources", "requests", "cpu"]);
    expect(result.error.message).toBe('api: document 4 (Pod shop/web): spec.containers[0].resources.requests.cpu: "abc" is not a quantity');
    expect(() => fromKubernetes(documents)).toThrow(result.error.message);
  });

  it("reports every problem of every document at once, in document order", () => {
    const text = `${POD("{ cpu: abc }")}---\n${POOL("{ key: a, operator: Gt, values: [x] }")}`;
    const error = loadError(text) as { problems: ReadonlyArray<{ document: { index?: number } }>; message: string };
    expect(error.problems.map((p) => p.document.index)).toEqual([1, 2]);
    expect(error.message.split("\n")).toHaveLength(2);
  });

  it("a caller's input that is not a list of documents is an error, not a TypeError", () => {
    for (const bad of [undefined, null, "pods.yaml", 3, { object: {} }]) {
      const result = safeFromKubernetes(bad as never);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/^input: expected a list of documents/);
    }
    const result = safeFromKubernetes([null, 7] as never);
    expect(result.ok ? [] : result.error.message.split("\n")).toEqual([
      "document 1: expected a Kubernetes object, got null",
      "document 2: expected a Kubernetes object, got 7",
    ]);
  });
});

describe("the CLI exits 1 with the message and no stack trace", () => {
  const folder = mkdtempSync(join(tmpdir(), "nodefit-hostile-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.each(CASES)("%s", async (_, text, message) => {
    const file = join(folder, "bad.yaml");
    writeFileSync(file, text);
    const run = await runCli("schedule", file, "--output", "json");
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`nodefit: ${message.replaceAll("bad.yaml", file)}\n`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

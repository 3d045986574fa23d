import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { FAIL, FAST_KINDS, fastCatalog } from "../../src/kubernetes/fast/schemas.js";
import { catalogSchema } from "../../src/kubernetes/instance-type-catalog.js";
import { KIND_SCHEMAS, validateKind } from "../../src/kubernetes/kind-schemas.js";
import { plainData } from "../../src/kubernetes/plain-data.js";
import { issueMessage, issuePath } from "../../src/kubernetes/zod-issues.js";

// The fast checks (src/kubernetes/fast/) against the zod schemas they stand in for: on well-formed documents
// and on documents mutated at random places, whatever the fast check accepts zod accepts with the same value
// (same keys in the same order), and validation with the fast check in front answers exactly what zod alone
// answers, messages included.

const requirement = (key: string, operator: string, values?: string[]): Record<string, unknown> => ({ key, operator, ...(values ? { values } : {}) });
const selector = { matchLabels: { app: "web" }, matchExpressions: [requirement("tier", "In", ["a", "b"]), requirement("x", "Exists")] };
const podSpec = {
  nodeName: "",
  nodeSelector: { "kubernetes.io/os": "linux" },
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [requirement("zone", "In", ["a"]), requirement("n", "Gt", ["3"])] }],
      },
      preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, preference: { matchFields: [requirement("metadata.name", "NotIn", ["x"])] } }],
    },
    podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: selector, topologyKey: "zone", namespaces: ["a"] }] },
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 1, podAffinityTerm: { labelSelector: selector, topologyKey: "host", matchLabelKeys: ["k"] } },
      ],
    },
  },
  tolerations: [
    { key: "k", operator: "Equal", value: "v", effect: "NoSchedule", tolerationSeconds: 5 },
    { operator: "Exists" },
    { key: "n", operator: "Gt", value: "3" },
  ],
  topologySpreadConstraints: [
    {
      maxSkew: 1,
      topologyKey: "zone",
      whenUnsatisfiable: "DoNotSchedule",
      labelSelector: selector,
      minDomains: 2,
      nodeAffinityPolicy: "Honor",
      nodeTaintsPolicy: "Ignore",
    },
  ],
  containers: [
    { name: "app", resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: 2 } }, ports: [{ containerPort: 80, hostPort: 8080 }], extra: 1 },
  ],
  initContainers: [{ name: "init", restartPolicy: "Always", resources: { requests: { cpu: "1" } } }],
  overhead: { cpu: "10m" },
  resources: { requests: { memory: "1Mi" } },
  priority: 10,
  priorityClassName: "high",
  volumes: [
    { name: "v", persistentVolumeClaim: { claimName: "c" } },
    { name: "e", ephemeral: { volumeClaimTemplate: { spec: { storageClassName: "gp3" } } } },
  ],
  resourceClaims: [{ name: "r" }],
};
const metadata = {
  name: "web",
  namespace: "shop",
  uid: "u",
  labels: { app: "web", __proto__: "x" },
  annotations: { a: "b" },
  creationTimestamp: "2026-01-01T00:00:00Z",
  ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", controller: true }],
};
const template = { metadata: { labels: { app: "web" } }, spec: podSpec };
const SEEDS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  [
    "Pod",
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata,
      spec: podSpec,
      status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False" }], startTime: "2026-01-01T00:00:00Z" },
    },
  ],
  ["Deployment", { apiVersion: "apps/v1", kind: "Deployment", metadata, spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template } }],
  ["ReplicaSet", { apiVersion: "apps/v1", kind: "ReplicaSet", metadata, spec: { template } }],
  ["ReplicationController", { apiVersion: "v1", kind: "ReplicationController", metadata, spec: { replicas: 0, template } }],
  [
    "StatefulSet",
    {
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata,
      spec: { replicas: 2, template, volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { storageClassName: "gp3" } }] },
    },
  ],
  [
    "Job",
    {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata,
      spec: { parallelism: 2, completions: 4, suspend: false, template },
      status: { active: 1, succeeded: 1, conditions: [{ type: "Complete" }] },
    },
  ],
  ["DaemonSet", { apiVersion: "apps/v1", kind: "DaemonSet", metadata, spec: { template } }],
  [
    "NodePool",
    {
      apiVersion: "karpenter.sh/v1",
      kind: "NodePool",
      metadata: { name: "default" },
      spec: {
        template: {
          metadata: { labels: { team: "a" } },
          spec: {
            requirements: [requirement("karpenter.sh/capacity-type", "In", ["spot"]), { key: "cpu", operator: "Gte", values: ["4"], minValues: 2 }],
            taints: [{ key: "t", effect: "NoSchedule" }],
            startupTaints: [{ key: "s", value: "v", effect: "NoExecute" }],
            expireAfter: "720h",
            nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "default" },
          },
        },
        limits: { cpu: "1000", memory: "1000Gi" },
        weight: 10,
        disruption: {
          consolidationPolicy: "WhenEmptyOrUnderutilized",
          consolidateAfter: "1m",
          budgets: [{ nodes: "10%" }, { nodes: "0", reasons: ["Drifted"], schedule: "0 9 * * mon-fri", duration: "8h" }],
        },
      },
    },
  ],
]);
const CATALOG = {
  apiVersion: "nodefit.dev/v1alpha1",
  kind: "InstanceTypeCatalog",
  metadata: { name: "c" },
  wellKnownLabels: ["example.com/gen"],
  capacityTypePriority: ["reserved", "spot", "on-demand"],
  instanceTypes: [
    {
      name: "m.large",
      labels: { "example.com/gen": "5" },
      requirements: [{ key: "example.com/size", operator: "In", values: ["l"], minValues: 1 }],
      capacity: { cpu: "2", memory: "8Gi", pods: 29 },
      overhead: { kubeReserved: { cpu: "80m" }, systemReserved: { memory: "100Mi" }, evictionThreshold: { memory: "100Mi" } },
      offerings: [
        { zone: "a", capacityType: "spot", price: 0.1, available: true },
        { zone: "b", capacityType: "reserved", price: 0, reservationId: "r", reservationCapacity: 2 },
      ],
    },
  ],
};

/** Values a mutation writes: the valid and nearly valid values of every field type the schemas have. */
const VALUES: readonly unknown[] = [
  "",
  "x",
  "web",
  "In",
  "NotIn",
  "Exists",
  "DoesNotExist",
  "Gt",
  "Gte",
  "Equal",
  "NoSchedule",
  "TCP",
  "Honor",
  "DoNotSchedule",
  "1Gi",
  "500m",
  "-1",
  "1.5",
  "0.5",
  "abc",
  "720h",
  "Never",
  "10%",
  "101%",
  "8h",
  "1h30m",
  "* * * * *",
  "bad cron",
  "2026-01-01T00:00:00Z",
  "2026-13-01T00:00:00Z",
  "kubernetes.io/hostname",
  "karpenter.sh/nodepool",
  "spot",
  "on-demand",
  0,
  -0,
  1,
  -1,
  1.5,
  50,
  51,
  100,
  101,
  65535,
  65536,
  2 ** 53,
  Number.NaN,
  true,
  false,
  [],
  [""],
  ["1"],
  ["a", "b"],
  {},
  { a: "b" },
  { a: 1 },
  { cpu: "1" },
  { cpu: "x" },
  new Date("2026-01-01T00:00:00Z"),
  undefined,
];

type Mutation = { readonly at: number; readonly action: "set" | "delete" | "add"; readonly value: number; readonly key: string };

/** Every place in a value, as paths of keys and indices. */
function places(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => places(v, [...path, i], out));
  else if (typeof value === "object" && value !== null && !(value instanceof Date)) for (const [k, v] of Object.entries(value)) places(v, [...path, k], out);
  return out;
}

/** A copy of `doc` with the mutations applied (structuredClone keeps Dates; `__proto__` keys stay data). */
function mutate(doc: unknown, mutations: readonly Mutation[]): unknown {
  const root = { doc: plainData(doc).ok ? structuredClone(doc) : doc };
  for (const m of mutations) {
    const all = places(root.doc);
    const path = all[m.at % all.length] ?? [];
    let parent: Record<string | number, unknown> = root as unknown as Record<string, unknown>;
    let key: string | number = "doc";
    for (const segment of path) {
      parent = parent[key] as Record<string | number, unknown>;
      key = segment;
    }
    const value = VALUES[m.value % VALUES.length];
    const target = parent[key];
    if (m.action === "delete") {
      if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
      else delete parent[key];
    } else if (m.action === "add" && typeof target === "object" && target !== null && !(target instanceof Date)) {
      if (Array.isArray(target)) target.push(structuredClone(value));
      else Object.defineProperty(target, m.key, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
    } else {
      parent[key] = structuredClone(value);
    }
  }
  return root.doc;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  action: fc.constantFrom("set", "set", "delete", "add"),
  value: fc.nat(),
  key: fc.constantFrom("name", "key", "values", "operator", "cpu", "extra", "__proto__", "minValues", "weight", "protocol"),
});

function zodOnly(kind: string, object: Readonly<Record<string, unknown>>): unknown {
  const parsed = KIND_SCHEMAS.get(kind)!.safeParse(object, { reportInput: true, error: issueMessage });
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, issues: parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message })) };
}

describe("fast validation", () => {
  test("accepts every well-formed seed document with zod's value", () => {
    for (const [kind, seed] of SEEDS) {
      const copied = plainData(seed);
      if (!copied.ok) throw new Error(kind);
      const object = copied.value as Record<string, unknown>;
      const fast = FAST_KINDS.get(kind)!(object);
      expect(fast, kind).not.toBe(FAIL);
      expect(fast).toStrictEqual(KIND_SCHEMAS.get(kind)!.parse(object));
      expect(JSON.stringify(fast)).toBe(JSON.stringify(KIND_SCHEMAS.get(kind)!.parse(object)));
    }
    expect(fastCatalog(CATALOG)).not.toBe(FAIL);
    expect(fastCatalog(CATALOG)).toStrictEqual(catalogSchema.parse(CATALOG));
  });

  test("every kind with a fast check has a seed here", () => {
    expect([...FAST_KINDS.keys()].sort()).toEqual([...SEEDS.keys()].sort());
  });

  test.prop([fc.constantFrom(...SEEDS.keys()), fc.array(mutation, { minLength: 1, maxLength: 4 })], { numRuns: 1500 })(
    "on mutated documents: what the fast check accepts zod accepts alike, and validation answers as zod alone does",
    (kind, mutations) => {
      const copied = plainData(mutate(SEEDS.get(kind), mutations));
      if (!copied.ok || typeof copied.value !== "object" || copied.value === null || Array.isArray(copied.value)) return;
      const object = copied.value as Record<string, unknown>;
      const expected = zodOnly(kind, object);
      const fast = FAST_KINDS.get(kind)!(object);
      if (fast !== FAIL) {
        expect(expected).toMatchObject({ ok: true });
        expect(fast).toStrictEqual((expected as { data: unknown }).data);
        expect(JSON.stringify(fast)).toBe(JSON.stringify((expected as { data: unknown }).data));
      }
      expect(validateKind(kind, object)).toStrictEqual(expected);
    },
  );

  // Exhaustive for one change: every place of every seed (but those whose template another seed has) set to every value, and deleted. The fast checks must also accept what zod accepts here: they
  // exist to answer for well-formed documents.
  test("on every single-field change of the seeds: the same answers", () => {
    for (const kind of ["Pod", "StatefulSet", "Job", "NodePool"]) {
      const seed = SEEDS.get(kind);
      const paths = places(seed);
      const count = paths.length;
      for (let at = 1; at < count; at++) {
        for (let value = -1; value < VALUES.length; value++) {
          const copied = plainData(mutate(seed, [{ at, action: value < 0 ? "delete" : "set", value, key: "" }]));
          if (!copied.ok) continue;
          const object = copied.value as Record<string, unknown>;
          const expected = zodOnly(kind, object);
          const fast = FAST_KINDS.get(kind)!(object);
          if (fast === FAIL) {
            // Complete too, but for a Date where zod's object schema takes any object: zod reads that one.
            if ((expected as { ok: boolean }).ok) expect(VALUES[value], `${kind} ${JSON.stringify(paths[at])}`).toBeInstanceOf(Date);
            continue;
          }
          expect(expected, `${kind} ${JSON.stringify(paths[at])} = ${String(VALUES[value])}`).toMatchObject({ ok: true });
          expect(JSON.stringify(fast)).toBe(JSON.stringify((expected as { data: unknown }).data));
          expect(fast).toStrictEqual((expected as { data: unknown }).data);
        }
      }
    }
    const catalogPaths = places(CATALOG);
    const count = catalogPaths.length;
    for (let at = 1; at < count; at++) {
      for (let value = -1; value < VALUES.length; value++) {
        const doc = mutate(CATALOG, [{ at, action: value < 0 ? "delete" : "set", value, key: "" }]);
        const fast = fastCatalog(doc);
        const parsed = catalogSchema.safeParse(doc);
        if (fast === FAIL) {
          // Not copied by plainData here, so a field holding undefined (which zod keeps) is also left to zod.
          if (parsed.success) expect(value >= 0 && (VALUES[value] === undefined || VALUES[value] instanceof Date), JSON.stringify(catalogPaths[at])).toBe(true);
          continue;
        }
        expect(parsed.success, `${JSON.stringify(catalogPaths[at])} = ${String(VALUES[value])}`).toBe(true);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
      }
    }
  });

  test.prop([fc.array(mutation, { minLength: 1, maxLength: 4 })], { numRuns: 800 })("on mutated catalogues: the fast check agrees with zod", (mutations) => {
    const doc = mutate(CATALOG, mutations);
    const fast = fastCatalog(doc);
    const parsed = catalogSchema.safeParse(doc);
    if (fast !== FAIL) {
      expect(parsed.success).toBe(true);
      expect(fast).toStrictEqual(parsed.data);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
    }
  });
});

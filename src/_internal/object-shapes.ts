/**
 * The field types the core reads from each Kubernetes kind, as data: the same shapes `src/types/kubernetes.ts`
 * declares, checked at the entry so a wrong type anywhere (a number for a label, an object for a list, `null`
 * for a field) is an `invalid-input` error with its path rather than a `TypeError` deep in a layer. Values
 * (quantities, operators, label syntax) stay with the layers that own them; unknown fields are ignored.
 *
 * @module
 * @internal
 */
import { InputError, formatPath } from "../errors.js";
import type { PathSegment } from "../errors.js";

/** One field's type: a scalar, a map of scalars, a list, or an object with known fields. */
export type FieldShape =
  | "string"
  | "number"
  | "boolean"
  | "quantity"
  | "time"
  | "stringMap"
  | "resourceMap"
  | { readonly list: FieldShape }
  | { readonly fields: Readonly<Record<string, FieldShape>>; readonly required?: readonly string[] };

const WHAT: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  boolean: "true or false",
  quantity: "a quantity (a string or a number)",
  time: "a time (a string or a Date)",
  stringMap: "a map of strings",
  resourceMap: "a map of quantities",
};

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "a string";
  return typeof value === "object" ? "an object" : typeof value;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function scalarOk(shape: string, value: unknown): boolean {
  switch (shape) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "quantity":
      return typeof value === "string" || typeof value === "number";
    case "time":
      return typeof value === "string" || value instanceof Date;
    default:
      return false;
  }
}

function fail(path: readonly PathSegment[], message: string): never {
  throw new InputError(`${formatPath(path)}: ${message}`, path);
}

/**
 * Checks `value` (present: callers skip `undefined` optional fields) against `shape`. The graph was checked
 * first (no cycle, bounded depth), so recursion ends.
 *
 * @param value - the field's value
 * @param shape - its declared type
 * @param path - where it is, for the message
 * @throws InputError (code `invalid-input`) naming the first field of the wrong type
 * @internal
 */
export function checkShape(value: unknown, shape: FieldShape, path: PathSegment[]): void {
  if (typeof shape === "string") {
    if (shape === "stringMap" || shape === "resourceMap") {
      if (!isRecord(value)) fail(path, `expected ${WHAT[shape]}, got ${describe(value)}`);
      const inner = shape === "stringMap" ? "string" : "quantity";
      for (const key of Object.keys(value)) {
        if (!scalarOk(inner, value[key])) fail([...path, key], `expected ${WHAT[inner]}, got ${describe(value[key])}`);
      }
    } else if (!scalarOk(shape, value)) fail(path, `expected ${WHAT[shape]}, got ${describe(value)}`);
    return;
  }
  if ("list" in shape) {
    if (!Array.isArray(value)) fail(path, `expected a list, got ${describe(value)}`);
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      checkShape(value[i], shape.list, path);
      path.pop();
    }
    return;
  }
  if (!isRecord(value)) fail(path, `expected an object, got ${describe(value)}`);
  for (const key of shape.required ?? []) if (value[key] === undefined) fail([...path, key], "is required");
  for (const key of Object.keys(shape.fields)) {
    const field = value[key];
    if (field === undefined) continue;
    path.push(key);
    checkShape(field, shape.fields[key] as FieldShape, path);
    path.pop();
  }
}

const obj = (fields: Readonly<Record<string, FieldShape>>, required?: readonly string[]): FieldShape =>
  required === undefined ? { fields } : { fields, required };
const list = (item: FieldShape): FieldShape => ({ list: item });

const META = obj({
  name: "string",
  namespace: "string",
  uid: "string",
  labels: "stringMap",
  annotations: "stringMap",
  creationTimestamp: "time",
  deletionTimestamp: "time",
  ownerReferences: list(obj({ kind: "string", name: "string", uid: "string", controller: "boolean" })),
});
const RESOURCES = obj({ requests: "resourceMap", limits: "resourceMap", claims: list(obj({ name: "string" })) });
const CONTAINER = obj({
  name: "string",
  resources: RESOURCES,
  ports: list(obj({ containerPort: "number", hostPort: "number", hostIP: "string", protocol: "string" })),
  restartPolicy: "string",
});
const TAINT = obj({ key: "string", value: "string", effect: "string" }, ["key", "effect"]);
const TOLERATION = obj({ key: "string", operator: "string", value: "string", effect: "string", tolerationSeconds: "number" });
const NODE_REQUIREMENT = obj({ key: "string", operator: "string", values: list("string"), minValues: "number" }, ["key", "operator"]);
const NODE_TERM = obj({ matchExpressions: list(NODE_REQUIREMENT), matchFields: list(NODE_REQUIREMENT) });
const LABEL_SELECTOR = obj({
  matchLabels: "stringMap",
  matchExpressions: list(obj({ key: "string", operator: "string", values: list("string") }, ["key", "operator"])),
});
const POD_TERM = obj(
  {
    labelSelector: LABEL_SELECTOR,
    namespaces: list("string"),
    namespaceSelector: LABEL_SELECTOR,
    topologyKey: "string",
    matchLabelKeys: list("string"),
    mismatchLabelKeys: list("string"),
  },
  ["topologyKey"],
);
const POD_AFFINITY = obj({
  requiredDuringSchedulingIgnoredDuringExecution: list(POD_TERM),
  preferredDuringSchedulingIgnoredDuringExecution: list(obj({ weight: "number", podAffinityTerm: POD_TERM }, ["weight", "podAffinityTerm"])),
});
const AFFINITY = obj({
  nodeAffinity: obj({
    requiredDuringSchedulingIgnoredDuringExecution: obj({ nodeSelectorTerms: list(NODE_TERM) }, ["nodeSelectorTerms"]),
    preferredDuringSchedulingIgnoredDuringExecution: list(obj({ weight: "number", preference: NODE_TERM }, ["weight", "preference"])),
  }),
  podAffinity: POD_AFFINITY,
  podAntiAffinity: POD_AFFINITY,
});
const SPREAD = obj(
  {
    maxSkew: "number",
    topologyKey: "string",
    whenUnsatisfiable: "string",
    labelSelector: LABEL_SELECTOR,
    minDomains: "number",
    nodeAffinityPolicy: "string",
    nodeTaintsPolicy: "string",
    matchLabelKeys: list("string"),
  },
  ["maxSkew", "topologyKey", "whenUnsatisfiable"],
);
const VOLUME = obj({
  name: "string",
  persistentVolumeClaim: obj({ claimName: "string" }, ["claimName"]),
  ephemeral: obj({ volumeClaimTemplate: obj({ spec: obj({ storageClassName: "string" }) }) }),
});
const POD_SPEC = obj(
  {
    nodeName: "string",
    nodeSelector: "stringMap",
    affinity: AFFINITY,
    tolerations: list(TOLERATION),
    topologySpreadConstraints: list(SPREAD),
    containers: list(CONTAINER),
    initContainers: list(CONTAINER),
    overhead: "resourceMap",
    resources: RESOURCES,
    priority: "number",
    priorityClassName: "string",
    volumes: list(VOLUME),
    resourceClaims: list(obj({ name: "string" })),
  },
  ["containers"],
);
const CONDITIONS = list(obj({ type: "string", status: "string", lastTransitionTime: "time" }, ["type", "status"]));
const CLAIM_SPEC = {
  requirements: list(NODE_REQUIREMENT),
  taints: list(TAINT),
  startupTaints: list(TAINT),
  expireAfter: "string",
  terminationGracePeriod: "string",
} as const;

/** Pods, pending or bound. */
export const POD_SHAPE: FieldShape = obj(
  {
    metadata: META,
    spec: POD_SPEC,
    status: obj({ phase: "string", startTime: "time", conditions: list(obj({ type: "string", status: "string", reason: "string" }, ["type"])) }),
  },
  ["metadata", "spec"],
);
/** Nodes. */
export const NODE_SHAPE: FieldShape = obj(
  {
    metadata: META,
    spec: obj({ taints: list(TAINT), unschedulable: "boolean", providerID: "string" }),
    status: obj({ allocatable: "resourceMap", capacity: "resourceMap", conditions: CONDITIONS }),
  },
  ["metadata"],
);
/** NodeClaims. */
export const NODE_CLAIM_SHAPE: FieldShape = obj(
  {
    metadata: META,
    spec: obj(CLAIM_SPEC),
    status: obj({
      nodeName: "string",
      providerID: "string",
      lastPodEventTime: "time",
      capacity: "resourceMap",
      allocatable: "resourceMap",
      conditions: CONDITIONS,
    }),
  },
  ["metadata"],
);
/** NodePools. */
export const NODE_POOL_SHAPE: FieldShape = obj(
  {
    metadata: META,
    spec: obj({
      template: obj({
        metadata: obj({ labels: "stringMap", annotations: "stringMap" }),
        spec: obj({ ...CLAIM_SPEC, nodeClassRef: obj({ group: "string", kind: "string", name: "string" }, ["name"]) }),
      }),
      limits: "resourceMap",
      weight: "number",
      replicas: "number",
      disruption: obj({
        consolidationPolicy: "string",
        consolidateAfter: "string",
        budgets: list(obj({ nodes: "string", reasons: list("string"), schedule: "string", duration: "string" }, ["nodes"])),
      }),
    }),
  },
  ["metadata", "spec"],
);
/** DaemonSets. */
export const DAEMON_SET_SHAPE: FieldShape = obj({ metadata: META, spec: obj({ template: obj({ metadata: META, spec: POD_SPEC }, ["spec"]) }, ["template"]) }, [
  "metadata",
  "spec",
]);
/** PodDisruptionBudgets. */
export const PDB_SHAPE: FieldShape = obj(
  {
    metadata: META,
    spec: obj({ selector: LABEL_SELECTOR, minAvailable: "quantity", maxUnavailable: "quantity", unhealthyPodEvictionPolicy: "string" }),
    status: obj({ disruptionsAllowed: "number" }),
  },
  ["metadata"],
);
/** Storage objects (PersistentVolumeClaims, PersistentVolumes, StorageClasses, CSINodes): their metadata. */
export const STORAGE_OBJECT_SHAPE: FieldShape = obj({ metadata: META }, ["metadata"]);
/** `ScheduleOptions` (`wellKnownLabels` is checked apart: any iterable of strings). */
export const SCHEDULE_OPTIONS_SHAPE: FieldShape = obj({
  preferencePolicy: "string",
  minValuesPolicy: "string",
  reservedCapacityMode: "string",
  maxInstanceTypes: "number",
  maxSteps: "number",
  capacityTypePriority: list("string"),
});
/** `ConsolidationOptions`. */
export const CONSOLIDATION_OPTIONS_SHAPE: FieldShape = obj({
  now: "time",
  maxCommands: "number",
  maxSimulationSteps: "number",
  spotToSpotConsolidation: "boolean",
  preferencePolicy: "string",
  minValuesPolicy: "string",
});

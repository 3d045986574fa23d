import { InputError, formatPath } from "../errors.js";
import type { PathSegment } from "../errors.js";
import { hasBrand } from "./brand.js";
import { MAX_DOCUMENT_DEPTH, MAX_DOCUMENT_VALUES } from "../limits.js";
import {
  CONSOLIDATION_OPTIONS_SHAPE,
  DAEMON_SET_SHAPE,
  NODE_CLAIM_SHAPE,
  NODE_POOL_SHAPE,
  NODE_SHAPE,
  PDB_SHAPE,
  POD_SHAPE,
  SCHEDULE_OPTIONS_SHAPE,
  STORAGE_OBJECT_SHAPE,
  checkShape,
  type FieldShape,
} from "./object-shapes.js";

/**
 * The core's entry checks: what `schedule` and `planConsolidation` need of their input before any of it
 * is read, so a caller's mistake (null, a missing list, a pod without `spec`, a reference cycle, an
 * object nested 100,000 deep, the same pod listed twice) is an `invalid-input` {@link InputError} with
 * the path of the bad field, never a raw `TypeError` or `RangeError` from deep inside. Kubernetes
 * semantics (quantities, requirements) stay with the layers that own them; these are the shapes every
 * layer dereferences without looking.
 *
 * @module
 */

type Path = readonly PathSegment[];

const formatter = new Intl.NumberFormat("en-US");

function fail(path: Path, message: string): never {
  const where = formatPath(path);
  throw new InputError(`${where === "" ? "input" : where}: ${message}`, path);
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : typeof value;
}

/** The fields an object of one kind must hold as objects before any layer reads it. */
interface Shape {
  /** e.g. `pod`, for messages. */
  readonly what: string;
  /** Fields that must be objects (`metadata` always). */
  readonly objects: readonly string[];
  /** The type of every field the core reads. */
  readonly fields: FieldShape;
  /** More fields of this kind, checked after `fields` (storage kinds share one metadata shape). */
  readonly kind?: FieldShape;
}

const POD: Shape = { what: "pod", objects: ["metadata", "spec"], fields: POD_SHAPE };
const NODE: Shape = { what: "Node", objects: ["metadata"], fields: NODE_SHAPE };
const NODE_CLAIM: Shape = { what: "NodeClaim", objects: ["metadata"], fields: NODE_CLAIM_SHAPE };
const NODE_POOL: Shape = { what: "NodePool", objects: ["metadata", "spec"], fields: NODE_POOL_SHAPE };
const DAEMON_SET: Shape = { what: "DaemonSet", objects: ["metadata", "spec"], fields: DAEMON_SET_SHAPE };
const PDB: Shape = { what: "PodDisruptionBudget", objects: ["metadata"], fields: PDB_SHAPE };

/**
 * Walks one object's whole graph without copying it: nesting at most {@link MAX_DOCUMENT_DEPTH}
 * levels, no reference cycle, at most {@link MAX_DOCUMENT_VALUES} values (a list past the budget is
 * refused by its length before any item is read). Recursion is bounded by the depth limit.
 */
class GraphCheck {
  private left = MAX_DOCUMENT_VALUES;
  private readonly ancestors = new Set<object>();

  constructor(private readonly root: Path) {}

  visit(value: unknown, path: PathSegment[]): void {
    if (--this.left < 0) fail([...this.root, ...path], `holds more than ${formatter.format(MAX_DOCUMENT_VALUES)} values (MAX_DOCUMENT_VALUES)`);
    const type = typeof value;
    // JSON-like data only: the core keys objects by their JSON text, which a bigint breaks.
    if (type === "bigint" || type === "function" || type === "symbol")
      fail([...this.root, ...path], `expected plain data (strings, numbers, booleans, lists, objects), got a ${type}`);
    if (typeof value !== "object" || value === null || value instanceof Date) return;
    if (this.ancestors.size >= MAX_DOCUMENT_DEPTH)
      fail([...this.root, ...path], `nests deeper than the limit of ${MAX_DOCUMENT_DEPTH} levels (MAX_DOCUMENT_DEPTH)`);
    if (this.ancestors.has(value)) fail([...this.root, ...path], "refers back to an object that contains it (a reference cycle)");
    this.ancestors.add(value);
    if (Array.isArray(value)) {
      const length = value.length;
      if (length > this.left)
        fail(
          [...this.root, ...path],
          `a list of ${formatter.format(length)} items is longer than the ${formatter.format(MAX_DOCUMENT_VALUES)} values one object may hold (MAX_DOCUMENT_VALUES)`,
        );
      for (let i = 0; i < length; i++) {
        path.push(i);
        this.visit(value[i], path);
        path.pop();
      }
    } else {
      for (const key of Object.keys(value)) {
        path.push(key);
        this.visit((value as Readonly<Record<string, unknown>>)[key], path);
        path.pop();
      }
    }
    this.ancestors.delete(value);
  }
}

/** Checks one list of objects of one kind; returns nothing, throws on the first problem. */
function checkList(input: Readonly<Record<string, unknown>>, field: string, shape: Shape, required: boolean): readonly unknown[] {
  const list = input[field];
  if (list === undefined && !required) return [];
  if (!Array.isArray(list)) fail([field], `expected a list of ${shape.what} objects, got ${describe(list)}`);
  const length = list.length;
  for (let i = 0; i < length; i++) checkItem(list[i], [field, i], shape);
  return list;
}

/** Checks one object of one kind at `path`. */
function checkItem(item: unknown, path: Path, shape: Shape): void {
  if (!isRecord(item)) fail(path, `expected a ${shape.what} object, got ${describe(item)}`);
  for (const key of shape.objects) {
    if (!isRecord(item[key])) fail([...path, key], `expected an object, got ${describe(item[key])}`);
  }
  new GraphCheck(path).visit(item, []);
  // The graph is acyclic and bounded now, so the type walk ends.
  checkShape(item, shape.fields, [...path]);
  if (shape.kind !== undefined) checkShape(item, shape.kind, [...path]);
}

/**
 * Refuses a pod listed twice: the same object twice in one list, or two pods with the same uid (or, without a
 * uid, the same `namespace/name`) in any of the given lists. A pod is placed and listed once. The same object
 * in two lists (`pods` and `boundPods`) counts once, as the input types document.
 */
function checkPodsOnce(lists: ReadonlyArray<readonly [string, readonly unknown[]]>): void {
  const byObject = new Map<object, Path>();
  const byKey = new Map<string, Path>();
  for (const [field, pods] of lists) {
    pods.forEach((pod, i) => {
      const path = [field, i];
      const first = byObject.get(pod as object);
      // The same object in `pods` and `boundPods` counts once (the documented input shape); twice in one list it is a mistake.
      if (first !== undefined && first[0] !== field) return;
      if (first !== undefined) fail(path, `is the same pod object as ${formatPath(first)}: a pod is listed once`);
      byObject.set(pod as object, path);
      const metadata = (pod as { readonly metadata: Readonly<Record<string, unknown>> }).metadata;
      const { uid, name, namespace } = metadata;
      const key =
        typeof uid === "string" && uid !== ""
          ? `uid ${uid}`
          : typeof name === "string" && name !== ""
            ? `${typeof namespace === "string" && namespace !== "" ? namespace : "default"}/${name}`
            : undefined;
      if (key === undefined) return;
      const same = byKey.get(key);
      if (same !== undefined) fail(path, `is the same pod as ${formatPath(same)} (${key}): a pod is listed once`);
      byKey.set(key, path);
    });
  }
}

/** The storage fields the volume layer reads (after `metadata`, which {@link STORAGE_OBJECT_SHAPE} checks). */
const NODE_SELECTOR_TERMS: FieldShape = {
  list: {
    fields: {
      matchExpressions: { list: { fields: { key: "string", operator: "string", values: { list: "string" } }, required: ["key", "operator"] } },
      matchFields: { list: { fields: { key: "string", operator: "string", values: { list: "string" } }, required: ["key", "operator"] } },
    },
  },
};
const PVC: Shape = {
  what: "PersistentVolumeClaim",
  objects: ["metadata"],
  fields: STORAGE_OBJECT_SHAPE,
  kind: { fields: { spec: { fields: { storageClassName: "string", volumeName: "string" } }, status: { fields: { phase: "string" } } } },
};
const PV: Shape = {
  what: "PersistentVolume",
  objects: ["metadata"],
  fields: STORAGE_OBJECT_SHAPE,
  kind: {
    fields: {
      spec: {
        fields: {
          storageClassName: "string",
          nodeAffinity: { fields: { required: { fields: { nodeSelectorTerms: NODE_SELECTOR_TERMS }, required: ["nodeSelectorTerms"] } } },
          csi: { fields: { driver: "string", volumeHandle: "string" }, required: ["driver"] },
          awsElasticBlockStore: { fields: { volumeID: "string" } },
          local: { fields: { path: "string" } },
          hostPath: { fields: { path: "string" } },
        },
      },
    },
  },
};
const STORAGE_CLASS: Shape = {
  what: "StorageClass",
  objects: ["metadata"],
  fields: STORAGE_OBJECT_SHAPE,
  kind: {
    fields: {
      provisioner: "string",
      volumeBindingMode: "string",
      allowedTopologies: {
        list: { fields: { matchLabelExpressions: { list: { fields: { key: "string", values: { list: "string" } }, required: ["key", "values"] } } } },
      },
    },
  },
};
const CSI_NODE: Shape = {
  what: "CSINode",
  objects: ["metadata", "spec"],
  fields: STORAGE_OBJECT_SHAPE,
  kind: {
    fields: {
      spec: {
        fields: { drivers: { list: { fields: { name: "string", nodeID: "string", allocatable: { fields: { count: "number" } } }, required: ["name"] } } },
        required: ["drivers"],
      },
    },
  },
};
/** `volumes`' lists, each with the shape of its objects. */
const VOLUME_LISTS: ReadonlyArray<readonly [string, Shape]> = [
  ["persistentVolumeClaims", PVC],
  ["persistentVolumes", PV],
  ["storageClasses", STORAGE_CLASS],
  ["csiNodes", CSI_NODE],
];

/** `volumes`, when given: an object of lists of storage objects, each shaped as the volume layer reads it. */
function checkVolumes(input: Readonly<Record<string, unknown>>): void {
  const volumes = input["volumes"];
  if (volumes === undefined) return;
  if (!isRecord(volumes)) fail(["volumes"], `expected an object of storage lists, got ${describe(volumes)}`);
  for (const [field, shape] of VOLUME_LISTS) {
    const list = volumes[field];
    if (list === undefined) continue;
    if (!Array.isArray(list)) fail(["volumes", field], `expected a list of ${shape.what} objects, got ${describe(list)}`);
    for (let i = 0; i < list.length; i++) checkItem(list[i], ["volumes", field, i], shape);
  }
}

function checkRecord(input: unknown, what: string): Readonly<Record<string, unknown>> {
  if (!isRecord(input)) fail([], `expected the ${what} input object, got ${describe(input)}`);
  return input;
}

function isRequirements(value: unknown): boolean {
  return isRecord(value) && (value as { readonly byKey?: unknown }).byKey instanceof Map;
}

/**
 * The fields of an instance type the core reads, as `createInstanceType` builds them. A catalogue is built by
 * nodefit (adapters, `createInstanceType`), but a caller may assemble one by hand or pass the wrong list.
 */
function checkInstanceType(type: unknown, path: Path): void {
  if (!isRecord(type)) fail(path, `expected an instance type, got ${describe(type)}`);
  if (typeof type["name"] !== "string") fail([...path, "name"], `expected a string, got ${describe(type["name"])}`);
  if (!isRequirements(type["requirements"])) fail([...path, "requirements"], "expected a requirement set (build instance types with createInstanceType)");
  for (const key of ["capacity", "allocatable"]) {
    if (!(type[key] instanceof Map)) fail([...path, key], `expected a resource list (a Map), got ${describe(type[key])}`);
  }
  if (!isRecord(type["overhead"])) fail([...path, "overhead"], `expected an object, got ${describe(type["overhead"])}`);
  const offerings = type["offerings"];
  if (!Array.isArray(offerings)) fail([...path, "offerings"], `expected a list of offerings, got ${describe(offerings)}`);
  // Index loops, not forEach: a sparse list's holes are read as undefined by the core and must be refused.
  for (let i = 0; i < offerings.length; i++) {
    const offering: unknown = offerings[i];
    const at = [...path, "offerings", i];
    if (!isRecord(offering)) fail(at, `expected an offering, got ${describe(offering)}`);
    if (typeof offering["zone"] !== "string" || typeof offering["capacityType"] !== "string")
      fail(at, "expected an offering with a zone and a capacity type (strings)");
    if (typeof offering["price"] !== "number" || typeof offering["available"] !== "boolean")
      fail(at, "expected an offering with a price (a number) and available (true or false)");
    if (!isRequirements(offering["requirements"])) fail([...at, "requirements"], "expected a requirement set (build offerings with createOffering)");
  }
}

function checkCatalogue(input: Readonly<Record<string, unknown>>): void {
  const catalogue = input["instanceTypes"];
  // An instance-type index (from this or another copy of nodefit) checked its types when it was built.
  if (hasBrand(catalogue, "InstanceTypeIndex")) return;
  if (!Array.isArray(catalogue)) fail(["instanceTypes"], `expected a list of instance types or an instance-type index, got ${describe(catalogue)}`);
  for (let i = 0; i < catalogue.length; i++) checkInstanceType(catalogue[i], ["instanceTypes", i]);
}

/**
 * Checks what `schedule` reads before it reads it: the input object; `pods`, `nodePools` and
 * `instanceTypes` present; every listed object an object with `metadata` (and `spec` for pods, NodePools
 * and DaemonSets); no object nested past {@link MAX_DOCUMENT_DEPTH}, holding a reference cycle or more
 * than {@link MAX_DOCUMENT_VALUES} values; no pod listed twice across `pods` and `boundPods`.
 *
 * @param input - what the caller passed as `ScheduleInput`
 * @throws InputError (code `invalid-input`) with the path of the first bad field, e.g. `pods[2].spec`
 * @internal
 * @example
 * ```ts
 * assertScheduleInput({ pods: [null], nodePools: [], instanceTypes: [] }); // throws "pods[0]: expected a pod object, got null"
 * ```
 */
export function assertScheduleInput(input: unknown): void {
  const record = checkRecord(input, "schedule");
  const pods = checkList(record, "pods", POD, true);
  checkList(record, "nodePools", NODE_POOL, true);
  checkCatalogue(record);
  checkList(record, "nodes", NODE, false);
  checkList(record, "nodeClaims", NODE_CLAIM, false);
  const boundPods = checkList(record, "boundPods", POD, false);
  checkList(record, "daemonSets", DAEMON_SET, false);
  checkVolumes(record);
  checkPodsOnce([
    ["pods", pods],
    ["boundPods", boundPods],
  ]);
}

/**
 * Checks what `planConsolidation` reads before it reads it, as {@link assertScheduleInput} does for
 * `schedule`: `nodes`, `nodePools`, `pods` and `instanceTypes` present, every object well formed, no
 * pod listed twice.
 *
 * @param input - what the caller passed as `ConsolidationInput`
 * @throws InputError (code `invalid-input`) with the path of the first bad field
 * @internal
 * @example
 * ```ts
 * assertConsolidationInput({ nodes: [], nodePools: [], pods: [{}], instanceTypes: [] }); // throws "pods[0].metadata: expected an object, got undefined"
 * ```
 */
export function assertConsolidationInput(input: unknown): void {
  const record = checkRecord(input, "consolidation");
  checkList(record, "nodes", NODE, true);
  checkList(record, "nodeClaims", NODE_CLAIM, false);
  checkList(record, "nodePools", NODE_POOL, true);
  const pods = checkList(record, "pods", POD, true);
  const boundPods = checkList(record, "boundPods", POD, false);
  checkList(record, "daemonSets", DAEMON_SET, false);
  checkList(record, "podDisruptionBudgets", PDB, false);
  checkCatalogue(record);
  checkVolumes(record);
  checkPodsOnce([
    ["pods", pods],
    ["boundPods", boundPods],
  ]);
}

const EVENT_SHAPES: ReadonlyMap<string, Shape> = new Map([
  ["Pod", POD],
  ["Node", NODE],
  ["NodeClaim", NODE_CLAIM],
  ["NodePool", NODE_POOL],
  ["DaemonSet", DAEMON_SET],
  ["PodDisruptionBudget", PDB],
  ["PersistentVolumeClaim", PVC],
  ["PersistentVolume", PV],
  ["StorageClass", STORAGE_CLASS],
  ["CSINode", CSI_NODE],
]);
const EVENT_TYPES: ReadonlySet<unknown> = new Set(["ADDED", "MODIFIED", "DELETED"]);

/**
 * Checks one watch event given to a long-lived `Cluster` before it is read or copied: an object with a known
 * `type` and `kind`, and an `object` of that kind shaped as {@link assertScheduleInput} requires (no cycle,
 * no nesting past the limit).
 *
 * @param event - what the caller passed to `Cluster.apply`
 * @param path - where the event sits, e.g. `["pods", 3]` for a snapshot's list (default: none)
 * @throws InputError (code `invalid-input`) with the path of the first bad field
 * @internal
 * @example
 * ```ts
 * assertClusterEvent({ type: "ADDED", kind: "Pod", object: null }); // throws "object: expected a pod object, got null"
 * ```
 */
export function assertClusterEvent(event: unknown, path: Path = []): void {
  if (!isRecord(event)) fail(path, `expected a watch event object, got ${describe(event)}`);
  const record = event;
  if (!EVENT_TYPES.has(record["type"])) fail([...path, "type"], `expected ADDED, MODIFIED or DELETED, got ${describe(record["type"])}`);
  const shape = typeof record["kind"] === "string" ? EVENT_SHAPES.get(record["kind"]) : undefined;
  if (shape === undefined) fail([...path, "kind"], `expected one of ${[...EVENT_SHAPES.keys()].join(", ")}`);
  checkItem(record["object"], [...path, "object"], shape);
}

/**
 * Checks a snapshot given to `Cluster.fromSnapshot`: an object whose lists, where present, are lists of
 * well-formed objects of their kind (storage objects under `volumes`, as for `schedule`), and the catalogue as
 * for `schedule`.
 *
 * @param snapshot - what the caller passed as the snapshot
 * @param instanceTypes - what the caller passed as the catalogue
 * @throws InputError (code `invalid-input`) with the path of the first bad field
 * @internal
 * @example
 * ```ts
 * assertClusterSnapshot({ pods: {} }, []); // throws "pods: expected a list of pod objects, got an object"
 * ```
 */
export function assertClusterSnapshot(snapshot: unknown, instanceTypes: unknown): void {
  const record = checkRecord(snapshot, "cluster snapshot");
  checkList(record, "pods", POD, false);
  checkList(record, "boundPods", POD, false);
  checkList(record, "nodes", NODE, false);
  checkList(record, "nodeClaims", NODE_CLAIM, false);
  checkList(record, "nodePools", NODE_POOL, false);
  checkList(record, "daemonSets", DAEMON_SET, false);
  checkList(record, "podDisruptionBudgets", PDB, false);
  // Storage objects sit under `volumes`, as `fromKubernetes` returns them and `schedule` takes them.
  checkVolumes(record);
  checkCatalogue({ instanceTypes });
}

/**
 * Checks the options of `schedule` or `planConsolidation` before they are resolved: an object (or nothing)
 * whose known fields have their declared types, so a wrong value is named by the resolver's own message
 * rather than failing inside it; `wellKnownLabels` is an array or Set of strings.
 *
 * @param options - what the caller passed
 * @param kind - which entry point's options
 * @throws InputError (code `invalid-input`) naming the option, e.g. `options.maxSteps`
 * @internal
 * @example
 * ```ts
 * assertOptions({ capacityTypePriority: "spot" }, "schedule"); // throws "options.capacityTypePriority: expected a list, got a string"
 * ```
 */
export function assertOptions(options: unknown, kind: "schedule" | "consolidation"): void {
  if (options === undefined && kind === "schedule") return;
  if (!isRecord(options)) fail(["options"], `expected an options object, got ${describe(options)}`);
  checkShape(options, kind === "schedule" ? SCHEDULE_OPTIONS_SHAPE : CONSOLIDATION_OPTIONS_SHAPE, ["options"]);
  const labels = options["wellKnownLabels"];
  if (kind === "schedule" && labels !== undefined) {
    if (!Array.isArray(labels) && !(labels instanceof Set))
      fail(["options", "wellKnownLabels"], `expected a list or Set of label keys, got ${describe(labels)}`);
    for (const label of labels as Iterable<unknown>) {
      if (typeof label !== "string") fail(["options", "wellKnownLabels"], `expected label keys (strings), got ${describe(label)}`);
    }
  }
}

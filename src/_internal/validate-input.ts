import { InputError, formatPath } from "../errors.js";
import type { PathSegment } from "../errors.js";
import { MAX_DOCUMENT_DEPTH, MAX_DOCUMENT_VALUES } from "../limits.js";

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
}

const POD: Shape = { what: "pod", objects: ["metadata", "spec"] };
const NODE: Shape = { what: "Node", objects: ["metadata"] };
const NODE_CLAIM: Shape = { what: "NodeClaim", objects: ["metadata"] };
const NODE_POOL: Shape = { what: "NodePool", objects: ["metadata", "spec"] };
const DAEMON_SET: Shape = { what: "DaemonSet", objects: ["metadata", "spec"] };
const PDB: Shape = { what: "PodDisruptionBudget", objects: ["metadata"] };

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
    if (typeof value !== "object" || value === null || value instanceof Date) return;
    if (this.ancestors.size >= MAX_DOCUMENT_DEPTH) fail([...this.root, ...path], `nests deeper than the limit of ${MAX_DOCUMENT_DEPTH} levels (MAX_DOCUMENT_DEPTH)`);
    if (this.ancestors.has(value)) fail([...this.root, ...path], "refers back to an object that contains it (a reference cycle)");
    this.ancestors.add(value);
    if (Array.isArray(value)) {
      const length = value.length;
      if (length > this.left) fail([...this.root, ...path], `a list of ${formatter.format(length)} items is longer than the ${formatter.format(MAX_DOCUMENT_VALUES)} values one object may hold (MAX_DOCUMENT_VALUES)`);
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
  for (let i = 0; i < length; i++) {
    const item: unknown = list[i];
    const path = [field, i];
    if (!isRecord(item)) fail(path, `expected a ${shape.what} object, got ${describe(item)}`);
    for (const key of shape.objects) {
      if (!isRecord(item[key])) fail([...path, key], `expected an object, got ${describe(item[key])}`);
    }
    new GraphCheck(path).visit(item, []);
  }
  return list;
}

/**
 * Refuses a pod listed twice: the same object, or two pods with the same uid (or, without a uid, the
 * same `namespace/name`), in any of the given lists. A pod is placed and listed once.
 */
function checkPodsOnce(lists: ReadonlyArray<readonly [string, readonly unknown[]]>): void {
  const byObject = new Map<object, Path>();
  const byKey = new Map<string, Path>();
  for (const [field, pods] of lists) {
    pods.forEach((pod, i) => {
      const path = [field, i];
      const first = byObject.get(pod as object);
      if (first !== undefined) fail(path, `is the same pod object as ${formatPath(first)}: a pod is listed once`);
      byObject.set(pod as object, path);
      const metadata = (pod as { readonly metadata: Readonly<Record<string, unknown>> }).metadata;
      const { uid, name, namespace } = metadata;
      const key = typeof uid === "string" && uid !== "" ? `uid ${uid}` : typeof name === "string" && name !== "" ? `${typeof namespace === "string" && namespace !== "" ? namespace : "default"}/${name}` : undefined;
      if (key === undefined) return;
      const same = byKey.get(key);
      if (same !== undefined) fail(path, `is the same pod as ${formatPath(same)} (${key}): a pod is listed once`);
      byKey.set(key, path);
    });
  }
}

function checkRecord(input: unknown, what: string): Readonly<Record<string, unknown>> {
  if (!isRecord(input)) fail([], `expected the ${what} input object, got ${describe(input)}`);
  return input;
}

function checkCatalogue(input: Readonly<Record<string, unknown>>): void {
  const catalogue = input["instanceTypes"];
  // An instance-type index is an object; its own constructor checked it.
  if (!Array.isArray(catalogue) && !isRecord(catalogue)) fail(["instanceTypes"], `expected a list of instance types or an instance-type index, got ${describe(catalogue)}`);
  if (Array.isArray(catalogue)) {
    catalogue.forEach((type: unknown, i) => {
      if (!isRecord(type)) fail(["instanceTypes", i], `expected an instance type, got ${describe(type)}`);
    });
  }
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
  checkPodsOnce([["pods", pods], ["boundPods", boundPods]]);
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
  checkList(record, "daemonSets", DAEMON_SET, false);
  checkList(record, "podDisruptionBudgets", PDB, false);
  checkCatalogue(record);
  checkPodsOnce([["pods", pods]]);
}

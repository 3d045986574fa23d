/**
 * Issue 18 ("the library's promises"): whatever a caller passes to `schedule` or `planConsolidation` (any value
 * in any position of an otherwise valid input, a reference cycle, null, the same object listed twice), the only
 * outcomes are a result or a NodefitError with a code: never a raw TypeError, RangeError or stack overflow.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { Cluster, planConsolidation, schedule, type ClusterEvent, type ConsolidationInput, type ScheduleInput } from "nodefit";
import { fromKubernetes } from "nodefit/kubernetes";
import { catalogueOf, consolidationInputOf, exampleDocuments } from "./pipeline.js";

const kubernetes = fromKubernetes(exampleDocuments("consolidation"));
// The example's own instance types and a few more: the full catalogue would make each run slow.
const used = new Set(kubernetes.nodes.map((n) => n.metadata.labels?.["node.kubernetes.io/instance-type"]));
const instanceTypes = catalogueOf(kubernetes).instanceTypes.filter((t) => used.has(t.name) || /^(m5|c5)\.(large|xlarge|2xlarge)$/.test(t.name));

/** A fresh, valid consolidation input. */
function consolidationInput(): Record<string, unknown> {
  // Instance types are nodefit's own objects (kept as they are); the rest is the caller's plain data, copied.
  const { instanceTypes: types, ...objects } = consolidationInputOf(kubernetes, instanceTypes);
  return { ...structuredClone(objects), instanceTypes: [...types] };
}

/** A fresh, valid schedule input: the example's pods pending, its nodes existing. */
function scheduleInput(): Record<string, unknown> {
  const bound = structuredClone(kubernetes.boundPods);
  const pending = bound.slice(0, 4).map((p) => ({
    ...p,
    metadata: { ...p.metadata, name: `${p.metadata.name ?? ""}-new`, uid: `new-${p.metadata.namespace ?? ""}-${p.metadata.name ?? ""}` },
    spec: { ...p.spec, nodeName: undefined },
  }));
  return {
    pods: pending,
    boundPods: bound.slice(4),
    nodes: structuredClone(kubernetes.nodes),
    nodeClaims: structuredClone(kubernetes.nodeClaims),
    nodePools: structuredClone(kubernetes.nodePools),
    daemonSets: structuredClone(kubernetes.daemonSets),
    instanceTypes: [...instanceTypes],
  };
}

type Path = readonly (string | number)[];

function isPlainObject(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Every position in the caller's plain data (instance types count as one position each: they are built by nodefit). */
function positions(value: unknown, path: Path = [], out: Path[] = [], seen = new Set<object>()): Path[] {
  out.push(path);
  if (path.length === 2 && path[0] === "instanceTypes") return out;
  // An object met twice (a cycle or a duplicate a mutation made) is walked once.
  // Only the caller's plain data: Maps, Dates and typed arrays fc.anything() put in are values, not containers.
  if (!Array.isArray(value) && !isPlainObject(value)) return out;
  if (seen.has(value)) return out;
  seen.add(value);
  if (Array.isArray(value)) value.forEach((item, i) => positions(item, [...path, i], out, seen));
  else for (const [k, v] of Object.entries(value)) positions(v, [...path, k], out, seen);
  return out;
}

function parentOf(root: Record<string, unknown>, path: Path): Record<string | number, unknown> {
  let at: unknown = root;
  for (const segment of path.slice(0, -1)) at = (at as Record<string | number, unknown>)[segment];
  return at as Record<string | number, unknown>;
}

type Mutation =
  | { readonly kind: "replace"; readonly at: number; readonly value: unknown }
  | { readonly kind: "delete"; readonly at: number }
  | { readonly kind: "cycle"; readonly at: number; readonly up: number }
  | { readonly kind: "duplicate"; readonly at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("replace" as const),
      at: fc.nat(),
      value: fc.anything({
        maxDepth: 3,
        withNullPrototype: true,
        withMap: true,
        withSet: true,
        withDate: true,
        withTypedArray: true,
        withSparseArray: true,
        withBigInt: true,
      }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cycle" as const), at: fc.nat(), up: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }) },
);

/** Applies mutations to a fresh input, in place; returns it. */
function mutate(input: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
  for (const m of mutations) {
    const all = positions(input).filter((p) => p.length > 0);
    const path = all[m.at % all.length] as Path;
    const parent = parentOf(input, path);
    const key = path[path.length - 1] as string | number;
    if (m.kind === "replace") parent[key] = m.value;
    else if (m.kind === "delete") delete parent[key];
    else if (m.kind === "cycle") parent[key] = parentOf(input, path.slice(0, Math.max(1, path.length - (m.up % path.length))));
    else if (Array.isArray(parent)) parent.push(parent[key]);
    else parent[key] = [parent[key], parent[key]];
  }
  return input;
}

/** The only acceptable way to fail: a NodefitError with a stable code and a path. */
function outcome(run: () => unknown): string {
  try {
    run();
    return "result";
  } catch (error) {
    const { name, code, path } = error as { name?: unknown; code?: unknown; path?: unknown };
    if (typeof code === "string" && Array.isArray(path) && typeof name === "string") return `error ${code}`;
    throw error;
  }
}

const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

/** The error's code and message, or "result". */
function refusal(run: () => unknown): string {
  try {
    run();
    return "result";
  } catch (error) {
    return `${(error as { code?: string }).code ?? "raw"}: ${(error as Error).message}`;
  }
}

describe("the entry checks", () => {
  test("the unchanged inputs are accepted", () => {
    expect(refusal(() => schedule(scheduleInput() as unknown as ScheduleInput))).toBe("result");
    expect(refusal(() => planConsolidation(consolidationInput() as unknown as ConsolidationInput, { now: "2026-06-01T12:00:00Z" }))).toBe("result");
  });

  test("the same pod object passed three times is refused, not placed three times", () => {
    const input = scheduleInput();
    const pod = (input["pods"] as unknown[])[0];
    expect(refusal(() => schedule({ ...input, pods: [pod, pod, pod] } as unknown as ScheduleInput))).toBe(
      "invalid-input: pods[1]: is the same pod object as pods[0]: a pod is listed once",
    );
  });

  test("a field of the wrong type deep in a pod names its path", () => {
    const input = scheduleInput();
    const pods = input["pods"] as { spec: Record<string, unknown> }[];
    (pods[1] as { spec: Record<string, unknown> }).spec = { ...pods[1]?.spec, tolerations: [{ key: 7 }] };
    expect(refusal(() => schedule(input as unknown as ScheduleInput))).toBe("invalid-input: pods[1].spec.tolerations[0].key: expected a string, got number");
  });

  test("a catalogue entry that is not an instance type is refused", () => {
    const input = { ...consolidationInput(), instanceTypes: [{ name: "m5.large" }] };
    expect(refusal(() => planConsolidation(input as unknown as ConsolidationInput, { now: "2026-06-01T12:00:00Z" }))).toBe(
      "invalid-input: instanceTypes[0].requirements: expected a requirement set (build instance types with createInstanceType)",
    );
  });

  test("options of the wrong type are named", () => {
    const input = scheduleInput() as unknown as ScheduleInput;
    expect(refusal(() => schedule(input, { capacityTypePriority: "spot" } as never))).toBe(
      "invalid-input: options.capacityTypePriority: expected a list, got a string",
    );
    expect(refusal(() => schedule(input, { wellKnownLabels: [7] } as never))).toBe(
      "invalid-input: options.wellKnownLabels: expected label keys (strings), got number",
    );
    expect(refusal(() => schedule(input, null as never))).toBe("invalid-input: options: expected an options object, got null");
    expect(refusal(() => planConsolidation(consolidationInput() as unknown as ConsolidationInput, { now: 5 } as never))).toBe(
      "invalid-input: options.now: expected a time (a string or a Date), got number",
    );
  });

  test("the long-lived Cluster checks its snapshot and every event", () => {
    expect(refusal(() => Cluster.fromSnapshot({ pods: [null] } as never, instanceTypes))).toBe("invalid-input: pods[0]: expected a pod object, got null");
    const cluster = Cluster.fromSnapshot({}, instanceTypes);
    const cyclic: Record<string, unknown> = { name: "x" };
    cyclic["self"] = cyclic;
    const events: readonly unknown[] = [
      null,
      { type: "ADDED", kind: "Secret", object: {} },
      { type: "ADDED", kind: "Pod", object: { metadata: { name: "p" }, spec: { containers: 3 } } },
      { type: "ADDED", kind: "Node", object: { metadata: cyclic } },
    ];
    expect(events.map((event) => refusal(() => cluster.apply(event as ClusterEvent)))).toEqual([
      "invalid-input: input: expected a watch event object, got null",
      "invalid-input: kind: expected one of Pod, Node, NodeClaim, NodePool, DaemonSet, PodDisruptionBudget, PersistentVolumeClaim, PersistentVolume, StorageClass, CSINode",
      "invalid-input: object.spec.containers: expected a list, got number",
      "invalid-input: object.metadata.self: refers back to an object that contains it (a reference cycle)",
    ]);
  });
});

describe("malformed input to the core entry points", () => {
  test.prop([mutations], { numRuns: 150 })("schedule() returns or throws a NodefitError", (ms) => {
    const input = mutate(scheduleInput(), ms) as unknown as ScheduleInput;
    expect(outcome(() => schedule(input))).toMatch(/^(result|error [a-z-]+)$/);
  });

  test.prop([mutations], { numRuns: 100 })("planConsolidation() returns or throws a NodefitError", (ms) => {
    const input = mutate(consolidationInput(), ms) as unknown as ConsolidationInput;
    expect(outcome(() => planConsolidation(input, { now: "2026-06-01T12:00:00Z" }))).toMatch(/^(result|error [a-z-]+)$/);
  });

  const optionValue = fc.oneof(
    fc.anything({ maxDepth: 2, withNullPrototype: true, withMap: true, withSet: true, withBigInt: true }),
    fc.constantFrom("Respect", "Ignore", "Strict", 0, 3, -1, 1.5, NaN),
  );
  test.prop(
    [
      fc.dictionary(
        fc.constantFrom(
          "preferencePolicy",
          "minValuesPolicy",
          "reservedCapacityMode",
          "maxInstanceTypes",
          "maxSteps",
          "capacityTypePriority",
          "wellKnownLabels",
          "now",
          "maxCommands",
          "maxSimulationSteps",
          "spotToSpotConsolidation",
        ),
        optionValue,
      ),
    ],
    { numRuns: 100 },
  )("any value for any option", (options) => {
    const withNow = { now: "2026-06-01T12:00:00Z", ...options };
    expect(outcome(() => schedule(scheduleInput() as unknown as ScheduleInput, options as never))).toMatch(/^(result|error [a-z-]+)$/);
    expect(outcome(() => planConsolidation(consolidationInput() as unknown as ConsolidationInput, withNow as never))).toMatch(/^(result|error [a-z-]+)$/);
  });

  test.prop([fc.anything({ maxDepth: 2, withNullPrototype: true })], { numRuns: 30 })("any value as the whole options", (options) => {
    expect(outcome(() => schedule(scheduleInput() as unknown as ScheduleInput, options as never))).toMatch(/^(result|error [a-z-]+)$/);
    expect(outcome(() => planConsolidation(consolidationInput() as unknown as ConsolidationInput, options as never))).toMatch(/^(result|error [a-z-]+)$/);
  });

  test.prop([fc.anything({ maxDepth: 2 })], { numRuns: 50 })("any value as the whole input", (value) => {
    expect(outcome(() => schedule(value as ScheduleInput))).toMatch(/^error /);
    expect(outcome(() => planConsolidation(value as ConsolidationInput, { now: "2026-06-01T12:00:00Z" }))).toMatch(/^error /);
  });
});

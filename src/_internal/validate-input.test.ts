import { describe, expect, it } from "vitest";
import { MAX_DOCUMENT_DEPTH } from "../limits.js";
import { assertClusterEvent, assertClusterSnapshot, assertConsolidationInput, assertScheduleInput } from "./validate-input.js";

const pod = (name: string, extra: object = {}): object => ({ metadata: { name, ...extra }, spec: { containers: [{ name: "a" }] } });
const pool = { metadata: { name: "default" }, spec: { template: { spec: {} } } };
const scheduleInput = (over: object = {}): object => ({ pods: [pod("a")], nodePools: [pool], instanceTypes: [], ...over });
const consolidationInput = (over: object = {}): object => ({ nodes: [], nodePools: [pool], pods: [], instanceTypes: [], ...over });

/** The error a check throws, as `code: message @ path`. */
function refusal(run: () => void): string {
  try {
    run();
  } catch (error) {
    const { code, message, path } = error as { code: string; message: string; path: unknown[] };
    return `${code}: ${message} @ ${JSON.stringify(path)}`;
  }
  return "(accepted)";
}

describe("assertScheduleInput (issue 18: no raw TypeError or RangeError from the core)", () => {
  const cyclic: { metadata: { name: string; labels: Record<string, unknown> }; spec: object } = { metadata: { name: "c", labels: {} }, spec: {} };
  cyclic.metadata.labels["self"] = cyclic;
  let deep: object = {};
  for (let i = 0; i < 100_000; i++) deep = { a: deep };
  const sparse: unknown[] = [];
  sparse.length = 2 ** 32 - 1;
  const shared = pod("same");

  it.each<[string, unknown, string]>([
    ["null", null, "invalid-input: input: expected the schedule input object, got null @ []"],
    ["pods null", scheduleInput({ pods: null }), 'invalid-input: pods: expected a list of pod objects, got null @ ["pods"]'],
    ["a null pod", scheduleInput({ pods: [null] }), 'invalid-input: pods[0]: expected a pod object, got null @ ["pods",0]'],
    ["a pod without spec", scheduleInput({ pods: [{ metadata: {} }] }), 'invalid-input: pods[0].spec: expected an object, got undefined @ ["pods",0,"spec"]'],
    [
      "a NodePool without metadata",
      scheduleInput({ nodePools: [{}] }),
      'invalid-input: nodePools[0].metadata: expected an object, got undefined @ ["nodePools",0,"metadata"]',
    ],
    [
      "no catalogue",
      scheduleInput({ instanceTypes: null }),
      'invalid-input: instanceTypes: expected a list of instance types or an instance-type index, got null @ ["instanceTypes"]',
    ],
    ["a null Node", scheduleInput({ nodes: [null] }), 'invalid-input: nodes[0]: expected a Node object, got null @ ["nodes",0]'],
    [
      "a cycle",
      scheduleInput({ pods: [cyclic] }),
      'invalid-input: pods[0].metadata.labels.self: refers back to an object that contains it (a reference cycle) @ ["pods",0,"metadata","labels","self"]',
    ],
    [
      "a sparse list of length 2^32-1",
      scheduleInput({ pods: [{ metadata: {}, spec: { containers: sparse } }] }),
      'invalid-input: pods[0].spec.containers: a list of 4,294,967,295 items is longer than the 1,000,000 values one object may hold (MAX_DOCUMENT_VALUES) @ ["pods",0,"spec","containers"]',
    ],
    [
      "the same pod object three times",
      scheduleInput({ pods: [shared, shared, shared] }),
      'invalid-input: pods[1]: is the same pod object as pods[0]: a pod is listed once @ ["pods",1]',
    ],
    [
      "a pending pod also bound",
      scheduleInput({ pods: [pod("x")], boundPods: [pod("x")] }),
      'invalid-input: boundPods[0]: is the same pod as pods[0] (default/x): a pod is listed once @ ["boundPods",0]',
    ],
  ])("%s", (_, input, expected) => {
    expect(refusal(() => assertScheduleInput(input))).toBe(expected);
  });

  it("nesting past MAX_DOCUMENT_DEPTH (a 100,000-deep affinity overflowed the stack)", () => {
    expect(refusal(() => assertScheduleInput(scheduleInput({ pods: [{ metadata: {}, spec: { affinity: deep } }] })))).toMatch(
      new RegExp(
        `^invalid-input: pods\\[0\\]\\.spec\\.affinity(\\.a)+: nests deeper than the limit of ${MAX_DOCUMENT_DEPTH} levels \\(MAX_DOCUMENT_DEPTH\\) @ `,
      ),
    );
  });

  it("accepts well-formed input, pods with equal names in other namespaces, nameless pods, and shared sub-objects", () => {
    const spec = { containers: [{ name: "a" }] };
    const ok = scheduleInput({
      pods: [pod("a"), pod("a", { namespace: "other" }), { metadata: {}, spec }, { metadata: {}, spec }],
      nodes: [],
      boundPods: [pod("b", { uid: "u1" }), pod("b", { uid: "u2" })],
    });
    expect(refusal(() => assertScheduleInput(ok))).toBe("(accepted)");
  });
});

describe("assertConsolidationInput", () => {
  it.each<[string, unknown, string]>([
    ["null", null, "invalid-input: input: expected the consolidation input object, got null @ []"],
    ["a null Node", consolidationInput({ nodes: [null] }), 'invalid-input: nodes[0]: expected a Node object, got null @ ["nodes",0]'],
    [
      "a pod without metadata",
      consolidationInput({ pods: [{}] }),
      'invalid-input: pods[0].metadata: expected an object, got undefined @ ["pods",0,"metadata"]',
    ],
    [
      "a PDB that is a string",
      consolidationInput({ podDisruptionBudgets: ["x"] }),
      'invalid-input: podDisruptionBudgets[0]: expected a PodDisruptionBudget object, got string @ ["podDisruptionBudgets",0]',
    ],
    [
      "a pod twice by uid",
      consolidationInput({ pods: [pod("a", { uid: "u" }), pod("b", { uid: "u" })] }),
      'invalid-input: pods[1]: is the same pod as pods[0] (uid u): a pod is listed once @ ["pods",1]',
    ],
    ["well formed", consolidationInput({ pods: [pod("a")] }), "(accepted)"],
  ])("%s", (_, input, expected) => {
    expect(refusal(() => assertConsolidationInput(input))).toBe(expected);
  });
});

describe("assertClusterEvent and assertClusterSnapshot: storage kinds (issue 15)", () => {
  const pvc = { metadata: { name: "data", namespace: "db" }, spec: { volumeName: "pv-1" } };
  const event = (kind: string, object: unknown, type = "ADDED"): object => ({ type, kind, object });

  it.each<[string, unknown, string]>([
    ["a well-formed claim", event("PersistentVolumeClaim", pvc), "(accepted)"],
    ["a deleted CSINode", event("CSINode", { metadata: { name: "n" }, spec: { drivers: [] } }, "DELETED"), "(accepted)"],
    [
      "a kind the Cluster does not follow",
      event("ResourceClaim", {}),
      'invalid-input: kind: expected one of Pod, Node, NodeClaim, NodePool, DaemonSet, PodDisruptionBudget, PersistentVolumeClaim, PersistentVolume, StorageClass, CSINode @ ["kind"]',
    ],
    [
      "a claim whose volumeName is a number",
      event("PersistentVolumeClaim", { metadata: { name: "data" }, spec: { volumeName: 7 } }),
      'invalid-input: object.spec.volumeName: expected a string, got number @ ["object","spec","volumeName"]',
    ],
    [
      "a volume whose affinity term is null",
      event("PersistentVolume", { metadata: { name: "pv" }, spec: { nodeAffinity: { required: { nodeSelectorTerms: [null] } } } }),
      'invalid-input: object.spec.nodeAffinity.required.nodeSelectorTerms[0]: expected an object, got null @ ["object","spec","nodeAffinity","required","nodeSelectorTerms",0]',
    ],
    [
      "a CSI volume without its driver",
      event("PersistentVolume", { metadata: { name: "pv" }, spec: { csi: {} } }),
      'invalid-input: object.spec.csi.driver: is required @ ["object","spec","csi","driver"]',
    ],
    [
      "a class whose topology values are a string",
      event("StorageClass", { metadata: { name: "gp3" }, allowedTopologies: [{ matchLabelExpressions: [{ key: "zone", values: "a" }] }] }),
      'invalid-input: object.allowedTopologies[0].matchLabelExpressions[0].values: expected a list, got a string @ ["object","allowedTopologies",0,"matchLabelExpressions",0,"values"]',
    ],
    [
      "a CSINode without spec",
      event("CSINode", { metadata: { name: "n" } }),
      'invalid-input: object.spec: expected an object, got undefined @ ["object","spec"]',
    ],
    [
      "a CSINode limit that is a string",
      event("CSINode", { metadata: { name: "n" }, spec: { drivers: [{ name: "d", allocatable: { count: "3" } }] } }),
      'invalid-input: object.spec.drivers[0].allocatable.count: expected a number, got a string @ ["object","spec","drivers",0,"allocatable","count"]',
    ],
    [
      "a claim without metadata",
      event("PersistentVolumeClaim", { spec: {} }),
      'invalid-input: object.metadata: expected an object, got undefined @ ["object","metadata"]',
    ],
  ])("%s", (_, input, expected) => {
    expect(refusal(() => assertClusterEvent(input))).toBe(expected);
  });

  it.each<[string, unknown, string]>([
    ["storage under volumes", { volumes: { persistentVolumeClaims: [pvc], csiNodes: [] } }, "(accepted)"],
    ["volumes that is a list", { volumes: [] }, 'invalid-input: volumes: expected an object of storage lists, got a list @ ["volumes"]'],
    [
      "a null claim",
      { volumes: { persistentVolumeClaims: [pvc, null] } },
      'invalid-input: volumes.persistentVolumeClaims[1]: expected a PersistentVolumeClaim object, got null @ ["volumes","persistentVolumeClaims",1]',
    ],
    [
      "CSINodes that are an object",
      { volumes: { csiNodes: {} } },
      'invalid-input: volumes.csiNodes: expected a list of CSINode objects, got an object @ ["volumes","csiNodes"]',
    ],
  ])("snapshot: %s", (_, snapshot, expected) => {
    expect(refusal(() => assertClusterSnapshot(snapshot, []))).toBe(expected);
  });
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { safeFromKubernetes } from "./from-kubernetes.js";
import { KINDS, SKIPPED_KINDS } from "./kinds.js";
import { deepFreeze, deployment, pod } from "./test-documents.js";
import { labelKeyProblem, labelValueProblem } from "./validation/names.js";

const kinds = fc.constantFrom(...KINDS.keys(), ...SKIPPED_KINDS, "Unknown", "PodList", "List");
const apiVersions = fc.constantFrom("v1", "apps/v1", "batch/v1", "policy/v1", "karpenter.sh/v1", "nodefit.dev/v1alpha1", "x/v1");

/** Objects shaped roughly like Kubernetes objects, with anything inside. */
const looseObject = fc.record(
  {
    apiVersion: apiVersions,
    kind: kinds,
    metadata: fc.oneof(fc.record({ name: fc.string(), labels: fc.object() }), fc.anything()),
    spec: fc.anything(),
    items: fc.array(fc.anything(), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

/** Label keys that are awkward as object keys, plus arbitrary ones. */
const labelKey = fc.oneof(fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "app.kubernetes.io/name"), fc.string({ minLength: 1 }));

describe("fromKubernetes properties", () => {
  test.prop([fc.array(fc.oneof(looseObject, fc.anything()), { maxLength: 4 })])("never throws, never mutates, and is deterministic on any input", (objects) => {
    const documents = deepFreeze(objects.map((object, i) => ({ object, file: "f.yaml", index: i + 1 })));
    const first = safeFromKubernetes(documents);
    const second = safeFromKubernetes(documents);
    expect(second).toEqual(first);
    if (!first.ok) {
      expect(first.error.code).toBe("invalid-input");
      for (const line of first.error.message.split("\n")) expect(line.startsWith("f.yaml")).toBe(true);
    }
  });

  test.prop([fc.array(fc.tuple(labelKey, fc.oneof(fc.constantFrom("", "web", "v1.2-3_x"), fc.string())), { maxLength: 6 })])(
    "label maps survive exactly, as plain data, or are refused naming the label the API server would refuse",
    (entries) => {
      const labels = Object.fromEntries(entries);
      const object = deepFreeze({ ...pod("p"), metadata: { name: "p", labels } });
      const result = safeFromKubernetes([{ object }]);
      const valid = Object.entries(labels).every(([key, value]) => labelKeyProblem(key) === undefined && labelValueProblem(value) === undefined);
      expect(result.ok).toBe(valid);
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
      if (!result.ok) {
        for (const line of result.error.message.split("\n")) expect(line).toContain("metadata.labels");
        return;
      }
      const out = result.value.pods[0]?.metadata.labels ?? {};
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
      expect(Object.entries(out)).toEqual(Object.entries(labels));
    },
  );

  test.prop([fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 5 })])(
    "workloads expand into exactly their replicas, with unique names",
    (replicas) => {
      const documents = replicas.map((n, i) => ({ object: deployment(`app${i}`, n) }));
      const result = safeFromKubernetes(documents);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const pods = result.value.pods;
      expect(pods).toHaveLength(replicas.reduce((a, b) => a + b, 0));
      expect(new Set(pods.map((p) => p.metadata.name)).size).toBe(pods.length);
      expect(new Set(pods.map((p) => p.metadata.uid)).size).toBe(pods.length);
    },
  );
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { fromKubernetes } from "./from-kubernetes.js";
import { controlledBy, podWith, workload } from "./test-documents.js";

const KINDS = ["Deployment", "ReplicaSet", "ReplicationController", "StatefulSet", "Job"] as const;

/** Random workloads, each with some of its pods already in the input (bound or pending, any phase). */
const inputs = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...KINDS),
      replicas: fc.integer({ min: 0, max: 6 }),
      completions: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
      pods: fc.array(fc.record({ bound: fc.boolean(), phase: fc.constantFrom("Running", "Pending", "Succeeded", "Failed") }), { maxLength: 4 }),
    }),
    { maxLength: 5 },
  )
  .map((workloads) =>
    workloads.flatMap(({ kind, replicas, completions, pods }, w) => {
      const name = `w${w}`;
      const spec = kind === "Job" ? { parallelism: replicas, ...(completions === undefined ? {} : { completions }) } : { replicas };
      const owned = pods.map((p, i) => {
        // StatefulSet pods are named by ordinal; the others by the controller's random suffix.
        const podName = kind === "StatefulSet" ? `${name}-${i}` : `${name}-x${i}`;
        return podWith(podName, { ...(p.bound ? { nodeName: "n1" } : {}), owner: controlledBy(kind, name), status: { phase: p.phase } });
      });
      return [workload(kind, name, spec), ...owned];
    }),
  );

describe("ownership properties", () => {
  test.prop([inputs])("expansion is a fixpoint: reading back the pods it created adds none", (objects) => {
    const first = fromKubernetes(objects.map((object) => ({ object })));
    // The pods it created are the ones with a uid (the input's pods here have none).
    const created = first.pods.filter((p) => p.metadata.uid !== undefined);
    const again = fromKubernetes([...objects, ...created].map((object) => ({ object })));
    const names = (pods: typeof first.pods): string[] => pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).sort();
    expect(names(again.pods)).toEqual(names(first.pods));
  });

  test.prop([inputs])("a workload never brings its active pods above what it asks for", (objects) => {
    const input = fromKubernetes(objects.map((object) => ({ object })));
    const all = [...input.pods, ...input.boundPods].filter((p) => p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed");
    for (const object of objects) {
      const item = object as { kind: string; metadata: { name: string }; spec: { replicas?: number; parallelism?: number } };
      if (item.kind === "Pod") continue;
      const mine = all.filter((p) => p.metadata.ownerReferences?.[0]?.name === item.metadata.name);
      const generated = mine.filter((p) => p.metadata.uid?.startsWith("default/"));
      // Generated pods only fill the gap: never more than the workload wants in total.
      expect(generated.length).toBeLessThanOrEqual(item.spec.replicas ?? item.spec.parallelism ?? 1);
      // A StatefulSet's finished pod still holds its ordinal's name, so only the others are checked for equality.
      if (generated.length > 0 && item.kind !== "Job" && item.kind !== "StatefulSet") expect(mine.length).toBe(item.spec.replicas ?? 1);
    }
  });
});

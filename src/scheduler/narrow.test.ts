import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { InstanceTypeIndex, LABEL_RESERVATION_ID } from "../instance-types/index.js";
import { OfferingMatcher } from "../instance-types/offering-matcher.js";
import { OptionSet } from "../instance-types/option-set.js";
import { LABEL_CAPACITY_TYPE, LABEL_ZONE, Requirements, type Requirement } from "../requirements/index.js";
import { fitsVectorAt, type HostPort, type ResourceList } from "../resources/index.js";
import { ARB_GPU, arbCatalog, arbFilterRequirements, arbRequests } from "../testing/arbitraries/instance-types.js";
import { initialCursors, narrowOptions } from "./narrow.js";
import type { PlacementTemplate } from "./placement-template.js";

const PORT: HostPort = { ip: "0.0.0.0", port: 80, protocol: "TCP" } as HostPort;
const UNKNOWN = "example.com/unknown";
const OFFERING_KEYS = new Set([LABEL_ZONE, LABEL_CAPACITY_TYPE, LABEL_RESERVATION_ID]);

const arbOverhead: fc.Arbitrary<ResourceList> = fc.record({ cpu: fc.integer({ min: -50, max: 400 }), pods: fc.integer({ min: 0, max: 2 }) }).map(
  ({ cpu, pods }) =>
    new Map([
      ["cpu", cpu],
      ["pods", pods],
    ]),
);

/** Mostly small pods, so a claim takes several before its options run out. */
const arbSmallRequests: fc.Arbitrary<ResourceList> = fc
  .record({ cpu: fc.integer({ min: 0, max: 700 }), memory: fc.integer({ min: 0, max: 2 ** 30 }), pods: fc.nat(1) })
  .map(
    ({ cpu, memory, pods }) =>
      new Map([
        ["cpu", cpu],
        ["memory", memory],
        ["pods", pods],
      ]),
  );

const arbStep = fc.record({
  requests: fc.oneof({ arbitrary: arbSmallRequests, weight: 4 }, { arbitrary: arbRequests, weight: 1 }),
  requirements: fc.oneof({ arbitrary: fc.constant(Requirements.EMPTY), weight: 2 }, { arbitrary: arbFilterRequirements(), weight: 1 }),
  port: fc.boolean(),
});

function withoutMinValues(requirements: Requirements): Requirements {
  return Requirements.of([...requirements].map((r) => r.withMinValues(undefined)));
}

function changed(previous: Requirements, next: Requirements): Requirement[] {
  return [...next].filter((r) => !(previous.has(r.key) && previous.get(r.key).equals(r)));
}

describe("narrowOptions with per-resource cursors", () => {
  test.prop(
    [
      arbCatalog(40),
      fc.array(arbOverhead, { minLength: 1, maxLength: 3 }),
      fc.array(fc.nat(2), { minLength: 40, maxLength: 40 }),
      fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
      fc.array(arbStep, { minLength: 1, maxLength: 12 }),
    ],
    { numRuns: 300 },
  )("keeps exactly the options a walk over every option keeps, pod after pod", (types, overheads, groupPicks, initial, steps) => {
    const index = InstanceTypeIndex.build(types);
    const vectors = index.vectors([UNKNOWN, ARB_GPU]);
    const dims = vectors.dims;
    const groupById = Int32Array.from(types, (_, id) => (groupPicks[id] as number) % overheads.length);
    const template = {
      name: "pool",
      overheads: overheads.map((o) => vectors.vector(o)),
      // The last group's DaemonSet holds port 80: a pod asking for it cannot use that group's types.
      daemonGroups: overheads.map((overhead, g) => ({ overhead, hostPorts: g === overheads.length - 1 && g > 0 ? [PORT] : [] })),
      groupById,
      groupOf: new Map(types.map((t, id) => [t, groupById[id] as number])),
    } as unknown as PlacementTemplate;
    let options = OptionSet.ofIds(index, Int32Array.from(types.flatMap((_, id) => (initial[id] ? [id] : []))));
    let reference = [...options.ids];
    let cursors = initialCursors(template, dims);
    let previous = Requirements.EMPTY;
    const claim = new Float64Array(dims);
    let offeringsChecked = false;
    for (const step of steps) {
      const requirements = withoutMinValues(previous.add(step.requirements));
      const pod = vectors.vector(step.requests);
      const ports = step.port ? [PORT] : [];
      // The walk narrowing made before the cursors: every option, every resource, every changed key.
      const newKeys = changed(previous, requirements);
      const checkOfferings = !offeringsChecked || newKeys.some((r) => OFFERING_KEYS.has(r.key));
      const matcher = new OfferingMatcher(requirements);
      const expected = reference.filter((id) => {
        const g = groupById[id] as number;
        if (ports.length > 0 && template.daemonGroups[g]?.hostPorts.length) return false;
        const total = new Float64Array(dims);
        for (let d = 0; d < dims; d++) total[d] = (claim[d] as number) + (pod[d] as number) + ((template.overheads[g] as Float64Array)[d] as number);
        if (!fitsVectorAt(total, 0, vectors.allocatable, id * dims, dims)) return false;
        const type = types[id]!;
        if (!newKeys.every((r) => type.requirements.intersects(Requirements.of([r])))) return false;
        return !checkOfferings || matcher.hasOffering(type);
      });
      const result = narrowOptions({
        options,
        cursors,
        offeringsChecked,
        previous,
        requirements,
        claimRequests: claim,
        podRequests: pod,
        requestList: () => step.requests,
        podPorts: ports,
        template,
        vectors,
        minValuesPolicy: "Strict",
        explain: false,
      });
      expect(result.ok).toBe(expected.length > 0);
      if (!result.ok) continue;
      expect([...result.options.ids]).toEqual(expected);
      options = result.options;
      cursors = result.cursors;
      reference = expected;
      previous = requirements;
      offeringsChecked = true;
      for (let d = 0; d < dims; d++) claim[d] = (claim[d] as number) + (pod[d] as number);
    }
  });
});

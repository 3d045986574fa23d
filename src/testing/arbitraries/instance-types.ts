/**
 * fast-check arbitraries for instance-type catalogues, requests and the requirements node claims filter
 * them with. Pools are small (zones `a`/`b`/`c`, names `it-0`…`it-5`, label values shared with the requirement
 * arbitraries) so that requirements hit, miss and partly overlap the catalogue often.
 *
 * @module
 */
import fc from "fast-check";
import {
  createInstanceType,
  LABEL_CAPACITY_TYPE,
  LABEL_INSTANCE_TYPE,
  LABEL_RESERVATION_ID,
  LABEL_ZONE,
  Requirement,
  Requirements,
  type InstanceType,
  type InstanceTypeSpec,
  type OfferingSpec,
  type ResourceList,
} from "nodefit";
import { arbLabelValue, arbRequirement, arbRequirements, REQUIREMENT_KEYS } from "./requirements.js";

/** Zones generated offerings use; single letters, so generic label values can match them. */
export const ARB_ZONES: readonly string[] = ["a", "b", "c"];
/** Reservation ids generated reserved offerings use. */
export const ARB_RESERVATIONS: readonly string[] = ["r1", "r2"];
/** The extended resource generated capacities and requests may name. */
export const ARB_GPU = "example.com/gpu";

const LABEL_KEYS = REQUIREMENT_KEYS.filter((key) => key !== LABEL_ZONE);

/** An offering spec: a zone, a capacity type (reserved ones with a reservation id), a price and availability. */
export const arbOfferingSpec: fc.Arbitrary<OfferingSpec> = fc
  .record({
    zone: fc.constantFrom(...ARB_ZONES),
    capacityType: fc.constantFrom("on-demand", "spot", "reserved"),
    price: fc.integer({ min: 0, max: 1000 }).map((cents) => cents / 100),
    available: fc.boolean(),
    reservationId: fc.constantFrom(...ARB_RESERVATIONS),
  })
  .map(({ reservationId, ...o }) => (o.capacityType === "reserved" ? { ...o, reservationId } : o));

/** Offerings with distinct (zone, capacity type, reservation). */
const arbOfferings: fc.Arbitrary<OfferingSpec[]> = fc.uniqueArray(arbOfferingSpec, {
  maxLength: 5,
  selector: (o) => `${o.zone}/${o.capacityType}/${o.reservationId ?? ""}`,
});

/** A capacity: cpu in millicores, memory in MiB-multiples, pods, sometimes a GPU. */
const arbCapacity: fc.Arbitrary<ResourceList> = fc
  .record({
    cpu: fc.integer({ min: 0, max: 8000 }),
    memory: fc.integer({ min: 0, max: 16 }).map((gi) => gi * 1024 ** 3),
    pods: fc.integer({ min: 0, max: 20 }),
    gpu: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  })
  .map(
    ({ cpu, memory, pods, gpu }) =>
      new Map<string, number>([["cpu", cpu], ["memory", memory], ["pods", pods], ...(gpu === undefined ? [] : [[ARB_GPU, gpu] as [string, number]])]),
  );

/**
 * An instance-type spec with the given name: labels and extra (possibly complement or bounded) requirements
 * over the requirement arbitraries' keys, a capacity, a small overhead and up to five offerings.
 *
 * @param name - the type's name
 * @returns an arbitrary of specs
 */
export function arbInstanceTypeSpec(name: string): fc.Arbitrary<InstanceTypeSpec> {
  return fc
    .record({
      labels: fc.array(fc.tuple(fc.constantFrom(...LABEL_KEYS), arbLabelValue), { maxLength: 3 }).map((pairs) => new Map(pairs)),
      extra: fc.array(
        fc.constantFrom(...LABEL_KEYS).chain((key) => arbRequirement(key).map((r) => r.withMinValues(undefined))),
        { maxLength: 2 },
      ),
      capacity: arbCapacity,
      reserved: fc.integer({ min: 0, max: 500 }),
      offerings: arbOfferings,
    })
    .map(({ labels, extra, capacity, reserved, offerings }) => ({
      name,
      labels,
      requirements: extra,
      capacity,
      overhead: { kubeReserved: new Map([["cpu", reserved]]) },
      offerings,
    }));
}

/**
 * A catalogue of one to `max` instance types named `it-0`, `it-1`, ….
 *
 * @param max - the most types (default 6)
 * @returns an arbitrary of catalogues
 * @example
 * ```ts
 * fc.assert(fc.property(arbCatalog(), (types) => types.every((t) => t.offerings.length <= 5)));
 * ```
 */
export function arbCatalog(max = 6): fc.Arbitrary<InstanceType[]> {
  return fc
    .integer({ min: 1, max })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbInstanceTypeSpec(`it-${i}`))))
    .map((specs) => specs.map((spec) => createInstanceType(spec)));
}

/** Requests over cpu, memory, pods, the GPU and now and then a resource no type has. */
export const arbRequests: fc.Arbitrary<ResourceList> = fc
  .record({
    cpu: fc.integer({ min: 0, max: 3000 }),
    memory: fc.integer({ min: 0, max: 6 }).map((gi) => gi * 1024 ** 3),
    pods: fc.integer({ min: 0, max: 2 }),
    gpu: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined, freq: 4 }),
    unknown: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined, freq: 8 }),
  })
  .map(({ cpu, memory, pods, gpu, unknown }) => {
    const out = new Map<string, number>([
      ["cpu", cpu],
      ["memory", memory],
      ["pods", pods],
    ]);
    if (gpu !== undefined) out.set(ARB_GPU, gpu);
    if (unknown !== undefined) out.set("example.com/unknown", unknown);
    return out;
  });

function arbOn(key: string, pool: readonly string[]): fc.Arbitrary<Requirement> {
  return fc.oneof(
    fc.subarray([...pool], { minLength: 1 }).map((values) => Requirement.create(key, "In", values)),
    fc.subarray([...pool], { minLength: 1 }).map((values) => Requirement.create(key, "NotIn", values)),
    fc.constantFrom("Exists", "DoesNotExist").map((op) => Requirement.create(key, op)),
  );
}

/**
 * Node-claim requirements for filtering: the generic requirement sets plus, sometimes, requirements on zone,
 * capacity type, instance type and reservation id drawn from the catalogue arbitraries' pools.
 *
 * @returns an arbitrary of requirement sets
 */
export function arbFilterRequirements(): fc.Arbitrary<Requirements> {
  const derived = fc.array(
    fc.oneof(
      arbOn(LABEL_ZONE, ARB_ZONES),
      arbOn(LABEL_CAPACITY_TYPE, ["on-demand", "spot", "reserved"]),
      arbOn(LABEL_INSTANCE_TYPE, ["it-0", "it-1", "it-2", "it-3"]),
      arbOn(LABEL_RESERVATION_ID, ARB_RESERVATIONS),
    ),
    { maxLength: 2 },
  );
  const generic = fc.oneof(fc.constant(Requirements.EMPTY), arbRequirements());
  return fc.tuple(generic, derived).map(([generic, extra]) => generic.add(...extra.map((r) => r.withMinValues(undefined))));
}

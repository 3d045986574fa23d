/**
 * Upstream's scheduling suite, `Describe("Reserved Instance Types")` (pkg/controllers/provisioning/scheduling/suite_test.go):
 * large (6 CPU), medium (3 CPU) and small (2 CPU) instance types with the fake provider's offerings; medium and small
 * also have one reserved offering in test-zone-1 (reservation `r-<name>`, capacity 1, at a hundred-thousandth of the
 * price). Scheduling is strict about reservations (provisioning's default).
 *
 * Upstream provisions several times; its fake cloud provider launches each NodeClaim into the first compatible reserved
 * offering and takes one unit of that reservation (the offering becomes unavailable at zero). {@link Cloud} does the same
 * between runs, on offering specs it rebuilds the catalogue from. `InstanceTypesForNodePool` (a catalogue per NodePool)
 * is expressed as in deviation I8: each NodePool's types restricted to it by `karpenter.sh/nodepool In [...]`.
 */
import { describe, expect, it } from "vitest";
import { LABEL_RESERVATION_ID, type InstanceType, type OfferingSpec } from "../../src/instance-types/index.js";
import { LABEL_NODEPOOL, Requirement } from "../../src/requirements/index.js";
import type { PlannedNodeClaim, ScheduleResult } from "../../src/scheduler/index.js";
import { fakeInstanceType, fakeOfferings, fakePrice } from "../../src/testing/fake-catalog.js";
import type { NodePool, NodeSelectorRequirement, Pod } from "../../src/types/kubernetes.js";
import { nodePool, pod, preferredTerms, Provisioner, req, requiredTerms } from "./helpers.js";
import { upstream } from "./upstream/files.js";

const GIB = 1024 ** 3;
const IT = "node.kubernetes.io/instance-type";
const CAPACITY_TYPE = "karpenter.sh/capacity-type";
const ZONE = "topology.kubernetes.io/zone";
const HOSTNAME = "kubernetes.io/hostname";

/** One instance type as upstream's test builds it: cpu CPUs and cpu GiB, fake offerings, optional reserved ones. */
interface TypeSpec {
  readonly name: string;
  readonly cpu: number;
  /** The NodePools whose catalogue holds it (undefined: every NodePool's). */
  readonly nodePools?: readonly string[];
  /** Mutable: the cloud takes reservation units on launch. */
  offerings: OfferingSpec[];
}

function typeSpec(name: string, cpu: number, reservations: readonly { id: string; capacity: number }[] = [], nodePools?: readonly string[]): TypeSpec {
  const price = fakePrice(cpu, cpu * GIB);
  const reserved = reservations.map((r) => ({
    zone: "test-zone-1",
    capacityType: "reserved",
    price: price / 100_000,
    reservationId: r.id,
    reservationCapacity: r.capacity,
  }));
  return { name, cpu, ...(nodePools === undefined ? {} : { nodePools }), offerings: [...fakeOfferings(price), ...reserved] };
}

/** The suite's BeforeEach catalogue. */
const suiteTypes = (nodePools?: readonly string[]): TypeSpec[] => [
  typeSpec("large-instance-type", 6, [], nodePools),
  typeSpec("medium-instance-type", 3, [{ id: "r-medium-instance-type", capacity: 1 }], nodePools),
  typeSpec("small-instance-type", 2, [{ id: "r-small-instance-type", capacity: 1 }], nodePools),
];

/** A launched node as the tests read it: its NodePool, instance type, capacity type and reservation id (if any). */
interface Launched {
  readonly nodePool: string;
  readonly instanceType: string;
  readonly capacityType: string;
  readonly reservationId: string | undefined;
  readonly pods: readonly string[];
}

/** Upstream's fake cloud provider over a mutable catalogue, with the cluster the runs build up. */
class Cloud {
  private readonly cluster: Provisioner;

  constructor(private readonly specs: TypeSpec[]) {
    this.cluster = new Provisioner(this.types(), {}, false);
  }

  /** The catalogue as it stands (reservations taken so far). */
  types(): InstanceType[] {
    return this.specs.map((s) => {
      const t = fakeInstanceType({ name: s.name, cpu: s.cpu, memoryGi: s.cpu, offerings: s.offerings });
      return s.nodePools === undefined ? t : { ...t, requirements: t.requirements.add(Requirement.create(LABEL_NODEPOOL, "In", [...s.nodePools])) };
    });
  }

  /** Schedules `pods`, launches each claim (taking a reservation unit as the fake provider does) and binds. */
  provision(pods: readonly Pod[], nodePools: readonly NodePool[]): Launched[] {
    const result: ScheduleResult = this.cluster.provision(pods, nodePools, { instanceTypes: this.types() });
    return result.nodeClaims.map((c) => ({
      nodePool: c.nodePool,
      instanceType: c.instanceType,
      capacityType: c.capacityType,
      reservationId: this.launch(c),
      pods: c.pods,
    }));
  }

  /** The fake provider's launch: the first available reserved offering the claim allows, one unit taken. */
  private launch(claim: PlannedNodeClaim): string | undefined {
    if (claim.capacityType !== "reserved") return undefined;
    const allowed = claim.requirements.find((r) => r.key === LABEL_RESERVATION_ID)?.values ?? [];
    const spec = this.specs.find((s) => s.name === claim.instanceType && (s.nodePools === undefined || s.nodePools.includes(claim.nodePool)));
    const offering = spec?.offerings.find(
      (o) => o.capacityType === "reserved" && o.available !== false && o.zone === claim.zone && allowed.includes(o.reservationId ?? ""),
    );
    if (spec === undefined || offering === undefined) throw new Error(`claim ${claim.name} has no reserved offering to launch into`);
    const left = (offering.reservationCapacity ?? 0) - 1;
    spec.offerings = spec.offerings.map((o) => (o === offering ? { ...o, reservationCapacity: left, available: left > 0 } : o));
    return offering.reservationId;
  }
}

/** Pods labelled app=test that may not share a node, with the given node requirements. */
function spreadPods(prefix: string, count: number, requirements: (i: number) => NodeSelectorRequirement[], preferPool?: string): Pod[] {
  const labels = { app: "test" };
  return Array.from({ length: count }, (_, i) => {
    const required = requiredTerms(requirements(i)).nodeAffinity;
    const preferred = preferPool === undefined ? {} : preferredTerms([1, [req(LABEL_NODEPOOL, "In", preferPool)]]).nodeAffinity;
    return pod(`${prefix}-${i}`, {
      labels,
      affinity: {
        nodeAffinity: { ...required, ...preferred },
        podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: labels }, topologyKey: HOSTNAME }] },
      },
    });
  });
}

/** The pods of `pods` no launch took. */
const remaining = (pods: readonly Pod[], launched: readonly Launched[]): Pod[] =>
  pods.filter((p) => !launched.some((l) => l.pods.includes(`default/${p.metadata.name ?? ""}`)));

const reservedOn = (l: Launched | undefined, type: string, id?: string): void => {
  expect(l?.capacityType).toBe("reserved");
  expect(l?.instanceType).toBe(type);
  if (id === undefined) expect(l?.reservationId).toBeDefined();
  else expect(l?.reservationId).toBe(id);
};
const notReservedOn = (l: Launched | undefined, type: string): void => {
  expect(l?.capacityType).toBeDefined();
  expect(l?.capacityType).not.toBe("reserved");
  expect(l?.reservationId).toBeUndefined();
  expect(l?.instanceType).toBe(type);
};

describe("Reserved Instance Types", () => {
  it(upstream("scheduling/suite", "Reserved Instance Types › shouldn't fallback to on-demand or spot when compatible reserved offerings are available"), () => {
    const cloud = new Cloud(suiteTypes());
    const pools = [nodePool("default")];
    let pods = Array.from({ length: 3 }, (_, i) => pod(`p-${i}`, { requests: { cpu: "1800m" } }));
    // One claim may launch into either reservation, so it holds both: one pod per run.
    let launched = cloud.provision(pods, pools);
    expect(launched.flatMap((l) => l.pods)).toHaveLength(1);
    reservedOn(launched[0], "small-instance-type", "r-small-instance-type");
    pods = remaining(pods, launched);
    launched = cloud.provision(pods, pools);
    expect(launched.flatMap((l) => l.pods)).toHaveLength(1);
    reservedOn(launched[0], "medium-instance-type", "r-medium-instance-type");
    pods = remaining(pods, launched);
    // Both reservations used up: on-demand or spot.
    launched = cloud.provision(pods, pools);
    expect(launched.flatMap((l) => l.pods)).toHaveLength(1);
    notReservedOn(launched[0], "small-instance-type");
  });

  it(upstream("scheduling/suite", "Reserved Instance Types › should correctly track reservations shared across nodepools"), () => {
    const cloud = new Cloud(suiteTypes());
    const pools = [nodePool("np-1"), nodePool("np-2")];
    let pods = spreadPods("p", 2, (i) => [req(IT, "In", "small-instance-type"), req(LABEL_NODEPOOL, "In", `np-${i + 1}`)]);
    let launched = cloud.provision(pods, pools);
    expect(launched.flatMap((l) => l.pods)).toHaveLength(1);
    reservedOn(launched[0], "small-instance-type", "r-small-instance-type");
    pods = remaining(pods, launched);
    launched = cloud.provision(pods, pools);
    expect(launched.flatMap((l) => l.pods)).toHaveLength(1);
    notReservedOn(launched[0], "small-instance-type");
  });

  it(
    upstream(
      "scheduling/suite",
      "Reserved Instance Types › should correctly track reservations for multiple nodepools with distinct reservations for the same instance pool",
    ),
    () => {
      // np-2's catalogue is only a small type with its own reservation.
      const cloud = new Cloud([...suiteTypes(["np-1"]), typeSpec("small-instance-type", 2, [{ id: "r-distinct", capacity: 1 }], ["np-2"])]);
      const pools = [nodePool("np-1"), nodePool("np-2")];
      const pods = spreadPods("p", 2, (i) => [req(IT, "In", "small-instance-type"), req(LABEL_NODEPOOL, "In", `np-${i + 1}`)]);
      const launched = cloud.provision(pods, pools);
      expect(launched.flatMap((l) => l.pods)).toHaveLength(2);
      for (const l of launched) reservedOn(l, "small-instance-type");
      expect(launched[0]?.reservationId).not.toBe(launched[1]?.reservationId);
    },
  );

  it(upstream("scheduling/suite", "Reserved Instance Types › should correctly track multiple reservations for the same instance pool"), () => {
    const types = suiteTypes();
    const small = types.find((t) => t.name === "small-instance-type");
    small?.offerings.push({
      zone: "test-zone-1",
      capacityType: "reserved",
      price: fakePrice(2, 2 * GIB) / 100_000,
      reservationId: "r-small-instance-type-2",
      reservationCapacity: 2,
    });
    const cloud = new Cloud(types);
    const pools = [nodePool("default")];
    let pods = spreadPods("p", 4, () => [req(IT, "In", "small-instance-type")]);
    // Three units in two reservations, but a claim holds every reservation it could launch into: two pods.
    let launched = cloud.provision(pods, pools);
    expect(launched.flatMap((l) => l.pods)).toHaveLength(2);
    for (const l of launched) reservedOn(l, "small-instance-type");
    pods = remaining(pods, launched);
    launched = cloud.provision(pods, pools);
    expect(launched.flatMap((l) => l.pods)).toHaveLength(1);
    reservedOn(launched[0], "small-instance-type");
    pods = remaining(pods, launched);
    launched = cloud.provision(pods, pools);
    expect(launched.flatMap((l) => l.pods)).toHaveLength(1);
    notReservedOn(launched[0], "small-instance-type");
  });

  it(upstream("scheduling/suite", "Reserved Instance Types › shouldn't fallback to a lower weight NodePool if a reserved offering is available"), () => {
    const cloud = new Cloud([...suiteTypes(["np-primary"]), typeSpec("small-instance-type", 2, [{ id: "r-fallback", capacity: 1 }], ["np-fallback"])]);
    const pools = [nodePool("np-primary", { weight: 100 }), nodePool("np-fallback", { weight: 50 })];
    let pods = spreadPods("p", 2, () => [req(IT, "In", "small-instance-type")]);
    // The second pod is deferred: np-primary has a compatible reservation, held by the first claim.
    let launched = cloud.provision(pods, pools);
    expect(launched.flatMap((l) => l.pods)).toHaveLength(1);
    reservedOn(launched[0], "small-instance-type");
    expect(launched[0]?.nodePool).toBe("np-primary");
    pods = remaining(pods, launched);
    launched = cloud.provision(pods, pools);
    expect(launched.flatMap((l) => l.pods)).toHaveLength(1);
    notReservedOn(launched[0], "small-instance-type");
    expect(launched[0]?.nodePool).toBe("np-primary");
  });

  it(
    upstream("scheduling/suite", "Reserved Instance Types › shouldn't relax preferences when a pod fails to schedule due to a reserved offering error"),
    () => {
      // Upstream builds a distinct small type for np-2 but never gives it to the cloud provider, so both NodePools
      // share the suite's catalogue (and its one r-small-instance-type unit).
      const cloud = new Cloud(suiteTypes());
      const pools = [nodePool("np-1"), nodePool("np-2")];
      let pods = spreadPods("p", 2, () => [req(IT, "In", "small-instance-type")], "np-1");
      let launched = cloud.provision(pods, pools);
      expect(launched.flatMap((l) => l.pods)).toHaveLength(1);
      reservedOn(launched[0], "small-instance-type");
      expect(launched[0]?.nodePool).toBe("np-1");
      pods = remaining(pods, launched);
      // Still preferring np-1: on-demand or spot there.
      launched = cloud.provision(pods, pools);
      expect(launched.flatMap((l) => l.pods)).toHaveLength(1);
      notReservedOn(launched[0], "small-instance-type");
      expect(launched[0]?.nodePool).toBe("np-1");
    },
  );

  it(upstream("scheduling/suite", "Reserved Instance Types › should handle multiple pods on reserved nodes"), () => {
    const cloud = new Cloud(suiteTypes());
    const labels = { app: "test" };
    const pods = Array.from({ length: 2 }, (_, i) =>
      pod(`p-${i}`, {
        labels,
        affinity: {
          ...requiredTerms([
            req(IT, "In", "small-instance-type"),
            req(LABEL_NODEPOOL, "In", "np-1"),
            req(CAPACITY_TYPE, "In", "reserved"),
            req(ZONE, "In", "test-zone-1"),
          ]),
          podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: labels }, topologyKey: ZONE }] },
        },
      }),
    );
    const launched = cloud.provision(pods, [nodePool("np-1")]);
    expect(launched).toHaveLength(1);
    expect(launched[0]?.pods).toEqual(["default/p-0", "default/p-1"]);
    reservedOn(launched[0], "small-instance-type", "r-small-instance-type");
  });
});

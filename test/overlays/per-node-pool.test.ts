/**
 * Upstream's NodeOverlay tests that evaluate overlays per NodePool, translated one by one (Karpenter v1.14.1
 * pkg/controllers/nodeoverlay/suite_test.go, "Instance Type Controller" Price Updates / Capacity "Requirements"
 * and the NodePool halves of the partial-application tests). Upstream reads each NodePool's types from its store
 * (`store.ApplyAll(nodePool, ...)`); here that is the catalogue `applyNodeOverlays` returns given the NodePools,
 * read as the NodePool's template does: the variants whose `karpenter.sh/nodepool` requirement admits it.
 */
import { describe, expect, test } from "vitest";
import { createInstanceType, type InstanceType } from "../../src/instance-types/index.js";
import { applyNodeOverlays, type NodeOverlayResult } from "../../src/overlays/index.js";
import { LABEL_NODEPOOL, Requirement } from "../../src/requirements/index.js";
import { fakeInstanceTypes } from "../../src/testing/fake-catalog.js";
import type { NodePool } from "../../src/types/kubernetes.js";
import type { NodeOverlay } from "../../src/types/node-overlay.js";
import { upstream } from "../scenarios/upstream/files.js";

const INSTANCE_TYPE = "node.kubernetes.io/instance-type";

type Spec = NodeOverlay["spec"];
const overlay = (name: string, spec: Spec): NodeOverlay => ({ metadata: { name }, spec });
const pool = (name: string, labels?: Record<string, string>): NodePool => ({
  metadata: { name },
  spec: { template: { ...(labels === undefined ? {} : { metadata: { labels } }), spec: { requirements: [] } } },
});
const onPool = (name: string) => [{ key: LABEL_NODEPOOL, operator: "In", values: [name] }];
const types = (...names: string[]) => [{ key: INSTANCE_TYPE, operator: "In", values: names }];

// Upstream's BeforeEach: one type with a single spot offering in test-zone-1 at 1.020; two NodePools.
const single = [
  createInstanceType({
    name: "default-instance-type",
    capacity: { cpu: "4", memory: "4Gi", pods: "5" },
    offerings: [{ zone: "test-zone-1", capacityType: "spot", price: 1.02 }],
  }),
];
const pools = [pool("node-pool"), pool("node-pool-two")];

/** The types NodePool `name` sees, as its template selects them. */
function seenBy(result: NodeOverlayResult, name: string): InstanceType[] {
  return result.instanceTypes.filter((t) => t.requirements.get(LABEL_NODEPOOL).has(name));
}
const priceFor = (result: NodeOverlayResult, name: string): (number | undefined)[] => seenBy(result, name).map((t) => t.offerings[0]?.price);

const PRICE_ENTRIES = [
  ["Price", { price: "13234.223" }, 13234.223],
  ["PriceAdjustment", { priceAdjustment: "+1000" }, 1001.02],
] as const;

describe("prices per NodePool", () => {
  const EXCLUSIVE_WEIGHTS = {
    Price: upstream(
      "nodeoverlay/suite",
      "Price Updates › Requirements › should pass with conflicting pricing update overlays with mutually exclusive weights › Price",
    ),
    PriceAdjustment: upstream(
      "nodeoverlay/suite",
      "Price Updates › Requirements › should pass with conflicting pricing update overlays with mutually exclusive weights › PriceAdjustment",
    ),
  } as const;
  const SPEC_LABELS = {
    Price: upstream(
      "nodeoverlay/suite",
      "Price Updates › Requirements › should only apply pricing updates for nodeclaim spec labels that defined in the overlay requirements › Price",
    ),
    PriceAdjustment: upstream(
      "nodeoverlay/suite",
      "Price Updates › Requirements › should only apply pricing updates for nodeclaim spec labels that defined in the overlay requirements › PriceAdjustment",
    ),
  } as const;
  for (const [entry, change, expected] of PRICE_ENTRIES) {
    test(EXCLUSIVE_WEIGHTS[entry], () => {
      const result = applyNodeOverlays(single, [overlay("o", { requirements: onPool("node-pool"), weight: 10, ...change })], pools);
      expect(priceFor(result, "node-pool")).toEqual([expected]);
      expect(priceFor(result, "node-pool-two")).toEqual([1.02]);
    });

    test(SPEC_LABELS[entry], () => {
      const labelled = [pool("node-pool"), pool("node-pool-two", { "test-label": "test-value" })];
      const requirements = [{ key: "test-label", operator: "In", values: ["test-value"] }];
      const result = applyNodeOverlays(single, [overlay("o", { requirements, weight: 10, ...change })], labelled);
      expect(priceFor(result, "node-pool")).toEqual([1.02]);
      expect(priceFor(result, "node-pool-two")).toEqual([expected]);
    });
  }

  const ALL_NODEPOOLS = {
    Price: upstream("nodeoverlay/suite", "Price Updates › Requirements › should pass with conflicting pricing update overlays for all nodepools › Price"),
    PriceAdjustment: upstream(
      "nodeoverlay/suite",
      "Price Updates › Requirements › should pass with conflicting pricing update overlays for all nodepools › PriceAdjustment",
    ),
  } as const;
  for (const [entry, a, b, one, two] of [
    ["Price", { price: "13234.223" }, { price: "232.11" }, 13234.223, 232.11],
    ["PriceAdjustment", { priceAdjustment: "+1000" }, { priceAdjustment: "+2500" }, 1001.02, 2501.02],
  ] as const) {
    test(ALL_NODEPOOLS[entry], () => {
      const result = applyNodeOverlays(
        single,
        [overlay("a", { requirements: onPool("node-pool"), weight: 10, ...a }), overlay("b", { requirements: onPool("node-pool-two"), weight: 10, ...b })],
        pools,
      );
      expect(result.conflicts).toEqual([]);
      expect(result.applied).toEqual([
        { overlay: "b", instanceTypes: ["default-instance-type"], nodePools: ["node-pool-two"] },
        { overlay: "a", instanceTypes: ["default-instance-type"], nodePools: ["node-pool"] },
      ]);
      expect(priceFor(result, "node-pool")).toEqual([one]);
      expect(priceFor(result, "node-pool-two")).toEqual([two]);
    });
  }

  const NO_PARTIAL_NODEPOOLS = {
    Price: upstream("nodeoverlay/suite", "Price Updates › should not partial apply for a subset of nodepools › Price"),
    PriceAdjustment: upstream("nodeoverlay/suite", "Price Updates › should not partial apply for a subset of nodepools › PriceAdjustment"),
  } as const;
  for (const [entry, a, b] of [
    ["Price", { price: "382" }, { price: "100" }],
    ["PriceAdjustment", { priceAdjustment: "+10" }, { priceAdjustment: "-23" }],
  ] as const) {
    test(NO_PARTIAL_NODEPOOLS[entry], () => {
      // Upstream's NodePools differ in requirements only, which do not narrow what the store evaluates.
      const catalogue = fakeInstanceTypes();
      const overlays = [
        overlay("overlay-a", { requirements: types("default-instance-type", "small-instance-type", "gpu-vendor-b-instance-type"), weight: 10, ...a }),
        overlay("overlay-b", { requirements: types("small-instance-type", "gpu-vendor-instance-type"), weight: 10, ...b }),
      ];
      const result = applyNodeOverlays(catalogue, overlays, pools);
      expect(result.conflicts.map((c) => [c.overlay, c.reason])).toEqual([["overlay-a", "conflict"]]);
      const original = new Map(catalogue.map((t) => [t.name, t.offerings[0]?.price]));
      for (const name of ["node-pool", "node-pool-two"]) {
        const seen = seenBy(result, name);
        expect(seen).toHaveLength(6);
        const changed = seen.filter((t) => t.offerings[0]?.price !== original.get(t.name)).map((t) => t.name);
        expect(changed.sort()).toEqual(["gpu-vendor-instance-type", "small-instance-type"]);
      }
    });
  }
});

describe("capacity per NodePool", () => {
  const fuse = (result: NodeOverlayResult, name: string) => seenBy(result, name).map((t) => t.capacity.get("smarter-devices/fuse"));

  test(upstream("nodeoverlay/suite", "Capacity › Requirements › should only apply override for nodepool that defined in the overlay requirements"), () => {
    const result = applyNodeOverlays(
      single,
      [overlay("o", { requirements: onPool("node-pool"), capacity: { "smarter-devices/fuse": "1" }, weight: 10 })],
      pools,
    );
    expect(fuse(result, "node-pool")).toEqual([1]);
    expect(fuse(result, "node-pool-two")).toEqual([undefined]);
  });

  test(upstream("nodeoverlay/suite", "Capacity › Requirements › should pass with conflicting capcaity update overlays for all nodepools"), () => {
    const result = applyNodeOverlays(
      single,
      [
        overlay("a", { requirements: onPool("node-pool"), capacity: { "smarter-devices/fuse": "1" }, weight: 10 }),
        overlay("b", { requirements: onPool("node-pool-two"), capacity: { "dumb-devices/bar": "2" }, weight: 10 }),
      ],
      pools,
    );
    expect(result.conflicts).toEqual([]);
    expect(fuse(result, "node-pool")).toEqual([1]);
    expect(seenBy(result, "node-pool-two").map((t) => t.capacity.get("dumb-devices/bar"))).toEqual([2]);
  });

  test(
    upstream(
      "nodeoverlay/suite",
      "Capacity › Requirements › should only apply price adjustments for nodeclaim spec labels that defined in the overlay requirements",
    ),
    () => {
      const labelled = [pool("node-pool"), pool("node-pool-two", { "test-label": "test-value" })];
      const requirements = [{ key: "test-label", operator: "In", values: ["test-value"] }];
      const result = applyNodeOverlays(single, [overlay("o", { requirements, capacity: { "smarter-devices/fuse": "1" }, weight: 10 })], labelled);
      expect(fuse(result, "node-pool")).toEqual([undefined]);
      expect(fuse(result, "node-pool-two")).toEqual([1]);
    },
  );

  test(upstream("nodeoverlay/suite", "Capacity › should that there is not a partial application for nodepools"), () => {
    const catalogue = fakeInstanceTypes();
    const overlays = [
      overlay("overlay-a", { requirements: types("default-instance-type", "small-instance-type"), capacity: { "smarter-devices/buz": "54" }, weight: 10 }),
      overlay("overlay-b", { requirements: types("small-instance-type", "gpu-vendor-instance-type"), capacity: { "smarter-devices/buz": "21" }, weight: 10 }),
    ];
    const result = applyNodeOverlays(catalogue, overlays, pools);
    expect(result.conflicts.map((c) => [c.overlay, c.reason])).toEqual([["overlay-a", "conflict"]]);
    for (const name of ["node-pool", "node-pool-two"]) {
      const withBuz = seenBy(result, name).filter((t) => t.capacity.has("smarter-devices/buz"));
      expect(withBuz.map((t) => [t.name, t.capacity.get("smarter-devices/buz")]).sort()).toEqual([
        ["gpu-vendor-instance-type", 21],
        ["small-instance-type", 21],
      ]);
    }
  });
});

describe("per-NodePool evaluation (nodefit's own)", () => {
  test("a type the NodePools see differently splits into variants restricted to their NodePools, in place", () => {
    const result = applyNodeOverlays(single, [overlay("o", { requirements: onPool("node-pool"), price: "2", weight: 1 })], [...pools, pool("third")]);
    expect(result.instanceTypes.map((t) => [t.name, t.requirements.get(LABEL_NODEPOOL).toString(), t.offerings[0]?.price])).toEqual([
      ["default-instance-type", `${LABEL_NODEPOOL} In [node-pool]`, 2],
      ["default-instance-type", `${LABEL_NODEPOOL} In [node-pool-two third]`, 1.02],
    ]);
  });

  test("the same outcome everywhere keeps one unrestricted type; an overlay matching no NodePool changes nothing", () => {
    const everywhere = applyNodeOverlays(single, [overlay("o", { requirements: types("default-instance-type"), price: "2" })], pools);
    expect(everywhere.instanceTypes.map((t) => [t.requirements.has(LABEL_NODEPOOL), t.offerings[0]?.price])).toEqual([[false, 2]]);
    const nowhere = applyNodeOverlays(single, [overlay("o", { requirements: onPool("absent"), price: "2" })], pools);
    expect(nowhere.instanceTypes).toBe(single);
  });

  test("a variant already restricted (one per EC2NodeClass) is evaluated only for the NodePools it serves", () => {
    const [base] = single;
    if (base === undefined) throw new Error("no type");
    const variants = ["node-pool", "node-pool-two"].map((p) => ({
      ...base,
      requirements: base.requirements.add(Requirement.create(LABEL_NODEPOOL, "In", [p])),
    }));
    const result = applyNodeOverlays(variants, [overlay("o", { requirements: onPool("node-pool-two"), price: "3" })], pools);
    expect(result.instanceTypes.map((t) => t.offerings[0]?.price)).toEqual([1.02, 3]);
    expect(result.instanceTypes[0]).toBe(variants[0]);
  });

  test("without NodePools a requirement on a NodePool matches nothing (the shared catalogue)", () => {
    expect(applyNodeOverlays(single, [overlay("o", { requirements: onPool("node-pool"), price: "2" })]).instanceTypes).toBe(single);
  });
});

describe("prices of a NodePool's offerings", () => {
  const onePool = [pool("node-pool")];
  const offering = (capacityType: string, zone: string, price: number) => ({
    capacityType,
    zone,
    price,
    ...(capacityType === "reserved" ? { reservationId: "r-1", reservationCapacity: 1 } : {}),
  });
  const typeWith = (...offerings: ReturnType<typeof offering>[]) => [
    createInstanceType({ name: "default-instance-type", capacity: { cpu: "4", memory: "4Gi", pods: "5" }, offerings }),
  ];
  /** The price of the one offering in `zone` / of `capacityType`, as upstream's `Offerings.Compatible(...)[0]`. */
  const priceWhere = (result: NodeOverlayResult, key: "zone" | "capacityType", value: string) => {
    const matching = seenBy(result, "node-pool")[0]?.offerings.filter((o) => o[key] === value) ?? [];
    expect(matching).toHaveLength(1);
    return matching[0]?.price;
  };

  const INVALID_OVERLAYS = {
    Price: upstream("nodeoverlay/suite", "Price Updates › should not apply pricing updates for invalid overlays › Price"),
    PriceAdjustment: upstream("nodeoverlay/suite", "Price Updates › should not apply pricing updates for invalid overlays › PriceAdjustment"),
  } as const;
  const NO_OVERLAP = {
    Price: upstream(
      "nodeoverlay/suite",
      "Price Updates › should not apply adjustments for overlays that do not overlap with instance types requirements › Price",
    ),
    PriceAdjustment: upstream(
      "nodeoverlay/suite",
      "Price Updates › should not apply adjustments for overlays that do not overlap with instance types requirements › PriceAdjustment",
    ),
  } as const;
  const APPLIES = {
    Price: upstream("nodeoverlay/suite", "Price Updates › should apply pricing updates for instances types › Price"),
    PriceAdjustment: upstream("nodeoverlay/suite", "Price Updates › should apply pricing updates for instances types › PriceAdjustment"),
  } as const;
  for (const [entry, change, expected] of PRICE_ENTRIES) {
    test(INVALID_OVERLAYS[entry], () => {
      const requirements = [{ key: `test.com.test/test-${"a".repeat(250)}`, operator: "Exists" }];
      const result = applyNodeOverlays(single, [overlay("o", { requirements, weight: 10, ...change })], onePool);
      expect(result.conflicts.map((c) => c.reason)).toEqual(["invalid"]);
      expect(priceFor(result, "node-pool")).toEqual([1.02]);
    });

    test(NO_OVERLAP[entry], () => {
      const result = applyNodeOverlays(single, [overlay("o", { requirements: types("default-instance-type-not-found"), weight: 10, ...change })], onePool);
      expect(priceFor(result, "node-pool")).toEqual([1.02]);
    });

    test(APPLIES[entry], () => {
      const result = applyNodeOverlays(single, [overlay("o", { requirements: types("default-instance-type"), weight: 10, ...change })], onePool);
      expect(priceFor(result, "node-pool")).toEqual([expected]);
    });
  }

  const APPLIES_CAPACITY_TYPE = {
    Price: upstream("nodeoverlay/suite", "Price Updates › should apply pricing updates for instances types for capacity type › Price"),
    PriceAdjustment: upstream("nodeoverlay/suite", "Price Updates › should apply pricing updates for instances types for capacity type › PriceAdjustment"),
  } as const;
  for (const [entry, change, expected] of [
    ["Price", { price: "12321.32" }, 12321.32],
    ["PriceAdjustment", { priceAdjustment: "+1000" }, 1005.02],
  ] as const) {
    test(APPLIES_CAPACITY_TYPE[entry], () => {
      const catalogue = typeWith(offering("spot", "test-zone-1", 1.02), offering("on-demand", "test-zone-1", 5.02));
      const requirements = [{ key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand"] }];
      const result = applyNodeOverlays(catalogue, [overlay("o", { requirements, weight: 10, ...change })], onePool);
      expect(priceWhere(result, "capacityType", "on-demand")).toBeCloseTo(expected, 9);
      expect(priceWhere(result, "capacityType", "spot")).toBe(1.02);
    });
  }

  const APPLIES_ZONE = {
    Price: upstream("nodeoverlay/suite", "Price Updates › should apply pricing updates for instances types for availability zone › Price"),
    PriceAdjustment: upstream("nodeoverlay/suite", "Price Updates › should apply pricing updates for instances types for availability zone › PriceAdjustment"),
  } as const;
  for (const [entry, change, expected] of [
    ["Price", { price: "121.421" }, 121.421],
    ["PriceAdjustment", { priceAdjustment: "+1000" }, 1001.02],
  ] as const) {
    test(APPLIES_ZONE[entry], () => {
      const catalogue = typeWith(offering("spot", "test-zone-1", 1.02), offering("spot", "test-zone-2", 5.02));
      const requirements = [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["test-zone-1"] }];
      const result = applyNodeOverlays(catalogue, [overlay("o", { requirements, weight: 10, ...change })], onePool);
      expect(priceWhere(result, "zone", "test-zone-1")).toBeCloseTo(expected, 9);
      expect(priceWhere(result, "zone", "test-zone-2")).toBe(5.02);
    });
  }

  const three = typeWith(offering("spot", "test-zone-1", 1.02), offering("on-demand", "test-zone-2", 2.02), offering("reserved", "test-zone-4", 4.02));
  const zones = (...values: string[]) => [{ key: "topology.kubernetes.io/zone", operator: "In", values }];

  const MULTIPLE_OVERLAYS = {
    Price: upstream("nodeoverlay/suite", "Price Updates › should update price updates offerings instance types from multiple overlays › Price"),
    PriceAdjustment: upstream(
      "nodeoverlay/suite",
      "Price Updates › should update price updates offerings instance types from multiple overlays › PriceAdjustment",
    ),
  } as const;
  for (const [entry, a, b, two, four, spot] of [
    ["Price", { price: "121.421" }, { price: "165.421" }, 121.421, 121.421, 165.421],
    ["PriceAdjustment", { priceAdjustment: "+201" }, { priceAdjustment: "-0.5" }, 203.02, 205.02, 0.52],
  ] as const) {
    test(MULTIPLE_OVERLAYS[entry], () => {
      const spotOnly = [{ key: "karpenter.sh/capacity-type", operator: "In", values: ["spot"] }];
      const result = applyNodeOverlays(
        three,
        [overlay("a", { requirements: zones("test-zone-2", "test-zone-4"), weight: 10, ...a }), overlay("b", { requirements: spotOnly, weight: 10, ...b })],
        onePool,
      );
      expect(result.conflicts).toEqual([]);
      expect(priceWhere(result, "zone", "test-zone-2")).toBeCloseTo(two, 9);
      expect(priceWhere(result, "zone", "test-zone-4")).toBeCloseTo(four, 9);
      expect(priceWhere(result, "capacityType", "spot")).toBeCloseTo(spot, 9);
    });
  }

  const MULTIPLE_WEIGHTS = {
    Price: upstream(
      "nodeoverlay/suite",
      "Price Updates › should update price updates offerings instance types from multiple overlays with different weights › Price",
    ),
    PriceAdjustment: upstream(
      "nodeoverlay/suite",
      "Price Updates › should update price updates offerings instance types from multiple overlays with different weights › PriceAdjustment",
    ),
  } as const;
  for (const [entry, a, b, two, four] of [
    ["Price", { price: "121.421" }, { price: "165.421" }, 121.421, 165.421],
    ["PriceAdjustment", { priceAdjustment: "+201" }, { priceAdjustment: "-1.5" }, 203.02, 2.52],
  ] as const) {
    test(MULTIPLE_WEIGHTS[entry], () => {
      const result = applyNodeOverlays(
        three,
        [
          overlay("a-test-100", { requirements: zones("test-zone-2"), weight: 20, ...a }),
          overlay("b-test-100", { requirements: zones("test-zone-2", "test-zone-4"), weight: 10, ...b }),
        ],
        onePool,
      );
      expect(priceWhere(result, "zone", "test-zone-2")).toBeCloseTo(two, 9);
      expect(priceWhere(result, "zone", "test-zone-4")).toBeCloseTo(four, 9);
    });
  }

  const NO_PARTIAL_TYPES = {
    Price: upstream("nodeoverlay/suite", "Price Updates › should not partial apply instance types in a nodepool › Price"),
    PriceAdjustment: upstream("nodeoverlay/suite", "Price Updates › should not partial apply instance types in a nodepool › PriceAdjustment"),
  } as const;
  for (const [entry, a, b] of [
    ["Price", { price: "382" }, { price: "100" }],
    ["PriceAdjustment", { priceAdjustment: "-23" }, { priceAdjustment: "+10" }],
  ] as const) {
    test(NO_PARTIAL_TYPES[entry], () => {
      const catalogue = fakeInstanceTypes();
      const overlays = [
        overlay("overlay-a", { requirements: types("default-instance-type", "small-instance-type", "gpu-vendor-b-instance-type"), weight: 10, ...a }),
        overlay("overlay-b", { requirements: types("small-instance-type", "gpu-vendor-instance-type"), weight: 10, ...b }),
      ];
      const result = applyNodeOverlays(catalogue, overlays, onePool);
      expect(result.conflicts.map((c) => [c.overlay, c.reason])).toEqual([["overlay-a", "conflict"]]);
      const original = new Map(catalogue.map((t) => [t.name, t.offerings[0]?.price]));
      const seen = seenBy(result, "node-pool");
      expect(seen).toHaveLength(6);
      expect(seen.filter((t) => t.offerings[0]?.price !== original.get(t.name)).map((t) => t.name)).toEqual([
        "small-instance-type",
        "gpu-vendor-instance-type",
      ]);
    });
  }
});

describe("store isolation between NodePools", () => {
  test(upstream("nodeoverlay/store", "should apply different overlays to different node pools"), () => {
    // Upstream fills the store by hand; here two overlays, one per NodePool, fill it.
    const m5 = [createInstanceType({ name: "m5.large", capacity: { cpu: "2" }, offerings: [{ zone: "us-west-2a", capacityType: "on-demand", price: 0.096 }] })];
    const result = applyNodeOverlays(
      m5,
      [
        overlay("a", { requirements: onPool("nodepool-a"), priceAdjustment: "+10%", weight: 10 }),
        overlay("b", { requirements: onPool("nodepool-b"), priceAdjustment: "-5%", weight: 10 }),
      ],
      [pool("nodepool-a"), pool("nodepool-b")],
    );
    expect(priceFor(result, "nodepool-a")[0]).toBeCloseTo(0.1056, 4);
    expect(priceFor(result, "nodepool-b")[0]).toBeCloseTo(0.0912, 4);
    expect(m5[0]?.offerings[0]?.price).toBe(0.096);
    expect(seenBy(result, "nodepool-a")[0]?.offerings[0]).not.toBe(seenBy(result, "nodepool-b")[0]?.offerings[0]);
  });
});

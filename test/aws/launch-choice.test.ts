/**
 * The launch choice a claim reports. Karpenter's AWS provider (`instance.go`, `getCapacityType`) launches
 * reserved, then spot, then on-demand, whichever the claim allows and has an available offering for; the
 * neutral default is the cheapest offering (reserved first). `capacityTypePriority` selects the order.
 */
import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { schedule, type InstanceType, type NodePool, type Pod } from "nodefit";
import { AWS_CAPACITY_TYPE_PRIORITY, defaultAwsCatalog } from "nodefit/aws";
import { fakeInstanceType } from "nodefit/testing";

const pod = (name: string, cpu: string): Pod => ({
  metadata: { name, namespace: "default" },
  spec: { containers: [{ name: "c", resources: { requests: { cpu } } }] },
});
const pool = (capacityTypes: readonly string[], types: readonly string[]): NodePool => ({
  metadata: { name: "default" },
  spec: {
    template: {
      spec: {
        requirements: [
          { key: "karpenter.sh/capacity-type", operator: "In", values: [...capacityTypes] },
          { key: "node.kubernetes.io/instance-type", operator: "In", values: [...types] },
        ],
      },
    },
  },
});
const launch = (r: ReturnType<typeof schedule>): string[] => r.nodeClaims.map((c) => `${c.instanceType} ${c.zone} ${c.capacityType} ${c.price}`);

describe("AWS launch order", () => {
  test("a NodePool allowing spot and on-demand gets spot claims; on-demand only gets on-demand", () => {
    const types = defaultAwsCatalog();
    const aws = { capacityTypePriority: AWS_CAPACITY_TYPE_PRIORITY };
    expect(launch(schedule({ pods: [pod("a", "1")], nodePools: [pool(["spot", "on-demand"], ["m5.large"])], instanceTypes: types }, aws))).toEqual([
      "m5.large us-east-1a spot 0.096",
    ]);
    expect(launch(schedule({ pods: [pod("a", "1")], nodePools: [pool(["on-demand"], ["m5.large"])], instanceTypes: types }, aws))).toEqual([
      "m5.large us-east-1a on-demand 0.096",
    ]);
    // The neutral default takes the cheapest, and on a tie on-demand sorts first.
    expect(launch(schedule({ pods: [pod("a", "1")], nodePools: [pool(["spot", "on-demand"], ["m5.large"])], instanceTypes: types }))).toEqual([
      "m5.large us-east-1a on-demand 0.096",
    ]);
  });

  test("spot is launched even when it is dearer than on-demand (upstream does not compare across capacity types)", () => {
    const offerings = [
      { zone: "z1", capacityType: "on-demand", price: 1 },
      { zone: "z1", capacityType: "spot", price: 1.2 },
    ];
    const types = [fakeInstanceType({ name: "t", offerings })];
    const input = { pods: [pod("a", "1")], nodePools: [pool(["spot", "on-demand"], ["t"])], instanceTypes: types };
    expect(launch(schedule(input, { capacityTypePriority: AWS_CAPACITY_TYPE_PRIORITY }))).toEqual(["t z1 spot 1.2"]);
    expect(launch(schedule(input))).toEqual(["t z1 on-demand 1"]);
  });

  test("without an available spot offering the claim falls back to on-demand", () => {
    const offerings = [
      { zone: "z1", capacityType: "on-demand", price: 1 },
      { zone: "z1", capacityType: "spot", price: 0.3, available: false },
    ];
    const types = [fakeInstanceType({ name: "t", offerings })];
    const r = schedule(
      { pods: [pod("a", "1")], nodePools: [pool(["spot", "on-demand"], ["t"])], instanceTypes: types },
      { capacityTypePriority: AWS_CAPACITY_TYPE_PRIORITY },
    );
    expect(launch(r)).toEqual(["t z1 on-demand 1"]);
  });

  test("reserved comes first, then spot (once the reservation is taken, with fallback allowed)", () => {
    const offerings = [
      { zone: "z1", capacityType: "on-demand", price: 1 },
      { zone: "z1", capacityType: "spot", price: 0.3 },
      { zone: "z2", capacityType: "reserved", price: 0.0000001, reservationId: "cr-1", reservationCapacity: 1 },
    ];
    const types = [fakeInstanceType({ name: "t", offerings })];
    const r = schedule(
      { pods: [pod("a", "3"), pod("b", "3")], nodePools: [pool(["reserved", "spot", "on-demand"], ["t"])], instanceTypes: types },
      { capacityTypePriority: AWS_CAPACITY_TYPE_PRIORITY, reservedCapacityMode: "fallback" },
    );
    expect(launch(r)).toEqual(["t z2 reserved 1e-7", "t z1 spot 0.3"]);
  });

  test("a caller's own order: on-demand before spot, whatever the prices; unlisted types last", () => {
    const offerings = [
      { zone: "z1", capacityType: "on-demand", price: 1 },
      { zone: "z1", capacityType: "spot", price: 0.3 },
    ];
    const types = [fakeInstanceType({ name: "t", offerings })];
    const input = { pods: [pod("a", "1")], nodePools: [pool(["spot", "on-demand"], ["t"])], instanceTypes: types };
    expect(launch(schedule(input, { capacityTypePriority: ["on-demand", "spot"] }))).toEqual(["t z1 on-demand 1"]);
    expect(launch(schedule(input, { capacityTypePriority: ["on-demand"] }))).toEqual(["t z1 on-demand 1"]);
    expect(launch(schedule(input, { capacityTypePriority: [] }))).toEqual(["t z1 spot 0.3"]);
  });

  test("the order is validated", () => {
    const input = { pods: [], nodePools: [], instanceTypes: [] as InstanceType[] };
    expect(() => schedule(input, { capacityTypePriority: ["spot", "spot"] })).toThrow(/capacityTypePriority must list distinct capacity types/);
    expect(() => schedule(input, { capacityTypePriority: [""] })).toThrow(/capacityTypePriority/);
  });

  // Three types whose spot offerings are random in price and availability; on-demand is always there.
  const arbSpot = fc.array(fc.record({ available: fc.boolean(), price: fc.integer({ min: 1, max: 300 }) }), { minLength: 6, maxLength: 6 });
  prop.prop([arbSpot, fc.integer({ min: 1, max: 6 })], { numRuns: 60 })(
    "spot whenever an option has an available spot offering, the cheapest of them; never cheaper than the neutral choice",
    (spot, pods) => {
      const types = ["a", "b", "c"].map((name, i) =>
        fakeInstanceType({
          name,
          cpu: 4 * (i + 1),
          pods: 20,
          offerings: [
            { zone: "z1", capacityType: "on-demand", price: 1 + i },
            { zone: "z1", capacityType: "spot", price: (spot[2 * i]?.price ?? 1) / 100, available: spot[2 * i]?.available ?? false },
            { zone: "z2", capacityType: "spot", price: (spot[2 * i + 1]?.price ?? 1) / 100, available: spot[2 * i + 1]?.available ?? false },
          ],
        }),
      );
      const input = {
        pods: Array.from({ length: pods }, (_, i) => pod(`p${i}`, "1")),
        nodePools: [pool(["spot", "on-demand"], ["a", "b", "c"])],
        instanceTypes: types,
      };
      const aws = schedule(input, { capacityTypePriority: AWS_CAPACITY_TYPE_PRIORITY });
      const neutral = schedule(input);
      expect(aws.nodeClaims.length).toBe(neutral.nodeClaims.length);
      aws.nodeClaims.forEach((claim, i) => {
        const options = types.filter((t) => claim.instanceTypeOptions.includes(t.name) && (t.allocatable.get("cpu") ?? 0) >= (claim.requests.get("cpu") ?? 0));
        const spotPrices = options.flatMap((t) => t.offerings.filter((o) => o.capacityType === "spot" && o.available).map((o) => o.price));
        if (spotPrices.length > 0) {
          expect(claim.capacityType).toBe("spot");
          expect(claim.price).toBe(Math.min(...spotPrices));
        } else {
          expect(claim.capacityType).toBe("on-demand");
        }
        expect(claim.price).toBeGreaterThanOrEqual(neutral.nodeClaims[i]?.price ?? Infinity);
      });
    },
  );
});

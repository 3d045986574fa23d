import { describe, expect, it } from "vitest";
import { readInstanceTypeCatalog } from "./instance-type-catalog.js";

const GI = 1024 ** 3;

function doc(instanceTypes: unknown[], extra: Record<string, unknown> = {}): unknown {
  return { apiVersion: "nodefit.dev/v1alpha1", kind: "InstanceTypeCatalog", metadata: { name: "example" }, instanceTypes, ...extra };
}

const small = {
  name: "small-instance-type",
  labels: { "kubernetes.io/arch": "amd64", size: "small" },
  requirements: [{ key: "kubernetes.io/os", operator: "In", values: ["linux", "windows"] }],
  capacity: { cpu: "2", memory: "2Gi", pods: "5" },
  overhead: { kubeReserved: { cpu: "100m", memory: "10Mi" }, systemReserved: {}, evictionThreshold: {} },
  offerings: [
    { zone: "test-zone-1", capacityType: "spot", price: 0.41 },
    { zone: "test-zone-3", capacityType: "on-demand", price: 0.41, available: false },
  ],
};

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect((error as { code?: string }).code).toBe("invalid-input");
    return (error as Error).message;
  }
  throw new Error("expected an error");
}

describe("readInstanceTypeCatalog", () => {
  it("reads the DESIGN.md example", () => {
    const [type] = readInstanceTypeCatalog(doc([small]));
    expect(type?.name).toBe("small-instance-type");
    expect(type?.allocatable.get("cpu")).toBe(1900);
    expect(type?.allocatable.get("memory")).toBe(2 * GI - 10 * 1024 ** 2);
    expect([...(type?.requirements.get("kubernetes.io/os").values ?? [])].sort()).toEqual(["linux", "windows"]);
    expect([...(type?.requirements.get("size").values ?? [])]).toEqual(["small"]);
    expect([...(type?.requirements.get("topology.kubernetes.io/zone").values ?? [])]).toEqual(["test-zone-1"]);
    expect(type?.offerings.map((o) => o.available)).toEqual([true, false]);
  });

  it("treats the catalogue's wellKnownLabels as well-known", () => {
    const [type] = readInstanceTypeCatalog(doc([{ ...small, labels: {} }], { wellKnownLabels: ["example.com/family"] }));
    expect(type?.requirements.get("example.com/family").operator).toBe("DoesNotExist");
    expect(type?.requirements.get("kubernetes.io/arch").operator).toBe("DoesNotExist");
  });

  it("keeps __proto__ as an ordinary label key", () => {
    const labels = JSON.parse('{"__proto__": "x"}') as Record<string, string>;
    const [type] = readInstanceTypeCatalog(doc([{ ...small, labels }]));
    expect([...(type?.requirements.get("__proto__").values ?? [])]).toEqual(["x"]);
  });

  it.each([
    {
      change: (types: unknown[]) => types.map((t, i) => (i === 3 ? { ...(t as object), capacity: { memory: "2GB" } } : t)),
      message: 'catalog.yaml: document 1 (InstanceTypeCatalog example): instanceTypes[3].capacity.memory: "2GB" is not a quantity',
    },
    {
      change: (types: unknown[]) => [...types, { ...small, name: "t1" }],
      message: 'catalog.yaml: document 1 (InstanceTypeCatalog example): instanceTypes[4].name: duplicate instance type "t1", first at instanceTypes[1]',
    },
    {
      change: (types: unknown[]) => types.map((t, i) => (i === 0 ? { ...(t as object), offerings: [{ zone: "z", capacityType: "cheap", price: 1 }] } : t)),
      message:
        'catalog.yaml: document 1 (InstanceTypeCatalog example): instanceTypes[0].offerings[0].capacityType: "cheap" is not one of "on-demand", "spot", "reserved"',
    },
    {
      change: (types: unknown[]) => types.map((t, i) => (i === 2 ? { ...(t as object), offerings: [{ zone: "z", capacityType: "spot", price: -1 }] } : t)),
      message: "catalog.yaml: document 1 (InstanceTypeCatalog example): instanceTypes[2].offerings[0].price: -1 is less than the minimum 0",
    },
    {
      change: (types: unknown[]) =>
        types.map((t, i) =>
          i === 1
            ? {
                ...(t as object),
                offerings: [
                  { zone: "z", capacityType: "spot", price: 1 },
                  { zone: "z", capacityType: "spot", price: 2 },
                ],
              }
            : t,
        ),
      message: "catalog.yaml: document 1 (InstanceTypeCatalog example): instanceTypes[1].offerings[1]: duplicate offering spot in z",
    },
    {
      change: (types: unknown[]) => types.map((t, i) => (i === 0 ? { ...(t as object), offerings: [{ zone: "z", capacityType: "reserved", price: 1 }] } : t)),
      message: "catalog.yaml: document 1 (InstanceTypeCatalog example): instanceTypes[0].offerings[0].reservationId: a reserved offering needs a reservationId",
    },
  ])("names file, document, field and value: $message", ({ change, message }) => {
    const types = [0, 1, 2, 3].map((i) => ({ ...small, name: `t${i}` }));
    expect(messageOf(() => readInstanceTypeCatalog(doc(change(types)), { file: "catalog.yaml" }))).toBe(message);
  });

  it("rejects a document of another kind", () => {
    expect(messageOf(() => readInstanceTypeCatalog({ apiVersion: "v1", kind: "Pod", instanceTypes: [] }, { file: "x.yaml", index: 2 }))).toMatch(
      /^x\.yaml: document 2 \(InstanceTypeCatalog\): apiVersion: /,
    );
  });

  it("reports every problem, one per line", () => {
    const types = [
      { ...small, name: "a", capacity: { cpu: "x" } },
      { ...small, name: "b", capacity: { cpu: "y" } },
    ];
    expect(messageOf(() => readInstanceTypeCatalog(doc(types))).split("\n")).toHaveLength(2);
  });
});

/**
 * The instance types of Karpenter's fake cloud provider, rebuilt as nodefit instance types, so scenarios
 * written against upstream's test suite give the same answers here. Also the synthetic catalogue of upstream's
 * scheduling benchmark and its assorted catalogue.
 *
 * @module
 */
import { createInstanceType, LABEL_ARCH, LABEL_RESERVATION_ID, Requirement, WELL_KNOWN_LABELS, type InstanceType, type OfferingSpec } from "nodefit";

/** The fake provider's instance-size label: `large` for types over 4 CPU and 8Gi, otherwise `small`. */
export const FAKE_LABEL_SIZE = "size";
/** The fake provider's exotic label: `optional` on large types, absent elsewhere. */
export const FAKE_LABEL_SPECIAL = "special";
/** The fake provider's integer label: the CPU count. */
export const FAKE_LABEL_INTEGER = "integer";
/** The fake provider's first GPU resource. */
export const FAKE_GPU_VENDOR_A = "fake.com/vendor-a";
/** The fake provider's second GPU resource. */
export const FAKE_GPU_VENDOR_B = "fake.com/vendor-b";

/** Well-known labels as the fake provider extends them: `size`, `special`, `integer` and the reservation id. */
export const FAKE_WELL_KNOWN_LABELS: ReadonlySet<string> = new Set([
  ...WELL_KNOWN_LABELS,
  FAKE_LABEL_SIZE,
  FAKE_LABEL_SPECIAL,
  FAKE_LABEL_INTEGER,
  LABEL_RESERVATION_ID,
]);

/** The options of one fake instance type; unset resources default to 4 CPU, 4Gi and 5 pods. */
export interface FakeInstanceTypeOptions {
  readonly name: string;
  /** Whole CPUs (default 4). */
  readonly cpu?: number | undefined;
  /** GiB of memory (default 4). */
  readonly memoryGi?: number | undefined;
  /** Pods (default 5). */
  readonly pods?: number | undefined;
  /** Extended resources, e.g. `{ "fake.com/vendor-a": 2 }`. */
  readonly extended?: ReadonlyMap<string, number> | undefined;
  /** Default `amd64`. */
  readonly arch?: string | undefined;
  /** Default linux, windows, darwin. */
  readonly operatingSystems?: readonly string[] | undefined;
  /** Default: spot in test-zone-1/2 and on-demand in test-zone-1/2/3, each at {@link fakePrice}. */
  readonly offerings?: readonly OfferingSpec[] | undefined;
  /** Extra single-valued labels (upstream's `fake.WithRequirements(key In value)`), set after the fake ones. */
  readonly labels?: ReadonlyMap<string, string> | undefined;
}

const GIB = 1024 ** 3;

/**
 * The fake provider's price formula: 0.1 per CPU plus 0.1 per 10⁹ bytes of memory, plus 1 for each GPU
 * resource kind present, summed in that order.
 *
 * @param cpu - whole CPUs
 * @param memoryBytes - memory in bytes
 * @param gpuKinds - how many GPU resource kinds the type has
 * @returns the hourly price, e.g. 0.8294967296 for 4 CPU and 4Gi
 */
export function fakePrice(cpu: number, memoryBytes: number, gpuKinds = 0): number {
  let price = 0;
  price += 0.1 * cpu;
  price += (0.1 * memoryBytes) / 1e9;
  for (let i = 0; i < gpuKinds; i++) price += 1.0;
  return price;
}

/**
 * The offerings every fake instance type gets by default: spot in test-zone-1 and test-zone-2, on-demand in
 * test-zone-1, test-zone-2 and test-zone-3, all at one price.
 *
 * @param price - the hourly price of each
 * @returns the five offerings
 */
export function fakeOfferings(price: number): readonly OfferingSpec[] {
  return [
    { zone: "test-zone-1", capacityType: "spot", price },
    { zone: "test-zone-2", capacityType: "spot", price },
    { zone: "test-zone-1", capacityType: "on-demand", price },
    { zone: "test-zone-2", capacityType: "on-demand", price },
    { zone: "test-zone-3", capacityType: "on-demand", price },
  ];
}

/**
 * Builds one instance type the way the fake provider does: 100m CPU and 10Mi memory kube-reserved; labels
 * `integer` (CPU count), `size` and `special`; the fake well-known labels.
 *
 * @param options - name, resources, architecture, operating systems and offerings
 * @returns the instance type
 * @example
 * ```ts
 * fakeInstanceType({ name: "big", cpu: 16, memoryGi: 64 }).requirements.get("size").has("large"); // true
 * ```
 */
export function fakeInstanceType(options: FakeInstanceTypeOptions): InstanceType {
  const cpu = options.cpu ?? 4;
  const memoryGi = options.memoryGi ?? 4;
  const extended = options.extended ?? new Map<string, number>();
  const gpuKinds = [FAKE_GPU_VENDOR_A, FAKE_GPU_VENDOR_B].filter((gpu) => extended.has(gpu)).length;
  const price = fakePrice(cpu, memoryGi * GIB, gpuKinds);
  const large = cpu > 4 && memoryGi > 8;
  const labels = new Map<string, string>([
    [LABEL_ARCH, options.arch ?? "amd64"],
    [FAKE_LABEL_SIZE, large ? "large" : "small"],
    [FAKE_LABEL_INTEGER, String(cpu)],
  ]);
  if (large) labels.set(FAKE_LABEL_SPECIAL, "optional");
  for (const [key, value] of options.labels ?? []) labels.set(key, value);
  const operatingSystems = [...(options.operatingSystems ?? ["linux", "windows", "darwin"])].sort();
  const capacity = new Map<string, number>([["cpu", cpu * 1000], ["memory", memoryGi * GIB], ["pods", options.pods ?? 5], ...extended]);
  return createInstanceType({
    name: options.name,
    labels,
    requirements: [Requirement.create("kubernetes.io/os", "In", operatingSystems)],
    capacity,
    overhead: {
      kubeReserved: new Map([
        ["cpu", 100],
        ["memory", 10 * 1024 * 1024],
      ]),
    },
    offerings: options.offerings ?? fakeOfferings(price),
    wellKnownLabels: FAKE_WELL_KNOWN_LABELS,
  });
}

/**
 * The fake provider's default catalogue, in its order: default (4 CPU, 4Gi, 5 pods), small (2 CPU, 2Gi),
 * gpu-vendor (2 × fake.com/vendor-a), gpu-vendor-b (2 × fake.com/vendor-b), arm (arm64, 16 CPU, 128Gi, also
 * `ios`) and single-pod (1 pod).
 *
 * @returns the six instance types
 * @example
 * ```ts
 * fakeInstanceTypes().find((t) => t.name === "default-instance-type")?.allocatable.get("cpu"); // 3900
 * ```
 */
export function fakeInstanceTypes(): InstanceType[] {
  return [
    fakeInstanceType({ name: "default-instance-type" }),
    fakeInstanceType({ name: "small-instance-type", cpu: 2, memoryGi: 2 }),
    fakeInstanceType({ name: "gpu-vendor-instance-type", extended: new Map([[FAKE_GPU_VENDOR_A, 2]]) }),
    fakeInstanceType({ name: "gpu-vendor-b-instance-type", extended: new Map([[FAKE_GPU_VENDOR_B, 2]]) }),
    fakeInstanceType({
      name: "arm-instance-type",
      arch: "arm64",
      operatingSystems: ["ios", "linux", "windows", "darwin"],
      cpu: 16,
      memoryGi: 128,
    }),
    fakeInstanceType({ name: "single-pod-instance-type", pods: 1 }),
  ];
}

/**
 * Upstream's benchmark catalogue (`fake.InstanceTypes(n)`): `fake-it-i` with i+1 CPU, 2(i+1) GiB and 10(i+1)
 * pods, each with the five default offerings, so price grows with size.
 *
 * @param n - how many types
 * @returns the types, smallest first
 */
export function syntheticInstanceTypes(n: number): InstanceType[] {
  return Array.from({ length: n }, (_, i) => fakeInstanceType({ name: `fake-it-${i}`, cpu: i + 1, memoryGi: 2 * (i + 1), pods: 10 * (i + 1) }));
}

/**
 * Upstream's assorted catalogue (`fake.InstanceTypesAssorted()`): every cpu in {1,2,4,8,16,32,64} × memory in
 * {1,2,4,…,128}Gi × zone test-zone-1/2/3 × spot/on-demand × linux/windows × amd64/arm64, one offering each:
 * 1344 types named `<cpu>-cpu-<mem>-mem-<arch>-<os>-<zone>-<capacity type>`.
 *
 * @returns the types, in upstream's nesting order
 */
export function assortedInstanceTypes(): InstanceType[] {
  const out: InstanceType[] = [];
  for (const cpu of [1, 2, 4, 8, 16, 32, 64]) {
    for (const memoryGi of [1, 2, 4, 8, 16, 32, 64, 128]) {
      for (const zone of ["test-zone-1", "test-zone-2", "test-zone-3"]) {
        for (const capacityType of ["spot", "on-demand"]) {
          for (const os of ["linux", "windows"]) {
            for (const arch of ["amd64", "arm64"]) {
              const price = fakePrice(cpu, memoryGi * GIB);
              out.push(
                fakeInstanceType({
                  name: `${cpu}-cpu-${memoryGi}-mem-${arch}-${os}-${zone}-${capacityType}`,
                  cpu,
                  memoryGi,
                  arch,
                  operatingSystems: [os],
                  offerings: [{ zone, capacityType, price }],
                }),
              );
            }
          }
        }
      }
    }
  }
  return out;
}

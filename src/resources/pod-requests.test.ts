import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { arbResourceMap } from "../testing/arbitraries/resources.js";
import type { Container, PodSpec, ResourceMap } from "../types/kubernetes.js";
import { addResources, maxResources } from "./arithmetic.js";
import { fitsResources } from "./fits.js";
import { podRequests } from "./pod-requests.js";
import { resourceList, type ResourceList } from "./resource-list.js";

const GI = 2 ** 30;
const MI = 2 ** 20;
const req = (requests: ResourceMap, limits?: ResourceMap): Container => ({ resources: { requests, ...(limits ? { limits } : {}) } });
const sidecar = (requests: ResourceMap): Container => ({ ...req(requests), restartPolicy: "Always" });
const list = (entries: Record<string, number>): ResourceList => new Map(Object.entries(entries));

describe("podRequests", () => {
  const cases: ReadonlyArray<readonly [string, PodSpec, Record<string, number>]> = [
    ["no resources: only the pod itself", { containers: [{}] }, { pods: 1 }],
    ["zero requests are kept", { containers: [req({ cpu: "0" })] }, { cpu: 0, pods: 1 }],
    [
      "containers add up",
      { containers: [req({ cpu: "100m", memory: "1Gi" }), req({ cpu: "200m", "nvidia.com/gpu": 1 })] },
      { cpu: 300, memory: GI, "nvidia.com/gpu": 1, pods: 1 },
    ],
    [
      "a larger init container wins",
      { initContainers: [req({ cpu: "2" })], containers: [req({ cpu: "1", memory: "1Gi" })] },
      { cpu: 2000, memory: GI, pods: 1 },
    ],
    [
      "init containers take the max, not the sum",
      { initContainers: [req({ cpu: "1" }), req({ cpu: "3" }), req({ memory: "2Gi" })], containers: [req({ cpu: "2", memory: "1Gi" })] },
      { cpu: 3000, memory: 2 * GI, pods: 1 },
    ],
    [
      "a sidecar before an init container runs beside it",
      { initContainers: [sidecar({ cpu: "1" }), req({ cpu: "2" })], containers: [req({ cpu: "1" })] },
      { cpu: 3000, pods: 1 },
    ],
    [
      "a sidecar after an init container does not run beside it",
      { initContainers: [req({ cpu: "2" }), sidecar({ cpu: "1" })], containers: [req({ cpu: "1" })] },
      { cpu: 2000, pods: 1 },
    ],
    [
      "sidecars add to the app containers",
      { initContainers: [sidecar({ cpu: "1" }), req({ cpu: "1" }), sidecar({ cpu: "2" })], containers: [req({ cpu: "1" })] },
      { cpu: 4000, pods: 1 },
    ],
    [
      "each init phase counts only the sidecars started before it",
      { initContainers: [sidecar({ cpu: "1" }), req({ cpu: "5" }), sidecar({ cpu: "1" }), req({ cpu: "1" })], containers: [req({ cpu: "1" })] },
      { cpu: 6000, pods: 1 },
    ],
    [
      "a sidecar's init phase includes itself and earlier sidecars",
      { initContainers: [sidecar({ memory: "1Gi" }), sidecar({ memory: "2Gi" })], containers: [req({ memory: "0" })] },
      { memory: 3 * GI, pods: 1 },
    ],
    [
      "restartPolicy other than Always is a regular init container",
      { initContainers: [{ ...req({ cpu: "1" }), restartPolicy: "OnFailure" }], containers: [req({ cpu: "1" })] },
      { cpu: 1000, pods: 1 },
    ],
    [
      "overhead is added to the containers",
      { containers: [req({ cpu: "1" })], overhead: { cpu: "250m", memory: "120Mi" } },
      { cpu: 1250, memory: 120 * MI, pods: 1 },
    ],
    [
      "overhead is added after the init max",
      { initContainers: [req({ cpu: "2" })], containers: [req({ cpu: "1" })], overhead: { cpu: "500m" } },
      { cpu: 2500, pods: 1 },
    ],
    ["a missing request defaults to the limit", { containers: [req({ cpu: "500m" }, { cpu: "2", memory: "1Gi" })] }, { cpu: 500, memory: GI, pods: 1 }],
    [
      "limits alone become requests",
      { containers: [{ resources: { limits: { cpu: "1", "nvidia.com/gpu": "2" } } }] },
      { cpu: 1000, "nvidia.com/gpu": 2, pods: 1 },
    ],
    [
      "init container limits default their requests too",
      { initContainers: [{ resources: { limits: { cpu: "3" } } }], containers: [req({ cpu: "1" })] },
      { cpu: 3000, pods: 1 },
    ],
    [
      "pod-level requests replace cpu and memory",
      { resources: { requests: { cpu: "4", memory: "8Gi" } }, containers: [req({ cpu: "1", memory: "1Gi", "nvidia.com/gpu": "1" })] },
      { cpu: 4000, memory: 8 * GI, "nvidia.com/gpu": 1, pods: 1 },
    ],
    [
      "pod-level requests may be lower than the containers'",
      { resources: { requests: { cpu: "500m" } }, containers: [req({ cpu: "1", memory: "1Gi" })] },
      { cpu: 500, memory: GI, pods: 1 },
    ],
    [
      "pod-level limits default pod-level requests",
      { resources: { limits: { memory: "4Gi" } }, containers: [req({ cpu: "1", memory: "1Gi" })] },
      { cpu: 1000, memory: 4 * GI, pods: 1 },
    ],
    [
      "pod-level resources also cover hugepages",
      { resources: { requests: { "hugepages-2Mi": "8Mi" } }, containers: [req({ "hugepages-2Mi": "2Mi" })] },
      { "hugepages-2Mi": 8 * MI, pods: 1 },
    ],
    [
      "pod-level resources ignore other resources",
      { resources: { requests: { "ephemeral-storage": "10Gi", "nvidia.com/gpu": "4" } }, containers: [req({ "ephemeral-storage": "1Gi" })] },
      { "ephemeral-storage": GI, pods: 1 },
    ],
    [
      "pod-level requests replace the init max, then overhead is added",
      { resources: { requests: { cpu: "1" } }, initContainers: [req({ cpu: "8" })], containers: [req({ cpu: "2" })], overhead: { cpu: "100m" } },
      { cpu: 1100, pods: 1 },
    ],
    ["pods is always 1", { containers: [req({ pods: "5" })] }, { pods: 1 }],
  ];
  it.each(cases)("%s", (_name, spec, expected) => {
    expect(podRequests(spec)).toEqual(list(expected));
  });

  it("points at the bad quantity", () => {
    const spec: PodSpec = { initContainers: [req({ cpu: "1" }), { resources: { limits: { memory: "1GB" } } }], containers: [] };
    expect(() => podRequests(spec)).toThrow(
      expect.objectContaining({ code: "invalid-quantity", path: ["initContainers", 1, "resources", "limits", "memory"] }),
    );
    expect(() => podRequests({ containers: [], overhead: { cpu: "x" } })).toThrow(expect.objectContaining({ path: ["overhead", "cpu"] }));
  });

  const arbContainer = fc.record({ requests: arbResourceMap(fc.integer({ min: 0, max: 2 ** 30 })), sidecar: fc.boolean() });
  const toContainer = ({ requests, sidecar: isSidecar }: { requests: ResourceMap; sidecar: boolean }): Container =>
    isSidecar ? sidecar(requests) : req(requests);

  test.prop([fc.array(arbContainer, { maxLength: 4 }), fc.option(arbResourceMap(), { nil: undefined })])(
    "without init containers: the sum of the containers plus overhead",
    (containers, overhead) => {
      const spec: PodSpec = { containers: containers.map(toContainer), ...(overhead ? { overhead } : {}) };
      const expected = [...spec.containers.map((c) => resourceList(c.resources?.requests)), resourceList(overhead)].reduce(addResources, new Map());
      expect(podRequests(spec)).toEqual(new Map([...expected, ["pods", 1]]));
    },
  );

  test.prop([fc.array(arbContainer, { maxLength: 4 }), fc.array(arbContainer, { maxLength: 4 })])(
    "every container and init container fits in the pod's requests",
    (containers, initContainers) => {
      const requests = podRequests({ containers: containers.map(toContainer), initContainers: initContainers.map(toContainer) });
      for (const c of [...containers, ...initContainers]) {
        // `pods` is the pod count, not a container demand; it is always 1.
        const own = new Map([...resourceList(c.requests)].filter(([name]) => name !== "pods"));
        expect(fitsResources(own, requests)).toBe(true);
      }
    },
  );

  test.prop([fc.array(arbContainer, { maxLength: 4 }), fc.array(arbContainer, { maxLength: 4 })])(
    "with regular init containers only: the max of the containers' sum and the largest init container",
    (containers, inits) => {
      const initContainers = inits.map(({ requests }) => req(requests));
      const appContainers = containers.map(({ requests }) => req(requests));
      const sum = appContainers.map((c) => resourceList(c.resources?.requests)).reduce(addResources, new Map());
      const initMax = initContainers.map((c) => resourceList(c.resources?.requests)).reduce(maxResources, new Map());
      const expected = new Map([...maxResources(sum, initMax), ["pods", 1]]);
      expect(podRequests({ containers: appContainers, initContainers })).toEqual(expected);
    },
  );
});

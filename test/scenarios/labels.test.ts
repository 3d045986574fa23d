/**
 * Label requirement semantics (reference §1.1–1.5, §4.3 categories 1–2): custom and well-known keys, every
 * operator from NodePools and pods, undefined keys, alias normalisation, restricted labels and domains.
 */
import { describe, expect, test } from "vitest";
import { syntheticInstanceTypes } from "../../src/testing/fake-catalog.js";
import type { NodeSelectorRequirementWithMinValues } from "../../src/types/kubernetes.js";
import { failures, nodePool, pod, preferredTerms, req, requiredTerms, run } from "./helpers.js";
import { upstream } from "./upstream/files.js";

const ZONE = "topology.kubernetes.io/zone";
const IT = "node.kubernetes.io/instance-type";
const ARCH = "kubernetes.io/arch";
const OS = "kubernetes.io/os";
const CT = "karpenter.sh/capacity-type";
const ALL_CT = req(CT, "In", "spot", "on-demand", "reserved");

/** A default-style pool with extra requirements. */
const pool = (...requirements: NodeSelectorRequirementWithMinValues[]) => nodePool("default", { requirements: [ALL_CT, ...requirements] });

function only(result: ReturnType<typeof run>) {
  expect(result.unschedulable).toEqual([]);
  expect(result.nodeClaims).toHaveLength(1);
  return result.nodeClaims[0]!;
}

describe("custom labels from NodePool template labels", () => {
  const labelled = nodePool("default", { labels: { "test-key": "test-value" } });

  test("an unconstrained pod gets the template label", () => {
    expect(only(run({ pods: [pod("p")], nodePools: [labelled] })).labels.get("test-key")).toBe("test-value");
  });

  test("a conflicting node selector is refused", () => {
    const r = run({ pods: [pod("p", { nodeSelector: { "test-key": "different-value" } })], nodePools: [labelled] });
    expect(failures(r)).toEqual([["default/p", "incompatible-requirements"]]);
  });

  test("a requirement In [label, other] resolves to the template label", () => {
    const r = run({ pods: [pod("p", { affinity: requiredTerms([req("test-key", "In", "test-value", "another-value")]) })], nodePools: [labelled] });
    expect(only(r).labels.get("test-key")).toBe("test-value");
  });

  test("a requirement In [other] is refused", () => {
    const r = run({ pods: [pod("p", { affinity: requiredTerms([req("test-key", "In", "another-value")]) })], nodePools: [labelled] });
    expect(failures(r)).toEqual([["default/p", "incompatible-requirements"]]);
  });
});

describe("custom keys: pod operators against a NodePool that does not define the key", () => {
  const withPod = (...e: Parameters<typeof req>) => run({ pods: [pod("p", { affinity: requiredTerms([req(...e)]) })] });

  test("In on an undefined key is refused with an undefined-label conflict", () => {
    const r = withPod("test-key", "In", "test-value");
    expect(failures(r)).toEqual([["default/p", "incompatible-requirements"]]);
    expect(r.unschedulable[0]!.nodePools[0]!.requirements?.[0]).toMatchObject({ key: "test-key", code: "undefined-label" });
  });

  test("NotIn on an undefined key schedules, never with the excluded value", () => {
    const c = only(withPod("test-key", "NotIn", "test-value"));
    expect(c.labels.get("test-key")).not.toBe("test-value");
    // Deviation S2/V6: the invented value is the lowest non-negative integer, not a random one.
    expect(c.labels.get("test-key")).toBe("0");
  });

  test("Exists on an undefined key is refused", () => {
    expect(failures(withPod("test-key", "Exists"))).toEqual([["default/p", "incompatible-requirements"]]);
  });

  test("DoesNotExist on an undefined key schedules without the label", () => {
    expect(only(withPod("test-key", "DoesNotExist")).labels.has("test-key")).toBe(false);
  });

  test("Gt on an undefined key is refused (a bounded requirement is Exists with bounds)", () => {
    expect(failures(withPod("test-key", "Gt", "1"))).toEqual([["default/p", "incompatible-requirements"]]);
  });

  test("Lte on an undefined key is refused", () => {
    expect(failures(withPod("test-key", "Lte", "1"))).toEqual([["default/p", "incompatible-requirements"]]);
  });
});

describe("custom keys: pod operators against NodePool requirement test-key In [test-value]", () => {
  const np = pool(req("test-key", "In", "test-value"));
  const withPod = (...e: Parameters<typeof req>) => run({ pods: [pod("p", { affinity: requiredTerms([req(...e)]) })], nodePools: [np] });

  test("an unconstrained pod gets the label", () => {
    expect(only(run({ pods: [pod("p")], nodePools: [np] })).labels.get("test-key")).toBe("test-value");
  });

  test("In with the same value schedules", () => {
    expect(only(withPod("test-key", "In", "test-value")).labels.get("test-key")).toBe("test-value");
  });

  test("NotIn the NodePool's only value is refused", () => {
    expect(failures(withPod("test-key", "NotIn", "test-value"))).toEqual([["default/p", "incompatible-requirements"]]);
  });

  test("Exists schedules", () => {
    expect(only(withPod("test-key", "Exists")).labels.get("test-key")).toBe("test-value");
  });

  test("DoesNotExist is refused", () => {
    expect(failures(withPod("test-key", "DoesNotExist"))).toEqual([["default/p", "incompatible-requirements"]]);
  });

  test("In with a different value is refused", () => {
    expect(failures(withPod("test-key", "In", "another-value"))).toEqual([["default/p", "incompatible-requirements"]]);
  });

  test("NotIn a different value schedules with the NodePool's value", () => {
    expect(only(withPod("test-key", "NotIn", "another-value")).labels.get("test-key")).toBe("test-value");
  });

  test("Gt on a non-integer value is refused", () => {
    expect(failures(withPod("test-key", "Gt", "1"))).toEqual([["default/p", "incompatible-requirements"]]);
  });
});

describe("custom keys: pods sharing or splitting claims", () => {
  const np = pool(req("test-key", "In", "test-value", "another-value"));

  test("compatible pods (In [test-value], NotIn [another-value]) share one claim", () => {
    const pods = [
      pod("a", { affinity: requiredTerms([req("test-key", "In", "test-value")]) }),
      pod("b", { affinity: requiredTerms([req("test-key", "NotIn", "another-value")]) }),
    ];
    const c = only(run({ pods, nodePools: [np] }));
    expect(c.pods).toEqual(["default/a", "default/b"]);
    expect(c.labels.get("test-key")).toBe("test-value");
  });

  test("incompatible pods (In [test-value], In [another-value]) get one claim each", () => {
    const pods = [
      pod("a", { affinity: requiredTerms([req("test-key", "In", "test-value")]) }),
      pod("b", { affinity: requiredTerms([req("test-key", "In", "another-value")]) }),
    ];
    const r = run({ pods, nodePools: [np] });
    expect(r.nodeClaims.map((c) => [c.pods, c.labels.get("test-key")])).toEqual([
      [["default/a"], "test-value"],
      [["default/b"], "another-value"],
    ]);
  });

  test("an unconstrained pod on a two-valued key gets the smallest value", () => {
    expect(only(run({ pods: [pod("p")], nodePools: [np] })).labels.get("test-key")).toBe("another-value");
  });
});

describe("custom keys: bounded NodePool requirements", () => {
  const withPod = (np: ReturnType<typeof pool>, ...e: Parameters<typeof req>) =>
    run({ pods: [pod("p", { affinity: requiredTerms([req(...e)]) })], nodePools: [np] });

  test("NodePool Gt 5: an unconstrained pod gets the lowest allowed integer", () => {
    expect(only(run({ pods: [pod("p")], nodePools: [pool(req("rank", "Gt", "5"))] })).labels.get("rank")).toBe("6");
  });

  test("NodePool Gte 5: the bound is inclusive", () => {
    expect(only(run({ pods: [pod("p")], nodePools: [pool(req("rank", "Gte", "5"))] })).labels.get("rank")).toBe("5");
  });

  test("NodePool Gt 5 with pod In [7] gives 7", () => {
    expect(only(withPod(pool(req("rank", "Gt", "5")), "rank", "In", "7")).labels.get("rank")).toBe("7");
  });

  test("NodePool Gt 5 refuses pod In [3]", () => {
    expect(failures(withPod(pool(req("rank", "Gt", "5")), "rank", "In", "3"))).toEqual([["default/p", "incompatible-requirements"]]);
  });

  test("NodePool Gt 5 refuses pod Lt 5 (disjoint bounds)", () => {
    expect(failures(withPod(pool(req("rank", "Gt", "5")), "rank", "Lt", "5"))).toEqual([["default/p", "incompatible-requirements"]]);
  });

  test("NodePool Gt 5 with pod Lt 8 resolves inside both bounds", () => {
    expect(only(withPod(pool(req("rank", "Gt", "5")), "rank", "Lt", "8")).labels.get("rank")).toBe("6");
  });

  test("NodePool Lte 5 refuses pod In [6] and accepts In [5]", () => {
    expect(failures(withPod(pool(req("rank", "Lte", "5")), "rank", "In", "6"))).toEqual([["default/p", "incompatible-requirements"]]);
    expect(only(withPod(pool(req("rank", "Lte", "5")), "rank", "In", "5")).labels.get("rank")).toBe("5");
  });

  test("NodePool Lt 5 with pod NotIn [0, 1] gives 2", () => {
    expect(only(withPod(pool(req("rank", "Lt", "5")), "rank", "NotIn", "0", "1")).labels.get("rank")).toBe("2");
  });

  test("NodePool Exists accepts pod Gte 3 and resolves to 3", () => {
    expect(only(withPod(pool(req("rank", "Exists")), "rank", "Gte", "3")).labels.get("rank")).toBe("3");
  });
});

describe("well-known labels", () => {
  test("NodePool zone In [test-zone-2] is used", () => {
    expect(only(run({ pods: [pod("p")], nodePools: [pool(req(ZONE, "In", "test-zone-2"))] })).zone).toBe("test-zone-2");
  });

  test("a node selector inside the NodePool's zones is used", () => {
    const r = run({ pods: [pod("p", { nodeSelector: { [ZONE]: "test-zone-2" } })], nodePools: [pool(req(ZONE, "In", "test-zone-1", "test-zone-2"))] });
    expect(only(r).zone).toBe("test-zone-2");
  });

  test("an unknown zone is refused", () => {
    const r = run({ pods: [pod("p", { nodeSelector: { [ZONE]: "unknown" } })], nodePools: [pool(req(ZONE, "In", "test-zone-1"))] });
    expect(failures(r)).toEqual([["default/p", "incompatible-requirements"]]);
  });

  test("a zone outside the NodePool's zones is refused", () => {
    const r = run({ pods: [pod("p", { nodeSelector: { [ZONE]: "test-zone-2" } })], nodePools: [pool(req(ZONE, "In", "test-zone-1"))] });
    expect(failures(r)).toEqual([["default/p", "incompatible-requirements"]]);
  });

  test("pod In [test-zone-3] launches on-demand in test-zone-3 (the zone has no spot)", () => {
    const c = only(run({ pods: [pod("p", { affinity: requiredTerms([req(ZONE, "In", "test-zone-3")]) })] }));
    expect([c.instanceType, c.zone, c.capacityType]).toEqual(["small-instance-type", "test-zone-3", "on-demand"]);
  });

  test("pod In [unknown] is refused", () => {
    expect(failures(run({ pods: [pod("p", { affinity: requiredTerms([req(ZONE, "In", "unknown")]) })] }))).toEqual([
      ["default/p", "incompatible-requirements"],
    ]);
  });

  test("pod NotIn [test-zone-1, test-zone-2, unknown] lands in test-zone-3", () => {
    const c = only(run({ pods: [pod("p", { affinity: requiredTerms([req(ZONE, "NotIn", "test-zone-1", "test-zone-2", "unknown")]) })] }));
    expect(c.zone).toBe("test-zone-3");
  });

  test("pod NotIn every zone is refused", () => {
    const r = run({ pods: [pod("p", { affinity: requiredTerms([req(ZONE, "NotIn", "test-zone-1", "test-zone-2", "test-zone-3", "unknown")]) })] });
    expect(r.nodeClaims).toEqual([]);
    expect(r.unschedulable).toHaveLength(1);
  });

  test("In [non-existent-zone] and Exists in one term stay unsatisfiable (Exists does not overwrite)", () => {
    const r = run({ pods: [pod("p", { affinity: requiredTerms([req(ZONE, "In", "non-existent-zone"), req(ZONE, "Exists")]) })] });
    expect(failures(r)).toEqual([["default/p", "incompatible-requirements"]]);
  });

  test("NodePool integer Gt 8 launches the 16-CPU arm type", () => {
    expect(only(run({ pods: [pod("p")], nodePools: [pool(req("integer", "Gt", "8"))] })).instanceType).toBe("arm-instance-type");
  });

  test("NodePool integer Lt 8 launches the 2-CPU small type", () => {
    expect(only(run({ pods: [pod("p")], nodePools: [pool(req("integer", "Lt", "8"))] })).instanceType).toBe("small-instance-type");
  });

  test("NodePool integer Gte 4: the cheapest 4-CPU type, ties by name", () => {
    const c = only(run({ pods: [pod("p")], nodePools: [pool(req("integer", "Gte", "4"))] }));
    expect(c.instanceType).toBe("default-instance-type");
    expect(c.instanceTypeOptions).toEqual([
      "default-instance-type",
      "single-pod-instance-type",
      "gpu-vendor-b-instance-type",
      "gpu-vendor-instance-type",
      "arm-instance-type",
    ]);
  });

  test("NodePool integer Lte 2 keeps only the small type", () => {
    expect(only(run({ pods: [pod("p")], nodePools: [pool(req("integer", "Lte", "2"))] })).instanceTypeOptions).toEqual(["small-instance-type"]);
  });

  test("pod integer Gt 2 and Lt 16 with 3 CPU launches the default type", () => {
    const p = pod("p", { requests: { cpu: "3" }, affinity: requiredTerms([req("integer", "Gt", "2"), req("integer", "Lt", "16")]) });
    expect(only(run({ pods: [p] })).instanceType).toBe("default-instance-type");
  });

  test("pod integer Lte 4 with 5 CPU is refused for resources", () => {
    const p = pod("p", { requests: { cpu: "5" }, affinity: requiredTerms([req("integer", "Lte", "4")]) });
    expect(failures(run({ pods: [p] }))).toEqual([["default/p", "insufficient-resources"]]);
  });

  test("pods selecting each well-known label all schedule", () => {
    const pods = [
      pod("zone", { nodeSelector: { [ZONE]: "test-zone-1" } }),
      pod("type", { nodeSelector: { [IT]: "default-instance-type" } }),
      pod("arch", { nodeSelector: { [ARCH]: "arm64" } }),
      pod("os", { nodeSelector: { [OS]: "linux" } }),
      pod("ct", { nodeSelector: { [CT]: "spot" } }),
    ];
    const r = run({ pods });
    expect(r.unschedulable).toEqual([]);
    expect(r.summary.scheduled).toBe(5);
  });

  test("karpenter.sh/nodepool In [its name] schedules; In [another] is refused", () => {
    expect(only(run({ pods: [pod("p", { nodeSelector: { "karpenter.sh/nodepool": "default" } })] })).nodePool).toBe("default");
    expect(failures(run({ pods: [pod("p", { nodeSelector: { "karpenter.sh/nodepool": "other" } })] }))).toEqual([["default/p", "incompatible-requirements"]]);
  });

  test("capacity type spot from a node selector", () => {
    expect(only(run({ pods: [pod("p", { nodeSelector: { [CT]: "spot" } })] })).capacityType).toBe("spot");
  });

  test("a NodePool restricted to on-demand never launches spot", () => {
    const c = only(run({ pods: [pod("p")], nodePools: [nodePool("default", { requirements: [req(CT, "In", "on-demand")] })] }));
    expect(c.capacityType).toBe("on-demand");
    expect(c.requirements.find((r) => r.key === CT)?.values).toEqual(["on-demand"]);
  });
});

describe("preferred node affinity next to required terms", () => {
  const allZones = req(ZONE, "In", "test-zone-1", "test-zone-2", "test-zone-3", "unknown");
  const both = (...pref: ReturnType<typeof req>[]) => ({
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [allZones] }] },
      preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: pref } }],
    },
  });

  test("a compatible In preference is honoured", () => {
    expect(only(run({ pods: [pod("p", { affinity: both(req(ZONE, "In", "test-zone-2", "unknown")) })] })).zone).toBe("test-zone-2");
  });

  test("an incompatible In preference is relaxed", () => {
    expect(only(run({ pods: [pod("p", { affinity: both(req(ZONE, "In", "unknown")) })] })).zone).toBe("test-zone-1");
  });

  test("a compatible NotIn preference is honoured", () => {
    expect(only(run({ pods: [pod("p", { affinity: both(req(ZONE, "NotIn", "test-zone-1", "test-zone-3")) })] })).zone).toBe("test-zone-2");
  });

  test("an incompatible NotIn preference is relaxed", () => {
    expect(only(run({ pods: [pod("p", { affinity: both(req(ZONE, "NotIn", "test-zone-1", "test-zone-2", "test-zone-3")) })] })).zone).toBe("test-zone-1");
  });

  test("node selector, requirement and preference combine", () => {
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [req(ZONE, "In", "test-zone-1", "test-zone-2", "test-zone-3")] }],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 1, preference: { matchExpressions: [req(ZONE, "In", "test-zone-1", "test-zone-2", "test-zone-3")] } },
        ],
      },
    };
    expect(only(run({ pods: [pod("p", { nodeSelector: { [ZONE]: "test-zone-3" }, affinity })] })).zone).toBe("test-zone-3");
  });

  test("multidimensional selectors, requirements and preferences combine", () => {
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [req(ZONE, "In", "test-zone-1", "test-zone-3"), req(IT, "In", "default-instance-type", "arm-instance-type")] },
          ],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 1, preference: { matchExpressions: [req(ZONE, "NotIn", "unknown"), req(IT, "NotIn", "unknown")] } },
        ],
      },
    };
    const c = only(run({ pods: [pod("p", { nodeSelector: { [ZONE]: "test-zone-3", [IT]: "arm-instance-type" }, affinity })] }));
    expect([c.zone, c.instanceType]).toEqual(["test-zone-3", "arm-instance-type"]);
  });

  test("a self-contradictory preference term is relaxed", () => {
    const affinity = preferredTerms([1, [req(ZONE, "In", "invalid"), req(ZONE, "NotIn", "invalid")]]);
    expect(only(run({ pods: [pod("p", { affinity })] })).zone).toBe("test-zone-1");
  });
});

describe("label key aliases are normalised", () => {
  test("failure-domain.beta.kubernetes.io/zone selects the zone", () => {
    expect(only(run({ pods: [pod("p", { nodeSelector: { "failure-domain.beta.kubernetes.io/zone": "test-zone-2" } })] })).zone).toBe("test-zone-2");
  });

  test("beta.kubernetes.io/arch selects the architecture", () => {
    expect(only(run({ pods: [pod("p", { nodeSelector: { "beta.kubernetes.io/arch": "arm64" } })] })).instanceType).toBe("arm-instance-type");
  });

  test("beta.kubernetes.io/os selects the operating system", () => {
    expect(only(run({ pods: [pod("p", { nodeSelector: { "beta.kubernetes.io/os": "ios" } })] })).instanceType).toBe("arm-instance-type");
  });

  test("beta.kubernetes.io/instance-type selects the instance type", () => {
    expect(only(run({ pods: [pod("p", { nodeSelector: { "beta.kubernetes.io/instance-type": "default-instance-type" } })] })).instanceType).toBe(
      "default-instance-type",
    );
  });

  test("a NodePool requirement on an alias constrains the normalised key", () => {
    const c = only(run({ pods: [pod("p")], nodePools: [pool(req("failure-domain.beta.kubernetes.io/zone", "In", "test-zone-3"))] }));
    expect(c.zone).toBe("test-zone-3");
    expect(c.requirements.find((r) => r.key === ZONE)?.values).toEqual(["test-zone-3"]);
  });

  test("an alias and the stable key on the same pod intersect", () => {
    const p = pod("p", {
      nodeSelector: { "failure-domain.beta.kubernetes.io/zone": "test-zone-1" },
      affinity: requiredTerms([req(ZONE, "In", "test-zone-2")]),
    });
    expect(failures(run({ pods: [p] }))).toEqual([["default/p", "incompatible-requirements"]]);
  });
});

describe("restricted labels and domains", () => {
  test("a required term on kubernetes.io/hostname is restricted", () => {
    expect(failures(run({ pods: [pod("p", { affinity: requiredTerms([req("kubernetes.io/hostname", "In", "test")]) })] }))).toEqual([
      ["default/p", "restricted-label"],
    ]);
  });

  test("a karpenter.sh key that is not well-known is restricted", () => {
    expect(failures(run({ pods: [pod("p", { affinity: requiredTerms([req("karpenter.sh/test", "In", "test")]) })] }))).toEqual([
      ["default/p", "restricted-label"],
    ]);
  });

  test("a subdomain of karpenter.sh is restricted", () => {
    expect(failures(run({ pods: [pod("p", { nodeSelector: { "sub.karpenter.sh/test": "x" } })] }))).toEqual([["default/p", "restricted-label"]]);
  });

  test("kubernetes.io and k8s.io keys (and subdomains) are allowed as custom NodePool labels", () => {
    const keys = ["node-restriction.kubernetes.io/test", "kops.k8s.io/test", "subdomain.node-restriction.kubernetes.io/test", "subdomain.kops.k8s.io/test"];
    const c = only(run({ pods: [pod("p")], nodePools: [pool(...keys.map((k) => req(k, "In", "test-value")))] }));
    for (const k of keys) expect(c.labels.get(k)).toBe("test-value");
  });

  test("a pod requiring karpenter.sh/nodepool DoesNotExist is excluded, other pods still schedule", () => {
    const r = run({ pods: [pod("out", { affinity: requiredTerms([req("karpenter.sh/nodepool", "DoesNotExist")]) }), pod("in")] });
    expect(failures(r)).toEqual([["default/out", "nodepool-excluded"]]);
    expect(r.nodeClaims[0]!.pods).toEqual(["default/in"]);
  });

  test("label keys like __proto__ and constructor are ordinary custom labels", () => {
    const np = nodePool("default", { labels: { __proto__: "a", constructor: "b" } as Record<string, string> });
    const c = only(run({ pods: [pod("p", { affinity: requiredTerms([req("constructor", "In", "b")]) })], nodePools: [np] }));
    expect(c.labels.get("constructor")).toBe("b");
  });
});

describe("provider labels on the benchmark catalogue", () => {
  const types = syntheticInstanceTypes(5);

  test(upstream("scheduling/suite", "Instance Type Compatibility › Provider Specific Labels › should filter instance types that match labels"), () => {
    const r = run({ pods: [pod("large", { nodeSelector: { size: "large" } }), pod("small", { nodeSelector: { size: "small" } })], instanceTypes: types });
    expect(r.nodeClaims.map((c) => [c.pods, c.instanceType])).toEqual([
      [["default/large"], "fake-it-4"],
      [["default/small"], "fake-it-0"],
    ]);
  });

  test(upstream("scheduling/suite", "Instance Type Compatibility › Provider Specific Labels › should not schedule with incompatible labels"), () => {
    const pods = [pod("a", { nodeSelector: { size: "large", [IT]: "fake-it-0" } }), pod("b", { nodeSelector: { size: "small", [IT]: "fake-it-4" } })];
    const r = run({ pods, instanceTypes: types });
    expect(r.nodeClaims).toEqual([]);
    expect(r.unschedulable.map((u) => u.pod)).toEqual(["default/a", "default/b"]);
  });

  test(upstream("scheduling/suite", "Instance Type Compatibility › Provider Specific Labels › should schedule optional labels"), () => {
    expect(only(run({ pods: [pod("p", { affinity: requiredTerms([req("special", "Exists")]) })], instanceTypes: types })).instanceType).toBe("fake-it-4");
  });

  test(upstream("scheduling/suite", "Instance Type Compatibility › Provider Specific Labels › should schedule without optional labels if disallowed"), () => {
    expect(only(run({ pods: [pod("p", { affinity: requiredTerms([req("special", "DoesNotExist")]) })], instanceTypes: types })).instanceType).toBe("fake-it-0");
  });
});

describe("typo hints for undefined labels", () => {
  test("a one-letter typo of a well-known key names the key", () => {
    const r = run({ pods: [pod("p", { nodeSelector: { "topology.kubernetes.io/zon": "test-zone-1" } })] });
    expect(r.unschedulable[0]!.code).toBe("incompatible-requirements");
    expect(r.unschedulable[0]!.message).toContain('typo of "topology.kubernetes.io/zone"');
  });

  test("a suffix of a well-known key names the key", () => {
    const r = run({ pods: [pod("p", { nodeSelector: { zone: "test-zone-1" } })] });
    expect(r.unschedulable[0]!.message).toContain('typo of "topology.kubernetes.io/zone"');
  });
});

/**
 * Upstream's scheduling suite, `Describe("Custom Constraints")`, translated one `It` at a time on the fake catalogue
 * (pkg/controllers/provisioning/scheduling/suite_test.go). The suite's default NodePool allows every capacity type;
 * `NodeRequirements` are one required node-affinity term, `NodePreferences` one preferred term of weight 1. Upstream
 * repeats several Contexts verbatim (`#2` in the ledger); both copies run the same body here.
 */
import { describe, expect, it } from "vitest";
import type { NodeSelectorRequirement, NodeSelectorRequirementWithMinValues, StringMap } from "../../src/types/kubernetes.js";
import { landedLabels, nodePool, pod, preferredTerms, req, requiredTerms, run, type PodOptions } from "./helpers.js";
import { upstream, upstreamCopies } from "./upstream/files.js";

const ZONE = "topology.kubernetes.io/zone";
const IT = "node.kubernetes.io/instance-type";
const INTEGER = "integer";
const ALL_ZONES = ["test-zone-1", "test-zone-2", "test-zone-3", "unknown"];

interface Case {
  readonly requirements?: readonly NodeSelectorRequirementWithMinValues[];
  readonly labels?: StringMap;
  readonly nodeSelector?: StringMap;
  readonly nodeRequirements?: readonly NodeSelectorRequirement[];
  readonly nodePreferences?: readonly NodeSelectorRequirement[];
}

/** Schedules one pod as the upstream test builds it and returns the labels of the node it landed on (undefined: not scheduled). */
function schedule1(c: Case): ReadonlyMap<string, string> | undefined {
  const o: PodOptions = {
    ...(c.nodeSelector ? { nodeSelector: c.nodeSelector } : {}),
    ...(c.nodeRequirements || c.nodePreferences
      ? {
          affinity: {
            nodeAffinity: {
              ...(c.nodeRequirements ? requiredTerms(c.nodeRequirements).nodeAffinity : {}),
              ...(c.nodePreferences ? preferredTerms([1, c.nodePreferences]).nodeAffinity : {}),
            },
          },
        }
      : {}),
  };
  const pool = nodePool("default", { ...(c.requirements ? { requirements: c.requirements } : {}), ...(c.labels ? { labels: c.labels } : {}) });
  const result = run({ pods: [pod("p", o)], nodePools: [pool] });
  return landedLabels(result, "p");
}

function expectScheduledWith(c: Case, expected: Readonly<Record<string, string>> = {}): void {
  const labels = schedule1(c);
  expect(labels).toBeDefined();
  for (const [k, v] of Object.entries(expected)) expect(labels?.get(k)).toBe(v);
}

function expectNotScheduled(c: Case): void {
  expect(schedule1(c)).toBeUndefined();
}

describe("NodePool with Labels", () => {
  const labels = { "test-key": "test-value" };
  it(
    upstream("scheduling/suite", "Custom Constraints › NodePool with Labels › should schedule unconstrained pods that don't have matching node selectors"),
    () => {
      expectScheduledWith({ labels }, labels);
    },
  );
  it(upstream("scheduling/suite", "Custom Constraints › NodePool with Labels › should not schedule pods that have conflicting node selectors"), () => {
    expectNotScheduled({ labels, nodeSelector: { "test-key": "different-value" } });
  });
  it(upstream("scheduling/suite", "Custom Constraints › NodePool with Labels › should not schedule pods that have node selectors with undefined key"), () => {
    expectNotScheduled({ nodeSelector: { "test-key": "test-value" } });
  });
  it(upstream("scheduling/suite", "Custom Constraints › NodePool with Labels › should schedule pods that have matching requirements"), () => {
    expectScheduledWith({ labels, nodeRequirements: [req("test-key", "In", "test-value", "another-value")] }, labels);
  });
  it(upstream("scheduling/suite", "Custom Constraints › NodePool with Labels › should not schedule pods that have conflicting requirements"), () => {
    expectNotScheduled({ labels, nodeRequirements: [req("test-key", "In", "another-value")] });
  });
});

describe("Well Known Labels (both copies)", () => {
  const useNodePoolConstraints = (): void => expectScheduledWith({ requirements: [req(ZONE, "In", "test-zone-2")] }, { [ZONE]: "test-zone-2" });
  const useNodeSelectors = (): void =>
    expectScheduledWith({ requirements: [req(ZONE, "In", "test-zone-1", "test-zone-2")], nodeSelector: { [ZONE]: "test-zone-2" } }, { [ZONE]: "test-zone-2" });
  const hostnameSelector = (): void => expectNotScheduled({ nodeSelector: { "kubernetes.io/hostname": "red-node" } });
  const unknownSelector = (): void => expectNotScheduled({ requirements: [req(ZONE, "In", "test-zone-1")], nodeSelector: { [ZONE]: "unknown" } });
  const outsideConstraints = (): void => expectNotScheduled({ requirements: [req(ZONE, "In", "test-zone-1")], nodeSelector: { [ZONE]: "test-zone-2" } });
  const compatibleIn = (): void => expectScheduledWith({ nodeRequirements: [req(ZONE, "In", "test-zone-3")] }, { [ZONE]: "test-zone-3" });
  const gt = (): void => expectScheduledWith({ requirements: [req(INTEGER, "Gt", "8")] }, { [INTEGER]: "16" });
  const lt = (): void => expectScheduledWith({ requirements: [req(INTEGER, "Lt", "8")] }, { [INTEGER]: "2" });
  const incompatibleIn = (): void => expectNotScheduled({ nodeRequirements: [req(ZONE, "In", "unknown")] });
  const compatibleNotIn = (): void =>
    expectScheduledWith({ nodeRequirements: [req(ZONE, "NotIn", "test-zone-1", "test-zone-2", "unknown")] }, { [ZONE]: "test-zone-3" });
  const incompatibleNotIn = (): void => expectNotScheduled({ nodeRequirements: [req(ZONE, "NotIn", ...ALL_ZONES)] });
  const preferIn = (): void =>
    expectScheduledWith(
      { nodeRequirements: [req(ZONE, "In", ...ALL_ZONES)], nodePreferences: [req(ZONE, "In", "test-zone-2", "unknown")] },
      { [ZONE]: "test-zone-2" },
    );
  const preferInImpossible = (): void =>
    expectScheduledWith({ nodeRequirements: [req(ZONE, "In", ...ALL_ZONES)], nodePreferences: [req(ZONE, "In", "unknown")] });
  const preferNotIn = (): void =>
    expectScheduledWith(
      { nodeRequirements: [req(ZONE, "In", ...ALL_ZONES)], nodePreferences: [req(ZONE, "NotIn", "test-zone-1", "test-zone-3")] },
      { [ZONE]: "test-zone-2" },
    );
  const preferNotInImpossible = (): void =>
    expectScheduledWith({
      nodeRequirements: [req(ZONE, "In", ...ALL_ZONES)],
      nodePreferences: [req(ZONE, "NotIn", "test-zone-1", "test-zone-2", "test-zone-3")],
    });
  const selectorsPreferencesRequirements = (): void =>
    expectScheduledWith(
      {
        nodeSelector: { [ZONE]: "test-zone-3" },
        nodeRequirements: [req(ZONE, "In", "test-zone-1", "test-zone-2", "test-zone-3")],
        nodePreferences: [req(ZONE, "In", "test-zone-1", "test-zone-2", "test-zone-3")],
      },
      { [ZONE]: "test-zone-3" },
    );
  const multidimensional = (): void =>
    expectScheduledWith(
      {
        nodeSelector: { [ZONE]: "test-zone-3", [IT]: "arm-instance-type" },
        nodeRequirements: [req(ZONE, "In", "test-zone-1", "test-zone-3"), req(IT, "In", "default-instance-type", "arm-instance-type")],
        nodePreferences: [req(ZONE, "NotIn", "unknown"), req(IT, "NotIn", "unknown")],
      },
      { [ZONE]: "test-zone-3", [IT]: "arm-instance-type" },
    );

  for (const title of upstreamCopies("scheduling/suite", "Custom Constraints › Well Known Labels › should use NodePool constraints"))
    it(title, useNodePoolConstraints);
  for (const title of upstreamCopies("scheduling/suite", "Custom Constraints › Well Known Labels › should use node selectors")) it(title, useNodeSelectors);
  for (const title of upstreamCopies("scheduling/suite", "Custom Constraints › Well Known Labels › should not schedule nodes with a hostname selector"))
    it(title, hostnameSelector);
  for (const title of upstreamCopies("scheduling/suite", "Custom Constraints › Well Known Labels › should not schedule the pod if nodeselector unknown"))
    it(title, unknownSelector);
  for (const title of upstreamCopies(
    "scheduling/suite",
    "Custom Constraints › Well Known Labels › should not schedule if node selector outside of NodePool constraints",
  ))
    it(title, outsideConstraints);
  for (const title of upstreamCopies("scheduling/suite", "Custom Constraints › Well Known Labels › should schedule compatible requirements with Operator=In"))
    it(title, compatibleIn);
  for (const title of upstreamCopies("scheduling/suite", "Custom Constraints › Well Known Labels › should schedule compatible requirements with Operator=Gt"))
    it(title, gt);
  for (const title of upstreamCopies("scheduling/suite", "Custom Constraints › Well Known Labels › should schedule compatible requirements with Operator=Lt"))
    it(title, lt);
  it(upstream("scheduling/suite", "Custom Constraints › Well Known Labels › should schedule compatible requirements with Operator=Gte"), () => {
    expectScheduledWith({ requirements: [req(INTEGER, "Gte", "16")] }, { [INTEGER]: "16" });
  });
  it(upstream("scheduling/suite", "Custom Constraints › Well Known Labels › should schedule compatible requirements with Operator=Lte"), () => {
    expectScheduledWith({ requirements: [req(INTEGER, "Lte", "2")] }, { [INTEGER]: "2" });
  });
  for (const title of upstreamCopies(
    "scheduling/suite",
    "Custom Constraints › Well Known Labels › should not schedule incompatible preferences and requirements with Operator=In",
  ))
    it(title, incompatibleIn);
  for (const title of upstreamCopies(
    "scheduling/suite",
    "Custom Constraints › Well Known Labels › should schedule compatible requirements with Operator=NotIn",
  ))
    it(title, compatibleNotIn);
  for (const title of upstreamCopies(
    "scheduling/suite",
    "Custom Constraints › Well Known Labels › should not schedule incompatible preferences and requirements with Operator=NotIn",
  ))
    it(title, incompatibleNotIn);
  for (const title of upstreamCopies(
    "scheduling/suite",
    "Custom Constraints › Well Known Labels › should schedule compatible preferences and requirements with Operator=In",
  ))
    it(title, preferIn);
  for (const title of upstreamCopies(
    "scheduling/suite",
    "Custom Constraints › Well Known Labels › should schedule incompatible preferences and requirements with Operator=In",
  ))
    it(title, preferInImpossible);
  for (const title of upstreamCopies(
    "scheduling/suite",
    "Custom Constraints › Well Known Labels › should schedule compatible preferences and requirements with Operator=NotIn",
  ))
    it(title, preferNotIn);
  for (const title of upstreamCopies(
    "scheduling/suite",
    "Custom Constraints › Well Known Labels › should schedule incompatible preferences and requirements with Operator=NotIn",
  ))
    it(title, preferNotInImpossible);
  for (const title of upstreamCopies(
    "scheduling/suite",
    "Custom Constraints › Well Known Labels › should schedule compatible node selectors, preferences and requirements",
  ))
    it(title, selectorsPreferencesRequirements);
  for (const title of upstreamCopies(
    "scheduling/suite",
    "Custom Constraints › Well Known Labels › should combine multidimensional node selectors, preferences and requirements",
  ))
    it(title, multidimensional);
});

describe("Constraints Validation (both copies)", () => {
  // Upstream also checks the scheduling-decision metrics for the restricted-label pod; metrics are not modelled.
  const restrictedLabels = (): void => expectNotScheduled({ nodeRequirements: [req("kubernetes.io/hostname", "In", "test")] });
  const restrictedDomains = (): void => expectNotScheduled({ nodeRequirements: [req("karpenter.sh/test", "In", "test")] });
  const kubernetesDomains = (prefix: string) => (): void => {
    const keys = ["kubernetes.io", "k8s.io"].map((d) => `${prefix}${d}/test`);
    const requirements = keys.map((k) => req(k, "In", "test-value"));
    // Upstream provisions one pod per domain against the same NodePool; each lands with both labels.
    for (const key of keys) expectScheduledWith({ requirements }, { [key]: "test-value" });
  };
  const wellKnownList = (): void => {
    const selectors: StringMap[] = [
      { [ZONE]: "test-zone-1" },
      { [IT]: "default-instance-type" },
      { "kubernetes.io/arch": "arm64" },
      { "kubernetes.io/os": "linux" },
      { "karpenter.sh/capacity-type": "spot" },
    ];
    const pods = selectors.map((nodeSelector, i) => pod(`p${i}`, { nodeSelector }));
    const result = run({ pods });
    for (const p of pods) expect(landedLabels(result, p.metadata.name ?? "")).toBeDefined();
  };

  for (const title of upstreamCopies(
    "scheduling/suite",
    "Custom Constraints › Constraints Validation › should not schedule pods that have node selectors with restricted labels",
  ))
    it(title, restrictedLabels);
  for (const title of upstreamCopies(
    "scheduling/suite",
    "Custom Constraints › Constraints Validation › should not schedule pods that have node selectors with restricted domains",
  ))
    it(title, restrictedDomains);
  it(
    upstream(
      "scheduling/suite",
      "Custom Constraints › Constraints Validation › should schedule pods that have node selectors with label in the kubernetes domains",
    ),
    kubernetesDomains(""),
  );
  it(
    upstream(
      "scheduling/suite",
      "Custom Constraints › Constraints Validation › should schedule pods that have node selectors with label in kubernetes domains",
    ),
    kubernetesDomains(""),
  );
  for (const title of upstreamCopies(
    "scheduling/suite",
    "Custom Constraints › Constraints Validation › should schedule pods that have node selectors with label in subdomain from kubernetes domains",
  ))
    it(title, kubernetesDomains("subdomain."));
  for (const title of upstreamCopies(
    "scheduling/suite",
    "Custom Constraints › Constraints Validation › should schedule pods that have node selectors with label in wellknown label list",
  ))
    it(title, wellKnownList);
});

describe("Scheduling Logic (both copies)", () => {
  const testKeyPool = [req("test-key", "In", "test-value")];
  /** Pod a requires test-key In [test-value], pod b `second`; the NodePool offers both values. */
  const twoPods = (second: NodeSelectorRequirement, secondValue: string, claims: number): void => {
    const pool = nodePool("default", { requirements: [req("test-key", "In", "test-value", "another-value")] });
    const a = pod("a", { affinity: requiredTerms([req("test-key", "In", "test-value")]) });
    const b = pod("b", { affinity: requiredTerms([second]) });
    const result = run({ pods: [a, b], nodePools: [pool] });
    expect(landedLabels(result, "a")?.get("test-key")).toBe("test-value");
    expect(landedLabels(result, "b")?.get("test-key")).toBe(secondValue);
    expect(result.nodeClaims).toHaveLength(claims);
  };
  const cases: readonly (readonly [readonly string[], () => void])[] = [
    [
      upstreamCopies(
        "scheduling/suite",
        "Custom Constraints › Scheduling Logic › should not schedule pods that have node selectors with In operator and undefined key",
      ),
      () => expectNotScheduled({ nodeRequirements: [req("test-key", "In", "test-value")] }),
    ],
    [
      upstreamCopies(
        "scheduling/suite",
        "Custom Constraints › Scheduling Logic › should schedule pods that have node selectors with NotIn operator and undefined key",
      ),
      () => expect(schedule1({ nodeRequirements: [req("test-key", "NotIn", "test-value")] })?.get("test-key")).not.toBe("test-value"),
    ],
    [
      upstreamCopies(
        "scheduling/suite",
        "Custom Constraints › Scheduling Logic › should not schedule pods that have node selectors with Exists operator and undefined key",
      ),
      () => expectNotScheduled({ nodeRequirements: [req("test-key", "Exists")] }),
    ],
    [
      upstreamCopies("scheduling/suite", "Custom Constraints › Scheduling Logic › should schedule pods that with DoesNotExists operator and undefined key"),
      () => {
        const labels = schedule1({ nodeRequirements: [req("test-key", "DoesNotExist")] });
        expect(labels).toBeDefined();
        expect(labels?.has("test-key")).toBe(false);
      },
    ],
    [
      upstreamCopies("scheduling/suite", "Custom Constraints › Scheduling Logic › should schedule unconstrained pods that don't have matching node selectors"),
      () => expectScheduledWith({ requirements: testKeyPool }, { "test-key": "test-value" }),
    ],
    [
      upstreamCopies(
        "scheduling/suite",
        "Custom Constraints › Scheduling Logic › should schedule pods that have node selectors with matching value and In operator",
      ),
      () => expectScheduledWith({ requirements: testKeyPool, nodeRequirements: [req("test-key", "In", "test-value")] }, { "test-key": "test-value" }),
    ],
    [
      upstreamCopies(
        "scheduling/suite",
        "Custom Constraints › Scheduling Logic › should not schedule pods that have node selectors with matching value and NotIn operator",
      ),
      () => expectNotScheduled({ requirements: testKeyPool, nodeRequirements: [req("test-key", "NotIn", "test-value")] }),
    ],
    [
      upstreamCopies("scheduling/suite", "Custom Constraints › Scheduling Logic › should schedule the pod with Exists operator and defined key"),
      () => expectScheduledWith({ requirements: testKeyPool, nodeRequirements: [req("test-key", "Exists")] }),
    ],
    [
      upstreamCopies("scheduling/suite", "Custom Constraints › Scheduling Logic › should not schedule the pod with DoesNotExists operator and defined key"),
      () => expectNotScheduled({ requirements: testKeyPool, nodeRequirements: [req("test-key", "DoesNotExist")] }),
    ],
    [
      upstreamCopies(
        "scheduling/suite",
        "Custom Constraints › Scheduling Logic › should not schedule pods that have node selectors with different value and In operator",
      ),
      () => expectNotScheduled({ requirements: testKeyPool, nodeRequirements: [req("test-key", "In", "another-value")] }),
    ],
    [
      upstreamCopies(
        "scheduling/suite",
        "Custom Constraints › Scheduling Logic › should schedule pods that have node selectors with different value and NotIn operator",
      ),
      () => expectScheduledWith({ requirements: testKeyPool, nodeRequirements: [req("test-key", "NotIn", "another-value")] }, { "test-key": "test-value" }),
    ],
    [
      upstreamCopies("scheduling/suite", "Custom Constraints › Scheduling Logic › should schedule compatible pods to the same node"),
      () => twoPods(req("test-key", "NotIn", "another-value"), "test-value", 1),
    ],
    [
      upstreamCopies("scheduling/suite", "Custom Constraints › Scheduling Logic › should schedule incompatible pods to the different node"),
      () => twoPods(req("test-key", "In", "another-value"), "another-value", 2),
    ],
    [
      upstreamCopies("scheduling/suite", "Custom Constraints › Scheduling Logic › Exists operator should not overwrite the existing value"),
      () => expectNotScheduled({ nodeRequirements: [req(ZONE, "In", "non-existent-zone"), req(ZONE, "Exists")] }),
    ],
  ];
  for (const [titles, check] of cases) for (const title of titles) it(title, check);
});

/**
 * Upstream's NodeOverlay validation tests, translated one by one (Karpenter v1.14.1
 * pkg/apis/v1alpha1/nodeoverlay_validation_test.go, "CEL/Validation"). Upstream asserts two checks: the API server's
 * (`env.Client.Create`, the CRD's CEL rules), which here is reading the document (`safeFromKubernetes`), and the
 * controller's (`RuntimeValidate`), which here is `applyNodeOverlays` listing the overlay as `invalid`. A test
 * asserts only the checks upstream's asserts. A translated test's title is `upstream(file, path)`, which the
 * upstream ledger (test/scenarios/upstream/) counts.
 */
import { describe, expect, test } from "vitest";
import { safeFromKubernetes } from "../../src/kubernetes/index.js";
import { applyNodeOverlays } from "../../src/overlays/index.js";
import { fakeInstanceTypes } from "../../src/testing/fake-catalog.js";
import type { NodeOverlay } from "../../src/types/node-overlay.js";
import { upstream } from "../scenarios/upstream/files.js";

type Spec = NodeOverlay["spec"];
type Requirements = NonNullable<Spec["requirements"]>;
const ZONE = "topology.kubernetes.io/zone";

// Upstream's BeforeEach: an overlay whose only requirement is `karpenter.sh/capacity-type Exists`.
const overlay = (spec: Spec): NodeOverlay => ({
  metadata: { name: "overlay" },
  spec: { requirements: [{ key: "karpenter.sh/capacity-type", operator: "Exists" }], ...spec },
});

/** Upstream's `env.Client.Create(ctx, nodeOverlay)` succeeding: nodefit reads the document. */
function created(spec: Spec): boolean {
  return safeFromKubernetes([{ object: { apiVersion: "karpenter.sh/v1alpha1", kind: "NodeOverlay", ...overlay(spec) } }]).ok;
}

/** Upstream's `nodeOverlay.RuntimeValidate(ctx)` succeeding: `applyNodeOverlays` does not refuse it as invalid. */
function runtimeValid(spec: Spec): boolean {
  return !applyNodeOverlays(fakeInstanceTypes(), [overlay(spec)]).conflicts.some((c) => c.reason === "invalid");
}

describe("NodeOverlay requirements", () => {
  test(upstream("v1alpha1/nodeoverlay_validation", "Requirements › should fail for no values for In operator"), () => {
    const spec = { requirements: [{ key: "Test", operator: "In" }] };
    expect([created(spec), runtimeValid(spec)]).toEqual([false, false]);
  });

  test(upstream("v1alpha1/nodeoverlay_validation", "Requirements › should fail for no values for NotIn operator"), () => {
    const spec = { requirements: [{ key: "Test", operator: "NotIn" }] };
    expect([created(spec), runtimeValid(spec)]).toEqual([false, false]);
  });

  test(upstream("v1alpha1/nodeoverlay_validation", "Requirements › should succeed for valid requirement keys"), () => {
    const spec = { requirements: [{ key: "Test", operator: "Exists" }] };
    expect([created(spec), runtimeValid(spec)]).toEqual([true, true]);
  });

  test(upstream("v1alpha1/nodeoverlay_validation", "Requirements › should succeed for valid requirement keys #2"), () => {
    const spec = { requirements: ["Test", "test.com/Test", "test.com.com/test", "key-only"].map((key) => ({ key, operator: "Exists" })) };
    expect([created(spec), runtimeValid(spec)]).toEqual([true, true]);
  });

  test(upstream("v1alpha1/nodeoverlay_validation", "Requirements › should fail for invalid requirement keys"), () => {
    for (const key of ["test.com.com}", "Test.com/test", "test/test/test", "test/", "/test"]) {
      const spec = { requirements: [{ key, operator: "Exists" }] };
      expect([key, created(spec), runtimeValid(spec)]).toEqual([key, false, false]);
    }
  });

  test(upstream("v1alpha1/nodeoverlay_validation", "Requirements › should fail for restricted domains"), () => {
    // RestrictedLabelDomains is karpenter.sh alone in v1.14.
    const spec = { requirements: [{ key: "karpenter.sh/test", operator: "In", values: ["test"] }] };
    expect([created(spec), runtimeValid(spec)]).toEqual([false, false]);
  });

  test(upstream("v1alpha1/nodeoverlay_validation", "Requirements › should allow for the karpenter.sh/nodepool label"), () => {
    const spec = { requirements: [{ key: "karpenter.sh/nodepool", operator: "In", values: ["silly-name"] }] };
    expect([created(spec), runtimeValid(spec)]).toEqual([true, true]);
  });

  test(upstream("v1alpha1/nodeoverlay_validation", "Requirements › should fail at runtime for requirement keys that are too long"), () => {
    // The API server admits both keys; only the runtime check refuses them.
    for (const key of [`test.com.test.${"a".repeat(250)}/test`, `test.com.test/test-${"a".repeat(250)}`]) {
      const spec = { requirements: [{ key, operator: "Exists" }] };
      expect([created(spec), runtimeValid(spec)]).toEqual([true, false]);
    }
  });

  test(upstream("v1alpha1/nodeoverlay_validation", "Requirements › should allow supported ops"), () => {
    const requirements: Requirements = [
      { key: ZONE, operator: "In", values: ["test"] },
      { key: ZONE, operator: "Gt", values: ["1"] },
      { key: ZONE, operator: "Lt", values: ["1"] },
      { key: ZONE, operator: "Gte", values: ["1"] },
      { key: ZONE, operator: "Lte", values: ["1"] },
      { key: ZONE, operator: "NotIn", values: ["1"] },
      { key: ZONE, operator: "Exists" },
    ];
    expect([created({ requirements }), runtimeValid({ requirements })]).toEqual([true, true]);
  });

  test(upstream("v1alpha1/nodeoverlay_validation", "Requirements › should fail for unsupported ops"), () => {
    const spec = { requirements: [{ key: ZONE, operator: "unknown", values: ["test"] }] };
    expect([created(spec), runtimeValid(spec)]).toEqual([false, false]);
  });

  test(upstream("v1alpha1/nodeoverlay_validation", "Requirements › should allow kubernetes domains exceptions"), () => {
    for (const domain of ["kubernetes.io", "k8s.io"]) {
      const spec = { requirements: [{ key: `${domain}/test`, operator: "In", values: ["test"] }] };
      expect([created(spec), runtimeValid(spec)]).toEqual([true, true]);
    }
  });

  test(upstream("v1alpha1/nodeoverlay_validation", "Requirements › should allow kubernetes subdomains exceptions"), () => {
    for (const domain of ["kubernetes.io", "k8s.io"]) {
      const spec = { requirements: [{ key: `subdomain.${domain}/test`, operator: "In", values: ["test"] }] };
      expect([created(spec), runtimeValid(spec)]).toEqual([true, true]);
    }
  });

  test(upstream("v1alpha1/nodeoverlay_validation", "Requirements › should allow well known label exceptions"), () => {
    // Upstream's WellKnownLabels without karpenter.sh/nodepool and karpenter.sh/capacity-type.
    const labels = [
      ZONE,
      "topology.kubernetes.io/region",
      "node.kubernetes.io/instance-type",
      "kubernetes.io/arch",
      "kubernetes.io/os",
      "node.kubernetes.io/windows-build",
    ];
    for (const key of labels) {
      const spec = { requirements: [{ key, operator: "In", values: ["test"] }] };
      expect([created(spec), runtimeValid(spec)]).toEqual([true, true]);
    }
  });

  test(upstream("v1alpha1/nodeoverlay_validation", "Requirements › should allow non-empty set after removing overlapped value"), () => {
    const requirements: Requirements = [
      { key: ZONE, operator: "In", values: ["test", "foo"] },
      { key: ZONE, operator: "NotIn", values: ["test", "bar"] },
    ];
    expect([created({ requirements }), runtimeValid({ requirements })]).toEqual([true, true]);
  });

  test(upstream("v1alpha1/nodeoverlay_validation", "Requirements › should allow empty requirements"), () => {
    const spec = { requirements: [{ key: "test", operator: "Exists" }] };
    expect([created(spec), runtimeValid(spec)]).toEqual([true, true]);
  });

  const BOUNDS = {
    Gt: upstream("v1alpha1/nodeoverlay_validation", "Requirements › should fail with invalid GT or LT values"),
    Gte: upstream("v1alpha1/nodeoverlay_validation", "Requirements › should fail with invalid GTE or LTE values"),
  } as const;
  for (const [entry, operators] of [
    ["Gt", ["Gt", "Lt"]],
    ["Gte", ["Gte", "Lte"]],
  ] as const) {
    test(BOUNDS[entry], () => {
      for (const operator of operators) {
        for (const values of [[], ["1", "2"], ["a"], ["-1"]]) {
          const spec = { requirements: [{ key: ZONE, operator, values }] };
          expect([operator, values, created(spec), runtimeValid(spec)]).toEqual([operator, values, false, false]);
        }
      }
    });
  }
});

describe("NodeOverlay price and priceAdjustment", () => {
  test(upstream("v1alpha1/nodeoverlay_validation", "shout not be able to set both price and priceAdjustment"), () => {
    expect(created({ price: "0.432", priceAdjustment: "+10%" })).toBe(false);
  });

  // Upstream's "priceAdjustment › Invalid Input" table sets `price` (not `priceAdjustment`) to each input, so
  // these assert that `price` refuses them.
  for (const [title, input] of [
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › No explicit plus sign allowed"), "+42"],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › Must have leading digit"), ".5"],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › Must have trailing digits after decimal"), "42."],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › No percentage sign allowed"), "42%"],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › No commas allowed"), "3,14"],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › No scientific notation"), "1e10"],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › No hex notation"), "0x42"],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › No text"), "forty-two"],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › No letters"), "42a"],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › No spaces"), "42 "],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › No spaces #2"), " 42"],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › Multiple decimal points"), "42.0.0"],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › Just a sign"), "-"],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › Just a decimal point"), "."],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › No leading digit after sign"), "-100.0%"],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › less -100% float "), "-101.1%"],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › Invalid Input › less -100% integer "), "-129"],
    [upstream("v1alpha1/nodeoverlay_validation", "price › Invalid Input › No explicit plus sign allowed"), "+42"],
    [upstream("v1alpha1/nodeoverlay_validation", "price › Invalid Input › Must have leading digit"), ".5"],
    [upstream("v1alpha1/nodeoverlay_validation", "price › Invalid Input › Must have trailing digits after decimal"), "42."],
    [upstream("v1alpha1/nodeoverlay_validation", "price › Invalid Input › No percentage sign allowed"), "42%"],
    [upstream("v1alpha1/nodeoverlay_validation", "price › Invalid Input › No commas allowed"), "3,14"],
    [upstream("v1alpha1/nodeoverlay_validation", "price › Invalid Input › No scientific notation"), "1e10"],
    [upstream("v1alpha1/nodeoverlay_validation", "price › Invalid Input › No hex notation"), "0x42"],
    [upstream("v1alpha1/nodeoverlay_validation", "price › Invalid Input › No text"), "forty-two"],
    [upstream("v1alpha1/nodeoverlay_validation", "price › Invalid Input › No letters"), "42a"],
    [upstream("v1alpha1/nodeoverlay_validation", "price › Invalid Input › No spaces"), "42 "],
    [upstream("v1alpha1/nodeoverlay_validation", "price › Invalid Input › No spaces #2"), " 42"],
    [upstream("v1alpha1/nodeoverlay_validation", "price › Invalid Input › Multiple decimal points"), "42.0.0"],
    [upstream("v1alpha1/nodeoverlay_validation", "price › Invalid Input › Just a sign"), "-"],
    [upstream("v1alpha1/nodeoverlay_validation", "price › Invalid Input › Just a decimal point"), "."],
    [upstream("v1alpha1/nodeoverlay_validation", "price › Invalid Input › No leading digit after sign"), "-.42"],
  ] as const) {
    test(title, () => {
      expect(created({ price: input })).toBe(false);
    });
  }

  for (const [title, input, accepted] of [
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › should not allow an unsigned priceAdjustment percentage"), "1%", false],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › should not allow an unsigned priceAdjustment integer"), "1", false],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › should not allow an unsigned priceAdjustment float"), "1.3", false],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › should allow positive percentage value for priceAdjustment field"), "+1%", true],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › should allow negative percentage less then 0%"), "-1%", true],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › should allow negative percentage -100%"), "-100%", true],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › should allow positive percentage greater then 100%"), "+100.102%", true],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › should allow positive percentage greater then 100% with an integer"), "+298%", true],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › should allow positive integer value"), "+43", true],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › should allow negative integer value"), "-43", true],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › should allow positive float value"), "+34.43", true],
    [upstream("v1alpha1/nodeoverlay_validation", "priceAdjustment › should allow negative float value"), "-34.43", true],
  ] as const) {
    test(title, () => {
      expect(created({ priceAdjustment: input })).toBe(accepted);
    });
  }

  test(upstream("v1alpha1/nodeoverlay_validation", "price › should allow integer value"), () => {
    expect(created({ price: "43" })).toBe(true);
  });

  test(upstream("v1alpha1/nodeoverlay_validation", "price › should allow float value"), () => {
    expect(created({ price: "34.43" })).toBe(true);
  });
});

describe("NodeOverlay capacity", () => {
  test(upstream("v1alpha1/nodeoverlay_validation", "Capacity › should allow custom resources"), () => {
    const spec = { capacity: { "smarter-devices/fuse": "1" } };
    expect([created(spec), runtimeValid(spec)]).toEqual([true, true]);
  });

  for (const [title, name, quantity] of [
    [upstream("v1alpha1/nodeoverlay_validation", "Capacity › should not allow cpu resources override"), "cpu", "1"],
    [upstream("v1alpha1/nodeoverlay_validation", "Capacity › should not allow memory resources override"), "memory", "34Gi"],
    [upstream("v1alpha1/nodeoverlay_validation", "Capacity › should not allow pod resources override"), "pods", "324"],
  ] as const) {
    test(title, () => {
      const spec = { capacity: { [name]: quantity } };
      expect([created(spec), runtimeValid(spec)]).toEqual([false, false]);
    });
  }
});

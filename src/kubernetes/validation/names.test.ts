import { describe, expect, it } from "vitest";
import { dnsLabelProblem, dnsSubdomainProblem, labelKeyProblem, labelValueProblem } from "./names.js";
import { isTerminalPodPhase, podPhaseProblem } from "./pod-phase.js";
import { extendedResourceProblem, isExtendedResourceName } from "./extended-resources.js";
import { selectorProblem } from "./selector.js";

describe("names and labels (Kubernetes apimachinery rules)", () => {
  it.each(["a", "web-1", "a.b.c", "0", "x".repeat(253)])("subdomain %s is valid", (name) => expect(dnsSubdomainProblem(name)).toBeUndefined());
  it.each(["Web", "-a", "a-", "a_b", "a..b", "", "x".repeat(254), "a b"])("subdomain %j is not", (name) => expect(dnsSubdomainProblem(name)).toBeDefined());
  it.each(["default", "kube-system", "x".repeat(63)])("namespace %s is valid", (name) => expect(dnsLabelProblem(name)).toBeUndefined());
  it.each(["a.b", "Default", "x".repeat(64)])("namespace %j is not", (name) => expect(dnsLabelProblem(name)).toBeDefined());
  it.each(["app", "app.kubernetes.io/name", "A_b-C.d", "karpenter.sh/nodepool", `${"x".repeat(253)}/${"y".repeat(63)}`])("label key %s is valid", (key) =>
    expect(labelKeyProblem(key)).toBeUndefined(),
  );
  it.each(["", "/a", "a/", "a/b/c", "-a", "a-", "Example.com/a", "a b", "x".repeat(64), `${"x".repeat(254)}/a`, "__proto__-"])("label key %j is not", (key) =>
    expect(labelKeyProblem(key)).toBeDefined(),
  );
  it.each(["", "v1", "A_b-C.d", "x".repeat(63)])("label value %j is valid", (value) => expect(labelValueProblem(value)).toBeUndefined());
  it.each(["-v", "v-", "a/b", "a b", "x".repeat(64)])("label value %j is not", (value) => expect(labelValueProblem(value)).toBeDefined());
  it("quotes a long bad key by its first 100 characters", () => {
    expect(labelKeyProblem("!".repeat(1_000_000))?.length).toBeLessThan(400);
  });
});

describe("pod phases", () => {
  it("knows Kubernetes' five phases; Bogus is refused", () => {
    for (const phase of ["Pending", "Running", "Succeeded", "Failed", "Unknown", undefined]) expect(podPhaseProblem(phase)).toBeUndefined();
    expect(podPhaseProblem("Bogus")).toBe('"Bogus" is not a pod phase; expected one of "Pending", "Running", "Succeeded", "Failed", "Unknown"');
    expect(podPhaseProblem(3)).toBeDefined();
    expect([isTerminalPodPhase("Succeeded"), isTerminalPodPhase("Failed"), isTerminalPodPhase("Running")]).toEqual([true, true, false]);
  });
});

describe("extended resources", () => {
  it("are names with a domain outside kubernetes.io", () => {
    expect(["nvidia.com/gpu", "example.com/dongle"].map(isExtendedResourceName)).toEqual([true, true]);
    expect(["cpu", "hugepages-2Mi", "kubernetes.io/batch-cpu", "requests.nvidia.com/gpu"].map(isExtendedResourceName)).toEqual([false, false, false, false]);
  });

  it('come in whole units: "0.5" and "500m" are refused, "1", "2", "1k" and 3 are not', () => {
    expect(extendedResourceProblem("nvidia.com/gpu", "0.5")).toBe(
      '"0.5" of the extended resource "nvidia.com/gpu" is not a whole number; extended resources come in whole units',
    );
    expect(extendedResourceProblem("nvidia.com/gpu", "500m")).toBeDefined();
    for (const q of ["1", "2", "1k", 3, "1Ki"]) expect(extendedResourceProblem("nvidia.com/gpu", q)).toBeUndefined();
    expect(extendedResourceProblem("cpu", "0.5")).toBeUndefined();
    expect(extendedResourceProblem("nvidia.com/gpu", "abc")).toBeUndefined(); // the quantity check reports it
  });
});

describe("workload selectors", () => {
  it("must select the template's labels and must not be empty", () => {
    expect(selectorProblem({ matchLabels: { app: "web" } }, { app: "web", tier: "1" })).toBeUndefined();
    expect(selectorProblem({ matchLabels: { app: "api" } }, { app: "web" })).toBe("does not select the pod template's labels (spec.template.metadata.labels)");
    expect(selectorProblem({ matchExpressions: [{ key: "app", operator: "In", values: ["web"] }] }, undefined)).toBeDefined();
    expect(selectorProblem({}, { app: "web" })).toBe("an empty selector is not allowed: it would select every pod");
    expect(selectorProblem(undefined, { app: "web" })).toBeUndefined();
  });
});

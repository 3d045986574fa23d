import { describe, expect, it } from "vitest";
import { fromKubernetes, safeFromKubernetes } from "./from-kubernetes.js";
import { apiGroup } from "./kinds.js";
import { inFile, pod } from "./test-documents.js";

const thirdParty = [
  { apiVersion: "cert-manager.io/v1", kind: "Certificate", metadata: { name: "tls" } },
  { apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", metadata: { name: "web" } },
  { apiVersion: "karpenter.kwok.sh/v1alpha1", kind: "KWOKNodeClass", metadata: { name: "default" } },
  { apiVersion: "cert-manager.io/v1", kind: "Certificate", metadata: { name: "tls-2" } },
];

describe("kinds nodefit does not read", () => {
  it("skips and counts kinds of groups it does not read, next to ConfigMaps", () => {
    const input = fromKubernetes(inFile("dump.yaml", pod("p"), ...thirdParty, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } }));
    expect(input.pods).toHaveLength(1);
    expect([...input.skipped]).toEqual([
      ["Certificate", 2],
      ["ConfigMap", 1],
      ["KWOKNodeClass", 1],
      ["Rollout", 1],
    ]);
  });

  it("skips third-party lists item by item", () => {
    const list = { apiVersion: "cert-manager.io/v1", kind: "CertificateList", items: [{ metadata: { name: "a" } }, { metadata: { name: "b" } }] };
    expect([...fromKubernetes([{ object: list }]).skipped]).toEqual([["Certificate", 2]]);
  });

  it.each(["v1", "apps/v1", "batch/v1", "policy/v1", "karpenter.sh/v1", "karpenter.k8s.aws/v1", "nodefit.dev/v1alpha1"])(
    "an unknown kind of %s is an error (a typo)",
    (apiVersion) => {
      const result = safeFromKubernetes(inFile("m.yaml", { apiVersion, kind: "Deploymnet", metadata: { name: "x" } }));
      expect(result.ok ? "" : result.error.message).toBe(`m.yaml: document 1 (Deploymnet): kind: unknown kind "Deploymnet" (apiVersion "${apiVersion}")`);
    },
  );

  it("strict refuses every unknown kind, and still skips the known ones", () => {
    const result = safeFromKubernetes(inFile("dump.yaml", ...thirdParty.slice(0, 2), { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } }), {
      strict: true,
    });
    expect(result.ok ? "" : result.error.message).toBe(
      [
        `dump.yaml: document 1 (Certificate): kind: unknown kind "Certificate" (apiVersion "cert-manager.io/v1")`,
        `dump.yaml: document 2 (Rollout): kind: unknown kind "Rollout" (apiVersion "argoproj.io/v1alpha1")`,
      ].join("\n"),
    );
    expect([...fromKubernetes(inFile("c.yaml", { apiVersion: "v1", kind: "ConfigMap" }), { strict: true }).skipped]).toEqual([["ConfigMap", 1]]);
  });

  it("apiGroup reads the group of an apiVersion", () => {
    expect([apiGroup("v1"), apiGroup("apps/v1"), apiGroup("cert-manager.io/v1")]).toEqual(["", "apps", "cert-manager.io"]);
  });
});

import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { taintArbitrary } from "../testing/arbitraries/taints.js";
import type { Taint } from "../types/kubernetes.js";
import { EPHEMERAL_TAINTS, isEphemeralTaint } from "./ephemeral.js";

describe("isEphemeralTaint", () => {
  const cases: ReadonlyArray<readonly [Taint, boolean]> = [
    [{ key: "node.kubernetes.io/not-ready", effect: "NoSchedule" }, true],
    [{ key: "node.kubernetes.io/not-ready", effect: "NoExecute" }, true],
    [{ key: "node.kubernetes.io/not-ready", effect: "PreferNoSchedule" }, false],
    [{ key: "node.kubernetes.io/unreachable", effect: "NoSchedule" }, true],
    [{ key: "node.kubernetes.io/unreachable", effect: "NoExecute" }, false],
    [{ key: "node.cloudprovider.kubernetes.io/uninitialized", value: "true", effect: "NoSchedule" }, true],
    [{ key: "node.cloudprovider.kubernetes.io/uninitialized", value: "true", effect: "NoExecute" }, false],
    [{ key: "karpenter.sh/unregistered", effect: "NoExecute" }, true],
    [{ key: "karpenter.sh/unregistered", effect: "NoSchedule" }, false],
    [{ key: "readiness.k8s.io/network", value: "pending", effect: "NoSchedule" }, true],
    [{ key: "readiness.k8s.io/", effect: "PreferNoSchedule" }, true],
    [{ key: "example.com/readiness.k8s.io/x", effect: "NoSchedule" }, false],
    [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }, false],
  ];
  it.each(cases)("%o → %s", (taint, expected) => {
    expect(isEphemeralTaint(taint)).toBe(expected);
  });

  it("lists the five known taints, frozen", () => {
    expect(EPHEMERAL_TAINTS).toHaveLength(5);
    expect(Object.isFrozen(EPHEMERAL_TAINTS)).toBe(true);
    for (const taint of EPHEMERAL_TAINTS) expect(isEphemeralTaint(taint)).toBe(true);
  });

  test.prop([taintArbitrary()])("a readiness.k8s.io/ prefix makes any taint ephemeral", (taint) => {
    expect(isEphemeralTaint({ ...taint, key: `readiness.k8s.io/${taint.key}` })).toBe(true);
  });
});

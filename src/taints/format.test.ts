import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { taintArbitrary } from "../testing/arbitraries/taints.js";
import type { Taint } from "../types/kubernetes.js";
import { formatTaint } from "./format.js";

describe("formatTaint", () => {
  const cases: ReadonlyArray<readonly [Taint, string]> = [
    [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }, "dedicated=gpu:NoSchedule"],
    [{ key: "spot", effect: "NoExecute" }, "spot:NoExecute"],
    [{ key: "spot", value: "", effect: "PreferNoSchedule" }, "spot:PreferNoSchedule"],
    [{ key: "a", value: "b", effect: "" }, "a=b"],
    [{ key: "__proto__", value: "x", effect: "NoSchedule" }, "__proto__=x:NoSchedule"],
  ];
  it.each(cases)("%o → %s", (taint, expected) => {
    expect(formatTaint(taint)).toBe(expected);
  });

  test.prop([taintArbitrary()])("starts with the key and ends with the effect", (taint) => {
    const text = formatTaint(taint);
    expect(text.startsWith(taint.key)).toBe(true);
    expect(text.endsWith(`:${taint.effect}`)).toBe(true);
  });
});

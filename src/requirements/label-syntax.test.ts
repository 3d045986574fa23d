import { describe, expect, it } from "vitest";
import { isQualifiedName, isValidLabelValue } from "./label-syntax.js";

describe("label syntax (apimachinery's IsQualifiedName / IsValidLabelValue)", () => {
  it("accepts qualified names with and without a prefix", () => {
    for (const key of ["zone", "app.kubernetes.io/name", "example.com/fpga_count", "a", "A-b.c_d"]) expect(isQualifiedName(key)).toBe(true);
  });

  it("refuses bad names and prefixes", () => {
    for (const key of ["", "-zone", "zone-", "Example.com/x", "a..b/x", "/x", "x/", "a/b/c", `${"a".repeat(64)}`, `${"a".repeat(254)}/x`]) {
      expect(isQualifiedName(key)).toBe(false);
    }
  });

  it("accepts the empty value and name segments, refuses the rest", () => {
    for (const value of ["", "amd64", "us-east-1a", "1", "v1.2_3"]) expect(isValidLabelValue(value)).toBe(true);
    for (const value of ["-1", "a b", "x/y", "a-", "a".repeat(64)]) expect(isValidLabelValue(value)).toBe(false);
  });
});

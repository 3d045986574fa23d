import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { brand, hasBrand } from "./brand.js";

describe("brands", () => {
  it("recognise a branded object by kind and version", () => {
    class Index {
      constructor() {
        brand(this, "InstanceTypeIndex");
      }
    }
    const index = new Index();
    expect(hasBrand(index, "InstanceTypeIndex")).toBe(true);
    expect(hasBrand(index, "InstanceTypeIndex", 2)).toBe(false);
    expect(hasBrand(index, "Other")).toBe(false);
    expect(hasBrand({ ...index }, "InstanceTypeIndex")).toBe(false);
    expect(JSON.stringify(index)).toBe("{}");
  });

  it("are shared by another copy of the module (the global symbol registry), unlike instanceof", async () => {
    // A second instance of the module, as a CJS and an ESM copy of nodefit are.
    const specifier = new URL("./brand.ts?copy", import.meta.url).href;
    const copy = (await import(/* @vite-ignore */ specifier)) as typeof import("./brand.js");
    expect(copy.hasBrand).not.toBe(hasBrand);
    class A {}
    class B {}
    const a = brand(new A(), "InstanceTypeIndex");
    expect(a instanceof B).toBe(false);
    expect(copy.hasBrand(a, "InstanceTypeIndex")).toBe(true);
    expect(hasBrand(copy.brand(new B(), "InstanceTypeIndex"), "InstanceTypeIndex")).toBe(true);
  });

  test.prop([fc.anything()], { numRuns: 100 })("never claim an unbranded value", (value) => {
    expect(hasBrand(value, "InstanceTypeIndex")).toBe(false);
  });
});

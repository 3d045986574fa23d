import { describe, expect, expectTypeOf, it } from "vitest";
import { InputError, NodefitError, QuantityError, RequirementError, type NodefitErrorCode } from "./errors.js";

describe("NodefitError", () => {
  it("has one of the documented codes, typed as their union", () => {
    expectTypeOf<NodefitError["code"]>().toEqualTypeOf<NodefitErrorCode>();
    expect([new InputError("x").code, new QuantityError("x").code, new RequirementError("x").code]).toEqual([
      "invalid-input",
      "invalid-quantity",
      "invalid-requirement",
    ]);
  });

  it("keeps the error it wraps as the standard cause", () => {
    const cause = new SyntaxError("bad YAML");
    const error = new InputError("file.yaml: cannot be parsed", ["file.yaml"], { cause });
    expect(error.cause).toBe(cause);
    expect(new NodefitError("invalid-input", "m", [], { cause }).cause).toBe(cause);
    expect(new QuantityError("m").cause).toBeUndefined();
  });
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { cutText, showValue } from "./show-value.js";

describe("cutText and showValue", () => {
  it("keeps short texts and cuts long ones with their length", () => {
    expect(cutText("abc", 3)).toBe("abc");
    expect(cutText("abcd", 3)).toBe("abc… (4 characters)");
    expect(showValue("x".repeat(101))).toBe(`"${"x".repeat(100)}"… (101 characters)`);
  });

  it("never splits a surrogate pair", () => {
    expect(cutText("ab😀cd", 3)).toBe("ab… (6 characters)");
  });

  test.prop([fc.string({ unit: "grapheme", maxLength: 300 }), fc.integer({ min: 1, max: 200 })])(
    "the kept part is a well-formed prefix of the text",
    (text, max) => {
      const cut = cutText(text, max);
      const kept = cut === text ? text : cut.slice(0, cut.lastIndexOf("… ("));
      expect(text.startsWith(kept)).toBe(true);
      expect(kept.length).toBeLessThanOrEqual(max);
      expect(/[\uD800-\uDBFF]$/.test(kept)).toBe(false);
    },
  );
});

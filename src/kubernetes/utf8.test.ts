import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "./utf8.js";

const strict = new TextDecoder("utf-8", { fatal: true });

/** The offset of the first bad byte by brute force: the end of the longest prefix a strict decoder reads. */
function firstBadByte(bytes: Uint8Array): number | undefined {
  const decodes = (n: number): boolean => {
    try {
      strict.decode(bytes.subarray(0, n));
      return true;
    } catch {
      return false;
    }
  };
  if (decodes(bytes.length)) return undefined;
  let longest = 0;
  for (let n = 1; n < bytes.length; n++) if (decodes(n)) longest = n;
  return longest;
}

describe("decodeUtf8", () => {
  it.each([
    [[0x61, 0xe9, 0x62], 1],
    [[0xc0, 0x80], 0], // overlong NUL
    [[0xed, 0xa0, 0x80], 0], // a surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0x61, 0xe2, 0x82], 1], // truncated at the end
    [[0xe2, 0x82, 0xac, 0x80], 3], // a stray continuation byte
  ])("%j: first bad byte at %i", (bytes, offset) => {
    expect(decodeUtf8(new Uint8Array(bytes))).toEqual({ ok: false, offset });
  });

  it("drops a byte-order mark and keeps everything else", () => {
    expect(decodeUtf8(new TextEncoder().encode("\ufeffa: é€😀"))).toEqual({ ok: true, text: "a: é€😀" });
  });

  test.prop([fc.uint8Array({ maxLength: 24 })], { numRuns: 300 })("agrees with a strict decoder on any bytes", (bytes) => {
    const decoded = decodeUtf8(bytes);
    const bad = firstBadByte(bytes);
    if (bad === undefined) expect(decoded).toEqual({ ok: true, text: strict.decode(bytes) });
    else expect(decoded).toEqual({ ok: false, offset: bad });
  });
});

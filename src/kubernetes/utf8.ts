import { isUtf8 } from "node:buffer";

/** A file's bytes read as UTF-8 text, or the offset of the first byte that is not UTF-8. */
export type DecodedText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly offset: number };

const decoder = new TextDecoder("utf-8");

/**
 * The length of the well-formed UTF-8 sequence starting at `i`, or 0 when it is malformed (bad lead
 * byte, bad or missing continuation byte, overlong form, surrogate, or above U+10FFFF), per RFC 3629.
 */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  if (lead < 0x80) return 1;
  const [length, low, high] =
    lead >= 0xc2 && lead <= 0xdf
      ? [2, 0x80, 0xbf]
      : lead === 0xe0
        ? [3, 0xa0, 0xbf]
        : lead === 0xed
          ? [3, 0x80, 0x9f]
          : lead >= 0xe1 && lead <= 0xef
            ? [3, 0x80, 0xbf]
            : lead === 0xf0
              ? [4, 0x90, 0xbf]
              : lead === 0xf4
                ? [4, 0x80, 0x8f]
                : lead >= 0xf1 && lead <= 0xf3
                  ? [4, 0x80, 0xbf]
                  : [0, 0, 0];
  if (length === 0) return 0;
  const second = bytes[i + 1];
  if (second === undefined || second < low || second > high) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/**
 * Decodes a file's bytes as UTF-8 (a leading byte-order mark is dropped). Unlike Node's `utf8`
 * decoding, which silently replaces each bad byte with U+FFFD, a file that is not UTF-8 (Latin-1,
 * UTF-16, a binary file named `.yaml`) is reported with the offset of its first bad byte.
 *
 * @param bytes - the file's content
 * @returns the text, or the offset (from 0) of the first byte that is not part of a UTF-8 character
 * @internal
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  if (isUtf8(bytes)) return { ok: true, text: decoder.decode(bytes) };
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) break;
    i += length;
  }
  return { ok: false, offset: i };
}

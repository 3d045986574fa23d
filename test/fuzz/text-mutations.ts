/** Text edits the differential fuzz tests apply to well-formed documents, shared by the readers' tests. */
import { fc } from "@fast-check/vitest";

/** One edit: at a position (taken modulo the text's length + 1), remove some characters and insert others. */
export interface TextMutation {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/**
 * Applies the edits in order.
 *
 * @param text - the text
 * @param mutations - the edits
 * @returns the edited text
 */
export function mutate(text: string, mutations: readonly TextMutation[]): string {
  let out = text;
  for (const { at, remove, insert } of mutations) {
    const i = out.length === 0 ? 0 : at % (out.length + 1);
    out = out.slice(0, i) + insert + out.slice(i + remove);
  }
  return out;
}

/**
 * Edits at any position that remove up to three characters and insert one of `inserts` (each reader's test
 * picks the fragments that stress its grammar).
 *
 * @param inserts - the fragments to insert
 * @returns the arbitrary
 */
export function textMutation(inserts: readonly string[]): fc.Arbitrary<TextMutation> {
  return fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.constantFrom(...inserts) });
}

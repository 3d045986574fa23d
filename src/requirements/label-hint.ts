/**
 * The "did you mean" hint for a label key that has no known values.
 *
 * @module
 */

function suffix(key: string): string {
  const slash = key.lastIndexOf("/");
  return slash < 0 ? key : key.slice(slash + 1);
}

/** Levenshtein distance, used only while building an error message. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * Suggests the key a user probably meant: first a candidate with the same name after the `/`
 * (`zone` → `topology.kubernetes.io/zone`), then one that contains the bad key, then one a few
 * typos away. Candidates are tried in the given order, so the caller decides precedence.
 *
 * @param key - the key without known values
 * @param candidates - well-known and defined keys, in order of preference
 * @returns ` (typo of "<candidate>"?)`, or `""` when nothing is close
 * @internal
 */
export function labelHint(key: string, candidates: readonly string[]): string {
  const others = candidates.filter((candidate) => candidate !== key);
  const name = suffix(key);
  const match =
    others.find((candidate) => suffix(candidate) === name) ??
    others.find((candidate) => candidate.includes(key)) ??
    others.find((candidate) => editDistance(key, candidate) < candidate.length / 5);
  return match === undefined ? "" : ` (typo of "${match}"?)`;
}

/**
 * Candidate orders: upstream v1.14 sorts by savings ratio (price ÷ reschedule disruption cost), best first;
 * single-node consolidation then takes NodePools in turn.
 *
 * @module
 */
import type { Candidate } from "./candidates.js";
import { compareStrings } from "./cluster.js";

/**
 * Compares candidates the way v1.14 orders them: savings ratio descending. Ties (which upstream leaves to
 * the sort) go to the lower disruption cost (the v1.0–v1.13 key), then the name.
 *
 * @param a - first
 * @param b - second
 * @returns negative when `a` goes first
 */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return b.savingsRatio - a.savingsRatio || a.disruptionCost - b.disruptionCost || compareStrings(a.name, b.name);
}

/**
 * Sorts candidates best first (see {@link compareCandidates}). Returns a new array.
 *
 * @param candidates - the candidates
 * @returns them, sorted
 * @example
 * ```ts
 * sortCandidates(cands).map((c) => c.name);
 * ```
 */
export function sortCandidates(candidates: readonly Candidate[]): readonly Candidate[] {
  return [...candidates].sort(compareCandidates);
}

/**
 * Takes sorted candidates round-robin by NodePool (pools in the order their best candidate appears), as
 * single-node consolidation does so one pool cannot starve the others.
 *
 * @param sorted - candidates in order
 * @returns the interleaved order
 */
export function interleaveByPool(sorted: readonly Candidate[]): readonly Candidate[] {
  const queues = new Map<string, Candidate[]>();
  for (const c of sorted) {
    const q = queues.get(c.poolName);
    if (q === undefined) queues.set(c.poolName, [c]);
    else q.push(c);
  }
  const out: Candidate[] = [];
  const lists = [...queues.values()];
  for (let round = 0; out.length < sorted.length; round++) {
    for (const list of lists) {
      const c = list[round];
      if (c !== undefined) out.push(c);
    }
  }
  return out;
}

/**
 * Orders drifted candidates: empty ones first, then the longest-running (upstream orders by when the node
 * drifted, which a snapshot does not record; creation time stands in for it), then by name.
 *
 * @param candidates - drifted candidates
 * @returns them, in the order drift tries them
 */
export function sortDrifted(candidates: readonly Candidate[]): readonly Candidate[] {
  return [...candidates].sort(
    (a, b) =>
      Number(b.reschedulable.length === 0) - Number(a.reschedulable.length === 0) ||
      (a.state.createdAt ?? -Infinity) - (b.state.createdAt ?? -Infinity) ||
      compareStrings(a.name, b.name),
  );
}

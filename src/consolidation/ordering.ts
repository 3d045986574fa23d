/**
 * Candidate orders: upstream v1.14 sorts by savings ratio (price ÷ reschedule disruption cost), best first;
 * single-node consolidation then takes NodePools in turn.
 *
 * @module
 */
import type { Candidate } from "./candidates.js";
import { compareStrings } from "./cluster.js";
import { timestampMs } from "./duration.js";

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
 * Orders drifted candidates as upstream's drift method does: by when the NodeClaim's `Drifted` condition last
 * changed (earliest first; a node with no such time, drifted by nodefit's own check, counts as drifted at the
 * start of time), empty ones before the others; then the longest-running and by name, so ties are decided the
 * same way every time (upstream's sort is not stable).
 *
 * @param candidates - drifted candidates
 * @returns them, in the order drift tries them
 */
export function sortDrifted(candidates: readonly Candidate[]): readonly Candidate[] {
  const since = new Map(candidates.map((c) => [c, driftedSince(c)]));
  return [...candidates].sort(
    (a, b) =>
      Number(b.reschedulable.length === 0) - Number(a.reschedulable.length === 0) ||
      (since.get(a) ?? -Infinity) - (since.get(b) ?? -Infinity) ||
      (a.state.createdAt ?? -Infinity) - (b.state.createdAt ?? -Infinity) ||
      compareStrings(a.name, b.name),
  );
}

/** When the candidate's NodeClaim became `Drifted=True`, or -Infinity when it does not say. */
function driftedSince(c: Candidate): number {
  const condition = c.state.claim?.status?.conditions?.find((d) => d.type === "Drifted" && d.status === "True");
  return timestampMs(condition?.lastTransitionTime) ?? -Infinity;
}

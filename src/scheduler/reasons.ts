/**
 * Unschedulable reasons: combining per-NodePool refusals into one code and message.
 *
 * @module
 */
import type { NodePoolFailure, UnschedulableCode } from "./types.js";

/** Why one attempt to place a pod failed. */
export interface PlacementFailure {
  readonly code: UnschedulableCode;
  readonly message: string;
  readonly nodePools: readonly NodePoolFailure[];
  /** A reserved-capacity refusal: no relaxation, no fallback to lower-weight NodePools. */
  readonly reserved: boolean;
}

/**
 * Combines the refusals of every NodePool tried: the shared kind when they agree, `no-fit` otherwise.
 *
 * @param failures - one refusal per NodePool, in the order tried
 * @param reserved - whether the last refusal was a reserved-capacity deferral
 * @returns the combined failure
 */
export function combineFailures(failures: readonly NodePoolFailure[], reserved = false): PlacementFailure {
  const first = failures[0];
  if (first === undefined) {
    return { code: "no-nodepools", message: "no NodePool could be tried", nodePools: [], reserved };
  }
  const code: UnschedulableCode = failures.every((f) => f.kind === first.kind) ? first.kind : "no-fit";
  const message = failures.map((f) => `incompatible with nodepool "${f.nodePool}": ${f.message}`).join("; ");
  return { code, message, nodePools: failures, reserved };
}

/** The failure when no NodePool is usable at all. */
export function noNodePools(anyGiven: boolean): PlacementFailure {
  return {
    code: "no-nodepools",
    message: anyGiven ? "nodepool requirements filtered out all available instance types" : "no NodePools found",
    nodePools: [],
    reserved: false,
  };
}

/**
 * Per-plan memo tables. A plan's cluster states share every node that a command did not touch, so what is
 * derived from one node (its classification, its moving pods, its free capacity) is computed once per plan,
 * and the objects handed to the scheduler keep their identity from one simulation to the next.
 *
 * @module
 */
import type { Blocker } from "./types.js";
import type { Candidate } from "./candidates.js";
import type { NodeState } from "./cluster.js";
import type { PlanContext } from "./context.js";
import type { Pod } from "../types/kubernetes.js";
import type { ResourceList } from "../resources/index.js";

/** A node that passed the shared checks, or the reason it did not. */
export type Classified =
  | { readonly candidate: Candidate; readonly blocker?: undefined; readonly eventual?: undefined }
  | { readonly candidate?: undefined; readonly blocker: Blocker; readonly eventual?: Candidate | undefined };

/** The memo tables of one planning run (keys are never mutated, so entries stay valid). */
export interface PlanMemo {
  readonly classified: WeakMap<NodeState, Classified>;
  readonly moving: WeakMap<NodeState, readonly Pod[]>;
  /** Sum of the moving pods' requests. */
  readonly movingRequests: WeakMap<NodeState, ResourceList>;
  /** Allocatable minus the requests of the pods the scheduler counts, never below 0. */
  readonly free: WeakMap<NodeState, ResourceList>;
  readonly unbound: WeakMap<Pod, Pod>;
}

const memos = new WeakMap<PlanContext, PlanMemo>();

/**
 * The memo tables of a planning context, created on first use.
 *
 * @param ctx - the planning context
 * @returns its tables
 */
export function memoOf(ctx: PlanContext): PlanMemo {
  let memo = memos.get(ctx);
  if (memo === undefined) {
    memo = {
      classified: new WeakMap(),
      moving: new WeakMap(),
      movingRequests: new WeakMap(),
      free: new WeakMap(),
      unbound: new WeakMap(),
    };
    memos.set(ctx, memo);
  }
  return memo;
}

/**
 * Looks a key up in a memo table, computing and storing the value on a miss.
 *
 * @param table - the table
 * @param key - the key
 * @param compute - builds the value
 * @returns the stored value
 */
export function remember<K extends object, V>(table: WeakMap<K, V>, key: K, compute: (key: K) => V): V {
  const hit = table.get(key);
  if (hit !== undefined) return hit;
  const value = compute(key);
  table.set(key, value);
  return value;
}

/**
 * The scheduler's progress hook: a caller's `onProgress` sees the count of placed pods grow, reported at most
 * every ~1% of the pods (or every {@link PROGRESS_POPS} placement attempts), so a run of 100,000 pods makes
 * about a hundred calls. Counted in queue pops, never read from a clock: the calls are deterministic, and the
 * hook only observes, so results are the same with or without it.
 *
 * @module
 */
import type { ScheduleProgress } from "./types.js";

/** Attempts between two reports even when nothing new was placed (retries of unplaceable pods). */
export const PROGRESS_POPS = 1024;

/** Reports progress; `final` forces a report (the run's last one, at the totals). */
export type ProgressTick = (placed: number, final?: boolean) => void;

/**
 * A throttled reporter for one run.
 *
 * @param onProgress - the caller's hook, or undefined for none
 * @param pods - the pods the run tries to place
 * @returns the reporter, or undefined when there is no hook (the loop then does no work for it)
 */
export function progressTick(onProgress: ((progress: ScheduleProgress) => void) | undefined, pods: number): ProgressTick | undefined {
  if (onProgress === undefined) return undefined;
  const every = Math.max(1, Math.ceil(pods / 100));
  let reported = 0;
  let pops = 0;
  return (placed, final = false) => {
    pops++;
    if (!final && placed - reported < every && pops < PROGRESS_POPS) return;
    reported = placed;
    pops = 0;
    onProgress({ placed, pods });
  };
}

// A live progress line on standard error: redrawn in place on a terminal, silent otherwise (logs and pipes
// get no control characters). The CLI reports the phase it is in (reading, scheduling, planning) and, through
// the library's onProgress hooks, how far it is (pods placed, simulations run).
import type { ConsolidationProgress, ScheduleProgress } from "nodefit";

/** Shows `text` as the progress line, or clears the line when `text` is undefined. */
export type Progress = (text: string | undefined) => void;

/**
 * A progress line for a stream.
 *
 * @param interactive - whether the stream is a terminal; when false, the line is never drawn
 * @param write - writes to the stream
 * @returns the progress function
 */
export function createProgress(interactive: boolean, write: (text: string) => void): Progress {
  if (!interactive) return () => undefined;
  let shown = false;
  return (text) => {
    if (text === undefined) {
      if (shown) write("\r\x1b[K");
      shown = false;
      return;
    }
    write(`\r\x1b[K${text}`);
    shown = true;
  };
}

/**
 * The progress line while scheduling.
 *
 * @param progress - the scheduler's counts
 * @returns the line
 */
export function scheduleProgressText(progress: ScheduleProgress): string {
  return `nodefit: scheduling: ${progress.placed}/${progress.pods} pods placed…`;
}

/**
 * The progress line while planning consolidation.
 *
 * @param nodes - the nodes being planned
 * @param progress - the planner's counts
 * @returns the line
 */
export function consolidationProgressText(nodes: number, progress: ConsolidationProgress): string {
  return `nodefit: planning consolidation of ${nodes} nodes: ${progress.simulations} simulations, ${progress.commands} commands…`;
}

/**
 * The library hook that draws a progress line, or undefined when no line is drawn (not a terminal), so a
 * piped run does not even count.
 *
 * @param io - where the line goes
 * @param text - the line for the counts
 * @returns the hook
 */
export function progressHook<P>(
  io: { readonly interactive: boolean; readonly progress?: Progress | undefined } | undefined,
  text: (progress: P) => string,
): ((progress: P) => void) | undefined {
  const progress = io?.progress;
  if (progress === undefined || !io?.interactive) return undefined;
  return (p) => progress(text(p));
}

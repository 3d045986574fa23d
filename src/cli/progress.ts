// A live progress line on standard error: redrawn in place on a terminal, silent otherwise (logs and pipes
// get no control characters). The library offers no progress callback yet, so the CLI reports the phase it
// is in (reading, scheduling N pods, planning N nodes) and what it finished with.

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

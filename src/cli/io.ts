/** Where the CLI writes, so tests can capture it and `main` can bind it to the process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether standard error is an interactive terminal (progress is shown only then). */
  readonly interactive: boolean;
  /** Reads all of standard input as UTF-8 (for the path `-`); absent where there is no standard input. */
  readonly readStdin?: (() => Promise<string>) | undefined;
  /** The live progress line on standard error (see progress.ts); absent or silent when not a terminal. */
  readonly progress?: ((text: string | undefined) => void) | undefined;
}

/** Exit statuses: 0 ran (even with unschedulable pods), 1 invalid input, 2 bad usage. */
export const EXIT_OK = 0;
/** Invalid input: the message names the file, document and field. */
export const EXIT_INVALID_INPUT = 1;
/** Bad usage: unknown command or option, missing argument. */
export const EXIT_USAGE = 2;
/** `--fail-on-unschedulable` and at least one pod could not be placed (the output is still printed). */
export const EXIT_UNSCHEDULABLE = 3;
/** A bug in nodefit (sysexits' EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;
/** The output could not be written, e.g. the disk is full (sysexits' EX_IOERR). A closed pipe is not an error. */
export const EXIT_OUTPUT_FAILED = 74;

/** A command-line mistake, reported with the command's usage and exit status 2. */
export class UsageError extends Error {
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.name = "UsageError";
    this.command = command;
  }
}

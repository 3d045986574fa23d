/** Where the CLI writes, so tests can capture it and `main` can bind it to the process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether standard error is an interactive terminal (progress is shown only then). */
  readonly interactive: boolean;
}

/** Exit statuses: 0 ran (even with unschedulable pods), 1 invalid input, 2 bad usage. */
export const EXIT_OK = 0;
/** Invalid input: the message names the file, document and field. */
export const EXIT_INVALID_INPUT = 1;
/** Bad usage: unknown command or option, missing argument. */
export const EXIT_USAGE = 2;

/** A command-line mistake, reported with the command's usage and exit status 2. */
export class UsageError extends Error {
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.name = "UsageError";
    this.command = command;
  }
}

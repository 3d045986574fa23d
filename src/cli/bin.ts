import { run } from "./main.js";
import { EXIT_INTERNAL, EXIT_OK, EXIT_OUTPUT_FAILED } from "./io.js";
import { createProgress } from "./progress.js";

// The only place that touches the process: arguments, streams, the clock and the exit status.

// A reader that closed the pipe (`nodefit ... | head -1`) has all it wants: stop quietly with 0, as cat and
// kubectl do. Any other write failure (ENOSPC on `> /dev/full`, EIO) is one clear line and 74, never 1,
// which means invalid input.
function onWriteError(error: NodeJS.ErrnoException): void {
  if (error.code === "EPIPE") process.exit(EXIT_OK);
  try {
    process.stderr.write(`nodefit: cannot write the output: ${error.code ?? error.message}\n`);
  } finally {
    process.exit(EXIT_OUTPUT_FAILED);
  }
}
process.stdout.on("error", onWriteError);
// Standard error failing leaves nowhere to report anything: a closed pipe still ends quietly, anything else 74.
process.stderr.on("error", (error: NodeJS.ErrnoException) => process.exit(error.code === "EPIPE" ? EXIT_OK : EXIT_OUTPUT_FAILED));

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const interactive = process.stderr.isTTY === true;
const io = {
  stdout: (text: string): void => void process.stdout.write(text),
  stderr: (text: string): void => void process.stderr.write(text),
  interactive,
  readStdin,
  progress: createProgress(interactive, (text) => void process.stderr.write(text)),
};
run(process.argv.slice(2), io).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(
      `nodefit: internal error: ${error instanceof Error ? error.message : String(error)}\nPlease report it with the input that caused it.\n`,
    );
    process.exitCode = EXIT_INTERNAL;
  },
);

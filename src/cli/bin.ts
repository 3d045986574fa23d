import { run } from "./main.js";

// The only place that touches the process: arguments, streams, the clock and the exit status.
const io = {
  stdout: (text: string): void => void process.stdout.write(text),
  stderr: (text: string): void => void process.stderr.write(text),
  interactive: process.stderr.isTTY === true,
};
run(process.argv.slice(2), io).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`nodefit: internal error: ${error instanceof Error ? error.message : String(error)}\nPlease report it with the input that caused it.\n`);
    process.exitCode = 70;
  },
);

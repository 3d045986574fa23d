import { spawn, type StdioOptions } from "node:child_process";

/** The CLI as a real process, run from source (the built bin is checked in test/exports). */
export const CLI_COMMAND: readonly string[] = [process.execPath, "--import", "tsx", new URL("../../src/cli/bin.ts", import.meta.url).pathname];

/** What a real CLI process printed and how it ended. */
export interface ProcessRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI as a child process.
 *
 * @param args - its arguments
 * @param options - `stdin` text to write to a real pipe, `stdout` to redirect (e.g. a file descriptor),
 *   `closeAfterFirstChunk` to close the stdout pipe as soon as anything arrives (as `| head -1` does)
 * @returns its exit status and output
 */
export function spawnCli(args: readonly string[], options: { stdin?: string; stdout?: number; closeAfterFirstChunk?: boolean } = {}): Promise<ProcessRun> {
  const [command, ...prefix] = CLI_COMMAND;
  const stdio: StdioOptions = [options.stdin === undefined ? "ignore" : "pipe", options.stdout ?? "pipe", "pipe"];
  const child = spawn(command ?? "node", [...prefix, ...args], { stdio, cwd: new URL("../../", import.meta.url).pathname });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
    if (options.closeAfterFirstChunk) child.stdout?.destroy();
  });
  child.stderr?.on("data", (chunk: Buffer) => void (stderr += chunk.toString("utf8")));
  if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

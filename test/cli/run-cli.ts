import { run } from "../../src/cli/main.js";

/** What one CLI run printed and returned. */
export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured streams and a fixed clock. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const status = await run(
    argv,
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), interactive: false },
    () => new Date("2026-01-01T00:00:00Z"),
  );
  return { status, stdout, stderr };
}

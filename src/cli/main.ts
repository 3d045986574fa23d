import { VERSION } from "../version.js";
import { parseCommandLine } from "./args.js";
import { EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from "./io.js";
import { USAGE } from "./usage.js";

function codeOf(error: unknown): unknown {
  return error instanceof Error ? (error as unknown as { code?: unknown }).code : undefined;
}

// Tell nodefit's input errors apart by code, never instanceof: ESM and CJS copies must agree.
function isInputError(error: unknown): error is Error {
  const code = codeOf(error);
  return typeof code === "string" && code.startsWith("invalid-");
}

/**
 * Runs the CLI and returns its exit status; never throws for bad input or usage.
 *
 * @param argv - arguments after the program name
 * @param io - where output goes
 * @param clock - the time `--now` defaults to
 * @returns 0 when the command ran, 1 for invalid input, 2 for bad usage, 3 for unschedulable pods under
 *   `--fail-on-unschedulable`
 */
export async function run(argv: readonly string[], io: CliIo, clock: () => Date = () => new Date()): Promise<number> {
  try {
    // Each command's modules (nodefit's core, the adapters, zod, the YAML readers) are loaded when it runs,
    // so `--version` and `--help` load none of them.
    const command = parseCommandLine(argv, clock);
    switch (command.name) {
      case "help":
        io.stdout(USAGE.get(command.topic ?? "") ?? USAGE.get("") ?? "");
        return EXIT_OK;
      case "version":
        io.stdout(`nodefit ${VERSION}\n`);
        return EXIT_OK;
      case "schedule":
        return await (await import("./commands/schedule.js")).runSchedule(command, io);
      case "consolidate":
        return await (await import("./commands/consolidate.js")).runConsolidate(command, io);
      case "diff":
        return await (await import("./commands/diff.js")).runDiff(command, io);
      case "explain":
        await (await import("./commands/explain.js")).runExplain(command, io);
        return EXIT_OK;
      case "catalog":
        (await import("./commands/catalog.js")).runCatalog(command, io);
        return EXIT_OK;
    }
  } catch (error) {
    io.progress?.(undefined);
    if (error instanceof UsageError) {
      io.stderr(`nodefit: ${error.message}\n\n${USAGE.get(error.command ?? "") ?? USAGE.get("") ?? ""}`);
      return EXIT_USAGE;
    }
    if (isInputError(error)) {
      io.stderr(`nodefit: ${error.message}\n`);
      return EXIT_INVALID_INPUT;
    }
    const code = codeOf(error);
    if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
      io.stderr(`nodefit: ${(error as Error).message}\n`);
      return EXIT_INVALID_INPUT;
    }
    throw error;
  }
}

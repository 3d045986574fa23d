import { parseArgs, type ParseArgsConfig } from "node:util";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;
import { AWS_INPUT_FLAGS, awsInputsOf, type AwsCliInputs } from "./aws-inputs.js";
import { UsageError } from "./io.js";

/** Output formats every command understands. */
export type OutputFormat = "table" | "json" | "yaml" | "html";

/** A parsed command line. */
export type Command =
  | { readonly name: "help"; readonly topic: string | undefined }
  | { readonly name: "version" }
  | { readonly name: "schedule"; readonly paths: readonly string[]; readonly output: OutputFormat; readonly aws: AwsCliInputs; readonly strict: boolean }
  | {
      readonly name: "consolidate";
      readonly paths: readonly string[];
      readonly output: OutputFormat;
      readonly now: Date;
      readonly maxCommands: number | undefined;
      readonly spotToSpot: boolean;
      readonly aws: AwsCliInputs;
      readonly strict: boolean;
    }
  | {
      readonly name: "explain";
      readonly paths: readonly string[];
      readonly output: OutputFormat;
      readonly pod: string | undefined;
      readonly node: string | undefined;
      readonly now: Date;
      readonly aws: AwsCliInputs;
      readonly strict: boolean;
    }
  | { readonly name: "catalog"; readonly provider: "aws" | "azure" | "gcp"; readonly output: OutputFormat };

const FORMATS: readonly OutputFormat[] = ["table", "json", "yaml", "html"];
const COMMANDS = ["schedule", "consolidate", "explain", "catalog"] as const;

function outputOf(value: string | undefined, command: string, allowed: readonly OutputFormat[] = FORMATS): OutputFormat {
  const output = value ?? "table";
  if (!(allowed as readonly string[]).includes(output)) {
    throw new UsageError(`--output must be one of ${allowed.join(", ")}, not "${output}"`, command);
  }
  return output as OutputFormat;
}

function nowOf(value: string | undefined, command: string, clock: () => Date): Date {
  if (value === undefined) return clock();
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  const date = new Date(value);
  if (!rfc3339.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(`--now must be an RFC 3339 time such as 2026-01-01T00:00:00Z, not "${value}"`, command);
  }
  return date;
}

function needPaths(paths: readonly string[], command: string): readonly string[] {
  if (paths.length === 0) throw new UsageError("give at least one file or folder of manifests", command);
  return paths;
}

interface Parsed {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

function parse(command: string, argv: readonly string[], options: ParseArgsOptionsConfig): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Parsed["values"], positionals };
  } catch (error) {
    throw new UsageError((error as Error).message, command);
  }
}

/**
 * Parses the command line (without `node` and the script path).
 *
 * @param argv - the arguments after the program name
 * @param clock - where `--now` defaults come from (the CLI is the only place that reads the clock)
 * @returns the command to run
 * @throws UsageError for anything the user must correct
 */
export function parseCommandLine(argv: readonly string[], clock: () => Date): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    return { name: "help", topic: first === "help" ? rest[0] : undefined };
  }
  if (first === "--version" || first === "-v") return { name: "version" };
  if (!(COMMANDS as readonly string[]).includes(first)) throw new UsageError(`unknown command "${first}"`);
  const output = { type: "string", short: "o" } as const;
  // Every command that reads manifests takes --strict: unknown kinds of any API group are errors.
  const strict = { type: "boolean" } as const;
  switch (first) {
    case "schedule": {
      const { values, positionals } = parse(first, rest, { output, ...AWS_INPUT_FLAGS, strict });
      if (values["help"]) return { name: "help", topic: first };
      return { name: first, paths: needPaths(positionals, first), output: outputOf(values["output"] as string | undefined, first), aws: awsInputsOf(values), strict: values["strict"] === true };
    }
    case "consolidate": {
      const { values, positionals } = parse(first, rest, {
        output,
        now: { type: "string" },
        "max-commands": { type: "string" },
        "spot-to-spot": { type: "boolean" },
        ...AWS_INPUT_FLAGS,
        strict,
      });
      if (values["help"]) return { name: "help", topic: first };
      const max = values["max-commands"] as string | undefined;
      if (max !== undefined && !/^[0-9]+$/.test(max)) throw new UsageError(`--max-commands must be a whole number, not "${max}"`, first);
      return {
        name: first,
        paths: needPaths(positionals, first),
        output: outputOf(values["output"] as string | undefined, first),
        now: nowOf(values["now"] as string | undefined, first, clock),
        maxCommands: max === undefined ? undefined : Number(max),
        spotToSpot: values["spot-to-spot"] === true,
        aws: awsInputsOf(values),
        strict: values["strict"] === true,
      };
    }
    case "explain": {
      const { values, positionals } = parse(first, rest, { output, pod: { type: "string" }, node: { type: "string" }, now: { type: "string" }, ...AWS_INPUT_FLAGS, strict });
      if (values["help"]) return { name: "help", topic: first };
      const pod = values["pod"] as string | undefined;
      const node = values["node"] as string | undefined;
      if ((pod === undefined) === (node === undefined)) throw new UsageError("give exactly one of --pod NS/NAME or --node NAME", first);
      return {
        name: first,
        paths: needPaths(positionals, first),
        output: outputOf(values["output"] as string | undefined, first, ["table", "json", "yaml"]),
        pod,
        node,
        now: nowOf(values["now"] as string | undefined, first, clock),
        aws: awsInputsOf(values),
        strict: values["strict"] === true,
      };
    }
    default: {
      const { values, positionals } = parse(first, rest, { output, provider: { type: "string", short: "p" } });
      if (values["help"]) return { name: "help", topic: first };
      if (positionals.length > 0) throw new UsageError(`catalog takes no paths (got "${positionals[0]}")`, first);
      const provider = (values["provider"] as string | undefined) ?? "aws";
      if (provider !== "aws" && provider !== "azure" && provider !== "gcp") {
        throw new UsageError(`--provider must be aws, azure or gcp, not "${provider}"`, first);
      }
      return { name: "catalog", provider, output: outputOf(values["output"] as string | undefined, first, ["table", "json", "yaml"]) };
    }
  }
}

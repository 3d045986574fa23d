import { parseArgs, type ParseArgsConfig } from "node:util";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;
import { AWS_INPUT_FLAGS, awsInputsOf, type AwsCliInputs } from "./aws-flags.js";
import { UsageError } from "./io.js";
import { parseRfc3339 } from "./time.js";

/** Output formats; each command accepts a subset (see its usage). */
export type OutputFormat = "table" | "json" | "yaml" | "html" | "markdown" | "nodeclaims";

/** An embedded catalogue to use instead of the default AWS one. */
export type Provider = "aws" | "azure" | "gcp";

/** A parsed command line. */
export type Command =
  | { readonly name: "help"; readonly topic: string | undefined }
  | { readonly name: "version" }
  | {
      readonly name: "schedule";
      readonly paths: readonly string[];
      readonly output: OutputFormat;
      readonly provider: Provider | undefined;
      /** AWS files (`--aws-*`): instance types, spot and on-demand prices. */
      readonly aws: AwsCliInputs;
      /** `--strict`: unknown kinds of every API group are errors. */
      readonly strict: boolean;
      readonly failOnUnschedulable: boolean;
    }
  | {
      readonly name: "consolidate";
      readonly paths: readonly string[];
      readonly output: OutputFormat;
      readonly provider: Provider | undefined;
      /** AWS files (`--aws-*`): instance types, spot and on-demand prices. */
      readonly aws: AwsCliInputs;
      /** `--strict`: unknown kinds of every API group are errors. */
      readonly strict: boolean;
      readonly now: Date;
      readonly maxCommands: number | undefined;
      /** `--max-simulation-steps`: the plan's work bound. */
      readonly maxSimulationSteps: number | undefined;
      readonly spotToSpot: boolean;
    }
  | {
      readonly name: "explain";
      readonly paths: readonly string[];
      readonly output: OutputFormat;
      readonly pod: string | undefined;
      readonly node: string | undefined;
      readonly now: Date;
      readonly provider: Provider | undefined;
      /** AWS files (`--aws-*`): instance types, spot and on-demand prices. */
      readonly aws: AwsCliInputs;
      /** `--strict`: unknown kinds of every API group are errors. */
      readonly strict: boolean;
    }
  | { readonly name: "catalog"; readonly provider: Provider; readonly output: OutputFormat }
  | {
      readonly name: "diff";
      readonly before: string;
      readonly after: string;
      readonly output: OutputFormat;
      readonly provider: Provider | undefined;
      /** AWS files (`--aws-*`): instance types, spot and on-demand prices. */
      readonly aws: AwsCliInputs;
      /** `--strict`: unknown kinds of every API group are errors. */
      readonly strict: boolean;
      readonly consolidate: boolean;
      readonly now: Date;
      readonly failOnUnschedulable: boolean;
    };

const FORMATS: readonly OutputFormat[] = ["table", "json", "yaml", "html", "markdown", "nodeclaims"];
const COMMANDS = ["schedule", "consolidate", "explain", "catalog", "diff"] as const;

function providerOf(value: string | undefined, command: string): Provider | undefined {
  if (value === undefined) return undefined;
  if (value !== "aws" && value !== "azure" && value !== "gcp") throw new UsageError(`--provider must be aws, azure or gcp, not "${value}"`, command);
  return value;
}

function outputOf(value: string | undefined, command: string, allowed: readonly OutputFormat[] = FORMATS): OutputFormat {
  const output = value ?? "table";
  if (!(allowed as readonly string[]).includes(output)) {
    throw new UsageError(`--output must be one of ${allowed.join(", ")}, not "${output}"`, command);
  }
  return output as OutputFormat;
}

function nowOf(value: string | undefined, command: string, clock: () => Date): Date {
  if (value === undefined) return clock();
  const date = parseRfc3339(value);
  if (date === undefined) throw new UsageError(`--now must be an RFC 3339 time such as 2026-01-01T00:00:00Z, not "${value}"`, command);
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
  // A bare `nodefit` is bad usage (exit 2, usage on stderr); asking for help is not.
  if (first === undefined) throw new UsageError("give a command");
  if (first === "--help" || first === "-h" || first === "help") {
    return { name: "help", topic: first === "help" ? rest[0] : undefined };
  }
  if (first === "--version" || first === "-v") return { name: "version" };
  if (!(COMMANDS as readonly string[]).includes(first)) throw new UsageError(`unknown command "${first}"`);
  const output = { type: "string", short: "o" } as const;
  const provider = { type: "string", short: "p" } as const;
  const failOn = { type: "boolean" } as const;
  // Every command that reads manifests takes --strict (unknown kinds of any API group are errors) and the AWS files.
  const inputs = { ...AWS_INPUT_FLAGS, strict: { type: "boolean" } } as const;
  // What every command that reads manifests takes: the embedded catalogue, the AWS files and --strict.
  const inputsOf = (values: Record<string, unknown>): { readonly provider: Provider | undefined; readonly aws: AwsCliInputs; readonly strict: boolean } => ({
    provider: providerOf(values["provider"] as string | undefined, first),
    aws: awsInputsOf(values as Parameters<typeof awsInputsOf>[0]),
    strict: values["strict"] === true,
  });
  const wholeNumber = (values: Record<string, unknown>, flag: string, pattern: RegExp): number | undefined => {
    const text = values[flag] as string | undefined;
    if (text !== undefined && !pattern.test(text)) throw new UsageError(`--${flag} must be a whole number, not "${text}"`, first);
    return text === undefined ? undefined : Number(text);
  };
  switch (first) {
    case "schedule": {
      const { values, positionals } = parse(first, rest, { output, provider, "fail-on-unschedulable": failOn, ...inputs });
      if (values["help"]) return { name: "help", topic: first };
      return {
        name: first,
        paths: needPaths(positionals, first),
        output: outputOf(values["output"] as string | undefined, first),
        ...inputsOf(values),
        failOnUnschedulable: values["fail-on-unschedulable"] === true,
      };
    }
    case "diff": {
      const { values, positionals } = parse(first, rest, {
        output,
        provider,
        now: { type: "string" },
        consolidate: { type: "boolean" },
        "fail-on-unschedulable": failOn,
        ...inputs,
      });
      if (values["help"]) return { name: "help", topic: first };
      const [before, after, extra] = positionals;
      if (before === undefined || after === undefined || extra !== undefined) throw new UsageError("give exactly two paths: <before> <after>", first);
      return {
        name: first,
        before,
        after,
        output: outputOf(values["output"] as string | undefined, first, ["table", "json", "yaml", "markdown"]),
        ...inputsOf(values),
        consolidate: values["consolidate"] === true,
        now: nowOf(values["now"] as string | undefined, first, clock),
        failOnUnschedulable: values["fail-on-unschedulable"] === true,
      };
    }
    case "consolidate": {
      const { values, positionals } = parse(first, rest, {
        output,
        provider,
        now: { type: "string" },
        "max-commands": { type: "string" },
        "max-simulation-steps": { type: "string" },
        "spot-to-spot": { type: "boolean" },
        ...inputs,
      });
      if (values["help"]) return { name: "help", topic: first };
      return {
        name: first,
        paths: needPaths(positionals, first),
        output: outputOf(values["output"] as string | undefined, first),
        ...inputsOf(values),
        now: nowOf(values["now"] as string | undefined, first, clock),
        maxCommands: wholeNumber(values, "max-commands", /^[0-9]+$/),
        maxSimulationSteps: wholeNumber(values, "max-simulation-steps", /^[0-9]{1,15}$/),
        spotToSpot: values["spot-to-spot"] === true,
      };
    }
    case "explain": {
      const { values, positionals } = parse(first, rest, {
        output,
        provider,
        pod: { type: "string" },
        node: { type: "string" },
        now: { type: "string" },
        ...inputs,
      });
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
        ...inputsOf(values),
      };
    }
    default: {
      const { values, positionals } = parse(first, rest, { output, provider });
      if (values["help"]) return { name: "help", topic: first };
      if (positionals.length > 0) throw new UsageError(`catalog takes no paths (got "${positionals[0]}")`, first);
      return {
        name: "catalog",
        provider: providerOf(values["provider"] as string | undefined, first) ?? "aws",
        output: outputOf(values["output"] as string | undefined, first, ["table", "json", "yaml"]),
      };
    }
  }
}

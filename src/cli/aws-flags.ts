/**
 * The AWS flags of the CLI (`--aws-instance-types`, `--aws-spot-prices`, `--aws-on-demand-prices`): their
 * names, help lines and values. Kept apart from the catalogue loader so parsing a command line (and
 * `--version`, `--help`) loads no part of nodefit.
 */
/** The AWS files given on the command line. */
export interface AwsCliInputs {
  /** `aws ec2 describe-instance-types --output json` output. */
  readonly instanceTypes?: string | undefined;
  /** `aws ec2 describe-spot-price-history --output json` output. */
  readonly spotPrices?: string | undefined;
  /** `{ "m5.large": 0.096, ... }`. */
  readonly onDemandPrices?: string | undefined;
}

/** The `parseArgs` options of the AWS inputs, shared by schedule, consolidate and explain. */
export const AWS_INPUT_FLAGS: {
  readonly "aws-instance-types": { readonly type: "string" };
  readonly "aws-spot-prices": { readonly type: "string" };
  readonly "aws-on-demand-prices": { readonly type: "string" };
} = {
  "aws-instance-types": { type: "string" },
  "aws-spot-prices": { type: "string" },
  "aws-on-demand-prices": { type: "string" },
};

/** The `--help` lines of the AWS inputs. */
export const AWS_INPUT_USAGE = `  --aws-instance-types FILE    the catalogue from 'aws ec2 describe-instance-types --output json' (any region)
  --aws-spot-prices FILE       spot prices from 'aws ec2 describe-spot-price-history --output json'
                               (latest Linux/UNIX price per type and zone; default: spot priced as on-demand)
  --aws-on-demand-prices FILE  on-demand prices as JSON { "m5.large": 0.096, ... } (default: embedded us-east-1)
`;

/**
 * The AWS inputs of parsed command-line values.
 *
 * @param values - `parseArgs` values
 * @returns the file names given
 */
export function awsInputsOf(values: Readonly<Record<string, string | boolean | undefined>>): AwsCliInputs {
  const file = (key: keyof typeof AWS_INPUT_FLAGS): string | undefined => {
    const value = values[key];
    return typeof value === "string" ? value : undefined;
  };
  return { instanceTypes: file("aws-instance-types"), spotPrices: file("aws-spot-prices"), onDemandPrices: file("aws-on-demand-prices") };
}

/** Whether any AWS file was given. */
export function hasAwsInputs(inputs: AwsCliInputs | undefined): boolean {
  return inputs !== undefined && (inputs.instanceTypes ?? inputs.spotPrices ?? inputs.onDemandPrices) !== undefined;
}

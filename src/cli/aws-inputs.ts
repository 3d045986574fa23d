/**
 * The AWS inputs of the CLI: `--aws-instance-types`, `--aws-spot-prices` and `--aws-on-demand-prices` name
 * JSON files (the AWS CLI's own output for the first two), and the EC2NodeClasses of the manifests shape the
 * catalogue per NodePool. With the AWS catalogue, claims report Karpenter's AWS launch choice.
 */
import { readFile } from "node:fs/promises";
import { InputError, type InstanceType, type ScheduleOptions } from "nodefit";
import {
  AWS_CAPACITY_TYPE_PRIORITY,
  awsCatalogForNodePools,
  instanceTypeRecordsFromJson,
  onDemandPricesFromJson,
  spotPricesFromHistory,
  type AwsNodePoolCatalogOptions,
} from "nodefit/aws";
import type { KubernetesInput } from "nodefit/kubernetes";
import type { AwsCliInputs } from "./aws-flags.js";
import type { CliIo } from "./io.js";

async function readJson(file: string, flag: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new InputError(`${file} (${flag}): cannot read the file: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${file} (${flag}): not JSON: ${(error as Error).message}`);
  }
}

/** The AWS catalogue of the CLI and how to describe it. */
export interface AwsCliCatalog {
  readonly instanceTypes: readonly InstanceType[];
  readonly catalogName: string;
  readonly scheduleOptions: ScheduleOptions;
}

/**
 * Builds the AWS catalogue for the manifests: the embedded one or the `--aws-instance-types` file, with the
 * price files, one variant per EC2NodeClass; a warning line on standard error for each NodePool whose class
 * is missing.
 *
 * @param kubernetes - the manifests
 * @param inputs - the AWS files
 * @param io - where warnings go
 * @returns the catalogue, its name for the summary line, and the AWS launch order
 * @throws InputError naming the file and field of bad input
 */
export async function loadAwsCatalog(kubernetes: KubernetesInput, inputs: AwsCliInputs | undefined, io: CliIo): Promise<AwsCliCatalog> {
  const options: { -readonly [K in keyof AwsNodePoolCatalogOptions]: AwsNodePoolCatalogOptions[K] } = {};
  let name = "embedded AWS (us-east-1)";
  if (inputs?.instanceTypes !== undefined) {
    const file = inputs.instanceTypes;
    options.records = instanceTypeRecordsFromJson(await readJson(file, "--aws-instance-types"), { source: file });
    name = `AWS ${file}`;
  }
  if (inputs?.spotPrices !== undefined) {
    const file = inputs.spotPrices;
    options.spotPrices = spotPricesFromHistory(await readJson(file, "--aws-spot-prices"), { source: file });
    name += `, spot prices ${file}`;
  }
  if (inputs?.onDemandPrices !== undefined) {
    const file = inputs.onDemandPrices;
    options.onDemandPrices = onDemandPricesFromJson(await readJson(file, "--aws-on-demand-prices"), { source: file });
    name += `, on-demand prices ${file}`;
  }
  const catalog = awsCatalogForNodePools(kubernetes.nodePools, kubernetes.ec2NodeClasses, options);
  for (const note of catalog.notes) io.stderr(`nodefit: warning: ${note}\n`);
  return { instanceTypes: catalog.instanceTypes, catalogName: name, scheduleOptions: { capacityTypePriority: AWS_CAPACITY_TYPE_PRIORITY } };
}

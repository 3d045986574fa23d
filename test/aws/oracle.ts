/**
 * Loads the AWS test oracle (`../shared/data/aws`, Karpenter's published labels and allocatable values,
 * ENI limits and prices) when it is present beside the repository. A fresh clone has no `../shared`, so
 * callers skip with {@link ORACLE_MISSING_REASON}.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AwsVpcLimits } from "nodefit/aws";

const DIR = fileURLToPath(new URL("../../../shared/data/aws/", import.meta.url));

/** One type of reference-allocatable.json. */
export interface ReferenceType {
  readonly labels: Readonly<Record<string, string>>;
  readonly allocatable: Readonly<Record<string, string>>;
}

/** The parsed oracle. */
export interface AwsOracle {
  readonly reference: ReadonlyMap<string, ReferenceType>;
  readonly limits: ReadonlyMap<string, AwsVpcLimits>;
  readonly prices: ReadonlyMap<string, number>;
}

/** Why oracle-based tests are skipped when the folder is absent. */
export const ORACLE_MISSING_REASON: string = `AWS oracle not found at ${DIR} (../shared/data/aws relative to the repository); conformance tests skipped`;

/** Whether the oracle folder exists. */
export const ORACLE_PRESENT: boolean = existsSync(`${DIR}reference-allocatable.json`);

function read<T>(file: string): T {
  return JSON.parse(readFileSync(`${DIR}${file}`, "utf8")) as T;
}

/**
 * Reads the oracle files.
 *
 * @returns the reference types, VPC limits and on-demand prices
 */
export function loadOracle(): AwsOracle {
  const reference = read<{ instanceTypes: Record<string, ReferenceType> }>("reference-allocatable.json").instanceTypes;
  const limits = read<{ limits: Record<string, AwsVpcLimits> }>("vpc-limits.json").limits;
  const prices = read<{ prices: Record<string, number> }>("on-demand-prices-us-east-1.json").prices;
  return { reference: new Map(Object.entries(reference)), limits: new Map(Object.entries(limits)), prices: new Map(Object.entries(prices)) };
}

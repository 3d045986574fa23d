/**
 * Turns EC2 `DescribeInstanceTypes` records into nodefit instance types, the way Karpenter's AWS provider
 * resolves them for an EC2NodeClass.
 */
import { createInstanceType, InputError, LABEL_NODEPOOL, Requirement, type InstanceType } from "nodefit";
import { amiFamilyTraits } from "./ami-family.js";
import { awsCapacity } from "./capacity.js";
import { AWS_LABELS, AWS_WELL_KNOWN_LABELS, awsLabels, kubeArchitecture } from "./labels.js";
import { awsOfferings, offeringZones } from "./offerings.js";
import type { AwsInstanceTypeOptions } from "./options.js";
import { awsOverhead } from "./overhead.js";
import type { InstanceTypeInfo } from "./types.js";

const TENANCIES: readonly string[] = ["default", "dedicated"];

/**
 * One EC2 instance type as Karpenter's AWS provider sees it under an EC2NodeClass.
 *
 * @param record - the `DescribeInstanceTypes` record (AWS SDK `InstanceTypeInfo`)
 * @param options - EC2NodeClass settings, prices, zones and static tables
 * @returns the instance type with labels, capacity, overhead and offerings
 * @throws InputError when the record has no name or an option is invalid
 * @example
 * ```ts
 * const it = awsInstanceType(record, { onDemandPrices: new Map([["m5.large", 0.096]]) });
 * it.allocatable.get("pods"); // 29 for m5.large
 * ```
 *
 * @category Catalogue
 */
export function awsInstanceType(record: InstanceTypeInfo, options: AwsInstanceTypeOptions = {}): InstanceType {
  return build(record, options, offeringZones(options));
}

/**
 * Every record Kubernetes can run (an amd64 or arm64 architecture), as nodefit instance types, in the
 * order given.
 *
 * @param records - `DescribeInstanceTypes` records
 * @param options - EC2NodeClass settings, prices, zones and static tables, shared by every type
 * @returns the instance types
 * @example
 * ```ts
 * const types = awsInstanceTypes(response.InstanceTypes ?? [], { amiFamily: "Bottlerocket", zones: ["us-east-1a"] });
 * ```
 *
 * @category Catalogue
 */
export function awsInstanceTypes(records: readonly InstanceTypeInfo[], options: AwsInstanceTypeOptions = {}): readonly InstanceType[] {
  const zones = offeringZones(options);
  return records.filter((r) => kubeArchitecture(r) !== undefined).map((r) => build(r, options, zones));
}

function build(record: InstanceTypeInfo, options: AwsInstanceTypeOptions, zones: readonly string[]): InstanceType {
  if (typeof record.InstanceType !== "string" || record.InstanceType === "") {
    throw new InputError("an instance type record needs InstanceType", ["InstanceType"]);
  }
  const family = options.amiFamily ?? "AL2023";
  const traits = amiFamilyTraits(family);
  const name = record.InstanceType;
  const labels = new Map(
    awsLabels(record, {
      region: options.region ?? "us-east-1",
      windowsBuild: traits.windowsBuild,
      networkBandwidthMbps: options.networkBandwidthMbps?.get(name),
    }),
  );
  labels.delete(AWS_LABELS.instanceType);
  const capacity = awsCapacity(record, family, traits, options);
  const overhead = awsOverhead(record, capacity, traits, options);
  return createInstanceType({
    name,
    labels,
    requirements: [
      Requirement.create(AWS_LABELS.tenancy, "In", TENANCIES),
      ...(options.nodePools === undefined ? [] : [Requirement.create(LABEL_NODEPOOL, "In", options.nodePools)]),
    ],
    capacity,
    overhead,
    offerings: awsOfferings(record, zones, options),
    wellKnownLabels: AWS_WELL_KNOWN_LABELS,
  });
}

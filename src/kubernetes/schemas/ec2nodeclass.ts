import * as z from "zod";
import type { ObjectMeta, StringMap } from "nodefit";
import type { Ec2NodeClass } from "nodefit/aws";
import { showValue } from "../show-value.js";
import { countSchema, nameSchema, objectMetaSchema, oneOf, resourceMapSchema, stringMapSchema } from "./primitives.js";
import { quantityProblem } from "./quantity.js";

/**
 * `karpenter.k8s.aws/v1 EC2NodeClass` as read from manifests: the AWS adapter's shape (the fields that change
 * what a node can hold: AMI family, kubelet, block devices, instance-store policy, network interfaces, subnet
 * zones) with a required name. `awsCatalogForNodePools` in `nodefit/aws` turns it into instance types; the
 * rest of the object (roles, security groups, user data) does not affect scheduling and is not read.
 *
 * @category Manifests
 */
export type Ec2NodeClassObject = Ec2NodeClass & { readonly metadata: ObjectMeta };

// Upstream's CRD: an alias is <family>@<version>, family one of these.
const ALIAS = /^(al2|al2023|bottlerocket|windows2019|windows2022|windows2025)@.+$/;
const EVICTION_SIGNALS = ["memory.available", "nodefs.available", "nodefs.inodesFree", "imagefs.available", "imagefs.inodesFree", "pid.available"];

/** Eviction thresholds: known signals, each a percentage (0–100%) or a quantity. */
const evictionSchema: z.ZodType<StringMap> = stringMapSchema.superRefine((map, ctx) => {
  for (const [signal, value] of Object.entries(map)) {
    if (!EVICTION_SIGNALS.includes(signal)) {
      ctx.addIssue({ code: "custom", message: `${showValue(signal)} is not one of ${EVICTION_SIGNALS.join(", ")}`, path: [signal], input: signal });
      continue;
    }
    const percent = /^(\d+(?:\.\d+)?)%$/.exec(value);
    const problem = percent !== null ? (Number(percent[1]) > 100 ? "a percentage above 100%" : undefined) : quantityProblem("memory", value);
    if (problem !== undefined) ctx.addIssue({ code: "custom", message: `${showValue(value)}: ${problem}`, path: [signal], input: value });
  }
});

const volumeSizeSchema = z.string().superRefine((value, ctx) => {
  const problem = quantityProblem("ephemeral-storage", value);
  if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem, input: value });
});

/** karpenter.k8s.aws/v1 EC2NodeClass. */
export const ec2NodeClassSchema: z.ZodType<Ec2NodeClassObject> = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: objectMetaSchema(true),
  spec: z
    .object({
      amiFamily: oneOf(["AL2", "AL2023", "Bottlerocket", "Windows2019", "Windows2022", "Windows2025", "Custom"]).optional(),
      amiSelectorTerms: z
        .array(
          z.object({
            alias: z
              .string()
              .regex(ALIAS, {
                error: (issue) =>
                  `${showValue(issue.input)} is not an alias like "al2023@latest" (al2, al2023, bottlerocket, windows2019, windows2022, windows2025)`,
              })
              .optional(),
          }),
        )
        .optional(),
      kubelet: z
        .object({
          maxPods: countSchema.optional(),
          podsPerCore: countSchema.optional(),
          systemReserved: resourceMapSchema.optional(),
          kubeReserved: resourceMapSchema.optional(),
          evictionHard: evictionSchema.optional(),
          evictionSoft: evictionSchema.optional(),
        })
        .optional(),
      blockDeviceMappings: z
        .array(
          z.object({
            deviceName: z.string().optional(),
            rootVolume: z.boolean().optional(),
            ebs: z.object({ volumeSize: volumeSizeSchema.optional() }).optional(),
          }),
        )
        .optional(),
      instanceStorePolicy: oneOf(["RAID0"]).optional(),
      networkInterfaces: z
        .array(z.object({ networkCardIndex: countSchema, deviceIndex: countSchema.optional(), interfaceType: oneOf(["interface", "efa-only"]) }))
        .optional(),
    })
    .optional(),
  status: z.object({ subnets: z.array(z.object({ id: z.string().optional(), zone: nameSchema })).optional() }).optional(),
});

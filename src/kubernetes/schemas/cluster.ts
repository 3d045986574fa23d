import * as z from "zod";
import type { Node, PodDisruptionBudget } from "nodefit";
import { showValue } from "../show-value.js";
import { conditionsSchema, countSchema, objectMetaSchema, oneOf, resourceMapSchema } from "./primitives.js";
import { labelSelectorSchema, taintSchema } from "./scheduling.js";

/** v1 Node. */
export const nodeSchema: z.ZodType<Node> = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: objectMetaSchema(true),
  spec: z.object({ taints: z.array(taintSchema).optional(), unschedulable: z.boolean().optional(), providerID: z.string().optional() }).optional(),
  status: z.object({ allocatable: resourceMapSchema.optional(), capacity: resourceMapSchema.optional(), conditions: conditionsSchema.optional() }).optional(),
});

const PERCENT = /^[0-9]+%$/;

// An IntOrString the PDB accepts: a non-negative integer or a percentage string.
const intOrPercentSchema: z.ZodType<string | number> = z.union([countSchema, z.string()]).superRefine((value, ctx) => {
  if (typeof value === "string" && !PERCENT.test(value)) {
    ctx.addIssue({ code: "custom", message: `${showValue(value)} is neither an integer nor a percentage like "50%"`, input: value });
  }
});

/** policy/v1 PodDisruptionBudget; at most one of minAvailable and maxUnavailable. */
export const podDisruptionBudgetSchema: z.ZodType<PodDisruptionBudget> = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: objectMetaSchema(true),
  spec: z
    .object({
      selector: labelSelectorSchema.optional(),
      minAvailable: intOrPercentSchema.optional(),
      maxUnavailable: intOrPercentSchema.optional(),
      unhealthyPodEvictionPolicy: oneOf(["IfHealthyBudget", "AlwaysAllow"]).optional(),
    })
    .superRefine((spec, ctx) => {
      if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
        ctx.addIssue({ code: "custom", message: "minAvailable and maxUnavailable cannot both be set", path: ["maxUnavailable"], input: spec.maxUnavailable });
      }
    })
    .optional(),
  status: z.object({ disruptionsAllowed: countSchema.optional() }).optional(),
});

import * as z from "zod";
import { OVERLAY_PRICE_ADJUSTMENT_PATTERN, OVERLAY_PRICE_PATTERN } from "nodefit";
import type { NodeOverlay } from "nodefit";
import { objectMetaSchema, resourceMapSchema } from "./primitives.js";
import { requirementWithMinValuesSchema } from "./scheduling.js";

/** Resources a NodeOverlay may not add (Karpenter's CRD rule). */
const RESERVED_RESOURCES: readonly string[] = ["cpu", "memory", "ephemeral-storage", "pods"];

/** karpenter.sh/v1alpha1 NodeOverlay, with the CRD's validation. */
export const nodeOverlaySchema: z.ZodType<NodeOverlay> = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: objectMetaSchema(true),
  spec: z
    .object({
      requirements: z.array(requirementWithMinValuesSchema).max(100).optional(),
      price: z
        .string()
        .regex(OVERLAY_PRICE_PATTERN, { error: (issue) => `${JSON.stringify(issue.input)} is not an unsigned price like "0.5"` })
        .optional(),
      priceAdjustment: z
        .string()
        .regex(OVERLAY_PRICE_ADJUSTMENT_PATTERN, {
          error: (issue) => `${JSON.stringify(issue.input)} is not a signed adjustment like "-0.5", "+1.2", "-15%" or "+10%"`,
        })
        .optional(),
      capacity: resourceMapSchema.optional(),
      weight: z.int().min(1).max(10000).optional(),
    })
    .superRefine((spec, ctx) => {
      if (spec.price !== undefined && spec.priceAdjustment !== undefined) {
        ctx.addIssue({ code: "custom", message: "cannot set both price and priceAdjustment", path: ["priceAdjustment"], input: spec });
      }
      for (const name of RESERVED_RESOURCES) {
        if (spec.capacity?.[name] !== undefined)
          ctx.addIssue({ code: "custom", message: `capacity may not set ${name} (extended resources only)`, path: ["capacity", name], input: spec.capacity });
      }
    }),
});

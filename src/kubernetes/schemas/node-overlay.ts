import * as z from "zod";
import { OVERLAY_PRICE_ADJUSTMENT_PATTERN, OVERLAY_PRICE_PATTERN } from "nodefit";
import type { NodeOverlay } from "nodefit";
import { objectMetaSchema, resourceMapSchema } from "./primitives.js";
import { requirementWithMinValuesSchema } from "./scheduling.js";

/** The CRD's pattern for a requirement key: a qualified label name (an optional DNS-subdomain prefix, then a name). */
const KEY_PATTERN = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const MAX_KEY_LENGTH = 316;
/** Keys of the restricted `karpenter.sh` domain a NodeOverlay may still name (the CRD's exceptions). */
const ALLOWED_KARPENTER_KEYS: ReadonlySet<string> = new Set(["karpenter.sh/capacity-type", "karpenter.sh/nodepool"]);

/** The CRD's rules on one requirement key; the message, or undefined when the key is allowed. */
function keyProblem(key: string): string | undefined {
  if (key.length > MAX_KEY_LENGTH || !KEY_PATTERN.test(key)) return `${JSON.stringify(key)} is not a valid label key`;
  const slash = key.indexOf("/");
  if (slash >= 0 && key.slice(0, slash).endsWith("karpenter.sh") && !ALLOWED_KARPENTER_KEYS.has(key)) return 'label domain "karpenter.sh" is restricted';
  if (key === "kubernetes.io/hostname") return 'label "kubernetes.io/hostname" is restricted';
  return undefined;
}

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
      spec.requirements?.forEach((r, i) => {
        const problem = keyProblem(r.key);
        if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem, path: ["requirements", i, "key"], input: r.key });
      });
      if (spec.price !== undefined && spec.priceAdjustment !== undefined) {
        ctx.addIssue({ code: "custom", message: "cannot set both price and priceAdjustment", path: ["priceAdjustment"], input: spec });
      }
      for (const name of RESERVED_RESOURCES) {
        if (spec.capacity?.[name] !== undefined)
          ctx.addIssue({ code: "custom", message: `capacity may not set ${name} (extended resources only)`, path: ["capacity", name], input: spec.capacity });
      }
    }),
});

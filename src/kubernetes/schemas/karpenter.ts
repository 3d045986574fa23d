import * as z from "zod";
import { LABEL_NODEPOOL, isRestrictedLabel, parseCron } from "nodefit";
import type { Budget, NodeClaim, NodePool, StringMap } from "nodefit";
import { conditionsSchema, countSchema, nameSchema, objectMetaSchema, oneOf, resourceMapSchema, stringMapSchema, timestampSchema } from "./primitives.js";
import { requirementWithMinValuesSchema, taintSchema } from "./scheduling.js";
import { BUDGET_DURATION, BUDGET_NODES, EXPIRY, GRACE_PERIOD } from "./patterns.js";

const durationSchema = z.string().regex(EXPIRY, { error: (issue) => `${JSON.stringify(issue.input)} is not a duration like "720h" or "Never"` });
const gracePeriodSchema = z.string().regex(GRACE_PERIOD, { error: (issue) => `${JSON.stringify(issue.input)} is not a duration like "24h" or "1h30m"` });

const budgetSchema: z.ZodType<Budget> = z
  .object({
    nodes: z.string().regex(BUDGET_NODES, { error: (issue) => `${JSON.stringify(issue.input)} is not a node count or percentage like "10" or "20%"` }),
    reasons: z.array(oneOf(["Underutilized", "Empty", "Drifted"])).optional(),
    schedule: z.string().optional(),
    duration: z
      .string()
      .regex(BUDGET_DURATION, { error: (issue) => `${JSON.stringify(issue.input)} is not a duration like "8h" or "1h30m"` })
      .optional(),
  })
  .superRefine((budget, ctx) => {
    // The consolidation planner fails closed on a schedule it cannot read; the edge says why instead.
    const cron = budget.schedule === undefined ? undefined : parseCron(budget.schedule);
    if (cron !== undefined && !cron.ok) {
      ctx.addIssue({
        code: "custom",
        message: `${JSON.stringify(budget.schedule)} is not a cron schedule: ${cron.error}`,
        path: ["schedule"],
        input: budget.schedule,
      });
    }
    if ((budget.schedule === undefined) !== (budget.duration === undefined)) {
      ctx.addIssue({
        code: "custom",
        message: "schedule and duration must be set together",
        path: [budget.schedule === undefined ? "schedule" : "duration"],
        input: budget,
      });
    }
  });

const nodeClaimTemplateSpec = z.object({
  requirements: z.array(requirementWithMinValuesSchema).optional(),
  taints: z.array(taintSchema).optional(),
  startupTaints: z.array(taintSchema).optional(),
  expireAfter: durationSchema.optional(),
  terminationGracePeriod: gracePeriodSchema.optional(),
  nodeClassRef: z.object({ group: z.string().optional(), kind: z.string().optional(), name: nameSchema }).optional(),
});

/** Karpenter refuses NodePools that set restricted labels (hostname, its own domain, the NodePool label). */
function restricted(key: string): boolean {
  return key === LABEL_NODEPOOL || isRestrictedLabel(key);
}

/** Flags restricted keys among a NodePool template's labels and requirements. */
function checkRestrictedLabels(
  template: {
    readonly metadata?: { readonly labels?: StringMap | undefined } | undefined;
    readonly spec?: { readonly requirements?: ReadonlyArray<{ readonly key: string }> | undefined } | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  for (const key of Object.keys(template.metadata?.labels ?? {})) {
    if (restricted(key)) ctx.addIssue({ code: "custom", message: `label ${JSON.stringify(key)} is restricted`, path: ["metadata", "labels", key], input: key });
  }
  (template.spec?.requirements ?? []).forEach((requirement, i) => {
    if (restricted(requirement.key)) {
      ctx.addIssue({
        code: "custom",
        message: `label ${JSON.stringify(requirement.key)} is restricted`,
        path: ["spec", "requirements", i, "key"],
        input: requirement.key,
      });
    }
  });
}

/** karpenter.sh/v1 NodePool. */
export const nodePoolSchema: z.ZodType<NodePool> = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: objectMetaSchema(true),
  spec: z.object({
    template: z
      .object({
        metadata: z.object({ labels: stringMapSchema.optional(), annotations: stringMapSchema.optional() }).optional(),
        spec: nodeClaimTemplateSpec.optional(),
      })
      .superRefine(checkRestrictedLabels)
      .optional(),
    limits: resourceMapSchema.optional(),
    weight: z.int().min(1).max(100).optional(),
    replicas: countSchema.optional(),
    disruption: z
      .object({
        consolidationPolicy: oneOf(["WhenEmpty", "WhenEmptyOrUnderutilized"]).optional(),
        consolidateAfter: durationSchema.optional(),
        budgets: z.array(budgetSchema).optional(),
      })
      .optional(),
  }),
});

/** karpenter.sh/v1 NodeClaim. */
export const nodeClaimSchema: z.ZodType<NodeClaim> = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: objectMetaSchema(true),
  spec: z
    .object({
      requirements: z.array(requirementWithMinValuesSchema).optional(),
      taints: z.array(taintSchema).optional(),
      startupTaints: z.array(taintSchema).optional(),
      expireAfter: durationSchema.optional(),
      terminationGracePeriod: gracePeriodSchema.optional(),
    })
    .optional(),
  status: z
    .object({
      nodeName: z.string().optional(),
      providerID: z.string().optional(),
      lastPodEventTime: timestampSchema.optional(),
      capacity: resourceMapSchema.optional(),
      allocatable: resourceMapSchema.optional(),
      conditions: conditionsSchema.optional(),
    })
    .optional(),
});

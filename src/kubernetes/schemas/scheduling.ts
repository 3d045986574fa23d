import * as z from "zod";
import type {
  Affinity,
  LabelSelector,
  NodeSelectorRequirement,
  NodeSelectorRequirementWithMinValues,
  NodeSelectorTerm,
  PodAffinityTerm,
  Taint,
  Toleration,
  TopologySpreadConstraint,
} from "nodefit";
import { NodefitError, Requirement } from "nodefit";
import { showValue } from "../show-value.js";
import { nameSchema, oneOf, stringMapSchema } from "./primitives.js";
import { EFFECTS, INTEGER, operatorValuesProblem, POD_OPERATORS } from "./patterns.js";

/** A taint: non-empty key, optional value, one of the three effects. */
export const taintSchema: z.ZodType<Taint> = z.object({
  key: nameSchema,
  value: z.string().optional(),
  effect: oneOf(EFFECTS),
});

/** A toleration; an empty key is only valid with `Exists`, and `Exists` takes no value (API validation). */
export const tolerationSchema: z.ZodType<Toleration> = z
  .object({
    key: z.string().optional(),
    operator: oneOf(["", "Equal", "Exists", "Lt", "Gt"]).optional(),
    value: z.string().optional(),
    effect: oneOf(["", ...EFFECTS]).optional(),
    tolerationSeconds: z.int().optional(),
  })
  .superRefine((t, ctx) => {
    const operator = t.operator ?? "";
    if ((t.key ?? "") === "" && operator !== "Exists") {
      ctx.addIssue({ code: "custom", message: `an empty key requires operator "Exists", not ${showValue(operator)}`, path: ["operator"], input: t.operator });
    }
    if (operator === "Exists" && (t.value ?? "") !== "") {
      ctx.addIssue({ code: "custom", message: `must be empty with operator "Exists", got ${showValue(t.value)}`, path: ["value"], input: t.value });
    }
    if ((operator === "Lt" || operator === "Gt") && !INTEGER.test(t.value ?? "")) {
      ctx.addIssue({ code: "custom", message: `operator ${operator} needs an integer value, got ${showValue(t.value)}`, path: ["value"], input: t.value });
    }
  });

type RequirementInput = {
  readonly key: string;
  readonly operator: string;
  readonly values?: readonly string[] | undefined;
  readonly minValues?: number | undefined;
};

/**
 * Checks the values a node selector operator needs, the way the API server and Karpenter validate
 * them, then lets the core's `Requirement.create` confirm it can use the requirement (bounds must
 * be safe non-negative integers there), so nothing the core would throw gets past the edge.
 */
function checkRequirement(requirement: RequirementInput, ctx: z.RefinementCtx, useCore = true): void {
  const values = requirement.values ?? [];
  const problem = operatorValuesProblem(requirement.operator, values);
  // An unknown operator (null) is reported by the operator's own check.
  if (problem === null) return;
  if (problem !== undefined) {
    ctx.addIssue({ code: "custom", message: problem, path: ["values"], input: requirement.values });
    return;
  }
  if (!useCore || requirement.key === "") return;
  // A minValues outside 1..50 is already reported by its own field check; the core is asked about the rest.
  const minValues =
    requirement.minValues !== undefined && Number.isInteger(requirement.minValues) && requirement.minValues >= 1 && requirement.minValues <= 50
      ? requirement.minValues
      : undefined;
  try {
    Requirement.create(requirement.key, requirement.operator, values, minValues);
  } catch (error) {
    const path = error instanceof NodefitError ? error.path : [];
    ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error), path: [...path], input: requirement });
  }
}

/** A node selector expression in a pod's node affinity. */
export const nodeSelectorRequirementSchema: z.ZodType<NodeSelectorRequirement> = z
  .object({ key: nameSchema, operator: oneOf(POD_OPERATORS), values: z.array(z.string()).optional() })
  .superRefine((r, ctx) => checkRequirement(r, ctx));

/** A NodePool or NodeClaim requirement: adds Karpenter's `Gte` / `Lte` and `minValues` (1..50). */
export const requirementWithMinValuesSchema: z.ZodType<NodeSelectorRequirementWithMinValues> = z
  .object({
    key: nameSchema,
    operator: oneOf([...POD_OPERATORS, "Gte", "Lte"]),
    values: z.array(z.string()).optional(),
    minValues: z.int().min(1).max(50).optional(),
  })
  .superRefine((r, ctx) => checkRequirement(r, ctx));

/** One term of required node affinity (also a PersistentVolume's `nodeAffinity`). */
export const nodeSelectorTermSchema: z.ZodType<NodeSelectorTerm> = z.object({
  matchExpressions: z.array(nodeSelectorRequirementSchema).optional(),
  matchFields: z.array(nodeSelectorRequirementSchema).optional(),
});

/** A label selector; only the four set-based operators are allowed. */
export const labelSelectorSchema: z.ZodType<LabelSelector> = z.object({
  matchLabels: stringMapSchema.optional(),
  matchExpressions: z
    .array(
      z
        .object({ key: nameSchema, operator: oneOf(["In", "NotIn", "Exists", "DoesNotExist"]), values: z.array(z.string()).optional() })
        .superRefine((r, ctx) => checkRequirement(r, ctx, false)),
    )
    .optional(),
});

const podAffinityTermSchema: z.ZodType<PodAffinityTerm> = z.object({
  labelSelector: labelSelectorSchema.optional(),
  namespaces: z.array(z.string()).optional(),
  namespaceSelector: labelSelectorSchema.optional(),
  topologyKey: nameSchema,
  matchLabelKeys: z.array(z.string()).optional(),
  mismatchLabelKeys: z.array(z.string()).optional(),
});

const weightSchema = z.int().min(1).max(100);

const podAffinitySchema = z.object({
  requiredDuringSchedulingIgnoredDuringExecution: z.array(podAffinityTermSchema).optional(),
  preferredDuringSchedulingIgnoredDuringExecution: z.array(z.object({ weight: weightSchema, podAffinityTerm: podAffinityTermSchema })).optional(),
});

/** A pod's affinity block: node affinity, pod affinity, pod anti-affinity. */
export const affinitySchema: z.ZodType<Affinity> = z.object({
  nodeAffinity: z
    .object({
      requiredDuringSchedulingIgnoredDuringExecution: z.object({ nodeSelectorTerms: z.array(nodeSelectorTermSchema) }).optional(),
      preferredDuringSchedulingIgnoredDuringExecution: z.array(z.object({ weight: weightSchema, preference: nodeSelectorTermSchema })).optional(),
    })
    .optional(),
  podAffinity: podAffinitySchema.optional(),
  podAntiAffinity: podAffinitySchema.optional(),
});

/** A topology spread constraint. */
export const topologySpreadConstraintSchema: z.ZodType<TopologySpreadConstraint> = z.object({
  maxSkew: z.int().min(1),
  topologyKey: nameSchema,
  whenUnsatisfiable: oneOf(["DoNotSchedule", "ScheduleAnyway"]),
  labelSelector: labelSelectorSchema.optional(),
  minDomains: z.int().min(1).optional(),
  nodeAffinityPolicy: oneOf(["Honor", "Ignore"]).optional(),
  nodeTaintsPolicy: oneOf(["Honor", "Ignore"]).optional(),
  matchLabelKeys: z.array(z.string()).optional(),
});

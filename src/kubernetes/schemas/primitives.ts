import * as z from "zod";
import type { Condition, ObjectMeta, ResourceMap, StringMap } from "nodefit";
import { showValue } from "../show-value.js";
import { quantityProblem } from "./quantity.js";
import { RFC3339 } from "./patterns.js";

/** Whether a value is a plain record (not an array, not a Date). */
function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Copies own enumerable entries with define semantics, so `__proto__` stays an ordinary key. */
function copyEntries<T>(record: Readonly<Record<string, unknown>>): { readonly [key: string]: T } {
  return Object.fromEntries(Object.entries(record)) as { readonly [key: string]: T };
}

/**
 * A map of string to string (labels, annotations, nodeSelector). Built by hand rather than with
 * `z.record`, which drops a `__proto__` key; keys are user data and must survive as plain data.
 */
export const stringMapSchema: z.ZodType<StringMap> = z
  .unknown()
  .superRefine((value, ctx) => {
    if (!isRecord(value)) {
      ctx.addIssue({ code: "custom", message: `expected a map of strings, got ${showValue(value)}`, input: value });
      return;
    }
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== "string") {
        ctx.addIssue({ code: "custom", message: `expected a string, got ${showValue(entry)}`, path: [key], input: entry });
      }
    }
  })
  .transform((value) => copyEntries<string>(value as Readonly<Record<string, unknown>>));

/** A map of resource name to quantity, each checked as a non-negative Kubernetes quantity. */
export const resourceMapSchema: z.ZodType<ResourceMap> = z
  .unknown()
  .superRefine((value, ctx) => {
    if (!isRecord(value)) {
      ctx.addIssue({ code: "custom", message: `expected a map of resource quantities, got ${showValue(value)}`, input: value });
      return;
    }
    for (const [resource, quantity] of Object.entries(value)) {
      const problem = quantityProblem(resource, quantity);
      if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem, path: [resource], input: quantity });
    }
  })
  .transform((value) => copyEntries<string | number>(value as Readonly<Record<string, unknown>>));

/** A timestamp: an RFC 3339 string, or a Date as `@kubernetes/client-node` produces. */
export const timestampSchema: z.ZodType<string | Date> = z.unknown().superRefine((value, ctx) => {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) ctx.addIssue({ code: "custom", message: "is an invalid Date", input: value });
    return;
  }
  if (typeof value !== "string" || !RFC3339.test(value) || Number.isNaN(Date.parse(value))) {
    ctx.addIssue({ code: "custom", message: `${showValue(value)} is not an RFC 3339 timestamp`, input: value });
  }
}) as z.ZodType<string | Date>;

/** A non-empty string (names, keys). */
export const nameSchema: z.ZodType<string> = z.string().min(1, { error: "must not be empty" });

/** A non-negative integer. */
export const countSchema: z.ZodType<number> = z.int().min(0);

/**
 * A string from a fixed set, with a message that lists the allowed values.
 *
 * @param values - the allowed values
 * @returns a schema accepting exactly those strings
 * @internal
 */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T): z.ZodType<T[number]> {
  return z.string().refine((v) => (values as readonly string[]).includes(v), {
    error: (issue) => `${showValue(issue.input)} is not one of ${values.map((v) => JSON.stringify(v)).join(", ")}`,
  }) as unknown as z.ZodType<T[number]>;
}

const ownerReferenceSchema = z.object({
  apiVersion: z.string().optional(),
  kind: z.string(),
  name: z.string(),
  uid: z.string().optional(),
  controller: z.boolean().optional(),
});

/**
 * Object metadata. `requireName` makes `metadata.name` mandatory (top-level objects); pod templates
 * may leave it out.
 *
 * @param requireName - whether a name is mandatory
 * @returns the metadata schema
 * @internal
 */
export function objectMetaSchema(requireName: boolean): z.ZodType<ObjectMeta> {
  return z.object({
    name: requireName ? nameSchema : z.string().optional(),
    namespace: z.string().optional(),
    uid: z.string().optional(),
    labels: stringMapSchema.optional(),
    annotations: stringMapSchema.optional(),
    creationTimestamp: timestampSchema.optional(),
    deletionTimestamp: timestampSchema.optional(),
    ownerReferences: z.array(ownerReferenceSchema).optional(),
  });
}

/** Status conditions of a Node or NodeClaim. */
export const conditionsSchema: z.ZodType<readonly Condition[]> = z.array(
  z.object({ type: z.string(), status: z.string(), lastTransitionTime: timestampSchema.optional() }),
);

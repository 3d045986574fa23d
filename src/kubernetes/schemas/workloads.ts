import { z } from "zod";
import type { DaemonSet, ObjectMeta, PodTemplateSpec } from "nodefit";
import { countSchema, nameSchema, objectMetaSchema } from "./primitives.js";
import { podTemplateSchema } from "./pod.js";

/** The parts of a Deployment, ReplicaSet, StatefulSet or Job that expansion into pods reads. */
export interface WorkloadObject {
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly replicas?: number | undefined;
    readonly parallelism?: number | undefined;
    readonly completions?: number | undefined;
    readonly template: PodTemplateSpec;
    readonly volumeClaimTemplates?:
      | ReadonlyArray<{ readonly metadata: { readonly name: string }; readonly spec?: { readonly storageClassName?: string | undefined } | undefined }>
      | undefined;
  };
}

const metadata = objectMetaSchema(true);

/** apps/v1 Deployment and ReplicaSet: `spec.replicas` copies of `spec.template`. */
export const replicatedSchema: z.ZodType<WorkloadObject> = z.object({
  metadata,
  spec: z.object({ replicas: countSchema.optional(), template: podTemplateSchema }),
});

/** apps/v1 StatefulSet: like a Deployment, plus volume claim templates (one claim per pod). */
export const statefulSetSchema: z.ZodType<WorkloadObject> = z.object({
  metadata,
  spec: z.object({
    replicas: countSchema.optional(),
    template: podTemplateSchema,
    volumeClaimTemplates: z
      .array(z.object({ metadata: z.object({ name: nameSchema }), spec: z.object({ storageClassName: z.string().optional() }).optional() }))
      .optional(),
  }),
});

/** batch/v1 Job: `spec.parallelism` pods at once, never more than `spec.completions`. */
export const jobSchema: z.ZodType<WorkloadObject> = z.object({
  metadata,
  spec: z.object({ parallelism: countSchema.optional(), completions: countSchema.optional(), template: podTemplateSchema }),
});

/** apps/v1 DaemonSet. */
export const daemonSetSchema: z.ZodType<DaemonSet> = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata,
  spec: z.object({ template: podTemplateSchema }),
});

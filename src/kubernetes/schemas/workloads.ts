import * as z from "zod";
import type { DaemonSet, ObjectMeta, PodTemplateSpec } from "nodefit";
import { countSchema, nameSchema, objectMetaSchema } from "./primitives.js";
import { podTemplateSchema } from "./pod.js";

/**
 * The parts of a Deployment, ReplicaSet, ReplicationController, StatefulSet or Job that expansion into
 * pods reads.
 *
 * @category Manifests
 */
export interface WorkloadObject {
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly replicas?: number | undefined;
    readonly parallelism?: number | undefined;
    readonly completions?: number | undefined;
    /** A suspended Job runs no pods. */
    readonly suspend?: boolean | undefined;
    readonly template: PodTemplateSpec;
    readonly volumeClaimTemplates?:
      | ReadonlyArray<{ readonly metadata: { readonly name: string }; readonly spec?: { readonly storageClassName?: string | undefined } | undefined }>
      | undefined;
  };
  /** A Job's progress: pods running and succeeded, and whether it finished. */
  readonly status?:
    | {
        readonly active?: number | undefined;
        readonly succeeded?: number | undefined;
        readonly conditions?: ReadonlyArray<{ readonly type: string; readonly status?: string | undefined }> | undefined;
      }
    | undefined;
}

const metadata = objectMetaSchema(true);

// Conditions of a Job; `status` is optional here, unlike on Nodes, as nothing but Complete/Failed is read.
const jobConditionsSchema = z.array(z.object({ type: z.string(), status: z.string().optional() }));

/** apps/v1 Deployment and ReplicaSet, v1 ReplicationController: `spec.replicas` copies of `spec.template`. */
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

/** batch/v1 Job: `spec.parallelism` pods at once, never more than `spec.completions` minus those that succeeded. */
export const jobSchema: z.ZodType<WorkloadObject> = z.object({
  metadata,
  spec: z.object({
    parallelism: countSchema.optional(),
    completions: countSchema.optional(),
    suspend: z.boolean().optional(),
    template: podTemplateSchema,
  }),
  status: z.object({ active: countSchema.optional(), succeeded: countSchema.optional(), conditions: jobConditionsSchema.optional() }).optional(),
});

/** apps/v1 DaemonSet. */
export const daemonSetSchema: z.ZodType<DaemonSet> = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata,
  spec: z.object({ template: podTemplateSchema }),
});

import * as z from "zod";
import type { Container, ContainerPort, Pod, PodSpec, PodTemplateSpec, ResourceRequirements } from "nodefit";
import { nameSchema, objectMetaSchema, oneOf, resourceMapSchema, stringMapSchema, timestampSchema } from "./primitives.js";
import { affinitySchema, tolerationSchema, topologySpreadConstraintSchema } from "./scheduling.js";

/** Container or pod-level resources: requests and limits as quantity maps. */
export const resourceRequirementsSchema: z.ZodType<ResourceRequirements> = z.object({
  requests: resourceMapSchema.optional(),
  limits: resourceMapSchema.optional(),
  claims: z.array(z.object({ name: z.string().optional() })).optional(),
});

// The API server defaults a port's protocol to TCP; host-port conflicts compare protocols.
const containerPortSchema: z.ZodType<ContainerPort> = z
  .object({
    containerPort: z.int().min(1).max(65535).optional(),
    hostPort: z.int().min(0).max(65535).optional(),
    hostIP: z.string().optional(),
    protocol: oneOf(["TCP", "UDP", "SCTP"]).optional(),
  })
  .transform((port) => ({ ...port, protocol: port.protocol ?? "TCP" }));

const containerSchema: z.ZodType<Container> = z.object({
  name: z.string().optional(),
  resources: resourceRequirementsSchema.optional(),
  ports: z.array(containerPortSchema).optional(),
  restartPolicy: z.string().optional(),
});

/** The scheduling-relevant parts of a pod spec; at least one container. */
export const podSpecSchema: z.ZodType<PodSpec> = z.object({
  nodeName: z.string().optional(),
  nodeSelector: stringMapSchema.optional(),
  affinity: affinitySchema.optional(),
  tolerations: z.array(tolerationSchema).optional(),
  topologySpreadConstraints: z.array(topologySpreadConstraintSchema).optional(),
  containers: z.array(containerSchema).min(1, { error: "needs at least one container" }),
  initContainers: z.array(containerSchema).optional(),
  overhead: resourceMapSchema.optional(),
  resources: resourceRequirementsSchema.optional(),
  priority: z.int().optional(),
  priorityClassName: z.string().optional(),
  volumes: z
    .array(
      z.object({
        name: z.string().optional(),
        persistentVolumeClaim: z.object({ claimName: nameSchema }).optional(),
        ephemeral: z
          .object({ volumeClaimTemplate: z.object({ spec: z.object({ storageClassName: z.string().optional() }).optional() }).optional() })
          .optional(),
      }),
    )
    .optional(),
  resourceClaims: z.array(z.object({ name: z.string().optional() })).optional(),
});

/** A pod template: optional metadata (labels, annotations) and a pod spec. */
export const podTemplateSchema: z.ZodType<PodTemplateSpec> = z.object({
  metadata: objectMetaSchema(false).optional(),
  spec: podSpecSchema,
});

/**
 * The status fields nodefit reads: the phase (terminal pods), the conditions (`PodScheduled`), the
 * nominated node (a preempting pod) and the start time (`karpenter.sh/do-not-disrupt` durations).
 */
const podStatusSchema = z.object({
  phase: z.string().optional(),
  conditions: z.array(z.object({ type: z.string(), status: z.string().optional(), reason: z.string().optional() })).optional(),
  nominatedNodeName: z.string().optional(),
  startTime: timestampSchema.optional(),
});

/** A v1 Pod. */
export const podSchema: z.ZodType<Pod> = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: objectMetaSchema(true),
  spec: podSpecSchema,
  status: podStatusSchema.optional(),
});

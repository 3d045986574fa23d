import * as z from "zod";
import type { CSINode, PersistentVolume, PersistentVolumeClaim, StorageClass } from "nodefit";
import { countSchema, nameSchema, objectMetaSchema, oneOf } from "./primitives.js";
import { nodeSelectorTermSchema } from "./scheduling.js";

/** v1 PersistentVolumeClaim: the fields volume topology reads. */
export const persistentVolumeClaimSchema: z.ZodType<PersistentVolumeClaim> = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: objectMetaSchema(true),
  spec: z.object({ storageClassName: z.string().optional(), volumeName: z.string().optional() }).optional(),
  status: z.object({ phase: z.string().optional() }).optional(),
});

/** v1 PersistentVolume: node affinity and the source kinds volume topology and limits read. */
export const persistentVolumeSchema: z.ZodType<PersistentVolume> = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: objectMetaSchema(true),
  spec: z
    .object({
      storageClassName: z.string().optional(),
      nodeAffinity: z.object({ required: z.object({ nodeSelectorTerms: z.array(nodeSelectorTermSchema) }).optional() }).optional(),
      csi: z.object({ driver: nameSchema, volumeHandle: z.string().optional() }).optional(),
      awsElasticBlockStore: z.object({ volumeID: z.string().optional() }).optional(),
      local: z.object({ path: z.string().optional() }).optional(),
      hostPath: z.object({ path: z.string().optional() }).optional(),
    })
    .optional(),
});

/** storage.k8s.io/v1 StorageClass. */
export const storageClassSchema: z.ZodType<StorageClass> = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: objectMetaSchema(true),
  provisioner: nameSchema,
  volumeBindingMode: oneOf(["Immediate", "WaitForFirstConsumer"]).optional(),
  allowedTopologies: z
    .array(
      z.object({
        matchLabelExpressions: z.array(z.object({ key: nameSchema, values: z.array(z.string()).min(1, { error: "needs at least one value" }) })).optional(),
      }),
    )
    .optional(),
});

/** storage.k8s.io/v1 CSINode: per-driver attach limits of one node. */
export const csiNodeSchema: z.ZodType<CSINode> = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: objectMetaSchema(true),
  spec: z.object({
    drivers: z.array(z.object({ name: nameSchema, nodeID: z.string().optional(), allocatable: z.object({ count: countSchema.optional() }).optional() })),
  }),
});

import type { z } from "zod";
import { nodeClaimSchema, nodePoolSchema } from "./schemas/karpenter.js";
import { nodeSchema, podDisruptionBudgetSchema } from "./schemas/cluster.js";
import { podSchema } from "./schemas/pod.js";
import { ec2NodeClassSchema } from "./schemas/ec2nodeclass.js";
import { daemonSetSchema, jobSchema, replicatedSchema, statefulSetSchema } from "./schemas/workloads.js";
import { nodeOverlaySchema } from "./schemas/node-overlay.js";
import { csiNodeSchema, persistentVolumeClaimSchema, persistentVolumeSchema, storageClassSchema } from "./schemas/storage.js";
import { FAIL, FAST_KINDS } from "./fast/schemas.js";
import type { KindValidator } from "./read-kubernetes.js";
import { issueMessage, issuePath } from "./zod-issues.js";

/**
 * The zod schema of each kind nodefit reads (catalogues have their own reader).
 *
 * @internal
 */
export const KIND_SCHEMAS: ReadonlyMap<string, z.ZodType> = new Map<string, z.ZodType>([
  ["Pod", podSchema],
  ["Deployment", replicatedSchema],
  ["ReplicaSet", replicatedSchema],
  ["ReplicationController", replicatedSchema],
  ["StatefulSet", statefulSetSchema],
  ["Job", jobSchema],
  ["DaemonSet", daemonSetSchema],
  ["Node", nodeSchema],
  ["NodePool", nodePoolSchema],
  ["NodeClaim", nodeClaimSchema],
  ["PodDisruptionBudget", podDisruptionBudgetSchema],
  ["EC2NodeClass", ec2NodeClassSchema],
  ["PersistentVolumeClaim", persistentVolumeClaimSchema],
  ["PersistentVolume", persistentVolumeSchema],
  ["StorageClass", storageClassSchema],
  ["CSINode", csiNodeSchema],
  ["NodeOverlay", nodeOverlaySchema],
]);

/**
 * Validates one object of a kind nodefit reads: the fast check when it is sure, else the kind's zod schema,
 * which also words every refusal.
 *
 * @param kind - a kind of `KINDS` other than InstanceTypeCatalog
 * @param object - the object (a plain-data copy)
 * @returns the parsed object, or the issues
 * @internal
 */
export const validateKind: KindValidator = (kind, object) => {
  const fast = FAST_KINDS.get(kind)?.(object);
  if (fast !== undefined && fast !== FAIL) return { ok: true, data: fast };
  // Every kind the reader validates has a schema (the kinds test checks both lists).
  const parsed = KIND_SCHEMAS.get(kind)!.safeParse(object, { reportInput: true, error: issueMessage });
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message })) };
};

/**
 * The fast checks of the kinds most manifests hold (Pods, workloads, DaemonSets, NodePools) and of
 * InstanceTypeCatalog documents, field for field the zod schemas in `../schemas/` (same keys, same order,
 * same transforms). A kind without one here is always read by zod.
 *
 * @internal
 * @module
 */
import { LABEL_NODEPOOL, Requirement, isRestrictedLabel, parseCron } from "nodefit";
import { BUDGET_DURATION, BUDGET_NODES, EFFECTS, EXPIRY, GRACE_PERIOD, INTEGER, operatorValuesProblem, POD_OPERATORS, RFC3339 } from "../schemas/patterns.js";
import { quantityProblem } from "../schemas/quantity.js";
import {
  type Check,
  FAIL,
  bool,
  copyEntries,
  int,
  isRecord,
  list,
  map,
  mapped,
  matching,
  name,
  num,
  object,
  oneOf,
  optional,
  refined,
  required,
  str,
} from "./check.js";

const stringMap = map((_key, value) => typeof value === "string");
const resourceMap = map((resource, quantity) => quantityProblem(resource, quantity) === undefined);
const timestamp: Check = (value) => {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? FAIL : value;
  return typeof value === "string" && RFC3339.test(value) && !Number.isNaN(Date.parse(value)) ? value : FAIL;
};
const count = int(0);

const ownerReference = object({
  apiVersion: optional(str),
  kind: required(str),
  name: required(str),
  uid: optional(str),
  controller: optional(bool),
});

function objectMeta(requireName: boolean): Check {
  return object({
    name: requireName ? required(name) : optional(str),
    namespace: optional(str),
    uid: optional(str),
    labels: optional(stringMap),
    annotations: optional(stringMap),
    creationTimestamp: optional(timestamp),
    deletionTimestamp: optional(timestamp),
    ownerReferences: optional(list(ownerReference)),
  });
}
const metadata = objectMeta(true);

// --- scheduling.ts

const taint = object({ key: required(name), value: optional(str), effect: required(oneOf(EFFECTS)) });

interface TolerationValue {
  readonly key?: string;
  readonly operator?: string;
  readonly value?: string;
}
const toleration = refined<TolerationValue>(
  object({
    key: optional(str),
    operator: optional(oneOf(["", "Equal", "Exists", "Lt", "Gt"])),
    value: optional(str),
    effect: optional(oneOf(["", ...EFFECTS])),
    tolerationSeconds: optional(int()),
  }),
  (t) => {
    const operator = t.operator ?? "";
    if ((t.key ?? "") === "" && operator !== "Exists") return false;
    if (operator === "Exists" && (t.value ?? "") !== "") return false;
    return !((operator === "Lt" || operator === "Gt") && !INTEGER.test(t.value ?? ""));
  },
);

interface RequirementValue {
  readonly key: string;
  readonly operator: string;
  readonly values?: readonly string[];
  readonly minValues?: number;
}

/** `checkRequirement` of the zod schemas, as a yes or no. */
function requirementOk(requirement: RequirementValue, useCore: boolean): boolean {
  const values = requirement.values ?? [];
  if (operatorValuesProblem(requirement.operator, values) !== undefined) return false;
  if (!useCore || requirement.key === "") return true;
  try {
    Requirement.create(requirement.key, requirement.operator, values, requirement.minValues);
    return true;
  } catch {
    // The zod schema reports anything the core throws as an issue.
    return false;
  }
}

const nodeSelectorRequirement = refined<RequirementValue>(
  object({ key: required(name), operator: required(oneOf(POD_OPERATORS)), values: optional(list(str)) }),
  (r) => requirementOk(r, true),
);
const requirementWithMinValues = refined<RequirementValue>(
  object({
    key: required(name),
    operator: required(oneOf([...POD_OPERATORS, "Gte", "Lte"])),
    values: optional(list(str)),
    minValues: optional(int(1, 50)),
  }),
  (r) => requirementOk(r, true),
);
const nodeSelectorTerm = object({ matchExpressions: optional(list(nodeSelectorRequirement)), matchFields: optional(list(nodeSelectorRequirement)) });
const labelSelector = object({
  matchLabels: optional(stringMap),
  matchExpressions: optional(
    list(
      refined<RequirementValue>(
        object({ key: required(name), operator: required(oneOf(["In", "NotIn", "Exists", "DoesNotExist"])), values: optional(list(str)) }),
        (r) => requirementOk(r, false),
      ),
    ),
  ),
});
const podAffinityTerm = object({
  labelSelector: optional(labelSelector),
  namespaces: optional(list(str)),
  namespaceSelector: optional(labelSelector),
  topologyKey: required(name),
  matchLabelKeys: optional(list(str)),
  mismatchLabelKeys: optional(list(str)),
});
const weight = int(1, 100);
const podAffinity = object({
  requiredDuringSchedulingIgnoredDuringExecution: optional(list(podAffinityTerm)),
  preferredDuringSchedulingIgnoredDuringExecution: optional(list(object({ weight: required(weight), podAffinityTerm: required(podAffinityTerm) }))),
});
const affinity = object({
  nodeAffinity: optional(
    object({
      requiredDuringSchedulingIgnoredDuringExecution: optional(object({ nodeSelectorTerms: required(list(nodeSelectorTerm)) })),
      preferredDuringSchedulingIgnoredDuringExecution: optional(list(object({ weight: required(weight), preference: required(nodeSelectorTerm) }))),
    }),
  ),
  podAffinity: optional(podAffinity),
  podAntiAffinity: optional(podAffinity),
});
const topologySpreadConstraint = object({
  maxSkew: required(int(1)),
  topologyKey: required(name),
  whenUnsatisfiable: required(oneOf(["DoNotSchedule", "ScheduleAnyway"])),
  labelSelector: optional(labelSelector),
  minDomains: optional(int(1)),
  nodeAffinityPolicy: optional(oneOf(["Honor", "Ignore"])),
  nodeTaintsPolicy: optional(oneOf(["Honor", "Ignore"])),
  matchLabelKeys: optional(list(str)),
});

// --- pod.ts

const resourceRequirements = object({
  requests: optional(resourceMap),
  limits: optional(resourceMap),
  claims: optional(list(object({ name: optional(str) }))),
});
const containerPort = mapped<{ readonly protocol?: string }>(
  object({
    containerPort: optional(int(1, 65535)),
    hostPort: optional(int(0, 65535)),
    hostIP: optional(str),
    protocol: optional(oneOf(["TCP", "UDP", "SCTP"])),
  }),
  (port) => ({ ...port, protocol: port.protocol ?? "TCP" }),
);
const container = object({
  name: optional(str),
  resources: optional(resourceRequirements),
  ports: optional(list(containerPort)),
  restartPolicy: optional(str),
});
const podSpec = object({
  nodeName: optional(str),
  nodeSelector: optional(stringMap),
  affinity: optional(affinity),
  tolerations: optional(list(toleration)),
  topologySpreadConstraints: optional(list(topologySpreadConstraint)),
  containers: required(list(container, 1)),
  initContainers: optional(list(container)),
  overhead: optional(resourceMap),
  resources: optional(resourceRequirements),
  priority: optional(int()),
  priorityClassName: optional(str),
  volumes: optional(
    list(
      object({
        name: optional(str),
        persistentVolumeClaim: optional(object({ claimName: required(name) })),
        ephemeral: optional(object({ volumeClaimTemplate: optional(object({ spec: optional(object({ storageClassName: optional(str) })) })) })),
      }),
    ),
  ),
  resourceClaims: optional(list(object({ name: optional(str) }))),
});
const podTemplate = object({ metadata: optional(objectMeta(false)), spec: required(podSpec) });
const podStatus = object({
  phase: optional(str),
  conditions: optional(list(object({ type: required(str), status: optional(str), reason: optional(str) }))),
  nominatedNodeName: optional(str),
  startTime: optional(timestamp),
});
const pod = object({
  apiVersion: optional(str),
  kind: optional(str),
  metadata: required(metadata),
  spec: required(podSpec),
  status: optional(podStatus),
});

// --- workloads.ts

const replicated = object({ metadata: required(metadata), spec: required(object({ replicas: optional(count), template: required(podTemplate) })) });
const statefulSet = object({
  metadata: required(metadata),
  spec: required(
    object({
      replicas: optional(count),
      template: required(podTemplate),
      volumeClaimTemplates: optional(
        list(object({ metadata: required(object({ name: required(name) })), spec: optional(object({ storageClassName: optional(str) })) })),
      ),
    }),
  ),
});
const job = object({
  metadata: required(metadata),
  spec: required(object({ parallelism: optional(count), completions: optional(count), suspend: optional(bool), template: required(podTemplate) })),
  status: optional(
    object({
      active: optional(count),
      succeeded: optional(count),
      conditions: optional(list(object({ type: required(str), status: optional(str) }))),
    }),
  ),
});
const daemonSet = object({
  apiVersion: optional(str),
  kind: optional(str),
  metadata: required(metadata),
  spec: required(object({ template: required(podTemplate) })),
});

// --- karpenter.ts

const duration = matching(EXPIRY);
const gracePeriod = matching(GRACE_PERIOD);
const budget = refined<{ readonly schedule?: string; readonly duration?: string }>(
  object({
    nodes: required(matching(BUDGET_NODES)),
    reasons: optional(list(oneOf(["Underutilized", "Empty", "Drifted"]))),
    schedule: optional(str),
    duration: optional(matching(BUDGET_DURATION)),
  }),
  (b) => (b.schedule === undefined || parseCron(b.schedule).ok) && (b.schedule === undefined) === (b.duration === undefined),
);
const restricted = (key: string): boolean => key === LABEL_NODEPOOL || isRestrictedLabel(key);
const nodePoolTemplate = refined<{
  readonly metadata?: { readonly labels?: Readonly<Record<string, string>> };
  readonly spec?: { readonly requirements?: ReadonlyArray<{ readonly key: string }> };
}>(
  object({
    metadata: optional(object({ labels: optional(stringMap), annotations: optional(stringMap) })),
    spec: optional(
      object({
        requirements: optional(list(requirementWithMinValues)),
        taints: optional(list(taint)),
        startupTaints: optional(list(taint)),
        expireAfter: optional(duration),
        terminationGracePeriod: optional(gracePeriod),
        nodeClassRef: optional(object({ group: optional(str), kind: optional(str), name: required(name) })),
      }),
    ),
  }),
  (t) => !Object.keys(t.metadata?.labels ?? {}).some(restricted) && !(t.spec?.requirements ?? []).some((r) => restricted(r.key)),
);
const nodePool = object({
  apiVersion: optional(str),
  kind: optional(str),
  metadata: required(metadata),
  spec: required(
    object({
      template: optional(nodePoolTemplate),
      limits: optional(resourceMap),
      weight: optional(int(1, 100)),
      replicas: optional(count),
      disruption: optional(
        object({
          consolidationPolicy: optional(oneOf(["WhenEmpty", "WhenEmptyOrUnderutilized"])),
          consolidateAfter: optional(duration),
          budgets: optional(list(budget)),
        }),
      ),
    }),
  ),
});

/**
 * The fast check of each kind that has one, by kind name (the kinds of `../kinds.ts`).
 *
 * @internal
 */
export const FAST_KINDS: ReadonlyMap<string, Check> = new Map([
  ["Pod", pod],
  ["Deployment", replicated],
  ["ReplicaSet", replicated],
  ["ReplicationController", replicated],
  ["StatefulSet", statefulSet],
  ["Job", job],
  ["DaemonSet", daemonSet],
  ["NodePool", nodePool],
]);

// --- instance-type-catalog.ts

const offering = object({
  zone: required(name),
  capacityType: required(oneOf(["on-demand", "spot", "reserved"])),
  price: required(num(0)),
  available: optional(bool),
  reservationId: optional(name),
  reservationCapacity: optional(count),
});
const instanceType = object({
  name: required(name),
  labels: optional(stringMap),
  requirements: optional(list(requirementWithMinValues)),
  capacity: required(resourceMap),
  overhead: optional(object({ kubeReserved: optional(resourceMap), systemReserved: optional(resourceMap), evictionThreshold: optional(resourceMap) })),
  offerings: required(list(offering)),
});

/**
 * The fast check of an InstanceTypeCatalog document (`catalogSchema`).
 *
 * @internal
 */
export const fastCatalog: Check = object({
  apiVersion: required(oneOf(["nodefit.dev/v1alpha1"])),
  kind: required(oneOf(["InstanceTypeCatalog"])),
  metadata: optional(object({ name: optional(str) })),
  wellKnownLabels: optional(list(name)),
  capacityTypePriority: optional(list(name)),
  instanceTypes: required(list(instanceType)),
});

export { FAIL, copyEntries, isRecord };

/**
 * Small builders of Kubernetes objects for this folder's tests.
 *
 * @internal
 */
import type { KubernetesDocument } from "./types.js";

/** A pod spec with one container requesting `cpu`. */
export function podSpec(cpu: string | number = "100m"): Record<string, unknown> {
  return { containers: [{ name: "app", resources: { requests: { cpu, memory: "64Mi" } } }] };
}

/** An apps/v1 Deployment named `name` with `replicas` pods labelled `app: name`. */
export function deployment(name: string, replicas?: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, ...extra },
    spec: { ...(replicas === undefined ? {} : { replicas }), template: { metadata: { labels: { app: name } }, spec: podSpec() } },
  };
}

/** A v1 Pod; bound when `nodeName` is given. */
export function pod(name: string, nodeName?: string, namespace?: string): Record<string, unknown> {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
    spec: { ...podSpec(), ...(nodeName === undefined ? {} : { nodeName }) },
  };
}

/** A v1 Node with allocatable resources. */
export function node(name: string): Record<string, unknown> {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels: { "node.kubernetes.io/instance-type": "m5.large" } },
    status: { allocatable: { cpu: "1930m", memory: "7Gi", pods: "29" }, capacity: { cpu: "2", memory: "8Gi", pods: "29" } },
  };
}

/** A karpenter.sh/v1 NodePool. */
export function nodePool(name: string): Record<string, unknown> {
  return {
    apiVersion: "karpenter.sh/v1",
    kind: "NodePool",
    metadata: { name },
    spec: {
      template: {
        spec: {
          requirements: [{ key: "karpenter.sh/capacity-type", operator: "In", values: ["spot", "on-demand"], minValues: 1 }],
          taints: [{ key: "dedicated", value: "batch", effect: "NoSchedule" }],
          nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "default" },
        },
      },
      limits: { cpu: "1000" },
      weight: 10,
      disruption: { consolidationPolicy: "WhenEmptyOrUnderutilized", consolidateAfter: "30s", budgets: [{ nodes: "10%" }] },
    },
  };
}

/** Wraps objects as documents of one file, numbered from 1. */
export function inFile(file: string, ...objects: unknown[]): KubernetesDocument[] {
  return objects.map((object, i) => ({ object, file, index: i + 1 }));
}

/** Deep-freezes a value, so a test proves the code under test never writes to it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const entry of Object.values(value)) deepFreeze(entry);
  }
  return value;
}

/** An owner reference to the controller `kind name` (uid when given). */
export function controlledBy(kind: string, name: string, uid?: string): Record<string, unknown> {
  const apiVersion = kind === "Job" ? "batch/v1" : kind === "Node" || kind === "ReplicationController" ? "v1" : "apps/v1";
  return { apiVersion, kind, name, controller: true, ...(uid === undefined ? {} : { uid }) };
}

/** A v1 Pod with metadata and status fields merged in (owner references, phase, conditions...). */
export function podWith(
  name: string,
  options: { nodeName?: string; owner?: Record<string, unknown>; status?: Record<string, unknown>; meta?: Record<string, unknown> },
): Record<string, unknown> {
  const base = pod(name, options.nodeName);
  return {
    ...base,
    metadata: { name, ...(options.owner === undefined ? {} : { ownerReferences: [options.owner] }), ...options.meta },
    ...(options.status === undefined ? {} : { status: options.status }),
  };
}

/** A workload of `kind` (ReplicaSet, StatefulSet, Job, ...) with the given spec fields and optional owner and status. */
export function workload(
  kind: string,
  name: string,
  spec: Record<string, unknown>,
  extra: { owner?: Record<string, unknown>; uid?: string; status?: Record<string, unknown> } = {},
): Record<string, unknown> {
  const apiVersion = kind === "Job" ? "batch/v1" : kind === "ReplicationController" ? "v1" : "apps/v1";
  return {
    apiVersion,
    kind,
    metadata: { name, ...(extra.uid === undefined ? {} : { uid: extra.uid }), ...(extra.owner === undefined ? {} : { ownerReferences: [extra.owner] }) },
    spec: { ...spec, template: { metadata: { labels: { app: name } }, spec: podSpec() } },
    ...(extra.status === undefined ? {} : { status: extra.status }),
  };
}

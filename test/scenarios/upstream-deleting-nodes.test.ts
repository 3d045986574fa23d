/**
 * Upstream's scheduling suite, `Describe("Deleting Nodes")` (pkg/controllers/provisioning/scheduling/suite_test.go):
 * when a node is marked for deletion, the next provisioning run places its reschedulable pods again, so a node of
 * the same size is launched for them. Upstream's `cluster.MarkForDeletion` is a `deletionTimestamp` on the node here;
 * its `ExpectEvicted` (a terminating pod that still exists) is a `deletionTimestamp` on the bound pod.
 */
import { describe, expect, it } from "vitest";
import type { Node, Pod } from "../../src/types/kubernetes.js";
import { pod, Provisioner } from "./helpers.js";
import { upstream } from "./upstream/files.js";

const DELETED_AT = "2025-01-01T00:00:00Z";
const INSTANCE_TYPE = "node.kubernetes.io/instance-type";

const owner = (kind: string) => [{ kind, name: `${kind.toLowerCase()}-owner`, uid: `${kind}-uid`, controller: true }];
const withOwner = (p: Pod, kind: string): Pod => ({ ...p, metadata: { ...p.metadata, ownerReferences: owner(kind) } });
const markDeleting = (n: Node): Node => ({ ...n, metadata: { ...n.metadata, deletionTimestamp: DELETED_AT } });
const evict = (p: Pod): Pod => ({ ...p, metadata: { ...p.metadata, deletionTimestamp: DELETED_AT } });

/**
 * Provisions `first` (a pod requesting 100M memory, optionally owned) onto a small node, marks that node deleting,
 * evicts the pod when `evicted`, runs provisioning again with no pending pods, and returns the nodes' instance types.
 */
function afterDeletion(first: Pod, evicted: boolean): (string | undefined)[] {
  const c = new Provisioner();
  c.provision([first]);
  expect(c.nodes.map((n) => n.metadata.labels?.[INSTANCE_TYPE])).toEqual(["small-instance-type"]);
  c.nodes.splice(0, 1, ...c.nodes.slice(0, 1).map(markDeleting));
  if (evicted) c.bound.splice(0, c.bound.length, ...c.bound.map(evict));
  c.provision([]);
  return c.nodes.map((n) => n.metadata.labels?.[INSTANCE_TYPE]);
}

const memoryPod = (name: string): Pod => pod(name, { requests: { memory: "100M" } });

describe("Deleting Nodes", () => {
  it(upstream("scheduling/suite", "Deleting Nodes › should re-schedule pods from a deleting node when pods are active"), () => {
    expect(afterDeletion(memoryPod("p"), false)).toEqual(["small-instance-type", "small-instance-type"]);
  });
  it(upstream("scheduling/suite", "Deleting Nodes › should not re-schedule pods from a deleting node when pods are not active"), () => {
    expect(afterDeletion(memoryPod("p"), true)).toHaveLength(1);
  });
  it(upstream("scheduling/suite", "Deleting Nodes › should not re-schedule pods from a deleting node when pods are owned by a DaemonSet"), () => {
    // Upstream binds the DaemonSet pod by hand to a node it creates; provisioning it first gives the same node.
    expect(afterDeletion(withOwner(memoryPod("p"), "DaemonSet"), true)).toHaveLength(1);
  });
  it(
    upstream(
      "scheduling/suite",
      "Deleting Nodes › should not reschedule pods from a deleting node when pods are not active and they are owned by a ReplicaSet",
    ),
    () => {
      expect(afterDeletion(withOwner(memoryPod("p"), "ReplicaSet"), true)).toHaveLength(1);
    },
  );
  it(
    upstream("scheduling/suite", "Deleting Nodes › should reschedule pods from a deleting node when pods are not active and they are owned by a StatefulSet"),
    () => {
      expect(afterDeletion(withOwner(memoryPod("p"), "StatefulSet"), true)).toEqual(["small-instance-type", "small-instance-type"]);
    },
  );
});

/**
 * Upstream's CSI volume limit tests, translated one by one (Karpenter v1.14.1
 * pkg/controllers/provisioning/scheduling/suite_test.go "VolumeUsage"). Upstream first provisions a node for an
 * initial pod and then registers its CSINode; here that node is an existing node of the input (managed, in
 * test-zone-1, with room for every pod) and its CSINode is in `volumes.csiNodes`.
 */
import { describe, expect, test } from "vitest";
import type { Pod } from "../../src/types/kubernetes.js";
import type { VolumeObjects } from "../../src/volumes/index.js";
import { managedNode, pod, run } from "../scenarios/helpers.js";
import { claim, csiNode, podWithClaims, podWithEphemeral, storageClass, volume } from "./fixtures.js";
import { upstream } from "../scenarios/upstream/files.js";

const CSI = "fake.csi.provider";

const existing = managedNode("node-1", "default", {
  labels: {
    "topology.kubernetes.io/zone": "test-zone-1",
    "node.kubernetes.io/instance-type": "default-instance-type",
    "karpenter.sh/capacity-type": "on-demand",
  },
  allocatable: { cpu: "1024", memory: "1024Gi", pods: "1024" },
});
const initial = pod("initial", { nodeName: "node-1" });

function placedOn(result: ReturnType<typeof run>, name: string): string | undefined {
  return result.existingNodes.find((n) => n.pods.includes(name))?.name ?? result.nodeClaims.find((c) => c.pods.includes(name))?.name;
}

describe("CSI volume limits", () => {
  test(upstream("scheduling/suite", "VolumeUsage › should launch multiple nodes if required due to volume limits"), () => {
    const sc = storageClass("my-storage-class", { provisioner: CSI, bindingMode: "WaitForFirstConsumer", zones: ["test-zone-1"] });
    const claims = [0, 1, 2, 3, 4, 5].flatMap((i) => [
      claim(`my-claim-a-${i}`, { storageClassName: "my-storage-class" }),
      claim(`my-claim-b-${i}`, { storageClassName: "my-storage-class" }),
    ]);
    const pods = [0, 1, 2, 3, 4, 5].map((i) => podWithClaims(`p-${i}`, [`my-claim-a-${i}`, `my-claim-b-${i}`]));
    const volumes: VolumeObjects = { storageClasses: [sc], persistentVolumeClaims: claims, csiNodes: [csiNode("node-1", CSI, 10)] };
    const r = run({ pods, nodes: [existing], boundPods: [initial], volumes });
    // The existing node takes five pods (ten volumes); the sixth needs a new node.
    expect(r.existingNodes.map((n) => n.pods.length)).toEqual([5]);
    expect(r.nodeClaims).toHaveLength(1);
  });

  test(upstream("scheduling/suite", "VolumeUsage › should launch a single node if all pods use the same PVC"), () => {
    const volumes: VolumeObjects = {
      storageClasses: [storageClass("my-storage-class", { provisioner: CSI, zones: ["test-zone-1"] })],
      persistentVolumes: [volume("my-volume", { zones: ["test-zone-1"], driver: CSI })],
      persistentVolumeClaims: [claim("my-claim", { storageClassName: "my-storage-class", volumeName: "my-volume" })],
      csiNodes: [csiNode("node-1", CSI, 10)],
    };
    const pods = Array.from({ length: 100 }, (_, i) => podWithClaims(`p-${i}`, ["my-claim"]));
    const r = run({ pods, nodes: [existing], boundPods: [initial], volumes });
    expect(r.nodeClaims).toEqual([]);
    expect(r.existingNodes[0]?.pods).toHaveLength(100);
  });

  test(upstream("scheduling/suite", "VolumeUsage › should not fail for NFS volumes"), () => {
    const nfs = volume("my-volume", { zones: ["test-zone-1"] });
    const volumes: VolumeObjects = {
      persistentVolumes: [{ ...nfs, spec: { nodeAffinity: nfs.spec?.nodeAffinity } }],
      persistentVolumeClaims: [claim("my-claim", { storageClassName: "", volumeName: "my-volume" })],
      csiNodes: [csiNode("node-1", CSI, 1)],
    };
    const pods = Array.from({ length: 5 }, (_, i) => podWithClaims(`p-${i}`, ["my-claim", "my-claim"]));
    const r = run({ pods, nodes: [existing], boundPods: [initial], volumes });
    expect(r.nodeClaims).toEqual([]);
    expect(r.existingNodes[0]?.pods).toHaveLength(5);
  });

  // The ephemeral cases: the initial pod's claim is on node-1, whose CSINode allows one volume of the driver.
  function ephemeralCase(
    classes: VolumeObjects["storageClasses"],
    storageClassName: string | undefined,
    limits: readonly (readonly [string, number])[],
  ): ReturnType<typeof run> {
    const first = podWithEphemeral("initial", storageClassName, { nodeName: "node-1" });
    const second = podWithEphemeral("second", storageClassName);
    const claimOf = (p: Pod) => claim(`${p.metadata.name ?? ""}-tmp`, storageClassName === undefined ? {} : { storageClassName });
    const csi = { metadata: { name: "node-1" }, spec: { drivers: limits.map(([name, count]) => ({ name, allocatable: { count } })) } };
    return run({
      pods: [second],
      nodes: [existing],
      boundPods: [first],
      volumes: { storageClasses: classes, persistentVolumeClaims: [claimOf(first), claimOf(second)], csiNodes: [csi] },
    });
  }

  test(upstream("scheduling/suite", "VolumeUsage › should launch nodes for pods with ephemeral volume using the specified storage class name"), () => {
    const classes = [
      storageClass("my-storage-class", { provisioner: CSI, bindingMode: "WaitForFirstConsumer", zones: ["test-zone-1"] }),
      storageClass("default-storage-class", { provisioner: "other-provider", bindingMode: "WaitForFirstConsumer", zones: ["test-zone-1"], isDefault: true }),
    ];
    const r = ephemeralCase(classes, "my-storage-class", [
      [CSI, 1],
      ["other-provider", 10],
    ]);
    expect(placedOn(r, "default/second")).not.toBe("node-1");
    expect(r.nodeClaims).toHaveLength(1);
  });

  test(upstream("scheduling/suite", "VolumeUsage › should launch nodes for pods with ephemeral volume using a default storage class"), () => {
    const classes = [storageClass("default-storage-class", { provisioner: CSI, bindingMode: "WaitForFirstConsumer", isDefault: true })];
    const r = ephemeralCase(classes, undefined, [[CSI, 1]]);
    expect(placedOn(r, "default/second")).not.toBe("node-1");
  });

  test(upstream("scheduling/suite", "VolumeUsage › should launch nodes for pods with ephemeral volume using the newest storage class"), () => {
    const classes = [
      storageClass("default-storage-class", {
        provisioner: "other-provider",
        bindingMode: "WaitForFirstConsumer",
        isDefault: true,
        created: "2025-01-01T00:00:00Z",
      }),
      storageClass("newer-default-storage-class", { provisioner: CSI, bindingMode: "WaitForFirstConsumer", isDefault: true, created: "2025-01-01T00:00:02Z" }),
    ];
    const r = ephemeralCase(classes, undefined, [
      [CSI, 1],
      ["other-provider", 10],
    ]);
    expect(placedOn(r, "default/second")).not.toBe("node-1");
  });

  const inTree = storageClass("in-tree-storage-class", {
    provisioner: "kubernetes.io/aws-ebs",
    bindingMode: "WaitForFirstConsumer",
    zones: ["test-zone-1"],
    isDefault: true,
  });

  test(upstream("scheduling/suite", "VolumeUsage › CSIMigration › should launch nodes for pods with non-dynamic PVC using a migrated PVC/PV"), () => {
    const volumes: VolumeObjects = {
      storageClasses: [inTree],
      persistentVolumes: [volume("my-volume", { zones: ["test-zone-1"], inTreeEbs: true })],
      persistentVolumeClaims: [claim("pvc-1", { storageClassName: "in-tree-storage-class" }), claim("pvc-2", { storageClassName: "in-tree-storage-class" })],
      csiNodes: [csiNode("node-1", "ebs.csi.aws.com", 1)],
    };
    const r = run({
      pods: [podWithClaims("second", ["pvc-2"])],
      nodes: [existing],
      boundPods: [podWithClaims("initial", ["pvc-1"], { nodeName: "node-1" })],
      volumes,
    });
    expect(placedOn(r, "default/second")).not.toBe("node-1");
  });

  test(upstream("scheduling/suite", "VolumeUsage › CSIMigration › should launch nodes for pods with ephemeral volume using a migrated PVC/PV"), () => {
    const r = ephemeralCase([inTree], "in-tree-storage-class", [["ebs.csi.aws.com", 1]]);
    expect(placedOn(r, "default/second")).not.toBe("node-1");
  });

  test("control: without the CSINode limit the second pod joins node-1", () => {
    const classes = [storageClass("default-storage-class", { provisioner: CSI, bindingMode: "WaitForFirstConsumer", isDefault: true })];
    expect(placedOn(ephemeralCase(classes, undefined, [["other-provider", 1]]), "default/second")).toBe("node-1");
  });
});

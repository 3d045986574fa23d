/**
 * Which CSI driver serves a claim, as upstream's `ResolveDriver` finds it (for volume limits and the
 * unsupported-provisioner check).
 *
 * @module
 */
import type { PersistentVolumeClaim } from "../types/storage.js";
import { claimStorageClass } from "./claims.js";
import type { VolumeIndex } from "./volume-index.js";

/**
 * The EBS CSI driver, which in-tree `awsElasticBlockStore` volumes migrate to.
 *
 * @category Volumes
 */
export const AWS_EBS_CSI_DRIVER = "ebs.csi.aws.com";

/** In-tree provisioner names and the CSI drivers they migrated to (Kubernetes' csi-translation-lib). */
const IN_TREE_TO_CSI: ReadonlyMap<string, string> = new Map([
  ["kubernetes.io/aws-ebs", AWS_EBS_CSI_DRIVER],
  ["kubernetes.io/gce-pd", "pd.csi.storage.gke.io"],
  ["kubernetes.io/azure-disk", "disk.csi.azure.com"],
  ["kubernetes.io/azure-file", "file.csi.azure.com"],
  ["kubernetes.io/cinder", "cinder.csi.openstack.org"],
  ["kubernetes.io/vsphere-volume", "csi.vsphere.vmware.com"],
  ["kubernetes.io/portworx-volume", "pxd.portworx.com"],
]);

/**
 * The CSI driver of a claim: a bound claim's volume's CSI driver (in-tree EBS counts as the EBS CSI driver;
 * any other in-tree volume has none); an unbound claim's StorageClass provisioner, in-tree names translated.
 *
 * @param claim - the claim
 * @param index - the storage objects
 * @returns the driver name, `""` when none can be told (no class, class or volume not in the input)
 * @category Volumes
 */
export function claimDriver(claim: PersistentVolumeClaim, index: VolumeIndex): string {
  const volumeName = claim.spec?.volumeName ?? "";
  if (volumeName !== "") {
    const pv = index.volumes.get(volumeName);
    if (pv?.spec?.csi !== undefined) return pv.spec.csi.driver;
    if (pv?.spec?.awsElasticBlockStore !== undefined) return AWS_EBS_CSI_DRIVER;
    return "";
  }
  const className = claimStorageClass(claim, index);
  if (className === "") return "";
  const provisioner = index.classes.get(className)?.provisioner;
  if (provisioner === undefined) return "";
  return IN_TREE_TO_CSI.get(provisioner) ?? provisioner;
}

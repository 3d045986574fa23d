/**
 * The plan-validity checker's volume rules, written apart from the planner: a moved pod lands where every bound
 * volume's `nodeAffinity` accepts the node's labels (hostname terms of local and hostPath volumes aside, as those
 * pods move to new disks), and does not push a driver past the node's CSINode attach limit. Unbound claims and
 * in-tree volumes are not looked at (the simple reading the checker can vouch for).
 */
import type { NodeSelectorRequirement, Pod } from "../../src/types/kubernetes.js";
import type { PersistentVolume } from "../../src/types/storage.js";
import type { VolumeObjects } from "../../src/volumes/index.js";

const HOSTNAME = "kubernetes.io/hostname";

function boundVolumes(pod: Pod, objects: VolumeObjects): { key: string; pv: PersistentVolume }[] {
  const out: { key: string; pv: PersistentVolume }[] = [];
  const namespace = pod.metadata.namespace ?? "default";
  for (const v of pod.spec.volumes ?? []) {
    const name = v.persistentVolumeClaim?.claimName;
    if (name === undefined) continue;
    const claim = objects.persistentVolumeClaims?.find((c) => c.metadata.name === name && (c.metadata.namespace ?? "default") === namespace);
    const pv = objects.persistentVolumes?.find((p) => p.metadata.name === claim?.spec?.volumeName);
    if (pv !== undefined) out.push({ key: `${namespace}/${name}`, pv });
  }
  return out;
}

function accepts(labels: ReadonlyMap<string, string>, r: NodeSelectorRequirement): boolean {
  const value = labels.get(r.key);
  if (r.operator === "In") return value !== undefined && (r.values ?? []).includes(value);
  if (r.operator === "NotIn") return value === undefined || !(r.values ?? []).includes(value);
  if (r.operator === "Exists") return value !== undefined;
  if (r.operator === "DoesNotExist") return value === undefined;
  return true;
}

function driverClaims(pods: readonly Pod[], objects: VolumeObjects, driver: string): Set<string> {
  const keys = new Set<string>();
  for (const p of pods) for (const { key, pv } of boundVolumes(p, objects)) if (pv.spec?.csi?.driver === driver) keys.add(key);
  return keys;
}

/**
 * What is wrong with one moved pod arriving on a node, or undefined.
 *
 * @param objects - the plan input's storage objects
 * @param pod - the arriving pod
 * @param node - the target's name and labels
 * @param already - the pods on the target before this arrival
 * @returns a one-line problem, or undefined
 */
export function volumeArrivalProblem(
  objects: VolumeObjects | undefined,
  pod: Pod,
  node: { readonly name: string; readonly labels: ReadonlyMap<string, string> },
  already: readonly Pod[],
): string | undefined {
  if (objects === undefined) return undefined;
  for (const { key, pv } of boundVolumes(pod, objects)) {
    const local = pv.spec?.local !== undefined || pv.spec?.hostPath !== undefined;
    const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
    const fits = (e: NodeSelectorRequirement): boolean => (local && e.key === HOSTNAME) || accepts(node.labels, e);
    if (terms.length > 0 && !terms.some((t) => (t.matchExpressions ?? []).every(fits))) return `its volume ${key} cannot attach in ${node.name}'s topology`;
  }
  const csiNode = objects.csiNodes?.find((c) => c.metadata.name === node.name);
  for (const driver of csiNode?.spec.drivers ?? []) {
    if (driver.allocatable === undefined) continue;
    const limit = driver.allocatable.count ?? 0;
    const before = driverClaims(already, objects, driver.name).size;
    const after = driverClaims([...already, pod], objects, driver.name).size;
    if (after > before && after > limit) return `${node.name} would attach ${after} ${driver.name} volumes (limit ${limit})`;
  }
  return undefined;
}

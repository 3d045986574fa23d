/**
 * A pod's volume topology requirements, as upstream Karpenter's `VolumeTopology` computes them
 * (`GetRequirements` and `ValidatePersistentVolumeClaims`).
 *
 * @module
 */
import { LABEL_HOSTNAME, Requirements, normalizeLabelKey, requirementsFromNodeSelectorRequirements } from "../requirements/index.js";
import type { NodeSelectorRequirement, Pod } from "../types/kubernetes.js";
import type { PersistentVolumeClaim } from "../types/storage.js";
import { claimStorageClass, podClaims } from "./claims.js";
import { claimDriver } from "./drivers.js";
import type { PodVolumeRequirements, VolumeAlternative, VolumeFailureCode } from "./types.js";
import type { VolumeIndex } from "./volume-index.js";

/**
 * Kubernetes' annotation on a claim whose binding the PV controller completed.
 *
 * @category Volumes
 */
export const BIND_COMPLETED_ANNOTATION = "pv.kubernetes.io/bind-completed";

/**
 * Options of {@link podVolumeRequirements}: upstream's two refusal lists, both empty in v1.14 core and AWS.
 *
 * @category Volumes
 */
export interface VolumeTopologyOptions {
  /** Provisioners (CSI driver names) whose pods are not scheduled. */
  readonly unsupportedProvisioners?: ReadonlySet<string> | undefined;
  /** StorageClass `allowedTopologies` keys that nodes never carry; such pods are not scheduled. */
  readonly unsupportedTopologyKeys?: ReadonlySet<string> | undefined;
}

type Failure = { readonly ok: false; readonly code: VolumeFailureCode; readonly message: string };

const fail = (code: VolumeFailureCode, message: string): Failure => ({ ok: false, code, message });

function alternative(expressions: readonly NodeSelectorRequirement[]): VolumeAlternative {
  return { expressions, requirements: requirementsFromNodeSelectorRequirements(expressions) };
}

const EMPTY_ALTERNATIVE: VolumeAlternative = { expressions: [], requirements: Requirements.EMPTY };

/**
 * One volume's alternatives. A bound claim: its volume's `nodeAffinity` terms, one alternative each (for a
 * local or hostPath volume the hostname expressions are dropped, since the pod is moving to a new node, and a
 * term left empty by that is kept as an unconstrained alternative). An unbound claim: its StorageClass's
 * `allowedTopologies` terms, each expression as `In`.
 */
function volumeAlternatives(claim: PersistentVolumeClaim, index: VolumeIndex): readonly VolumeAlternative[] {
  const volumeName = claim.spec?.volumeName ?? "";
  if (volumeName !== "") {
    const pv = index.volumes.get(volumeName);
    const local = pv?.spec?.local !== undefined || pv?.spec?.hostPath !== undefined;
    const out: VolumeAlternative[] = [];
    for (const term of pv?.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? []) {
      const all = term.matchExpressions ?? [];
      const kept = local ? all.filter((e) => normalizeLabelKey(e.key) !== LABEL_HOSTNAME) : all;
      if (local && all.length > 0 && kept.length === 0) out.push(EMPTY_ALTERNATIVE);
      else if (kept.length > 0) out.push(alternative(kept));
    }
    return out;
  }
  const className = claimStorageClass(claim, index);
  const sc = className === "" ? undefined : index.classes.get(className);
  const out: VolumeAlternative[] = [];
  for (const term of sc?.allowedTopologies ?? []) {
    const expressions = (term.matchLabelExpressions ?? []).map((e) => ({ key: e.key, operator: "In", values: e.values }));
    if (expressions.length > 0) out.push(alternative(expressions));
  }
  return out;
}

function merge(a: VolumeAlternative, b: VolumeAlternative): VolumeAlternative {
  return { expressions: [...a.expressions, ...b.expressions], requirements: a.requirements.add(b.requirements) };
}

/**
 * Upstream's cross product of alternatives: every pair whose requirements intersect; when no pair does,
 * every pair anyway (upstream keeps the incompatible product so the pod fails later, at placement).
 */
function crossProduct(current: readonly VolumeAlternative[], next: readonly VolumeAlternative[]): readonly VolumeAlternative[] {
  const compatible: VolumeAlternative[] = [];
  for (const a of current) for (const b of next) if (a.requirements.intersects(b.requirements)) compatible.push(merge(a, b));
  if (compatible.length > 0) return compatible;
  return current.flatMap((a) => next.map((b) => merge(a, b)));
}

/** Upstream's `ValidatePersistentVolumeClaims` for one claim: the reasons kube-scheduler would refuse it. */
function validateClaim(claim: PersistentVolumeClaim, key: string, index: VolumeIndex, options: VolumeTopologyOptions): Failure | undefined {
  if (claim.metadata.deletionTimestamp !== undefined) return fail("volume-invalid", `claim ${key} is being deleted`);
  const volumeName = claim.spec?.volumeName ?? "";
  if (claim.status?.phase === "Lost") return fail("volume-invalid", `claim ${key} is Lost: bound to PersistentVolume "${volumeName}" which no longer exists`);
  const className = claimStorageClass(claim, index);
  if (volumeName !== "") {
    const pv = index.volumes.get(volumeName);
    if (pv === undefined) return fail("volume-not-found", `claim ${key} is bound to PersistentVolume "${volumeName}", which is not in the input`);
    if (pv.metadata.deletionTimestamp !== undefined) return fail("volume-invalid", `claim ${key}: PersistentVolume "${volumeName}" is being deleted`);
    if (claim.metadata.annotations?.[BIND_COMPLETED_ANNOTATION] === undefined) {
      return fail("volume-invalid", `claim ${key} names volume "${volumeName}" but has no ${BIND_COMPLETED_ANNOTATION} annotation, so it is not yet bound`);
    }
  } else {
    if (className === "") return fail("volume-invalid", `claim ${key} is unbound and names no StorageClass (and no default class is in the input)`);
    const sc = index.classes.get(className);
    if (sc === undefined) return fail("volume-not-found", `claim ${key} is unbound and its StorageClass "${className}" is not in the input`);
    // Kubernetes defaults volumeBindingMode to Immediate: such a claim is bound by its provisioner, not by the pod.
    if ((sc.volumeBindingMode ?? "Immediate") === "Immediate") {
      return fail(
        "volume-invalid",
        `claim ${key} is unbound and StorageClass "${className}" binds Immediately, so it must be bound before the pod can be placed`,
      );
    }
    for (const term of sc.allowedTopologies ?? []) {
      for (const e of term.matchLabelExpressions ?? []) {
        if (options.unsupportedTopologyKeys?.has(e.key) === true)
          return fail("volume-invalid", `claim ${key}: StorageClass "${className}" uses the unsupported topology key ${e.key}`);
      }
    }
  }
  const driver = claimDriver(claim, index);
  if (options.unsupportedProvisioners?.has(driver) === true) return fail("volume-invalid", `claim ${key}: provisioner ${driver} is not supported`);
  return undefined;
}

/**
 * What a pod's claims demand of its node, as upstream computes it: each claim-backed volume (a
 * `persistentVolumeClaim`, or a generic ephemeral volume through its claim `<pod>-<volume>`) is validated as
 * kube-scheduler would (claim present, not deleting or Lost; a bound claim's volume present and not deleting,
 * binding completed; an unbound claim's StorageClass present and `WaitForFirstConsumer`), then contributes
 * its alternatives: a bound volume's `nodeAffinity` terms or an unbound claim's `allowedTopologies` terms.
 * Several volumes combine by cross product, keeping the compatible branches.
 *
 * @param pod - the pod
 * @param index - the storage objects
 * @param options - upstream's refusal lists (empty by default, as in v1.14)
 * @returns the alternatives (empty: no volume constrains the node), or the reason the pod cannot be scheduled
 * @throws RequirementError when a volume's `nodeAffinity` holds an invalid expression
 * @example
 * ```ts
 * const r = podVolumeRequirements(pod, indexVolumeObjects({ persistentVolumeClaims, persistentVolumes }));
 * if (r.ok) r.alternatives.map((a) => a.requirements.toString()); // ["topology.kubernetes.io/zone In [us-east-1b]"]
 * ```
 * @category Volumes
 */
export function podVolumeRequirements(pod: Pod, index: VolumeIndex, options: VolumeTopologyOptions = {}): PodVolumeRequirements {
  let alternatives: readonly VolumeAlternative[] | undefined;
  for (const { volume, key, claim } of podClaims(pod, index)) {
    if (claim === undefined) return fail("volume-not-found", `volume "${volume}" uses claim ${key}, which is not in the input`);
    const invalid = validateClaim(claim, key, index, options);
    if (invalid !== undefined) return invalid;
    const own = volumeAlternatives(claim, index);
    if (own.length === 0) continue;
    alternatives = alternatives === undefined ? own : crossProduct(alternatives, own);
  }
  return { ok: true, alternatives: alternatives ?? [] };
}

/**
 * PodDisruptionBudgets: how many evictions each allows now, and which pods they block.
 *
 * @module
 */
import { labelSelectorMatches } from "../requirements/index.js";
import { toleratesAll } from "../taints/index.js";
import type { Pod, PodDisruptionBudget } from "../types/kubernetes.js";
import { isMirrorPod, isTerminal, isTerminating } from "./pods.js";

/**
 * A PDB with its allowance resolved.
 *
 * @category Consolidation
 */
export interface PdbState {
  /** `namespace/name`. */
  readonly name: string;
  readonly namespace: string;
  readonly pdb: PodDisruptionBudget;
  /** Evictions allowed now: `status.disruptionsAllowed` when given, otherwise computed from the spec. */
  readonly disruptionsAllowed: number;
  /** maxUnavailable 0 / "0%" or minAvailable "100%": its pods are never evicted, so never rescheduled. */
  readonly fullyBlocking: boolean;
}

const DISRUPTED_TAINT = { key: "karpenter.sh/disrupted", effect: "NoSchedule" } as const;

/**
 * Scales an int-or-percent field against a total, rounding up, as Kubernetes does for PDBs.
 *
 * @param value - e.g. `2`, `"2"` or `"50%"`
 * @param total - the expected pod count
 * @returns the absolute number, or undefined when the value is malformed
 */
export function scaledIntOrPercent(value: string | number, total: number): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value : undefined;
  const percent = /^([0-9]+)%$/.exec(value);
  if (percent !== null) return Math.ceil((Number(percent[1]) * total) / 100);
  return /^[0-9]+$/.test(value) ? Number(value) : undefined;
}

/**
 * Whether a pod is one the PDB selects: same namespace and matching selector.
 *
 * @param pdb - the PDB
 * @param pod - the pod
 * @returns true when selected
 */
export function pdbSelects(pdb: PodDisruptionBudget, pod: Pod): boolean {
  if ((pdb.metadata.namespace ?? "default") !== (pod.metadata.namespace ?? "default")) return false;
  return labelSelectorMatches(pdb.spec?.selector, pod.metadata.labels ?? {});
}

/**
 * Resolves each PDB's allowance. Without `status.disruptionsAllowed` it is computed as Kubernetes' disruption
 * controller does: expected = selected non-terminal pods, healthy = those bound to a node and not terminating,
 * desired healthy from maxUnavailable (expected − scaled value) or minAvailable (int, or percent of expected,
 * rounded up); allowed = healthy − desired, at least 0, and 0 when nothing is expected or a field is malformed.
 *
 * @param pdbs - the PDBs
 * @param pods - every pod of the cluster (bound and pending)
 * @returns one state per PDB, in input order
 * @example
 * ```ts
 * resolvePdbs([{ metadata: { name: "web" }, spec: { selector: { matchLabels: { app: "web" } }, minAvailable: 2 } }], pods);
 * ```
 * @category Consolidation
 */
export function resolvePdbs(pdbs: readonly PodDisruptionBudget[], pods: readonly Pod[]): readonly PdbState[] {
  return pdbs.map((pdb) => {
    const namespace = pdb.metadata.namespace ?? "default";
    const spec = pdb.spec ?? {};
    const fullyBlocking = spec.maxUnavailable === 0 || spec.maxUnavailable === "0%" || spec.maxUnavailable === "0" || spec.minAvailable === "100%";
    const base = { name: `${namespace}/${pdb.metadata.name ?? ""}`, namespace, pdb, fullyBlocking };
    const status = pdb.status?.disruptionsAllowed;
    if (status !== undefined) return { ...base, disruptionsAllowed: Math.max(0, status) };
    return { ...base, disruptionsAllowed: computeAllowed(pdb, pods) };
  });
}

function computeAllowed(pdb: PodDisruptionBudget, pods: readonly Pod[]): number {
  const selected = pods.filter((p) => !isTerminal(p) && pdbSelects(pdb, p));
  const expected = selected.length;
  const healthy = selected.filter((p) => p.spec.nodeName !== undefined && p.spec.nodeName !== "" && !isTerminating(p)).length;
  const spec = pdb.spec ?? {};
  let desired = 0;
  if (spec.maxUnavailable !== undefined) {
    const max = scaledIntOrPercent(spec.maxUnavailable, expected);
    if (max === undefined) return 0;
    desired = Math.max(0, expected - max);
  } else if (spec.minAvailable !== undefined) {
    const min = scaledIntOrPercent(spec.minAvailable, expected);
    if (min === undefined) return 0;
    desired = min;
  }
  if (expected <= 0) return 0;
  return Math.max(0, healthy - desired);
}

/**
 * Why a pod cannot be evicted under its PDBs.
 *
 * @category Consolidation
 */
export type PdbBlock = { readonly kind: "no-disruptions"; readonly pdb: string } | { readonly kind: "multiple"; readonly pdbs: readonly string[] };

/**
 * Whether evicting the pod is refused by PDBs: a selecting PDB allows no disruption, or more than one PDB
 * selects it (the eviction API refuses that). Pods Karpenter never evicts (terminal, terminating, mirror, or
 * tolerating `karpenter.sh/disrupted:NoSchedule`) are never blocked, nor is a pod that is not Ready when its PDB
 * says `unhealthyPodEvictionPolicy: AlwaysAllow`.
 *
 * @param pod - the pod
 * @param pdbs - resolved PDBs
 * @returns the block, or undefined when the pod may be evicted
 * @category Consolidation
 */
export function pdbBlock(pod: Pod, pdbs: readonly PdbState[]): PdbBlock | undefined {
  return evictionBlock(pod, pdbs, (s) => s.disruptionsAllowed <= 0);
}

/**
 * Whether a pod will never be evicted, so needs no new home: a fully blocking PDB selects it (or several PDBs do),
 * under the same exemptions as {@link pdbBlock}.
 *
 * @param pod - the pod
 * @param pdbs - resolved PDBs
 * @returns true when its eviction is refused for good
 */
export function isFullyBlockedByPdb(pod: Pod, pdbs: readonly PdbState[]): boolean {
  return evictionBlock(pod, pdbs, (s) => s.fullyBlocking) !== undefined;
}

/** Upstream's `isEvictable`, with what makes the pod's one PDB refuse it passed in. */
function evictionBlock(pod: Pod, pdbs: readonly PdbState[], refuses: (s: PdbState) => boolean): PdbBlock | undefined {
  if (isTerminal(pod) || isTerminating(pod) || isMirrorPod(pod)) return undefined;
  if ((pod.spec.tolerations ?? []).length > 0 && toleratesAll(pod.spec.tolerations, [DISRUPTED_TAINT])) return undefined;
  const matching = pdbs.filter((s) => pdbSelects(s.pdb, pod));
  if (matching.length > 1) return { kind: "multiple", pdbs: matching.map((m) => m.name).sort() };
  const only = matching[0];
  if (only === undefined) return undefined;
  if (only.pdb.spec?.unhealthyPodEvictionPolicy === "AlwaysAllow" && notReady(pod)) return undefined;
  return refuses(only) ? { kind: "no-disruptions", pdb: only.name } : undefined;
}

/** A `Ready=False` condition (upstream reads exactly that; a pod without the condition counts as healthy). */
function notReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "False") === true;
}

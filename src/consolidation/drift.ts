/**
 * Drift: a node that no longer matches what its NodePool would launch today.
 *
 * @module
 */
import { requirementsFromLabels, requirementsFromNodeSelectorRequirements } from "../requirements/index.js";
import { formatTaint } from "../taints/index.js";
import type { Taint } from "../types/kubernetes.js";
import type { NodeState } from "./cluster.js";

function taintKey(t: Taint): string {
  return `${t.key}\u0000${t.value ?? ""}\u0000${t.effect}`;
}

/**
 * Why a node has drifted from its NodePool, or undefined when it has not. A node drifts when:
 * its NodeClaim carries `Drifted=True` (e.g. set by the cloud provider); a NodePool requirement is not met
 * by the node's labels (each requirement that needs a value must find the label, as upstream's strict
 * compatibility check); a template label differs from the node's; or the template taints differ from the
 * NodeClaim's `spec.taints` (either way), or, without a NodeClaim, a template taint is missing on the node.
 * Upstream compares a hash of the template; nodefit compares the fields a snapshot shows.
 *
 * @param state - the node (with its NodePool)
 * @returns a readable reason, or undefined
 * @example
 * ```ts
 * driftReason(state); // 'NodePool requirements no longer met: key karpenter.sh/capacity-type, ...'
 * ```
 */
export function driftReason(state: NodeState): string | undefined {
  const pool = state.pool;
  if (pool === undefined) return undefined;
  if (state.claim?.status?.conditions?.some((c) => c.type === "Drifted" && c.status === "True") === true) {
    return "NodeClaim has condition Drifted=True";
  }
  const labels = state.node.metadata.labels ?? {};
  const template = pool.spec.template;
  let conflicts: readonly { readonly message: string }[] = [];
  try {
    conflicts = requirementsFromLabels(labels).compatible(requirementsFromNodeSelectorRequirements(template?.spec?.requirements));
  } catch {
    // An invalid NodePool requirement is the input edge's to report; it does not make nodes drift.
    conflicts = [];
  }
  if (conflicts.length > 0) return `NodePool requirements no longer met: ${conflicts.map((c) => c.message).join("; ")}`;
  const templateLabels = template?.metadata?.labels ?? {};
  for (const key of Object.keys(templateLabels).sort()) {
    const want = templateLabels[key];
    if (labels[key] !== want) return `template label ${key}=${want ?? ""} is ${labels[key] === undefined ? "missing" : `${key}=${labels[key]}`} on the node`;
  }
  const wanted = template?.spec?.taints ?? [];
  const have = state.claim?.spec?.taints ?? state.node.spec?.taints ?? [];
  const haveKeys = new Set(have.map(taintKey));
  for (const t of wanted) if (!haveKeys.has(taintKey(t))) return `template taint ${formatTaint(t)} is missing on the node`;
  if (state.claim?.spec?.taints !== undefined) {
    const wantKeys = new Set(wanted.map(taintKey));
    for (const t of have) if (!wantKeys.has(taintKey(t))) return `taint ${formatTaint(t)} is no longer in the NodePool template`;
  }
  return undefined;
}

/**
 * Node lifecycle predicates upstream keeps on its cluster state's nodes (`StateNode.Deleted`): which nodes are on
 * their way out, so they take no pods, are no disruption candidates, and their pods find a new home.
 *
 * @module
 */
import type { Node, NodeClaim } from "../types/kubernetes.js";

/**
 * Whether a NodeClaim is being deleted: a deletion timestamp, or `InstanceTerminating=True` (the node is drained
 * and the cloud provider's instance already deleted; the object may linger while finalizers run).
 *
 * @param claim - the NodeClaim
 * @returns true when it is going away
 */
export function isNodeClaimDeleting(claim: NodeClaim): boolean {
  return claim.metadata.deletionTimestamp !== undefined || isInstanceTerminating(claim);
}

/**
 * Whether a NodeClaim has `InstanceTerminating=True`: set once its node is drained and the cloud provider deleted
 * the instance, so it no longer counts as one of its NodePool's nodes.
 *
 * @param claim - the NodeClaim
 * @returns true when the condition is true
 */
export function isInstanceTerminating(claim: NodeClaim): boolean {
  return claim.status?.conditions?.some((c) => c.type === "InstanceTerminating" && c.status === "True") === true;
}

/**
 * Whether a node is being deleted: a deletion timestamp on the Node, or its NodeClaim being deleted
 * ({@link isNodeClaimDeleting}).
 *
 * @param node - the Node
 * @param claim - the NodeClaim linked to it, if any
 * @returns true when it is going away
 */
export function isNodeDeleting(node: Node, claim: NodeClaim | undefined): boolean {
  return node.metadata.deletionTimestamp !== undefined || (claim !== undefined && isNodeClaimDeleting(claim));
}

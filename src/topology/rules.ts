/**
 * The three placement rules: given a group's counts, the pod's own domains (its strict requirement
 * on the key) and the node's domains (the node's requirement on the key), which domains may the
 * node be narrowed to.
 *
 * Where upstream picks among equals by map order (random), these pick the lexically smallest domain.
 *
 * @module
 */
import { Requirement } from "../requirements/index.js";
import type { TopologyGroup } from "./group.js";

/** The node's domains already satisfy the rule: nothing to narrow. */
export const KEEP: unique symbol = Symbol("keep");

/**
 * A rule's answer: {@link KEEP}, the requirement to narrow the node to, or null when no domain is
 * allowed.
 *
 * @internal
 */
export type DomainAnswer = Requirement | typeof KEEP | null;

/**
 * The single value of an `In` requirement with exactly one value.
 *
 * @param requirement - a requirement
 * @returns the value, or undefined
 * @internal
 */
export function singleValue(requirement: Requirement): string | undefined {
  if (requirement.complement || requirement.values.size !== 1) return undefined;
  for (const value of requirement.values) return value;
  return undefined;
}

function isPlainExists(requirement: Requirement): boolean {
  return requirement.complement && requirement.values.size === 0 && requirement.gte === undefined && requirement.lte === undefined;
}

/** The answer narrowing the node to `allowed` (a non-empty subset of the node's domains). */
function narrowTo(group: TopologyGroup, node: Requirement, allowed: readonly string[]): DomainAnswer {
  if (!node.complement && allowed.length === node.values.size) return KEEP;
  if (allowed.length === 1) return group.only(allowed[0] as string);
  return Requirement.create(group.key, "In", allowed);
}

/**
 * The global minimum a spread constraint measures skew against: 0 for hostname (a new node is
 * always possible) and when fewer than minDomains domains are allowed by the pod; otherwise the
 * lowest count over the domains the pod allows (Infinity when it allows none).
 *
 * @param group - a spread group
 * @param pod - the pod's domains
 * @returns the minimum
 * @internal
 */
export function spreadMinimum(group: TopologyGroup, pod: Requirement): number {
  if (group.isHostname) return 0;
  let min = Infinity;
  let supported = 0;
  for (const [domain, count] of group.domains) {
    if (!pod.has(domain)) continue;
    supported++;
    if (count < min) min = count;
  }
  return group.minDomains !== undefined && supported < group.minDomains ? 0 : min;
}

/**
 * Topology spread: among the node's known domains whose `count + self − min ≤ maxSkew`, the one
 * with the lowest count (ties: lexically smallest). Hostname fast path: a single node hostname is
 * allowed iff `count + self ≤ maxSkew`.
 *
 * @param group - a spread group
 * @param selfSelecting - whether the group selects the pod being placed
 * @param pod - the pod's domains
 * @param node - the node's domains
 * @returns the answer
 * @internal
 */
export function nextSpreadDomain(group: TopologyGroup, selfSelecting: boolean, pod: Requirement, node: Requirement): DomainAnswer {
  const self = selfSelecting ? 1 : 0;
  const single = singleValue(node);
  if (group.isHostname && single !== undefined) return group.count(single) + self <= group.maxSkew ? KEEP : null;
  const limit = spreadMinimum(group, pod) + group.maxSkew;
  let best: string | undefined;
  let bestCount = Infinity;
  if (!node.complement) {
    for (const domain of node.values) {
      const count = group.domains.get(domain);
      if (count === undefined) continue;
      const after = count + self;
      if (after <= limit && (after < bestCount || (after === bestCount && domain < (best as string)))) {
        best = domain;
        bestCount = after;
      }
    }
  } else {
    for (const [domain, count] of group.domains) {
      if (!node.has(domain)) continue;
      const after = count + self;
      if (after <= limit && (after < bestCount || (after === bestCount && domain < (best as string)))) {
        best = domain;
        bestCount = after;
      }
    }
  }
  if (best === undefined) return null;
  return best === single ? KEEP : group.only(best);
}

/**
 * Whether some occupied domain of the group is one the pod allows.
 *
 * @param group - a group
 * @param pod - the pod's domains
 * @returns true if one is
 * @internal
 */
export function anyOccupiedIn(group: TopologyGroup, pod: Requirement): boolean {
  if (group.occupied.size === 0) return false;
  if (isPlainExists(pod)) return true;
  if (!pod.complement && pod.values.size < group.occupied.size) {
    for (const domain of pod.values) if (group.occupied.has(domain)) return true;
    return false;
  }
  for (const domain of group.occupied) if (pod.has(domain)) return true;
  return false;
}

/**
 * Pod affinity: the occupied domains the pod and the node both allow. When there are none and the
 * pod selects itself and no occupied domain is one the pod allows, it bootstraps: the lexically
 * smallest known domain both allow. Hostname fast path for a single node hostname.
 *
 * @param group - an affinity group
 * @param selfSelecting - whether the group selects the pod being placed
 * @param pod - the pod's domains
 * @param node - the node's domains
 * @returns the answer
 * @internal
 */
export function nextAffinityDomain(group: TopologyGroup, selfSelecting: boolean, pod: Requirement, node: Requirement): DomainAnswer {
  const single = singleValue(node);
  if (group.isHostname && single !== undefined) {
    if (!pod.has(single)) return null;
    if (group.count(single) > 0) return KEEP;
    return selfSelecting && !anyOccupiedIn(group, pod) ? KEEP : null;
  }
  const allowed: string[] = [];
  if (!node.complement) {
    for (const domain of node.values) if (group.occupied.has(domain) && pod.has(domain)) allowed.push(domain);
  } else {
    for (const domain of group.occupied) if (node.has(domain) && pod.has(domain)) allowed.push(domain);
  }
  if (allowed.length > 0) return narrowTo(group, node, allowed);
  if (!selfSelecting || anyOccupiedIn(group, pod)) return null;
  let first: string | undefined;
  for (const domain of group.domains.keys()) {
    if (pod.has(domain) && node.has(domain) && (first === undefined || domain < first)) first = domain;
  }
  return first === undefined ? null : narrowTo(group, node, [first]);
}

/**
 * Pod anti-affinity (forward and inverse): the empty domains the pod and the node both allow.
 * Hostname fast path: a single node hostname is allowed iff its count is 0.
 *
 * @param group - an anti-affinity group
 * @param pod - the pod's domains
 * @param node - the node's domains
 * @returns the answer
 * @internal
 */
export function nextAntiAffinityDomain(group: TopologyGroup, pod: Requirement, node: Requirement): DomainAnswer {
  const single = singleValue(node);
  if (group.isHostname && single !== undefined) return group.count(single) === 0 ? KEEP : null;
  if (group.empty.size === 0) return null;
  const allowed: string[] = [];
  if (!node.complement && node.values.size < group.empty.size) {
    for (const domain of node.values) if (group.empty.has(domain) && pod.has(domain)) allowed.push(domain);
  } else {
    for (const domain of group.empty) if (node.has(domain) && pod.has(domain)) allowed.push(domain);
  }
  return allowed.length > 0 ? narrowTo(group, node, allowed) : null;
}

/**
 * The rule of the group's type.
 *
 * @param group - a group
 * @param selfSelecting - whether the group selects the pod being placed
 * @param pod - the pod's domains
 * @param node - the node's domains
 * @returns the answer
 * @internal
 */
export function nextDomain(group: TopologyGroup, selfSelecting: boolean, pod: Requirement, node: Requirement): DomainAnswer {
  switch (group.type) {
    case "spread":
      return nextSpreadDomain(group, selfSelecting, pod, node);
    case "affinity":
      return nextAffinityDomain(group, selfSelecting, pod, node);
    case "anti-affinity":
      return nextAntiAffinityDomain(group, pod, node);
  }
}

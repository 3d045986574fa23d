import { resourceListToRecord, type NodePool, type PlannedNodeClaim } from "nodefit";
import { stringify } from "yaml";

// `-o nodeclaims`: the planned node claims as karpenter.sh/v1 NodeClaim manifests another tool can create
// (and nodefit reads back). The spec is what Karpenter's provisioner would write: the claim's requirements
// (instance types narrowed to the options that fit, cheapest first), its requests, the NodePool's taints,
// startup taints, expireAfter, terminationGracePeriod and nodeClassRef. What nodefit chose among the options rides in annotations.

/** The annotations that carry nodefit's choice among a claim's options. */
export const PLANNED_ANNOTATIONS = {
  instanceType: "nodefit.dev/planned-instance-type",
  zone: "nodefit.dev/planned-zone",
  capacityType: "nodefit.dev/planned-capacity-type",
  price: "nodefit.dev/planned-price",
  pods: "nodefit.dev/planned-pods",
} as const;

// A Map, not an object: label keys are user data (`__proto__`, integer-like keys that objects reorder).
const sortedEntries = (map: ReadonlyMap<string, string>): Map<string, string> => new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

function manifest(claim: PlannedNodeClaim, pool: NodePool | undefined): Record<string, unknown> {
  const template = pool?.spec.template?.spec;
  const labels = new Map(claim.labels);
  labels.set("karpenter.sh/nodepool", claim.nodePool);
  const annotations = new Map<string, string>([
    [PLANNED_ANNOTATIONS.instanceType, claim.instanceType],
    [PLANNED_ANNOTATIONS.zone, claim.zone],
    [PLANNED_ANNOTATIONS.capacityType, claim.capacityType],
    [PLANNED_ANNOTATIONS.price, String(claim.price)],
    [PLANNED_ANNOTATIONS.pods, claim.pods.join(",")],
  ]);
  return {
    apiVersion: "karpenter.sh/v1",
    kind: "NodeClaim",
    metadata: { name: claim.name, labels: sortedEntries(labels), annotations: sortedEntries(annotations) },
    spec: {
      ...(template?.nodeClassRef === undefined ? {} : { nodeClassRef: { ...template.nodeClassRef } }),
      requirements: claim.requirements.map((r) => ({
        key: r.key,
        operator: r.operator,
        ...(r.values === undefined ? {} : { values: [...r.values] }),
        ...(r.minValues === undefined ? {} : { minValues: r.minValues }),
      })),
      resources: { requests: resourceListToRecord(claim.requests) },
      ...(claim.taints.length === 0 ? {} : { taints: claim.taints.map((t) => ({ ...t })) }),
      ...(template?.startupTaints === undefined || template.startupTaints.length === 0 ? {} : { startupTaints: template.startupTaints.map((t) => ({ ...t })) }),
      ...(template?.expireAfter === undefined ? {} : { expireAfter: template.expireAfter }),
      ...(template?.terminationGracePeriod === undefined ? {} : { terminationGracePeriod: template.terminationGracePeriod }),
    },
  };
}

/**
 * Renders planned node claims as a multi-document YAML stream of karpenter.sh/v1 NodeClaims.
 *
 * @param claims - the planned claims, in plan order
 * @param pools - the NodePools they come from (for nodeClassRef, startup taints and expireAfter)
 * @returns YAML text; empty when there are no claims
 */
export function renderNodeClaims(claims: readonly PlannedNodeClaim[], pools: readonly NodePool[]): string {
  const byName = new Map(pools.map((p) => [p.metadata.name ?? "", p]));
  return claims.map((c) => `---\n${stringify(manifest(c, byName.get(c.nodePool)), { aliasDuplicateObjects: false, lineWidth: 0 })}`).join("");
}

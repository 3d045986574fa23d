/**
 * Where NodeOverlays are evaluated: the shared catalogue once, or each NodePool apart, as upstream's
 * NodeOverlay controller evaluates every overlay against each NodePool's instance types.
 *
 * @module
 */
import type { InstanceType } from "../instance-types/index.js";
import { LABEL_NODEPOOL, Requirement, requirementsFromLabels, type Requirements } from "../requirements/index.js";
import type { NodePool } from "../types/kubernetes.js";

/** One evaluation scope: a NodePool, or the shared catalogue (name ""). */
export interface Scope {
  readonly name: string;
  /** The labels overlays see for a type in this scope. */
  readonly typeRequirements: (type: InstanceType) => Requirements;
}

/** The scopes of a run: which ones see each type. */
export interface Scopes {
  readonly of: (type: InstanceType) => readonly Scope[];
}

const SHARED: readonly Scope[] = [{ name: "", typeRequirements: (type) => type.requirements }];

/** One scope, the catalogue as it is: overlays see each type's own labels. */
export const SHARED_SCOPES: Scopes = { of: () => SHARED };

/**
 * The label keys a NodePool adds to what overlays see: `karpenter.sh/nodepool` and its template labels. An
 * overlay naming none of them sees every type alike in every NodePool.
 *
 * @param nodePools - the NodePools
 * @returns the keys
 */
export function poolLabelKeys(nodePools: readonly NodePool[]): ReadonlySet<string> {
  const keys = new Set<string>([LABEL_NODEPOOL]);
  for (const pool of nodePools) for (const key of Object.keys(pool.spec.template?.metadata?.labels ?? {})) keys.add(key);
  return keys;
}

/**
 * One scope per NodePool: a type is seen by the NodePools its `karpenter.sh/nodepool` requirement admits (every
 * NodePool when it has none), with the NodePool's name and template labels added to its labels (upstream's
 * `getOverlaidOfferings`). The NodePool's own requirements do not narrow what it sees: upstream's store holds
 * every type the cloud provider returns for the NodePool. A type no NodePool sees is never launched; it keeps the
 * shared scope, so an overlay that names no NodePool label treats every type as without NodePools.
 *
 * @param instanceTypes - the catalogue
 * @param nodePools - the NodePools
 * @returns the scopes
 */
export function poolScopes(instanceTypes: readonly InstanceType[], nodePools: readonly NodePool[]): Scopes {
  const scopes: Scope[] = [];
  const seen = new Set<string>();
  for (const pool of nodePools) {
    const name = pool.metadata.name ?? "";
    if (seen.has(name)) continue;
    seen.add(name);
    const own = requirementsFromLabels(pool.spec.template?.metadata?.labels).add(Requirement.create(LABEL_NODEPOOL, "In", [name]));
    const cache = new Map<InstanceType, Requirements>();
    const typeRequirements = (type: InstanceType): Requirements => {
      let r = cache.get(type);
      if (r === undefined) cache.set(type, (r = own.add(type.requirements)));
      return r;
    };
    scopes.push({ name, typeRequirements });
  }
  const byType = new Map<InstanceType, readonly Scope[]>();
  for (const type of instanceTypes) {
    const admitted = type.requirements.get(LABEL_NODEPOOL);
    const seen = scopes.filter((s) => admitted.has(s.name));
    byType.set(type, seen.length > 0 ? seen : SHARED);
  }
  return { of: (type) => byType.get(type) ?? [] };
}

/**
 * Variants of one type, each restricted to the NodePools that see it so (`karpenter.sh/nodepool In [...]`), so
 * every NodePool's template picks exactly its own.
 *
 * @param variants - the type as each group of NodePools sees it
 * @param pools - the groups, aligned with `variants`
 * @returns the restricted variants
 */
export function splitByPool(variants: readonly InstanceType[], pools: readonly (readonly string[])[]): InstanceType[] {
  return variants.map((type, i) => ({ ...type, requirements: type.requirements.add(Requirement.create(LABEL_NODEPOOL, "In", pools[i] ?? [])) }));
}

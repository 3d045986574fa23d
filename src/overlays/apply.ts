/**
 * `applyNodeOverlays`: NodeOverlays applied to an instance-type catalogue, with upstream's precedence and
 * conflict rules (`pkg/controllers/nodeoverlay`).
 *
 * @module
 */
import { allocatableOf, isOfferingCompatible, type InstanceType, type Offering } from "../instance-types/index.js";
import { isQualifiedName, isRestrictedLabel, LABEL_NODEPOOL, requirementsFromNodeSelectorRequirements, type Requirements } from "../requirements/index.js";
import { resourceList, type ResourceList } from "../resources/index.js";
import type { NodePool } from "../types/kubernetes.js";
import type { NodeOverlay } from "../types/node-overlay.js";
import { adjustedPrice, OVERLAY_PRICE_ADJUSTMENT_PATTERN, OVERLAY_PRICE_PATTERN } from "./price.js";
import { poolLabelKeys, poolScopes, SHARED_SCOPES, splitByPool, type Scope } from "./scopes.js";

/**
 * Why an overlay was not applied: `invalid` (upstream's RuntimeValidation) or `conflict` (an equal-weight overlay got there first).
 *
 * @category Node overlays
 */
export interface OverlayConflict {
  readonly overlay: string;
  readonly reason: "invalid" | "conflict";
  readonly message: string;
}

/**
 * What one applied overlay changed.
 *
 * @category Node overlays
 */
export interface OverlayEffect {
  readonly overlay: string;
  /** Instance types whose price or capacity it set, by name, sorted. */
  readonly instanceTypes: readonly string[];
  /** When overlays were evaluated per NodePool: the NodePools in which it set them, sorted. */
  readonly nodePools?: readonly string[];
}

/**
 * The outcome of {@link applyNodeOverlays}.
 *
 * @category Node overlays
 */
export interface NodeOverlayResult {
  /** The catalogue with overlays applied; unchanged types are the input objects themselves. */
  readonly instanceTypes: readonly InstanceType[];
  /** Overlays not applied, with the reason, in precedence order. */
  readonly conflicts: readonly OverlayConflict[];
  /** Overlays applied and what they reached, in precedence order (an overlay matching nothing reaches no type). */
  readonly applied: readonly OverlayEffect[];
}

/** Resources an overlay may not add (upstream's well-known resources). */
const RESERVED_RESOURCES: ReadonlySet<string> = new Set(["cpu", "memory", "ephemeral-storage", "pods"]);

interface Compiled {
  readonly name: string;
  readonly weight: number;
  readonly requirements: Requirements;
  readonly price: string | undefined;
  readonly capacity: ResourceList | undefined;
}

/** Upstream's `RuntimeValidate` plus the CRD's checks: the overlay compiled, or why it is invalid. */
function compile(overlay: NodeOverlay): Compiled | string {
  const spec = overlay.spec;
  for (const r of spec.requirements ?? []) {
    if (!isQualifiedName(r.key)) return `requirement key ${JSON.stringify(r.key)} is not a valid label key`;
    if (isRestrictedLabel(r.key) && r.key !== LABEL_NODEPOOL) return `requirement key ${r.key} is restricted`;
    if ((r.operator === "In" || r.operator === "NotIn") && (r.values ?? []).length === 0) return `requirement ${r.key} ${r.operator} must have a value`;
  }
  let requirements: Requirements;
  try {
    requirements = requirementsFromNodeSelectorRequirements(spec.requirements);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (spec.price !== undefined && spec.priceAdjustment !== undefined) return "cannot set both price and priceAdjustment";
  if (spec.price !== undefined && !OVERLAY_PRICE_PATTERN.test(spec.price)) return `price ${JSON.stringify(spec.price)} is not an unsigned decimal like "0.5"`;
  if (spec.priceAdjustment !== undefined && !OVERLAY_PRICE_ADJUSTMENT_PATTERN.test(spec.priceAdjustment)) {
    return `priceAdjustment ${JSON.stringify(spec.priceAdjustment)} is not a signed amount or percentage like "-0.5" or "-15%"`;
  }
  let capacity: ResourceList | undefined;
  if (spec.capacity !== undefined) {
    for (const name of Object.keys(spec.capacity)) if (RESERVED_RESOURCES.has(name)) return `capacity may not set ${name}`;
    try {
      capacity = resourceList(spec.capacity, [], "down");
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
  return { name: overlay.metadata.name ?? "", weight: spec.weight ?? 0, requirements, price: spec.price ?? spec.priceAdjustment, capacity };
}

/** Upstream's `OrderByWeight`: heavier first; equal weights by name, later in the alphabet first. */
function byPrecedence(a: Compiled, b: Compiled): number {
  if (a.weight !== b.weight) return b.weight - a.weight;
  return a.name > b.name ? -1 : a.name < b.name ? 1 : 0;
}

/** Price state of one offering: the first (heaviest) overlay's change, and the lightest weight that matched. */
interface PriceUpdate {
  readonly change: string;
  lowestWeight: number;
}

/** Capacity state of one type: merged resources (heavier wins per resource), and the lightest overlay's own. */
interface CapacityUpdate {
  readonly merged: Map<string, number>;
  lowestResources: ResourceList;
  lowestWeight: number;
}

interface TypeUpdate {
  readonly prices: Map<string, PriceUpdate>;
  capacity: CapacityUpdate | undefined;
}

/** The offerings of `type` an overlay reaches: none when the type's labels (in the NodePool's scope) rule it out. */
function reachedOfferings(labels: Requirements, type: InstanceType, requirements: Requirements): readonly Offering[] {
  if (!labels.isCompatible(requirements)) return [];
  return type.offerings.filter((o) => isOfferingCompatible(o, requirements));
}

/** What an overlay reaches: per scope and type (the update key), the type and its reached offerings. */
type Reached = Map<string, { readonly scope: string; readonly type: InstanceType; readonly offerings: readonly Offering[] }>;

/** The store key of a type's updates within a scope: upstream keeps one store per NodePool. */
const updateKey = (scope: Scope, type: InstanceType): string => `${scope.name}\u0000${type.name}`;

function conflicts(overlay: Compiled, reached: Reached, updates: ReadonlyMap<string, TypeUpdate>): boolean {
  for (const [key, { offerings }] of reached) {
    const update = updates.get(key);
    if (update === undefined) continue;
    if (overlay.price !== undefined) {
      for (const o of offerings) if (update.prices.get(o.requirements.toString())?.lowestWeight === overlay.weight) return true;
    }
    const cap = update.capacity;
    if (overlay.capacity !== undefined && cap !== undefined && cap.lowestWeight === overlay.weight) {
      for (const name of overlay.capacity.keys()) if (cap.lowestResources.has(name)) return true;
    }
  }
  return false;
}

function record(overlay: Compiled, reached: Reached, updates: Map<string, TypeUpdate>): void {
  for (const [key, { offerings }] of reached) {
    let update = updates.get(key);
    if (update === undefined) {
      update = { prices: new Map(), capacity: undefined };
      updates.set(key, update);
    }
    if (overlay.price !== undefined) {
      for (const o of offerings) {
        const key = o.requirements.toString();
        const existing = update.prices.get(key);
        if (existing === undefined) update.prices.set(key, { change: overlay.price, lowestWeight: overlay.weight });
        else existing.lowestWeight = overlay.weight;
      }
    }
    if (overlay.capacity !== undefined) {
      if (update.capacity === undefined) {
        update.capacity = { merged: new Map(overlay.capacity), lowestResources: overlay.capacity, lowestWeight: overlay.weight };
      } else {
        for (const [name, amount] of overlay.capacity) if (!update.capacity.merged.has(name)) update.capacity.merged.set(name, amount);
        update.capacity.lowestResources = overlay.capacity;
        update.capacity.lowestWeight = overlay.weight;
      }
    }
  }
}

/** A canonical text of an update, so that NodePools whose types end up equal share one variant. */
function describeUpdate(update: TypeUpdate | undefined): string {
  if (update === undefined) return "";
  const prices = [...update.prices].map(([offering, p]) => `${offering}=${p.change}`).sort();
  const capacity = [...(update.capacity?.merged ?? [])].map(([name, amount]) => `${name}=${amount}`).sort();
  return `${prices.join(";")}|${capacity.join(";")}`;
}

function applyUpdate(type: InstanceType, update: TypeUpdate): InstanceType {
  let next = type;
  if (update.capacity !== undefined && update.capacity.merged.size > 0) {
    const capacity = new Map([...type.capacity, ...update.capacity.merged]);
    next = { ...next, capacity, allocatable: allocatableOf(capacity, type.overhead) };
  }
  if (update.prices.size > 0) {
    const offerings = type.offerings.map((o) => {
      const price = update.prices.get(o.requirements.toString());
      return price === undefined ? o : { ...o, price: adjustedPrice(o.price, price.change) };
    });
    next = { ...next, offerings };
  }
  return next;
}

/**
 * Applies NodeOverlays to a catalogue the way upstream's NodeOverlay controller does: overlays in precedence
 * order (heavier first; equal weights by name, later in the alphabet first); an invalid overlay is skipped; an
 * overlay reaches the instance types whose labels are compatible with its requirements and, of each, the
 * offerings whose zone and capacity type are; the first overlay to set an offering's price wins, and the
 * first to set a resource wins (lighter overlays may add other resources). An overlay that would touch an
 * offering (price) or resource (capacity) already touched by an overlay of the same weight conflicts, and is
 * not applied at all, to any type. Adjusted prices never go below zero; capacity changes recompute
 * allocatable. Pure: the inputs are never mutated.
 *
 * Given the NodePools, overlays are evaluated per NodePool as upstream's store is: a type is matched with the
 * NodePool's name (`karpenter.sh/nodepool`) and template labels added to its own labels, conflicts are found per
 * NodePool (an overlay conflicting in one NodePool is applied in none), and a type the NodePools see differently
 * becomes one variant per outcome, each restricted to its NodePools by a `karpenter.sh/nodepool In [...]`
 * requirement (as the AWS adapter's per-EC2NodeClass variants are; a type already restricted serves only the
 * NodePools it names). Without them, overlays are evaluated once against the types' own labels, so a requirement
 * on a NodePool's name or labels matches nothing.
 *
 * @param instanceTypes - the catalogue
 * @param overlays - the NodeOverlays
 * @param nodePools - the NodePools the catalogue serves, to evaluate overlays per NodePool
 * @returns the new catalogue, the overlays not applied with their reason, and what each applied overlay reached
 * @example
 * ```ts
 * const { instanceTypes } = applyNodeOverlays(catalogue, [{
 *   metadata: { name: "discount" },
 *   spec: { requirements: [{ key: "karpenter.k8s.aws/instance-family", operator: "In", values: ["m7i"] }], priceAdjustment: "-30%" },
 * }]);
 * ```
 * @category Node overlays
 */
export function applyNodeOverlays(
  instanceTypes: readonly InstanceType[],
  overlays: readonly NodeOverlay[],
  nodePools?: readonly NodePool[],
): NodeOverlayResult {
  const rejected: OverlayConflict[] = [];
  const valid: Compiled[] = [];
  for (const overlay of overlays) {
    const compiled = compile(overlay);
    if (typeof compiled === "string") rejected.push({ overlay: overlay.metadata.name ?? "", reason: "invalid", message: compiled });
    else valid.push(compiled);
  }
  valid.sort(byPrecedence);
  // Overlays that name no NodePool label reach every NodePool's types alike: one evaluation, no variants.
  const poolKeys = nodePools === undefined ? undefined : poolLabelKeys(nodePools);
  const perPool = poolKeys !== undefined && valid.some((o) => o.requirements.keys().some((key) => poolKeys.has(key)));
  const scopes = perPool ? poolScopes(instanceTypes, nodePools ?? []) : SHARED_SCOPES;
  const updates = new Map<string, TypeUpdate>();
  const conflictsFound: OverlayConflict[] = [];
  const applied: OverlayEffect[] = [];
  for (const overlay of valid) {
    const reached: Reached = new Map();
    for (const type of instanceTypes) {
      for (const scope of scopes.of(type)) {
        const offerings = reachedOfferings(scope.typeRequirements(type), type, overlay.requirements);
        if (offerings.length > 0) reached.set(updateKey(scope, type), { scope: scope.name, type, offerings });
      }
    }
    if (conflicts(overlay, reached, updates)) {
      conflictsFound.push({ overlay: overlay.name, reason: "conflict", message: "conflicts with another overlay of the same weight" });
      continue;
    }
    record(overlay, reached, updates);
    const changes = overlay.price !== undefined || overlay.capacity !== undefined;
    const touched = changes ? [...reached.values()].map((r) => r.type.name) : [];
    const effect: OverlayEffect = { overlay: overlay.name, instanceTypes: [...new Set(touched)].sort() };
    if (!perPool) applied.push(effect);
    else applied.push({ ...effect, nodePools: changes ? [...new Set([...reached.values()].map((r) => r.scope))].sort() : [] });
  }
  const result =
    updates.size === 0
      ? instanceTypes
      : instanceTypes.flatMap((t) => {
          // NodePools whose outcome for the type is the same share one variant, in NodePool order.
          const outcomes = new Map<string, { readonly update: TypeUpdate | undefined; readonly pools: string[] }>();
          for (const scope of scopes.of(t)) {
            const update = updates.get(updateKey(scope, t));
            const key = describeUpdate(update);
            const seen = outcomes.get(key);
            if (seen === undefined) outcomes.set(key, { update, pools: [scope.name] });
            else seen.pools.push(scope.name);
          }
          const variants = [...outcomes.values()];
          const made = variants.map(({ update }) => (update === undefined ? t : applyUpdate(t, update)));
          return variants.length < 2
            ? made
            : splitByPool(
                made,
                variants.map((v) => v.pools),
              );
        });
  return { instanceTypes: result, conflicts: [...rejected, ...conflictsFound], applied };
}

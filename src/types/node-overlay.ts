/**
 * The structural shape of Karpenter's `karpenter.sh/v1alpha1` NodeOverlay.
 *
 * @module
 */
import type { NodeSelectorRequirement, ObjectMeta, ResourceMap } from "./kubernetes.js";

/**
 * A karpenter.sh/v1alpha1 NodeOverlay: changes the price or adds extended resources of matching instance types.
 *
 * @category Kubernetes objects
 */
export interface NodeOverlay {
  readonly apiVersion?: string | undefined;
  readonly kind?: string | undefined;
  readonly metadata: ObjectMeta;
  readonly spec: {
    /** Which instance types and offerings it applies to (ANDed); empty matches everything. */
    readonly requirements?: readonly NodeSelectorRequirement[] | undefined;
    /** A new price for matching offerings, e.g. `"0.5"`. At most one of `price` and `priceAdjustment`. */
    readonly price?: string | undefined;
    /** A signed change, absolute (`"-0.5"`, `"+1.2"`) or a percentage (`"-15%"`, `"+10%"`). */
    readonly priceAdjustment?: string | undefined;
    /** Extended resources added to matching instance types (never cpu, memory, ephemeral-storage or pods). */
    readonly capacity?: ResourceMap | undefined;
    /** 1..10000; higher wins; absent counts as 0. */
    readonly weight?: number | undefined;
  };
}

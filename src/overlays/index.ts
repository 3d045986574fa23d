/**
 * NodeOverlay (`karpenter.sh/v1alpha1`): price changes and extended resources applied to an instance-type
 * catalogue before scheduling and consolidation, with upstream's precedence and conflict rules.
 *
 * @module
 */
export { applyNodeOverlays, type NodeOverlayResult, type OverlayConflict, type OverlayEffect } from "./apply.js";
export { adjustedPrice, OVERLAY_PRICE_ADJUSTMENT_PATTERN, OVERLAY_PRICE_PATTERN } from "./price.js";

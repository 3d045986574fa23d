/**
 * Taints and tolerations with Kubernetes semantics.
 *
 * @module
 */
export { toleratesTaint, untoleratedTaints, toleratesAll } from "./tolerates.js";
export { EPHEMERAL_TAINTS, isEphemeralTaint } from "./ephemeral.js";
export { formatTaint } from "./format.js";

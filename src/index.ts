/**
 * nodefit: decide which nodes a Kubernetes cluster needs.
 *
 * @packageDocumentation
 */

/** The version of this build of nodefit. */
export { VERSION } from "./version.js";

export type * from "./types/kubernetes.js";
export type * from "./types/storage.js";
export type * from "./types/node-overlay.js";
export * from "./errors.js";
export * from "./limits.js";
export * from "./resources/index.js";
export * from "./requirements/index.js";
export * from "./taints/index.js";
export * from "./volumes/index.js";
export * from "./instance-types/index.js";
export * from "./topology/index.js";
export * from "./overlays/index.js";
export * from "./scheduler/index.js";
export * from "./consolidation/index.js";

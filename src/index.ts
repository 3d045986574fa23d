/**
 * nodefit: decide which nodes a Kubernetes cluster needs.
 *
 * @packageDocumentation
 */

/** The version of this build of nodefit. */
export const VERSION: string = "0.1.0";
